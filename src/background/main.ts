/**
 * The background: keeps each tab's report, sets the badge and answers the popup. Every
 * message is parsed against its schema and checked against its sender before it is used.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { z } from 'zod';
import { fail, ok, RuntimeMessageSchema, type Reply, type RuntimeMessage, type TabMessage } from '../shared/messages.ts';
import type { PageReport } from '../shared/report.ts';
import { pageSettingsFor, siteDisabled, sitePatternFor } from '../shared/settings.ts';
import { claimDetails, indexDataset, type DatasetIndex } from '../shared/claim-details.ts';
import { mentionDetails } from '../shared/highlight-details.ts';
import { READER } from '../shared/injected-scripts.ts';
// The hover card's stylesheet: the background hands it to a page's card when the first one opens.
import cardStyles from '../shared/card.css?inline';
import { clearBadge, showBadge } from './badge.ts';
import { openTimeline } from './open-timeline.ts';
import { engineTiming, getEngine, loadEngineFiles } from './engine-host.ts';
import { PageAnnotator } from './page-annotator.ts';
import { syncReadsBeyond } from './reads-beyond.ts';
import { reportOf } from './page-report.ts';
import { isTopActiveDocument, senderHostname } from './sender-trust.ts';
import { loadSettings, patchSettings } from './settings-store.ts';
import { forgetReport, loadReport, saveReport } from './tab-reports.ts';

/**
 * When this worker's script (one bundle, compiled whole before any of it runs) had evaluated its imports, in
 * milliseconds since the worker started: the part of a cold start that comes before the engine's build.
 */
const scriptReadyAt = performance.now();

// Extension pages forbid eval by CSP: never let zod try to compile parsers with `new Function`.
z.config({ jitless: true });

const EXTENSION_ORIGIN = browser.runtime.getURL('');

function fromOwnPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(EXTENSION_ORIGIN);
}

function fromContentScript(sender: Runtime.MessageSender): sender is Runtime.MessageSender & { tab: { id: number } } {
  return sender.id === browser.runtime.id && typeof sender.tab?.id === 'number' && !fromOwnPage(sender);
}

const annotator = new PageAnnotator(getEngine);
// Read now, built when a page needs it: see engine-host.ts.
loadEngineFiles();
let datasetIndex: DatasetIndex | null = null;

async function keepReport(tabId: number, report: PageReport): Promise<void> {
  await saveReport(tabId, report);
  const { settings } = await loadSettings();
  if (settings.badge) await showBadge(tabId, report);
  else await clearBadge(tabId);
}

/** Messages of the e2e tests and benchmarks; this function is not even in a shipped build (see shared/messages.ts). */
async function handleTestMessage(message: RuntimeMessage, sender: Runtime.MessageSender): Promise<Reply<unknown> | null> {
  // The engine's build time in this worker's life, and when its script was ready: the benchmark reads them (engine:
  // null until a page needed it).
  if (message.type === 'ping') return ok({ version: browser.runtime.getManifest().version, engine: engineTiming(), scriptReadyAt });
  if (message.type === 'page-cleared') {
    if (!fromContentScript(sender)) return fail('page-cleared is accepted from content scripts only');
    await forgetReport(sender.tab.id);
    await clearBadge(sender.tab.id);
    return ok(null);
  }
  if (message.type === 'page-unread') {
    if (!fromContentScript(sender)) return fail('page-unread is accepted from content scripts only');
    await browser.storage.session.set({ [`unread:${sender.tab.id}`]: sender.url ?? '' });
    return ok(null);
  }
  return null;
}

