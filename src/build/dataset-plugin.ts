/**
 * Vite plugin behind `virtual:lens-dataset`, `virtual:lens-engine-data` and `virtual:lens-precheck`: assembles and validates
 * src/data at build time, so a malformed dataset fails the build with the JSON path of the bad
 * field and the extension ships data that needs no validation (and no zod) at page load.
 */
import type { Plugin } from 'vite';
import { buildEngineArtifact, shipEngineArtifact } from '../core/engine/engine-artifact.ts';
import { precheckPatterns } from '../core/engine/precheck-patterns.ts';
import { datasetSourcePaths, formatIssues, loadDataset } from '../node/dataset-files.ts';

/** The validated dataset, for the UI pages. */
const DATASET_ID = 'virtual:lens-dataset';
/** The engine precompiled (see core/engine/engine-artifact.ts): for the background only. */
const ENGINE_ID = 'virtual:lens-engine-data';
/** The precheck's two patterns, from the same vocabulary (see precheck-patterns.ts). */
const PRECHECK_ID = 'virtual:lens-precheck';
const RESOLVED = new Map([DATASET_ID, ENGINE_ID, PRECHECK_ID].map((id) => [id, `\0${id}`]));

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
        return `export const precheckPatterns = ${JSON.stringify(precheckPatterns(result.dataset))};`;
      }
      // Only the background imports this, and parses it when a page first needs the engine.
      const { json, automatonData } = shipEngineArtifact(buildEngineArtifact(result.dataset));
      return `export const engineArtifactJson = ${JSON.stringify(json)};\nexport const engineAutomatonData = ${JSON.stringify(automatonData)};`;
    },
  };
}
