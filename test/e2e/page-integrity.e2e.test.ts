/**
 * The page cannot forge what we show, in both real browsers. Page scripts can read and
 * change the highlight registry; what they change there must not move a card, open one on
 * a sentence of their choosing, or make us vouch for text that changed after we read it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { describeInEachBrowser } from './harness/browsers.ts';
import type { TestPage } from './harness/extension-browser.ts';
import { sendTabMessage, waitForReport, type LensStateReply } from './harness/extension-state.ts';
import { pointOnText } from './harness/page-probes.ts';
import { openMarkedArticle, useSession } from './harness/session.ts';

const ARTICLE = readFileSync(resolve(import.meta.dirname, '../fixtures/pages/en-tehran-summit.html'), 'utf8');
const pause = (page: TestPage, ms: number) => page.waitFor((wait: number) => new Promise((resolve) => setTimeout(() => resolve(true), wait)), ms, ms + 5_000);

describeInEachBrowser('page integrity', ({ launch }) => {
  const session = useSession(launch);

  const openArticle = (path: string, html = ARTICLE) => openMarkedArticle(session, path, html);

  const openClaimId = async (tabId: number) => ((await sendTabMessage(session.probe, tabId, { type: 'lens-state' })) as LensStateReply).value.openClaimId;

  it('uses registry names a page cannot know in advance, different on every page', async () => {
    const first = await openArticle('/names-1.html');
    const second = await openArticle('/names-2.html');
    const names = (page: TestPage) => page.evaluate(() => [...CSS.highlights.keys()], null);
    const [a, b] = [await names(first.page), await names(second.page)];
    expect(a.length).toBeGreaterThan(0);
    expect(a.some((name) => /^c-/.test(name))).toBe(false);
    expect(a.filter((name) => b.includes(name))).toEqual([]);
    await first.page.close();
    await second.page.close();
  });

  it('opens no card where a page moved or added ranges in our highlights, and still opens the real one', async () => {
    const { page, tabId } = await openArticle('/forged.html');
    // The page moves every registered range onto an unrelated sentence and adds one of its own.
    await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let weather: Text | null = null;
      for (let node = walker.nextNode() as Text | null; node && !weather; node = walker.nextNode() as Text | null) if (node.data.includes('The weather in Tehran')) weather = node;
      if (!weather) throw new Error('fixture changed');
      const at = weather.data.indexOf('The weather in Tehran');
      CSS.highlights.forEach((highlight) => {
        for (const range of highlight) {
          (range as Range).setStart(weather, at);
          (range as Range).setEnd(weather, at + 40);
        }
        const fake = document.createRange();
        fake.setStart(weather, at);
        fake.setEnd(weather, at + 40);
        highlight.add(fake);
      });
    }, null);
    const forged = await page.evaluate(pointOnText, 'weather in Tehran');
    expect(forged).not.toBeNull();
    await page.hover(forged!.x, forged!.y);
    await page.hover(forged!.x + 2, forged!.y);
    await pause(page, 1_500);
    expect(await openClaimId(tabId)).toBeNull();
    const real = await page.evaluate(pointOnText, '$40 billion');
    await page.hover(real!.x, real!.y);
    await page.hover(real!.x + 2, real!.y);
    expect(await session.probe.waitFor(async (tab: number) => {
      const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      return ((await api.tabs.sendMessage(tab, { type: 'lens-state' })) as LensStateReply).value.openClaimId;
    }, tabId)).toBe('gazprom-nioc-40bn-mou');
    await page.close();
  });

  it('does not open a card on a sentence whose text changed after it was read', async () => {
    const { page, tabId, report } = await openArticle('/changed-text.html');
    const claim = report.claims.find((hit) => hit.claimId === 'gazprom-nioc-40bn-mou');
    expect(claim).toBeDefined();
    await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (node.data.includes('$40 billion')) node.data = node.data.replace('$40 billion', '$4 million');
      }
    }, null);
    const reply = (await sendTabMessage(session.probe, tabId, { type: 'focus-claim', claimId: claim!.claimId, start: claim!.start })) as { ok: boolean };
    expect(reply.ok).toBe(false);
    expect(await openClaimId(tabId)).toBeNull();
    await page.close();
  });

  it('leaves a page’s own highlights alone, also when they bear names we once used', async () => {
    const own = `<script>document.addEventListener('DOMContentLoaded', () => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('h1'));
      CSS.highlights.set('c-solid', new Highlight(range));
      CSS.highlights.set('c-focus', new Highlight(range));
    });</script>`;
    const url = session.server.page('/own-highlights.html', ARTICLE.replace('</head>', `${own}</head>`));
    const page = await session.browser.newPage();
    await page.goto(url);
    const { tabId } = await waitForReport(session.probe, url);
    await page.waitFor(() => CSS.highlights.size > 2 || null, null);
    const pageHighlight = () => page.evaluate(() => ['c-solid', 'c-focus'].map((name) => [...(CSS.highlights.get(name) ?? [])].map((range) => range.toString()).join('|')), null);
    const title = await page.evaluate(() => document.querySelector('h1')?.textContent ?? '', null);
    expect(await pageHighlight()).toEqual([title, title]);
    await sendTabMessage(session.probe, tabId, { type: 'stop-lens' });
    expect(await page.evaluate(() => [...CSS.highlights.keys()].sort(), null)).toEqual(['c-focus', 'c-solid']);
    expect(await pageHighlight()).toEqual([title, title]);
    await page.close();
  });

  const storedReportUrl = (tabId: number) =>
    session.probe.evaluate(async (tab: number) => {
      const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      const key = `report:${tab}`;
      return (((await api.storage.session.get(key)) as Record<string, { url: string } | undefined>)[key]?.url ?? null) as string | null;
    }, tabId);

  it('forgets a tab’s report when the tab navigates to a page the content script cannot read', async () => {
    const { page, tabId } = await openArticle('/before-blank.html');
    expect(await storedReportUrl(tabId)).toMatch(/before-blank/);
    await page.goto('about:blank');
    expect(await session.probe.waitFor(async (tab: number) => {
      const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      return !(`report:${tab}` in (await api.storage.session.get(null))) || null;
    }, tabId)).toBe(true);
    await page.close();
  });

  it('reports again for a page restored from the back/forward cache', async () => {
    const remember = `<script>window.addEventListener('pageshow', (event) => { if (event.persisted) window.__restored = true; });</script>`;
    const { page, tabId } = await openArticle('/bfcache-a.html', ARTICLE.replace('</head>', `${remember}</head>`));
    const other = session.server.page('/bfcache-b.html', '<!doctype html><html lang="en"><head><title>B</title></head><body><p>Weather in Lisbon.</p></body></html>');
    await page.goto(other);
    await waitForReport(session.probe, other);
    await page.evaluate(() => history.back(), null);
    const restored = await page.waitFor(() => (location.pathname.endsWith('bfcache-a.html') ? { persisted: (window as unknown as { __restored?: boolean }).__restored === true } : null), null);
    // Whether or not the browser used its cache, the tab's report is page A's again.
    expect(await session.probe.waitFor(async (tab: number) => {
      const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      const key = `report:${tab}`;
      const url = ((await api.storage.session.get(key)) as Record<string, { url: string } | undefined>)[key]?.url ?? '';
      return url.endsWith('bfcache-a.html') || null;
    }, tabId)).toBe(true);
    process.stderr.write(`bfcache: page restored from the cache: ${String(restored?.persisted)}\n`);
    await page.close();
  });

  it('keeps its highlights when a table-of-contents link changes the hash', async () => {
    const { page, tabId } = await openArticle('/toc.html', ARTICLE.replace('<article>', '<nav><a href="#later">Later</a></nav><article>').replace('</article>', '<h2 id="later">Later</h2></article>'));
    const before = ((await sendTabMessage(session.probe, tabId, { type: 'lens-state' })) as LensStateReply).value;
    const sizeSoonAfter = await page.evaluate(() => {
      location.hash = '#later';
      return new Promise<number>((resolve) => setTimeout(() => resolve(CSS.highlights.size), 150));
    }, null);
    expect(sizeSoonAfter).toBeGreaterThan(0);
    await pause(page, 4_000);
    const after = ((await sendTabMessage(session.probe, tabId, { type: 'lens-state' })) as LensStateReply).value;
    expect(after.highlighted).toBe(before.highlighted);
    expect(after.reads).toBe(before.reads);
    await page.close();
  });
});
