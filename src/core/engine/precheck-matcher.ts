/**
 * Runs the precheck patterns (precheck-patterns.ts) over a page's text: fold it with native string methods and scan
 * it with one regular expression a side (word starts and ends are in the patterns). Pure and DOM-free: the content
 * script decides, through `accept`, whether a hit lies in article text.
 */
import type { PrecheckPatterns } from './precheck-patterns.ts';

export type Side = 'russia' | 'iran';

/**
 * A letter or digit of folded text in the scripts names are written in, as explicit ranges: `\p{L}` would need the
 * `u` flag and a class of every letter in Unicode.
 */
const WORD_CHARS = '0-9a-z\\u00c0-\\u024f\\u0370-\\u03ff\\u0400-\\u052f\\u0590-\\u05ff\\u0600-\\u06ff\\u0900-\\u097f\\uac00-\\ud7af';
/**
 * Stands for the class of word characters in the shipped patterns, which would otherwise repeat it at every word end
 * (a kilobyte of every page's content script); `expandPattern` puts the class back when the regex is compiled.
 */
export const WORD_CHAR_TOKEN = '@';

/** The pattern as a `RegExp` source. */
export function expandPattern(pattern: string): string {
  return pattern.replaceAll(WORD_CHAR_TOKEN, `[${WORD_CHARS}]`);
}

export interface Precheck {
  /** The page's text folded as the stems were (case, accents, letter variants); lengths may differ from the source. */
  fold(text: string): string;
  /**
   * The index in `folded` of the first name of `side` that `accept` takes (all, by default), or -1. `accept` sees
   * the index of each hit in turn, so a page can reject names in its navigation and keep looking.
   */
  findName(folded: string, side: Side, accept?: (index: number) => boolean): number;
}

export function createPrecheck(patterns: PrecheckPatterns): Precheck {
  const drop = new RegExp(patterns.folding.drop, 'g');
  const variants = patterns.folding.variants;
  const variant = new RegExp(`[${Object.keys(variants).map((char) => char.replace(/[\\\]^-]/g, '\\$&')).join('')}]`, 'g');
  // Compiled on first use: a page that never gets this far builds nothing.
  const compiled = new Map<Side, RegExp>();
  const regexOf = (side: Side) => {
    let regex = compiled.get(side);
    if (!regex) compiled.set(side, (regex = new RegExp(expandPattern(patterns[side].pattern), 'g')));
    return regex;
  };
  return {
    fold(text) {
      return text.normalize('NFD').toLowerCase().replace(drop, '').replace(variant, (char) => variants[char] ?? char);
    },
    findName(folded, side, accept = () => true) {
      const regex = regexOf(side);
      regex.lastIndex = 0;
      for (let match = regex.exec(folded); match; match = regex.exec(folded)) {
        if (accept(match.index)) return match.index;
        regex.lastIndex = match.index + 1;
      }
      return -1;
    },
  };
}
