/**
 * Is an element's text on screen? Hidden text (display:none, visibility:hidden, duplicated
 * mobile markup) must not be painted, counted or reached by keyboard. The platform answers:
 * Element.checkVisibility() reads style and the layout tree, never a full layout, so asking it
 * once per block element while reading stays cheap; where it is missing, the computed style
 * says nearly as much. Asked per block element, never per text node.
 */
export function isRendered(element: Element): boolean {
  const style = () => element.ownerDocument.defaultView?.getComputedStyle(element);
  // checkVisibilityCSS: the name of visibilityProperty in the first implementations (Chrome < 121).
  // display: contents has no box of its own, yet its children show: they are asked one by one.
  if ('checkVisibility' in element) return element.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true }) || style()?.display === 'contents';
  const { display, visibility } = style() ?? {};
  return display !== 'none' && visibility !== 'hidden' && visibility !== 'collapse';
}

/** Is a painted range on screen: its block rendered, and the range laid out in at least one box? */
export function isRangeShown(range: Range, block: Element): boolean {
  return isRendered(block) && range.getClientRects().length > 0;
}
