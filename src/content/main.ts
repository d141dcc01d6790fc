/**
 * Content script entry. Built as one classic script (no web-accessible loader), run at
 * document_idle in the top frame of http(s) pages. Messages from the background and popup
 * are the only way in; the page itself can neither see nor call any of this.
 */
import browser from 'webextension-polyfill';
import type { TabMessage } from '../shared/messages.ts';
import type { PageReport } from '../shared/report.ts';
import type { PageSettings } from '../shared/settings.ts';
import type { EngineData } from 'virtual:lens-engine-data';
import { createEngineInSteps, type Engine } from '../core/engine/annotate.ts';
import { Lens, settingsKeyOf } from './lens.ts';
import { runInSlices } from './scheduler.ts';
import { emptyReport } from './report.ts';

function sendReport(report: PageReport): void {
  browser.runtime.sendMessage({ type: 'page-report', report }).catch(() => {
    // The background may be restarting; the next reading reports again.
  });
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
    const reply = (await browser.runtime.sendMessage({ type: 'get-page-settings' })) as { ok?: boolean; value?: PageSettings };
    return reply?.ok && typeof reply.value?.active === 'boolean' ? reply.value : null;
  } catch {
    return null;
  }
}

/** The dataset and compiled vocabulary, asked of the background once, on the first page that needs them. */
async function loadEngineData(): Promise<EngineData> {
  const reply = (await browser.runtime.sendMessage({ type: 'get-engine-data' })) as { ok?: boolean; value?: unknown };
  if (!reply?.ok || typeof reply.value !== 'string') throw new Error('engine data unavailable');
  return JSON.parse(reply.value) as EngineData;
}

let engine: Promise<Engine> | null = null;

/** One engine for the page and its frames, compiled in slices (about 50 ms of work in all). */
function loadEngine(): Promise<Engine> {
  engine ??= loadEngineData().then(({ dataset, terms, events }) => runInSlices(createEngineInSteps(dataset, terms, events), new AbortController().signal));
  engine.catch(() => {
    engine = null; // try again next time
  });
  return engine;
}

let lens: Lens | null = null;

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
  };
  if (lens && lens.settingsKey === settingsKeyOf(options)) return;
  lens?.stop();
  lens = new Lens(document, loadEngine, options);
  await lens.start();
}

function main(): void {
  if (window.top !== window || !(document instanceof HTMLDocument)) return;
  browser.runtime.onMessage.addListener((raw: unknown) => {
    if (!isTabMessage(raw)) return undefined;
    if (__LENS_TEST_MESSAGES__ && raw.type === 'lens-state') return Promise.resolve({ ok: true, value: lens?.state() ?? { highlighted: 0, focusedIndex: -1, openClaimId: null, reads: 0, cardFocus: null } });
    if (!lens) return Promise.resolve({ ok: false, error: 'not active on this page' });
    if (raw.type === 'navigate-claim') lens.navigate(raw.direction);
    else if (raw.type === 'focus-claim') return Promise.resolve({ ok: lens.focusClaimAt(raw.claimId, raw.start), value: null });
    else if (__LENS_TEST_MESSAGES__ && raw.type === 'stop-lens') {
      lens.stop();
      lens = null;
      void browser.runtime.sendMessage({ type: 'page-cleared' }).catch(() => undefined);
    }
    return Promise.resolve({ ok: true, value: null });
  });
  // Turning the extension off for this site (or everywhere) takes effect at once, and back on too.
  browser.storage.onChanged.addListener((changes, area) => {
    // storage.local holds the settings (storage.sync only mirrors them).
    if (area === 'local' && 'settings' in changes) void applySettings().catch(() => undefined);
  });
  applySettings().catch(() => {
    // A page that breaks our reading must never see an error from us.
  });
}

main();
