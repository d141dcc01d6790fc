/**
 * The browser's first look at a page ("does it name both states at all?"), generated at build time from the same
 * vocabulary the engine reads: each state's own names and demonyms in every language the dataset has, its capital,
 * and for Russia the Kremlin and the blocs it leads. So a spelling added to the dataset (Rússia, İran, Teerã,
 * 俄罗斯) reaches the first look too.
 *
 * Speed decides the shape; every page pays for this. The page's text is searched as it is, not folded first: NFD,
 * lower case and two replacements cost 15 ns a character, more than the search. So each folded letter of a stem
 * becomes the class of every character the engine folds to it ("i" → [iIíÍîİı…]), and the stems are written as one
 * trie-shaped regular expression a side. People are left out: with them a side's pattern had a thousand stems, which
 * V8 took milliseconds to compile on every page and ran at 30 ns a character (it tries each first letter at each
 * position); a few dozen stems run at a few nanoseconds. An article about the two states names them, or their
 * capitals, somewhere in its text.
 * A name longer than six letters is cut to its first six, which also covers case endings (Россия → России, Rosji).
 */
import type { Dataset } from '../dataset/schema.ts';
import { foldCodePoint, foldTerm } from '../text/normalize.ts';
import { LATIN_END, LATIN_FROM, LATIN_KEPT, NO_STEM_LETTER, UNSPACED_FROM, UNSPACED_TO, WORD_CHAR_TOKEN, type PrecheckPatterns, type Side } from './precheck-matcher.ts';

export type { PrecheckPatterns, Side } from './precheck-matcher.ts';

const STEM_LENGTH = 6;
const PLACES: Readonly<Record<Side, readonly string[]>> = { russia: ['moscow', 'kremlin'], iran: ['tehran'] };
/**
 * Blocs Russia founded or leads stand for its side at the first look: a page on Iran joining BRICS or the SCO
 * can be about the relationship without naming Russia (the engine then needs dataset claims to call it relevant).
 */
const RUSSIAN_LED_BLOCS = ['brics', 'shanghai-cooperation-organisation', 'eurasian-economic-union'];

/**
 * Characters the classes spell out: Latin with its accents (Latin-1 and Extended-A and -B), Greek, Cyrillic, Hebrew,
 * Arabic and Devanagari, the scripts names are written in. Letters of other blocks that fold to the same (the
 * Vietnamese ạ, the Ångström sign) are not read at the first look: no news site writes these names with them.
 */
export const PRECHECK_RANGES: readonly (readonly [number, number])[] = [[0x00, 0x24f], [0x370, 0x52f], [0x590, 0x6ff], [0x900, 0x97f]];
/**
 * Letters and digits of folded text in the scripts names are written in; the page's own text also has their upper
 * case, which lies in the same ranges except for A–Z.
 */
const WORD_CHARS = '0-9A-Za-z\\u00c0-\\u024f\\u0370-\\u03ff\\u0400-\\u052f\\u0590-\\u05ff\\u0600-\\u06ff\\u0900-\\u097f\\uac00-\\ud7af';

/** A pattern no text matches (a side with no stem of ASCII letters). */
const NEVER = '(?!)';

const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
const isLetter = (char: string) => /^\p{L}$/u.test(char);
/** A class member: letters as they are, others (marks, spaces, invisible ones) as escapes. */
const member = (code: number) => (isLetter(String.fromCharCode(code)) ? String.fromCharCode(code) : hex(code));

/** `[À-Åà-åĀ-ą…]`: the characters as a class, runs of three or more as ranges. */
function classOf(chars: readonly string[]): string {
  const codes = [...new Set(chars.map((char) => char.charCodeAt(0)))].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let index = 0; index < codes.length; ) {
    let end = index;
    while (end + 1 < codes.length && codes[end + 1] === codes[end]! + 1) end++;
    if (end - index >= 2) parts.push(`${member(codes[index]!)}-${member(codes[end]!)}`);
    else for (let at = index; at <= end; at++) parts.push(member(codes[at]!));
    index = end + 1;
  }
  return `[${parts.join('')}]`;
}

/**
 * The blocks of letters beyond ASCII that stems are written in: Latin with its accents, Greek, Cyrillic, Hebrew,
 * Arabic, Devanagari, Japanese and Chinese, Hangul. Text is scanned for them to find where the full pattern must read:
 * a class of a few wide ranges is what V8 checks quickly (one of every accented letter is several times slower).
 */
const LETTER_BLOCKS: readonly (readonly [number, number])[] = [[0xc0, 0x24f], [0x370, 0x52f], [0x590, 0x6ff], [0x900, 0x97f], [0x3040, 0x9fff], [0xac00, 0xd7af]];

