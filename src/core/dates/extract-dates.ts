/**
 * Dates in running text, in every language we read: "July 19, 2022", "19 luglio 2022",
 * "19 июля 2022", "19. Juli 2022", "19 de julio de 2022", "۲۸ تیر ۱۴۰۱" (Solar Hijri), and
 * relative ones ("on Tuesday", "yesterday") resolved against the publication date. Month and
 * weekday names come from Intl.DateTimeFormat, so no locale tables ship with the extension.
 */
import { foldTerm } from '../text/normalize.ts';
import { matchesAtWordStart } from '../text/word-start.ts';
import { jalaliToGregorian } from './jalali.ts';

export interface DateMention {
  /** Folded offsets within the scanned text. */
  readonly start: number;
  readonly end: number;
  /** `YYYY-MM-DD` or `YYYY-MM`, or null for a relative date not yet resolved or a day without a year. */
  readonly date: string | null;
  /** `MM-DD` of a day named without its year ("May 17", "17 мая"): a dateline, or a day of the year the text is about. */
  readonly monthDay?: string;
  /** For relative mentions: a weekday (0 = Sunday) or a day offset from publication. */
  readonly relative?: { readonly weekday: number } | { readonly daysBefore: number };
}

const LOCALES = [
  'en', 'ru', 'fa-u-ca-gregory', 'ar', 'ar-SY', 'de', 'fr', 'es', 'it', 'pt', 'tr',
  'uk', 'pl', 'cs', 'sk', 'hr', 'sr-Latn', 'sl', 'ro', 'nl', 'sv', 'az', 'id', 'el', 'bg',
];
const YESTERDAY = ['yesterday', 'вчера', 'دیروز', 'امس', 'gestern', 'hier', 'ayer', 'ieri', 'ontem', 'dün'];
const TODAY = ['today', 'сегодня', 'امروز', 'الیوم', 'heute', "aujourd'hui", 'hoy', 'oggi', 'hoje', 'bugün'];

