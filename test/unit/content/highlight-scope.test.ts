import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { highlightSelector, hostTagsToStyle, TAG_SHARE_LIMIT, type ElementCounts } from '../../../src/content/highlight-scope.ts';

const { document } = parseHTML('<html><body><p>a</p><h2>b</h2><li>c</li><svg:text>d</svg:text></body></html>');
const [p, h2, li] = ['p', 'h2', 'li'].map((tag) => document.querySelector(tag)!) as unknown as Element[];
const counts = (ofTag: Record<string, number>, all: number): ElementCounts => ({ ofTag: (tag) => ofTag[tag] ?? 0, all: () => all });

describe('hostTagsToStyle', () => {
  it('names the new tags of the hosts, once each', () => {
    expect(hostTagsToStyle(new Set(), [p!, h2!, p!], counts({ p: 40, h2: 5 }, 5_000))).toEqual(['p', 'h2']);
    expect(hostTagsToStyle(new Set(['p']), [p!, h2!], counts({ p: 40, h2: 5 }, 5_000))).toEqual(['h2']);
    expect(hostTagsToStyle(new Set(['p', 'h2']), [p!, h2!], counts({}, 0))).toEqual([]);
  });

  it('turns to every element once the styled tags hold more than their share of the page', () => {
    const all = 1_600;
    const limit = all * TAG_SHARE_LIMIT;
    expect(hostTagsToStyle(new Set(), [p!], counts({ p: limit }, all))).toEqual(['p']);
    expect(hostTagsToStyle(new Set(), [p!], counts({ p: limit + 1 }, all))).toBe('everywhere');
    // The tags styled before count too.
    expect(hostTagsToStyle(new Set(['p']), [li!], counts({ p: limit, li: 1 }, all))).toBe('everywhere');
  });

  it('goes universal for a tag that is not a plain type selector', () => {
    const odd = { localName: 'svg:text' } as Element;
    expect(hostTagsToStyle(new Set(), [odd], counts({}, 10_000))).toBe('everywhere');
  });
});

describe('highlightSelector', () => {
  it('lists one selector per tag (each its own bucket), or none for every element', () => {
    expect(highlightSelector('hx', ['p', 'h2'])).toBe('p::highlight(hx), h2::highlight(hx)');
    expect(highlightSelector('hx', 'everywhere')).toBe('::highlight(hx)');
  });
});
