/**
 * One browser with the extension, one local test server and one extension page to look
 * through, for a whole e2e suite; after every test, no request may have gone anywhere but the
 * test server or the extension itself.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { unexpectedRequests, type ExtensionBrowser, type TestPage } from './extension-browser.ts';
import type { PageReport } from '../../../src/shared/report.ts';
import { waitForReport } from './extension-state.ts';
import { startTestServer, type TestServer } from './test-server.ts';

export const SCREENSHOTS = resolve(import.meta.dirname, '../screenshots');

export interface Session {
  readonly browser: ExtensionBrowser;
  readonly server: TestServer;
  /** An extension page (the popup's) for reading storage and sending messages. */
  readonly probe: TestPage;
}

export function useSession(launch: () => Promise<ExtensionBrowser>): Session {
  let browser: ExtensionBrowser | undefined;
  let server: TestServer | undefined;
  let probe: TestPage | undefined;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startTestServer();
    browser = await launch();
    probe = await browser.openExtensionPage('src/popup/index.html');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => {
    if (browser && server) expect(unexpectedRequests(browser, server.origin)).toEqual([]);
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: use the session inside a test`);
    return value;
  };
  return {
    get browser() {
      return ready(browser, 'the browser');
    },
    get server() {
      return ready(server, 'the test server');
    },
    get probe() {
      return ready(probe, 'the probe page');
    },
  };
}

/** Serves `html` at `path`, opens it in a new tab and waits until its report is in and its highlights are painted. */
export async function openMarkedArticle(session: Session, path: string, html: string): Promise<{ page: TestPage; tabId: number; report: PageReport }> {
  const url = session.server.page(path, html);
  const page = await session.browser.newPage();
  await page.goto(url);
  const { tabId, report } = await waitForReport(session.probe, url);
  await page.waitFor(() => CSS.highlights.size > 0 || null, null);
  return { page, tabId, report };
}
