/**
 * The card, in both real browsers: a page's synthetic events do not open it; opened from the
 * keyboard it takes focus (its links are reachable) and Esc gives focus back; it sits in the
 * top layer, above a page's modal <dialog> and in place when <body> is transformed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { describeInEachBrowser } from './harness/browsers.ts';
import type { TestPage } from './harness/extension-browser.ts';
import { sendRuntimeMessage, sendTabMessage, waitForOpenCard, waitForReport, type LensStateReply } from './harness/extension-state.ts';
import { pointOnText } from './harness/page-probes.ts';
import { openMarkedArticle, useSession } from './harness/session.ts';

const ARTICLE = readFileSync(resolve(import.meta.dirname, '../fixtures/pages/en-tehran-summit.html'), 'utf8');
const pause = (page: TestPage, ms: number) => page.waitFor((wait: number) => new Promise((resolve) => setTimeout(() => resolve(true), wait)), ms, ms + 5_000);

/**
 * True when the card's host is what is drawn just below or just above the claim that runs
 * from `first` to `last` (its first and last words, as the report gives them).
 */
function cardCoversNear({ first, last }: { first: string; last: string }): boolean {
  const host = document.querySelector('body > [popover], dialog > [popover]');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let started = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (!started) {
      const at = node.data.indexOf(first);
      if (at < 0) continue;
      range.setStart(node, at);
      started = true;
    }
    const end = node.data.indexOf(last);
    if (end < 0) continue;
    range.setEnd(node, end + last.length);
    const rect = range.getBoundingClientRect();
    const below = document.elementFromPoint(rect.left + 30, rect.bottom + 40);
    const above = document.elementFromPoint(rect.left + 30, rect.top - 40);
    return host !== null && (below === host || above === host);
  }
  return false;
}

describeInEachBrowser('the card', ({ launch }) => {
  const session = useSession(launch);

  const openArticle = (path: string, html = ARTICLE) => openMarkedArticle(session, path, html);

  const lensState = async (tabId: number) => ((await sendTabMessage(session.probe, tabId, { type: 'lens-state' })) as LensStateReply).value;
  const openedCard = (tabId: number) => waitForOpenCard(session.probe, tabId);

  it('ignores pointer events a page script dispatches', async () => {
    const { page, tabId } = await openArticle('/synthetic.html');
    const point = await page.evaluate(pointOnText, '$40 billion');
    expect(point).not.toBeNull();
    await page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y) ?? document.body;
      for (let i = 0; i < 20; i++) {
        target.dispatchEvent(new PointerEvent('pointermove', { clientX: x + (i % 3), clientY: y, bubbles: true, pointerType: 'mouse' }));
      }
      (window as unknown as { __sent: boolean }).__sent = true;
    }, point!);
    await pause(page, 1_500);
    expect((await lensState(tabId)).openClaimId).toBeNull();
    // The user's own pointer still opens it.
    await page.hover(point!.x, point!.y);
    await page.hover(point!.x + 2, point!.y);
    expect(await session.probe.waitFor(async (tab: number) => {
      const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      return ((await api.tabs.sendMessage(tab, { type: 'lens-state' })) as LensStateReply).value.openClaimId;
    }, tabId)).toBe('gazprom-nioc-40bn-mou');
    await page.close();
  });

  it('takes focus when opened from the keyboard, lets Tab reach its controls, and gives focus back on Esc', async () => {
    const html = ARTICLE.replace('<article>', '<button id="before">Page button</button><article>');
    const { page, tabId } = await openArticle('/focus.html', html);
    await page.evaluate(() => document.getElementById('before')?.focus(), null);
    await sendRuntimeMessage(session.probe, { type: 'run-command', tabId, command: 'next-claim' });
    const opened = await openedCard(tabId);
    expect(opened.openClaimId).not.toBeNull();
    expect(opened.cardFocus).toBe('DIV');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('popover') ?? false, null)).toBe(true);
    await page.press('Tab');
    expect((await lensState(tabId)).cardFocus).toBe('BUTTON');
    // Then the card's other controls in order ("See on the timeline", then its sources' links): Tab reaches a link.
    const reached: (string | null)[] = [];
    for (let press = 0; press < 4 && reached[reached.length - 1] !== 'A'; press++) {
      await page.press('Tab');
      reached.push((await lensState(tabId)).cardFocus);
    }
    expect(reached[reached.length - 1]).toBe('A');
    expect(reached.every((tag) => tag === 'BUTTON' || tag === 'A')).toBe(true);
    await page.press('Escape');
    const closed = await lensState(tabId);
    expect(closed.openClaimId).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id ?? null, null)).toBe('before');
    await page.close();
  });

  it('shows above a page’s modal dialog', async () => {
    const dialog = `<dialog id="modal" style="width: 100vw; height: 100vh; max-width: none; max-height: none; margin: 0; padding: 0; border: 0; background: white;">Subscribe!</dialog>`;
    const { page, tabId } = await openArticle('/dialog.html', ARTICLE.replace('</body>', `${dialog}</body>`));
    await page.evaluate(() => (document.getElementById('modal') as HTMLDialogElement).showModal(), null);
    await sendRuntimeMessage(session.probe, { type: 'run-command', tabId, command: 'next-claim' });
    const state = await openedCard(tabId);
    expect(state.openClaimId).not.toBeNull();
    const report = (await waitForReport(session.probe, page.url())).report;
    const text = report.claims[state.focusedIndex]?.text ?? '';
    expect(await page.evaluate(() => document.querySelector('body > [popover], dialog > [popover]')?.matches(':popover-open') ?? false, null)).toBe(true);
    expect(await page.evaluate(cardCoversNear, { first: text.slice(0, 12), last: text.slice(-12) })).toBe(true);
    await page.close();
  });

  it('is placed next to its claim when the page transforms <body>', async () => {
    const html = ARTICLE.replace('</head>', '<style>body { transform: translate(260px, 180px); }</style></head>');
    const { page, tabId } = await openArticle('/transform.html', html);
    await sendRuntimeMessage(session.probe, { type: 'run-command', tabId, command: 'next-claim' });
    const state = await openedCard(tabId);
    expect(state.openClaimId).not.toBeNull();
    const report = (await waitForReport(session.probe, page.url())).report;
    const text = report.claims[state.focusedIndex]?.text ?? '';
    expect(text).not.toBe('');
    expect(await page.evaluate(cardCoversNear, { first: text.slice(0, 12), last: text.slice(-12) })).toBe(true);
    await page.close();
  });
});
