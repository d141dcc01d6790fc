/**
 * One interface over the two real browsers the e2e tests drive: Chromium through
 * Playwright and Firefox ESR through Puppeteer over WebDriver BiDi. Tests are written once
 * against it and run in both.
 */

export type BrowserName = 'chromium' | 'firefox';

export interface TestPage {
  readonly url: () => string;
  /** Console errors and uncaught exceptions the page reported since it opened. */
  readonly errors: string[];
  goto(url: string): Promise<void>;
  /** Runs `fn(arg)` in the page (for extension pages: with the extension's privileges). */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Waits until `fn(arg)` returns a truthy value in the page, and returns it. */
  waitFor<A, R>(fn: (arg: A) => R | Promise<R>, arg: A, timeoutMs?: number): Promise<R>;
  textOf(selector: string): Promise<string>;
  hover(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** The PNG of the first element matching `selector`, as painted now. */
  shotOf(selector: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  readonly name: BrowserName;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/` */
  readonly extensionOrigin: string;
  /** Every URL any page or extension context requested, in order. */
  readonly requestedUrls: string[];
  newPage(): Promise<TestPage>;
  /** Opens an extension page (e.g. `src/popup/index.html?tab=3`) in a tab of its own. */
  openExtensionPage(path: string): Promise<TestPage>;
  close(): Promise<void>;
}

/** URLs that may be requested: the test server and the extension's own files. */
export function unexpectedRequests(browser: ExtensionBrowser, serverOrigin: string): string[] {
  return browser.requestedUrls.filter(
    (url) =>
      !url.startsWith(`${serverOrigin}/`) &&
      !url.startsWith(browser.extensionOrigin) &&
      !url.startsWith('data:') &&
      !url.startsWith('about:') &&
      !url.startsWith('blob:'),
  );
}

/**
 * Polls `evaluate` until it returns a truthy value. Used instead of the drivers' own
 * waitForFunction, which do not await an async predicate the same way in both drivers.
 */
export async function pollUntil<R>(evaluate: () => Promise<R>, timeoutMs: number): Promise<NonNullable<R>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await evaluate();
      if (value) return value as NonNullable<R>;
    } catch (error) {
      last = error; // the page may be navigating; try again
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
