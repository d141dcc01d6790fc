import { describe, expect, it } from 'vitest';
import { blockHash } from '../../../src/content/block-hash.ts';

describe('blockHash', () => {
  it('is stable, a safe integer, and tells apart texts that differ by one character or by order', () => {
    const texts = ['Putin met Khamenei in Tehran.', 'Putin met Khamenei in Tehran!', 'Khamenei met Putin in Tehran.', '', 'a', 'b', 'ab', 'ba', 'a\u0000', '\u0000', '\u0000\u0000', 'ab\u0000', '東京', '東京\u0000', '京東', 'Тегеран', 'Тегеран.'];
    const hashes = texts.map(blockHash);
    expect(new Set(hashes).size).toBe(texts.length);
    expect(blockHash(texts[0]!)).toBe(hashes[0]);
    for (const hash of hashes) expect(Number.isSafeInteger(hash) && hash >= 0).toBe(true);
  });

  it('has no collisions among 50,000 similar blocks', () => {
    const hashes = new Set(Array.from({ length: 50_000 }, (_, index) => blockHash(`Paragraph ${index} of the page.`)));
    expect(hashes.size).toBe(50_000);
  });
});
