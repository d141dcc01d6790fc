/**
 * When and where the hover card shows (Wikipedia Page Previews' timings, WCAG 1.4.13):
 * after ~500 ms over a claim; stays while the pointer travels into it (300 ms grace);
 * closes on Esc, a click elsewhere, the pointer leaving, or the claim scrolling away.
 * The card lives in a closed shadow root created on first use and removed on teardown; its
 * host is a manual popover, so it sits in the top layer (above a page's modal <dialog>s, and
 * placed against the viewport even when the page transforms <body>).
 * Only trusted events (the user's, not a page script's) open or close it. Opened from the
 * keyboard, it takes focus so its links can be reached, and gives focus back when it closes.
 * Highlights have no events, so the pointer is hit-tested against our private ranges.
 */
import type { ClaimDetails } from '../../shared/claim-details.ts';
import type { MentionDetails } from '../../shared/highlight-details.ts';
import type { PaintItem } from '../../shared/report.ts';
import { t } from '../../ui/i18n.ts';
import { statusLabel } from '../../ui/status.ts';
import { tierLabel } from '../../ui/tiers.ts';
import { stillCovers, type PaintedClaim } from '../highlighter.ts';
import { claimCardView } from './claim-card.tsx';
import { placeCard } from './place-card.ts';
import { sendMessage } from '../extension-api.ts';
import { isRangeShown } from '../visibility.ts';

interface CardContent {
  readonly details: readonly ClaimDetails[];
  readonly mention: MentionDetails | null;
  readonly styles: string;
}

const SHOW_DELAY_MS = 500;

/** The background opens the page (the message is schema-checked there); a failure leaves the card as it is. */
function openTimeline(eventId: string): void {
  sendMessage({ type: 'open-timeline', eventId }).catch(() => undefined);
}
const CLOSE_GRACE_MS = 300;

export interface ClaimCardOptions {
  /** The claims' details, from the background (the page holds no dataset). */
  readonly loadDetails: (claimIds: readonly string[]) => Promise<ClaimDetails[]>;
  /** What to show for an event mention or a detected claim, from the background. */
  readonly loadMention: (highlight: PaintItem) => Promise<MentionDetails | null>;
  /** The card's stylesheet (src/shared/card.css), from the background when the first card opens. */
  readonly loadStyles: () => Promise<string>;
  readonly signal: AbortSignal;
  readonly claims: () => readonly PaintedClaim[];
  readonly markOwn: (node: Node) => void;
  readonly onClose: () => void;
}

interface OpenState {
  readonly claim: PaintedClaim;
}

export class ClaimCard {
  private readonly details = new Map<string, ClaimDetails>();
  private styles: Promise<string> | null = null;
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private container: HTMLElement | null = null;
  private live: HTMLElement | null = null;
  private open: OpenState | null = null;
  private pending: PaintedClaim | null = null;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private watching = false;
  private pointerInCard = false;
  /** Where focus was before a keyboard-opened card took it; given back on close. */
  private focusBefore: Element | null = null;

  constructor(
    private readonly document: Document,
    private readonly options: ClaimCardOptions,
  ) {}

  get openClaimId(): string | null {
    return this.open?.claim.match.claimId ?? null;
  }

  /** The tag name of the focused element inside the card, or null when focus is elsewhere (tests). */
  get focusedTag(): string | null {
    return (this.shadow?.activeElement as Element | null | undefined)?.tagName ?? null;
  }

  /** The open card's position line as shown, or null (tests: the card's count is the badge's). */
  get positionText(): string | null {
    return this.open ? (this.container?.querySelector('.position')?.textContent ?? null) : null;
  }

  /** Starts hit-testing the pointer against painted claims (once). */
  watchPointer(): void {
    if (this.watching) return;
    this.watching = true;
    const view = this.document.defaultView;
    if (!view) return;
    const signal = this.options.signal;
    view.addEventListener('pointermove', (event) => this.onPointerMove(event), { passive: true, signal });
    view.addEventListener('keydown', (event) => this.onKeyDown(event), { capture: true, signal });
    view.addEventListener('pointerdown', (event) => this.onPointerDown(event), { capture: true, passive: true, signal });
    view.addEventListener('scroll', () => this.onScroll(), { capture: true, passive: true, signal });
    view.addEventListener('resize', () => this.reposition(), { passive: true, signal });
  }

  /** Opens the card for a claim; false (and nothing shown) when its text changed since it was painted. */
  openFor(claim: PaintedClaim, context: { index: number; total: number; announce: boolean }): boolean {
    clearTimeout(this.showTimer);
    clearTimeout(this.closeTimer);
    // The page may have changed the sentence since we painted it: never vouch for text we did not read.
    if (!stillCovers(claim)) return false;
    // A range with no box on screen would place the card at the viewport's top-left corner.
    if (!isRangeShown(claim.range, claim.block)) return false;
    this.pending = claim;
    void this.detailsFor(claim).then(
      (details) => {
        // Still the claim wanted (the pointer may have moved on while the background answered).
        if (this.pending === claim) this.show(claim, details, context);
      },
      () => undefined,
    );
    return true;
  }

