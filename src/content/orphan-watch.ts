/**
 * An orphaned content script: the extension was updated, disabled, reloaded or removed while
 * the tab stayed open. The script keeps running, but its extension is gone (`runtime.id` is
 * undefined, and messages fail with "Extension context invalidated"), so what it painted
 * would stay on the page for good. The watch notices at the next sign of life from the reader
 * (a pointer move, a key, scrolling, the tab shown again) or from the page (a mutation, a
 * failed message), calls `onOrphaned` once to clean up, and stops listening.
 */

const SIGNS_OF_LIFE = ['pointermove', 'pointerdown', 'keydown', 'scroll', 'visibilitychange'] as const;

export function isInvalidatedContext(error: unknown): boolean {
  return /context invalidated/i.test(String(error));
}

export interface OrphanWatch {
  /** Is the extension still there? If not, cleans up (once) and answers false. */
  check(): boolean;
  /** A message failed: an invalidated context means the extension is gone. */
  failed(error: unknown): void;
}

export function watchForOrphaning(target: EventTarget, isAlive: () => boolean, onOrphaned: () => void): OrphanWatch {
  const listening = new AbortController();
  const orphaned = () => {
    if (listening.signal.aborted) return;
    listening.abort();
    onOrphaned();
  };
  const check = () => {
    if (!listening.signal.aborted && !isAlive()) orphaned();
    return !listening.signal.aborted;
  };
  // A property read per event: cheap enough for pointermove.
  for (const type of SIGNS_OF_LIFE) target.addEventListener(type, check, { capture: true, passive: true, signal: listening.signal });
  return { check, failed: (error) => (isInvalidatedContext(error) ? orphaned() : check()) };
}
