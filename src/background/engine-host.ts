/**
 * The one engine of the extension, built in the background from the build's precompiled
 * artifact the first time a page needs it (and again after the service worker was stopped).
 * Pages never build or hold it: they send text and get offsets back.
 */
import { engineArtifactJson, engineAutomatonData } from 'virtual:lens-engine-data';
import type { Engine } from '../core/engine/annotate.ts';
import { engineFromArtifact, readEngineArtifact } from '../core/engine/engine-artifact.ts';

export interface EngineTiming {
  /** Milliseconds spent building the engine from the artifact. */
  readonly buildMs: number;
  /** When it was ready, in milliseconds since this worker (or background page) started. */
  readonly readyAt: number;
}

let engine: Engine | null = null;
let timing: EngineTiming | null = null;

export function getEngine(): Engine {
  if (!engine) {
    const started = performance.now();
    engine = engineFromArtifact(readEngineArtifact({ json: engineArtifactJson, automatonData: engineAutomatonData }));
    const readyAt = performance.now();
    timing = { buildMs: readyAt - started, readyAt };
  }
  return engine;
}

/** How long the engine took to build in this worker's life (null: not built yet). */
export function engineTiming(): EngineTiming | null {
  return timing;
}
