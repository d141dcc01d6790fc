/**
 * Opens the timeline page, optionally at one event. Content scripts cannot open extension
 * pages themselves, so a card's "See on the timeline" asks the background, which does it here.
 * `tabs.create` needs no permission; the new tab opens beside the one the reader came from.
 */
import browser from 'webextension-polyfill';

export const TIMELINE_PAGE = 'timeline.html';

/** The page's path with the event in its hash (the timeline reads `#event=<id>`). */
export function timelinePath(eventId?: string): string {
  return eventId ? `${TIMELINE_PAGE}#event=${encodeURIComponent(eventId)}` : TIMELINE_PAGE;
}

export async function openTimeline(eventId: string | undefined, besideTab?: { index: number; windowId?: number }): Promise<void> {
  await browser.tabs.create({
    url: browser.runtime.getURL(timelinePath(eventId)),
    ...(besideTab ? { index: besideTab.index + 1, ...(besideTab.windowId !== undefined ? { windowId: besideTab.windowId } : {}) } : {}),
  });
}
