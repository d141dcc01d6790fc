/**
 * Paints claims with the CSS Custom Highlight API: no element is wrapped or added, the
 * page's text and selection stay untouched. The styles travel in constructed stylesheets
 * adopted by the document, so no <style> element is added either; their rules name as few
 * elements as the browser allows (highlight-scope.ts), since adopting them restyles those.
 *
 * The highlight registry belongs to the page: its scripts can read it, move the ranges in
 * it and add their own. So what we register are copies, under names drawn at random for
 * each highlighter; the ranges we hit-test, place the card on and scroll to are private
 * (never handed to the page), and each remembers the text it covered when painted, so a
 * claim whose text changed under it is not shown. See SECURITY.md.
 */
import type { ClaimStatus } from '../core/dataset/schema.ts';
import { domPosition, type DomBlock } from '../dom/extract-blocks.ts';
import type { PaintItem } from '../shared/report.ts';
import { adoptSheet, dropSheet } from './adopted-sheets.ts';
import { countsOf, highlightSelector, hostTagsToStyle, textHostsOf } from './highlight-scope.ts';

/** Claims by status (solid, dashed, wavy); event mentions and detected claims by tier. */
export type HighlightStyle = 'solid' | 'dashed' | 'wavy' | 'event' | 'detected';

export const STYLE_OF_STATUS: Record<ClaimStatus, HighlightStyle> = {
  confirmed: 'solid',
  'officially-stated': 'solid',
  reported: 'dashed',
  disputed: 'wavy',
  denied: 'wavy',
  false: 'wavy',
};

type HighlightRole = HighlightStyle | 'focus' | 'actor';
export type HighlightNames = Readonly<Record<HighlightRole, string>>;

/**
 * Registry names no page can know before we paint: a page script that ran first cannot
 * pre-register, style or watch a name of ours, nor can it delete ours by accident (and we
 * never delete one of its own). The role stays readable at the end, for humans and tests.
 */
export function randomHighlightNames(fillRandom: (bytes: Uint8Array<ArrayBuffer>) => void = (bytes) => void crypto.getRandomValues(bytes)): HighlightNames {
  const bytes = new Uint8Array(8);
  fillRandom(bytes);
  const token = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  // An identifier may not start with a digit: ::highlight(h…) always parses.
  const name = (role: HighlightRole) => `h${token}-${role}`;
  return { solid: name('solid'), dashed: name('dashed'), wavy: name('wavy'), event: name('event'), detected: name('detected'), focus: name('focus'), actor: name('actor') };
}

export type PaintStyle = 'underline' | 'underline-and-tint' | 'tint';

const COLOURS: Record<HighlightStyle, [line: string, tint: string]> = {
  solid: ['rgb(37 99 235)', 'rgb(59 130 246 / 0.14)'],
  dashed: ['rgb(180 83 9)', 'rgb(245 158 11 / 0.16)'],
  wavy: ['rgb(190 18 60)', 'rgb(244 63 94 / 0.14)'],
  event: ['rgb(13 148 136)', 'rgb(20 184 166 / 0.12)'],
  detected: ['rgb(100 116 139)', 'rgb(148 163 184 / 0.12)'],
};

/** The underline's shape: a claim's status, or the tier (a double line for an event, dots for a detected claim). */
const LINE_SHAPE: Record<HighlightStyle, 'solid' | 'dashed' | 'wavy' | 'double' | 'dotted'> = {
  solid: 'solid',
  dashed: 'dashed',
  wavy: 'wavy',
  event: 'double',
  detected: 'dotted',
};

/**
 * Underline shape carries the status (not colour alone), in every paint style: "tint" keeps a
 * thin underline of the same shape, so the status still shows on any background.
 */
