/**
 * A 2026 report of Putin's reaction to the killing of Ali Khamenei (our own words, written for
 * this test) must be relevant, have its key sentence marked and linked to the 2026 event, and
 * link no sentence to a claim dated 2025 or earlier: a 2026 text about the war is not evidence
 * for the claims of June 2025, however alike the words.
 */
import { describe, expect, it } from 'vitest';
import { annotatePage } from '../../../src/core/engine/annotate.ts';
import { pageFromText } from '../../../src/node/annotate-document.ts';
import { realEngine } from './real-dataset.ts';

const REPORT = `Moscow reacts to the death of Iran's leader

MOSCOW, 1 March 2026. Russian President Vladimir Putin on Sunday condemned the killing of Iran's Supreme Leader Ali Khamenei in the American and Israeli air strikes, describing it as a cynical murder that broke every norm of morality and international law.

In a letter to Iranian President Masoud Pezeshkian published by the Kremlin, Putin offered his condolences and said Khamenei would be remembered in Russia as an outstanding statesman.

The Kremlin did not say whether Moscow would offer Tehran anything beyond words. Russia and Iran signed a strategic partnership treaty last year, but it contains no obligation to defend each other.`;

describe("a 2026 report of Putin's reaction to the killing of Khamenei", () => {
  const { engine, dataset } = realEngine();
  const page = { ...pageFromText(REPORT), publishedDate: '2026-03-01' };
  const annotation = annotatePage(engine, page);
  const claimsById = new Map(dataset.claims.map((claim) => [claim.id, claim]));

  it('is relevant', () => {
    expect(annotation.relevant).toBe(true);
  });

  it('marks the key sentence and links it to the 2026 event', () => {
    const key = annotation.claims.filter((match) => match.text.includes('cynical murder'));
    expect(key.map((match) => match.tier)).toContain('claim');
    expect(key.flatMap((match) => match.eventIds)).toContain('putin-condolences-khamenei-2026');
  });

  it('links no sentence to a claim dated 2025 or earlier', () => {
    const older = annotation.claims
      .flatMap((match) => (match.claimId ? [{ claimId: match.claimId, date: claimsById.get(match.claimId)?.date ?? '' }] : []))
      .filter(({ date }) => date < '2026');
    expect(annotation.claims.some((match) => match.claimId)).toBe(true);
    expect(older).toEqual([]);
  });
});