/** The blocks holding `chars`, as one class; a character outside them all is a build error, not a missed name. */
function blocksClassOf(chars: readonly string[]): string {
  const codes = chars.map((char) => char.charCodeAt(0));
  const outside = codes.filter((code) => !LETTER_BLOCKS.some(([from, to]) => code >= from && code <= to));
  if (outside.length > 0) throw new Error(`precheck: stems hold characters outside LETTER_BLOCKS: ${outside.map(hex).join(' ')}`);
  const used = LETTER_BLOCKS.filter(([from, to]) => codes.some((code) => code >= from && code <= to));
  return `[${used.map(([from, to]) => `${hex(from)}-${hex(to)}`).join('')}]`;
}

/** For each folded character, every code unit the engine folds to it (itself included). */
function rawFormsByFolded(): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const [from, to] of PRECHECK_RANGES) {
    for (let code = from; code <= to; code++) {
      const folded = foldCodePoint(code);
      if (folded.length === 0) continue;
      const list = forms.get(folded) ?? forms.set(folded, folded.length === 1 ? [folded] : []).get(folded)!;
      const char = String.fromCharCode(code);
      if (!list.includes(char)) list.push(char);
    }
  }
  return forms;
}

interface Stem {
  /**
   * The stem's characters: each a folded character (read as any character the engine folds to it), or, after
   * `EXACT`, a character read only as written (either case).
   */
  readonly edges: readonly string[];
  /** Whether the name may continue after the stem (a case ending, a suffix): not for short whole words. */
  readonly open: boolean;
}

/** Marks an edge read as written ("ã" in "Irã"), not as whatever folds to the same ("a"). */
const EXACT = '=';
/** Is this edge read as written (`EXACT` and its character), not a folded character? */
const isExact = (edge: string) => edge.startsWith(EXACT) && edge.length > 1;
const UNSPACED = /[\u3040-\u30ff\u3400-\u9fff]/u;
const HANGUL = /[\uac00-\ud7af]/u;

/**
 * A single word is cut to its first six letters (covering case endings). A word shorter than five letters must stand
 * alone ("Rus", "SCO" are not "rush", "Scottish"), unless the dataset writes it as a prefix ("Iran*"). Scripts written
 * without spaces have no word ends: their names are always open.
 * A name of several words is left out: each side also has single words that cover it ("Российская" for "Российская
 * Федерация"), and phrases starting with many different letters would slow the search on every page. One kind is
 * kept: a phrase the engine needs because its last word, folded, is a common word ("o Irã": "irã" folds to the
 * Portuguese "irá"). On the page's own text the accent tells the two apart, so that word is read as written.
 */
function stemOf(term: string): Stem | null {
  const prefix = term.endsWith('*');
  const name = prefix ? term.slice(0, -1) : term;
  // Hangul is read as pages write it, in syllables (the engine's NFD splits them into jamo); particles follow
  // names (러시아는, 이란과), so a Korean name always goes on.
  if (HANGUL.test(name)) return /\s/u.test(name.trim()) ? null : { edges: [...name.trim().normalize('NFC')], open: true };
  const folded = foldTerm(name);
  if (folded.length < 2) return null;
  if (UNSPACED.test(folded)) return { edges: [...folded], open: true };
  if (/\s/u.test(folded)) {
    const last = [...name.trim().split(/\s+/u).pop()!.toLowerCase()];
    const readAsWritten = (char: string) => foldTerm(char) !== char;
    if (!last.some(readAsWritten)) return null;
    return { edges: last.map((char) => (readAsWritten(char) ? `${EXACT}${char}` : char)), open: prefix };
  }
  const letters = [...folded];
  return { edges: letters.slice(0, STEM_LENGTH), open: prefix || letters.length >= 5 };
}

const startsWith = (edges: readonly string[], prefix: readonly string[]) => prefix.length <= edges.length && prefix.every((edge, at) => edges[at] === edge);

/** The fewest stems that still match everything: "russia" is covered by an open "russ" when both are there. */
function minimalStems(stems: Iterable<Stem>): Stem[] {
  const unique = new Map<string, Stem>();
  for (const stem of stems) {
    const key = stem.edges.join('\u0000');
    const seen = unique.get(key);
    if (!seen || (stem.open && !seen.open)) unique.set(key, stem);
  }
  const sorted = [...unique.values()].sort((a, b) => a.edges.length - b.edges.length || a.edges.join('').localeCompare(b.edges.join('')));
  const kept: Stem[] = [];
  for (const stem of sorted) if (!kept.some((shorter) => shorter.open && startsWith(stem.edges, shorter.edges))) kept.push(stem);
  return kept;
}

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  /** A stem ends here: `open` (the name may go on) or `closed` (a whole word only). */
  end: 'open' | 'closed' | null;
}

