/** The real dataset and an engine over it, built once per test file. */
import { createEngine, type Engine } from '../../../src/core/engine/annotate.ts';
import type { Dataset } from '../../../src/core/dataset/schema.ts';
import { formatIssues, loadDataset } from '../../../src/node/dataset-files.ts';

let cached: { dataset: Dataset; engine: Engine } | null = null;

export function realEngine(): { dataset: Dataset; engine: Engine } {
  if (cached) return cached;
  const result = loadDataset();
  if (!result.ok) throw new Error(`the dataset in src/data is invalid:\n${formatIssues(result.errors)}`);
  cached = { dataset: result.dataset, engine: createEngine(result.dataset) };
  return cached;
}
