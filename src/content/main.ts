/**
 * Content script entry. Built as one classic script (no web-accessible loader), run at
 * document_idle in the top frame of http(s) pages. Messages from the background and popup
 * are the only way in; the page itself can neither see nor call any of this. Nothing is
 * built at load: the engine lives in the background, and this script only reads and paints.
 */
import type { LensState, TabMessage } from '../shared/messages.ts';
import type { PageReport } from '../shared/report.ts';
import type { PageSettings } from '../shared/settings.ts';
import { extensionAlive, onMessage, onStorageChanged, readStored, sendMessage } from './extension-api.ts';
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
  if (message.type === 'page-status') return true;
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

/** Where the page passed the pre-check: until it does, no message is sent and no setting is read. */
let passedPrecheck: PagePass | null = null;

/**
 * The pre-check sees neither shadow trees nor frames: with either setting on, the lens reads the page (and its
 * frames) whatever it says. The settings are read from storage directly, so most pages still send no message.
 */
async function readsBeyondTheDocument(): Promise<boolean> {
  const stored = await readStored('settings').catch(() => null);
  if (typeof stored !== 'object' || stored === null) return false;
  const { shadowDom, iframes } = stored as { shadowDom?: unknown; iframes?: unknown };
  return shadowDom === true || iframes === true;
}

/** Does a settings change concern this page: it is read already, passed the pre-check, or its shadow trees or frames are read? */
async function appliesNow(): Promise<boolean> {
  return lens !== null || passedPrecheck !== null || (await readsBeyondTheDocument());
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

function main(): void {
  if (window.top !== window || !(document instanceof HTMLDocument)) return;
  onMessage((raw: unknown) => {
    if (!isTabMessage(raw)) return undefined;
    if (__LENS_TEST_MESSAGES__ && raw.type === 'lens-state') return Promise.resolve({ ok: true, value: lensState() });
    // The popup asks only when the background holds no report: this page was never read.
    if (raw.type === 'page-status') return Promise.resolve({ ok: true, value: lens ? null : unreadReport() });
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
    if (area === 'local' && 'settings' in changes) void appliesNow().then((applies) => (applies ? applySettings() : undefined)).catch(() => undefined);
  });
  // The pre-check comes first: on most pages it is all we do.
  precheckPage(document, new AbortController().signal)
    .then((pass) => {
      passedPrecheck = pass;
      if (pass) return applySettings(pass);
      tellTestsUnread();
      watchUntilItNamesBothSides(document, {
        isAlive: extensionAlive,
        onFailed: tellTestsUnread,
        onPassed: (later) => {
          passedPrecheck = later;
          void applySettings(later).catch(() => undefined);
        },
      });
      return readsBeyondTheDocument().then((reads) => (reads ? applySettings() : undefined));
    })
    .catch(() => {
      // A page that breaks our reading must never see an error from us.
    });
}

main();
