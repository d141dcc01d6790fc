import { describe, expect, it } from 'vitest';
import { randomHighlightNames, stillCovers, stylesheetFor, type PaintedClaim } from '../../../src/content/highlighter.ts';

describe('randomHighlightNames', () => {
  it('draws names no page can know in advance, different for every lens', () => {
    const first = randomHighlightNames();
    const second = randomHighlightNames();
    expect(first.solid).not.toBe(second.solid);
    for (const name of Object.values(first)) expect(name).toMatch(/^h[0-9a-f]{16}-(solid|dashed|wavy|event|detected|focus|actor)$/);
    expect(new Set(Object.values(first)).size).toBe(7);
  });

  it('builds the names from the random bytes it is given', () => {
    const names = randomHighlightNames((bytes) => bytes.fill(0xab));
    expect(names.focus).toBe('habababababababab-focus');
  });

  it('styles exactly the names drawn, and none of the old fixed names', () => {
    const names = randomHighlightNames();
    const css = stylesheetFor('underline-and-tint', names);
    for (const name of Object.values(names)) expect(css).toContain(`::highlight(${name})`);
    expect(css).not.toMatch(/::highlight\(c-/);
  });
});

describe('stillCovers', () => {
  const claimOver = (current: string, painted: string, connected = true) =>
    ({
      text: painted,
      range: { toString: () => current, startContainer: { isConnected: connected }, endContainer: { isConnected: connected } },
    }) as unknown as PaintedClaim;

  it('accepts a range whose text is what was painted', () => {
    expect(stillCovers(claimOver('Gazprom signed a $40 billion memorandum', 'Gazprom signed a $40 billion memorandum'))).toBe(true);
  });

  it('refuses a range whose text changed, or whose text left the page', () => {
    expect(stillCovers(claimOver('Gazprom signed a $90 million memorandum', 'Gazprom signed a $40 billion memorandum'))).toBe(false);
    expect(stillCovers(claimOver('same', 'same', false))).toBe(false);
  });
});
