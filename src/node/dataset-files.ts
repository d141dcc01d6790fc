/**
 * Reads the dataset's source files from disk and assembles them (Node only: the build,
 * the CLI and the tests). The extension itself ships the result and never validates at page load.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleDataset, type AssembleResult, type DatasetIssue, type SourceDocument } from '../core/dataset/assemble.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** LENS_DATA_DIR lets tests build against a small dataset of their own. */
export const DATA_DIR = process.env.LENS_DATA_DIR ? resolve(process.env.LENS_DATA_DIR) : join(PROJECT_ROOT, 'src', 'data');

/** Source files in a stable order: actors, lexicon, then chapters by name. */
export function datasetSourcePaths(dataDir = DATA_DIR): string[] {
  const chapterDir = join(dataDir, 'chapters');
  const chapters = readdirSync(chapterDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(chapterDir, name));
  return [join(dataDir, 'actors.json'), join(dataDir, 'lexicon.json'), ...chapters];
}

interface DatasetSources {
  documents: SourceDocument[];
  /** Files that could not be read or are not JSON at all. */
  problems: DatasetIssue[];
  text: string;
}

export function readDatasetSources(dataDir = DATA_DIR): DatasetSources {
  const documents: SourceDocument[] = [];
  const problems: DatasetIssue[] = [];
  let text = '';
  for (const path of datasetSourcePaths(dataDir)) {
    const display = relative(PROJECT_ROOT, path);
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch (error) {
      problems.push({ path: display, message: `cannot read: ${(error as Error).message}` });
      continue;
    }
    text += raw;
    try {
      documents.push({ path: display, json: JSON.parse(raw) as unknown });
    } catch (error) {
      problems.push({ path: `${display}: $`, message: `not valid JSON: ${(error as Error).message}` });
    }
  }
  return { documents, problems, text };
}

/** Assembles src/data; the version is the package version plus a hash of the sources. */
export function loadDataset(dataDir = DATA_DIR): AssembleResult {
  const { documents, problems, text } = readDatasetSources(dataDir);
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
  const result = assembleDataset(documents, `${pkg.version}+${hash}`);
  // Files that could not be read are reported together with what is wrong in the others.
  if (problems.length === 0) return result;
  return { ok: false, errors: [...problems, ...(result.ok ? [] : result.errors)], warnings: result.warnings };
}

export function formatIssues(issues: readonly { path: string; message: string }[]): string {
  return issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n');
}
