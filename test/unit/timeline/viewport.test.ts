import { describe, expect, it } from 'vitest';
import { clampViewport, daysToViewport, density, MIN_SPAN, panBy, toX, viewportToDays, yearTicks, zoomAt } from '../../../src/timeline/model/viewport.ts';

const domain = { start: Date.UTC(2000, 0, 1), end: Date.UTC(2026, 0, 1) };
const span = (view: { start: number; end: number }) => view.end - view.start;

describe('the timeline viewport', () => {
  it('zooms in around the anchor, keeping the instant under it in place', () => {
    const anchorTime = domain.start + span(domain) * 0.25;
    const zoomed = zoomAt(domain, domain, 2, 0.25);
    expect(span(zoomed)).toBeCloseTo(span(domain) / 2, -3);
    expect(zoomed.start + span(zoomed) * 0.25).toBeCloseTo(anchorTime, -3);
  });

  it('never zooms out past the whole domain nor in past a month', () => {
    expect(zoomAt(domain, domain, 0.1)).toEqual(domain);
    let view = domain;
    for (let step = 0; step < 50; step++) view = zoomAt(view, domain, 2);
    expect(span(view)).toBe(MIN_SPAN);
  });

  it('pans by a fraction of the width and stops at the edges', () => {
    const half = zoomAt(domain, domain, 2, 0);
    const moved = panBy(half, domain, 0.1);
    expect(moved.start - half.start).toBeCloseTo(span(half) * 0.1, -3);
    expect(panBy(half, domain, 5)).toEqual({ start: domain.end - span(half), end: domain.end });
    expect(panBy(half, domain, -5)).toEqual({ start: domain.start, end: domain.start + span(half) });
  });

  it('clamps a window given from outside (a URL) into the domain', () => {
    const early = clampViewport({ start: Date.UTC(1990, 0, 1), end: Date.UTC(1995, 0, 1) }, domain);
    expect(early).toEqual({ start: domain.start, end: domain.start + (Date.UTC(1995, 0, 1) - Date.UTC(1990, 0, 1)) });
    expect(clampViewport({ start: 0, end: Date.UTC(2100, 0, 1) }, domain)).toEqual(domain);
  });

  it('maps time to x and spaces year ticks so they do not crowd', () => {
    expect(toX(domain, 1000, domain.start)).toBe(0);
    expect(toX(domain, 1000, domain.end)).toBe(1000);
    const wide = yearTicks(domain, 2600);
    expect(wide[0]).toBe(2000);
    expect(wide).toHaveLength(27);
    expect(yearTicks(domain, 300).every((year) => year % 5 === 0)).toBe(true);
    const narrow = yearTicks(domain, 200);
    expect(narrow.every((year) => year % 10 === 0)).toBe(true);
  });

  it('counts entries per slice for the density strip', () => {
    const times = [domain.start, domain.start + 1, domain.end, domain.end + 10];
    expect(density(domain, 4, times)).toEqual([2, 0, 0, 1]);
  });

  it('round-trips a window through whole days', () => {
    const days = viewportToDays({ start: Date.UTC(2014, 0, 1), end: Date.UTC(2016, 5, 30) });
    expect(days).toEqual({ from: '2014-01-01', to: '2016-06-30' });
    expect(daysToViewport(days, domain)).toEqual({ start: Date.UTC(2014, 0, 1), end: Date.UTC(2016, 5, 30) });
  });
});
