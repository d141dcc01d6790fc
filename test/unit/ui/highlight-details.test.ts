import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../../src/ui/claim-details.ts';
import { detectedDetails, eventMentionDetails, evidenceWords } from '../../../src/ui/highlight-details.ts';
import { realEngine } from '../engine/real-dataset.ts';

describe('highlight details', () => {
  const index = indexDataset(realEngine().dataset);

  it('say what counted in words a reader can read, without the two countries every highlight names', () => {
    expect(evidenceWords(index, ['a:russia', 'a:iran', 'a:vladimir-putin', 'c:kish-north-pars', 't:rasht*', 'y:2023', 'p:12'])).toEqual([
      'Vladimir Putin',
      'kish north pars',
      'rasht',
      '2023',
    ]);
  });

  it('give an event mention its event, its claims and its coverage', () => {
    const details = eventMentionDetails(index, 'rasht-astara-railway-2023', ['c:rasht']);
    expect(details?.event.id).toBe('rasht-astara-railway-2023');
    expect(details?.claims.length).toBeGreaterThan(0);
    expect(details?.claims.every((claim) => claim.eventIds.includes('rasht-astara-railway-2023'))).toBe(true);
    expect(details?.sources.length).toBeGreaterThan(0);
    expect(details?.why).toEqual(['rasht']);
    expect(eventMentionDetails(index, 'no-such-event')).toBeNull();
  });

  it('give a detected claim the recognised actors and years, and its nearest events only as such', () => {
    const details = detectedDetails(index, { tier: 'detected', eventIds: [], nearEventIds: ['rasht-astara-railway-2023', 'gone'], evidence: ['a:vladimir-putin', 'y:2024'] });
    expect(details.actors.map((actor) => actor.id)).toEqual(['vladimir-putin']);
    expect(details.years).toEqual([2024]);
    expect(details.nearEvents.map((event) => event.id)).toEqual(['rasht-astara-railway-2023']);
  });
});