interface DatePatterns {
  readonly gregorian: RegExp;
  readonly dayOfYear: RegExp;
  readonly jalali: RegExp;
  readonly relative: RegExp;
  readonly monthByName: ReadonlyMap<string, number>;
  readonly jalaliMonthByName: ReadonlyMap<string, number>;
  readonly weekdayByName: ReadonlyMap<string, number>;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (names: Iterable<string>) => [...names].sort((a, b) => b.length - a.length).map(escape).join('|');
/** A date ends a word; that it starts one is checked on each match (`matchesAtWordStart`). */
const E = '(?![\\p{L}\\p{N}])';

function monthNames(locale: string, calendarMonths: number, yearForCalendar: (month: number) => Date): Map<string, number> {
  const names = new Map<string, number>();
  const long = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const withDay = new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  for (let month = 0; month < calendarMonths; month++) {
    const date = yearForCalendar(month);
    // Russian and others decline the month after a day number ("июль" / "19 июля").
    const genitive = withDay.formatToParts(date).find((part) => part.type === 'month')?.value ?? '';
    for (const name of [long.format(date), genitive, locale === 'en' || locale === 'de' ? short.format(date) : '']) {
      const folded = foldTerm(name).replace(/\.$/, '');
      if (folded.length >= 3 && !/\d/.test(folded)) names.set(folded, month + 1);
    }
  }
  return names;
}

/** Month and weekday names as plain data: computed once at build time (Intl is slow to start) and shipped. */
export interface DateNameTables {
  readonly months: readonly (readonly [string, number])[];
  readonly jalaliMonths: readonly (readonly [string, number])[];
  readonly weekdays: readonly (readonly [string, number])[];
}

let cached: DatePatterns | null = null;
let precomputed: DateNameTables | null = null;

/** Use tables computed at build time instead of asking Intl at the first scan. */
export function useDateNameTables(tables: DateNameTables): void {
  precomputed = tables;
  cached = null;
}

export function computeDateNameTables(): DateNameTables {
  const monthByName = new Map<string, number>();
  for (const locale of LOCALES) {
    for (const [name, month] of monthNames(locale, 12, (m) => new Date(Date.UTC(2022, m, 15)))) monthByName.set(name, month);
  }
  monthByName.set('sept', 9);
  // Solar Hijri months, read from the Persian calendar: the 15th of each Gregorian month from
  // March lands in a distinct Persian month (Farvardin starts around March 21).
  const jalaliMonthByName = new Map<string, number>();
  const persian = new Intl.DateTimeFormat('fa-u-ca-persian', { month: 'long', timeZone: 'UTC' });
  const persianNumber = new Intl.DateTimeFormat('en-u-ca-persian', { month: 'numeric', timeZone: 'UTC' });
  for (let m = 0; m < 12; m++) {
    const date = new Date(Date.UTC(2022, m, 25));
    jalaliMonthByName.set(foldTerm(persian.format(date)), Number(persianNumber.format(date)));
  }
  const weekdayByName = new Map<string, number>();
  for (const locale of LOCALES) {
    const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    for (let day = 0; day < 7; day++) {
      const name = foldTerm(format.format(new Date(Date.UTC(2023, 0, 1 + day)))); // 2023-01-01 was a Sunday
      weekdayByName.set(name, day);
      if (name.startsWith('ال')) weekdayByName.set(name.slice(2), day);
    }
  }
  return { months: [...monthByName], jalaliMonths: [...jalaliMonthByName], weekdays: [...weekdayByName] };
}

function patterns(): DatePatterns {
  if (cached) return cached;
  const tables = (precomputed ??= computeDateNameTables());
  const monthByName = new Map(tables.months);
  const jalaliMonthByName = new Map(tables.jalaliMonths);
  const weekdayByName = new Map(tables.weekdays);
  const months = alternation(monthByName.keys());
  const day = '(\\d{1,2})(?:st|nd|rd|th|er|º|°)?';
  const gregorian = new RegExp(
    `(?:${day}\\.?\\s(?:de\\s)?(${months})\\.?,?\\s(?:de\\s)?(\\d{4})|(${months})\\.?\\s${day},?\\s(\\d{4})|(${months})\\s(?:de\\s|of\\s)?(\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))${E}`,
    'gu',
  );
  // A day and month without a year, once the full dates are taken ("Moscow, May 17 (Reuters)", "17 мая").
  const dayOfYear = new RegExp(`(?:${day}\\.?\\s(?:de\\s)?(${months})|(${months})\\.?\\s${day})${E}`, 'gu');
  const jalali = new RegExp(`(\\d{1,2})\\s(${alternation(jalaliMonthByName.keys())})\\s(1[34]\\d\\d)${E}`, 'gu');
  const relative = new RegExp(`(${alternation([...weekdayByName.keys(), ...YESTERDAY, ...TODAY].map(foldTerm))})${E}`, 'gu');
  cached = { gregorian, dayOfYear, jalali, relative, monthByName, jalaliMonthByName, weekdayByName };
  return cached;
}

const pad = (value: number) => String(value).padStart(2, '0');

function isoDate(year: number, month: number, day?: number): string | null {
  if (month < 1 || month > 12 || year < 1900 || year > 2100) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Dates mentioned in folded text. Relative mentions come back with `date: null`. */
export function findDates(folded: string): DateMention[] {
  const { gregorian, dayOfYear, jalali, relative, monthByName, jalaliMonthByName, weekdayByName } = patterns();
  const mentions: DateMention[] = [];
  const taken: [number, number][] = [];
  for (const match of matchesAtWordStart(folded, gregorian)) {
    const g = match.slice(1);
    let date: string | null = null;
    if (g[0]) date = isoDate(Number(g[2]), monthByName.get(g[1]!) ?? 0, Number(g[0]));
    else if (g[3]) date = isoDate(Number(g[5]), monthByName.get(g[3]) ?? 0, Number(g[4]));
    else if (g[6]) date = isoDate(Number(g[7]), monthByName.get(g[6]) ?? 0);
    else if (g[8]) date = isoDate(Number(g[8]), Number(g[9]), Number(g[10]));
    if (!date) continue;
    mentions.push({ start: match.index, end: match.index + match[0].length, date });
    taken.push([match.index, match.index + match[0].length]);
  }
  for (const match of matchesAtWordStart(folded, dayOfYear)) {
    if (taken.some(([start, end]) => match.index < end && match.index + match[0].length > start)) continue;
    const [, dayFirst, monthAfter, monthFirst, dayAfter] = match;
    const month = monthByName.get((monthAfter ?? monthFirst)!) ?? 0;
    const monthDay = isoDate(2024, month, Number(dayFirst ?? dayAfter)); // a leap year: 29 February exists
    if (!monthDay) continue;
    mentions.push({ start: match.index, end: match.index + match[0].length, date: null, monthDay: monthDay.slice(5) });
    taken.push([match.index, match.index + match[0].length]);
  }
  for (const match of matchesAtWordStart(folded, jalali)) {
    const month = jalaliMonthByName.get(match[2]!) ?? 0;
    const converted = jalaliToGregorian(Number(match[3]), month, Number(match[1]));
    const date = converted ? isoDate(converted.year, converted.month, converted.day) : null;
    if (date) mentions.push({ start: match.index, end: match.index + match[0].length, date });
  }
  for (const match of matchesAtWordStart(folded, relative)) {
    if (taken.some(([start, end]) => match.index >= start && match.index < end)) continue;
    const word = match[1]!;
    const weekday = weekdayByName.get(word);
    const relation = weekday !== undefined ? { weekday } : { daysBefore: YESTERDAY.map(foldTerm).includes(word) ? 1 : 0 };
    mentions.push({ start: match.index, end: match.index + match[0].length, date: null, relative: relation });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/**
 * A relative mention resolved against the publication date (`YYYY-MM-DD…`): a weekday
 * means the latest such day on or before publication, as news writing uses it.
 */
export function resolveRelativeDate(mention: DateMention, published: string | undefined): string | null {
  if (mention.date || !mention.relative || !published) return mention.date;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!match) return null;
  const base = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const daysBack = 'weekday' in mention.relative ? (base.getUTCDay() - mention.relative.weekday + 7) % 7 : mention.relative.daysBefore;
  const resolved = new Date(base.getTime() - daysBack * 86_400_000);
  return resolved.toISOString().slice(0, 10);
}
