/**
 * The engine the background builds from the build's artifact must be the engine: the same
 * annotation, claim for claim, as one compiled from the dataset in place, on every page of
 * the regression set; and the artifact must survive the way it ships (a JSON file, and the automaton's bytes beside it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/core/engine/annotate.ts';
import { buildEngineArtifact, engineFromArtifact, readEngineArtifact, shipEngineArtifact, type EngineArtifact } from '../../../src/core/engine/engine-artifact.ts';
import { annotateDocument } from '../../../src/node/annotate-document.ts';
import { realEngine } from './real-dataset.ts';

const PAGES = resolve(import.meta.dirname, '../../fixtures/pages');

describe('the precompiled engine artifact', () => {
  const { dataset, engine } = realEngine();
  const shipped = shipEngineArtifact(buildEngineArtifact(dataset));
  const artifact = readEngineArtifact(shipped);
  const loaded = engineFromArtifact(artifact);

  it('carries the automaton and the Intl tables, not the vocabulary to fold', () => {
    expect(artifact.terms.automaton.nodeCount).toBeGreaterThan(10_000);
    // The automaton's bytes ship as a file of their own, beside the JSON, not in it.
    const { nodeCount, patternCount } = artifact.terms.automaton;
    expect(shipped.automaton.byteLength).toBe(nodeCount * 10 + patternCount * 5);
    expect((JSON.parse(shipped.json) as EngineArtifact).terms.automaton).toEqual({ nodeCount, patternCount, payloadCount: artifact.terms.refs.length });
    expect(artifact.dateNames.months.some(([name, month]) => name === 'июля' && month === 7)).toBe(true);
    expect(artifact.countryNames.de?.some(([name, code]) => name === 'frankreich' && code === 'FR')).toBe(true);
    expect(artifact.dataset.claims.every((claim) => claim.match.phrases.length === 0)).toBe(true);
    // The signature groups ship compiled: literal terms folded ("t:Bushehr" is the key "t:bushehr"), no raw groups beside them.
    expect(artifact.dataset.claims.every((claim) => claim.match.all.length === 0 && claim.match.any.length === 0)).toBe(true);
    expect(artifact.claimRefs).toHaveLength(dataset.claims.length);
    const literals = artifact.claimRefs.flatMap(({ all, any }) => [...all, ...any].flat()).filter((ref): ref is string => typeof ref === 'string' && ref.startsWith('t:'));
    expect(literals.length).toBeGreaterThan(100);
    expect(literals.filter((ref) => ref !== ref.toLowerCase())).toEqual([]);
    expect(loaded.terms.patternCount).toBe(engine.terms.patternCount);
  });

  it('refuses compiled groups that do not line up with the claims', () => {
    expect(() => createEngine(artifact.dataset, { terms: artifact.terms, events: artifact.events, claimRefs: artifact.claimRefs.slice(1) })).toThrow(/compiled claims for/);
  });

  for (const name of readdirSync(PAGES).filter((file) => file.endsWith('.html')).sort()) {
    it(`annotates ${name} exactly as the engine compiled in place`, () => {
      const html = readFileSync(resolve(PAGES, name), 'utf8');
      expect(annotateDocument(loaded, html, 'html').annotation).toEqual(annotateDocument(engine, html, 'html').annotation);
    });
  }
});