async function handle(message: RuntimeMessage, sender: Runtime.MessageSender): Promise<Reply<unknown>> {
  if (__LENS_TEST_MESSAGES__) {
    const reply = await handleTestMessage(message, sender);
    if (reply) return reply;
  }
  switch (message.type) {
    case 'page-report': {
      if (!fromContentScript(sender)) return fail('page-report is accepted from content scripts only');
      // A prerendered or cached page must not overwrite what the visible page reported.
      if (!isTopActiveDocument(sender)) return fail('page-report is accepted from the top frame’s active document only');
      await keepReport(sender.tab.id, message.report);
      return ok(null);
    }
    case 'get-settings': {
      if (!fromOwnPage(sender)) return fail('get-settings is accepted from extension pages only');
      return ok(await loadSettings());
    }
    case 'save-settings': {
      if (!fromOwnPage(sender)) return fail('save-settings is accepted from extension pages only');
      return ok(await patchSettings(message.patch));
    }
    case 'set-site-enabled': {
      if (!fromOwnPage(sender)) return fail('set-site-enabled is accepted from extension pages only');
      const { hostname, enabled } = message;
      return ok(
        await patchSettings((current) => ({
          // Back on: every pattern that covers the host goes; off: the host's own pattern is added.
          sites: enabled
            ? Object.fromEntries(current.disabledSites.filter((site) => siteDisabled({ disabledSites: [site] }, hostname)).map((site) => [site, false]))
            : { [sitePatternFor(hostname)]: true },
        })),
      );
    }
    case 'read-page': {
      if (!fromContentScript(sender)) return fail('read-page is accepted from content scripts only');
      if (!isTopActiveDocument(sender)) return fail('read-page is accepted from the top frame’s active document only');
      // The page will want the engine once its reader has read it: it is built meanwhile, on this worker's thread while
      // the page's own reads its blocks (a failure is met again, and told, when the texts come).
      getEngine().catch(() => undefined);
      // Into the frame that asked. Should the tab have moved to another document meanwhile, the reader finds no
      // request there and does nothing (content/reader.ts).
      await browser.scripting.executeScript({ target: { tabId: sender.tab.id, frameIds: [0] }, files: [READER.file] });
      return ok(null);
    }
    case 'get-page-settings': {
      if (!fromContentScript(sender)) return fail('get-page-settings is accepted from content scripts only');
      // The page is the one the browser says sent this, whatever the message would claim.
      const hostname = senderHostname(sender);
      if (hostname === null) return fail('get-page-settings is accepted from http(s) pages only');
      const { settings } = await loadSettings();
      return ok(pageSettingsFor(settings, hostname));
    }
    case 'lens-texts': {
      if (!fromContentScript(sender)) return fail('lens-texts is accepted from content scripts only');
      return ok(annotator.addTexts(sender.tab.id, message.session, message.texts));
    }
    case 'lens-order': {
      if (!fromContentScript(sender)) return fail('lens-order is accepted from content scripts only');
      return ok(annotator.stageOrder(sender.tab.id, message));
    }
    case 'lens-annotate': {
      if (!fromContentScript(sender)) return fail('lens-annotate is accepted from content scripts only');
      const started = performance.now();
      const { reply, reading } = await annotator.annotate(sender.tab.id, message);
      // The report goes back with the paint: the content script sends it on once it has painted,
      // so whoever reads the report (popup, badge, tests) finds the highlights already there.
      if (reading && message.report && 'paint' in reply) {
        const report = reportOf({ ...reading, url: message.page.url, ...(message.page.publishedDate ? { publishedDate: message.page.publishedDate } : {}) }, performance.now() - started);
        return ok({ paint: { ...reply.paint, report } });
      }
      return ok(reply);
    }
    case 'mention-details': {
      datasetIndex ??= indexDataset((await getEngine()).dataset);
      return ok(mentionDetails(datasetIndex, message.highlight));
    }
    case 'claim-details': {
      // Content scripts ask for the claims they painted; the popup may ask too.
      datasetIndex ??= indexDataset((await getEngine()).dataset);
      const index = datasetIndex;
      return ok(message.claimIds.map((claimId) => claimDetails(index, claimId)).filter((details) => details !== null));
    }
    case 'card-style':
      return ok(cardStyles);
    case 'run-command': {
      // The popup's next/previous buttons take the same path as the keyboard shortcuts.
      if (!fromOwnPage(sender)) return fail('run-command is accepted from extension pages only');
      await runCommand(message.command, message.tabId);
      return ok(null);
    }
    case 'open-timeline': {
      if (!fromContentScript(sender) && !fromOwnPage(sender)) return fail('open-timeline is accepted from the extension only');
      await openTimeline(message.eventId, sender.tab && typeof sender.tab.index === 'number' ? { index: sender.tab.index, windowId: sender.tab.windowId } : undefined);
      return ok(null);
    }
    case 'get-report': {
      if (!fromOwnPage(sender)) return fail('get-report is accepted from extension pages only');
      return ok(await loadReport(message.tabId));
    }
    default:
      return fail(`unknown message ${message.type}`);
  }
}

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id) return undefined;
  const parsed = RuntimeMessageSchema.safeParse(raw);
  if (!parsed.success) return Promise.resolve(fail(`malformed message: ${parsed.error.issues[0]?.message ?? 'unknown'}`));
  return handle(parsed.data, sender).catch((error: unknown) => fail(String(error)));
});

async function runCommand(command: string, tabId: number | undefined): Promise<void> {
  const direction = command === 'next-claim' ? 1 : command === 'previous-claim' ? -1 : 0;
  if (!direction) return;
  const target = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (target !== undefined) await browser.tabs.sendMessage(target, { type: 'navigate-claim', direction }).catch(() => undefined);
}

// Keyboard commands (manifest `commands`) move between claims in the active tab.
browser.commands.onCommand.addListener((command: string, tab?: { id?: number }) => {
  void runCommand(command, tab?.id);
});

// A tab that starts loading another document: the old report no longer describes it (a page
// where the content script cannot run would otherwise show the previous page's claims).
browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.status !== 'loading') return;
  void forgetReport(tabId);
  void clearBadge(tabId).catch(() => undefined);
});

browser.tabs.onRemoved.addListener((tabId) => {
  annotator.forgetTab(tabId);
  void forgetReport(tabId);
});

// The shadow-root and frame settings reach unread pages through a registered script (see reads-beyond.ts).
void syncReadsBeyond();
browser.storage.onChanged.addListener((changes, area) => {
  // storage.local holds the settings (storage.sync only mirrors them).
  if (area !== 'local' || !('settings' in changes)) return;
  void syncReadsBeyond();
  void tellReadersSettingsChanged();
});

/**
 * Every tab's reader hears here that the settings changed, and asks for its page's again: a reader that listened to
 * storage itself set up the storage API in each page it read (about 1 ms of the page's main thread in Chromium's
 * profiles). Tabs without a reader have no listener, and the message fails there, unheard.
 */
async function tellReadersSettingsChanged(): Promise<void> {
  const tabs = await browser.tabs.query({});
  const message: TabMessage = { type: 'settings-changed' };
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined))));
}
