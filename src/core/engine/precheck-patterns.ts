/**
 * The browser's first look at a page ("does it name both sides at all?"), generated at build time from the same
 * vocabulary the engine reads: the two states' names and demonyms, their capitals, and the people and bodies that
 * stand for each side most often in the dataset's claims. So a spelling added to the dataset (Rússia, İran, Teerã,
 * Hamaney, 俄罗斯) reaches the precheck too, and the precheck never misses a page the engine would mark.
 *
 * Speed decides the shape. Testing raw text against classes of every accented form ([aàáâãäå…]) with the `iu` flags
 * costs about 45 ns a character in V8 (18 ms on a 400,000-character page), since the engine must try each position.
 * Instead the page folds its text with native string methods (NFD, lower case, two replacements: under 2 ms for 400
 * KB) and tests one plain alternation of folded stems, which V8 scans ten times faster; word boundaries are checked in
 * script on the rare hits (see precheck-matcher.ts). The folding tables are derived from the engine's own
 * `foldCodePoint`, so the two can never disagree (a test checks every code point).
 * A name longer than six letters is cut to its first six, which also covers case endings (Путин → Путина, Rosji).
 */
import type { Dataset } from '../dataset/schema.ts';
import { foldCodePoint, foldTerm } from '../text/normalize.ts';
import { WORD_CHAR_TOKEN } from './precheck-matcher.ts';

export interface PrecheckSide {
  /**
   * Every stem of the side at a word start, over folded text, as a `RegExp` source once expanded (`expandPattern`;
   * flag `g`, no `i` or `u`). Short stems must also end a word ("rus", "sco" are not "rush", "scottish"); the others
   * may go on ("irana").
   */
  readonly pattern: string;
}

export interface PrecheckFolding {
  /** A character class source: what folding drops (accents, vowel points, invisible characters). */
  readonly drop: string;
  /** Characters folded to another form after NFD and lower case (Arabic yeh → Persian yeh, ı → i, final ς → σ). */
  readonly variants: Readonly<Record<string, string>>;
}

export interface PrecheckPatterns {
  readonly russia: PrecheckSide;
  readonly iran: PrecheckSide;
  readonly folding: PrecheckFolding;
}

/** People and bodies of one side named in at least this many claims stand for it (Putin, Rosatom, Khamenei…). */
const MIN_CLAIMS = 4;
const STEM_LENGTH = 6;
const SIDE_CONCEPTS = { russia: ['moscow', 'kremlin'], iran: ['tehran'] } as const;
/**
 * Blocs Russia founded or leads stand for its side at the first look: a page on Iran joining BRICS or the SCO
 * can be about the relationship without naming Russia (the engine then needs dataset claims to call it relevant).
 */
const RUSSIAN_LED_BLOCS = ['brics', 'shanghai-cooperation-organisation', 'eurasian-economic-union'];

/** Code points of the alphabetic scripts, punctuation and presentation forms (CJK and Hangul fold to themselves). */
const FOLDED_RANGES: readonly (readonly [number, number])[] = [[0x00, 0x2fff], [0xfb00, 0xffef]];

/** What the browser does natively before the table applies (precheck-matcher.ts does exactly this). */
export const nativeFold = (text: string) => text.normalize('NFD').toLowerCase();

/**
 * The folding table: for each code point, what `foldCodePoint` makes of it that NFD and lower case alone do not.
 * Whitespace and digits are left alone: stems hold neither digits nor anything but single spaces, matched by `\s+`.
 */
export function precheckFolding(): PrecheckFolding {
  const drop: number[] = [];
  const variants: Record<string, string> = { ς: 'σ' };
  for (const [from, to] of FOLDED_RANGES) {
    for (let codePoint = from; codePoint <= to; codePoint++) {
      const char = String.fromCodePoint(codePoint);
      const folded = foldCodePoint(codePoint);
      if (/[\s\d]/u.test(char) || folded === ' ') continue;
      if (folded === '') {
        drop.push(codePoint);
        continue;
      }
      // Left as it is by NFD and lower case, but folded to something else: a letter variant.
      const native = nativeFold(char);
      // Letters only: names hold no quotes, dashes or digits, and each variant costs a call on every page that has it.
      if (native !== folded && native.length === 1 && /\p{L}/u.test(native)) variants[native] = folded;
    }
  }
  return { drop: classOf(drop), variants };
}

/** `[\u0300-\u036f…]` from sorted code points, as ranges. */
function classOf(codePoints: readonly number[]): string {
  const hex = (codePoint: number) => `\\u${codePoint.toString(16).padStart(4, '0')}`;
  const parts: string[] = [];
  for (let index = 0; index < codePoints.length; ) {
    let end = index;
    while (end + 1 < codePoints.length && codePoints[end + 1] === codePoints[end]! + 1) end++;
    parts.push(end === index ? hex(codePoints[index]!) : `${hex(codePoints[index]!)}-${hex(codePoints[end]!)}`);
    index = end + 1;
  }
  return `[${parts.join('')}]`;
}

interface Stem {
  readonly text: string;
  /** Whether the name may continue after the stem (a case ending, a suffix): not for short whole words. */
  readonly open: boolean;
}

