/**
 * The browser's first look at a page ("does it name both sides at all?") as two regular expressions, generated
 * at build time from the same vocabulary the engine reads: the two states' names and demonyms, their capitals,
 * and the people and bodies that stand for each side most often in the dataset's claims. So a spelling added to
 * the dataset (Rússia, İran, Teerã, Hamaney, 俄罗斯) reaches the precheck too, and the precheck never misses a
 * page the engine would mark.
 *
 * The page's raw text is tested, never folded (folding 400 KB would cost milliseconds on every page): each folded
 * letter becomes a class of every character that folds to it (a → [aAáÁàâãäå…]), and a name longer than six
 * letters is cut to its first six, which also covers case endings (Путин → Путина, Rosji, Irana).
 */
import type { Dataset } from '../dataset/schema.ts';
import { foldCodePoint, foldTerm } from '../text/normalize.ts';

export interface PrecheckPatterns {
  /** `RegExp` sources for the flags `iu`. */
  readonly russia: string;
  readonly iran: string;
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
/** Scripts written without spaces between words: no word boundary before a name. */
const UNSPACED = /[\u3040-\u30ff\u3400-\u9fff]/u;

/** Every code point (in the scripts names are written in) that folds to each single character. */
function inverseFold(): Map<string, Set<string>> {
  const inverse = new Map<string, Set<string>>();
  // Lower case only: the patterns carry the `i` flag. Latin-1 and Latin Extended-A hold the accents of every
  // language we read in Latin script.
  const ranges: [number, number][] = [[0x61, 0x7a], [0xc0, 0x17f], [0x386, 0x3ff], [0x400, 0x4ff], [0x600, 0x6ff]];
  for (const [from, to] of ranges) {
    for (let codePoint = from; codePoint <= to; codePoint++) {
      const char = String.fromCodePoint(codePoint);
      // Upper case goes by the `i` flag, except where lower-casing makes two characters (Turkish İ).
      if (char !== char.toLowerCase() && char.toLowerCase().length === 1) continue;
      const folded = foldCodePoint(codePoint);
      if (folded.length !== 1) continue;
      const set = inverse.get(folded) ?? inverse.set(folded, new Set([folded])).get(folded)!;
      set.add(char);
    }
  }
  return inverse;
}

const escapeClassChar = (char: string) => (/[\\\]^-]/.test(char) ? `\\${char}` : char);
const escapeChar = (char: string) => char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function charPattern(char: string, inverse: Map<string, Set<string>>): string {
  const variants = inverse.get(char);
  if (!variants || variants.size === 1) return escapeChar(char);
  return `[${[...variants].sort().map(escapeClassChar).join('')}]`;
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
 * as a prefix ("Iran*").
 */
function stemOf(term: string): Stem | null {
  const prefix = term.endsWith('*');
  const folded = foldTerm(prefix ? term.slice(0, -1) : term);
  if (folded.length < 2) return null;
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
  return kept.sort((a, b) => a.text.localeCompare(b.text));
}

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  /** A stem ends here: `open` (the name may go on) or `closed` (a whole word only). */
  end: 'open' | 'closed' | null;
}

/**
 * The stems as a trie written out as one regular expression ("(?:r(?:oss|us(?![\p{L}])))…"): the regex engine then
 * tests a few dozen first letters at each word start instead of hundreds of alternatives, which is what makes the
 * precheck cheap on a 400,000-character sample.
 */
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

function renderTrie(node: TrieNode, inverse: Map<string, Set<string>>, closedEnd: string): string {
  // An open end matches whatever follows: the longer names below it add nothing.
  if (node.end === 'open') return '';
  const alternatives = [...node.children].sort(([a], [b]) => a.localeCompare(b)).map(([char, child]) => `${char === ' ' ? '\\s+' : charPattern(char, inverse)}${renderTrie(child, inverse, closedEnd)}`);
  if (node.end === 'closed') alternatives.push(closedEnd);
  return alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`;
}

/**
 * A letter or digit of the scripts names are written in here, as explicit ranges: `\p{L}` would make V8 compile a
 * class of every letter in Unicode, tens of milliseconds on every page.
 */
const WORD_CHAR_CLASS = '[0-9A-Za-z\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u052F\\u0590-\\u05FF\\u0600-\\u06FF\\u0900-\\u097F\\uAC00-\\uD7AF]';

function patternOf(stems: readonly Stem[], inverse: Map<string, Set<string>>): string {
  const spaced = stems.filter((stem) => !UNSPACED.test(stem.text));
  const unspaced = stems.filter((stem) => UNSPACED.test(stem.text)).map((stem) => ({ ...stem, open: true }));
  const alternatives = [
    ...(spaced.length > 0 ? [`(?<!${WORD_CHAR_CLASS})${renderTrie(trieOf(spaced), inverse, `(?!${WORD_CHAR_CLASS})`)}`] : []),
    ...(unspaced.length > 0 ? [renderTrie(trieOf(unspaced), inverse, '')] : []),
  ];
  return `(?:${alternatives.join('|')})`;
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
  const inverse = inverseFold();
  return { russia: patternOf(minimalStems(termsOf('russia')), inverse), iran: patternOf(minimalStems(termsOf('iran')), inverse) };
}
