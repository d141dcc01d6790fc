/**
 * Is an element's text on screen? Hidden text (display:none, visibility:hidden, duplicated
 * mobile markup) must not be painted, counted or reached by keyboard. The platform answers:
 * Element.checkVisibility() reads style and the layout tree, never a full layout, so calling
 * it once per block element while reading stays cheap; where it is missing, the computed
 * style says nearly as much. Called per block element, never per text node.
 */

interface VisibilityChecks {
  /** visibility: hidden / collapse (current name of the option). */
  readonly visibilityProperty?: boolean;
  /** The same, under the name the first implementations used. */
  readonly checkVisibilityCSS?: boolean;
}

type Checkable = Element & { checkVisibility?: (options?: VisibilityChecks) => boolean };

function computedStyle(element: Element): CSSStyleDeclaration | null {
  try {
    return element.ownerDocument.defaultView?.getComputedStyle(element) ?? null;
  } catch {
    return null;
  }
}

export function isRendered(element: Element): boolean {
  const checkable = element as Checkable;
  if (typeof checkable.checkVisibility === 'function') {
    if (checkable.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true })) return true;
    // display: contents has no box of its own, yet its children show: they are checked one by one.
    return computedStyle(element)?.display === 'contents';
  }
  const style = computedStyle(element);
  return style === null || (style.display !== 'none' && style.visibility !== 'hidden' && style.visibility !== 'collapse');
}

/** Is a painted range on screen: its block rendered, and the range laid out in at least one box? */
export function isRangeShown(range: Range, block: Element): boolean {
  return isRendered(block) && range.getClientRects().length > 0;
}
