/**
 * Paints claims with the CSS Custom Highlight API: no element is wrapped or added, the
 * page's text and selection stay untouched. One highlight per status style, named neutrally
 * (the registry is visible to page scripts). The styles travel in a constructed stylesheet
 * adopted by the document, so no <style> element is added either.
 */
import type { ClaimStatus } from '../core/dataset/schema.ts';
import type { ClaimMatch } from '../core/engine/annotate.ts';
import { domPosition, type DomBlock } from '../dom/extract-blocks.ts';

export type HighlightStyle = 'solid' | 'dashed' | 'wavy';

export const STYLE_OF_STATUS: Record<ClaimStatus, HighlightStyle> = {
  confirmed: 'solid',
  'officially-stated': 'solid',
  reported: 'dashed',
  disputed: 'wavy',
  denied: 'wavy',
  false: 'wavy',
};

const NAMES: Record<HighlightStyle | 'focus' | 'actor', string> = {
  solid: 'c-solid',
  dashed: 'c-dashed',
  wavy: 'c-wavy',
  focus: 'c-focus',
  actor: 'c-actor',
};

// Underline shape carries the status (not colour alone); a faint tint helps find it on any background.
const STYLESHEET = `
::highlight(c-solid) { text-decoration: underline solid rgb(37 99 235) 2px; background-color: rgb(59 130 246 / 0.12); }
::highlight(c-dashed) { text-decoration: underline dashed rgb(180 83 9) 2px; background-color: rgb(245 158 11 / 0.12); }
::highlight(c-wavy) { text-decoration: underline wavy rgb(190 18 60) 1.5px; background-color: rgb(244 63 94 / 0.12); }
::highlight(c-focus) { background-color: rgb(250 204 21 / 0.45); }
::highlight(c-actor) { text-decoration: underline dotted rgb(100 116 139) 1px; }
`;

export interface PaintedClaim {
  readonly match: ClaimMatch;
  readonly range: Range;
  readonly style: HighlightStyle;
}

function supported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class ClaimHighlighter {
  private painted: PaintedClaim[] = [];
  private sheet: CSSStyleSheet | null = null;

  constructor(private readonly document: Document) {}

  get claims(): readonly PaintedClaim[] {
    return this.painted;
  }

  /** Replaces every highlight with these matches; returns what was painted, in page order. */
  paint(blocks: readonly DomBlock[], matches: readonly ClaimMatch[], styleOf: (claimId: string) => HighlightStyle): readonly PaintedClaim[] {
    this.clear();
    if (!supported()) return [];
    const byStyle = new Map<HighlightStyle, Range[]>();
    const seen = new Set<string>();
    for (const match of matches) {
      const key = `${match.start}:${match.end}`;
      const block = blocks[match.blockIndex];
      if (!block) continue;
      const range = this.rangeFor(block, match.blockStart, match.blockEnd);
      if (!range) continue;
      const style = styleOf(match.claimId);
      this.painted.push({ match, range, style });
      // Two claims on one sentence share one painted range (the card lists both).
      if (seen.has(key)) continue;
      seen.add(key);
      byStyle.set(style, [...(byStyle.get(style) ?? []), range]);
    }
    if (this.painted.length === 0) return this.painted;
    this.adoptStyles();
    for (const [style, ranges] of byStyle) CSS.highlights.set(NAMES[style], new Highlight(...ranges));
    return this.painted;
  }

  focus(claim: PaintedClaim | null): void {
    if (!supported()) return;
    if (claim) CSS.highlights.set(NAMES.focus, new Highlight(claim.range));
    else CSS.highlights.delete(NAMES.focus);
  }

  /** Drops ranges whose text left the document (a re-render replaced it). */
  pruneDetached(): void {
    this.painted = this.painted.filter(({ range }) => range.startContainer.isConnected && range.endContainer.isConnected);
  }

  clear(): void {
    this.painted = [];
    if (supported()) for (const name of Object.values(NAMES)) CSS.highlights.delete(name);
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

  private adoptStyles(): void {
    if (this.sheet) return;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLESHEET);
      this.document.adoptedStyleSheets = [...this.document.adoptedStyleSheets, sheet];
      this.sheet = sheet;
    } catch {
      this.sheet = null; // very old engines: highlights still register, with the UA's default look
    }
  }

  private dropStyles(): void {
    if (!this.sheet) return;
    const sheet = this.sheet;
    this.sheet = null;
    try {
      this.document.adoptedStyleSheets = this.document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    } catch {
      // The document was replaced; nothing of ours remains in it.
    }
  }
}
