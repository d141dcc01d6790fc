/**
 * Runs the precheck patterns (precheck-patterns.ts) over a page's own text: one regular expression a side, compiled
 * the first time a page needs it, and a check on each hit that it starts a word. Pure and DOM-free: the content
 * script decides, through `accept`, whether a hit lies in article text.
 */
export type Side = 'russia' | 'iran';

export interface PrecheckPatterns {
  /**
   * Each side's stems as a `RegExp` source over the page's own text (flag `g` only). A stem must start a word; the
   * matcher checks that on the rare hits. Short stems must also end one ("rus" is not "rush"), which the pattern
   * checks with a lookahead after the whole stem.
   */
  readonly russia: string;
  readonly iran: string;
  /** A character class source of the letters and digits of the scripts names are written in, upper case too. */
  readonly wordChar: string;
}

/**
 * Stands for `wordChar` in the patterns, which would otherwise repeat it at every closed stem's end (kilobytes of every
 * page's content script); the matcher puts the class back when it compiles a pattern.
 */
export const WORD_CHAR_TOKEN = '@';

export interface Precheck {
  /**
   * The text as the patterns read it: accents written as separate marks (NFD, rare on the web) are composed, so
   * "Ru\u0301ssia" reads as "Rússia". Lengths may change; the texts' separators stay.
   */
  prepare(text: string): string;
  /**
   * The index in `text` (prepared) of the first name of `side` that starts a word and that `accept` takes (all, by
   * default), or -1. `accept` sees the index of each hit in turn, so a page can reject names in its navigation.
   */
  findName(text: string, side: Side, accept?: (index: number) => boolean): number;
}

/** Combining accents: where a text has one, it is composed before reading. */
const COMBINING = /[\u0300-\u036f]/;
/** Scripts written without spaces: a name may start anywhere. */
const isUnspaced = (code: number) => code >= 0x3040 && code <= 0x9fff;

export function createPrecheck(patterns: PrecheckPatterns): Precheck {
  const wordChar = new RegExp(patterns.wordChar);
  // Compiled on first use: a page that never gets this far builds nothing, and most pages never ask for Russia.
  const compiled = new Map<Side, RegExp>();
  const regexOf = (side: Side) => {
    let regex = compiled.get(side);
    if (!regex) compiled.set(side, (regex = new RegExp(patterns[side].replaceAll(WORD_CHAR_TOKEN, patterns.wordChar), 'g')));
    return regex;
  };
  const startsWord = (text: string, index: number) => index === 0 || isUnspaced(text.charCodeAt(index)) || !wordChar.test(text[index - 1]!);
  return {
    prepare: (text) => (COMBINING.test(text) ? text.normalize('NFC') : text),
    findName(text, side, accept = () => true) {
      const regex = regexOf(side);
      regex.lastIndex = 0;
      for (let match = regex.exec(text); match; match = regex.exec(text)) {
        if (startsWord(text, match.index) && accept(match.index)) return match.index;
        regex.lastIndex = match.index + 1;
      }
      return -1;
    },
  };
}
