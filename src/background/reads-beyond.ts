/**
 * The shadow-root and frame settings reach the pages that fail the pre-check through a registered script
 * (content/reads-beyond.ts), not through a storage read in every page: on most pages the content script then makes
 * no call to the extension's APIs at all (see shared/page-hooks.ts). While either setting is on the script is
 * registered, to run before the content script in every page; when one comes on it is also injected into the tabs
 * already open, which then read their shadow trees or frames at once. Turning both off unregisters it; the pages
 * reading by then hear of the change themselves (their content script listens to settings from its first read).
 */
import browser from 'webextension-polyfill';
import { READS_BEYOND } from '../shared/injected-scripts.ts';
import { loadSettings } from './settings-store.ts';

const SCRIPT_ID = 'reads-beyond';
/** The pages the host permissions cover (manifest.json: the content script's own), read from the one place they are written. */
const PAGES = browser.runtime.getManifest().host_permissions ?? [];

async function sync(): Promise<void> {
  const { settings } = await loadSettings();
  const wanted = settings.shadowDom || settings.iframes;
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] })).length > 0;
  if (wanted === registered) return;
  if (!wanted) return browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches: PAGES, js: [READS_BEYOND.file], runAt: 'document_start', allFrames: false, persistAcrossSessions: true },
  ]);
  const open = await browser.tabs.query({ url: PAGES });
  await Promise.all(
    open.map((tab) =>
      // A tab the extension may not script (a store page, a discarded tab) stays as it is.
      tab.id === undefined ? undefined : browser.scripting.executeScript({ target: { tabId: tab.id }, files: [READS_BEYOND.file] }).catch(() => undefined),
    ),
  );
}

let syncing: Promise<void> = Promise.resolve();

/**
 * Brings the registration in line with the stored settings: at each start of the background (which also mends a
 * registration lost to a crash) and after each change. One at a time, each reading the settings as they are then.
 */
export function syncReadsBeyond(): Promise<void> {
  syncing = syncing.then(sync).catch((error: unknown) => console.warn('Russia–Iran Lens: the shadow-root and frame settings could not reach pages', error));
  return syncing;
}
