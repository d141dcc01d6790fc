/**
 * Partial ISO dates as the dataset writes them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 * Kept as strings (they sort correctly as text) with a precision that must fit the shape.
 */

export type DatePrecision = 'year' | 'month' | 'day';

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The precision a partial date string carries, or null when it is not a real calendar date. */
export function partialDatePrecision(value: string): DatePrecision | null {
  const parts = PARTIAL_DATE.exec(value);
  if (!parts) return null;
  const year = Number(parts[1]);
  if (year < 1900 || year > 2100) return null;
  if (parts[2] === undefined) return 'year';
  const month = Number(parts[2]);
  if (month < 1 || month > 12) return null;
  if (parts[3] === undefined) return 'month';
  const day = Number(parts[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return 'day';
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids DST surprises.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when partial date `inner` falls within [from, to] (to open-ended when absent), at the coarser precision. */
export function partialDateWithin(inner: string, from: string | undefined, to: string | undefined): boolean {
  if (from !== undefined && inner.slice(0, from.length) < from.slice(0, inner.length)) return false;
  if (to !== undefined && inner.slice(0, to.length) > to.slice(0, inner.length)) return false;
  return true;
}
