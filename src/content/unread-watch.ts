/**
 * A page that failed the pre-check may still become an article (a single-page app, a feed that loads the story).
 * Only the text mutations bring is checked for a name of either side (a ticking clock never names one); when it
 * has one, or the page moved to another address, the whole page is pre-checked again, throttled like re-reads,
 * and `onPassed` runs once it passes. The watch then ends; it also ends, quietly, when it finds the extension gone
 * (asked before each check).
 */
import { namesEitherSide, noteAddedText, precheckAgain, type PagePass } from './precheck.ts';
import { RereadPolicy } from './reread-policy.ts';

/** New text held for the next check; past it, the whole page is checked instead. */
const NEW_TEXT_LIMIT = 200_000;

export interface UnreadWatchOptions {
  /** Is the extension still there? */
  readonly isAlive: () => boolean;
  /** The page was pre-checked again and still fails. */
  readonly onFailed: () => void;
  readonly onPassed: (pass: PagePass) => void;
}

export function watchUntilItNamesBothSides(document: Document, options: UnreadWatchOptions): void {
  // The watch proper starts with the page's first change: a page that never changes after load (in Chromium's
  // profiles, most of the cost of watching one was compiling the watch) sets up nothing else.
  const precheckedUrl = document.URL;
  let onChange: ((records: MutationRecord[]) => void) | null = null;
  const observer = new MutationObserver((records) => (onChange ??= startWatching(document, options, observer, precheckedUrl))(records));
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/** What the watch does with each batch of changes, from the first on; `precheckedUrl` is the address pre-checked. */
function startWatching(document: Document, options: UnreadWatchOptions, observer: MutationObserver, precheckedUrl: string): (records: MutationRecord[]) => void {
  // Ends the watch and a check under way; a plain object, not an `AbortController` (one DOM interface less per page).
  const watch = { aborted: false };
  // `document.URL`, not `location.href`: the same address (pushState moves both), without setting up `Location`.
  const address = () => document.URL;
  let newText: string[] = [];
  let newLength = 0;
  let overflow = false;
  let checkedUrl = precheckedUrl;
  const end = () => {
    watch.aborted = true;
    observer.disconnect();
    policy.stop();
    if (hearsVisibility) document.removeEventListener('visibilitychange', onVisibilityChange);
  };
  const recheck = async () => {
    const mustCheck = overflow || address() !== checkedUrl || namesEitherSide(newText.join('\u0001'));
    [newText, newLength, overflow, checkedUrl] = [[], 0, false, address()];
    // Asked only before a check: a page that never names either side costs no call to the extension's APIs.
    if (mustCheck && !options.isAlive()) return end();
    const pass = mustCheck ? await precheckAgain(document, watch).catch(() => null) : null;
    policy.readDone();
    if (watch.aborted) return;
    if (!pass) return mustCheck ? options.onFailed() : undefined;
    end();
    options.onPassed(pass);
  };
  let hearsVisibility = false;
  const onVisibilityChange = () => policy.visibilityChanged();
  /**
   * Told when the page shows again only once it was found hidden with a check waiting: a page watched in view (most
   * are) never adds the listener, which in Chromium's profiles cost a tenth of a millisecond or more in each page.
   */
  const isHidden = () => {
    const hidden = document.visibilityState === 'hidden';
    if (hidden && !hearsVisibility) {
      hearsVisibility = true;
      document.addEventListener('visibilitychange', onVisibilityChange);
    }
    return hidden;
  };
  // Timed by `Date.now()`: a page that changes but never names a side does not set up `performance` (see main.ts).
  const policy = new RereadPolicy({ isHidden, read: () => void recheck().catch(() => undefined), now: Date.now });
  return (records) => {
    // Counted even past the limit: a page whose scripts add megabytes is then pre-checked a text node at a time.
    const text = noteAddedText(document, records, overflow ? 0 : NEW_TEXT_LIMIT - newLength);
    if (overflow) return policy.changed();
    if (text === null) overflow = true;
    else if (text.trim() === '' && address() === checkedUrl) return;
    else {
      newText.push(text);
      newLength += text.length;
    }
    policy.changed();
  };
}
