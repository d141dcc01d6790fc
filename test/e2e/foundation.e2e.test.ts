/**
 * The walking skeleton, in both real browsers: the built extension loads, its content
 * script runs on a local page and reports to the background, the background answers
 * schema-checked messages, the popup renders, and nothing is requested from the network.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { describeInEachBrowser } from './harness/browsers.ts';
import { sendRuntimeMessage, waitForReport } from './harness/extension-state.ts';
import { useSession } from './harness/session.ts';

const ARTICLE = readFileSync(resolve(import.meta.dirname, '../fixtures/pages/en-tehran-summit.html'), 'utf8');

describeInEachBrowser('foundation', ({ launch }) => {
  const session = useSession(launch);

  it('runs the content script on an http page and stores its report in the background', async () => {
    const url = session.server.page('/article.html', ARTICLE);
    const page = await session.browser.newPage();
    await page.goto(url);
    const extensionPage = await session.browser.openExtensionPage('src/popup/index.html');
    const { tabId, report } = await waitForReport(extensionPage, url);
    expect(tabId).toBeGreaterThanOrEqual(0);
    expect(report.url).toBe(url);
    expect(report.language).toBe('en');
    await extensionPage.close();
    await page.close();
  });

  it('answers a ping and rejects malformed messages from its own pages', async () => {
    const extensionPage = await session.browser.openExtensionPage('src/popup/index.html');
    const manifestVersion = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../manifest.json'), 'utf8')).version;
    // The ping also tells how long the background took to build its engine (null until a page needed it), and when its
    // script was ready (for the benchmark: a time since the background started, so never negative).
    type Ping = { ok: boolean; value: { version: string; engine: { buildMs: number; readyAt: number } | null; scriptReadyAt: number } };
    const ping = (await sendRuntimeMessage(extensionPage, { type: 'ping' })) as Ping;
    expect(ping).toMatchObject({ ok: true, value: { version: manifestVersion } });
    expect(ping.value.scriptReadyAt).toBeGreaterThanOrEqual(0);
    if (ping.value.engine !== null) expect(ping.value.engine.buildMs).toBeGreaterThan(0);
    const malformed = (await sendRuntimeMessage(extensionPage, { type: 'get-report', tabId: 'seven' })) as { ok: boolean; error: string };
    expect(malformed.ok).toBe(false);
    expect(malformed.error).toMatch(/malformed message/);
    const unknown = (await sendRuntimeMessage(extensionPage, { type: 'delete-everything' })) as { ok: boolean };
    expect(unknown.ok).toBe(false);
    await extensionPage.close();
  });

  it('renders the popup for a given tab', async () => {
    const url = session.server.page('/popup-target.html', ARTICLE);
    const page = await session.browser.newPage();
    await page.goto(url);
    const probe = await session.browser.openExtensionPage('src/popup/index.html');
    const { tabId } = await waitForReport(probe, url);
    await probe.close();
    const popup = await session.browser.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    const heading = await popup.waitFor(() => document.querySelector('[data-testid="report"] h2')?.textContent ?? null, null);
    expect(heading).toMatch(/Russia–Iran relations/);
    await popup.close();
    await page.close();
  });

  it('lets its own pages connect nowhere (CSP connect-src), so “no network” does not rest on habit', async () => {
    const target = `${session.server.origin}/csp-probe`;
    for (const path of ['src/popup/index.html', 'src/options/index.html']) {
      const extensionPage = await session.browser.openExtensionPage(path);
      // no-cors: without the CSP this resolves (an opaque response); with it, the request is never made.
      const outcome = await extensionPage.evaluate((url: string) => fetch(url, { mode: 'no-cors' }).then(() => 'loaded', () => 'blocked'), target);
      expect(outcome, path).toBe('blocked');
      await extensionPage.close();
    }
  });
});
