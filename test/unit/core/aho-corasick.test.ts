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

  it('finds every whole-word occurrence a naive search finds, through chains of shorter terms ending alike', () => {
    // Terms of one to four words over a three-word alphabet: "a b c" ends with "b c" and "c", so a hit is reported
    // from nodes whose own failure target ends no term (the output links must be followed to their end).
    let seed = 7;
    const random = (below: number) => ((seed = (seed * 16_807) % 2_147_483_647), seed % below);
    const phrase = (words: number) => Array.from({ length: words }, () => 'abc'[random(3)]!).join(' ');
    for (let round = 0; round < 30; round++) {
      const terms = [...new Set(Array.from({ length: 6 }, () => phrase(1 + random(4))))];
      const text = phrase(40);
      const naive: string[] = [];
      for (let end = 1; end <= text.length; end++) {
        for (const term of terms) {
          const start = end - term.length;
          if (start >= 0 && text.slice(start, end) === term && (start === 0 || text[start - 1] === ' ') && (end === text.length || text[end] === ' ')) naive.push(`${start}:${term}`);
        }
      }
      const ac = AhoCorasick.build(terms.map((term) => ({ text: term, prefix: false, payload: term })));
      const hits = ac.search(text).map((hit) => `${hit.start}:${hit.payload}`);
      expect(hits.sort()).toEqual(naive.sort());
    }
  });
});

describe('AhoCorasick serialization (the build ships the automaton as the bytes of its typed arrays)', () => {
  const terms: [string, boolean][] = [['he', false], ['she', false], ['hers', false], ['беспилотник', true], ['مسيرات', false], ['Iran', false], ['Iran', true], ['U.S.', false]];
  const text = foldTerm('She said hers; беспилотников and والمسيرات over Iran, Iranian and the U.S. today');

  it('finds exactly what the automaton it was made from finds, payloads included', () => {
    const built = automaton(terms);
    const payloads = terms.map(([term]) => term);
    const serialized = built.serialize((payload) => payloads.indexOf(payload));
    const loaded = AhoCorasick.fromSerialized(serialized, payloads);
    expect(loaded.search(text)).toEqual(built.search(text));
    expect(loaded.search(text).length).toBeGreaterThan(5);
    expect(loaded.size).toBe(built.size);
  });

  it('reads bytes that do not start on a 4-byte boundary (a view into a larger buffer)', () => {
    const built = automaton(terms);
    const payloads = terms.map(([term]) => term);
    const serialized = built.serialize((payload) => payloads.indexOf(payload));
    const padded = new Uint8Array(serialized.bytes.byteLength + 1);
    padded.set(serialized.bytes, 1);
    const loaded = AhoCorasick.fromSerialized({ ...serialized, bytes: padded.subarray(1) }, payloads);
    expect(loaded.search(text)).toEqual(built.search(text));
  });

  it('refuses data of the wrong size instead of misreading it', () => {
    const serialized = automaton(terms).serialize(() => 0);
    expect(() => AhoCorasick.fromSerialized({ ...serialized, nodeCount: serialized.nodeCount + 1 }, ['x'])).toThrow(/bytes, expected/);
  });

  it('refuses payload indexes beyond the table it is given', () => {
    const payloads = terms.map(([term]) => term);
    const serialized = automaton(terms).serialize((payload) => payloads.indexOf(payload));
    expect(() => AhoCorasick.fromSerialized(serialized, payloads.slice(1))).toThrow(/needs 8 payloads, given 7/);
  });
});