export function stylesheetFor(paint: PaintStyle, names: HighlightNames, tags: readonly string[] | 'everywhere' = 'everywhere'): string {
  const on = (name: string) => highlightSelector(name, tags);
  const rules = (Object.keys(COLOURS) as HighlightStyle[]).map((style) => {
    const [line, tint] = COLOURS[style];
    const thickness = paint === 'tint' || style === 'event' ? '1px' : style === 'wavy' ? '1.5px' : '2px';
    const background = paint === 'underline' ? '' : ` background-color: ${tint};`;
    return `${on(names[style])} { text-decoration: underline ${LINE_SHAPE[style]} ${line} ${thickness};${background} }`;
  });
  return [...rules, `${on(names.focus)} { background-color: rgb(250 204 21 / 0.45); }`, `${on(names.actor)} { text-decoration: underline dotted rgb(100 116 139) 1px; }`].join('\n');
}

/** A claim's shape comes with its status (sent by the background); event mentions and detected claims go by tier. */
export function styleOf(match: PaintItem): HighlightStyle {
  if (match.claimId) return STYLE_OF_STATUS[match.status ?? 'reported'];
  return match.tier === 'event' ? 'event' : 'detected';
}

export interface PaintedClaim {
  readonly match: PaintItem;
  /** Our private range: hit-testing, card placement and scrolling use this one only. */
  readonly range: Range;
  /** The copy registered in the page-visible registry (a page may move it; we never read it back). */
  readonly shown: Range;
  /** The page text the range covered when painted. */
  readonly text: string;
  /** The block element the claim lies in: a pointer over anything else cannot be over the claim. */
  readonly block: Element;
  readonly style: HighlightStyle;
}

/** Does the claim's private range still cover the text it was painted on? */
export function stillCovers(claim: PaintedClaim): boolean {
  return claim.range.startContainer.isConnected && claim.range.endContainer.isConnected && claim.range.toString() === claim.text;
}

interface HighlightApi {
  readonly registry: HighlightRegistry;
  readonly Highlight: typeof Highlight;
}

/** The Highlight API of the document's own window: each document (and iframe) has its own registry. */
function highlightApiOf(document: Document): HighlightApi | null {
  const view = document.defaultView as (Window & { CSS?: typeof CSS; Highlight?: typeof Highlight }) | null;
  const registry = view?.CSS && 'highlights' in view.CSS ? view.CSS.highlights : undefined;
  return registry && typeof view?.Highlight === 'function' ? { registry, Highlight: view.Highlight } : null;
}

/** One painted span: claims on the same sentence share it (the card lists them all). */
type Span = Pick<PaintedClaim, 'range' | 'shown' | 'text' | 'style'>;

/** Same DOM boundaries (a live range follows edits, so an old range still matches text that did not change). */
const sameBoundaries = (a: Range, b: Range) => a.startContainer === b.startContainer && a.startOffset === b.startOffset && a.endContainer === b.endContainer && a.endOffset === b.endOffset;

export class ClaimHighlighter {
  private painted: PaintedClaim[] = [];
  /** Our highlight of each style, kept across re-reads: only ranges that changed go in or out. */
  private readonly shownByStyle = new Map<HighlightStyle, { readonly highlight: Highlight; readonly ranges: Set<Range> }>();
  /** The span the focus mark is on, or null. */
  private focusedRange: Range | null = null;
  /** Our adopted sheets, in order: one for each set of host tags styled, or one for every element. */
  private readonly sheets: CSSStyleSheet[] = [];
  /** The host tags our sheets style (see highlight-scope.ts), or 'everywhere' once universal rules went in. */
  private styledTags: Set<string> | 'everywhere' = new Set();
  /** Shadow roots we added our sheets to (::highlight rules do not cross into shadow trees), with how many. */
  private readonly styledShadowRoots = new Map<ShadowRoot, number>();

  private readonly api: HighlightApi | null;
  /** This highlighter's registry names, drawn at random (see randomHighlightNames). */
  readonly names: HighlightNames = randomHighlightNames();

