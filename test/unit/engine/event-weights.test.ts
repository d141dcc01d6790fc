/**
 * Event vocabulary weights (event-index.ts) must not drift as the dataset grows: claims added about other
 * things should leave the weight of an event's own words nearly where it was, or every growth of the
 * dataset would push more sentences over the event-mention thresholds.
 */
import { describe, expect, it } from 'vitest';
import type { Claim, Dataset } from '../../../src/core/dataset/schema.ts';
import { compileEventProfiles } from '../../../src/core/engine/event-index.ts';
import { realEngine } from './real-dataset.ts';

/** The heaviest weight any claim of the event gives a group holding `ref`. */
function weightOf(dataset: Dataset, automaton: Parameters<typeof compileEventProfiles>[1], eventId: string, ref: string): number {
  const profile = compileEventProfiles(dataset, automaton).find((event) => event.id === eventId);
  if (!profile) throw new Error(`no event ${eventId}`);
  const weights = profile.claims.flatMap((claim) => [...claim.all, ...claim.any]).filter((group) => group.refs.includes(ref)).map((group) => group.weight);
  return Math.max(0, ...weights);
}

describe('event vocabulary weights', () => {
  const { dataset, engine } = realEngine();

  it('stay nearly the same when the dataset grows by claims about other things', () => {
    const template = dataset.claims[0]!;
    const unrelated: Claim[] = Array.from({ length: dataset.claims.length }, (_, index) => ({
      ...template,
      id: `unrelated-claim-${index}`,
      eventIds: [],
      match: { all: [[`t:Unrelatedword${index}`], ['t:Otherunrelatedword']], any: [], minAny: 0, phrases: [] },
    }));
    const grown: Dataset = { ...dataset, claims: [...dataset.claims, ...unrelated] };
    const before = weightOf(dataset, engine.terms.automaton, 'rasht-astara-railway-2023', 'c:rasht');
    const after = weightOf(grown, engine.terms.automaton, 'rasht-astara-railway-2023', 'c:rasht');
    expect(before).toBeGreaterThan(0);
    // Doubling the claims raised a raw inverse-frequency weight by nearly a fifth; relative to log(claims) it moves little.
    expect(Math.abs(after - before) / before).toBeLessThan(0.06);
  });
});
