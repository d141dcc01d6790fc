/** Debian's Chromium with the built extension loaded, driven by playwright-core. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { pollUntil, type ExtensionBrowser, type TestPage } from './extension-browser.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

function wrap(page: Page): TestPage {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return {
    url: () => page.url(),
    errors,
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: (fn, arg, timeoutMs = 10_000) => pollUntil(() => page.evaluate(fn as never, arg as never) as Promise<never>, timeoutMs),
    textOf: async (selector) => (await page.locator(selector).first().textContent({ timeout: 10_000 })) ?? '',
    hover: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    shotOf: async (selector) => new Uint8Array(await page.locator(selector).first().screenshot({ timeout: 10_000, animations: 'disabled', caret: 'initial' })),
    close: () => page.close(),
  };
}

export async function launchChromium(extensionDir: string, userDataDir?: string): Promise<ExtensionBrowser> {
  // Service-worker requests only reach context.on('request') with this switch.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const profile = userDataDir ?? mkdtempSync(join(tmpdir(), 'lens-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const requestedUrls: string[] = [];
  context.on('request', (request) => requestedUrls.push(request.url()));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  // Node's URL gives chrome-extension: URLs an opaque ("null") origin, so cut the id out by hand.
  const extensionOrigin = /^chrome-extension:\/\/[a-p]{32}\//.exec(worker.url())?.[0] ?? '';
  if (!extensionOrigin) throw new Error(`unexpected service worker URL ${worker.url()}`);
  return {
    name: 'chromium',
    extensionOrigin,
    requestedUrls,
    newPage: async () => wrap(await context.newPage()),
    openExtensionPage: async (path) => {
      const page = await context.newPage();
      await page.goto(extensionOrigin + path);
      return wrap(page);
    },
    close: async () => {
      await context.close();
      if (!userDataDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}
