import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../../src/core/match/aho-corasick.ts';
import { foldTerm } from '../../../src/core/text/normalize.ts';

const automaton = (terms: [string, boolean][]) => AhoCorasick.build(terms.map(([text, prefix]) => ({ text: foldTerm(text), prefix, payload: text })));
const found = (ac: AhoCorasick<string>, text: string) => ac.search(foldTerm(text)).map((hit) => hit.payload);

describe('AhoCorasick', () => {
  it('finds many overlapping terms in one pass', () => {
    const ac = automaton([['he', false], ['she', false], ['hers', false], ['his', false], ['she sells', false]]);
    expect(found(ac, 'she sells his hers')).toEqual(['she', 'she sells', 'his', 'hers']);
  });

  it('respects word boundaries: RT is not found in deviantaRT', () => {
    const ac = automaton([['RT', false], ['Iran', false]]);
    expect(found(ac, 'deviantaRT.com and Iran, Iranian, Tiran')).toEqual(['Iran']);
    expect(found(ac, 'RT reported')).toEqual(['RT']);
  });

  it('matches prefixes for inflected languages', () => {
    const ac = automaton([['беспилотник', true], ['Drohne', true]]);
    expect(found(ac, 'поставки беспилотников и Drohnenlieferungen')).toEqual(['беспилотник', 'Drohne']);
    expect(found(ac, 'небеспилотник')).toEqual([]);
  });

  it('lets Arabic proclitics stand before a word, but not arbitrary letters', () => {
    const ac = automaton([['مسيرات', false]]);
    expect(found(ac, 'والمسيرات الإيرانية')).toEqual(['مسيرات']);
    expect(found(ac, 'بالمسيرات')).toEqual(['مسيرات']);
    expect(found(ac, 'كتبمسيرات')).toEqual([]);
  });

  it('handles multi-word terms across any whitespace', () => {
    const ac = automaton([['Jake Sullivan', false]]);
    expect(ac.search(foldTerm('adviser Jake\u00a0\n Sullivan said')).map((hit) => hit.payload)).toEqual(['Jake Sullivan']);
  });
});
