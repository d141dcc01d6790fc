/**
 * The options page in both real browsers: changes made with the keyboard reach
 * storage (local, mirrored to sync), 1,000 long disabled sites are kept, the popup's and the
 * options page's edits do not overwrite each other, fields of a newer version are kept, an invalid site is explained and not saved, unreadable stored settings are
 * named in a notice while the readable ones are kept, the page passes axe, and it mirrors
 * for right-to-left languages.
 */
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { runAxe, seriousOf } from './harness/axe.ts';
import { describeInEachBrowser } from './harness/browsers.ts';
import type { TestPage } from './harness/extension-browser.ts';
import { SCREENSHOTS, useSession } from './harness/session.ts';

const OPTIONS = 'src/options/index.html';

type Area = 'sync' | 'local';

/** Reads one key of the extension's storage from inside one of its pages. */
function readStorage(page: TestPage, area: Area, key: string): Promise<unknown> {
  return page.evaluate(
    async ({ area, key }: { area: Area; key: string }) => {
      const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      return ((await api.storage[area].get(key)) as Record<string, unknown>)[key] ?? null;
    },
    { area, key },
  );
}

function writeStorage(page: TestPage, area: Area, values: Record<string, unknown>): Promise<void> {
  return page.evaluate(
    async ({ area, values }: { area: Area; values: Record<string, unknown> }) => {
      const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      await api.storage[area].set(values);
    },
    { area, values },
  );
}

/** Focuses an element the way a keyboard user would arrive at it, then types. */
async function focus(page: TestPage, selector: string): Promise<void> {
  const found = await page.evaluate((target: string) => {
    const element = document.querySelector<HTMLElement>(target);
    element?.focus();
    return document.activeElement === element && element !== null;
  }, selector);
  expect(found, `focus ${selector}`).toBe(true);
}

