/**
 * What a reader sees on a page, in both real browsers: highlights painted with the Custom
 * Highlight API, the hover card, Esc, keyboard navigation, claims added by script, SPA
 * navigation, and a teardown that leaves the DOM exactly as it was.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { describeInEachBrowser } from './harness/browsers.ts';
import { injectReader, listensToMessages, patchSettings, sendRuntimeMessage, sendTabMessage, waitForOpenCard, waitForReport, type LensStateReply } from './harness/extension-state.ts';
import { highlightTexts, pointOnHighlight, readHighlights } from './harness/page-probes.ts';
import { SCREENSHOTS, openMarkedArticle, useSession } from './harness/session.ts';

const ARTICLE = readFileSync(resolve(import.meta.dirname, '../fixtures/pages/en-tehran-summit.html'), 'utf8');

/** The article, with a page script of our own that remembers the DOM before the extension runs (document_idle). */
function instrumented(html: string, extraScript = ''): string {
  const script = `<script>
document.addEventListener('DOMContentLoaded', () => { window.__before = document.documentElement.outerHTML; });
${extraScript}
</script>`;
  return html.replace('</head>', `${script}</head>`);
}

describeInEachBrowser('on the page', ({ name, launch }) => {
  const session = useSession(launch);

  const openArticle = (path: string, html: string) => openMarkedArticle(session, path, html);

  const lensState = async (tabId: number) => ((await sendTabMessage(session.probe, tabId, { type: 'lens-state' })) as LensStateReply).value;

  it('highlights the article’s claims with the Custom Highlight API, without touching the DOM', async () => {
    const { page } = await openArticle('/highlights.html', instrumented(ARTICLE));
    const highlights = await page.evaluate(readHighlights, null);
    expect(highlights.ranges).toBeGreaterThanOrEqual(3);
    expect(highlights.texts.some((text) => text.includes('$40 billion'))).toBe(true);
    expect(highlights.texts.some((text) => text.includes('several hundred drones'))).toBe(true);
    // Nothing on the unrelated sentence about the weather.
    expect(highlights.texts.some((text) => text.includes('weather'))).toBe(false);
    const unchanged = await page.evaluate(() => document.documentElement.outerHTML === (window as unknown as { __before: string }).__before, null);
    expect(unchanged).toBe(true);
    await page.close();
  });

  it('paints the text of a link inside a claim, as it paints the paragraph’s own text', async () => {
    // Chromium's build writes its rules for the painted blocks' tags alone and relies on highlight inheritance to
    // reach the link; Firefox's, for the tags of the elements holding painted text (it has no such inheritance): the
    // paragraph's and the link's. A shot of the link with our highlights, then without them, must differ; a link
    // outside any claim, shot the same way, must not.
    // 600 empty elements, so that the paragraphs are few enough on the page for rules by tag (highlight-scope.ts).
    const html = ARTICLE.replace('worth about $40 billion', '<a id="in-claim" href="#">worth about $40 billion</a>')
      .replace('traffic was heavy', '<a id="no-claim" href="#">traffic was heavy</a>')
      .replace('</body>', `<div>${'<i></i>'.repeat(600)}</div></body>`);
    const { page } = await openArticle('/link-in-claim.html', html);
    const selectors = await page.evaluate(() => [...document.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => (rule as CSSStyleRule).selectorText)), null);
    expect(selectors.length).toBeGreaterThan(0);
    // Rules for named tags only, never for every element (`::highlight(…)` with no subject).
    expect(selectors.every((selector) => selector.split(', ').every((part) => (name === 'chromium' ? /^p::highlight\(/ : /^[a-z][a-z0-9]*::highlight\(/).test(part)))).toBe(true);
    if (name !== 'chromium') expect(selectors.some((selector) => selector.includes('a::highlight('))).toBe(true);
    const painted = [await page.shotOf('#in-claim'), await page.shotOf('#no-claim')];
    await page.evaluate(() => {
      CSS.highlights.clear();
      return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    }, null);
    const bare = [await page.shotOf('#in-claim'), await page.shotOf('#no-claim')];
    const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
    expect(same(painted[1]!, bare[1]!)).toBe(true);
    expect(same(painted[0]!, bare[0]!)).toBe(false);
    await page.close();
  });

  it('opens the card for the hovered claim after a short delay, and closes it on Esc', async () => {
    const { page, tabId } = await openArticle('/hover.html', ARTICLE);
    const point = await page.evaluate(pointOnHighlight, '$40 billion');
    expect(point).not.toBeNull();
    await page.hover(point!.x, point!.y);
    await page.hover(point!.x + 2, point!.y);
    const opened = await session.probe.waitFor(
      async (tab: number) => {
        const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
        const reply = (await api.tabs.sendMessage(tab, { type: 'lens-state' })) as { value: { openClaimId: string | null } };
        return reply.value.openClaimId;
      },
      tabId,
    );
    expect(opened).toBe('gazprom-nioc-40bn-mou');
    await page.screenshot(resolve(SCREENSHOTS, `card-light-${name}.png`));
    await page.press('Escape');
    await page.waitFor(() => true, null, 200).catch(() => undefined);
    expect((await lensState(tabId)).openClaimId).toBeNull();
    await page.close();
  });

  it('moves to the next claim on the keyboard command, opening its card', async () => {
    const { page, tabId } = await openArticle('/keyboard.html', ARTICLE);
    await sendRuntimeMessage(session.probe, { type: 'run-command', tabId, command: 'next-claim' });
    const first = await waitForOpenCard(session.probe, tabId);
    expect(first.focusedIndex).toBe(0);
    expect(first.openClaimId).not.toBeNull();
    await sendRuntimeMessage(session.probe, { type: 'run-command', tabId, command: 'next-claim' });
    const second = await waitForOpenCard(session.probe, tabId, first.openClaimId);
    expect(second.focusedIndex).toBe(1);
    expect(second.openClaimId).not.toBe(first.openClaimId);
    const focusRanges = await page.evaluate(highlightTexts, 'focus');
    expect(focusRanges).toHaveLength(1);
    await page.close();
  });

  it('does not re-read the page because of its own card', async () => {
    const { page, tabId } = await openArticle('/own-nodes.html', ARTICLE);
    const before = (await lensState(tabId)).reads;
    // Opening the card appends its host to the page's body: a mutation of the body's child list.
    await sendRuntimeMessage(session.probe, { type: 'run-command', tabId, command: 'next-claim' });
    expect((await waitForOpenCard(session.probe, tabId)).openClaimId).not.toBeNull();
    await page.press('Escape');
    // Longer than the longest a pending change may wait (3 s), so a re-read would have happened.
    await page.waitFor(() => new Promise((resolve) => setTimeout(() => resolve(true), 4_000)), null, 10_000);
    expect((await lensState(tabId)).reads).toBe(before);
    await page.close();
  });

  it('highlights a claim in a paragraph added by script', async () => {
    const { page } = await openArticle('/dynamic.html', ARTICLE);
    const before = (await page.evaluate(readHighlights, null)).ranges;
    await page.evaluate(() => {
      const paragraph = document.createElement('p');
      paragraph.textContent = 'On 9 August 2022 a Russian Soyuz rocket launched Iran’s Khayyam satellite from Baikonur in Kazakhstan.';
      document.querySelector('article')?.append(paragraph);
    }, null);
    const texts = await page.waitFor(
      () => {
        const all: string[] = [];
        CSS.highlights.forEach((highlight) => {
          for (const range of highlight) all.push(range.toString());
        });
        return all.some((text) => text.includes('Khayyam')) ? all : null;
      },
      null,
      15_000,
    );
    expect(texts?.length ?? 0).toBeGreaterThan(before);
    await page.close();
  });

  it('starts reading a page that named neither side once script brings an article in', async () => {
    const url = session.server.page('/feed.html', '<!doctype html><html lang="en"><head><title>Feed</title></head><body><main><p>Loading the latest story…</p><p id="clock">16:00:00</p></main></body></html>');
    const page = await session.browser.newPage();
    await page.goto(url);
    await waitForReport(session.probe, url);
    const article = ARTICLE.match(/<article>[\s\S]*<\/article>/)?.[0] ?? '';
    await page.evaluate((html: string) => {
      // A ticking clock first (new text that names nobody), then the story.
      let tick = 0;
      setInterval(() => (document.getElementById('clock')!.textContent = `16:00:${String(++tick).padStart(2, '0')}`), 200);
      setTimeout(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', html), 600);
    }, article);
    const painted = await page.waitFor(() => {
      let ranges = 0;
      CSS.highlights.forEach((highlight) => (ranges += highlight.size));
      return ranges > 0 ? ranges : null;
    }, null, 20_000);
    expect(painted).toBeGreaterThan(0);
    await page.close();
  });

  it('clears the highlights when a single-page app navigates to an unrelated view', async () => {
    const { page } = await openArticle('/spa.html', ARTICLE);
    await page.evaluate(() => {
      history.pushState({}, '', '/spa-other-view');
      const article = document.querySelector('article');
      if (article) article.textContent = 'Weather today: sunny in Lisbon, with light winds from the north in the afternoon.';
    }, null);
    const cleared = await page.waitFor(() => CSS.highlights.size === 0 || null, null, 15_000);
    expect(cleared).toBe(true);
    await page.close();
  });

  it('applies the actor-highlight and paint-style settings at once', async () => {
    const { page } = await openArticle('/settings.html', ARTICLE);
    expect(await page.evaluate(highlightTexts, 'actor')).toBeNull();
    await patchSettings(session.probe, { actorHighlights: true, highlightStyle: 'underline' });
    const actorTexts = await page.waitFor(highlightTexts, 'actor', 15_000);
    expect(actorTexts).toEqual(expect.arrayContaining(['Vladimir Putin', 'Khamenei']));
    await patchSettings(session.probe, { actorHighlights: false, highlightStyle: 'underline-and-tint' });
    expect(await page.waitFor(() => (![...CSS.highlights.keys()].some((name) => name.endsWith('-actor')) && CSS.highlights.size > 0) || null, null, 15_000)).toBe(true);
    await page.close();
  });

  it('reads open shadow roots only when the setting is on', async () => {
    // The article's claims live inside a custom element's open shadow root.
    const shadowPage = ARTICLE.replace(/<article>[\s\S]*<\/article>/, '<x-story></x-story>').replace(
      '</body>',
      `<template id="story">${ARTICLE.match(/<article>[\s\S]*<\/article>/)?.[0] ?? ''}</template>
<script>customElements.define('x-story', class extends HTMLElement { connectedCallback() { this.attachShadow({ mode: 'open' }).append(document.getElementById('story').content.cloneNode(true)); } });</script></body>`,
    );
    const setShadowDom = (enabled: boolean) => patchSettings(session.probe, { shadowDom: enabled });
    await setShadowDom(false);
    const url = session.server.page('/shadow.html', shadowPage);
    const page = await session.browser.newPage();
    await page.goto(url);
    await waitForReport(session.probe, url);
    expect(await page.evaluate(() => CSS.highlights.size, null)).toBe(0);
    await setShadowDom(true);
    const inShadow = await page.waitFor(
      () => {
        const ranges: Range[] = [];
        CSS.highlights.forEach((highlight, name) => {
          if (name.endsWith('-solid')) for (const range of highlight) ranges.push(range as Range);
        });
        return ranges.some((range) => range.startContainer.getRootNode() instanceof ShadowRoot) || null;
      },
      null,
      15_000,
    );
    expect(inShadow).toBe(true);
    await setShadowDom(false);
    expect(await page.waitFor(() => CSS.highlights.size === 0 || null, null, 15_000)).toBe(true);
    await page.close();
    // A page opened while the setting is on is read from the start (the background's registered script tells it).
    await setShadowDom(true);
    // Once the background has registered it (opened sooner, the page would be told as an open tab instead).
    const registered = await session.probe.waitFor(
      async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
        return (await api.scripting.getRegisteredContentScripts()).some((script) => script.id === 'reads-beyond') || null;
      },
      null,
      15_000,
    );
    expect(registered).toBe(true);
    const later = session.server.page('/shadow-later.html', shadowPage);
    const opened = await session.browser.newPage();
    await opened.goto(later);
    expect(await opened.waitFor(() => CSS.highlights.size > 0 || null, null, 15_000)).toBe(true);
    await setShadowDom(false);
    await opened.close();
  });

  it('reads same-origin iframes only when the setting is on', async () => {
    const setFrames = (enabled: boolean) => patchSettings(session.probe, { iframes: enabled });
    await setFrames(false);
    session.server.page('/framed-article.html', ARTICLE);
    const wrapper = '<!doctype html><html lang="en"><head><title>Reader</title></head><body><p>Weather and markets.</p><iframe src="/framed-article.html" width="800" height="600"></iframe></body></html>';
    const url = session.server.page('/frame-wrapper.html', wrapper);
    const page = await session.browser.newPage();
    await page.goto(url);
    await waitForReport(session.probe, url);
    const frameHighlights = () =>
      page.evaluate(() => {
        const frameWindow = document.querySelector('iframe')?.contentWindow as (Window & { CSS: typeof CSS }) | null;
        return frameWindow?.CSS.highlights.size ?? -1;
      }, null);
    expect(await frameHighlights()).toBe(0);
    await setFrames(true);
    expect(
      await page.waitFor(
        () => ((document.querySelector('iframe')?.contentWindow as (Window & { CSS: typeof CSS }) | null)?.CSS.highlights.size ?? 0) > 0 || null,
        null,
        15_000,
      ),
    ).toBe(true);
    expect(await page.evaluate(() => CSS.highlights.size, null)).toBe(0); // the wrapper itself has no claims
    await setFrames(false);
    expect(await page.waitFor(async () => ((document.querySelector('iframe')?.contentWindow as (Window & { CSS: typeof CSS }) | null)?.CSS.highlights.size ?? 0) === 0 || null, null, 15_000)).toBe(true);
    expect(await frameHighlights()).toBe(0);
    await page.close();
  });

  it('starts one reader per page, and none in a page that did not ask for it', async () => {
    const { page, tabId } = await openArticle('/one-reader.html', ARTICLE);
    // The background injects the reader again (a second read-page, a retry): the lens already reading stays the only one.
    await injectReader(session.probe, tabId);
    await injectReader(session.probe, tabId);
    const bodyChildren = await page.evaluate(() => document.body.children.length, null);
    await sendRuntimeMessage(session.probe, { type: 'run-command', tabId, command: 'next-claim' });
    expect((await waitForOpenCard(session.probe, tabId)).openClaimId).not.toBeNull();
    // One card host: a second reader would have opened a card of its own on the same command.
    expect(await page.evaluate(() => document.body.children.length, null)).toBe(bodyChildren + 1);
    await page.close();

    // A page that failed the pre-check never asked: a reader injected there reads nothing and listens to nothing.
    const url = session.server.page('/no-reader.html', '<!doctype html><html lang="en"><head><title>Trade</title></head><body><p>Iran sold oil to India.</p></body></html>');
    const unread = await session.browser.newPage();
    await unread.goto(url);
    const { tabId: unreadTab } = await waitForReport(session.probe, url);
    await injectReader(session.probe, unreadTab);
    expect(await listensToMessages(session.probe, unreadTab)).toBe(false);
    await unread.close();
  });

  it('tears down to exactly the DOM it found, card included', async () => {
    const { page, tabId } = await openArticle('/teardown.html', instrumented(ARTICLE));
    await sendRuntimeMessage(session.probe, { type: 'run-command', tabId, command: 'next-claim' });
    expect((await waitForOpenCard(session.probe, tabId)).openClaimId).not.toBeNull();
    const changedWhileOpen = await page.evaluate(() => document.documentElement.outerHTML !== (window as unknown as { __before: string }).__before, null);
    expect(changedWhileOpen).toBe(true); // the card's host element is there while the card is open
    await sendTabMessage(session.probe, tabId, { type: 'stop-lens' });
    const after = await page.evaluate(
      () => ({
        same: document.documentElement.outerHTML === (window as unknown as { __before: string }).__before,
        highlights: CSS.highlights.size,
        sheets: document.adoptedStyleSheets.length,
      }),
      null,
    );
    expect(after).toEqual({ same: true, highlights: 0, sheets: 0 });
    await page.close();
  });
});
