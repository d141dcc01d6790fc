/**
 * What the content script leaves in its isolated world for the extension's own injected code. On a page that fails
 * the pre-check (most pages) the content script makes no extension-API call at all, not even to listen for messages:
 * in Chromium's profiles the first such call costs a millisecond or more, as much as the rest of the pre-check. The
 * popup and the background reach such a page instead by injecting code (`scripting.executeScript`, and the registered
 * `reads-beyond` script) that runs in the same isolated world. The page's own scripts cannot see that world.
 */
import type { PageReport } from './report.ts';

export interface PageHooks {
  /** What the popup shows for a page the lens never read; null when it read it (the background holds its report). */
  status(): PageReport | null;
  /** The shadow-root or frame setting is on: read the page whatever its document says. */
  readBeyond(): void;
}

/** The isolated world's global, as the content script and the code injected beside it see it. */
export interface LensWorld {
  russiaIranLens?: PageHooks;
  /** Set by `reads-beyond` (registered while the shadow-root or frame setting is on), before the content script runs. */
  russiaIranLensReadsBeyond?: boolean;
}
