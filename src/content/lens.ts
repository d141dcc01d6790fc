/**
 * The content script's life on one page: read, paint, report; re-read what changes; move
 * between claims on command; and tear everything down on request, leaving the DOM exactly
 * as it was. Every listener and observer hangs off one AbortController.
 */
import type { LensState } from '../shared/messages.ts';
import type { PageReport } from '../shared/report.ts';
import { loadCardStyles, loadClaimDetails, loadMentionDetails } from './engine-client.ts';
import { ClaimHighlighter, stillCovers, type PaintedClaim, type PaintStyle } from './highlighter.ts';
import { ClaimCard } from './hover-card/claim-card-controller.tsx';
import { PageReader, type PageReading } from './page-reader.ts';
import type { PagePass, PagePrecheck } from './precheck.ts';
import { emptyReport, paintedOnly } from './report.ts';
import { ReportGate } from './report-gate.ts';
import { pageChanged, RereadPolicy } from './reread-policy.ts';
import { afterNextPaint, Cancelled } from './scheduler.ts';
import { isRangeShown, isRendered } from './visibility.ts';

export interface LensOptions {
  readonly minConfidence: number;
  readonly paintStyle: PaintStyle;
  readonly actorHighlights: boolean;
  /** Also read open shadow roots (a setting). */
  readonly shadowRoots: boolean;
  /** Also read same-origin iframes, each with a lens of its own (a setting). */
  readonly frames: boolean;
  /** Reports pages it skips (the background reports the pages it annotates); frames report nothing. */
  readonly sendReport: ((report: PageReport) => void) | null;
  /** Is the extension still there? False (an orphaned script, see orphan-watch.ts) stops the lens. */
  readonly isAttached: () => boolean;
  /** The content script's pre-check (handed over in the read request): re-reads ask it whether the page still passes. */
  readonly precheck: PagePrecheck;
}

/** Lenses with the same key read a page the same way; a settings change to another key restarts it. */
export function settingsKeyOf(options: Pick<LensOptions, 'minConfidence' | 'paintStyle' | 'actorHighlights' | 'shadowRoots' | 'frames'>): string {
  return `${options.minConfidence}|${options.paintStyle}|${options.actorHighlights}|${options.shadowRoots}|${options.frames}`;
}

export class Lens {
  private readonly controller = new AbortController();
  private readonly highlighter: ClaimHighlighter;
  private reader: PageReader | null = null;
  private card: ClaimCard | null = null;
  private readonly ownNodes = new WeakSet<Node>();
  private observer: MutationObserver | null = null;
  private readRun: AbortController | null = null;
  private readonly rereads: RereadPolicy;
  private readonly reports: ReportGate;
  /** How many times the page was read (tests check that our own nodes cause none). */
  private reads = 0;
  private lastUrl: string;
  private focusedIndex = -1;
  /** When the first highlight was painted (performance.now(), for the benchmark), or null. */
  private firstPaintAt: number | null = null;

  constructor(
    readonly document: Document,
    private readonly options: LensOptions,
  ) {
    this.highlighter = new ClaimHighlighter(document, options.paintStyle);
    this.lastUrl = withoutFragment(document.location?.href ?? '');
    // Frames read for their own highlights report nothing (the page's report is the top document's).
    this.reports = new ReportGate(options.sendReport ?? (() => undefined));
    this.rereads = new RereadPolicy({
      isHidden: () => this.document.visibilityState === 'hidden',
      read: () => this.reread(),
    });
  }

  /** The settings this lens was started with (a change of any of them restarts it). */
  get settingsKey(): string {
    return settingsKeyOf(this.options);
  }

  /** `prechecked`: the page has just passed the pre-check (the content script, main.ts, runs it before it asks for this reader). */
  async start(options: { prechecked?: PagePass } = {}): Promise<void> {
    this.watchNavigation();
    await this.readPage(options.prechecked);
    this.observeMutations();
  }

  /** Removes every highlight, node, listener and observer we added (in frames too). */
  stop(): void {
    for (const child of this.frameLenses.values()) child.stop();
    this.frameLenses.clear();
    this.controller.abort();
    this.readRun?.abort();
    this.rereads.stop();
    this.observer?.disconnect();
    this.observer = null;
    this.highlighter.destroy();
    this.card?.destroy();
    this.card = null;
  }

  state(): LensState {
    return {
      highlighted: this.highlighter.claims.length,
      focusedIndex: this.focusedIndex,
      openClaimId: this.card?.openClaimId ?? null,
      firstPaintAt: this.firstPaintAt,
      reads: this.reads,
      cardFocus: this.card?.focusedTag ?? null,
      cardPosition: this.card?.positionText ?? null,
    };
  }

  /** Moves to the next (or previous) claim that can be shown: hidden since it was read, it is passed over. */
  navigate(direction: 1 | -1): void {
    this.highlighter.pruneDetached();
    const count = this.highlighter.claims.length;
    const from = this.focusedIndex < 0 && direction < 0 ? 0 : this.focusedIndex;
    for (let step = 1; step <= count; step++) {
      if (this.focusClaim((((from + direction * step) % count) + count) % count)) return;
    }
  }

