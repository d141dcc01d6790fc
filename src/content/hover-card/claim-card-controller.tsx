/**
 * When and where the hover card shows (Wikipedia Page Previews' timings, WCAG 1.4.13):
 * after ~500 ms over a claim; stays while the pointer travels into it (300 ms grace);
 * closes on Esc, a click elsewhere, the pointer leaving, or the claim scrolling away.
 * The card lives in a closed shadow root created on first use and removed on teardown.
 * Highlights have no events, so the pointer is hit-tested against the painted ranges.
 */
import type { ClaimDetails } from '../../shared/claim-details.ts';
import type { MentionDetails } from '../../shared/highlight-details.ts';
import type { PaintItem } from '../../shared/report.ts';
import { t } from '../../ui/i18n.ts';
import { statusLabel } from '../../ui/status.ts';
import { tierLabel } from '../../ui/tiers.ts';
import type { PaintedClaim } from '../highlighter.ts';
import cardStyles from './card.css?inline';
import { claimCardView } from './claim-card.tsx';
import { placeCard } from './place-card.ts';
import { sendMessage } from '../extension-api.ts';

interface CardContent {
  readonly details: readonly ClaimDetails[];
  readonly mention: MentionDetails | null;
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
  readonly signal: AbortSignal;
  readonly claims: () => readonly PaintedClaim[];
  readonly markOwn: (node: Node) => void;
  readonly onClose: () => void;
}

interface HighlightHit {
  readonly ranges?: readonly AbstractRange[];
}

interface OpenState {
  readonly claim: PaintedClaim;
}

export class ClaimCard {
  private readonly details = new Map<string, ClaimDetails>();
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

  constructor(
    private readonly document: Document,
    private readonly options: ClaimCardOptions,
  ) {}

  get openClaimId(): string | null {
    return this.open?.claim.match.claimId ?? null;
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

  openFor(claim: PaintedClaim, context: { index: number; total: number; announce: boolean }): void {
    clearTimeout(this.showTimer);
    clearTimeout(this.closeTimer);
    this.pending = claim;
    void this.detailsFor(claim).then(
      (details) => {
        // Still the claim wanted (the pointer may have moved on while the background answered).
        if (this.pending === claim) this.show(claim, details, context);
      },
      () => undefined,
    );
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
    return { details, mention };
  }

  private show(claim: PaintedClaim, { details, mention }: CardContent, context: { index: number; total: number; announce: boolean }): void {
    this.pending = null;
    if (details.length === 0 && !mention) return;
    const container = this.ensureHost();
    this.open = { claim };
    container.replaceChildren(
      claimCardView(this.document, { claims: details, mention, position: context, confidence: claim.match.confidence, onClose: () => this.close(), onOpenTimeline: openTimeline }),
    );
    this.reposition();
    if (context.announce && this.live) {
      const first = details[0];
      this.live.textContent = first
        ? t('announceClaim', 'Claim $1 of $2: $3 Status: $4.', [String(context.index + 1), String(context.total), first.claim.text, statusLabel(first.claim.status)])
        : t('announceMention', 'Highlight $1 of $2: $3', [String(context.index + 1), String(context.total), tierLabel(claim.match.tier)]);
    }
  }

  close(): void {
    clearTimeout(this.showTimer);
    clearTimeout(this.closeTimer);
    this.pending = null;
    if (!this.open) return;
    this.open = null;
    this.container?.replaceChildren();
    this.options.onClose();
  }

  destroy(): void {
    this.close();
    cancelAnimationFrame(this.frame);
    this.container?.replaceChildren();
    this.host?.remove();
    this.host = this.shadow = this.container = this.live = null;
  }

  private ensureHost(): HTMLElement {
    if (this.container && this.host?.isConnected) return this.container;
    const host = this.document.createElement('div');
    // Inline !important beats any page rule; the host carries no class, id or attribute a page could key on.
    host.style.cssText = 'all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483647 !important; display: block !important;';
    const shadow = host.attachShadow({ mode: 'closed' });
    this.adoptStyles(shadow);
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
    this.host = host;
    this.shadow = shadow;
    this.container = container;
    this.live = live;
    return container;
  }

  private adoptStyles(shadow: ShadowRoot): void {
    try {
      const view = this.document.defaultView as (Window & { CSSStyleSheet: typeof CSSStyleSheet }) | null;
      const sheet = new (view?.CSSStyleSheet ?? CSSStyleSheet)();
      sheet.replaceSync(cardStyles);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      // Constructed sheets unavailable: a <style> inside our own shadow root.
      const style = this.document.createElement('style');
      style.textContent = cardStyles;
      shadow.append(style);
    }
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
    if (event.pointerType === 'touch') return;
    const { clientX, clientY } = event;
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.hitTest(clientX, clientY));
  }

  private hitTest(x: number, y: number): void {
    if (this.pointerInCard) return;
    const claim = this.claimAt(x, y);
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

  private claimAt(x: number, y: number): PaintedClaim | null {
    const claims = this.options.claims();
    if (claims.length === 0) return null;
    const candidates = this.rangesAtPoint(x, y);
    for (const claim of claims) {
      if (candidates && !candidates.has(claim.range)) continue;
      if (rectsContain(claim.range.getClientRects(), x, y)) return claim;
    }
    return null;
  }

  /** Ranges under the point per the Highlight API (Chrome 140+, Firefox 150+), or null to test them all. */
  private rangesAtPoint(x: number, y: number): Set<AbstractRange> | null {
    const view = this.document.defaultView as (Window & { CSS?: typeof CSS }) | null;
    const registry = view?.CSS?.highlights as unknown as { highlightsFromPoint?: (x: number, y: number) => (HighlightHit | Highlight)[] } | undefined;
    if (!registry) return null;
    if (typeof registry.highlightsFromPoint !== 'function') return null;
    try {
      const hits = registry.highlightsFromPoint(x, y);
      const ranges = new Set<AbstractRange>();
      for (const hit of hits) {
        if ('ranges' in hit && hit.ranges) for (const range of hit.ranges) ranges.add(range);
        else if (typeof (hit as Highlight).forEach === 'function') (hit as Highlight).forEach((range) => ranges.add(range));
      }
      return ranges;
    } catch {
      return null;
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.open) this.close();
  }

  private onPointerDown(event: PointerEvent): void {
    if (!this.open || !this.host) return;
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
