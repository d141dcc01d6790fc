/**
 * Content script entry. Built as one classic script (no web-accessible loader), run at
 * document_idle in the top frame of http(s) pages. Messages from the background and popup
 * are the only way in; the page itself can neither see nor call any of this. Nothing is
 * built at load: the engine lives in the background, and this script only reads and paints.
 */
import type { LensState, TabMessage } from '../shared/messages.ts';
import type { PageReport } from '../shared/report.ts';
import type { PageSettings } from '../shared/settings.ts';
import { extensionAlive, onMessage, onStorageChanged, sendMessage } from './extension-api.ts';
import { Lens, settingsKeyOf } from './lens.ts';
import { watchForOrphaning } from './orphan-watch.ts';
import { emptyReport } from './report.ts';

const scriptStartedAt = performance.now();

let lens: Lens | null = null;

/** The extension was updated, disabled or removed under us: leave the page as we found it. */
const orphanWatch = watchForOrphaning(window, extensionAlive, () => {
  lens?.stop();
  lens = null;
});

function sendReport(report: PageReport): void {
  // The background may be restarting (the next reading reports again), or the extension is gone.
  sendMessage({ type: 'page-report', report }).catch((error: unknown) => orphanWatch.failed(error));
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

async function applySettings(): Promise<void> {
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
    isAttached: orphanWatch.check,
  };
  if ((lens && lens.settingsKey === settingsKeyOf(options)) || !orphanWatch.check()) return;
  lens?.stop();
  lens = new Lens(document, options);
  await lens.start();
}

function lensState(): LensState {
  return { highlighted: 0, focusedIndex: -1, openClaimId: null, firstPaintAt: null, reads: 0, cardFocus: null, cardPosition: null, ...lens?.state(), scriptStartedAt };
}

function main(): void {
  if (window.top !== window || !(document instanceof HTMLDocument)) return;
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
  applySettings().catch(() => {
    // A page that breaks our reading must never see an error from us.
  });
}

main();
