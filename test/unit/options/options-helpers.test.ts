import { describe, expect, it } from 'vitest';
import type { Coverage } from '../../../src/core/dataset/schema.ts';
import { snapConfidence } from '../../../src/options/confidence.ts';
import { createSaveQueue } from '../../../src/options/save-queue.ts';
import { MAX_DISABLED_SITES, parseSiteInput } from '../../../src/options/site-input.ts';
import { sourcesByOutlet } from '../../../src/options/sources-by-outlet.ts';
import { formatCount, formatPercent } from '../../../src/ui/number-format.ts';
import { gregorianLocale, resolvePageLanguage, textDirection } from '../../../src/ui/page-language.ts';

describe('parseSiteInput', () => {
  it('accepts host names and wildcard patterns, normalised', () => {
    expect(parseSiteInput('  Example.COM ', [])).toEqual({ ok: true, pattern: 'example.com' });
    expect(parseSiteInput('*.news.example.org', [])).toEqual({ ok: true, pattern: '*.news.example.org' });
    expect(parseSiteInput('example.com.', [])).toEqual({ ok: true, pattern: 'example.com' });
  });

  it('takes the host of a pasted address', () => {
    expect(parseSiteInput('https://www.Example.com/news/1?x=2', [])).toEqual({ ok: true, pattern: 'www.example.com' });
  });

  it('says why it refuses', () => {
    expect(parseSiteInput('   ', [])).toMatchObject({ ok: false, error: 'empty' });
    expect(parseSiteInput('-bad.example', [])).toMatchObject({ ok: false, error: 'invalid', pattern: '-bad.example' });
    expect(parseSiteInput('not a host!', [])).toMatchObject({ ok: false, error: 'invalid' });
    expect(parseSiteInput('example.com/path', [])).toMatchObject({ ok: false, error: 'invalid' });
    expect(parseSiteInput('EXAMPLE.com', ['example.com'])).toMatchObject({ ok: false, error: 'duplicate', pattern: 'example.com' });
    const full = Array.from({ length: MAX_DISABLED_SITES }, (_, index) => `site${index}.example`);
    expect(parseSiteInput('one-more.example', full)).toMatchObject({ ok: false, error: 'full' });
  });
});

describe('snapConfidence', () => {
  it('snaps to 5% steps within 50–95%', () => {
    expect(snapConfidence(0.6500000000000001)).toBe(0.65);
    expect(snapConfidence(0.62)).toBe(0.6);
    expect(snapConfidence(0.3)).toBe(0.5);
    expect(snapConfidence(1)).toBe(0.95);
    expect(snapConfidence(Number.NaN)).toBe(0.5);
  });
});

describe('createSaveQueue', () => {
  it('saves one value at a time, and only the newest of those that waited', async () => {
    const sent: number[] = [];
    const releases: (() => void)[] = [];
    const save = createSaveQueue(
      (value: number) =>
        new Promise<number>((resolve) => {
          sent.push(value);
          releases.push(() => resolve(value));
        }),
    );
    const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
    const first = save(1);
    await tick();
    expect(sent).toEqual([1]);
    // Two more changes while the first is being written: the second is never sent.
    const second = save(2);
    const third = save(3);
    await tick();
    expect(sent).toEqual([1]);
    releases.shift()!();
    expect(await first).toEqual({ kind: 'saved', value: 1, latest: false });
    expect(await second).toEqual({ kind: 'superseded' });
    await tick();
    expect(sent).toEqual([1, 3]);
    releases.shift()!();
    expect(await third).toEqual({ kind: 'saved', value: 3, latest: true });
  });

  it('sends only the last of changes made in the same moment', async () => {
    const sent: number[] = [];
    const save = createSaveQueue(async (value: number) => {
      sent.push(value);
      return value;
    });
    const outcomes = await Promise.all([save(1), save(2), save(3)]);
    expect(sent).toEqual([3]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['superseded', 'superseded', 'saved']);
  });

  it('reports a failure and keeps going', async () => {
    const save = createSaveQueue(async (value: number) => {
      if (value === 1) throw new Error('quota');
      return value;
    });
    const failed = await save(1);
    expect(failed).toMatchObject({ kind: 'failed', latest: true });
    expect(await save(2)).toEqual({ kind: 'saved', value: 2, latest: true });
  });
});

describe('sourcesByOutlet', () => {
  const item = (id: string, outlet: string, date: string, title = id): Coverage =>
    ({ id, outlet, title, date, language: 'en', url: 'https://example.org/', claims: [], events: [] }) as Coverage;

  it('groups by outlet in alphabetical order, each outlet oldest first', () => {
    const groups = sourcesByOutlet([item('a', 'Reuters', '2024-05'), item('b', 'al-Monitor', '2023'), item('c', 'Reuters', '2022-01-02'), item('d', 'BBC', '2024')], 'en');
    expect(groups.map((group) => group.outlet)).toEqual(['al-Monitor', 'BBC', 'Reuters']);
    expect(groups[2]!.items.map((entry) => entry.id)).toEqual(['c', 'a']);
  });
});

describe('page language', () => {
  it('follows the UI language when its strings are shipped, else the strings’ language', () => {
    expect(resolvePageLanguage('fa-IR', 'fa')).toEqual({ lang: 'fa-IR', dir: 'rtl' });
    expect(resolvePageLanguage('ru', 'ru')).toEqual({ lang: 'ru', dir: 'ltr' });
    expect(resolvePageLanguage('en_GB', 'en')).toEqual({ lang: 'en-GB', dir: 'ltr' });
    // An Arabic browser gets the English strings: the page is English and left-to-right.
    expect(resolvePageLanguage('ar', 'en')).toEqual({ lang: 'en', dir: 'ltr' });
    expect(resolvePageLanguage('', 'en')).toEqual({ lang: 'en', dir: 'ltr' });
  });

  it('knows right-to-left languages', () => {
    expect(textDirection('fa')).toBe('rtl');
    expect(textDirection('ar-EG')).toBe('rtl');
    expect(textDirection('he')).toBe('rtl');
    expect(textDirection('ru-RU')).toBe('ltr');
  });

  it('formats dataset dates with the Gregorian calendar, in the page language', () => {
    const persian = new Intl.DateTimeFormat(gregorianLocale('fa'), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 6, 1)));
    expect(persian).toContain('۲۰۲۴');
    expect(gregorianLocale('not a tag!')).toBe('en-u-ca-gregory');
  });

  it('formats percentages and counts in the page language', () => {
    expect(formatPercent(0.65, 'en')).toBe('65%');
    expect(formatPercent(0.6, 'fa')).toBe('۶۰٪');
    expect(formatCount(1234, 'en')).toBe('1,234');
  });
});
