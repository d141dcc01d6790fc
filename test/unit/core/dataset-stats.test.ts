import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleDataset } from '../../../src/core/dataset/assemble.ts';
import { datasetAsOf, datasetStats } from '../../../src/core/dataset/stats.ts';

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/dataset-minimal');
const read = (path: string) => JSON.parse(readFileSync(resolve(FIXTURE, path), 'utf8'));

function fixtureDataset(edit: (chapter: any) => void = () => {}) {
  const chapter = read('chapters/example.json');
  edit(chapter);
  const result = assembleDataset(
    [
      { path: 'actors.json', json: read('actors.json') },
      { path: 'lexicon.json', json: read('lexicon.json') },
      { path: 'chapters/example.json', json: chapter },
    ],
    'test',
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.dataset;
}

describe('datasetStats', () => {
  it('is current to the newest date of any event, claim or source', () => {
    // The fixture's newest date is its source's, a day after the event and claim.
    expect(datasetAsOf(fixtureDataset())).toBe('2023-05-18');
    const withLaterEventEnd = fixtureDataset((chapter) => (chapter.events[0].endDate = '2023-06-01'));
    expect(datasetStats(withLaterEventEnd).asOf).toBe('2023-06-01');
  });

  it('counts sources by how they were checked, and those with no record', () => {
    const unchecked = datasetStats(fixtureDataset());
    expect(unchecked.coverageChecked).toEqual({ 'stored-copy': 0, 'publisher-page': 0, 'not-found': 0, unrecorded: 1 });
    const checked = datasetStats(fixtureDataset((chapter) => (chapter.coverage[0].checked = { on: '2026-11-30', how: 'not-found' })));
    expect(checked.coverageChecked).toEqual({ 'stored-copy': 0, 'publisher-page': 0, 'not-found': 1, unrecorded: 0 });
  });
});
