/**
 * What the background believes about who sent a message: the browser's word (the sender
 * record), never the message's own claims. A content script's page is `sender.url`; a report
 * counts only from the tab's top frame and its active document (not a prerendered page or
 * one parked in the back/forward cache, which Chrome labels with `documentLifecycle`).
 */

export interface SenderRecord {
  readonly url?: string;
  readonly frameId?: number;
  readonly documentLifecycle?: string;
}

/** The host name of the sender's page, or null for anything that is not an http(s) page. */
export function senderHostname(sender: SenderRecord): string | null {
  if (typeof sender.url !== 'string') return null;
  try {
    const url = new URL(sender.url);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : null;
  } catch {
    return null;
  }
}

/** Is the sender the tab's top frame, showing its active document? */
export function isTopActiveDocument(sender: SenderRecord): boolean {
  if (sender.frameId !== 0) return false;
  // Firefox has no documentLifecycle: its content scripts do not run in prerendered pages.
  return sender.documentLifecycle === undefined || sender.documentLifecycle === 'active';
}
