/**
 * Re-reads repaint only what changed (issue 12, item 4): the registry's highlights, the ranges
 * in them and the adopted stylesheet stay the same objects across a re-read that finds the
 * same claims, and the focus mark survives. linkedom has no Range nor Highlight API, so the
 * document here is a small fake around real (linkedom) text nodes.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import type { DomBlock } from '../../../src/dom/extract-blocks.ts';
import { ClaimHighlighter } from '../../../src/content/highlighter.ts';
import type { PaintItem } from '../../../src/shared/report.ts';

class FakeRange {
  startContainer!: Node;
  startOffset = 0;
  endContainer!: Node;
  endOffset = 0;
  setStart(node: Node, offset: number) {
    this.startContainer = node;
    this.startOffset = offset;
  }
  setEnd(node: Node, offset: number) {
    this.endContainer = node;
    this.endOffset = offset;
  }
  get collapsed() {
    return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }
  cloneRange() {
    const copy = new FakeRange();
    copy.setStart(this.startContainer, this.startOffset);
    copy.setEnd(this.endContainer, this.endOffset);
    return copy;
  }
  toString() {
    return (this.startContainer as Text).data.slice(this.startOffset, this.endOffset);
  }
  /** The ranges here lie in one text node each. */
  get commonAncestorContainer() {
    if (this.startContainer !== this.endContainer) throw new Error('FakeRange: one text node only');
    return this.startContainer;
  }
}

class FakeHighlight extends Set<FakeRange> {
  constructor(...ranges: FakeRange[]) {
    super(ranges);
  }
}

class FakeSheet {
  css = '';
  replaceSync(css: string) {
    this.css = css;
  }
}

const PARAGRAPHS = ['Gazprom signed a $40 billion memorandum with NIOC.', 'Russia delivered Su-35 jets to Iran.', 'The weather was mild.'];

function setUp(options: { highlightsInherit?: boolean; html?: string } = {}) {
  const { document: page } = parseHTML(options.html ?? `<html><body>${PARAGRAPHS.map((text) => `<p>${text}</p>`).join('')}</body></html>`);
  const registry = new Map<string, FakeHighlight>();
  const set = vi.spyOn(registry, 'set');
  const fakeDocument = {
    defaultView: { CSS: { highlights: registry }, Highlight: FakeHighlight, CSSStyleSheet: FakeSheet },
    createRange: () => new FakeRange(),
    adoptedStyleSheets: [] as FakeSheet[],
    // linkedom's getElementsByTagName does not know '*'.
    getElementsByTagName: (tag: string) => (tag === '*' ? page.querySelectorAll('*') : page.getElementsByTagName(tag)),
  };
  const blocks: DomBlock[] = Array.from(page.querySelectorAll('p, li'), (element) => {
    // The block's first text: its own, or that of its first child (a link).
    const node = (element.firstChild?.nodeType === 3 ? element.firstChild : element.firstChild?.firstChild) as unknown as Text;
    return { text: node.data, kind: 'paragraph', boilerplate: false, element: element as unknown as Element, segments: [{ node, start: 0 }], base: 0 };
  });
  const highlighter = new ClaimHighlighter(fakeDocument as unknown as Document, 'underline-and-tint', options.highlightsInherit ?? false);
  return { registry, set, fakeDocument, blocks, highlighter };
}

function item(blockIndex: number, start: number, end: number, claimId: string, status: PaintItem['status'] = 'confirmed'): PaintItem {
  return { tier: 'claim', claimId, status, eventIds: [], nearEventIds: [], evidence: [], text: '', start: blockIndex * 1000 + start, end: blockIndex * 1000 + end, confidence: 0.9, blockIndex, blockStart: start, blockEnd: end } as unknown as PaintItem;
}

const rangesIn = (highlight: FakeHighlight | undefined) => [...(highlight ?? [])];

