import { describe, expect, it } from 'vitest';
import { buildTimeline, endOfPartialDate, startOfPartialDate, TIMELINE_START } from '../../../src/timeline/model/timeline.ts';
import { realTimeline, tinyDataset } from './fixture.ts';

describe('the timeline model', () => {
  it('reads partial dates as the whole day, month or year they name', () => {
    expect(new Date(startOfPartialDate('2023-12')).toISOString()).toBe('2023-12-01T00:00:00.000Z');
    expect(new Date(endOfPartialDate('2023-12')).toISOString()).toBe('2023-12-31T23:59:59.999Z');
    expect(new Date(endOfPartialDate('2024')).toISOString()).toBe('2024-12-31T23:59:59.999Z');
    expect(new Date(endOfPartialDate('2024-02-29')).toISOString()).toBe('2024-02-29T23:59:59.999Z');
  });

  it('collects each event’s claims, actors (event first), sources, statuses and languages', () => {
    const timeline = buildTimeline(tinyDataset);
    expect(timeline.entries.map((entry) => entry.event.id)).toEqual(['launch', 'talks', 'quiet']);
    const talks = timeline.entries[1]!;
    expect(talks.claims.map((claim) => claim.id)).toEqual(['c2']);
    expect(talks.actorIds).toEqual(['vladimir-putin']);
    expect(talks.coverage.map((item) => item.id)).toEqual(['s2']);
    expect([...talks.statuses]).toEqual(['reported']);
    expect([...timeline.entries[0]!.languages]).toEqual(['ru']);
    expect(timeline.entries[2]!.claims).toEqual([]);
  });

  it('spans 2000 to the end of the newest date', () => {
    const timeline = buildTimeline(tinyDataset);
    expect(timeline.domain.start).toBe(TIMELINE_START);
    expect(new Date(timeline.domain.end).toISOString()).toBe('2024-12-31T23:59:59.999Z');
    const real = realTimeline().timeline;
    const newest = realTimeline().dataset.events.map((event) => event.endDate ?? event.date).sort().at(-1)!;
    expect(real.domain.end).toBe(endOfPartialDate(newest));
  });
});
