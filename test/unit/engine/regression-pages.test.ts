/**
 * The regression set (test/fixtures/pages): articles of our own in ten languages with the
 * claims a reader would find in them, and hard negatives. Compared on every run:
 * - relevance must be right on every page;
 * - every expected claim must be found on its sentence, except the `knownMisses` listed in the
 *   page's expected file (the test fails when a known miss starts being found, so the list
 *   stays true);
 * - every highlight must carry a claim the page states (a headline restating one is fine).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotateDocument } from '../../../src/node/annotate-document.ts';
import { realEngine } from './real-dataset.ts';

const PAGES = resolve(import.meta.dirname, '../../fixtures/pages');

interface Expected {
  relevant: boolean;
  language: string;
  claims: { claimId: string; sentence: string }[];
  knownMisses?: string[];
}

const pages = readdirSync(PAGES)
  .filter((name) => name.endsWith('.html'))
  .sort()
  .map((name) => ({ name, expected: JSON.parse(readFileSync(resolve(PAGES, name.replace(/\.html$/, '.expected.json')), 'utf8')) as Expected }));

describe('regression pages', () => {
  it('has relevant pages in at least eight languages and hard negatives', () => {
    expect(new Set(pages.filter((page) => page.expected.relevant).map((page) => page.expected.language)).size).toBeGreaterThanOrEqual(8);
    expect(pages.filter((page) => !page.expected.relevant).length).toBeGreaterThanOrEqual(5);
  });

  for (const { name, expected } of pages) {
    it(`${name}: ${expected.relevant ? 'relevant' : 'not relevant'}, claims as expected`, () => {
      const { engine } = realEngine();
      const { annotation } = annotateDocument(engine, readFileSync(resolve(PAGES, name), 'utf8'), 'html');
      expect(annotation.relevant).toBe(expected.relevant);
      expect(annotation.language).toBe(expected.language);
      const found = (claim: Expected['claims'][number]) => annotation.claims.some((match) => match.claimId === claim.claimId && match.text.includes(claim.sentence));
      const known = new Set(expected.knownMisses ?? []);
      expect(expected.claims.filter((claim) => !found(claim) && !known.has(claim.claimId)).map((claim) => claim.claimId)).toEqual([]);
      expect(expected.claims.filter((claim) => found(claim) && known.has(claim.claimId)).map((claim) => `${claim.claimId} is found now: remove it from knownMisses`)).toEqual([]);
      const stated = new Set(expected.claims.map((claim) => claim.claimId));
      // Dataset claims (tier "claim") must be ones the page states; event mentions and detected claims are scored on the eval sets.
      expect(annotation.claims.filter((match) => match.claimId && !stated.has(match.claimId)).map((match) => `${match.claimId}: ${match.text.slice(0, 80)}`)).toEqual([]);
    });
  }
});
