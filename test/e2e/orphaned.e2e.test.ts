/**
 * An orphaned content script cleans up after itself (issue 12, item 5), in Chromium: the
 * extension is reloaded (as an update or a disable does) while a tab with highlights and an
 * open card stays open. The old script keeps running without its extension; at the reader's
 * next move it must remove its highlights, its stylesheet and its card host.
 * Chromium only: Firefox unloads a disabled or reloaded add-on's content scripts itself, and
 * WebDriver BiDi gives no way to reload a temporary add-on from a test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import type { TestPage } from './harness/extension-browser.ts';
import { sendRuntimeMessage, waitForOpenCard } from './harness/extension-state.ts';
import { pointOnText } from './harness/page-probes.ts';
import { openMarkedArticle, useSession } from './harness/session.ts';

const ARTICLE = readFileSync(resolve(import.meta.dirname, '../fixtures/pages/en-tehran-summit.html'), 'utf8');
const chromium = BROWSERS.find((browser) => browser.name === 'chromium')!;
const pause = (page: TestPage, ms: number) => page.waitFor((wait: number) => new Promise((done) => setTimeout(() => done(true), wait)), ms, ms + 5_000);

interface Ours {
  names: string[];
  sheet: unknown;
  host: Element | null;
}

describe.skipIf(!existsSync(chromium.executable) && process.env.CI !== 'true')('chromium: an orphaned content script', () => {
  const session = useSession(() => chromium.launch());

  it('removes its highlights, its stylesheet and its card host once the extension is reloaded under it', async () => {
    const { page, tabId } = await openMarkedArticle(session, '/orphan.html', ARTICLE);
    await sendRuntimeMessage(session.probe, { type: 'run-command', tabId, command: 'next-claim' });
    expect((await waitForOpenCard(session.probe, tabId)).openClaimId).not.toBeNull();
    // What is ours on the page, remembered by the page itself.
    const ours = await page.evaluate(() => {
      const mine = window as unknown as { __ours: Ours };
      mine.__ours = { names: [...CSS.highlights.keys()], sheet: document.adoptedStyleSheets[0], host: document.querySelector('body > [popover]') };
      return { names: mine.__ours.names.length, sheet: mine.__ours.sheet !== undefined, host: mine.__ours.host !== null };
    }, null);
    expect(ours).toEqual({ names: expect.any(Number), sheet: true, host: true });
    expect(ours.names).toBeGreaterThan(0);

    // The extension goes away under the tab (the probe page closes with it).
    await session.probe.evaluate(() => {
      const api = (globalThis as unknown as { chrome: typeof chrome }).chrome;
      setTimeout(() => api.runtime.reload(), 50);
      return true;
    }, null);
    await pause(page, 1_500);
    const present = () =>
      page.evaluate(() => {
        const { names, sheet, host } = (window as unknown as { __ours: Ours }).__ours;
        return {
          highlights: names.filter((name) => CSS.highlights.has(name)).length,
          sheet: document.adoptedStyleSheets.includes(sheet as CSSStyleSheet),
          host: host?.isConnected ?? false,
        };
      }, null);
    // Nothing has happened on the page yet: everything of ours is still there (the browser did not clean it).
    expect(await present()).toMatchObject({ sheet: true, host: true });
    expect((await present()).highlights).toBeGreaterThan(0);

    // The reader moves the pointer: the orphaned script notices and cleans up.
    const point = await page.evaluate(pointOnText, 'weather in Tehran');
    await page.hover(point?.x ?? 100, point?.y ?? 100);
    await page.hover((point?.x ?? 100) + 3, point?.y ?? 100);
    expect(await page.waitFor(() => {
      const { names, sheet, host } = (window as unknown as { __ours: Ours }).__ours;
      return (names.every((name) => !CSS.highlights.has(name)) && !document.adoptedStyleSheets.includes(sheet as CSSStyleSheet) && !host?.isConnected) || null;
    }, null)).toBe(true);

    // And it no longer watches the page: new text about the summit is not read.
    await page.evaluate(() => {
      const paragraph = document.createElement('p');
      paragraph.textContent = 'On 9 August 2022 a Russian Soyuz rocket launched Iran’s Khayyam satellite from Baikonur in Kazakhstan.';
      document.body.append(paragraph);
    }, null);
    await pause(page, 4_000);
    expect(await page.evaluate(() => CSS.highlights.size, null)).toBe(0);
    await page.close();
  });
});
