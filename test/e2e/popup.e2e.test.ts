/**
 * The popup in both real browsers, opened in a tab of its own with `?tab=<id>`: the summary
 * of a relevant page (actors, events, coverage), scroll-to-claim, the per-site switch that
 * removes highlights, the badge, the search on other pages, and accessibility (axe-core).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { runAxe, seriousOf } from './harness/axe.ts';
import { describeInEachBrowser } from './harness/browsers.ts';
import type { TestPage } from './harness/extension-browser.ts';
import { listensToMessages, sendTabMessage, waitForReport, type LensStateReply } from './harness/extension-state.ts';
import { SCREENSHOTS, openMarkedArticle, useSession } from './harness/session.ts';

const ARTICLE = readFileSync(resolve(import.meta.dirname, '../fixtures/pages/en-tehran-summit.html'), 'utf8');

describeInEachBrowser('popup', ({ name, launch }) => {
  const session = useSession(launch);

  const openArticle = (path: string) => openMarkedArticle(session, path, ARTICLE);

  async function openPopup(tabId: number): Promise<TestPage> {
    const popup = await session.browser.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await popup.waitFor(() => document.querySelector('[data-testid="report"], [data-testid="no-report"]') !== null || null, null);
    return popup;
  }

  it('summarises a relevant page: claims by event, actors, timeline and related coverage; badge shows the count', async () => {
    const { page, tabId, report } = await openArticle('/popup-summary.html');
    const popup = await openPopup(tabId);
    const summary = await popup.evaluate(
      () => ({
        relevant: document.querySelector('[data-testid="report"]')?.getAttribute('data-relevant'),
        claimIds: [...document.querySelectorAll('[data-claim-id]')].map((item) => item.getAttribute('data-claim-id')),
        events: [...document.querySelectorAll('.event-group h3')].map((heading) => heading.textContent ?? ''),
        actors: [...document.querySelectorAll('.actors .actor-name')].map((actor) => actor.textContent ?? ''),
        timeline: document.querySelectorAll('.timeline li').length,
        coverage: [...document.querySelectorAll('.coverage li')].length,
      }),
      null,
    );
    expect(summary.relevant).toBe('true');
    expect(summary.claimIds).toEqual(expect.arrayContaining(['gazprom-nioc-40bn-mou', 'sullivan-iran-uav-warning', 'putin-first-trip-outside-former-ussr']));
    expect(summary.events.some((title) => /Tehran/.test(title))).toBe(true);
    expect(summary.actors).toEqual(expect.arrayContaining(['Vladimir Putin', 'Ali Khamenei']));
    expect(summary.timeline).toBeGreaterThanOrEqual(3);
    expect(summary.coverage).toBeGreaterThanOrEqual(3);
    const badge = await session.probe.evaluate(async (tab: number) => {
      const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      return api.action.getBadgeText({ tabId: tab });
    }, tabId);
    expect(badge).toBe(String(report.claims.length));
    await popup.screenshot(resolve(SCREENSHOTS, `popup-light-${name}.png`));
    await popup.close();
    await page.close();
  });

  it('shows a claim on the page from its “Show on page” button', async () => {
    const { page, tabId } = await openArticle('/popup-show.html');
    const popup = await openPopup(tabId);
    await popup.evaluate(() => (document.querySelector('[data-claim-id="gazprom-nioc-40bn-mou"] button') as HTMLButtonElement).click(), null);
    const state = await session.probe.waitFor(
      async (tab: number) => {
        const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
        const reply = (await api.tabs.sendMessage(tab, { type: 'lens-state' })) as LensStateReply;
        return reply.value.openClaimId;
      },
      tabId,
    );
    expect(state).toBe('gazprom-nioc-40bn-mou');
    await popup.close();
    await page.close();
  });

  it('removes every highlight when switched off for the site, and restores them when switched on', async () => {
    const { page, tabId } = await openArticle('/popup-site.html');
    const popup = await openPopup(tabId);
    await popup.evaluate(() => (document.querySelector('[data-testid="site-switch"]') as HTMLInputElement).click(), null);
    expect(await page.waitFor(() => CSS.highlights.size === 0 || null, null)).toBe(true);
    expect(((await sendTabMessage(session.probe, tabId, { type: 'lens-state' })) as LensStateReply).value.highlighted).toBe(0);
    await popup.evaluate(() => (document.querySelector('[data-testid="site-switch"]') as HTMLInputElement).click(), null);
    expect(await page.waitFor(() => CSS.highlights.size > 0 || null, null)).toBe(true);
    await popup.close();
    await page.close();
  });

  it('follows the page while open: a navigation to another page shows that page', async () => {
    const { page, tabId } = await openArticle('/follow.html');
    const popup = await openPopup(tabId);
    expect(await popup.evaluate(() => document.querySelector('[data-testid="report"]')?.getAttribute('data-relevant') ?? null, null)).toBe('true');
    await page.goto(session.server.page('/follow-weather.html', '<!doctype html><html lang="en"><head><title>Weather</title></head><body><p>Sunny in Lisbon today, and warm.</p></body></html>'));
    const shown = await popup.waitFor(() => document.querySelector('[data-testid="report"]')?.getAttribute('data-relevant') === 'false' || document.querySelector('[data-testid="no-report"]') !== null || null, null, 15_000);
    expect(shown).toBe(true);
    await popup.close();
    await page.close();
  });

  it('offers a dataset search on pages that are not about Russia–Iran relations', async () => {
    const url = session.server.page('/weather.html', '<!doctype html><html lang="en"><head><title>Weather</title></head><body><p>Sunny in Lisbon today.</p></body></html>');
    const page = await session.browser.newPage();
    await page.goto(url);
    const { tabId, report } = await waitForReport(session.probe, url);
    // Such a page sends the background nothing (no report, no settings request): the popup asks the page itself.
    const stored = await session.probe.evaluate(async (tab: number) => {
      const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      return Object.keys(await api.storage.session.get(`report:${tab}`)).length;
    }, tabId);
    expect(stored).toBe(0);
    expect(report.reasonDetails?.[0]?.code).toBe('precheck');
    // Nor does it listen: it made no call to the extension's APIs (the popup reached it through scripting, above).
    expect(await listensToMessages(session.probe, tabId)).toBe(false);
    const popup = await openPopup(tabId);
    expect(await popup.evaluate(() => document.querySelector('[data-testid="report"]')?.getAttribute('data-relevant') ?? null, null)).toBe('false');
    const results = await popup.evaluate(async () => {
      const input = document.querySelector('#search-input') as HTMLInputElement;
      input.value = 'Bushehr';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      return [...document.querySelectorAll('.results li')].length;
    }, null);
    expect(results).toBeGreaterThan(0);
    await popup.close();
    await page.close();
  });

  it('has no serious accessibility violations (axe-core)', async () => {
    const { page, tabId } = await openArticle('/popup-axe.html');
    const popup = await openPopup(tabId);
    const { passes, violations } = await runAxe(popup);
    expect(passes).toBeGreaterThan(5); // axe really ran
    expect(seriousOf(violations)).toEqual([]);
    await popup.close();
    await page.close();
  });
});
