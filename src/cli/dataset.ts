/**
 * `npm run --silent dataset -- --json | --stats`: validates src/data and prints the
 * document or its counts. Exits 1, naming the JSON path of every bad field, when invalid.
 */
import { datasetStats } from '../core/dataset/stats.ts';
import { formatIssues, loadDataset } from '../node/dataset-files.ts';

const args = new Set(process.argv.slice(2));
if (args.has('--help') || (!args.has('--json') && !args.has('--stats'))) {
  process.stdout.write('usage: npm run --silent dataset -- --json | --stats\n');
  process.exit(args.has('--help') ? 0 : 2);
}

const result = loadDataset();
if (result.warnings.length) process.stderr.write(`dataset warnings:\n${formatIssues(result.warnings)}\n`);
if (!result.ok) {
  process.stderr.write(`dataset invalid (${result.errors.length} problems):\n${formatIssues(result.errors)}\n`);
  process.exit(1);
}
const { actors, events, claims, coverage } = result.dataset;
if (args.has('--json')) process.stdout.write(`${JSON.stringify({ actors, events, claims, coverage }, null, 2)}\n`);
if (args.has('--stats')) process.stdout.write(`${JSON.stringify(datasetStats(result.dataset), null, 2)}\n`);
