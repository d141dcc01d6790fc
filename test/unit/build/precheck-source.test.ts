/** The pre-check's generated patterns, rewritten for speed, must answer exactly as written. */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { hoistWordStart } from '../../../src/build/precheck-source.ts';
import { pageSample } from '../../../src/content/page-sample.ts';
import { precheckPatterns } from '../../../src/core/engine/precheck-patterns.ts';
import { realEngine } from '../engine/real-dataset.ts';

const PAGES = resolve(import.meta.dirname, '../../fixtures/pages');

describe('hoistWordStart', () => {
  it('writes a shared look-behind once, and leaves alternatives without it alone', () => {
    const lookBehind = '(?<![\\p{L}\\p{N}])';
    expect(hoistWordStart(`(?:${lookBehind}ab|${lookBehind}c[|)]d|(?:x|y)|莫斯科)`)).toBe(`${lookBehind}(?:ab|c[|)]d)|(?:x|y)|莫斯科`);
    expect(hoistWordStart('(?:a)|(?:b)')).toBe('(?:a)|(?:b)');
    expect(hoistWordStart('plain')).toBe('plain');
  });

  it('finds the same first match as the generated patterns, on every regression page and on tricky strings', () => {
    const texts = [
      ...readdirSync(PAGES)
        .filter((name) => name.endsWith('.html'))
        .map((name) => pageSample(parseHTML(readFileSync(resolve(PAGES, name), 'utf8')).document.body as unknown as Node)),
      '在莫斯科举行会谈', 'Moskauer Gespräche', 'xPutin', 'Putins', 'TEHRAN', 'İran', 'Ирана и России',
    ];
    const { russia, iran } = precheckPatterns(realEngine().dataset);
    for (const source of [russia, iran]) {
      const original = new RegExp(source, 'iu');
      const hoisted = new RegExp(hoistWordStart(source), 'iu');
      expect(hoistWordStart(source)).not.toBe(source);
      for (const text of texts) expect(hoisted.exec(text)?.[0] ?? null, text.slice(0, 60)).toBe(original.exec(text)?.[0] ?? null);
    }
  });
});
