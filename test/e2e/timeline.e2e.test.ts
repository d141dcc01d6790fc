/**
 * The timeline page in both real browsers: it opens from the popup, the options page and a
 * hover card; shows every event of the dataset; a deep link selects its event and filters;
 * filters, selection and zoom live in the URL and back/forward follow them; the export holds
 * the events shown; and axe-core finds nothing serious. The session fails any test after
 * which a request left the browser.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { formatIssues, loadDataset } from '../../src/node/dataset-files.ts';
import { filterEntries, NO_FILTERS } from '../../src/timeline/model/filters.ts';
import { buildTimeline } from '../../src/timeline/model/timeline.ts';
import { runAxe, seriousOf } from './harness/axe.ts';
import { describeInEachBrowser } from './harness/browsers.ts';
import type { TestPage } from './harness/extension-browser.ts';
import { sendRuntimeMessage, sendTabMessage, waitForOpenCard, waitForReport } from './harness/extension-state.ts';
import { SCREENSHOTS, useSession } from './harness/session.ts';

const ARTICLE = readFileSync(resolve(import.meta.dirname, '../fixtures/pages/en-tehran-summit.html'), 'utf8');
const loaded = loadDataset();
if (!loaded.ok) throw new Error(`the dataset is invalid:\n${formatIssues(loaded.errors)}`);
const dataset = loaded.dataset;
const timeline = buildTimeline(dataset);
const expectedIds = (filters: Partial<typeof NO_FILTERS>) => filterEntries(timeline, { ...NO_FILTERS, ...filters }).map((entry) => entry.event.id);

/** What the timeline page shows, read from inside it. */
function readTimeline() {
  return {
    hash: location.hash,
    listed: [...document.querySelectorAll('.events li[data-event-id]')].map((item) => item.getAttribute('data-event-id')),
    marks: [...document.querySelectorAll('svg .mark')].map((mark) => mark.getAttribute('data-event-id')),
    details: document.querySelector('[data-testid="details"]')?.getAttribute('data-event-id') ?? null,
    actor: (document.querySelector('#filter-actor') as HTMLSelectElement | null)?.value ?? null,
  };
}

/** The timeline pages open in tabs, found from another extension page of ours (no `tabs` permission needed). */
function timelineTabs(): string[] {
  const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
  return api.extension
    .getViews({ type: 'tab' })
    .filter((view) => view.location.pathname === '/timeline.html')
    .map((view) => view.location.hash);
}

