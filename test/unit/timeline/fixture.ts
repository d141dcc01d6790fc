/** The real dataset and its timeline, built once per test file, and a tiny hand-made dataset. */
import type { Dataset } from '../../../src/core/dataset/schema.ts';
import { formatIssues, loadDataset } from '../../../src/node/dataset-files.ts';
import { buildTimeline, type Timeline } from '../../../src/timeline/model/timeline.ts';

let cached: { dataset: Dataset; timeline: Timeline } | null = null;

export function realTimeline(): { dataset: Dataset; timeline: Timeline } {
  if (cached) return cached;
  const result = loadDataset();
  if (!result.ok) throw new Error(`the dataset in src/data is invalid:\n${formatIssues(result.errors)}`);
  cached = { dataset: result.dataset, timeline: buildTimeline(result.dataset) };
  return cached;
}

const signature = { all: [['c:satellite'], ['a:iran']], any: [], minAny: 0, phrases: [] };

export const tinyDataset = {
  version: 't',
  concepts: {},
  actors: [
    { id: 'vladimir-putin', kind: 'person', name: 'Vladimir Putin', aliases: ['Putin'], names: { en: 'Vladimir Putin', ru: 'Владимир Путин', fa: 'ولادیمیر پوتین' }, roles: [], description: 'x' },
    { id: 'iran', kind: 'state', name: 'Iran', aliases: [], names: { en: 'Iran', ru: 'Иран', fa: 'ایران' }, roles: [], description: 'y', wikidata: 'Q794' },
  ],
  events: [
    { id: 'launch', date: '2022-08-09', precision: 'day', title: 'Soyuz puts a satellite into orbit', summary: 'A launch.', actors: ['iran'], sources: ['s1'] },
    { id: 'talks', date: '2023-12', precision: 'month', title: 'Leaders hold talks', summary: 'They met, "as planned".', actors: ['vladimir-putin'], place: 'Moscow', sources: ['s2'] },
    { id: 'quiet', date: '2024', precision: 'year', title: 'Nothing in particular', summary: 'No signal words at all.', actors: [], sources: ['s2'] },
  ],
  claims: [
    { id: 'c1', text: 'The satellite reached orbit.', eventIds: ['launch'], actors: ['iran'], attribution: 'Iran Space Agency', date: '2022-08-09', status: 'officially-stated', context: 'It works.', sources: ['s1'], match: signature },
    { id: 'c2', text: '=HYPERLINK("x") talks went well', eventIds: ['talks'], actors: ['vladimir-putin'], attribution: 'Kremlin', date: '2023-12-07', status: 'reported', context: 'Later.', sources: ['s2'], match: signature },
  ],
  coverage: [
    { id: 's1', outlet: 'Outlet One', title: 'Спутник на орбите', date: '2022-08-09', language: 'ru', url: 'https://example.org/a', claims: ['c1'], events: ['launch'] },
    { id: 's2', outlet: 'Outlet, Two', title: 'Talks "held"', date: '2023-12-08', language: 'en', urlNote: 'address not found', claims: ['c2'], events: ['talks', 'quiet'] },
  ],
} as unknown as Dataset;
