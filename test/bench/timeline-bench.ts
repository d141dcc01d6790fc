/**
 * `npm run bench:timeline`: how long the timeline page takes to render the whole dataset in
 * Debian's Chromium with the built extension (a report, not a test). For each of RUNS fresh
 * loads it reads the page's own User Timing measure `timeline-render` (building the model
 * and rendering every event into the DOM, synchronously) and the time until the first frame
 * after it; then the time from a zoom key or a filter change to the next frame.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../e2e/harness/chromium.ts';

const DIST = resolve(import.meta.dirname, '../../dist/chrome');
const RUNS = Number(process.env.RUNS ?? 15);

const profile = mkdtempSync(join(tmpdir(), 'lens-timeline-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM_PATH,
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: [`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const origin = /^chrome-extension:\/\/[a-p]{32}\//.exec(worker.url())![0];

const render: number[] = [];
const firstFrame: number[] = [];
const zoom: number[] = [];
const filter: number[] = [];
let events = 0;
const page = await context.newPage();
for (let run = 0; run < RUNS; run++) {
  // A query makes every load a real navigation (a new hash alone would not reload the page).
  await page.goto(`${origin}timeline.html?run=${run}`);
  await page.waitForSelector('.events li');
  const timing = await page.evaluate(
    () =>
      new Promise<{ render: number; frame: number; events: number }>((done) => {
        const measure = performance.getEntriesByName('timeline-render')[0]!;
        requestAnimationFrame(() =>
          setTimeout(() => done({ render: measure.duration, frame: performance.now() - measure.startTime, events: document.querySelectorAll('.events li[data-event-id]').length }), 0),
        );
      }),
  );
  render.push(timing.render);
  firstFrame.push(timing.frame);
  events = timing.events;
  const interaction = await page.evaluate(async () => {
    // No named helper functions in here: tsx would wrap them in a `__name` call the page does not have.
    const chart = document.querySelector('[data-testid="chart"]') as HTMLElement;
    chart.focus();
    let start = performance.now();
    chart.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true }));
    await new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    const zoomed = performance.now() - start;
    const checkbox = document.querySelector('.filter-themes input[value="military"]') as HTMLInputElement;
    start = performance.now();
    checkbox.click();
    await new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    return { zoomed, filtered: performance.now() - start };
  });
  zoom.push(interaction.zoomed);
  filter.push(interaction.filtered);
}
await context.close();
rmSync(profile, { recursive: true, force: true });

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return `median ${median.toFixed(1)} ms, min ${sorted[0]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
};
process.stdout.write(
  [
    `timeline.html in Chromium, ${RUNS} loads, ${events} events rendered each time`,
    `  model + render of every event (timeline-render): ${stats(render)}`,
    `  until the first frame after it:                  ${stats(firstFrame)}`,
    `  zoom key → next frame:                           ${stats(zoom)}`,
    `  theme filter → next frame:                       ${stats(filter)}`,
    '',
  ].join('\n'),
);
