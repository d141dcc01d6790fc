/// <reference types="chrome" />
/** Reads the extension's own state from inside one of its pages (never from the web page). */
import { READER } from '../../../src/shared/injected-scripts.ts';
import type { PageReport } from '../../../src/shared/report.ts';
import type { TestPage } from './extension-browser.ts';


/** Waits for the content script's report of `pageUrl` and returns the tab id it was stored under. */
export async function waitForReport(extensionPage: TestPage, pageUrl: string, timeoutMs = 15_000): Promise<{ tabId: number; report: PageReport }> {
  const found = (await extensionPage.waitFor(
    async (url: string) => {
      const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      const stored = (await api.storage.session.get(null)) as Record<string, unknown>;
      for (const [key, value] of Object.entries(stored)) {
        if (key.startsWith('report:') && (value as PageReport).url === url) return { tabId: Number(key.slice('report:'.length)), report: value as PageReport };
        // A page that failed the pre-check sends no report; the test build says so (see shared/messages.ts).
        if (key.startsWith('unread:') && value === url) return { tabId: Number(key.slice('unread:'.length)), report: null };
      }
      return null;
    },
    pageUrl,
    timeoutMs,
  )) as { tabId: number; report: PageReport | null };
  if (found.report) return { tabId: found.tabId, report: found.report };
  // Then the page itself tells what the popup is told, the popup's way (see popup-api.ts): the shipped path for such pages.
  const status = await pageStatus(extensionPage, found.tabId);
  if (!status) throw new Error(`the page ${pageUrl} said it was unread, but answered no status`);
  return { tabId: found.tabId, report: status };
}

/** What the content script of a page it never read tells the popup, asked as the popup asks it (null: no answer). */
export function pageStatus(extensionPage: TestPage, tabId: number): Promise<PageReport | null> {
  return extensionPage.evaluate(async (tab: number) => {
    const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
    const [injection] = await api.scripting.executeScript({
      target: { tabId: tab },
      func: () => (globalThis as unknown as { russiaIranLens?: { status(): unknown } }).russiaIranLens?.status() ?? null,
    });
    return (injection?.result ?? null) as PageReport | null;
  }, tabId);
}

/** Injects the reader into a tab as the background does on a page's `read-page` (whether or not the page asked). */
export async function injectReader(extensionPage: TestPage, tabId: number): Promise<void> {
  await extensionPage.evaluate(
    async ({ tab, file }: { tab: number; file: string }) => {
      const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      const [injection] = await api.scripting.executeScript({ target: { tabId: tab, frameIds: [0] }, files: [file] });
      if (!injection || (injection as { error?: unknown }).error) throw new Error(`the reader was not injected: ${JSON.stringify(injection)}`);
    },
    // From the extension's root: Firefox resolves a relative path against the calling page (this one is the popup's).
    { tab: tabId, file: `/${READER.file}` },
  );
}

/**
 * Does anything of ours in the tab listen to messages? False when the browser finds no receiver (a page the content
 * script never read); any other error comes back as its text, for the test's assertion to show.
 */
export function listensToMessages(extensionPage: TestPage, tabId: number): Promise<boolean | string> {
  return sendTabMessage(extensionPage, tabId, { type: 'lens-state' }).then(
    () => true,
    (error: unknown) => (/receiving end|could not establish/i.test(String(error)) ? false : String(error)),
  );
}

/** Sends a runtime message from an extension page, as the popup would. */
export function sendRuntimeMessage(extensionPage: TestPage, message: unknown): Promise<unknown> {
  return extensionPage.evaluate((payload: unknown) => {
    const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
    return api.runtime.sendMessage(payload);
  }, message);
}

/** Sends a message to a tab's content script from an extension page, as the popup does. */
export function sendTabMessage(extensionPage: TestPage, tabId: number, message: unknown): Promise<unknown> {
  return extensionPage.evaluate(
    ({ tab, payload }: { tab: number; payload: unknown }) => {
      const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      return api.tabs.sendMessage(tab, payload);
    },
    { tab: tabId, payload: message },
  );
}

export interface LensStateReply {
  ok: boolean;
  value: { highlighted: number; focusedIndex: number; openClaimId: string | null; reads: number; cardFocus: string | null };
}

/** Writes settings straight to storage.local (where they live), merged over what is stored. */
export function patchSettings(extensionPage: TestPage, patch: Record<string, unknown>): Promise<void> {
  return extensionPage.evaluate(async (changes: Record<string, unknown>) => {
    const api = (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
    const defaults = { version: 1, enabled: true, disabledSites: [], minConfidence: 0.6, badge: true, iframes: false, shadowDom: false, highlightStyle: 'underline-and-tint', actorHighlights: false };
    const stored = ((await api.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await api.storage.local.set({ settings: { ...defaults, ...stored, ...changes } });
  }, patch);
}

/**
 * After a command that opens a card: the card opens once its details arrive from the background, so wait for the
 * lens to report an open card (another one than `previous`, when given) instead of racing it. Returns the state then,
 * or the last state seen after `timeoutMs` (the test's own assertion then fails with it).
 */
export async function waitForOpenCard(extensionPage: TestPage, tabId: number, previous: string | null = null, timeoutMs = 10_000): Promise<LensStateReply['value']> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = ((await sendTabMessage(extensionPage, tabId, { type: 'lens-state' })) as LensStateReply).value;
    if ((state.openClaimId !== null && state.openClaimId !== previous) || Date.now() > deadline) return state;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