  /** Details of the claims painted on the same span (asked of the background once each), or of the mention. */
  private async detailsFor(claim: PaintedClaim): Promise<CardContent> {
    const claims = this.options.claims().filter((other) => other.range === claim.range || (other.match.start === claim.match.start && other.match.end === claim.match.end));
    const claimIds = [...new Set(claims.flatMap((painted) => (painted.match.claimId ? [painted.match.claimId] : [])))];
    const unknown = claimIds.filter((claimId) => !this.details.has(claimId));
    if (unknown.length > 0) for (const details of await this.options.loadDetails(unknown)) this.details.set(details.claim.id, details);
    const details = claimIds.flatMap((claimId) => this.details.get(claimId) ?? []);
    // An event mention or a detected claim has a card of its own kind (a sentence is one or the other, never both).
    const mention = details.length === 0 ? await this.options.loadMention(claim.match) : null;
    // The card shows styled from the start: its sheet is in before the first one opens.
    if (!this.styles) {
      this.styles = this.options.loadStyles();
      this.styles.catch(() => (this.styles = null)); // asked again next time
    }
    return { details, mention, styles: await this.styles };
  }

  private show(claim: PaintedClaim, { details, mention, styles }: CardContent, context: { index: number; total: number; announce: boolean }): void {
    this.pending = null;
    if (details.length === 0 && !mention) return;
    const container = this.ensureHost(styles);
    this.open = { claim };
    container.replaceChildren(
      claimCardView(this.document, { claims: details, mention, position: context, confidence: claim.match.confidence, onClose: () => this.close(), onOpenTimeline: openTimeline }),
    );
    this.raise();
    this.reposition();
    // Opened from the keyboard (command or popup): focus the card so Tab reaches its links.
    if (context.announce) this.takeFocus();
    if (context.announce && this.live) {
      const first = details[0];
      this.live.textContent = first
        ? t('announceClaim', 'Highlight $1 of $2: $3 Status: $4.', [String(context.index + 1), String(context.total), first.claim.text, statusLabel(first.claim.status)])
        : t('announceMention', 'Highlight $1 of $2: $3', [String(context.index + 1), String(context.total), tierLabel(claim.match.tier)]);
    }
  }

  close(): void {
    clearTimeout(this.showTimer);
    clearTimeout(this.closeTimer);
    this.pending = null;
    if (!this.open) return;
    this.open = null;
    const hadFocus = this.focusedTag !== null;
    this.container?.replaceChildren();
    this.giveFocusBack(hadFocus);
    this.options.onClose();
  }

  destroy(): void {
    this.close();
    cancelAnimationFrame(this.frame);
    this.container?.replaceChildren();
    this.host?.remove();
    this.host = this.shadow = this.container = this.live = null;
  }

  private ensureHost(styles: string): HTMLElement {
    if (this.container && this.host?.isConnected) return this.container;
    const host = this.document.createElement('div');
    // Inline !important beats any page rule; the host carries no class or id a page could key on.
    host.style.cssText = 'all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483647 !important; display: block !important; overflow: visible !important;';
    // The top layer: above the page's modal dialogs, and out of reach of transforms on <body>.
    if (typeof host.showPopover === 'function') host.setAttribute('popover', 'manual');
    const shadow = host.attachShadow({ mode: 'closed' });
    this.adoptStyles(shadow, styles);
    const container = this.document.createElement('div');
    container.style.cssText = 'position: fixed; left: 0; top: 0; width: max-content;';
    const live = this.document.createElement('div');
    live.className = 'live';
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('role', 'status');
    shadow.append(container, live);
    host.addEventListener('pointerenter', () => {
      this.pointerInCard = true;
      clearTimeout(this.closeTimer);
    });
    host.addEventListener('pointerleave', () => {
      this.pointerInCard = false;
      this.scheduleClose();
    });
    this.options.markOwn(host);
    (this.document.body ?? this.document.documentElement).append(host);
    host.addEventListener('keydown', (event) => this.onKeyDownInCard(event));
    this.host = host;
    this.shadow = shadow;
    this.container = container;
    this.live = live;
    return container;
  }

  private adoptStyles(shadow: ShadowRoot, styles: string): void {
    try {
      const view = this.document.defaultView as (Window & { CSSStyleSheet: typeof CSSStyleSheet }) | null;
      const sheet = new (view?.CSSStyleSheet ?? CSSStyleSheet)();
      sheet.replaceSync(styles);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      // Constructed sheets unavailable: a <style> inside our own shadow root.
      const style = this.document.createElement('style');
      style.textContent = styles;
      shadow.append(style);
    }
  }

