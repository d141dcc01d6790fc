/** A malformed dataset must fail a real Vite build, naming the JSON path of the bad field. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { datasetPlugin } from '../../../src/build/dataset-plugin.ts';

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/dataset-minimal');
let workDir = '';

afterEach(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function buildWith(dataDir: string) {
  const entry = join(workDir, 'entry.js');
  writeFileSync(entry, "import dataset from 'virtual:lens-dataset'; console.log(dataset.claims.length);");
  return build({
    configFile: false,
    logLevel: 'silent',
    plugins: [datasetPlugin({ dataDir })],
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
});