  /**
   * `highlightsInherit`: the browser gives highlights highlight inheritance (Chromium), and the rules
   * are written for the tags of the blocks painted in; otherwise (Firefox) for the tags of the
   * elements holding painted text themselves. See highlight-scope.ts.
   */
  constructor(
    private readonly document: Document,
    private readonly paintStyle: PaintStyle = 'underline-and-tint',
    private readonly highlightsInherit: boolean = __LENS_HIGHLIGHTS_INHERIT__,
  ) {
    this.api = highlightApiOf(document);
  }

  get claims(): readonly PaintedClaim[] {
    return this.painted;
  }

  /**
   * Makes these items the painted ones; returns them, in page order. A re-read changes only what
   * changed: a span painted before, with the same boundaries and style, keeps its ranges and stays
   * in the registry untouched, so the page repaints nothing for it and the focus mark stays. A
   * copy the page moved (the registry is the page's) is replaced, never kept.
   */
  paint(blocks: readonly DomBlock[], matches: readonly PaintItem[]): readonly PaintedClaim[] {
    const api = this.api;
    if (!api) return [];
    const previous = new Map<Node, Span[]>();
    for (const claim of this.painted) previous.set(claim.range.startContainer, [...(previous.get(claim.range.startContainer) ?? []), claim]);
    const spans = new Map<string, Span>();
    const next: PaintedClaim[] = [];
    for (const match of matches) {
      const block = blocks[match.blockIndex];
      const key = `${match.start}:${match.end}`;
      let span = spans.get(key);
      if (!span) {
        const range = block && this.rangeFor(block, match.blockStart, match.blockEnd);
        if (!range) continue;
        const style = styleOf(match);
        const text = range.toString();
        span = previous.get(range.startContainer)?.find((old) => old.style === style && old.text === text && sameBoundaries(old.range, range) && sameBoundaries(old.shown, range)) ?? { range, shown: range.cloneRange(), text, style };
        spans.set(key, span);
      }
      // Two claims on one sentence share one painted range (the card lists both).
      next.push({ match, range: span.range, shown: span.shown, text: span.text, block: block!.element, style: styleOf(match) });
    }
    this.painted = next;
    for (const style of Object.keys(COLOURS) as HighlightStyle[]) this.updateHighlight(api, style, [...spans.values()].filter((span) => span.style === style).map((span) => span.shown));
    if (this.focusedRange && !next.some((claim) => claim.range === this.focusedRange)) this.focus(null);
    if (next.length === 0) return next;
    this.styleHosts(this.hostsOf(next));
    for (const { range } of next) {
      const rootNode = range.startContainer.getRootNode();
      if (rootNode !== this.document && 'host' in rootNode) this.adoptInto(rootNode as ShadowRoot);
    }
    return next;
  }

  /**
   * Deletes the copies that went, adds those that came; registered while it holds any (again, if a
   * page removed it). What is in it is tracked on our side: the highlight is the page's object.
   */
  private updateHighlight(api: HighlightApi, style: HighlightStyle, wanted: readonly Range[]): void {
    const name = this.names[style];
    let shown = this.shownByStyle.get(style);
    if (!shown) this.shownByStyle.set(style, (shown = { highlight: new api.Highlight(...wanted), ranges: new Set(wanted) }));
    const { highlight, ranges } = shown;
    for (const range of ranges) {
      if (wanted.includes(range)) continue;
      highlight.delete(range);
      ranges.delete(range);
    }
    for (const range of wanted) {
      if (!highlight.has(range)) highlight.add(range);
      ranges.add(range);
    }
    if (ranges.size === 0) {
      if (api.registry.get(name) === highlight) api.registry.delete(name);
    } else if (api.registry.get(name) !== highlight) api.registry.set(name, highlight);
  }

  /** Marks actor mentions lightly (a setting); claims keep their own highlight on top. `block`: the block element each lies in. */
  paintActors(mentions: readonly { readonly range: Range; readonly block: Element }[]): void {
    const api = this.api;
    if (!api) return;
    if (mentions.length === 0) {
      api.registry.delete(this.names.actor);
      return;
    }
    this.styleHosts(this.hostsOf(mentions));
    api.registry.set(this.names.actor, new api.Highlight(...mentions.map((mention) => mention.range)));
  }

