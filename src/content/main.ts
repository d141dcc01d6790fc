/**
 * Content script entry. Built as one classic script (no web-accessible loader), run at
 * document_idle in the top frame of http(s) pages. The extension's messages, and its code
 * injected into this isolated world (page-hooks.ts), are the only ways in; the page itself
 * can neither see nor call any of this. Nothing is built at load: the engine lives in the
 * background, and this script only reads and paints. A page that fails the pre-check costs
 * no call to the extension's APIs at all.
 */
import type { LensState, TabMessage } from '../shared/messages.ts';
import type { LensWorld } from '../shared/page-hooks.ts';
import type { PageReport } from '../shared/report.ts';
import type { PageSettings } from '../shared/settings.ts';
import { extensionAlive, onMessage, onStorageChanged, sendMessage } from './extension-api.ts';
import { Lens, settingsKeyOf } from './lens.ts';
import { watchForOrphaning, type OrphanWatch } from './orphan-watch.ts';
import { precheckPage, type PagePass } from './precheck.ts';
import { emptyReport } from './report.ts';
import { watchUntilItNamesBothSides } from './unread-watch.ts';

const scriptStartedAt = performance.now();

let lens: Lens | null = null;
let orphanWatch: OrphanWatch | null = null;

/**
 * The extension was updated, disabled or removed under us: leave the page as we found it. Watched from the first
 * time the lens starts: a page we never read has nothing of ours to clean up.
 */
function watchOrphaning(): OrphanWatch {
  return (orphanWatch ??= watchForOrphaning(window, extensionAlive, () => {
    lens?.stop();
    lens = null;
  }));
}

function sendReport(report: PageReport): void {
  // The background may be restarting (the next reading reports again), or the extension is gone.
  sendMessage({ type: 'page-report', report }).catch((error: unknown) => orphanWatch?.failed(error));
}

function isTabMessage(value: unknown): value is TabMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  if (message.type === 'navigate-claim') return message.direction === 1 || message.direction === -1;
  if (message.type === 'focus-claim') return typeof message.claimId === 'string' && Number.isInteger(message.start);
  // Test-only messages: absent from shipped builds (see shared/messages.ts).
  return __LENS_TEST_MESSAGES__ && (message.type === 'stop-lens' || message.type === 'lens-state');
}

/** The background validates settings (with zod); we only check the shape we rely on. */
async function pageSettings(): Promise<PageSettings | null> {
  try {
    const reply = (await sendMessage({ type: 'get-page-settings' })) as { ok?: boolean; value?: PageSettings };
    return reply?.ok && typeof reply.value?.active === 'boolean' ? reply.value : null;
  } catch {
    return null;
  }
}

async function applySettings(prechecked?: PagePass): Promise<void> {
  const settings = await pageSettings();
  if (!settings) return;
  if (!settings.active) {
    if (lens) {
      lens.stop();
      lens = null;
    }
    sendReport(emptyReport(location.href, document.documentElement.lang || 'und', settings.reason === 'paused' ? 'paused' : 'site-disabled', 0));
    return;
  }
  const options = {
    minConfidence: settings.minConfidence,
    paintStyle: settings.highlightStyle,
    actorHighlights: settings.actorHighlights,
    shadowRoots: settings.shadowDom === true,
    frames: settings.iframes === true,
    sendReport,
    isAttached: watchOrphaning().check,
  };
  if ((lens && lens.settingsKey === settingsKeyOf(options)) || !options.isAttached()) return;
  lens?.stop();
  lens = new Lens(document, options);
  await lens.start({ prechecked });
}

/** Where the page passed the pre-check (null: it did not, or not yet). */
let passedPrecheck: PagePass | null = null;
/** Set once the pre-check has answered: until then a request to read beyond the document waits for its answer. */
let prechecked = false;
/** Listening to the extension's messages and settings: from the first time the page is read, never before. */
let listening = false;

/** Reads the page from now on: a page that passed the pre-check, or any page while the shadow-root or frame setting is on. */
function readPage(pass?: PagePass): Promise<void> {
  if (pass) passedPrecheck = pass;
  listenToTheExtension();
  return applySettings(passedPrecheck ?? undefined);
}

/** The e2e tests learn that a page failed the pre-check (a shipped build sends nothing then). */
function tellTestsUnread(): void {
  if (__LENS_TEST_MESSAGES__) void sendMessage({ type: 'page-unread' }).catch(() => undefined);
}

/** What the popup is told about a page that was never read (it names only one side, or neither). */
function unreadReport(): PageReport {
  return emptyReport(location.href, document.documentElement.lang || 'und', 'precheck', 0);
}

function lensState(): LensState {
  return { highlighted: 0, focusedIndex: -1, openClaimId: null, firstPaintAt: null, reads: 0, cardFocus: null, cardPosition: null, ...lens?.state(), scriptStartedAt };
}

function listenToTheExtension(): void {
  if (listening) return;
  listening = true;
  onMessage((raw: unknown) => {
    if (!isTabMessage(raw)) return undefined;
    if (__LENS_TEST_MESSAGES__ && raw.type === 'lens-state') return Promise.resolve({ ok: true, value: lensState() });
    if (!lens) return Promise.resolve({ ok: false, error: 'not active on this page' });
    if (raw.type === 'navigate-claim') lens.navigate(raw.direction);
    else if (raw.type === 'focus-claim') return Promise.resolve({ ok: lens.focusClaimAt(raw.claimId, raw.start), value: null });
    else if (__LENS_TEST_MESSAGES__ && raw.type === 'stop-lens') {
      lens.stop();
      lens = null;
      void sendMessage({ type: 'page-cleared' }).catch(() => undefined);
    }
    return Promise.resolve({ ok: true, value: null });
  });
  // Turning the extension off for this site (or everywhere) takes effect at once, and back on too.
  onStorageChanged((changes, area) => {
    // storage.local holds the settings (storage.sync only mirrors them).
    if (area === 'local' && 'settings' in changes) void applySettings().catch(() => undefined);
  });
}

/** The shadow-root or frame setting is on (the background registers `reads-beyond` meanwhile): see reads-beyond.ts. */
const toldToReadBeyond = () => (globalThis as LensWorld).russiaIranLensReadsBeyond === true;

/** For the extension's code injected beside this script (page-hooks.ts): the popup and the background. */
function offerHooks(): void {
  (globalThis as LensWorld).russiaIranLens = {
    // The popup asks only when the background holds no report: this page was never read.
    status: () => (lens ? null : unreadReport()),
    readBeyond: () => {
      if (prechecked && !listening) void readPage().catch(() => undefined);
    },
  };
}

function main(): void {
  if (window.top !== window || !(document instanceof HTMLDocument)) return;
  offerHooks();
  // The pre-check comes first: on most pages it is all we do, without a single call to the extension's APIs.
  precheckPage(document, new AbortController().signal)
    .then((pass) => {
      prechecked = true;
      if (pass) return readPage(pass);
      // The pre-check sees neither shadow trees nor frames: with either setting on, the page is read whatever it says.
      if (toldToReadBeyond()) return readPage();
      tellTestsUnread();
      watchUntilItNamesBothSides(document, {
        isAlive: extensionAlive,
        onFailed: tellTestsUnread,
        onPassed: (later) => void readPage(later).catch(() => undefined),
      });
      return undefined;
    })
    .catch(() => {
      // A page that breaks our reading must never see an error from us.
    });
}

main();
