import { describe, expect, it } from 'vitest';
import { foldText, foldTerm, sourceSpan } from '../../../src/core/text/normalize.ts';

describe('foldText', () => {
  it('folds case, accents, quotes and dashes', () => {
    expect(foldTerm('Khamene’i — ERDOĞAN “Téhéran”')).toBe(`khamene'i - erdogan "teheran"`);
  });

  it('unifies Arabic and Persian letter variants and digits', () => {
    expect(foldTerm('كيان يوسف')).toBe(foldTerm('کیان یوسف'));
    expect(foldTerm('۱۴۰۱ و ٢٠٢٢')).toBe('1401 و 2022');
  });

  it('drops invisible characters (ZWNJ, soft hyphen, bidi marks) and folds ё', () => {
    expect(foldTerm('پهپاد\u200cها')).toBe(foldTerm('پهپادها'));
    expect(foldTerm('Bu\u00adshehr \u200fИран ещё')).toBe('bushehr иран еще');
  });

  it('collapses whitespace and keeps a source offset for every folded character', () => {
    const folded = foldText('  A\u00a0\n b\u200cc');
    expect(folded.text).toBe('a bc');
    expect(Array.from(folded.origin)).toEqual([2, 3, 6, 8, 9]);
  });

  it('maps folded spans back to exact source spans, astral characters included', () => {
    const source = 'x 😀 Iran\u00ad\u200c y';
    const folded = foldText(source);
    const start = folded.text.indexOf('iran');
    const [from, to] = sourceSpan(folded, start, start + 4);
    expect(source.slice(from, to)).toBe('Iran');
    const emoji = folded.text.indexOf('😀');
    expect(source.slice(...sourceSpan(folded, emoji, emoji + 2))).toBe('😀');
  });
});

describe('marks that are letters', () => {
  it('keeps the vowel signs of Hindi and the voicing marks of Japanese, and still drops accents and harakat', () => {
    expect(foldText('बिक्री').text).not.toBe(foldText('बकरी').text);
    expect(foldText('が').text).not.toBe(foldText('か').text);
    expect(foldText('Rússia').text).toBe('russia');
    expect(foldText('مُحَمَّد').text).toBe(foldText('محمد').text);
    // The nukta goes: Hindi news writes the same name with ज़ and with ज.
    expect(foldText('पेज़ेशकियान').text).toBe(foldText('पेजेशकियान').text);
  });
});
