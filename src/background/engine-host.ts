/**
 * The one engine of the extension, built in the background from the build's precompiled
 * artifact the first time a page needs it (and again after the service worker was stopped).
 * Pages never build or hold it: they send text and get offsets back.
 *
 * The artifact is two files of the package (`ENGINE_FILES`), read as the worker starts and
 * built into the engine when a page first needs it; not modules of the worker's script: 2.4 MB
 * of string literals there made every start of the worker about 50 ms slower (Chromium, 10
 * wakes each: 104–117 ms to the script's first statement, against 54–60 without them),
 * whatever woke it, and kept their text alive for the worker's life.
 */
import browser from 'webextension-polyfill';
import type { Engine } from '../core/engine/annotate.ts';
import { engineFromArtifact, readEngineArtifact } from '../core/engine/engine-artifact.ts';
import { ENGINE_FILES } from '../shared/engine-files.ts';

export interface EngineTiming {
  /** Milliseconds from asking for the two files to holding their contents (the worker's thread is free meanwhile). */
  readonly loadMs: number;
  /** Milliseconds spent building the engine from them: parsing the JSON included. */
  readonly buildMs: number;
  /** When it was ready, in milliseconds since this worker (or background page) started. */
  readonly readyAt: number;
}

let files: Promise<[json: string, automaton: ArrayBuffer]> | null = null;
let engine: Promise<Engine> | null = null;
let timing: EngineTiming | null = null;
let loadMs = 0;

/**
 * Starts reading the engine's files, without building it: the worker calls this as it starts, so that they are read
 * while the page loads (fetched only once a page had asked, they put 30–70 ms before its first highlight).
 */
export function loadEngineFiles(): void {
  if (!engine) files ??= readFiles();
}

function readFiles(): Promise<[json: string, automaton: ArrayBuffer]> {
  const started = performance.now();
  return Promise.all([packageFile(ENGINE_FILES.json).then((response) => response.text()), packageFile(ENGINE_FILES.automaton).then((response) => response.arrayBuffer())]).then((read) => {
    loadMs = performance.now() - started;
    return read;
  });
}

/** The engine, built on the first call; a failed build is tried again on the next (its files read again). */
export function getEngine(): Promise<Engine> {
  engine ??= buildEngine().catch((error: unknown) => {
    engine = null;
    throw error;
  });
  return engine;
}

async function buildEngine(): Promise<Engine> {
  const read = (files ??= readFiles());
  // Once read, the files are the engine's or nobody's: the JSON's text is garbage once parsed, and the automaton's
  // buffer stays as the engine's arrays.
  files = null;
  const [json, automaton] = await read;
  const started = performance.now();
  const built = engineFromArtifact(readEngineArtifact({ json, automaton: new Uint8Array(automaton) }));
  const readyAt = performance.now();
  timing = { loadMs, buildMs: readyAt - started, readyAt };
  return built;
}

async function packageFile(path: string): Promise<Response> {
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok) throw new Error(`the engine's file ${path} could not be read (${response.status})`);
  return response;
}

/** How long the engine took to load and build in this worker's life (null: not built yet). */
export function engineTiming(): EngineTiming | null {
  return timing;
}
