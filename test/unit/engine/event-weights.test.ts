/**
 * Event vocabulary weights (event-index.ts) must not drift as the dataset grows: events added about other things
 * should leave the weight of an event's own words nearly where it was, or every growth of the dataset would push
 * more sentences over the event-mention thresholds. And the two sides' own names never weigh anything.
 */
import { describe, expect, it } from 'vitest';
import type { Claim, Dataset, DatasetEvent } from '../../../src/core/dataset/schema.ts';
import { scanPageBlock } from '../../../src/core/engine/annotate.ts';
import { compileEventProfiles } from '../../../src/core/engine/event-index.ts';
import { scoreEvents, type SentenceView } from '../../../src/core/engine/page-highlights.ts';
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

describe('evidence of time', () => {
  const { dataset, engine } = realEngine();
  const scores = (text: string) => {
    const [sentence] = scanPageBlock(engine, text, 'en').sentences;
    const view: SentenceView = {
      blockIndex: 0,
      scan: sentence!,
      refs: new Set(sentence!.refs),
      carried: new Set(),
      sides: new Set(),
      carriedSides: new Set(),
      years: new Set(sentence!.years),
      days: new Set(sentence!.days),
    };
    const context = { dataset, signatures: engine.signatures, events: engine.events, sides: engine.sides, time: { day: null, published: false }, minConfidence: 0.6 };
    return new Map(scoreEvents(view, context).map((entry) => [engine.events.events[entry.index]!.id, entry.score]));
  };

  it('counts the day of a short event, named without its year, for that event only', () => {
    const plain = scores('Russia delivered a first consignment of nuclear fuel to the Bushehr plant in Iran, Rosatom said.');
    const dated = scores('Russia delivered a first consignment of nuclear fuel to the Bushehr plant in Iran on 16 December, Rosatom said.');
    // The first shipment left on 16 December 2007; the plant's start-up took years, so no day names it.
    expect(dated.get('bushehr-fuel-shipments-2007-2008')! - plain.get('bushehr-fuel-shipments-2007-2008')!).toBeCloseTo(1, 5);
    expect(dated.get('bushehr-startup-2010-2013')).toBe(plain.get('bushehr-startup-2010-2013'));
  });

  it('places a sentence naming someone who had left every office before an event away from it', () => {
    const withRaisi = scores('President Ebrahim Raisi and Lavrov discussed the Rasht–Astara railway in Moscow.');
    const without = scores('Lavrov discussed the Rasht–Astara railway in Moscow.');
    // Raisi died in May 2024: the December 2025 consultations cannot be what a sentence naming him reports.
    expect(withRaisi.get('lavrov-araghchi-moscow-2025-12')!).toBeLessThan(without.get('lavrov-araghchi-moscow-2025-12')!);
  });
});
