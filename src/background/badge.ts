/** The toolbar badge: the number of claims found, coloured by how relevant the page is. */
import browser from 'webextension-polyfill';
import type { PageReport } from '../shared/report.ts';

const RELEVANT_COLOUR = '#1d4ed8';
const WEAK_COLOUR = '#6b7280';

export async function showBadge(tabId: number, report: PageReport): Promise<void> {
  const text = report.relevant && report.claims.length > 0 ? String(report.claims.length) : '';
  await browser.action.setBadgeText({ tabId, text });
  if (text) await browser.action.setBadgeBackgroundColor({ tabId, color: report.score >= 0.75 ? RELEVANT_COLOUR : WEAK_COLOUR });
}

export async function clearBadge(tabId: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: '' });
}
