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

function stemOf(term: string): string | null {
  const folded = foldTerm(term.endsWith('*') ? term.slice(0, -1) : term);
  if (folded.length < 2) return null;
  return [...folded].slice(0, STEM_LENGTH).join('').trim();
}

/** The fewest stems that still match everything: "russia" is covered by "russ" when both are there. */
function minimalStems(stems: Iterable<string>): string[] {
  const sorted = [...new Set(stems)].sort((a, b) => a.length - b.length || a.localeCompare(b));
  const kept: string[] = [];
  for (const stem of sorted) if (!kept.some((shorter) => stem.startsWith(shorter))) kept.push(stem);
  return kept.sort();
}

function patternOf(stems: readonly string[], inverse: Map<string, Set<string>>): string {
  const alternatives = stems.map((stem) => {
    const body = [...stem].map((char) => (char === ' ' ? '\\s+' : charPattern(char, inverse))).join('');
    return UNSPACED.test(stem) ? body : `(?<![\\p{L}\\p{N}])${body}`;
  });
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
    return [...names, ...places].map(stemOf).filter((stem): stem is string => stem !== null);
  };
  const inverse = inverseFold();
  return { russia: patternOf(minimalStems(termsOf('russia')), inverse), iran: patternOf(minimalStems(termsOf('iran')), inverse) };
}
