/**
 * The two articles the project started from (../shared/seeds, outside the repository)
 * must have every key claim found. Skipped, saying so, where ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotateDocument } from '../../../src/node/annotate-document.ts';
import { realEngine } from './real-dataset.ts';

const SEEDS = resolve(import.meta.dirname, '../../../../shared/seeds');
const present = existsSync(SEEDS);
if (!present) process.stderr.write(`seeds: skipping, ${SEEDS} not found (it exists beside the project in CI)\n`);

/** Each key claim of a seed: its id and a piece of the sentence that states it. */
const EXPECTED: Record<string, [claimId: string, sentence: string][]> = {
  '000_baf22148ada1c5aa.txt': [
    ['sullivan-iran-uav-warning', 'preparing to provide Russia with up to several hundred UAVs'],
    ['sullivan-profound-threat', 'profound threat'],
    ['gazprom-nioc-40bn-mou', '$40 billion deal in oil and gas development'],
    ['khamenei-backs-russia-war', 'offered his support to Putin'],
    ['price-khamenei-endorsement-striking', 'declared it was “striking”'],
    ['price-iran-has-a-choice', '“Iran has a choice,” he said.'],
    ['malley-choice-iran-leadership', 'rests squarely on the shoulders'],
    ['putin-meets-khamenei-raisi-tehran', 'Vladimir Putin met in Tehran'],
  ],
  '004_a4250b86ee3da36c.txt': [
    ['putin-first-trip-outside-former-ussr', 'first exit from the territories of the former Soviet Union'],
    ['khamenei-initiative-other-side-war', 'If you had not taken the initiative'],
    ['vaez-alliance-of-necessity', 'alliance based on necessity'],
    ['gazprom-nioc-40bn-mou', '$40 billion non-binding deal'],
    ['russia-seeks-iranian-drones', 'Russia is trying to buy drones from Iran'],
    ['peskov-strategic-agreement-banking', 'strategic cooperation agreement'],
    ['khamenei-backs-russia-war', 'Khamenei has openly sided with the Russian regime'],
  ],
};

describe.skipIf(!present)('the seed articles', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: relevant, with every key claim found on its sentence`, () => {
      const { engine } = realEngine();
      const { annotation } = annotateDocument(engine, readFileSync(resolve(SEEDS, file), 'utf8'), 'text');
      expect(annotation.relevant).toBe(true);
      const missing = expected.filter(([claimId, sentence]) => !annotation.claims.some((match) => match.claimId === claimId && match.text.includes(sentence)));
      expect(missing).toEqual([]);
    });
  }
});
