/**
 * `npm run --silent annotate -- [--url URL] [--lang xx] [--min-confidence 0.6] <file|dir|->...`
 * Prints one JSON object per input per line (JSON Lines). Unreadable inputs give
 * `{"file","error"}` on their line; the others still run, and the exit code is 1 at the end.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../core/engine/annotate.ts';
import { annotateDocument } from '../node/annotate-document.ts';
import { formatIssues, loadDataset } from '../node/dataset-files.ts';

const USAGE = 'usage: npm run --silent annotate -- [--url URL] [--lang xx] [--min-confidence N] <file.html|file.txt|dir|->...\n';
const READABLE = new Set(['.html', '.htm', '.txt']);

function expand(input: string): string[] {
  if (input === '-') return ['-'];
  let stats;
  try {
    stats = statSync(input);
  } catch {
    return [input]; // reported as an error on its own line
  }
  if (!stats.isDirectory()) return [input];
  return readdirSync(input)
    .sort()
    .flatMap((name) => {
      const path = join(input, name);
      return statSync(path).isDirectory() ? expand(path) : READABLE.has(extname(name).toLowerCase()) ? [path] : [];
    });
}

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { url: { type: 'string' }, lang: { type: 'string' }, 'min-confidence': { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help || parsed.positionals.length === 0) {
    process.stderr.write(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  const minConfidence = parsed.values['min-confidence'] !== undefined ? Number(parsed.values['min-confidence']) : undefined;
  if (minConfidence !== undefined && !(minConfidence >= 0 && minConfidence <= 1)) {
    process.stderr.write('--min-confidence takes a number from 0 to 1\n');
    return 2;
  }
  const loaded = loadDataset();
  if (!loaded.ok) {
    process.stderr.write(`dataset invalid:\n${formatIssues(loaded.errors)}\n`);
    return 2;
  }
  const engine = createEngine(loaded.dataset);
  const files = parsed.positionals.flatMap(expand);
  const showProgress = process.stderr.isTTY && files.length > 5;
  let failed = false;
  files.forEach((file, index) => {
    if (showProgress) process.stderr.write(`\r[${index + 1}/${files.length}] ${file.slice(-60).padEnd(60)}`);
    try {
      const source = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
      const kind = file !== '-' && extname(file).toLowerCase() === '.txt' ? 'text' : /^\s*</.test(source) || file !== '-' ? 'html' : 'text';
      const { annotation } = annotateDocument(engine, source, kind, {
        ...(parsed.values.url ? { url: parsed.values.url } : {}),
        ...(parsed.values.lang ? { language: parsed.values.lang } : {}),
        ...(minConfidence !== undefined ? { minConfidence } : {}),
      });
      const { relevant, score, language, reasons, actors, dates, related } = annotation;
      const claims = annotation.claims.map(({ tier, claimId, eventIds, nearEventIds, evidence, text, start, end, confidence }) => ({
        tier,
        ...(claimId ? { claimId } : {}),
        eventIds,
        ...(tier === 'detected' ? { nearEventIds } : {}),
        evidence,
        text,
        start,
        end,
        confidence,
      }));
      process.stdout.write(`${JSON.stringify({ file, relevant, score, language, reasons, claims, actors, dates, related })}\n`);
    } catch (error) {
      failed = true;
      process.stdout.write(`${JSON.stringify({ file, error: (error as Error).message })}\n`);
    }
  });
  if (showProgress) process.stderr.write('\n');
  return failed ? 1 : 0;
}

process.exitCode = main();
