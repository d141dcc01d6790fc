/**
 * Event vocabulary weights (event-index.ts) must not drift as the dataset grows: events added about other things
 * should leave the weight of an event's own words nearly where it was, or every growth of the dataset would push
 * more sentences over the event-mention thresholds. And the two sides' own names never weigh anything.
 */
import { describe, expect, it } from 'vitest';
import type { Claim, Dataset, DatasetEvent } from '../../../src/core/dataset/schema.ts';
import { compileEventProfiles } from '../../../src/core/engine/event-index.ts';
import { realEngine } from './real-dataset.ts';

/** The heaviest weight any claim of the event gives a group holding `ref`. */
function weightOf(dataset: Dataset, automaton: Parameters<typeof compileEventProfiles>[1], eventId: string, ref: string): number {
  const profile = compileEventProfiles(dataset, automaton).find((event) => event.id === eventId);
  if (!profile) throw new Error(`no event ${eventId}`);
  const weights = profile.claims.flatMap((claim) => [...claim.all, ...claim.any]).flatMap((group) => group.refs.flatMap((item, at) => (item === ref ? [group.weights[at]!] : [])));
  return Math.max(0, ...weights);
}

describe('event vocabulary weights', () => {
  const { dataset, engine } = realEngine();

  it('stay nearly the same when the dataset doubles with events about other things', () => {
    const eventTemplate = dataset.events[0]!;
    const claimTemplate = dataset.claims[0]!;
    const events: DatasetEvent[] = dataset.events.map((_, index) => ({ ...eventTemplate, id: `unrelated-event-${index}`, actors: [] }));
    const claims: Claim[] = events.map((event, index) => ({
      ...claimTemplate,
      id: `unrelated-claim-${index}`,
      actors: [],
      eventIds: [event.id],
      match: { all: [[`t:Unrelatedword${index}`], ['t:Otherunrelatedword']], any: [], minAny: 0, phrases: [] },
    }));
    const grown: Dataset = { ...dataset, events: [...dataset.events, ...events], claims: [...dataset.claims, ...claims] };
    const before = weightOf(dataset, engine.terms.automaton, 'rasht-astara-railway-2023', 'c:rasht');
    const after = weightOf(grown, engine.terms.automaton, 'rasht-astara-railway-2023', 'c:rasht');
    expect(before).toBeGreaterThan(0);
    // A raw inverse frequency would rise by about a sixth; relative to log(events) it moves little.
    expect(Math.abs(after - before) / before).toBeLessThan(0.08);
  });

  it('give the two sides and their capitals no weight', () => {
    for (const ref of ['a:russia', 'a:iran', 'c:moscow', 'c:tehran']) {
      expect(weightOf(dataset, engine.terms.automaton, 'rasht-astara-railway-2023', ref)).toBe(0);
    }
  });
});
