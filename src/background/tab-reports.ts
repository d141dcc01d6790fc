/**
 * Per-tab reports, kept in storage.session so they survive the service worker being
 * stopped (MV3 workers are short-lived) and vanish when the browser closes.
 */
import browser from 'webextension-polyfill';
import { PageReportSchema, type PageReport } from '../shared/report.ts';

const keyFor = (tabId: number) => `report:${tabId}`;

export async function saveReport(tabId: number, report: PageReport): Promise<void> {
  await browser.storage.session.set({ [keyFor(tabId)]: report });
}

export async function loadReport(tabId: number): Promise<PageReport | null> {
  const stored = (await browser.storage.session.get(keyFor(tabId)))[keyFor(tabId)];
  // Stored data is re-checked: a report from an older version must not crash the popup.
  const parsed = PageReportSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export async function forgetReport(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyFor(tabId));
}
