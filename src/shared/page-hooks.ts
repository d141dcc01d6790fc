/**
 * What the content script leaves in its isolated world for the extension's own injected code. On a page that fails
 * the pre-check (most pages) the content script makes no extension-API call at all, not even to listen for messages:
 * in Chromium's profiles the first such call costs a millisecond or more, as much as the rest of the pre-check. The
 * popup and the background reach such a page instead by injecting code (`scripting.executeScript`, and the registered
 * `reads-beyond` script) that runs in the same isolated world. The page's own scripts cannot see that world.
 *
 * The content script every page loads holds only the pre-check: a page that passes it asks the background to inject
 * the reader (content/reader.ts: reading, painting, the card), and hands it what the pre-check found through
 * `russiaIranLensReadRequest`.
 */
import type { PagePass, PagePrecheck } from '../content/precheck.ts';
import type { PageReport } from './report.ts';

export interface PageHooks {
  /** What the popup shows for a page the lens never read; null when it read it (the background holds its report). */
  status(): PageReport | null;
  /** The shadow-root or frame setting is on: read the page whatever its document says. */
  readBeyond(): void;
}

/** What the content script hands the reader it asked for. */
export interface ReadRequest {
  /** Where the page passed the pre-check; absent when it is read because the shadow-root or frame setting is on. */
  readonly pass?: PagePass;
  /** When the content script started (performance.now()): the tests and benchmark time the first highlight from it. */
  readonly scriptStartedAt: number;
  /** The content script's pre-check, which the reader's re-reads ask: one copy of it in this world. */
  readonly precheck: PagePrecheck;
}

/** The isolated world's global, as the content script and the code injected beside it see it. */
export interface LensWorld {
  russiaIranLens?: PageHooks;
  /** Set by `reads-beyond` (registered while the shadow-root or frame setting is on), before the content script runs. */
  russiaIranLensReadsBeyond?: boolean;
  /** Set by the content script before it asks for the reader: a reader injected into any other document reads nothing. */
  russiaIranLensReadRequest?: ReadRequest;
  /** Set by the reader as it starts, so that a second injection of it does nothing. */
  russiaIranLensReading?: boolean;
}
