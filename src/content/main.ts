/**
 * Content script entry: the one script every http(s) page loads (classic, no web-accessible loader), at document_idle
 * in the top frame. It holds only the pre-check, which asks whether the page names both Russia and Iran, and the
 * watch that asks again as the page grows. A page that fails it costs no call to the extension's APIs at all; a page
 * that passes asks the background for the reader (reader.ts: reading, painting, the card), which is injected into
 * this same isolated world. The extension's messages and its injected code (page-hooks.ts) are the only ways in; the
 * page itself can neither see nor call any of this. Nothing is built at load.
 */
import type { LensWorld } from '../shared/page-hooks.ts';
import { extensionAlive, sendMessage } from './extension-api.ts';
import { firstLook, noteAddedText, precheckAgain, precheckPage, type PagePass } from './precheck.ts';
import { skippedReport } from './report.ts';
import { NOT_CANCELLED, whenShown, yieldToMain } from './scheduler.ts';
import { watchUntilItNamesBothSides } from './unread-watch.ts';

/**
 * When this script started, in `Date.now()`'s time: `performance` is a DOM interface, set up in this world on its
 * first use (about 0.2 ms in Chromium's profiles), and a page whose title names Iran never needs it.
 */
const scriptStartedAt = Date.now();
const world = globalThis as LensWorld;

/** Set once the pre-check has answered: until then a request to read beyond the document waits for its answer. */
let prechecked = false;
/** The reader was asked for: once per page, whatever asks next (the unread watch, the read-beyond script). */
let askedForReader = false;

/** Reads the page from now on: a page that passed the pre-check, or any page while the shadow-root or frame setting is on. */
function readPage(pass?: PagePass): void {
  if (askedForReader) return;
  askedForReader = true;
  world.russiaIranLensReadRequest = {
    ...(pass ? { pass } : {}),
    scriptStartedAt: scriptStartedAt - performance.timeOrigin,
    precheck: { again: precheckAgain, noteAddedText },
  };
  // The background injects only into the document its tab shows (and accepts reports only from it).
  whenShown(document, () => {
    // The background injects the reader; failing that, the extension is gone (updated or removed) and so is the lens.
    sendMessage({ type: 'read-page' }).catch(() => undefined);
  });
}

/** The e2e tests learn that a page failed the pre-check (a shipped build sends nothing then). */
function tellTestsUnread(): void {
  if (__LENS_TEST_MESSAGES__) void sendMessage({ type: 'page-unread' }).catch(() => undefined);
}

/**
 * The shadow-root or frame setting is on (the background registers `reads-beyond` meanwhile): see reads-beyond.ts.
 * Asked as an own property: a name the global lacks is otherwise looked for among the page's named elements and
 * frames, through the window's named-properties object, which that first lookup sets up in this world.
 */
const toldToReadBeyond = () => Object.hasOwn(world, 'russiaIranLensReadsBeyond') && world.russiaIranLensReadsBeyond === true;

/** For the extension's code injected beside this script (page-hooks.ts): the popup and the background. The reader replaces them. */
function offerHooks(): void {
  world.russiaIranLens = {
    // Asked only when the background holds no report: this page was never read, or its reader has yet to start.
    status: () => (askedForReader ? null : skippedReport(document, 'precheck')),
    readBeyond: () => {
      if (prechecked) readPage();
    },
  };
}

function main(): void {
  // HTML documents only (not XML, XHTML or SVG files): asked of a string, not `instanceof HTMLDocument`, which sets up
  // that interface in this world for nothing else (Chromium's profiles charge each interface's first use).
  if (window.top !== window || document.contentType !== 'text/html') return;
  offerHooks();
  // The pre-check comes first: on most pages it is all we do, without a single call to the extension's APIs. Most
  // pages never show a name of Iran, or none of Russia, which the first look alone can tell; the rest are pre-checked
  // in full in a task of their own.
  const look = firstLook(document);
  const checked = look ? yieldToMain().then(() => precheckPage(document, NOT_CANCELLED, look)) : Promise.resolve(null);
  checked
    .then((pass) => {
      prechecked = true;
      if (pass) return readPage(pass);
      // The pre-check sees neither shadow trees nor frames: with either setting on, the page is read whatever it says.
      if (toldToReadBeyond()) return readPage();
      tellTestsUnread();
      watchUntilItNamesBothSides(document, { isAlive: extensionAlive, onFailed: tellTestsUnread, onPassed: readPage });
      return undefined;
    })
    .catch(() => {
      // A page that breaks our reading must never see an error from us.
    });
}

main();
