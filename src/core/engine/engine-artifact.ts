/**
 * The engine as the build ships it: the dataset the engine reads at run time, the automaton
 * already built and serialized, and the month, weekday and country names already asked of
 * Intl. The background turns it into an engine in one pass (`engineFromArtifact`), so a
 * service worker woken from sleep is ready in milliseconds instead of building everything.
 */
import type { Dataset } from '../dataset/schema.ts';
import { LANGUAGES } from '../dataset/languages.ts';
import { computeDateNameTables, useDateNameTables, type DateNameTables } from '../dates/extract-dates.ts';
import { computeCountryNames, useCountryNames, type CountryNameTable } from '../text/countries.ts';
import { createEngine, type Engine } from './annotate.ts';
import { compileClaimRefs, type ClaimRefs } from './claim-signatures.ts';
import { compileEventProfiles, type EventProfile } from './event-index.ts';
import { buildTermIndex, compileTerms, precompileTerms, type PrecompiledTerms } from './term-index.ts';

export interface EngineArtifact {
  readonly dataset: Dataset;
  readonly terms: PrecompiledTerms;
  /** The events' vocabulary profiles (see event-index.ts), computed with the same automaton. */
  readonly events: readonly EventProfile[];
  /** The claims' signature groups with their literal terms folded (see claim-signatures.ts). */
  readonly claimRefs: readonly ClaimRefs[];
  readonly dateNames: DateNameTables;
  readonly countryNames: CountryNameTable;
}

/**
 * What the engine needs of the dataset at run time: names, aliases, match terms and phrases
 * are in the compiled automaton already, and the lexicon too; the claims' signature groups
 * are in `claimRefs`.
 */
export function runtimeDataset(dataset: Dataset): Dataset {
  return {
    ...dataset,
    concepts: {},
    actors: dataset.actors.map(({ names, aliases: _aliases, matchTerms: _matchTerms, ...actor }) => ({ ...actor, aliases: [], names: { en: names.en, ru: names.ru, fa: names.fa } })),
    claims: dataset.claims.map((claim) => ({ ...claim, match: { ...claim.match, all: [], any: [], phrases: [] } })),
  };
}

/** Build time (Node): everything that can be computed before the extension runs. */
export function buildEngineArtifact(dataset: Dataset): EngineArtifact {
  const countryNames: Record<string, [string, string][]> = {};
  for (const language of LANGUAGES) countryNames[language] = computeCountryNames(language);
  const events = compileEventProfiles(dataset, buildTermIndex(compileTerms(dataset)).automaton);
  return { dataset: runtimeDataset(dataset), terms: precompileTerms(dataset), events, claimRefs: compileClaimRefs(dataset), dateNames: computeDateNameTables(), countryNames };
}

/**
 * The artifact as the build ships it, two files of the extension's package: JSON, and the automaton's bytes as they
 * are (no base64 to decode). The background reads them as it starts and builds the engine when a page first needs it:
 * as modules of its script they made every start of the service worker 50 ms slower, engine or not (see engine-host.ts).
 */
export interface ShippedEngineArtifact {
  readonly json: string;
  readonly automaton: Uint8Array;
}

export function shipEngineArtifact(artifact: EngineArtifact): ShippedEngineArtifact {
  const { bytes, ...automaton } = artifact.terms.automaton;
  return { json: JSON.stringify({ ...artifact, terms: { ...artifact.terms, automaton } }), automaton: bytes };
}

export function readEngineArtifact(shipped: ShippedEngineArtifact): EngineArtifact {
  const artifact = JSON.parse(shipped.json) as EngineArtifact;
  return { ...artifact, terms: { ...artifact.terms, automaton: { ...artifact.terms.automaton, bytes: shipped.automaton } } };
}

/** Run time: the engine, from the artifact alone (no Intl look-ups, no folding of the vocabulary). */
export function engineFromArtifact(artifact: EngineArtifact): Engine {
  useDateNameTables(artifact.dateNames);
  useCountryNames(artifact.countryNames);
  return createEngine(artifact.dataset, { terms: artifact.terms, events: artifact.events, claimRefs: artifact.claimRefs });
}