describe('ClaimHighlighter re-reads', () => {
  it('keeps the same highlights, ranges and stylesheet when a re-read finds the same claims', () => {
    const { registry, set, fakeDocument, blocks, highlighter } = setUp();
    const items = [item(0, 0, 50, 'gazprom'), item(1, 0, 36, 'su35', 'reported')];
    const first = highlighter.paint(blocks, items);
    expect(first).toHaveLength(2);
    const solid = registry.get(highlighter.names.solid);
    const dashed = registry.get(highlighter.names.dashed);
    const shownBefore = [...rangesIn(solid), ...rangesIn(dashed)];
    expect(shownBefore.map(String)).toEqual([PARAGRAPHS[0], PARAGRAPHS[1]!.slice(0, 36)]);
    const sheet = fakeDocument.adoptedStyleSheets[0];
    expect(fakeDocument.adoptedStyleSheets).toHaveLength(1);
    expect(fakeDocument.adoptedStyleSheets[0]).toBe(sheet);
    set.mockClear();

    // A re-read (new items objects, same spans).
    const second = highlighter.paint(blocks, [item(0, 0, 50, 'gazprom'), item(1, 0, 36, 'su35', 'reported')]);
    expect(set).not.toHaveBeenCalled();
    expect(registry.get(highlighter.names.solid)).toBe(solid);
    expect(registry.get(highlighter.names.dashed)).toBe(dashed);
    expect([...rangesIn(solid), ...rangesIn(dashed)]).toEqual(shownBefore);
    expect(second.map((claim) => claim.range)).toEqual(first.map((claim) => claim.range));
    expect(fakeDocument.adoptedStyleSheets).toHaveLength(1);
    expect(fakeDocument.adoptedStyleSheets[0]).toBe(sheet);
  });

  it('removes only the span that went and adds only the one that came', () => {
    const { registry, blocks, highlighter } = setUp();
    highlighter.paint(blocks, [item(0, 0, 50, 'gazprom'), item(1, 0, 36, 'su35')]);
    const solid = registry.get(highlighter.names.solid)!;
    const [gazprom, su35] = rangesIn(solid);
    highlighter.paint(blocks, [item(0, 0, 50, 'gazprom'), item(2, 4, 11, 'weather')]);
    expect(registry.get(highlighter.names.solid)).toBe(solid);
    const after = rangesIn(solid);
    expect(after).toHaveLength(2);
    expect(after).toContain(gazprom);
    expect(after).not.toContain(su35);
    expect(after.map(String)).toContain('weather');
  });

  it('keeps the focus mark across a re-read while its claim is painted, and drops it when the claim goes', () => {
    const { registry, blocks, highlighter } = setUp();
    const painted = highlighter.paint(blocks, [item(0, 0, 50, 'gazprom'), item(1, 0, 36, 'su35')]);
    highlighter.focus(painted[1]!);
    const mark = registry.get(highlighter.names.focus);
    expect(rangesIn(mark).map(String)).toEqual([PARAGRAPHS[1]!.slice(0, 36)]);
    highlighter.paint(blocks, [item(0, 0, 50, 'gazprom'), item(1, 0, 36, 'su35')]);
    expect(registry.get(highlighter.names.focus)).toBe(mark);
    highlighter.paint(blocks, [item(0, 0, 50, 'gazprom')]);
    expect(registry.has(highlighter.names.focus)).toBe(false);
  });

  it('unregisters a style with nothing left in it, so an empty page has no highlights', () => {
    const { registry, blocks, highlighter } = setUp();
    highlighter.paint(blocks, [item(0, 0, 50, 'gazprom'), item(1, 0, 36, 'su35', 'disputed')]);
    expect(registry.has(highlighter.names.wavy)).toBe(true);
    highlighter.paint(blocks, [item(0, 0, 50, 'gazprom')]);
    expect(registry.has(highlighter.names.wavy)).toBe(false);
    highlighter.paint(blocks, []);
    expect(registry.size).toBe(0);
  });

  it('replaces a copy the page moved, and registers again a highlight the page deleted', () => {
    const { registry, blocks, highlighter } = setUp();
    highlighter.paint(blocks, [item(0, 0, 50, 'gazprom')]);
    const solid = registry.get(highlighter.names.solid)!;
    const [shown] = rangesIn(solid);
    shown!.setStart(blocks[2]!.segments[0]!.node, 0); // the page moves our copy onto another sentence
    shown!.setEnd(blocks[2]!.segments[0]!.node, 11);
    registry.delete(highlighter.names.solid);
    highlighter.paint(blocks, [item(0, 0, 50, 'gazprom')]);
    expect(registry.get(highlighter.names.solid)).toBe(solid);
    expect(rangesIn(solid).map(String)).toEqual([PARAGRAPHS[0]]);
    expect(rangesIn(solid)).not.toContain(shown);
  });

  it('keeps the stylesheet through clear() and removes it on destroy()', () => {
    const { registry, fakeDocument, blocks, highlighter } = setUp();
    highlighter.paint(blocks, [item(0, 0, 50, 'gazprom')]);
    const sheet = fakeDocument.adoptedStyleSheets[0];
    highlighter.clear();
    expect(registry.size).toBe(0);
    expect(fakeDocument.adoptedStyleSheets).toHaveLength(1);
    expect(fakeDocument.adoptedStyleSheets[0]).toBe(sheet);
    highlighter.paint(blocks, [item(0, 0, 50, 'gazprom')]);
    expect(fakeDocument.adoptedStyleSheets).toHaveLength(1);
    expect(fakeDocument.adoptedStyleSheets[0]).toBe(sheet);
    highlighter.destroy();
    expect(registry.size).toBe(0);
    expect(fakeDocument.adoptedStyleSheets).toEqual([]);
  });
});