describeInEachBrowser('timeline', ({ name, launch }) => {
  const session = useSession(launch);

  async function openTimeline(hash = ''): Promise<TestPage> {
    const page = await session.browser.openExtensionPage(`timeline.html${hash}`);
    await page.waitFor(() => document.querySelectorAll('.events li[data-event-id]').length > 0 || document.querySelector('.empty') !== null || null, null);
    return page;
  }

  it('shows every event of the dataset, in the list and on the chart, with the whole span in view', async () => {
    const page = await openTimeline();
    const shown = await page.evaluate(readTimeline, null);
    const all = dataset.events.map((event) => event.id);
    expect(shown.listed).toHaveLength(all.length);
    expect([...shown.listed].sort()).toEqual([...all].sort());
    expect([...shown.marks].sort()).toEqual([...all].sort());
    expect(shown.details).toBeNull();
    const headings = await page.evaluate(() => ({ h1: document.querySelectorAll('h1').length, events: document.querySelectorAll('.events h4 a').length, years: document.querySelectorAll('.events h3').length }), null);
    expect(headings).toEqual({ h1: 1, events: all.length, years: new Set(dataset.events.map((event) => event.date.slice(0, 4))).size });
    expect(page.errors).toEqual([]);
    await page.screenshot(resolve(SCREENSHOTS, `timeline-${name}.png`));
    await page.close();
  });

  it('selects the event of a deep link and applies its filters', async () => {
    const page = await openTimeline('#event=tehran-summit-2022&actor=vladimir-putin');
    const shown = await page.evaluate(readTimeline, null);
    expect(shown.details).toBe('tehran-summit-2022');
    expect(shown.actor).toBe('vladimir-putin');
    expect(shown.listed).toEqual(expectedIds({ actors: ['vladimir-putin'] }));
    expect(shown.listed.length).toBeLessThan(dataset.events.length);
    const details = await page.evaluate(
      () => ({
        heading: document.querySelector('#details-heading')?.textContent ?? '',
        claims: [...document.querySelectorAll('.details [data-claim-id]')].map((item) => item.getAttribute('data-claim-id')),
        badges: [...document.querySelectorAll('.details .badge')].map((badge) => badge.className),
        actors: [...document.querySelectorAll('.details .actor-name')].map((actor) => actor.textContent ?? ''),
        links: [...document.querySelectorAll<HTMLAnchorElement>('.details .coverage a')].map((link) => ({ href: link.href, rel: link.rel, target: link.target })),
        plainTitles: document.querySelectorAll('.details .coverage li > span[lang]').length,
      }),
      null,
    );
    const event = dataset.events.find((item) => item.id === 'tehran-summit-2022')!;
    expect(details.heading).toBe(event.title);
    expect(details.claims).toEqual(dataset.claims.filter((claim) => claim.eventIds.includes(event.id)).map((claim) => claim.id));
    expect(details.badges.every((badge) => /^badge status-[a-z-]+$/.test(badge))).toBe(true);
    expect(details.actors).toEqual(expect.arrayContaining(['Vladimir Putin', 'Ali Khamenei']));
    expect(details.links.length).toBeGreaterThan(0);
    for (const link of details.links) expect(link).toMatchObject({ href: expect.stringMatching(/^https?:\/\//), rel: 'noopener noreferrer', target: '_blank' });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('says so when a link names an event the dataset does not have', async () => {
    const page = await openTimeline('#event=no-such-event');
    expect(await page.textOf('[data-testid="unknown-event"]')).toContain('no-such-event');
    await page.close();
  });

  it('filters by theme, status, language and text, keeps them in the URL, and goes back and forward through them', async () => {
    const page = await openTimeline();
    await page.evaluate(() => (document.querySelector('.filter-themes input[value="space"]') as HTMLInputElement).click(), null);
    let shown = (await page.waitFor(() => (location.hash.includes('theme=space') ? { hash: location.hash, listed: [...document.querySelectorAll('.events li[data-event-id]')].map((item) => item.getAttribute('data-event-id')) } : null), null))!;
    expect(shown.listed).toEqual(expectedIds({ themes: ['space'] }));
    expect(shown.listed.length).toBeGreaterThan(0);

    await page.evaluate(() => {
      const select = document.querySelector('#filter-language') as HTMLSelectElement;
      select.value = 'ru';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }, null);
    shown = (await page.waitFor(() => (location.hash.includes('lang=ru') ? { hash: location.hash, listed: [...document.querySelectorAll('.events li[data-event-id]')].map((item) => item.getAttribute('data-event-id')) } : null), null))!;
    expect(shown.listed).toEqual(expectedIds({ themes: ['space'], languages: ['ru'] }));

    // Back: only the theme again; back once more: everything; forward: the theme.
    await page.evaluate(() => history.back(), null);
    const back = await page.waitFor(() => (!location.hash.includes('lang=') ? document.querySelectorAll('.events li[data-event-id]').length : null), null);
    expect(back).toBe(expectedIds({ themes: ['space'] }).length);
    await page.evaluate(() => history.back(), null);
    const all = await page.waitFor(() => (!location.hash.includes('theme=') ? document.querySelectorAll('.events li[data-event-id]').length : null), null);
    expect(all).toBe(dataset.events.length);
    await page.evaluate(() => history.forward(), null);
    expect(await page.waitFor(() => (location.hash.includes('theme=space') ? document.querySelectorAll('svg .mark').length : null), null)).toBe(expectedIds({ themes: ['space'] }).length);

    // Free text in Persian finds Putin's events through his Persian name.
    await page.evaluate(() => (document.querySelector('[type="button"].clear') as HTMLButtonElement).click(), null);
    await page.evaluate(() => {
      const input = document.querySelector('#filter-text') as HTMLInputElement;
      input.value = 'پوتین';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, null);
    const found = (await page.waitFor(() => (location.hash.includes('q=') ? [...document.querySelectorAll('.events li[data-event-id]')].map((item) => item.getAttribute('data-event-id')) : null), null))!;
    expect(found).toEqual(expectedIds({ text: 'پوتین' }));
    expect(found.length).toBeGreaterThan(0);

    await page.evaluate(() => {
      const select = document.querySelector('#filter-status') as HTMLSelectElement;
      select.value = 'denied';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }, null);
    const denied = await page.waitFor(() => (location.hash.includes('status=denied') ? [...document.querySelectorAll('.events li[data-event-id]')].map((item) => item.getAttribute('data-event-id')) : null), null);
    expect(denied).toEqual(expectedIds({ text: 'پوتین', statuses: ['denied'] }));
    await page.close();
  });

  it('selects an event from the list and from its mark, and back closes it again', async () => {
    const page = await openTimeline();
    await page.evaluate(() => (document.querySelector('.events li[data-event-id="snapback-2025"] a') as HTMLAnchorElement).click(), null);
    expect(await page.waitFor(() => document.querySelector('[data-testid="details"]')?.getAttribute('data-event-id') ?? null, null)).toBe('snapback-2025');
    expect(await page.evaluate(() => document.activeElement?.id, null)).toBe('details-heading');
    await page.evaluate(() => history.back(), null);
    expect(await page.waitFor(() => document.querySelector('[data-testid="details"]') === null || null, null)).toBe(true);

    // A click on a mark: pointer down and up on the same spot.
    await page.evaluate(() => {
      const mark = document.querySelector('svg .mark[data-event-id="pars-1-launch-2024"] circle, svg .mark[data-event-id="pars-1-launch-2024"] rect')!;
      const box = mark.getBoundingClientRect();
      const init = { bubbles: true, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2, pointerId: 1, isPrimary: true, button: 0 };
      mark.dispatchEvent(new PointerEvent('pointerdown', init));
      mark.dispatchEvent(new PointerEvent('pointerup', init));
    }, null);
    expect(await page.waitFor(() => document.querySelector('[data-testid="details"]')?.getAttribute('data-event-id') ?? null, null)).toBe('pars-1-launch-2024');
    expect(await page.evaluate(() => location.hash, null)).toBe('#event=pars-1-launch-2024');
    await page.close();
  });

  it('zooms and pans by keyboard, drag and wheel, keeps the window in the URL, and shows all years again', async () => {
    const page = await openTimeline();
    await page.evaluate(() => (document.querySelector('[data-testid="chart"]') as HTMLElement).focus(), null);
    for (const key of ['+', '+', '+', 'ArrowLeft']) await page.press(key);
    const zoomed = (await page.waitFor(() => (location.hash.includes('from=') ? { hash: location.hash, marks: document.querySelectorAll('svg .mark').length } : null), null))!;
    expect(zoomed.marks).toBeLessThan(dataset.events.length);
    const [, from, to] = /from=(\d{4}-\d{2}-\d{2})&to=(\d{4}-\d{2}-\d{2})/.exec(zoomed.hash)!;
    expect(Date.parse(to!) - Date.parse(from!)).toBeLessThan((timeline.domain.end - timeline.domain.start) / 3);
    // The same link opens the same window.
    const again = await openTimeline(zoomed.hash);
    expect(await again.evaluate(() => document.querySelectorAll('svg .mark').length, null)).toBe(zoomed.marks);
    await again.close();
    // Dragging to the right moves the window back in time; the wheel zooms in further.
    const dragged = await page.evaluate(async (before: string) => {
      const svg = document.querySelector('[data-testid="chart"] svg')!;
      const box = svg.getBoundingClientRect();
      const at = (x: number) => ({ bubbles: true, clientX: x, clientY: box.y + 20, pointerId: 7, isPrimary: true, button: 0 });
      svg.dispatchEvent(new PointerEvent('pointerdown', at(box.x + 100)));
      svg.dispatchEvent(new PointerEvent('pointermove', at(box.x + 200)));
      svg.dispatchEvent(new PointerEvent('pointermove', at(box.x + 300)));
      svg.dispatchEvent(new PointerEvent('pointerup', at(box.x + 300)));
      for (let wait = 0; wait < 100 && location.hash === before; wait++) await new Promise((done) => setTimeout(done, 50));
      const panned = location.hash;
      svg.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, deltaY: -400, clientX: box.x + box.width / 2, clientY: box.y + 20 }));
      for (let wait = 0; wait < 100 && location.hash === panned; wait++) await new Promise((done) => setTimeout(done, 50));
      return { panned, wheeled: location.hash };
    }, zoomed.hash);
    const windowOf = (hash: string) => {
      const [, start, end] = /from=(\d{4}-\d{2}-\d{2})&to=(\d{4}-\d{2}-\d{2})/.exec(hash)!;
      return { start: Date.parse(start!), end: Date.parse(end!) };
    };
    expect(windowOf(dragged.panned).start).toBeLessThan(windowOf(zoomed.hash).start);
    expect(windowOf(dragged.wheeled).end - windowOf(dragged.wheeled).start).toBeLessThan(windowOf(dragged.panned).end - windowOf(dragged.panned).start);
    await page.evaluate(() => (document.querySelector('[data-testid="zoom-all"]') as HTMLButtonElement).click(), null);
    expect(await page.waitFor(() => (!location.hash.includes('from=') ? document.querySelectorAll('svg .mark').length : null), null)).toBe(dataset.events.length);
    await page.close();
  });

  it('exports the events shown as CSV and JSON-LD', async () => {
    const page = await openTimeline('#theme=nuclear');
    const files = await page.evaluate(async () => {
      const captured: { name: string; text: string }[] = [];
      // The blobs behind the download links, read directly: extension pages may not fetch (CSP connect-src 'none').
      const blobs = new Map<string, Blob>();
      const createObjectURL = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        const url = createObjectURL(blob);
        if (blob instanceof Blob) blobs.set(url, blob);
        return url;
      };
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        if (this.download) captured.push({ name: this.download, text: this.href });
        else original.call(this);
      };
      (document.querySelector('[data-testid="export-csv"]') as HTMLButtonElement).click();
      (document.querySelector('[data-testid="export-jsonld"]') as HTMLButtonElement).click();
      HTMLAnchorElement.prototype.click = original;
      URL.createObjectURL = createObjectURL;
      return Promise.all(captured.map(async ({ name, text }) => ({ name, text: (await blobs.get(text)?.text()) ?? '' })));
    }, null);
    const nuclear = expectedIds({ themes: ['nuclear'] });
    expect(files.map((file) => file.name)).toEqual(['russia-iran-timeline.csv', 'russia-iran-timeline.jsonld']);
    const csvRows = files[0]!.text.trim().split('\r\n');
    expect(csvRows[0]).toMatch(/^id,date,end_date,theme,title/);
    expect(csvRows.slice(1).map((row) => row.split(',')[0])).toEqual(nuclear);
    const jsonLd = JSON.parse(files[1]!.text);
    expect(jsonLd.numberOfItems).toBe(nuclear.length);
    expect(jsonLd.itemListElement.map((element: any) => element.item['@id'])).toEqual(nuclear.map((id) => `urn:russia-iran-lens:event:${id}`));
    await page.close();
  });

  it('opens from the popup’s “Open the timeline” and from the options page', async () => {
    const popup = await session.browser.openExtensionPage('src/popup/index.html');
    await popup.waitFor(() => document.querySelector('[data-testid="open-timeline"]') !== null || null, null);
    const before = (await session.probe.evaluate(timelineTabs, null)).length;
    await popup.evaluate(() => (document.querySelector('[data-testid="open-timeline"]') as HTMLButtonElement).click(), null);
    const tabs = (await session.probe.waitFor((count: number) => {
      const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      const views = api.extension.getViews({ type: 'tab' }).filter((view) => view.location.pathname === '/timeline.html');
      return views.length > count ? views.map((view) => view.document.querySelectorAll('.events li[data-event-id]').length) : null;
    }, before))!;
    expect(tabs.length).toBe(before + 1);
    await popup.close();

    const options = await session.browser.openExtensionPage('src/options/index.html');
    const href = await options.waitFor(() => (document.querySelector('[data-testid="open-timeline"]') as HTMLAnchorElement | null)?.href ?? null, null);
    expect(href).toBe(`${session.browser.extensionOrigin}timeline.html`);
    await options.close();
  });

  it('opens at the claim’s event from a hover card’s “See on the timeline”', async () => {
    const url = session.server.page('/timeline-card.html', ARTICLE.replace('</body>', '<p><a id="lens-test-last" href="#end">end</a></p></body>'));
    const page = await session.browser.newPage();
    await page.goto(url);
    const { tabId, report } = await waitForReport(session.probe, url);
    await page.waitFor(() => CSS.highlights.size > 0 || null, null);
    await sendRuntimeMessage(session.probe, { type: 'run-command', tabId, command: 'next-claim' });
    // The card opens once its details arrive from the background.
    const state = await waitForOpenCard(session.probe, tabId);
    expect(state.openClaimId).not.toBeNull();
    const hit = report.claims.find((claim) => claim.claimId === state.openClaimId)!;
    const eventId = dataset.claims.find((claim) => claim.id === state.openClaimId)!.eventIds[0]!;
    const before = (await session.probe.evaluate(timelineTabs, null)).length;
    // The card is in a closed shadow root appended to the body, so the keyboard reaches it after the
    // page's last link: first the close button, then "See on the timeline". Firefox also stops on
    // the card itself when it scrolls, so try one, two and three Tabs, reopening the card each time
    // (Enter on the close button closes it; on the card it does nothing). The sources come after
    // the button, so no attempt can follow a link out of the browser.
    let hashes: string[] = [];
    for (let tabs = 1; tabs <= 3 && hashes.length <= before; tabs++) {
      await sendTabMessage(session.probe, tabId, { type: 'focus-claim', claimId: hit.claimId, start: hit.start });
      await page.evaluate(() => (document.getElementById('lens-test-last') as HTMLAnchorElement).focus({ preventScroll: true }), null);
      for (let press = 0; press < tabs; press++) await page.press('Tab');
      await page.press('Enter');
      hashes = await session.probe
        .waitFor((count: number) => {
          const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
          const views = api.extension.getViews({ type: 'tab' }).filter((view) => view.location.pathname === '/timeline.html');
          return views.length > count ? views.map((view) => view.location.hash) : null;
        }, before, 2_000)
        .then((found) => found ?? [])
        .catch((): string[] => []);
    }
    expect(hashes).toContain(`#event=${eventId}`);
    await page.close();
  });

  it('rejects an open-timeline message whose event id is not an id', async () => {
    const reply = (await sendRuntimeMessage(session.probe, { type: 'open-timeline', eventId: 'x/../../popup' })) as { ok: boolean };
    expect(reply.ok).toBe(false);
  });

  it('has no serious accessibility violations (axe-core), with an event selected', async () => {
    const page = await openTimeline('#event=tehran-summit-2022');
    const { passes, violations } = await runAxe(page);
    expect(passes).toBeGreaterThan(5); // axe really ran
    expect(seriousOf(violations)).toEqual([]);
    await page.close();
  });
});
