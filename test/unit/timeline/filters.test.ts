import { describe, expect, it } from 'vitest';
import { ClaimStatusSchema } from '../../../src/core/dataset/schema.ts';
import { CLAIM_STATUSES, filterChoices, filterEntries, hasFilters, NO_FILTERS } from '../../../src/timeline/model/filters.ts';
import { buildTimeline } from '../../../src/timeline/model/timeline.ts';
import { realTimeline, tinyDataset } from './fixture.ts';

const timeline = buildTimeline(tinyDataset);
const ids = (filters: Partial<typeof NO_FILTERS>) => filterEntries(timeline, { ...NO_FILTERS, ...filters }).map((entry) => entry.event.id);

describe('the timeline filters', () => {
  it('know every claim status the schema knows', () => {
    expect([...CLAIM_STATUSES]).toEqual(ClaimStatusSchema.options);
  });

  it('let everything through when empty', () => {
    expect(ids({})).toEqual(['launch', 'talks', 'quiet']);
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, text: 'x' })).toBe(true);
  });

  it('filter by theme, actor, claim status and coverage language', () => {
    expect(ids({ themes: ['space'] })).toEqual(['launch']);
    expect(ids({ themes: ['space', 'diplomacy'] })).toEqual(['launch', 'talks', 'quiet']);
    expect(ids({ actors: ['vladimir-putin'] })).toEqual(['talks']);
    expect(ids({ statuses: ['officially-stated'] })).toEqual(['launch']);
    expect(ids({ statuses: ['false'] })).toEqual([]);
    expect(ids({ languages: ['ru'] })).toEqual(['launch']);
    expect(ids({ languages: ['en'] })).toEqual(['talks', 'quiet']);
  });

  it('combine criteria with AND', () => {
    expect(ids({ actors: ['vladimir-putin'], languages: ['ru'] })).toEqual([]);
    expect(ids({ themes: ['diplomacy'], statuses: ['reported'] })).toEqual(['talks']);
  });

  it('search free text in any language the names are in, case- and accent-insensitively', () => {
    expect(ids({ text: 'путин' })).toEqual(['talks']);
    expect(ids({ text: 'پوتین' })).toEqual(['talks']);
    expect(ids({ text: 'СПУТНИК' })).toEqual(['launch']);
    expect(ids({ text: 'moscow talks' })).toEqual(['talks']);
    expect(ids({ text: 'moscow satellite' })).toEqual([]);
  });

  it('offer only actors and languages that occur, sorted', () => {
    const choices = filterChoices(timeline);
    expect(choices.actors.map((actor) => actor.id)).toEqual(['iran', 'vladimir-putin']);
    expect(choices.languages).toEqual(['en', 'ru']);
  });

  it('find Tehran summit by Putin’s Persian name in the real dataset', () => {
    const real = realTimeline().timeline;
    const found = filterEntries(real, { ...NO_FILTERS, text: 'پوتین', themes: ['diplomacy'] }).map((entry) => entry.event.id);
    expect(found).toContain('tehran-summit-2022');
    expect(found.length).toBeLessThan(real.entries.length);
  });
});