/**
 * A single word is cut to its first six letters (covering case endings); a name of several words is kept whole,
 * since its first letters alone are a common word ("Organisation de Shanghai", "Guardia Revolucionaria"). A word
 * shorter than five letters must stand alone ("Rus", "SCO" are not "rush", "Scottish"), unless the dataset writes it
 * as a prefix ("Iran*"). Scripts written without spaces have no word ends: their names are always open.
 */
function stemOf(term: string): Stem | null {
  const prefix = term.endsWith('*');
  const folded = foldTerm(prefix ? term.slice(0, -1) : term).replace(/ς/gu, 'σ');
  // The token that stands for word characters in the shipped pattern cannot be part of a name.
  if (folded.length < 2 || folded.includes(WORD_CHAR_TOKEN)) return null;
  if (UNSPACED.test(folded)) return { text: folded, open: true };
  if (/\s/u.test(folded)) return { text: folded, open: false };
  const letters = [...folded];
  return { text: letters.slice(0, STEM_LENGTH).join(''), open: prefix || letters.length >= 5 };
}

/** The fewest stems that still match everything: "russia" is covered by an open "russ" when both are there. */
function minimalStems(stems: Iterable<Stem>): Stem[] {
  const unique = new Map<string, Stem>();
  for (const stem of stems) {
    const seen = unique.get(stem.text);
    if (!seen || (stem.open && !seen.open)) unique.set(stem.text, stem);
  }
  const sorted = [...unique.values()].sort((a, b) => a.text.length - b.text.length || a.text.localeCompare(b.text));
  const kept: Stem[] = [];
  for (const stem of sorted) if (!kept.some((shorter) => shorter.open && stem.text.startsWith(shorter.text))) kept.push(stem);
  return kept;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  /** A stem ends here: `open` (the name may go on: a case ending) or `closed` (a whole word only). */
  end: 'open' | 'closed' | null;
}

/**
 * The stems as a trie written out as one regular expression ("r(?:oss|us(?:s|ya))…"): V8 then tests a few dozen first
 * letters at each position instead of hundreds of alternatives. Longer continuations come before a stem's end, so
 * at a position where "russia" and "rus" both match the regex reports the longer: a closed short stem never hides
 * an open long one.
 */
function renderTrie(node: TrieNode): string {
  // An open end matches whatever follows: the longer names below it add nothing.
  if (node.end === 'open') return '';
  const alternatives = [...node.children]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([char, child]) => `${char === ' ' ? '\\s+' : escapeRegExp(char)}${renderTrie(child)}`);
  // A closed end must end the word: the lookahead runs only once a whole stem has matched, so it costs nothing.
  if (node.end === 'closed') alternatives.push(`(?!${WORD_CHAR_TOKEN})`);
  return alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`;
}

function trieOf(stems: readonly Stem[]): TrieNode {
  const root: TrieNode = { children: new Map(), end: null };
  for (const stem of stems) {
    let node = root;
    for (const char of stem.text) {
      let child = node.children.get(char);
      if (!child) node.children.set(char, (child = { children: new Map(), end: null }));
      node = child;
    }
    node.end = stem.open || node.end === 'open' ? 'open' : 'closed';
  }
  return root;
}

const UNSPACED = /[\u3040-\u30ff\u3400-\u9fff]/u;
/** Names start a word (the regex checks); in scripts written without spaces they may start anywhere. */
function sideOf(stems: readonly Stem[]): PrecheckSide {
  const spaced = stems.filter((stem) => !UNSPACED.test(stem.text));
  const unspaced = stems.filter((stem) => UNSPACED.test(stem.text));
  const alternatives = [
    ...(spaced.length > 0 ? [`(?<!${WORD_CHAR_TOKEN})${renderTrie(trieOf(spaced))}`] : []),
    ...(unspaced.length > 0 ? [renderTrie(trieOf(unspaced))] : []),
  ];
  return { pattern: alternatives.map((alternative) => `(?:${alternative})`).join('|') };
}

export function precheckPatterns(dataset: Dataset): PrecheckPatterns {
  const claimCount = new Map<string, number>();
  for (const claim of dataset.claims) for (const actor of claim.actors) claimCount.set(actor, (claimCount.get(actor) ?? 0) + 1);
  const termsOf = (side: 'russia' | 'iran') => {
    const country = side === 'russia' ? 'RU' : 'IR';
    const actors = dataset.actors.filter(
      (actor) =>
        actor.id === side ||
        (side === 'russia' && RUSSIAN_LED_BLOCS.includes(actor.id)) ||
        (actor.country === country && actor.kind !== 'state' && (claimCount.get(actor.id) ?? 0) >= MIN_CLAIMS),
    );
    // A full name ("Ali Khamenei") adds nothing its single-word forms do not cover; match terms are kept whole,
    // since some need their article ("o Irã": "irã" alone folds to the Portuguese "irá").
    const single = (name: string) => !/\s/u.test(name.trim());
    const names = actors.flatMap((actor) => [
      ...[actor.name, ...actor.aliases, ...Object.values(actor.names).filter((name): name is string => Boolean(name))].filter(single),
      ...(actor.matchTerms ?? []),
    ]);
    const places = SIDE_CONCEPTS[side].flatMap((id) => Object.values(dataset.concepts[id] ?? {}).flat());
    return [...names, ...places].map(stemOf).filter((stem): stem is Stem => stem !== null);
  };
  return { russia: sideOf(minimalStems(termsOf('russia'))), iran: sideOf(minimalStems(termsOf('iran'))), folding: precheckFolding() };
}
