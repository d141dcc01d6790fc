/**
 * Hidden text is not read (issue 12, item 6): a block the caller says is not on screen is left
 * out with everything in it, and the question is asked of block elements only (one per
 * paragraph, not one per inline element or text node), so a huge page stays cheap to read.
 * The content script answers with visibility.ts; here a stand-in reads a `data-hidden` flag.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../../src/dom/extract-blocks.ts';

const CLAIM = 'Gazprom and NIOC signed a $40 billion memorandum in Tehran.';

function read(html: string) {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const asked: string[] = [];
  const blocks = extractBlocks(document.body as unknown as Node, {
    isVisible: (element) => {
      asked.push(element.tagName);
      return !element.hasAttribute('data-hidden');
    },
  });
  return { texts: blocks.map((block) => block.text), asked };
}

describe('extractBlocks with a visibility test', () => {
  it('leaves out a hidden duplicate of a visible paragraph (mobile markup), with all it contains', () => {
    const { texts } = read(`<div class="desktop"><p>${CLAIM}</p></div><div class="mobile" data-hidden><section><p>${CLAIM}</p><ul><li>More</li></ul></section></div>`);
    expect(texts).toEqual([CLAIM]);
  });

  it('asks about block elements only, and nothing inside a block it was told is hidden', () => {
    const { asked } = read(`<p>One <b>bold</b> <a href="#">link</a> <span>and <i>more</i></span></p><div data-hidden><p>Two</p><p>Three</p></div>`);
    expect(asked).toEqual(['P', 'DIV']);
  });

  it('reads everything when no test is given (the CLI and Node callers)', () => {
    const { document } = parseHTML(`<!doctype html><html><body><p>${CLAIM}</p><div data-hidden><p>${CLAIM}</p></div></body></html>`);
    expect(extractBlocks(document.body as unknown as Node).map((block) => block.text)).toEqual([CLAIM, CLAIM]);
  });
});
