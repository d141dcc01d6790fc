/**
 * Packs dist/chrome and dist/firefox into store-ready zips (dist/russia-iran-lens-<browser>-<version>.zip),
 * with files in a stable order and fixed timestamps so identical builds give identical zips.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { TARGET_BROWSERS } from './browser-manifest.ts';

const root = new URL('../..', import.meta.url).pathname;
const FIXED_TIME = new Date('2025-01-01T00:00:00Z');

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
for (const browser of TARGET_BROWSERS) {
  const dir = join(root, 'dist', browser);
  const files: Zippable = {};
  for (const path of listFiles(dir)) files[relative(dir, path)] = [readFileSync(path), { mtime: FIXED_TIME }];
  const zipPath = join(root, 'dist', `russia-iran-lens-${browser}-${version}.zip`);
  writeFileSync(zipPath, zipSync(files, { level: 9 }));
  process.stdout.write(`${relative(root, zipPath)}  ${(statSync(zipPath).size / 1024).toFixed(1)} KiB\n`);
}
