/**
 * Runs the precheck patterns (precheck-patterns.ts) over a page's text: fold it with native string methods, scan it
 * with one plain alternation a side, and check word boundaries in script on the hits. Pure and DOM-free: the
 * content script decides, through `accept`, whether a hit lies in article text.
 */
import { WORD_CHARS, type PrecheckPatterns, type PrecheckSide } from './precheck-patterns.ts';

export type Side = 'russia' | 'iran';

const WORD_CHAR = new RegExp(`[${WORD_CHARS}]`);

export interface Precheck {
  /** The page's text folded as the stems were (case, accents, letter variants); lengths may differ from the source. */
  fold(text: string): string;
  /**
   * The index in `folded` of the first whole-word name of `side` that `accept` takes (all, by default), or -1.
   * `accept` sees the index of each hit in turn, so a page can reject names in its navigation and keep looking.
   */
  findName(folded: string, side: Side, accept?: (index: number) => boolean): number;
}

export function createPrecheck(patterns: PrecheckPatterns): Precheck {
  const drop = new RegExp(patterns.folding.drop, 'g');
  const variants = patterns.folding.variants;
  const variant = new RegExp(`[${Object.keys(variants).map((char) => char.replace(/[\\\]^-]/g, '\\$&')).join('')}]`, 'g');
  // Compiled on first use: a page that never gets this far builds nothing.
  const compiled = new Map<Side, { regex: RegExp; closed: ReadonlySet<string> }>();
  const sideOf = (side: Side) => {
    let entry = compiled.get(side);
    if (!entry) {
      const source: PrecheckSide = patterns[side];
      entry = { regex: new RegExp(source.pattern, 'g'), closed: new Set(source.closed) };
      compiled.set(side, entry);
    }
    return entry;
  };
  return {
    fold(text) {
      return text.normalize('NFD').toLowerCase().replace(drop, '').replace(variant, (char) => variants[char] ?? char);
    },
    findName(folded, side, accept = () => true) {
      const { regex, closed } = sideOf(side);
      regex.lastIndex = 0;
      for (let match = regex.exec(folded); match; match = regex.exec(folded)) {
        const start = match.index;
        const end = start + match[0].length;
        // The regex saw the word start; a short name must also end there ("rus", not "rush").
        const whole = !closed.has(match[0].replace(/\s+/g, ' ')) || end === folded.length || !WORD_CHAR.test(folded[end]!);
        if (whole && accept(start)) return start;
        regex.lastIndex = start + 1;
      }
      return -1;
    },
  };
}
