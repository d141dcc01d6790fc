import { describe, expect, it } from 'vitest';
import { partialDatePrecision, partialDateWithin } from '../../../src/core/dataset/dates.ts';
import { findDates, resolveRelativeDate } from '../../../src/core/dates/extract-dates.ts';
import { jalaliToGregorian } from '../../../src/core/dates/jalali.ts';
import { foldText } from '../../../src/core/text/normalize.ts';

function dates(text: string, published?: string) {
  const folded = foldText(text);
  return findDates(folded.text).map((mention) => resolveRelativeDate(mention, published));
}

describe('findDates', () => {
  it.each([
    ['July 19, 2022', '2022-07-19'],
    ['19 July 2022', '2022-07-19'],
    ['19 luglio 2022', '2022-07-19'],
    ['19 июля 2022 года', '2022-07-19'],
    ['am 19. Juli 2022', '2022-07-19'],
    ['le 19 juillet 2022', '2022-07-19'],
    ['el 19 de julio de 2022', '2022-07-19'],
    ['em 19 de julho de 2022', '2022-07-19'],
    ['19 Temmuz 2022', '2022-07-19'],
    ['19 يوليو 2022', '2022-07-19'],
    ['۱۹ ژوئیه ۲۰۲۲', '2022-07-19'],
    ['۲۸ تیر ۱۴۰۱', '2022-07-19'],
    ['in May 2023', '2023-05'],
    ['on 2025-01-17', '2025-01-17'],
  ])('reads %s', (text, expected) => {
    expect(dates(text)).toEqual([expected]);
  });

  it('reads a day named without its year as a day of the year, and never inside a full date', () => {
    const days = (text: string) => findDates(foldText(text).text).map((mention) => mention.monthDay ?? mention.date);
    expect(days('Moscow, May 17 (Reuters) The governments of Russia and Iran signed')).toEqual(['05-17']);
    expect(days('Москва, 17 мая. Правительства России и Ирана')).toEqual(['05-17']);
    expect(days('on 29 February the talks ended')).toEqual(['02-29']);
    expect(days('signed on 17 May 2023 in Tehran')).toEqual(['2023-05-17']);
    expect(days('31 June is no day, nor is June 31')).toEqual([]);
  });

  it('rejects impossible dates', () => {
    expect(dates('February 30, 2022')).toEqual([]);
  });

  it('resolves weekdays and yesterday against the publication date', () => {
    // 2022-07-20 was a Wednesday.
    expect(dates('Putin arrived on Tuesday', '2022-07-20T08:00:00Z')).toEqual(['2022-07-19']);
    expect(dates('в четверг', '2022-07-20')).toEqual(['2022-07-14']);
    expect(dates('yesterday', '2022-07-20')).toEqual(['2022-07-19']);
    expect(dates('on Wednesday', '2022-07-20')).toEqual(['2022-07-20']);
  });

  it('leaves relative dates unresolved without a publication date', () => {
    expect(dates('on Tuesday')).toEqual([null]);
  });
});

describe('partial dates', () => {
  it('knows precision and real calendar days', () => {
    expect(partialDatePrecision('2024')).toBe('year');
    expect(partialDatePrecision('2024-02')).toBe('month');
    expect(partialDatePrecision('2024-02-29')).toBe('day');
    expect(partialDatePrecision('2023-02-29')).toBeNull();
    expect(partialDatePrecision('2023-13')).toBeNull();
  });

  it('tests role ranges at the coarser precision', () => {
    expect(partialDateWithin('2022-07-19', '2021-08-03', '2024-05-19')).toBe(true);
    expect(partialDateWithin('2024-06-01', '2021-08-03', '2024-05-19')).toBe(false);
    expect(partialDateWithin('2024-05', '2021-08-03', '2024-05-19')).toBe(true);
    expect(partialDateWithin('2025-01-17', '2024-07-28', undefined)).toBe(true);
  });

  it('converts Solar Hijri dates', () => {
    expect(jalaliToGregorian(1403, 10, 28)).toEqual({ year: 2025, month: 1, day: 17 });
    expect(jalaliToGregorian(1401, 13, 1)).toBeNull();
  });
});
