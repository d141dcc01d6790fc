/**
 * The three tiers of highlight and time-aware linking, on short texts of our own against the real dataset.
 * (That the extension's precompiled engine answers as the CLI's does is engine-artifact.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { annotatePage, type PageInput } from '../../../src/core/engine/annotate.ts';
import { dayNumber, pageTime, timeCompatible } from '../../../src/core/engine/page-time.ts';
import { realEngine } from './real-dataset.ts';

const page = (paragraphs: string[], extra: Partial<PageInput> = {}): PageInput => ({ blocks: paragraphs.map((text) => ({ text, kind: 'paragraph' as const })), ...extra });

describe('page time', () => {
  it('takes the publication date, else the latest date the text names', () => {
    expect(pageTime('2025-03-04T10:00:00Z', ['2030-01-01'])).toEqual({ day: dayNumber('2025-03-04'), published: true });
    expect(pageTime(undefined, ['2022-07-19', '2023-05'])).toEqual({ day: dayNumber('2023-05'), published: false });
    expect(pageTime(undefined, [])).toEqual({ day: null, published: false });
  });

  it('does not take a bare year far after every full date for the page time: it is a target, not when it was written', () => {
    expect(pageTime(undefined, ['2022-07-19', '2025'])).toEqual({ day: dayNumber('2022-07-19'), published: false });
    expect(pageTime(undefined, ['2022-07-19', '2023'])).toEqual({ day: dayNumber('2023') + 182, published: false });
    expect(pageTime(undefined, ['2025'])).toEqual({ day: dayNumber('2025') + 182, published: false });
  });

  it('links far back only to what the sentence dates, and never to what came after publication', () => {
    const published = pageTime('2026-03-02', []);
    const item = (date: string) => ({ day: dayNumber(date), endDay: dayNumber(date), year: Number(date.slice(0, 4)) });
    expect(timeCompatible(published, item('2026-02-28'), new Set())).toBe(true);
    expect(timeCompatible(published, item('2022-07-19'), new Set())).toBe(false);
    expect(timeCompatible(published, item('2022-07-19'), new Set([2022]))).toBe(true);
    expect(timeCompatible(published, item('2026-06-05'), new Set([2026]))).toBe(false);
    // Known only from the text, the page's time is a lower bound: later items stay possible.
    expect(timeCompatible(pageTime(undefined, ['2024-01-01']), item('2025-01-17'), new Set())).toBe(true);
  });
});

describe('tiers', () => {
  const { engine } = realEngine();

  it('marks a sentence about a dataset event that states none of its claims as an event mention, linked to that event', () => {
    const annotation = annotatePage(engine, page([
      'Russia and Iran discuss railway financing',
      'Russian and Iranian transport officials met in Tehran on Monday to review progress on the Rasht–Astara railway, the last missing link of the corridor.',
      'The officials said the design work on the Rasht–Astara line would be finished within months, Iranian media reported.',
    ], { title: 'Russia and Iran discuss railway financing', publishedDate: '2024-02-05' }));
    expect(annotation.relevant).toBe(true);
    const mention = annotation.claims.find((claim) => claim.text.startsWith('Russian and Iranian transport officials'));
    // The railway is a section of the North–South corridor (`partOf`): the larger event follows the one named.
    expect(mention).toMatchObject({ eventIds: ['rasht-astara-railway-2023', 'instc-agreement-2000'] });
    expect(['claim', 'event']).toContain(mention!.tier);
    expect(annotation.claims.some((claim) => claim.tier === 'event' && claim.eventIds[0] === 'rasht-astara-railway-2023' && !claim.claimId)).toBe(true);
  });

  it('takes "the two countries" for both sides in a sentence that names the event itself', () => {
    const lines = (sentence: string) => [
      'Russia and Iran discuss railway financing',
      'Russian and Iranian transport officials met in Tehran on Monday to review the corridor.',
      'Trade between them has grown, officials said, without giving figures for the year.',
      sentence,
    ];
    const marked = (sentence: string) =>
      annotatePage(engine, page(lines(sentence), { title: 'Russia and Iran discuss railway financing', publishedDate: '2024-02-05' })).claims.find((claim) => claim.text === sentence);
    const withAnaphor = marked('Last year the two countries agreed to build the Rasht–Astara railway together.');
    expect(withAnaphor?.eventIds).toContain('rasht-astara-railway-2023');
    expect(marked('Last year it was agreed to build the Rasht–Astara railway together.')).toBeUndefined();
  });

  it('lets a place named in the sentence before stand for "the plant" in the next one', () => {
    const sentence = 'The first unit of the plant, built by Russia, was connected to Iran’s grid in 2011.';
    const annotation = annotatePage(
      engine,
      page([
        'Rosatom says work at Bushehr goes on',
        'Russia’s state nuclear corporation Rosatom said on Thursday that construction of the second and third units of Iran’s Bushehr nuclear power plant was on schedule.',
        // A claim about the new units: the page is about the 2014 expansion deal, not the first unit.
        'Rosatom chief Alexei Likhachev told reporters that Russian specialists had poured the first concrete for unit 2.',
        sentence,
      ]),
    );
    expect(annotation.claims.find((claim) => claim.text === sentence)?.eventIds).toContain('bushehr-startup-2010-2013');
  });

  it('does not take a page naming both sides, with nothing between them, for one about the relationship', () => {
    const sport = annotatePage(engine, page(['Iran’s footballers beat Russia 2-1 in a friendly in Tehran on Tuesday.', 'Two goals by the Iranian striker came before Russia pulled one back late.', 'The teams meet again in Moscow next year.'], { title: 'Iran beat Russia 2-1 in football friendly' }));
    expect(sport.relevant).toBe(false);
    expect(sport.reasonDetails.map((reason) => reason.code)).toContain('no-dealings');
    const talks = annotatePage(engine, page(['Iran and Russia held talks in Tehran on Tuesday on expanding trade and energy cooperation.', 'Officials of the two sides signed three memorandums, Iranian media said.'], { title: 'Iran and Russia hold talks on trade' }));
    expect(talks.relevant).toBe(true);
  });

  it('marks dealings the dataset does not hold as detected, with nearest events kept apart from eventIds', () => {
    const annotation = annotatePage(engine, page([
      'Russia and Iran to swap football coaches',
      'Russia and Iran signed an agreement on Thursday to exchange youth football coaches, the Russian sports ministry said.',
      'Under the agreement, Iran will send twelve coaches to Russian academies for a year, and Russia will send eight to Iran.',
    ], { title: 'Russia and Iran to swap football coaches', publishedDate: '2024-09-12' }));
    expect(annotation.relevant).toBe(true);
    const detected = annotation.claims.filter((claim) => claim.tier === 'detected');
    expect(detected.length).toBeGreaterThan(0);
    for (const claim of detected) {
      expect(claim.eventIds).toEqual([]);
      expect(claim.claimId).toBeUndefined();
    }
  });

  it('does not link a sentence to a claim years before the page unless the sentence names that time', () => {
    const sentence = 'Putin flew to Tehran on Tuesday for talks with Iran\'s Supreme Leader Ali Khamenei and President Ebrahim Raisi.';
    const claimsOn = (publishedDate: string, text: string) =>
      annotatePage(engine, page(['Putin and Khamenei meet in Tehran', text, 'The Kremlin said Putin and Khamenei discussed the war and gas deals.'], { title: 'Putin and Khamenei meet in Tehran', publishedDate }))
        .claims.filter((claim) => claim.claimId === 'putin-meets-khamenei-raisi-tehran');
    expect(claimsOn('2022-07-20', sentence)).toHaveLength(1);
    expect(claimsOn('2025-11-20', sentence)).toHaveLength(0);
    expect(claimsOn('2025-11-20', sentence.replace('on Tuesday', 'in July 2022'))).toHaveLength(1);
  });
});
