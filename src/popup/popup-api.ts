/** The popup's conversations with the background and the page, each reply checked by schema. */
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { replySchema } from '../shared/messages.ts';
import type { LensWorld } from '../shared/page-hooks.ts';
import { PageReportSchema, type PageReport } from '../shared/report.ts';
import { SettingsSchema, type Settings } from '../shared/settings.ts';

const ReportReply = replySchema(PageReportSchema.nullable());
const SettingsReply = replySchema(z.object({ settings: SettingsSchema, fellBack: z.array(z.string()) }));
const SavedReply = replySchema(SettingsSchema);
const AnyReply = replySchema(z.unknown());

async function ask<T>(schema: z.ZodType<{ ok: true; value: T } | { ok: false; error: string }>, message: unknown): Promise<T> {
  const reply = schema.parse(await browser.runtime.sendMessage(message));
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/**
 * The tab's report from the background; failing that, from the page itself: a page that fails the pre-check sends
 * nothing and listens to nothing (see shared/page-hooks.ts), so the popup runs a function in the content script's
 * isolated world that asks it. No answer: the content script does not run there (a browser page, a store, a tab
 * opened before the extension was installed).
 */
export async function loadReport(tabId: number): Promise<PageReport | null> {
  const report = await ask(ReportReply, { type: 'get-report', tabId });
  if (report) return report;
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      // Runs in the page's isolated world, serialised: it may use nothing from here.
      func: () => (globalThis as LensWorld).russiaIranLens?.status() ?? null,
    });
    const status = PageReportSchema.nullable().safeParse(injection?.result);
    return status.success ? status.data : null;
  } catch {
    return null;
  }
}
export const loadSettings = (): Promise<{ settings: Settings; fellBack: string[] }> => ask(SettingsReply, { type: 'get-settings' });
/** Changes only the fields given (the options page may be changing others at the same time). */
export const saveSettings = (set: Partial<Omit<Settings, 'version' | 'disabledSites'>>): Promise<Settings> => ask(SavedReply, { type: 'save-settings', patch: { set } });
export const setSiteEnabled = (hostname: string, enabled: boolean): Promise<Settings> => ask(SavedReply, { type: 'set-site-enabled', hostname, enabled });
export const openTimelinePage = () => ask(AnyReply, { type: 'open-timeline' });
export const runCommand = (tabId: number, command: 'next-claim' | 'previous-claim') => ask(AnyReply, { type: 'run-command', tabId, command });

/** Scrolls the page to a claim and opens its card; false when the page no longer has it. */
export async function showClaimOnPage(tabId: number, claimId: string, start: number): Promise<boolean> {
  try {
    const reply = (await browser.tabs.sendMessage(tabId, { type: 'focus-claim', claimId, start })) as { ok?: boolean } | undefined;
    return reply?.ok === true;
  } catch {
    return false;
  }
}

/**
 * Calls `listener` when what the popup shows changes underneath it: the tab's report (the page was read again,
 * navigated, or cleared) or the settings (changed in the options page). Returns the unsubscribe function.
 */
export function onShownDataChanged(tabId: number | null, listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'session' && tabId !== null && `report:${tabId}` in changes) || (area === 'local' && 'settings' in changes)) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
