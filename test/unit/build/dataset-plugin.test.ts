/** A malformed dataset must fail a real Vite build, naming the JSON path of the bad field; a good one makes the engine's files. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { datasetPlugin } from '../../../src/build/dataset-plugin.ts';
import { engineFromArtifact, readEngineArtifact } from '../../../src/core/engine/engine-artifact.ts';
import { ENGINE_FILES } from '../../../src/shared/engine-files.ts';

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/dataset-minimal');
let workDir = '';

afterEach(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function buildWith(dataDir: string, engineFiles = false) {
  const entry = join(workDir, 'entry.js');
  writeFileSync(entry, "import dataset from 'virtual:lens-dataset'; console.log(dataset.claims.length);");
  return build({
    configFile: false,
    logLevel: 'silent',
    plugins: [datasetPlugin({ dataDir, engineFiles })],
    build: { write: false, lib: { entry, formats: ['es'], fileName: 'out' } },
  });
}

describe('the dataset build step', () => {
  it('builds valid data into the bundle', async () => {
    workDir = mkdtempSync(join(tmpdir(), 'lens-dataset-'));
    const output = (await buildWith(FIXTURE)) as { output: { code?: string }[] }[];
    expect(JSON.stringify(output)).toContain('example-railway-claim');
  });

  it('fails on a malformed dataset and names the file and JSON path', async () => {
    workDir = mkdtempSync(join(tmpdir(), 'lens-dataset-'));
    const dataDir = join(workDir, 'data');
    cpSync(FIXTURE, dataDir, { recursive: true });
    const chapterPath = join(dataDir, 'chapters', 'example.json');
    const chapter = JSON.parse(readFileSync(chapterPath, 'utf8'));
    chapter.claims[0].sources = ['cov-missing'];
    writeFileSync(chapterPath, JSON.stringify(chapter));
    await expect(buildWith(dataDir)).rejects.toThrow(/chapters\/example\.json: \$\.claims\[0\]\.sources\[0\]: unknown coverage id "cov-missing"/);
  });

  it('writes the engine as two files of the build when asked, and they make the engine', async () => {
    workDir = mkdtempSync(join(tmpdir(), 'lens-dataset-'));
    const [bundle] = (await buildWith(FIXTURE, true)) as { output: { fileName: string; source?: string | Uint8Array }[] }[];
    const file = (name: string) => bundle!.output.find((output) => output.fileName === name)?.source;
    const [json, automaton] = [file(ENGINE_FILES.json), file(ENGINE_FILES.automaton)];
    expect(typeof json).toBe('string');
    expect(automaton).toBeInstanceOf(Uint8Array);
    const engine = engineFromArtifact(readEngineArtifact({ json: json as string, automaton: automaton as Uint8Array }));
    expect(engine.claimsById.has('example-railway-claim')).toBe(true);
    expect(engine.terms.patternCount).toBeGreaterThan(0);
    // Without the option (the content scripts' own builds, the tests'), no file is written.
    const [plain] = (await buildWith(FIXTURE)) as { output: { fileName: string }[] }[];
    expect(plain!.output.map((output) => output.fileName).filter((name) => name.startsWith('engine/'))).toEqual([]);
  });
});
