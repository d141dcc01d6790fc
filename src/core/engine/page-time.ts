/**
 * When a page was written bounds what its sentences can be about. A page published in March
 * 2026 can report a June 2025 claim only as history, so such a sentence links to it only when it
 * names that time itself ("in June 2025"); it can never report a claim made after it was written.
 * The page's time comes from its metadata (published date) or, failing that, from the latest
 * date its own text names (a lower bound: a page is at least as late as what it reports).
 */

const DAY_MS = 86_400_000;

/** Days since 1970 for `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a date-time (first day of a partial date). */
export function dayNumber(date: string): number {
  const [year = 1970, month = 1, day = 1] = date.slice(0, 10).split('-').map(Number);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** How far back a sentence may reach without naming the time it means (about a year and a half). */
export const UNNAMED_PAST_DAYS = 550;
/** A published page may report what happened a little after its date line (time zones, updates). */
const FUTURE_SLACK_DAYS = 3;

export interface PageTime {
  /** The page's own day, when known. */
  readonly day: number | null;
  /** Whether `day` is the publication date (true) or the latest date the text names (false). */
  readonly published: boolean;
}

export function pageTime(publishedDate: string | undefined, namedDates: readonly string[]): PageTime {
  if (publishedDate && /^\d{4}-\d{2}-\d{2}/.test(publishedDate)) return { day: dayNumber(publishedDate), published: true };
  let latest: number | null = null;
  // A bare year well after every full date the page names is a target ("investments until 2025"), not its time.
  const fullYears = namedDates.filter((date) => date.length > 4).map((date) => Number(date.slice(0, 4)));
  const latestYear = fullYears.length > 0 ? Math.max(...fullYears) + 1 : Infinity;
  for (const date of namedDates) {
    if (date.length === 4 && Number(date) > latestYear) continue;
    // A bare year stands for its middle: "in 2023" says the page is at least that late, not how much.
    const day = date.length === 4 ? dayNumber(date) + 182 : dayNumber(date);
    if (latest === null || day > latest) latest = day;
  }
  return { day: latest, published: false };
}

export interface TimedItem {
  readonly day: number;
  readonly endDay: number;
  readonly year: number;
}

/**
 * May a sentence of this page be linked to an item (claim or event) of this time? `namedYears`
 * are the years the sentence or its paragraph names.
 */
export function timeCompatible(page: PageTime, item: TimedItem, namedYears: ReadonlySet<number>): boolean {
  if (page.day === null) return true;
  if (page.published && item.day > page.day + FUTURE_SLACK_DAYS) return false;
  if (item.endDay >= page.day - UNNAMED_PAST_DAYS) return true;
  return namedYears.has(item.year) || namedYears.has(new Date(item.endDay * DAY_MS).getUTCFullYear());
}

/** Distance in days from the page's time, for ranking look-alike claims (0 when unknown). */
export function timeDistance(page: PageTime, item: TimedItem): number {
  if (page.day === null) return 0;
  if (page.day >= item.day && page.day <= item.endDay) return 0;
  return Math.min(Math.abs(page.day - item.day), Math.abs(page.day - item.endDay));
}