  /** A DOM range for an offset span of a block, or null when the text moved under us. */
  rangeOf(block: DomBlock, start: number, end: number): Range | null {
    return this.rangeFor(block, start, end);
  }

  focus(claim: PaintedClaim | null): void {
    const api = this.api;
    if (!api) return;
    this.focusedRange = claim?.range ?? null;
    // A copy: the private range never enters the registry.
    if (claim) api.registry.set(this.names.focus, new api.Highlight(claim.range.cloneRange()));
    else api.registry.delete(this.names.focus);
  }

  /** Drops ranges whose text left the document (a re-render replaced it). */
  pruneDetached(): void {
    this.painted = this.painted.filter(({ range }) => range.startContainer.isConnected && range.endContainer.isConnected);
  }

  /** Removes every highlight (a new view, or a page that no longer qualifies); our stylesheets stay for the lens's life. */
  clear(): void {
    this.painted = [];
    this.shownByStyle.clear();
    this.focusedRange = null;
    if (this.api) for (const name of Object.values(this.names)) this.api.registry.delete(name);
  }

  /** Removes every highlight and the stylesheet: the lens stops. */
  destroy(): void {
    this.clear();
    this.dropStyles();
  }

  private rangeFor(block: DomBlock, start: number, end: number): Range | null {
    const from = domPosition(block, start);
    const to = domPosition(block, end);
    if (!from || !to || !from.node.isConnected || !to.node.isConnected) return null;
    try {
      const range = this.document.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      return range.collapsed ? null : range;
    } catch {
      return null; // the text changed under us; the next mutation pass repaints
    }
  }

  /** The elements our rules must name for these painted ranges to show: their blocks where highlights inherit, else the text's own elements. */
  private hostsOf(painted: readonly { readonly range: Range; readonly block: Element }[]): Element[] {
    return this.highlightsInherit ? painted.map((item) => item.block) : painted.flatMap((item) => textHostsOf(item.range));
  }

  /** Makes sure our rules reach text in these elements: a sheet for tags not styled yet, or one for every element. */
  private styleHosts(hosts: readonly Element[]): void {
    const styled = this.styledTags;
    if (styled === 'everywhere') return;
    const tags = hostTagsToStyle(styled, hosts, countsOf(this.document));
    if (tags.length === 0) return;
    if (tags === 'everywhere') this.styledTags = 'everywhere';
    else for (const tag of tags) styled.add(tag);
    try {
      // A sheet from the document's own window: another window's sheet cannot be adopted.
      const view = this.document.defaultView as (Window & { CSSStyleSheet: typeof CSSStyleSheet }) | null;
      const sheet = new (view?.CSSStyleSheet ?? CSSStyleSheet)();
      sheet.replaceSync(stylesheetFor(this.paintStyle, this.names, tags));
      // A sheet of its own, never a rewrite of the last: the browser restyles only what the new rules may match.
      adoptSheet(this.document, sheet);
      this.sheets.push(sheet);
    } catch {
      // Very old engines: highlights still register, with the UA's default look.
    }
  }

  private adoptInto(shadowRoot: ShadowRoot): void {
    let adopted = this.styledShadowRoots.get(shadowRoot) ?? 0;
    try {
      for (; adopted < this.sheets.length; adopted++) adoptSheet(shadowRoot, this.sheets[adopted]!);
    } catch {
      // A shadow root that refuses (another document's sheet): its claims stay unstyled but listed.
    } finally {
      this.styledShadowRoots.set(shadowRoot, adopted);
    }
  }

  private dropStyles(): void {
    const sheets = this.sheets.splice(0);
    for (const owner of [...this.styledShadowRoots.keys(), this.document]) {
      for (const sheet of sheets) {
        try {
          dropSheet(owner, sheet);
        } catch {
          // Gone with its host, or the document was replaced: nothing of ours remains in it.
        }
      }
    }
    this.styledShadowRoots.clear();
    this.styledTags = new Set();
  }
}