describe('ClaimHighlighter rules scoped to the elements painted in', () => {
  // Four paragraphs and a list item among sixty-odd other elements: few enough for rules by tag.
  const filler = '<div><span>x</span></div>'.repeat(32);
  const html = `<html><body>${PARAGRAPHS.map((text) => `<p>${text}</p>`).join('')}<ul><li><a href="#">Iran bought Russian wheat.</a></li></ul>${filler}</body></html>`;
  const cssOf = (sheets: FakeSheet[]) => sheets.map((sheet) => sheet.css);

  it('writes the rules for the tags of the painted blocks only, then a sheet for each new tag', () => {
    const { fakeDocument, blocks, highlighter } = setUp({ highlightsInherit: true, html });
    highlighter.paint(blocks, [item(0, 0, 50, 'gazprom')]);
    const [first] = cssOf(fakeDocument.adoptedStyleSheets);
    expect(fakeDocument.adoptedStyleSheets).toHaveLength(1);
    for (const name of Object.values(highlighter.names)) expect(first).toContain(`p::highlight(${name})`);
    expect(first).not.toMatch(/(^|[\s,{}])::highlight/);
    expect(first).not.toContain('li::highlight');

    // The same tag again: no new sheet, the first is kept as it was.
    highlighter.paint(blocks, [item(0, 0, 50, 'gazprom'), item(1, 0, 36, 'su35')]);
    expect(fakeDocument.adoptedStyleSheets).toHaveLength(1);

    // A claim in a list item: a second sheet, for li alone (the first is not rewritten).
    highlighter.paint(blocks, [item(0, 0, 50, 'gazprom'), item(3, 0, 10, 'wheat')]);
    expect(cssOf(fakeDocument.adoptedStyleSheets)[0]).toBe(first);
    const [, second] = cssOf(fakeDocument.adoptedStyleSheets);
    expect(second).toContain(`li::highlight(${highlighter.names.solid})`);
    expect(second).not.toContain('p::highlight');
    highlighter.destroy();
    expect(fakeDocument.adoptedStyleSheets).toEqual([]);
  });

  it('styles every element where the painted tags are common on the page', () => {
    const { fakeDocument, blocks, highlighter } = setUp({ highlightsInherit: true });
    // Three paragraphs in a page of six elements: rules for p would restyle half of it.
    highlighter.paint(blocks, [item(0, 0, 50, 'gazprom')]);
    const [css] = cssOf(fakeDocument.adoptedStyleSheets);
    expect(css).toContain(`\n::highlight(${highlighter.names.dashed})`);
    expect(css).not.toContain('p::highlight');
    highlighter.paint(blocks, [item(1, 0, 36, 'su35')]);
    expect(fakeDocument.adoptedStyleSheets).toHaveLength(1);
  });

  it('writes the rules for the tags of the elements holding the painted text where highlights do not inherit (Firefox)', () => {
    const { fakeDocument, blocks, highlighter } = setUp({ highlightsInherit: false, html });
    highlighter.paint(blocks, [item(0, 0, 50, 'gazprom')]);
    const [first] = cssOf(fakeDocument.adoptedStyleSheets);
    expect(first).toContain(`p::highlight(${highlighter.names.solid})`);
    expect(first).not.toMatch(/(^|[\s,{}])::highlight/);
    // A claim in a link inside a list item: the link holds the text, and its tag is styled (the item's is not).
    highlighter.paint(blocks, [item(0, 0, 50, 'gazprom'), item(3, 0, 10, 'wheat')]);
    const [, second] = cssOf(fakeDocument.adoptedStyleSheets);
    expect(second).toContain(`a::highlight(${highlighter.names.solid})`);
    expect(second).not.toContain('li::highlight');
    expect(second).not.toContain('p::highlight');
  });
});
