/**
 * The lens's reader: reading the page, painting its claims, the card and the keyboard. Not declared in the manifest:
 * the content script (main.ts) asks the background for it once the page passes the pre-check, or once the shadow-root
 * or frame setting says to read the page whatever its document holds, and the background injects it into the same
 * isolated world (`scripting.executeScript`). Most pages never load it. It finds what the content script found in
 * `russiaIranLensReadRequest`; injected anywhere else (a tab that navigated meanwhile), or a second time, it does
 * nothing.
 */
import type { LensState, TabMessage } from '../shared/messages.ts';
import type { LensWorld, ReadRequest } from '../shared/page-hooks.ts';
import type { PageReport } from '../shared/report.ts';
import type { PageSettings } from '../shared/settings.ts';
import { extensionAlive, onMessage, sendMessage } from './extension-api.ts';
import { Lens, settingsKeyOf } from './lens.ts';
import { watchForOrphaning, type OrphanWatch } from './orphan-watch.ts';
import type { PagePass } from './precheck.ts';
import { skippedReport } from './report.ts';

let lens: Lens | null = null;
let orphanWatch: OrphanWatch | null = null;

/**
 * The extension was updated, disabled or removed under us: leave the page as we found it. Watched from the first
 * time the lens starts.
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
  if (message.type === 'settings-changed') return true;
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

async function applySettings(request: ReadRequest, prechecked?: PagePass): Promise<void> {
  const settings = await pageSettings();
  if (!settings) return;
  if (!settings.active) {
    if (lens) {
      lens.stop();
      lens = null;
    }
    sendReport(skippedReport(document, settings.reason === 'paused' ? 'paused' : 'site-disabled'));
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
    precheck: request.precheck,
  };
  if ((lens && lens.settingsKey === settingsKeyOf(options)) || !options.isAttached()) return;
  lens?.stop();
  lens = new Lens(document, options);
  await lens.start({ prechecked });
}

function lensState(scriptStartedAt: number): LensState {
  return { highlighted: 0, focusedIndex: -1, openClaimId: null, firstPaintAt: null, reads: 0, cardFocus: null, cardPosition: null, ...lens?.state(), scriptStartedAt };
}

function listenToTheExtension(request: ReadRequest): void {
  onMessage((raw: unknown) => {
    if (!isTabMessage(raw)) return undefined;
    if (__LENS_TEST_MESSAGES__ && raw.type === 'lens-state') return Promise.resolve({ ok: true, value: lensState(request.scriptStartedAt) });
    // Turning the extension off for this site (or everywhere) takes effect at once, and back on too: a page paused has
    // no lens, and still hears it.
    if (raw.type === 'settings-changed') {
      void applySettings(request).catch(() => undefined);
      return Promise.resolve({ ok: true, value: null });
    }
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
}

function startReading(world: LensWorld, request: ReadRequest): void {
  world.russiaIranLensReading = true;
  // The popup's and the background's hooks now answer from the lens (the content script's answered for an unread page).
  world.russiaIranLens = {
    status: () => (lens ? null : skippedReport(document, 'precheck')),
    readBeyond: () => undefined, // already reading, beyond the document too once the settings say so
  };
  listenToTheExtension(request);
  applySettings(request, request.pass).catch(() => {
    // A page that breaks our reading must never see an error from us.
  });
}

const world = globalThis as LensWorld;
const request = world.russiaIranLensReadRequest;
if (request && !world.russiaIranLensReading) startReading(world, request);
