import { describe, expect, it } from 'vitest';
import { followsLetterOrDigit, matchesAtWordStart } from '../../../src/core/text/word-start.ts';

/** What `matchAll` gives with the lookbehind the helper stands for. */
const withLookbehind = (text: string, source: string) => [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})`, 'gu'))].map((match) => [match.index, match[0]]);
const checked = (text: string, source: string) => [...matchesAtWordStart(text, new RegExp(source, 'gu'))].map((match) => [match.index, match[0]]);

describe('matches that start a word', () => {
  it('finds what a lookbehind at the pattern’s start finds, after letters, digits and surrogate pairs', () => {
    const texts = [
      '12 May 2022, a12 May, 1212, x2022 and 2022',
      'در ۱۲ مه، و٣12 May',
      // Letters beyond the BMP (mathematical, CJK Extension B) are letters; an emoji is not.
      '\u{1D49C}12 May, \u{20000}12 May, \u{1F600}12 May, \u{1D7CE}12 (a digit beyond the BMP)',
      'May May. Mayday 12May12 May',
      '',
    ];
    for (const source of ['\\d{1,2}\\s(?:May)', 'May|\\d{4}', '\\d+', '\\d{2}(?:May)?']) {
      for (const text of texts) expect(checked(text, source), `${source} in ${text}`).toEqual(withLookbehind(text, source));
    }
    // The case that matters: a match rejected after a letter, and the next match found inside it.
    expect(checked('a1212', '\\d{2}')).toEqual([]);
    expect(checked('a 12 12', '\\d{2}')).toEqual([[2, '12'], [5, '12']]);
    expect(checked('a12 May', '\\d{1,2}\\sMay|May')).toEqual([[4, 'May']]);
    expect(checked('\u{1D49C}12 May', '\\d{1,2}\\sMay')).toEqual([]);
    expect(checked('\u{1F600}12 May', '\\d{1,2}\\sMay')).toEqual([[2, '12 May']]);
  });

  it('reads the code point before an index, a surrogate pair as one', () => {
    expect(followsLetterOrDigit('a1', 1)).toBe(true);
    expect(followsLetterOrDigit(' 1', 1)).toBe(false);
    expect(followsLetterOrDigit('1', 0)).toBe(false);
    expect(followsLetterOrDigit('\u{20000}1', 2)).toBe(true);
    expect(followsLetterOrDigit('\u{1F600}1', 2)).toBe(false);
    expect(followsLetterOrDigit('٣1', 1)).toBe(true);
  });
});
