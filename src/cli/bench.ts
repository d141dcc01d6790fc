/**
 * `npm run bench [-- dir]`: the engine's speed on real pages (default ../shared/corpus/html).
 * For each page: time to parse the HTML alone, time to parse + extract + annotate, and the
 * slowest single block scan (the unit of work the content script runs between yields).
 * Reports numbers; asserts nothing (tests assert behaviour).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { createEngine, summarizePage, scanPageBlock, pageLanguage } from '../core/engine/annotate.ts';
import { pageFromHtml } from '../node/annotate-document.ts';
import { loadDataset, PROJECT_ROOT } from '../node/dataset-files.ts';

const dir = resolve(process.argv[2] ?? join(PROJECT_ROOT, '..', 'shared', 'corpus', 'html'));
if (!existsSync(dir)) {
  process.stderr.write(`bench: ${dir} not found (pass a folder of .html files)\n`);
  process.exit(2);
}
const loaded = loadDataset();
if (!loaded.ok) throw new Error('dataset invalid: run npm run dataset -- --stats');

let started = performance.now();
const engine = createEngine(loaded.dataset);
const engineMs = performance.now() - started;

const files = readdirSync(dir).filter((name) => name.endsWith('.html')).sort();
const rows: string[] = [];
let totalParse = 0;
let totalAnnotate = 0;
let worstBlock = 0;
for (const name of files) {
  const html = readFileSync(join(dir, name), 'utf8');
  started = performance.now();
  parseHTML(html);
  const parseMs = performance.now() - started;

  started = performance.now();
  const page = pageFromHtml(html);
  const language = pageLanguage(page, page.blocks.slice(0, 60).map((block) => block.text).join(' '));
  let slowest = 0;
  const scans = page.blocks.map((block) => {
    const blockStart = performance.now();
    const scan = scanPageBlock(engine, block.text, language);
    slowest = Math.max(slowest, performance.now() - blockStart);
    return scan;
  });
  const annotation = summarizePage(engine, page, language, scans);
  const annotateMs = performance.now() - started;

  totalParse += parseMs;
  totalAnnotate += annotateMs;
  worstBlock = Math.max(worstBlock, slowest);
  const chars = page.blocks.reduce((sum, block) => sum + block.text.length, 0);
  rows.push(
    `${name.padEnd(40)} ${(html.length / 1024).toFixed(0).padStart(6)} KiB ${String(page.blocks.length).padStart(6)} blocks ${String(chars).padStart(8)} chars  parse ${parseMs.toFixed(1).padStart(7)} ms  all ${annotateMs.toFixed(1).padStart(7)} ms  max block ${slowest.toFixed(2).padStart(6)} ms  ${annotation.relevant ? 'RELEVANT' : 'not relevant'} (${annotation.score})`,
  );
}
process.stdout.write(`engine: ${engine.terms.patternCount} patterns, ${loaded.dataset.claims.length} claims, compiled in ${engineMs.toFixed(1)} ms\n`);
process.stdout.write(`${rows.join('\n')}\n`);
process.stdout.write(
  `total over ${files.length} pages: parse only ${totalParse.toFixed(0)} ms; parse + extract + annotate ${totalAnnotate.toFixed(0)} ms (engine ${(totalAnnotate - totalParse).toFixed(0)} ms); slowest block ${worstBlock.toFixed(2)} ms\n`,
);
