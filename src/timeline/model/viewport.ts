/**
 * The visible window of the time axis and the arithmetic of zooming and panning it, in UTC
 * milliseconds. Pure, so wheel, drag, pinch and keys all go through the same tested rules.
 */

export interface Viewport {
  readonly start: number;
  readonly end: number;
}

const DAY = 86_400_000;
/** Never narrower than a month: events are dated to the day at best. */
export const MIN_SPAN = 30 * DAY;

/** Keeps the window inside the domain and at least MIN_SPAN wide (or the whole domain if smaller). */
export function clampViewport(view: Viewport, domain: Viewport): Viewport {
  const domainSpan = domain.end - domain.start;
  const span = Math.min(domainSpan, Math.max(Math.min(MIN_SPAN, domainSpan), view.end - view.start));
  const start = Math.min(domain.end - span, Math.max(domain.start, view.start));
  return { start, end: start + span };
}

/** Zooms by `factor` (> 1 zooms in) keeping the instant at `anchor` (0 = left edge, 1 = right) in place. */
export function zoomAt(view: Viewport, domain: Viewport, factor: number, anchor = 0.5): Viewport {
  const span = view.end - view.start;
  const nextSpan = span / factor;
  const pivot = view.start + span * anchor;
  return clampViewport({ start: pivot - nextSpan * anchor, end: pivot - nextSpan * anchor + nextSpan }, domain);
}

/** Moves the window by a fraction of its width (positive: later in time). */
export function panBy(view: Viewport, domain: Viewport, fraction: number): Viewport {
  const shift = (view.end - view.start) * fraction;
  return clampViewport({ start: view.start + shift, end: view.end + shift }, domain);
}

/** x in [0, width] for an instant. */
export function toX(view: Viewport, width: number, time: number): number {
  return ((time - view.start) / (view.end - view.start)) * width;
}

/** Year ticks for the window: every year, or every 2, 5 or 10 when they would crowd. */
export function yearTicks(view: Viewport, width: number, minGap = 56): number[] {
  const first = new Date(view.start).getUTCFullYear();
  const last = new Date(view.end).getUTCFullYear() + 1;
  const yearWidth = (365.25 * DAY * width) / (view.end - view.start);
  const step = [1, 2, 5, 10].find((candidate) => candidate * yearWidth >= minGap) ?? 10;
  const ticks: number[] = [];
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) {
    const time = Date.UTC(year, 0, 1);
    if (time >= view.start && time <= view.end) ticks.push(year);
  }
  return ticks;
}

/** How many entries fall in each of `bins` equal slices of the window: the density strip. */
export function density(view: Viewport, bins: number, times: readonly number[]): number[] {
  const counts = new Array<number>(bins).fill(0);
  const span = view.end - view.start;
  for (const time of times) {
    if (time < view.start || time > view.end) continue;
    const bin = Math.min(bins - 1, Math.floor(((time - view.start) / span) * bins));
    counts[bin]! += 1;
  }
  return counts;
}

/** The window as whole ISO days (for the URL), and back. */
export function viewportToDays(view: Viewport): { from: string; to: string } {
  const day = (time: number) => new Date(Math.round(time / DAY) * DAY).toISOString().slice(0, 10);
  return { from: day(view.start), to: day(view.end) };
}

export function daysToViewport(days: { from: string; to: string }, domain: Viewport): Viewport {
  return clampViewport({ start: Date.parse(`${days.from}T00:00:00Z`), end: Date.parse(`${days.to}T00:00:00Z`) }, domain);
}
