/**
 * Vite plugin behind `virtual:lens-dataset`, `virtual:lens-engine-data` and `virtual:lens-precheck`: assembles and validates
 * src/data at build time, so a malformed dataset fails the build with the JSON path of the bad
 * field and the extension ships data that needs no validation (and no zod) at page load.
 */
import type { Plugin } from 'vite';
import type { Dataset } from '../core/dataset/schema.ts';
import { compileEventProfiles } from '../core/engine/event-index.ts';
import { precheckPatterns } from '../core/engine/precheck-patterns.ts';
import { buildTermIndex, compileTerms } from '../core/engine/term-index.ts';
import { datasetSourcePaths, formatIssues, loadDataset } from '../node/dataset-files.ts';

/** The validated dataset, for the UI pages. */
const DATASET_ID = 'virtual:lens-dataset';
/** The dataset without its lexicon, plus its vocabulary folded and ready: for the content script. */
const ENGINE_ID = 'virtual:lens-engine-data';
/** The precheck's two patterns, from the same vocabulary (see precheck-patterns.ts). */
const PRECHECK_ID = 'virtual:lens-precheck';
const RESOLVED = new Map([DATASET_ID, ENGINE_ID, PRECHECK_ID].map((id) => [id, `\0${id}`]));

/** What the page needs at run time: names, aliases, phrases and the lexicon are already in the compiled terms. */
export function runtimeDataset(dataset: Dataset): Dataset {
  return {
    ...dataset,
    concepts: {},
    actors: dataset.actors.map(({ names, aliases: _aliases, matchTerms: _matchTerms, ...actor }) => ({ ...actor, aliases: [], names: { en: names.en, ru: names.ru, fa: names.fa } })),
    claims: dataset.claims.map((claim) => ({ ...claim, match: { ...claim.match, phrases: [] } })),
  };
}

export function datasetPlugin(options: { dataDir?: string } = {}): Plugin {
  // Both virtual modules come from one assembly per build (the files are read and validated once).
  let assembled: ReturnType<typeof loadDataset> | null = null;
  return {
    name: 'lens:dataset',
    buildStart() {
      assembled = null;
    },
    watchChange() {
      assembled = null;
    },
    resolveId(id) {
      return RESOLVED.get(id) ?? null;
    },
    load(id) {
      if (![...RESOLVED.values()].includes(id)) return null;
      for (const path of datasetSourcePaths(options.dataDir)) this.addWatchFile(path);
      const result = (assembled ??= loadDataset(options.dataDir));
      if (!result.ok) {
        this.error(`The dataset is invalid (${result.errors.length} problems):\n${formatIssues(result.errors)}`);
      }
      // JSON.parse of one string literal is parsed faster than the same data as an object literal.
      if (id === RESOLVED.get(DATASET_ID)) return `export default JSON.parse(${JSON.stringify(JSON.stringify(result.dataset))});`;
      if (id === RESOLVED.get(PRECHECK_ID)) {
        const { russia, iran } = precheckPatterns(result.dataset);
        return `export const russiaPattern = ${JSON.stringify(russia)};\nexport const iranPattern = ${JSON.stringify(iran)};`;
      }
      // The background keeps this as a JSON string and hands it to a content script only on pages that
      // pass the pre-check: the content script itself stays small, so no page pays to load it.
      const terms = compileTerms(result.dataset);
      const events = compileEventProfiles(result.dataset, buildTermIndex(terms).automaton);
      const engineData = { dataset: runtimeDataset(result.dataset), terms, events };
      return `export const engineDataJson = ${JSON.stringify(JSON.stringify(engineData))};`;
    },
  };
}
