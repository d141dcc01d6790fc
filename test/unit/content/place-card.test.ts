import { describe, expect, it } from 'vitest';
import { placeCard } from '../../../src/content/hover-card/place-card.ts';

const viewport = { width: 1000, height: 800 };
const card = { width: 300, height: 200 };

describe('placeCard', () => {
  it('puts the card below the sentence, at its left edge', () => {
    expect(placeCard({ left: 100, top: 100, bottom: 120 }, card, viewport)).toEqual({ x: 100, y: 128 });
  });

  it('puts it above when there is no room below but room above', () => {
    expect(placeCard({ left: 100, top: 700, bottom: 720 }, card, viewport)).toEqual({ x: 100, y: 492 });
  });

  it('keeps it inside the viewport horizontally', () => {
    expect(placeCard({ left: 900, top: 100, bottom: 120 }, card, viewport).x).toBe(692);
    expect(placeCard({ left: -50, top: 100, bottom: 120 }, card, viewport).x).toBe(8);
  });

  it('stays below when neither side has room (the sentence stays visible above it)', () => {
    expect(placeCard({ left: 10, top: 100, bottom: 700 }, card, viewport).y).toBe(708);
  });
});