  /** Focuses the painted claim the popup names; false when it is no longer on the page. */
  focusClaimAt(claimId: string, start: number): boolean {
    this.highlighter.pruneDetached();
    const index = this.highlighter.claims.findIndex((claim) => (claim.match.claimId ?? '') === claimId && claim.match.start === start);
    if (index < 0) return false;
    return this.focusClaim(index);
  }

  /** Focuses and opens a painted claim; false when its text changed since it was painted. */
  focusClaim(index: number): boolean {
    this.highlighter.pruneDetached();
    const claim = this.highlighter.claims[index];
    // Text that changed, or that is not on screen (hidden since it was read): no card at the corner of nowhere.
    if (!claim || !stillCovers(claim) || !isRangeShown(claim.range, claim.block)) return false;
    this.focusedIndex = index;
    this.highlighter.focus(claim);
    scrollRangeIntoView(claim.range);
    return this.ensureCard().openFor(claim, { index, total: this.highlighter.claims.length, announce: true });
  }

  private ensureCard(): ClaimCard {
    this.card ??= new ClaimCard(this.document, {
      loadDetails: loadClaimDetails,
      loadMention: loadMentionDetails,
      loadStyles: loadCardStyles,
      signal: this.controller.signal,
      claims: () => this.highlighter.claims,
      markOwn: (node) => this.ownNodes.add(node),
      onClose: () => this.highlighter.focus(null),
    });
    return this.card;
  }

  private async readPage(prechecked?: PagePass): Promise<void> {
    const started = performance.now();
    this.reads++;
    const url = this.document.location?.href ?? '';
    // The sample does not see into shadow trees: with shadow roots on, the reading itself decides.
    const body = this.document.body;
    // With shadow roots read, the whole page is read, wherever the names lie.
    let pass: PagePass | null;
    try {
      pass = body === null ? null : this.options.shadowRoots ? { region: null } : (prechecked ?? (await this.options.precheck.again(this.document, this.controller.signal)));
    } catch (error) {
      if (error instanceof Cancelled) return;
      throw error;
    }
    if (!pass) {
      this.highlighter.clear();
      this.card?.close();
      this.reports.offer(emptyReport(url, this.document.documentElement?.lang || 'und', 'precheck', performance.now() - started));
      // A page that is only a frame around an article: the frames may still be worth reading.
      this.readFrames();
      return;
    }
    this.readRun?.abort();
    const run = new AbortController();
    this.readRun = run;
    const signal = AbortSignal.any([run.signal, this.controller.signal]);
    try {
      this.reader ??= new PageReader({
        minConfidence: this.options.minConfidence,
        actorSpans: this.options.actorHighlights,
        report: this.options.sendReport !== null,
        isExcluded: (element) => this.ownNodes.has(element),
        isVisible: isRendered,
        shadowRoots: this.options.shadowRoots,
        onShadowRoot: (shadowRoot) => this.observeShadowRoot(shadowRoot),
      });
      await afterNextPaint(this.document);
      if (signal.aborted) return;
      const reading = await this.reader.read(this.document, pass.region, signal);
      this.paint(reading);
      this.readFrames();
      const report = reading.paint.report;
      if (report) this.reports.offer({ ...paintedOnly(report, this.highlighter.claims), durationMs: Math.round(performance.now() - started) });
    } catch (error) {
      if (!(error instanceof Cancelled)) throw error;
    } finally {
      this.rereads.readDone();
    }
  }

  private paint(reading: PageReading): void {
    const focused = this.highlighter.claims[this.focusedIndex]?.range;
    const painted = this.highlighter.paint(reading.blocks, reading.paint.highlights);
    // The focused claim keeps its place in the order (and its mark) when it is still painted.
    const stillFocused = focused ? painted.findIndex((claim) => claim.range === focused) : -1;
    this.focusedIndex = stillFocused >= 0 ? stillFocused : Math.min(this.focusedIndex, painted.length - 1);
    if (painted.length > 0) this.firstPaintAt ??= performance.now();
    if (this.options.actorHighlights && painted.length > 0) {
      const mentions = reading.paint.actorSpans.flatMap(({ blockIndex, start, end }) => {
        const block = reading.blocks[blockIndex];
        const range = block ? this.highlighter.rangeOf(block, start, end) : null;
        return range ? [{ range, block: block!.element }] : [];
      });
      this.highlighter.paintActors(mentions);
    }
    if (painted.length > 0) this.ensureCard().watchPointer();
    else this.card?.close();
  }

