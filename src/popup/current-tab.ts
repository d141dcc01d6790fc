/**
 * Which tab the popup describes: `?tab=<id>` when given (so a test, or a popup opened in a
 * tab of its own, can name one), otherwise the active tab of the current window.
 */
import browser from 'webextension-polyfill';

export async function describedTabId(search: string): Promise<number | null> {
  const requested = new URLSearchParams(search).get('tab');
  if (requested !== null && /^\d+$/.test(requested)) return Number(requested);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}
