/**
 * `npm run screenshots`: the pictures in the README, taken in Debian's Chromium with the built
 * extension: the hover card on a light and a dark page, the popup in light, dark and Persian
 * (right-to-left), and the timeline page in light (English) and dark (Persian). Writes docs/screenshots/*.png.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../e2e/harness/chromium.ts';
import { startTestServer } from '../e2e/harness/test-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'docs/screenshots');
const DIST = join(ROOT, 'dist/chrome');
const article = readFileSync(join(ROOT, 'test/fixtures/pages/en-tehran-summit.html'), 'utf8');
const dark = article.replace('<style>', '<style>html{background:#111418;color:#e6e6e6} a{color:#8ab4f8} ');

async function launch(language: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'lens-shots-')), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: language,
    viewport: { width: 900, height: 640 },
    args: [`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking', `--lang=${language}`],
    env: { ...process.env, LANGUAGE: language },
  });
}

async function extensionOrigin(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return /^chrome-extension:\/\/[a-p]{32}\//.exec(worker.url())![0];
}

async function tabIdOf(context: BrowserContext, origin: string, url: string): Promise<number> {
  const probe = await context.newPage();
  await probe.goto(`${origin}src/popup/index.html`);
  const tabId = await probe.waitForFunction(async (target) => {
    const stored = (await chrome.storage.session.get(null)) as Record<string, { url: string; claims: unknown[] }>;
    const entry = Object.entries(stored).find(([, report]) => report.url === target && report.claims.length > 0);
    return entry ? Number(entry[0].slice('report:'.length)) : null;
  }, url, { polling: 100, timeout: 15_000 });
  const value = (await tabId.jsonValue()) as number;
  await probe.close();
  return value;
}

async function hoverCard(page: Page, needle: string, file: string): Promise<void> {
  await page.waitForFunction(() => CSS.highlights.size > 0);
  const point = await page.evaluate((text): { x: number; y: number } | null => {
    let found = null as { x: number; y: number } | null;
    CSS.highlights.forEach((highlight) => {
      for (const range of highlight) {
        if (found || !(range instanceof Range) || !range.toString().includes(text)) continue;
        const rect = range.getClientRects()[0]!;
        found = { x: rect.left + 30, y: rect.top + rect.height / 2 };
      }
    });
    return found;
  }, needle);
  await page.mouse.move(point!.x, point!.y);
  await page.mouse.move(point!.x + 3, point!.y);
  await page.waitForTimeout(900);
  await page.screenshot({ path: join(OUT, file) });
}

const server = await startTestServer();
const lightUrl = server.page('/light.html', article);
const darkUrl = server.page('/dark.html', dark);

const english = await launch('en-US');
const origin = await extensionOrigin(english);
const light = await english.newPage();
await light.goto(lightUrl);
await light.evaluate(() => window.scrollTo(0, 120));
await hoverCard(light, '$40 billion', 'card-light.png');
const darkPage = await english.newPage();
await darkPage.emulateMedia({ colorScheme: 'dark' });
await darkPage.goto(darkUrl);
await darkPage.evaluate(() => window.scrollTo(0, 120));
await hoverCard(darkPage, 'several hundred', 'card-dark.png');

const tabId = await tabIdOf(english, origin, lightUrl);
for (const scheme of ['light', 'dark'] as const) {
  const popup = await english.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.emulateMedia({ colorScheme: scheme });
  await popup.goto(`${origin}src/popup/index.html?tab=${tabId}`);
  await popup.waitForSelector('[data-testid="report"]');
  await popup.screenshot({ path: join(OUT, `popup-${scheme}.png`) });
}
const timeline = await english.newPage();
await timeline.setViewportSize({ width: 1280, height: 820 });
await timeline.goto(`${origin}timeline.html#event=tehran-summit-2022`);
await timeline.waitForSelector('[data-testid="details"]');
await timeline.screenshot({ path: join(OUT, 'timeline-light.png') });
await english.close();

const persian = await launch('fa');
const persianOrigin = await extensionOrigin(persian);
const page = await persian.newPage();
await page.goto(lightUrl);
const persianTab = await tabIdOf(persian, persianOrigin, lightUrl);
const popup = await persian.newPage();
await popup.setViewportSize({ width: 380, height: 600 });
await popup.goto(`${persianOrigin}src/popup/index.html?tab=${persianTab}`);
await popup.waitForSelector('[data-testid="report"]');
await popup.screenshot({ path: join(OUT, 'popup-rtl.png') });
const persianTimeline = await persian.newPage();
await persianTimeline.setViewportSize({ width: 1280, height: 820 });
await persianTimeline.emulateMedia({ colorScheme: 'dark' });
await persianTimeline.goto(`${persianOrigin}timeline.html#event=strategic-partnership-treaty-2025&theme=diplomacy,economy`);
await persianTimeline.waitForSelector('[data-testid="details"]');
await persianTimeline.screenshot({ path: join(OUT, 'timeline-rtl-dark.png') });
await persian.close();
await server.close();
process.stdout.write(`screenshots written to ${OUT}\n`);
