/**
 * The browser's precheck, generated from the dataset's vocabulary, must let through every page the engine would
 * mark: our regression pages, and (where ../shared is present) every real positive text of the dev set.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPrecheck } from '../../../src/core/engine/precheck-matcher.ts';
import { nativeFold, precheckPatterns } from '../../../src/core/engine/precheck-patterns.ts';
import { foldCodePoint } from '../../../src/core/text/normalize.ts';
import { realEngine } from './real-dataset.ts';

const { dataset } = realEngine();
const precheck = createPrecheck(precheckPatterns(dataset));
const namesBoth = (text: string) => {
  const folded = precheck.fold(text);
  return precheck.findName(folded, 'russia') >= 0 && precheck.findName(folded, 'iran') >= 0;
};
const DEV = resolve(import.meta.dirname, '../../../../shared/eval/dev/pos');
const FIXTURES = resolve(import.meta.dirname, '../../fixtures/pages');

describe('precheck patterns', () => {
  it('find each side in the spellings readers meet, raw (unfolded) text', () => {
    for (const text of ['a Rússia e o Irã', 'Rusya ve İran', 'Teerã e Moscou', "Hamaney'in Putin ile", 'Rosji i Iranu', 'Oroszország és Irán', '俄罗斯和伊朗', 'Ρωσία και Ιράν', 'רוסיה ואיראן', 'Путина и Ирана']) {
      expect(namesBoth(text), text).toBe(true);
    }
  });

  it('fold letters exactly as the engine folds them (case, accents, letter variants), using only native methods and the table', () => {
    const differ: string[] = [];
    for (let codePoint = 0x20; codePoint < 0x3000; codePoint++) {
      const char = String.fromCodePoint(codePoint);
      const engine = foldCodePoint(codePoint);
      // Names are letters (with marks and invisible joiners between them): punctuation, digits and spaces never meet a stem.
      if (!/[\p{L}\p{M}\p{Cf}]/u.test(char) || (nativeFold(char) === char && engine === char)) continue;
      if (precheck.fold(char) !== engine.replace(/ς/g, 'σ')) differ.push(`${char} U+${codePoint.toString(16)}: ${precheck.fold(char)} vs ${engine}`);
    }
    expect(differ).toEqual([]);
  });

  it('match whole words only, where a name cannot go on', () => {
    for (const text of ['Tirana and Moscow',  'Iran, a rusty rush', 'Brush the rust off in Iran.']) expect(namesBoth(text), text).toBe(false);
    for (const text of ['Iranian and Russian officials', 'IRAN–RUSSIA', '(Iran) [Moscow]']) expect(namesBoth(text), text).toBe(true);
  });

  it('stay quiet on pages naming neither side, or only one', () => {
    for (const text of ['The weather in Paris is sunny today.', 'Iran’s football team won.', 'Moscow’s metro opened a new line.', 'Brush the rust off.']) {
      expect(namesBoth(text), text).toBe(false);
    }
  });

  it('pass every relevant regression page', () => {
    const relevant = readdirSync(FIXTURES).filter((name) => name.endsWith('.expected.json') && JSON.parse(readFileSync(resolve(FIXTURES, name), 'utf8')).relevant);
    expect(relevant.length).toBeGreaterThan(10);
    for (const name of relevant) expect(namesBoth(readFileSync(resolve(FIXTURES, name.replace('.expected.json', '.html')), 'utf8')), name).toBe(true);
  });

  it.skipIf(!existsSync(DEV))('pass every positive text of ../shared/eval/dev', () => {
    const files = readdirSync(DEV).filter((name) => name.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((name) => !namesBoth(readFileSync(resolve(DEV, name), 'utf8')))).toEqual([]);
  });
});