async function type(page: TestPage, text: string): Promise<void> {
  for (const character of text) await page.press(character);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeInEachBrowser('options page', ({ name, launch }) => {
  const session = useSession(launch);

  async function openOptions(): Promise<TestPage> {
    const page = await session.browser.openExtensionPage(OPTIONS);
    await page.waitFor(() => document.querySelector<HTMLElement>('.page')?.dataset.state === 'ready' || null, null);
    return page;
  }

  const storedSettings = (page: TestPage) => readStorage(page, 'local', 'settings') as Promise<Record<string, unknown> | null>;

  it('shows the defaults, in the browser’s language, with the dataset and the privacy promise', async () => {
    const page = await openOptions();
    const shown = await page.evaluate(
      () => ({
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        title: document.title,
        heading: document.querySelector('h1')?.textContent,
        badge: document.querySelector<HTMLInputElement>('#opt-badge')?.checked,
        paused: document.querySelector<HTMLInputElement>('#opt-paused')?.checked,
        style: document.querySelector<HTMLInputElement>('input[name="highlightStyle"]:checked')?.value,
        confidence: document.querySelector('[data-testid="min-confidence-value"]')?.textContent,
        claims: Number(document.querySelector('[data-testid="dataset-claims"]')?.textContent?.replace(/\D/g, '')),
        period: document.querySelector('[data-testid="dataset-period"]')?.textContent,
        privacy: document.querySelector('[data-testid="privacy"]')?.textContent,
        notice: document.querySelector('[data-testid="fell-back-notice"]') !== null,
        links: [...document.querySelectorAll<HTMLAnchorElement>('[data-testid="sources"] a')].map((link) => ({ rel: link.rel, target: link.target, href: link.href })),
        unlabelled: [...document.querySelectorAll<HTMLInputElement>('input')].filter((input) => input.labels?.length === 0).map((input) => input.id || input.name),
      }),
      null,
    );
    expect(shown.lang).toMatch(/^en/);
    expect(shown.dir).toBe('ltr');
    expect(shown.title).toBe('Russia–Iran Lens settings');
    expect(shown.heading).toBe('Russia–Iran Lens settings');
    expect(shown).toMatchObject({ badge: true, paused: false, style: 'underline-and-tint', confidence: '60%', notice: false });
    expect(shown.claims).toBeGreaterThan(50);
    expect(shown.period).toMatch(/\d{4} to .*\d{4}/);
    expect(shown.privacy).toMatch(/offline/i);
    expect(shown.privacy).toMatch(/no network requests/i);
    expect(shown.privacy).toMatch(/Collects nothing/);
    expect(shown.links.length).toBeGreaterThan(10);
    for (const link of shown.links) expect(link).toMatchObject({ rel: 'noopener noreferrer', target: '_blank', href: expect.stringMatching(/^https?:/) });
    expect(shown.unlabelled).toEqual([]);
    await page.close();
  });

  it('saves the badge and a disabled site as soon as they change, from the keyboard', async () => {
    const page = await openOptions();
    await focus(page, '#opt-badge');
    await page.press(' ');
    await page.waitFor(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      const { settings } = (await api.storage.local.get('settings')) as { settings?: { badge?: boolean } };
      return settings?.badge === false || null;
    }, null);
    expect(await page.waitFor(() => document.querySelector('[data-testid="save-status"]')?.textContent || null, null)).toBe('Saved');
    expect(await page.evaluate(() => document.querySelector('[data-testid="save-status"]')?.getAttribute('aria-live'), null)).toBe('polite');

    for (const site of ['News.Example.org', '*.example.net']) {
      await focus(page, '#opt-add-site');
      await type(page, site);
      await page.press('Enter');
    }
    await page.waitFor(() => document.querySelectorAll('[data-testid="site-list"] li').length === 2 || null, null);
    await sleep(300);
    expect(await storedSettings(page)).toMatchObject({ badge: false, disabledSites: ['news.example.org', '*.example.net'] });

    // Remove the first site with the keyboard: focus moves to the next remove button.
    await focus(page, '[data-testid="site-list"] button[aria-label="Remove news.example.org"]');
    await page.press('Enter');
    await page.waitFor(() => document.querySelectorAll('[data-testid="site-list"] li').length === 1 || null, null);
    // Focus moves once the list is unlocked again after the save: wait for it, then say where it is.
    await page.waitFor(() => document.activeElement?.getAttribute('aria-label') === 'Remove *.example.net' || null, null, 5_000).catch(() => null);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'), null)).toBe('Remove *.example.net');
    await sleep(300);
    expect(await storedSettings(page)).toMatchObject({ badge: false, disabledSites: ['*.example.net'] });

    // The stored value survives a reload of the page.
    await page.close();
    const again = await openOptions();
    expect(await again.evaluate(() => document.querySelector<HTMLInputElement>('#opt-badge')?.checked, null)).toBe(false);
    expect(await again.textOf('[data-testid="site-list"]')).toContain('*.example.net');
    await again.close();
  });

  it('keeps 1,000 disabled sites of the longest kind, beyond what storage.sync can hold, and records and shows that the mirror failed', async () => {
    const page = await openOptions();
    const host = (n: number) => `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.s${String(n).padStart(60, '0')}`;
    // 1,000 is the most the settings allow: start from an empty list.
    const existing = ((await storedSettings(page))?.disabledSites ?? []) as string[];
    const sites: Record<string, boolean> = Object.fromEntries(existing.map((site) => [site, false]));
    for (let n = 0; n < 1_000; n++) sites[host(n)] = true;
    const reply = (await page.evaluate(async (patch: unknown) => {
      const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      return api.runtime.sendMessage({ type: 'save-settings', patch });
    }, { sites })) as { ok: boolean; value?: { disabledSites: string[] } };
    expect(reply.ok).toBe(true);
    expect(reply.value?.disabledSites).toHaveLength(1_000);
    const again = await openOptions();
    expect(await again.evaluate(() => document.querySelectorAll('[data-testid="site-list"] li').length, null)).toBe(1_000);
    // About 255 KB of sites: more than sync's 100 KB in all. The failure is recorded, nothing is lost.
    expect(await readStorage(again, 'local', 'settingsSyncError')).toMatchObject({ message: expect.any(String) });
    // And the user is told, with what the browser said.
    const notice = await again.waitFor(() => document.querySelector('[data-testid="sync-error"]')?.textContent || null, null);
    expect(notice).toMatch(/could not be copied to browser sync/);
    expect(notice).toContain(((await readStorage(again, 'local', 'settingsSyncError')) as { message: string }).message);
    // Back to a short list: the mirror fits again and the error goes.
    await again.evaluate(async (patch: unknown) => {
      const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      return api.runtime.sendMessage({ type: 'save-settings', patch });
    }, { sites: Object.fromEntries(Object.keys(sites).map((site) => [site, existing.includes(site)])) });
    expect(await readStorage(again, 'local', 'settingsSyncError')).toBeNull();
    // The open page follows: the notice goes once a save fits again.
    expect(await again.waitFor(() => document.querySelector('[data-testid="sync-error"]') === null || null, null)).toBe(true);
    expect(await readStorage(again, 'sync', 'settings')).toMatchObject({ disabledSitesChunks: existing.length > 0 ? 1 : 0 });
    await page.close();
    await again.close();
  });

  it('keeps the popup’s edit when the options page, opened before it, saves another field', async () => {
    const page = await openOptions();
    const before = await page.evaluate(() => document.querySelector<HTMLInputElement>('#opt-actor-highlights')?.checked ?? null, null);
    // The popup switches the lens off for a site while this page still shows the old list.
    await page.evaluate(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      await api.runtime.sendMessage({ type: 'set-site-enabled', hostname: 'www.popup-edit.example', enabled: false });
    }, null);
    await focus(page, '#opt-actor-highlights');
    await page.press(' ');
    await page.waitFor(async (expected: boolean) => {
      const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      const { settings } = (await api.storage.local.get('settings')) as { settings?: { actorHighlights?: boolean } };
      return settings?.actorHighlights === expected || null;
    }, !before);
    expect(await storedSettings(page)).toMatchObject({ actorHighlights: !before, disabledSites: expect.arrayContaining(['popup-edit.example']) });
    await page.close();
  });

  it('keeps fields written by a newer version when it saves', async () => {
    const writer = await openOptions();
    const stored = (await storedSettings(writer)) ?? {};
    await writeStorage(writer, 'local', { settings: { ...stored, version: 2, futurePalette: 'deuteranopia' } });
    await writer.close();
    const page = await openOptions();
    await focus(page, '#opt-badge');
    await page.press(' ');
    await page.waitFor(() => document.querySelector('[data-testid="save-status"]')?.textContent === 'Saved' || null, null);
    expect(await storedSettings(page)).toMatchObject({ version: 2, futurePalette: 'deuteranopia' });
    await writeStorage(page, 'local', { settings: { ...((await storedSettings(page)) ?? {}), version: 1, futurePalette: undefined } });
    await page.close();
  });

  it('explains an invalid site beside the field and does not save it', async () => {
    const page = await openOptions();
    const before = await storedSettings(page);
    await focus(page, '#opt-add-site');
    await type(page, '-bad.example');
    await page.press('Enter');
    const error = await page.waitFor(() => document.querySelector('[data-testid="site-error"]')?.textContent || null, null);
    expect(error).toMatch(/“-bad\.example” is not a host name/);
    const field = await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#opt-add-site')!;
      return { invalid: input.getAttribute('aria-invalid'), describedBy: input.getAttribute('aria-describedby'), value: input.value, focused: document.activeElement === input };
    }, null);
    expect(field).toEqual({ invalid: 'true', describedBy: expect.stringContaining('opt-add-site-error'), value: '-bad.example', focused: true });
    await sleep(300);
    expect(await storedSettings(page)).toEqual(before);
    expect(JSON.stringify(await storedSettings(page))).not.toContain('bad.example');
    await page.close();
  });

  it('names the settings that could not be read, keeps the readable ones, and keeps a backup', async () => {
    const probe = await openOptions();
    const corrupt = { version: 1, minConfidence: 'high', badge: false };
    await probe.evaluate(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      await api.storage.local.remove('settingsBackup');
    }, null);
    await probe.close();
    const writer = await session.browser.openExtensionPage(OPTIONS);
    await writeStorage(writer, 'local', { settings: corrupt });
    await writer.close();

    const page = await openOptions();
    const notice = await page.waitFor(() => document.querySelector('[data-testid="fell-back-notice"]')?.textContent || null, null);
    expect(notice).toContain('minConfidence');
    expect(notice).toContain('Minimum match');
    expect(notice).toMatch(/backup/);
    expect(notice).not.toContain('badge');
    const shown = await page.evaluate(
      () => ({
        role: document.querySelector('[data-testid="fell-back-notice"]')?.getAttribute('role'),
        badge: document.querySelector<HTMLInputElement>('#opt-badge')?.checked,
        confidence: document.querySelector('[data-testid="min-confidence-value"]')?.textContent,
      }),
      null,
    );
    expect(shown).toEqual({ role: 'alert', badge: false, confidence: '60%' });
    expect(await readStorage(page, 'local', 'settingsBackup')).toMatchObject({ value: corrupt });

    // Axe and the screenshot on the page as a reader with this notice sees it.
    await page.evaluate(() => {
      const details = document.querySelector<HTMLDetailsElement>('[data-testid="sources"]');
      if (details) details.open = true;
    }, null);
    const { violations } = await runAxe(page);
    expect(seriousOf(violations)).toEqual([]);
    await page.evaluate(() => {
      document.querySelector<HTMLDetailsElement>('[data-testid="sources"]')!.open = false;
      window.scrollTo(0, 0);
    }, null);
    await page.screenshot(resolve(SCREENSHOTS, `options-${name}.png`));
    await page.close();
  });

  it('mirrors its layout for a right-to-left language', async () => {
    const page = await openOptions();
    const layout = await page.evaluate(() => {
      document.documentElement.dir = 'rtl';
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      const checkbox = box('#opt-badge');
      const label = box('label[for="opt-badge"]');
      const input = box('#opt-add-site');
      const add = box('.add-site button');
      return { checkboxRightOfLabel: checkbox.left > label.left, addButtonLeftOfInput: add.right <= input.left + 1 };
    }, null);
    expect(layout).toEqual({ checkboxRightOfLabel: true, addButtonLeftOfInput: true });
    await page.screenshot(resolve(SCREENSHOTS, `options-rtl-${name}.png`));
    await page.close();
  });
});
