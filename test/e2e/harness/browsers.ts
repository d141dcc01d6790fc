/**
 * Which real browsers the e2e tests run in. Both must exist in CI (CI=true): a missing
 * browser fails the run there. On a developer's machine without them, the suite is skipped
 * with a message saying how to install them.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from 'vitest';
import { CHROMIUM_PATH, launchChromium } from './chromium.ts';
import type { BrowserName, ExtensionBrowser } from './extension-browser.ts';
import { FIREFOX_PATH, launchFirefox } from './firefox.ts';

/** The e2e build (npm run build:e2e): the shipped build plus the test-only messages the tests use. */
export const DIST = {
  chromium: resolve(import.meta.dirname, '../../../dist-e2e/chrome'),
  firefox: resolve(import.meta.dirname, '../../../dist-e2e/firefox'),
} as const;

interface BrowserUnderTest {
  readonly name: BrowserName;
  readonly executable: string;
  launch(userDataDir?: string): Promise<ExtensionBrowser>;
}

export const BROWSERS: readonly BrowserUnderTest[] = [
  { name: 'chromium', executable: CHROMIUM_PATH, launch: (dir) => launchChromium(DIST.chromium, dir) },
  { name: 'firefox', executable: FIREFOX_PATH, launch: (dir) => launchFirefox(DIST.firefox, dir) },
];

/** Declares `suite` once per browser, as `describe('<browser>: <title>')`. */
export function describeInEachBrowser(title: string, suite: (browser: BrowserUnderTest) => void): void {
  for (const browser of BROWSERS) {
    const present = existsSync(browser.executable);
    if (!present && process.env.CI === 'true') {
      throw new Error(`${browser.executable} is missing: CI must install it (apt-get install -y chromium firefox-esr).`);
    }
    if (!present) {
      process.stderr.write(`e2e: skipping ${browser.name}: ${browser.executable} not found (apt-get install chromium firefox-esr)\n`);
    }
    describe.skipIf(!present)(`${browser.name}: ${title}`, () => suite(browser));
  }
}
