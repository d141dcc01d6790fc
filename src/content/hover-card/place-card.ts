/**
 * Where the card goes: below the claim's sentence, starting at its left edge, 8 px away; above
 * it when there is no room below and there is above; then shifted to stay 8 px inside the
 * viewport. The card never covers the sentence it describes. (This replaces @floating-ui,
 * whose general machinery cost the content script more than all of our own code.)
 */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly bottom: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

const GAP = 8;
const PADDING = 8;

export function placeCard(anchor: Box, card: Size, viewport: Size): { x: number; y: number } {
  let y = anchor.bottom + GAP;
  const fitsBelow = y + card.height <= viewport.height - PADDING;
  const above = anchor.top - GAP - card.height;
  if (!fitsBelow && above >= PADDING) y = above;
  const maxX = Math.max(PADDING, viewport.width - PADDING - card.width);
  const x = Math.min(Math.max(anchor.left, PADDING), maxX);
  return { x, y };
}
