/** Settings survive closing and reopening the browser on the same profile, in both browsers. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { describeInEachBrowser } from './harness/browsers.ts';
import { sendRuntimeMessage, waitForReport } from './harness/extension-state.ts';
import { startTestServer } from './harness/test-server.ts';

const ARTICLE = readFileSync(resolve(import.meta.dirname, '../fixtures/pages/en-tehran-summit.html'), 'utf8');

describeInEachBrowser('restart', ({ launch }) => {
  it('keeps settings across a browser restart, and the content script honours them', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'lens-profile-'));
    const server = await startTestServer();
    try {
      const first = await launch(profile);
      const options = await first.openExtensionPage('src/popup/index.html');
      const saved = (await sendRuntimeMessage(options, { type: 'save-settings', patch: { set: { badge: false }, sites: { '127.0.0.1': true } } })) as { ok: boolean };
      expect(saved.ok).toBe(true);
      await first.close();

      const second = await launch(profile);
      const page = await second.openExtensionPage('src/popup/index.html');
      const after = (await sendRuntimeMessage(page, { type: 'get-settings' })) as { value: { settings: { disabledSites: string[]; badge: boolean }; fellBack: string[] } };
      expect(after.value.settings.disabledSites).toEqual(['127.0.0.1']);
      expect(after.value.settings.badge).toBe(false);
      expect(after.value.fellBack).toEqual([]);
      const url = server.page('/after-restart.html', ARTICLE);
      const article = await second.newPage();
      await article.goto(url);
      const { report } = await waitForReport(page, url);
      expect(report.reasons).toEqual(['Switched off for this site']);
      expect(await article.evaluate(() => CSS.highlights.size, null)).toBe(0);
      await second.close();
    } finally {
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