  private observeMutations(): void {
    if (this.controller.signal.aborted || typeof MutationObserver !== 'function') return;
    this.observer = new MutationObserver((records) => {
      if (!pageChanged(records, (node) => this.isOwn(node)) || !this.options.isAttached()) return;
      // Counted, so that a page grown by megabytes is pre-checked a text node at a time (precheck.ts).
      this.options.precheck.noteAddedText(this.document, records);
      this.rereads.changed();
    });
    // A hidden tab is not read; what changed meanwhile is read when it shows again.
    this.document.addEventListener('visibilitychange', () => this.rereads.visibilityChanged(), { signal: this.controller.signal });
    // The document itself, not its root element: document.open() replaces the root, and we must see that.
    this.observer.observe(this.document, OBSERVED);
  }

  private readonly observedShadowRoots = new WeakSet<ShadowRoot>();
  private readonly frameLenses = new Map<HTMLIFrameElement, Lens>();

  /**
   * Same-origin iframes get a lens of their own, sharing the engine: their text, highlight
   * registry and card live in their document. Cross-origin frames cannot be read, by design.
   * Frame lenses do not report: the popup describes the page's own document.
   */
  private readFrames(): void {
    if (!this.options.frames || this.controller.signal.aborted) return;
    // Frames removed from the page take their lens with them.
    for (const [iframe, lens] of this.frameLenses) {
      if (iframe.isConnected) continue;
      lens.stop();
      this.frameLenses.delete(iframe);
    }
    for (const iframe of Array.from(this.document.querySelectorAll('iframe'))) {
      const frameDocument = sameOriginDocument(iframe);
      const existing = this.frameLenses.get(iframe);
      if (existing && existing.document === frameDocument) continue;
      existing?.stop();
      this.frameLenses.delete(iframe);
      if (!frameDocument?.body) continue;
      const child = new Lens(frameDocument, { ...this.options, frames: false, sendReport: null });
      this.frameLenses.set(iframe, child);
      void child.start().catch(() => undefined);
      // A frame that navigates gets a new document: read it again when it loads.
      iframe.addEventListener('load', () => this.readFrames(), { once: true, signal: this.controller.signal });
    }
  }

  /** Mutations inside a shadow tree do not reach the document's observer: watch each root read. */
  private observeShadowRoot(shadowRoot: ShadowRoot): void {
    if (!this.observer || this.observedShadowRoots.has(shadowRoot)) return;
    this.observedShadowRoots.add(shadowRoot);
    this.observer.observe(shadowRoot, OBSERVED);
  }

  private isOwn(node: Node): boolean {
    for (let current: Node | null = node; current; current = current.parentNode) if (this.ownNodes.has(current)) return true;
    return false;
  }

  private reread(): void {
    if (this.controller.signal.aborted) return;
    if (this.urlChanged()) this.reader?.reset();
    this.highlighter.pruneDetached();
    void this.readPage().catch(() => undefined);
  }

  /**
   * Did the page move to another URL? The fragment does not count: a click on a table-of-contents
   * link (#section) is the same view, and wiping and re-reading it would flash every highlight.
   * Hash-routed apps that do change their content are re-read through the mutations it causes.
   */
  private urlChanged(): boolean {
    const url = withoutFragment(this.document.location?.href ?? '');
    if (url === this.lastUrl) return false;
    this.lastUrl = url;
    return true;
  }

  private watchNavigation(): void {
    const view = this.document.defaultView;
    if (!view) return;
    const onNavigate = () => {
      if (!this.urlChanged()) return;
      // A new view: what we marked belongs to the old one.
      this.reader?.reset();
      this.highlighter.clear();
      this.card?.close();
      this.rereads.changed();
    };
    // Back from the back/forward cache, or a prerendered page now shown: the background cleared
    // (or never took) this page's report when the tab navigated, so say it again.
    view.addEventListener('pageshow', (event) => (event as PageTransitionEvent).persisted && this.reports.resend(), { signal: this.controller.signal });
    this.document.addEventListener('prerenderingchange', () => this.reports.resend(), { signal: this.controller.signal });
    view.addEventListener('popstate', onNavigate, { signal: this.controller.signal });
    view.addEventListener('hashchange', onNavigate, { signal: this.controller.signal });
    const navigation = (view as unknown as { navigation?: EventTarget }).navigation;
    navigation?.addEventListener('navigatesuccess', onNavigate, { signal: this.controller.signal });
  }
}

/**
 * What a re-read follows: text and elements coming and going, and the two attributes that show
 * or hide text without either (`hidden`, and `open` on <details> and <dialog>): hidden text is
 * not read (see visibility.ts), so text that appears must be read when it does. Class and style
 * changes are left out: pages animate with them all the time.
 */
const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributeFilter: ['hidden', 'open'] };

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** The iframe's document when we may read it (same origin), else null. */
function sameOriginDocument(iframe: HTMLIFrameElement): Document | null {
  try {
    return iframe.contentDocument;
  } catch {
    return null; // cross-origin: not ours to read
  }
}

function scrollRangeIntoView(range: Range): void {
  const rect = range.getBoundingClientRect();
  const view = range.startContainer.ownerDocument?.defaultView;
  if (!view) return;
  if (rect.top >= 80 && rect.bottom <= view.innerHeight - 80) return;
  const element = range.startContainer.parentElement;
  element?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
}

export type { PaintedClaim };
