import { describe, expect, it } from 'vitest';
import { isRendered } from '../../../src/content/visibility.ts';

/** An element stand-in: what checkVisibility answers (absent: an old engine) and its computed style. */
function element(style: Partial<CSSStyleDeclaration>, checkVisibility?: (options: unknown) => boolean): Element {
  return { ownerDocument: { defaultView: { getComputedStyle: () => style } }, ...(checkVisibility ? { checkVisibility } : {}) } as unknown as Element;
}

describe('isRendered', () => {
  it('asks checkVisibility, with visibility:hidden counted as hidden', () => {
    let asked: unknown;
    expect(isRendered(element({ display: 'block' }, (options) => ((asked = options), true)))).toBe(true);
    expect(asked).toMatchObject({ visibilityProperty: true, checkVisibilityCSS: true });
    expect(isRendered(element({ display: 'none' }, () => false))).toBe(false);
  });

  it('lets a display:contents element through (no box of its own, its children are checked)', () => {
    expect(isRendered(element({ display: 'contents' }, () => false))).toBe(true);
  });

  it('falls back to the computed style where checkVisibility is missing', () => {
    expect(isRendered(element({ display: 'block', visibility: 'visible' }))).toBe(true);
    expect(isRendered(element({ display: 'none', visibility: 'visible' }))).toBe(false);
    expect(isRendered(element({ display: 'block', visibility: 'hidden' }))).toBe(false);
    expect(isRendered(element({ display: 'table-row', visibility: 'collapse' }))).toBe(false);
  });
});
