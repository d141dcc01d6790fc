/**
 * `npm run eval [-- SET_DIR] [-- --verbose]`: scores the annotate CLI with the referee script beside the project
 * (../shared/tools/eval-annotate.mjs: relevance F1, key-claim recall, precision, event linkage). Where ../shared
 * is absent (a fresh clone elsewhere) it says so and exits 0: the scores are a measurement, not a test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../node/dataset-files.ts';

const script = resolve(PROJECT_ROOT, '../shared/tools/eval-annotate.mjs');
if (!existsSync(script)) {
  process.stdout.write(`eval: skipped, ${script} is absent (it lives beside the project, in ../shared).\n`);
} else {
  const result = spawnSync(process.execPath, [script, ...process.argv.slice(2)], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
}
