/**
 * `npm run bench:browser`: long tasks on real pages in Debian's Chromium, with the built
 * extension and without it, so the extension's own cost shows. Pages come from
 * ../shared/corpus/html (scripts stripped: we measure our work, not theirs), plus the
 * largest of them with a Russia–Iran article inserted, so the whole pipeline runs on 1.6 MB.
 * Reports numbers; asserts nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../e2e/harness/chromium.ts';
import { waitForReport } from '../e2e/harness/extension-state.ts';
import { startTestServer } from '../e2e/harness/test-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CORPUS = resolve(process.argv[2] ?? join(ROOT, '..', 'shared', 'corpus', 'html'));
if (!existsSync(CORPUS) || !existsSync(CHROMIUM_PATH)) {
  process.stderr.write(`bench:browser needs ${CORPUS} and ${CHROMIUM_PATH}\n`);
  process.exit(2);
}

const OBSERVER = `<script>window.__long=[];new PerformanceObserver((list)=>{for(const e of list.getEntries())window.__long.push(Math.round(e.duration))}).observe({type:'longtask',buffered:true});</script>`;
const prepare = (html: string) => html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<head[^>]*>/i, (head) => `${head}${OBSERVER}`);
const article = readFileSync(join(ROOT, 'test/fixtures/pages/en-tehran-summit.html'), 'utf8').match(/<article>[\s\S]*<\/article>/)?.[0] ?? '';

const server = await startTestServer();
const pages = readdirSync(CORPUS).filter((name) => name.endsWith('.html')).sort().map((name) => ({ name, html: prepare(readFileSync(join(CORPUS, name), 'utf8')) }));
const biggest = [...pages].sort((a, b) => b.html.length - a.html.length)[0]!;
pages.push({ name: `${biggest.name} + article`, html: biggest.html.replace(/<body[^>]*>/i, (body) => `${body}${article}`) });
const urls = pages.map((page, index) => ({ ...page, url: server.page(`/p${index}.html`, page.html) }));

const extension = await launchChromium(join(ROOT, 'dist/chrome'));
const plain = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const plainPage = await plain.newPage();
const probe = await extension.openExtensionPage('src/popup/index.html');

const rows: string[] = [];
let worstWith = 0;
let worstWithout = 0;
for (const { name, html, url } of urls) {
  await plainPage.goto(url, { waitUntil: 'load' });
  await plainPage.waitForTimeout(300);
  const without = (await plainPage.evaluate(() => (window as unknown as { __long: number[] }).__long)) as number[];
  const page = await extension.newPage();
  const started = Date.now();
  await page.goto(url);
  const { report } = await waitForReport(probe, url, 30_000);
  const reportMs = Date.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 300));
  const withExtension = await page.evaluate(() => (window as unknown as { __long: number[] }).__long, null);
  await page.close();
  const maxWith = Math.max(0, ...withExtension);
  const maxWithout = Math.max(0, ...without);
  worstWith = Math.max(worstWith, maxWith);
  worstWithout = Math.max(worstWithout, maxWithout);
  rows.push(
    `${name.padEnd(46)} ${(html.length / 1024).toFixed(0).padStart(6)} KiB  long tasks without: [${without.join(', ')}]  with: [${withExtension.join(', ')}]  report after ${reportMs} ms  ${report.relevant ? `RELEVANT, ${report.claims.length} claims, engine ${report.durationMs} ms` : 'not relevant'}`,
  );
}
process.stdout.write(`${rows.join('\n')}\nworst long task: ${worstWithout} ms without the extension, ${worstWith} ms with it (Chromium ${CHROMIUM_PATH}, 2 cores)\n`);
await extension.close();
await plain.close();
await server.close();