  /**
   * Puts the host on top of the top layer (again: a page dialog opened since would cover it).
   * While a modal dialog is open everything outside it is inert (no pointer, no focus), so the
   * host goes inside the topmost modal dialog then, and back to the body after.
   */
  private raise(): void {
    const host = this.host;
    if (!host || !host.hasAttribute('popover')) return;
    try {
      const modals = this.document.querySelectorAll('dialog:modal');
      const parent = modals[modals.length - 1] ?? this.document.body ?? this.document.documentElement;
      if (host.parentNode !== parent) parent.append(host);
      if (host.matches(':popover-open')) host.hidePopover();
      host.showPopover();
    } catch {
      // A page that took the host out of the document: the card shows at max z-index instead.
    }
  }

  private takeFocus(): void {
    const card = this.container?.querySelector<HTMLElement>('[role="dialog"]');
    if (!card) return;
    if (this.focusedTag === null) this.focusBefore = this.document.activeElement;
    card.focus({ preventScroll: true });
  }

  private giveFocusBack(hadFocus: boolean): void {
    const before = this.focusBefore;
    this.focusBefore = null;
    if (!hadFocus) return;
    if (before instanceof HTMLElement && before.isConnected && before !== this.host) before.focus({ preventScroll: true });
    else (this.document.activeElement as HTMLElement | null)?.blur?.();
  }

  private reposition(): void {
    const open = this.open;
    const card = this.container;
    const view = this.document.defaultView;
    if (!open || !card || !view) return;
    const { width, height } = card.getBoundingClientRect();
    const { x, y } = placeCard(open.claim.range.getBoundingClientRect(), { width, height }, { width: view.innerWidth, height: view.innerHeight });
    card.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  }

  private onPointerMove(event: PointerEvent): void {
    // A page can dispatch pointer events of its own: only the user's move opens a card.
    if (!event.isTrusted || event.pointerType === 'touch') return;
    const { clientX, clientY } = event;
    // The innermost node under the pointer, inside open shadow roots too.
    const target = (event.composedPath()[0] as Node | undefined) ?? null;
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.hitTest(clientX, clientY, target));
  }

  private hitTest(x: number, y: number, target: Node | null): void {
    if (this.pointerInCard) return;
    const claim = this.claimAt(x, y, target);
    if (claim && this.open?.claim.range === claim.range) {
      clearTimeout(this.closeTimer);
      return;
    }
    if (claim) {
      if (this.pending?.range === claim.range) return;
      this.pending = claim;
      clearTimeout(this.showTimer);
      this.showTimer = setTimeout(() => {
        const claims = this.options.claims();
        this.openFor(claim, { index: Math.max(0, claims.indexOf(claim)), total: claims.length, announce: false });
      }, this.open ? SHOW_DELAY_MS / 2 : SHOW_DELAY_MS);
      return;
    }
    this.pending = null;
    clearTimeout(this.showTimer);
    if (this.open) this.scheduleClose();
  }

  private scheduleClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => {
      if (!this.pointerInCard) this.close();
    }, CLOSE_GRACE_MS);
  }

  /**
   * The claim under the pointer, found with our private ranges only. The registry's own
   * hit-test (highlightsFromPoint) is not used: it answers with the copies a page can move.
   * The element the browser says is under the pointer narrows the search to claims in it.
   */
  private claimAt(x: number, y: number, target: Node | null): PaintedClaim | null {
    for (const claim of this.options.claims()) {
      if (target && claim.block !== target && !claim.block.contains(target)) continue;
      if (rectsContain(claim.range.getClientRects(), x, y)) return claim;
    }
    return null;
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.isTrusted && event.key === 'Escape' && this.open) this.close();
  }

  /** Keys pressed inside the card stay in the card: the page's shortcuts must not fire on them. */
  private onKeyDownInCard(event: KeyboardEvent): void {
    if (!event.isTrusted) return;
    if (event.key === 'Escape') this.close();
    event.stopPropagation();
  }

  private onPointerDown(event: PointerEvent): void {
    if (!event.isTrusted || !this.open || !this.host) return;
    if (event.composedPath().includes(this.host)) return;
    this.close();
  }

  private onScroll(): void {
    if (!this.open) return;
    const rect = this.open.claim.range.getBoundingClientRect();
    const view = this.document.defaultView;
    if (!view || rect.bottom < 0 || rect.top > view.innerHeight) this.close();
    else this.reposition();
  }
}

function rectsContain(rects: DOMRectList, x: number, y: number): boolean {
  for (const rect of Array.from(rects)) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}