/**
 * The stems as a trie written out as one regular expression: a few dozen first letters at each position instead of
 * every stem. An edge is one folded character, or several that one page character folds to (ß → ss).
 */
function trieOf(stems: readonly Stem[], expansions: readonly string[]): TrieNode {
  const root: TrieNode = { children: new Map(), end: null };
  const add = (edges: readonly string[], open: boolean) => {
    let node = root;
    for (const edge of edges) {
      let child = node.children.get(edge);
      if (!child) node.children.set(edge, (child = { children: new Map(), end: null }));
      node = child;
    }
    node.end = open || node.end === 'open' ? 'open' : 'closed';
  };
  for (const stem of stems) {
    add(stem.edges, stem.open);
    // "Rußland": where the stem spells what one character folds to, that character may stand for it.
    const text = stem.edges.join('');
    for (const expansion of expansions) {
      const at = text.indexOf(expansion);
      if (at >= 0 && !text.includes(EXACT)) add([...text.slice(0, at), expansion, ...text.slice(at + expansion.length)], stem.open);
    }
  }
  return root;
}

/**
 * The trie as a regular expression, reading each edge as the characters `keep` takes of those it stands for; null
 * when `keep` leaves no way through this node.
 */
function renderTrie(node: TrieNode, forms: ReadonlyMap<string, readonly string[]>, keep: (char: string) => boolean): string | null {
  // An open end matches whatever follows: the longer names below it add nothing.
  if (node.end === 'open') return '';
  const edgeOf = (edge: string): string | null => {
    if (edge === ' ') return '\\s+';
    const raw = (isExact(edge) ? [edge.slice(1), edge.slice(1).toUpperCase()] : (forms.get(edge) ?? [edge])).filter(keep);
    if (raw.length === 0) return null;
    return raw.length === 1 ? raw[0]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : classOf(raw);
  };
  const alternatives: string[] = [];
  for (const [edge, child] of [...node.children].sort(([a], [b]) => a.localeCompare(b))) {
    const head = edgeOf(edge);
    const rest = head === null ? null : renderTrie(child, forms, keep);
    if (head !== null && rest !== null) alternatives.push(`${head}${rest}`);
  }
  // A closed end must end the word: the lookahead runs only once a whole stem has matched, so it costs nothing.
  if (node.end === 'closed') alternatives.push(`(?!${WORD_CHAR_TOKEN})`);
  if (alternatives.length === 0) return null;
  return alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`;
}

/**
 * `SidePatterns.beyondLatinFirst`: where in a run of letters beyond Latin a name spelt in them may start. At the run's
 * start or after an accent written as a separate mark, with any letter some stem starts with; after another letter,
 * only where the matcher takes a name to start there: a capital (after a small letter, in texts run together) or a
 * letter of a script written without spaces.
 */
function firstLettersPattern(root: TrieNode, forms: ReadonlyMap<string, readonly string[]>): string {
  const first = [...root.children.keys()].flatMap((edge) => (isExact(edge) ? [edge.slice(1), edge.slice(1).toUpperCase()] : (forms.get(edge) ?? [edge])));
  const beyondLatin = first.filter((char) => char.charCodeAt(0) >= LATIN_END);
  if (beyondLatin.length === 0) return NEVER;
  const inside = beyondLatin.filter((char) => char !== char.toLowerCase() || (char.charCodeAt(0) >= UNSPACED_FROM && char.charCodeAt(0) <= UNSPACED_TO));
  // An accent written as a separate mark is no letter: a word may start after one.
  const starts = [`^${classOf(beyondLatin)}`, `[\\u0300-\\u036f]${classOf(beyondLatin)}`];
  return [...starts, ...(inside.length > 0 ? [classOf(inside)] : [])].join('|');
}

/** The most characters a stem can match: one an edge, and a run of spaces (`\s+`) counted as up to eight. */
function longestMatch(node: TrieNode): number {
  let longest = 0;
  for (const [edge, child] of node.children) longest = Math.max(longest, (edge === ' ' ? 8 : 1) + longestMatch(child));
  return longest;
}

/** The state's names, its capital (and the Kremlin), and for Russia the blocs it leads: the terms a side is named by. */
function termsOf(dataset: Dataset, side: Side): string[] {
  const actors = dataset.actors.filter((actor) => actor.id === side || (side === 'russia' && RUSSIAN_LED_BLOCS.includes(actor.id)));
  // A name of several words ("Shanghai Cooperation Organisation") adds nothing its single-word forms do not cover.
  const single = (name: string) => !/\s/u.test(name.trim());
  const names = actors.flatMap((actor) => [
    ...[actor.name, ...actor.aliases, ...Object.values(actor.names).filter((name): name is string => Boolean(name))].filter(single),
    ...(actor.matchTerms ?? []),
  ]);
  const places = PLACES[side].flatMap((id) => Object.values(dataset.concepts[id] ?? {}).flat());
  return [...names, ...places];
}

/** Every edge of the trie: folded characters ("ss" standing for the one character folded to it: ß), and `EXACT` ones. */
function edgesOf(node: TrieNode, found = new Set<string>()): Set<string> {
  for (const [edge, child] of node.children) {
    found.add(edge);
    edgesOf(child, found);
  }
  return found;
}

/**
 * `PrecheckPatterns.latinFolds`: each Latin letter beyond ASCII as the ASCII letter the engine folds it to (a letter
 * some stem reads as written too: the matcher then also asks `asWritten`). `LATIN_KEPT` where no single ASCII letter
 * stands for it and some stem holds what it folds to (ß, "ss"): the letter then stays, the trigger finds it, and the
 * full pattern decides. A space for a character that is no letter (×, ÷), and for a letter that folds to what no stem
 * holds (the "æ" of "Encyclopædia"), which would otherwise send the search to the full pattern for nothing. ASCII
 * throughout, so the table costs every page's script a fifth of what the letters themselves would.
 */
function latinFoldsOf(exact: ReadonlySet<string>, held: ReadonlySet<string>): string {
  let folds = '';
  for (let code = LATIN_FROM; code < LATIN_END; code++) {
    const char = String.fromCharCode(code);
    const folded = foldCodePoint(code);
    if (!isLetter(char)) folds += ' ';
    else if (/^[a-z]$/.test(folded)) folds += folded;
    else if (exact.has(char)) throw new Error(`precheck: a stem reads ${hex(code)} as written, which folds to no ASCII letter`);
    else folds += held.has(folded) ? LATIN_KEPT : ' ';
  }
  return folds;
}

/** The precheck's patterns, from the dataset (shipped in the content script as `virtual:lens-precheck`). */
export function precheckPatterns(dataset: Dataset): PrecheckPatterns {
  const forms = rawFormsByFolded();
  const expansions = [...forms.keys()].filter((folded) => folded.length > 1 && /^\p{L}+$/u.test(folded) && !UNSPACED.test(folded));
  // Several-character edges are written as the class of the characters that fold to them.
  const edgeForms = new Map([...forms].filter(([folded]) => folded.length === 1 || expansions.includes(folded)));
  const stemsOf = (side: Side) => minimalStems(termsOf(dataset, side).map(stemOf).filter((stem): stem is Stem => stem !== null));
  const stems = { russia: stemsOf('russia'), iran: stemsOf('iran') };
  const tries = { russia: trieOf(stems.russia, expansions), iran: trieOf(stems.iran, expansions) };
  const isAscii = (char: string) => char.charCodeAt(0) < 0x80;
  /** Every character beyond ASCII that some stem holds: where a text has none, the ASCII patterns find all. */
  const others = new Set<string>();
  const sideOf = (side: Side) => ({
    all: renderTrie(tries[side], edgeForms, (char) => (isAscii(char) || others.add(char), true)) ?? NEVER,
    ascii: renderTrie(tries[side], edgeForms, isAscii) ?? NEVER,
    beyondLatin: renderTrie(tries[side], edgeForms, (char) => char.charCodeAt(0) >= LATIN_END) ?? NEVER,
    beyondLatinFirst: firstLettersPattern(tries[side], edgeForms),
    asWritten: renderTrie(trieOf(stems[side].filter((stem) => stem.edges.some(isExact)), expansions), edgeForms, () => true) ?? NEVER,
  });
  const edges = [...edgesOf(tries.russia), ...edgesOf(tries.iran)];
  if (edges.some((edge) => edge.includes(NO_STEM_LETTER))) throw new Error(`precheck: a stem holds "${NO_STEM_LETTER}", which the matcher reads æ and × as`);
  /** The characters stems read as written, both cases. */
  const exact = new Set(edges.filter(isExact).flatMap((edge) => [edge.slice(1), edge.slice(1).toUpperCase()]));
  const russia = sideOf('russia');
  const iran = sideOf('iran');
  return {
    russia,
    iran,
    wordChar: `[${WORD_CHARS}]`,
    others: blocksClassOf([...others]),
    longest: Math.max(longestMatch(tries.russia), longestMatch(tries.iran)),
    latinFolds: latinFoldsOf(exact, new Set(edges.filter((edge) => !isExact(edge)))),
    asWrittenLetters: [...exact].sort().join(''),
  };
}
