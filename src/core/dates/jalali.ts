/**
 * Solar Hijri (Jalali) to Gregorian conversion, for dates in Persian news ("۲۸ تیر ۱۴۰۱").
 * Works through day counts with Intl's Persian calendar as the reference, so there is no
 * leap-year table of our own to get wrong: we search the Gregorian day whose Persian
 * calendar reading is the requested date.
 */

const persianParts = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });

function persianDateOf(time: number): { year: number; month: number; day: number } {
  const parts = persianParts.formatToParts(new Date(time));
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? NaN);
  return { year: value('year'), month: value('month'), day: value('day') };
}

export function jalaliToGregorian(year: number, month: number, day: number): { year: number; month: number; day: number } | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1300 || year > 1500) return null;
  // 1 Farvardin falls on 20–22 March of Gregorian year (jalali year + 621).
  const approximate = Date.UTC(year + 621, 2, 21) + ((month - 1) * 30.6 + (day - 1)) * 86_400_000;
  for (let offset = -4; offset <= 4; offset++) {
    const time = approximate + offset * 86_400_000;
    const persian = persianDateOf(time);
    if (persian.year === year && persian.month === month && persian.day === day) {
      const date = new Date(time);
      return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    }
  }
  return null;
}
