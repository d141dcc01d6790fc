/**
 * Debian's Firefox ESR with the built extension installed, driven by puppeteer-core over
 * WebDriver BiDi. Playwright cannot drive stock Firefox and Debian has no geckodriver.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../src/build/browser-manifest.ts';
import { pollUntil, type ExtensionBrowser, type TestPage } from './extension-browser.ts';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';

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
    textOf: async (selector) => {
      await page.waitForSelector(selector, { timeout: 10_000 });
      return page.$eval(selector, (element) => element.textContent ?? '');
    },
    hover: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key as never),
    screenshot: async (path) => {
      await page.screenshot({ path: path as `${string}.png` });
    },
    shotOf: async (selector) => {
      const element = await page.waitForSelector(selector, { timeout: 10_000 });
      return new Uint8Array(await element!.screenshot());
    },
    close: () => page.close(),
  };
}

export async function launchFirefox(extensionDir: string, userDataDir?: string): Promise<ExtensionBrowser> {
  const uuid = randomUUID();
  const profile = userDataDir ?? mkdtempSync(join(tmpdir(), 'lens-firefox-'));
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profile,
    // Lets BiDi navigate a tab to a moz-extension:// page (the popup).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // A temporary add-on is uninstalled when the browser closes; keep its storage, as a real install would.
      'extensions.webextensions.keepStorageOnUninstall': true,
    },
  });
  const requestedUrls: string[] = [];
  const track = (page: Page) => page.on('request', (request) => void requestedUrls.push(request.url()));
  browser.on('targetcreated', (target) => {
    void target.page().then((page) => page && track(page));
  });
  await browser.installExtension(extensionDir);
  const extensionOrigin = `moz-extension://${uuid}/`;
  const newPage = async () => {
    const page = await browser.newPage();
    track(page);
    return page;
  };
  return {
    name: 'firefox',
    extensionOrigin,
    requestedUrls,
    newPage: async () => wrap(await newPage()),
    openExtensionPage: async (path) => {
      const page = await newPage();
      // The goto promise for moz-extension:// pages may never settle under BiDi; the page loads anyway.
      await page.goto(extensionOrigin + path, { timeout: 3_000 }).catch(() => undefined);
      // Polled with `evaluate`, not `waitForFunction`: its poller builds the predicate with `Function()`, which the
      // extension page's CSP blocks in Firefox ESR 140 (ESR 153 let it through).
      await pollUntil(() => page.evaluate(() => document.readyState === 'complete'), 10_000);
      return wrap(page);
    },
    close: async () => {
      await browser.close();
      if (!userDataDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}
