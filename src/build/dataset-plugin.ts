/**
 * Vite plugin behind `virtual:lens-dataset` and `virtual:lens-precheck`, and the writer of the engine's two files:
 * assembles and validates src/data at build time, so a malformed dataset fails the build with the JSON path of the bad
 * field and the extension ships data that needs no validation (and no zod) at page load.
 */
import type { Plugin } from 'vite';
import { buildEngineArtifact, shipEngineArtifact } from '../core/engine/engine-artifact.ts';
import { precheckPatterns } from '../core/engine/precheck-patterns.ts';
import type { Dataset } from '../core/dataset/schema.ts';
import { datasetSourcePaths, formatIssues, loadDataset } from '../node/dataset-files.ts';
import { ENGINE_FILES } from '../shared/engine-files.ts';

/** The validated dataset, for the UI pages. */
const DATASET_ID = 'virtual:lens-dataset';
/** The precheck's two patterns, from the same vocabulary (see precheck-patterns.ts). */
const PRECHECK_ID = 'virtual:lens-precheck';
const RESOLVED = new Map([DATASET_ID, PRECHECK_ID].map((id) => [id, `\0${id}`]));

export interface DatasetPluginOptions {
  readonly dataDir?: string;
  /**
   * Write the engine precompiled (see core/engine/engine-artifact.ts) as files of the build, for the background to
   * fetch (`ENGINE_FILES`): the extension's own build asks for them, its sub-builds and the tests' do not.
   */
  readonly engineFiles?: boolean;
}

export function datasetPlugin(options: DatasetPluginOptions = {}): Plugin {
  // The virtual modules and the engine's files come from one assembly per build (the files are read and validated once).
  let assembled: ReturnType<typeof loadDataset> | null = null;
  const validDataset = (fail: (message: string) => never): Dataset => {
    const result = (assembled ??= loadDataset(options.dataDir));
    if (!result.ok) return fail(`The dataset is invalid (${result.errors.length} problems):\n${formatIssues(result.errors)}`);
    return result.dataset;
  };
  return {
    name: 'lens:dataset',
    buildStart() {
      assembled = null;
      if (options.engineFiles) for (const path of datasetSourcePaths(options.dataDir)) this.addWatchFile(path);
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
      const dataset = validDataset((message) => this.error(message));
      if (id === RESOLVED.get(PRECHECK_ID)) return `export const precheckPatterns = ${JSON.stringify(precheckPatterns(dataset))};`;
      // JSON.parse of one string literal is parsed faster than the same data as an object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(dataset))});`;
    },
    generateBundle() {
      if (!options.engineFiles) return;
      const { json, automaton } = shipEngineArtifact(buildEngineArtifact(validDataset((message) => this.error(message))));
      this.emitFile({ type: 'asset', fileName: ENGINE_FILES.json, source: json });
      this.emitFile({ type: 'asset', fileName: ENGINE_FILES.automaton, source: automaton });
    },
  };
}
