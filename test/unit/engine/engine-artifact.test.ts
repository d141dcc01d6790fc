/**
 * The engine the background builds from the build's artifact must be the engine: the same
 * annotation, claim for claim, as one compiled from the dataset in place, on every page of
 * the regression set; and the artifact must survive JSON (it ships as a JSON string).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEngineArtifact, engineFromArtifact, type EngineArtifact } from '../../../src/core/engine/engine-artifact.ts';
import { annotateDocument } from '../../../src/node/annotate-document.ts';
import { realEngine } from './real-dataset.ts';

const PAGES = resolve(import.meta.dirname, '../../fixtures/pages');

describe('the precompiled engine artifact', () => {
  const { dataset, engine } = realEngine();
  const artifact = JSON.parse(JSON.stringify(buildEngineArtifact(dataset))) as EngineArtifact;
  const loaded = engineFromArtifact(artifact);

  it('carries the automaton and the Intl tables, not the vocabulary to fold', () => {
    expect(artifact.terms.automaton.nodeCount).toBeGreaterThan(10_000);
    expect(artifact.dateNames.months.some(([name, month]) => name === 'июля' && month === 7)).toBe(true);
    expect(artifact.countryNames.de?.some(([name, code]) => name === 'frankreich' && code === 'FR')).toBe(true);
    expect(artifact.dataset.claims.every((claim) => claim.match.phrases.length === 0)).toBe(true);
    expect(loaded.terms.patternCount).toBe(engine.terms.patternCount);
  });

  for (const name of readdirSync(PAGES).filter((file) => file.endsWith('.html')).sort()) {
    it(`annotates ${name} exactly as the engine compiled in place`, () => {
      const html = readFileSync(resolve(PAGES, name), 'utf8');
      expect(annotateDocument(loaded, html, 'html').annotation).toEqual(annotateDocument(engine, html, 'html').annotation);
    });
  }
});
