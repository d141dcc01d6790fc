/** Counts for `npm run dataset -- --stats` and the options page's "about the dataset". */
import type { Dataset } from './schema.ts';

export interface DatasetStats {
  readonly counts: Record<'actors' | 'events' | 'claims' | 'coverage' | 'concepts', number>;
  readonly coverageByLanguage: Record<string, number>;
  readonly actorNamesByLanguage: Record<string, number>;
  readonly outlets: readonly string[];
  readonly coverageWithUrl: number;
  readonly claimsByStatus: Record<string, number>;
  readonly byYear: Record<string, { events: number; claims: number; coverage: number }>;
  readonly dateRange: { readonly from: string; readonly to: string } | null;
  /** The dataset is current to this date: the newest date of any event, claim or source. */
  readonly asOf: string | null;
  /** How the sources were checked (see `checked` in the schema); `unrecorded` have no record yet. */
  readonly coverageChecked: Record<'stored-copy' | 'publisher-page' | 'not-found' | 'unrecorded', number>;
}

/**
 * The newest date anywhere in the dataset (events, their end dates, claims and sources):
 * what the dataset is current to. Partial dates sort correctly as text.
 */
export function datasetAsOf(dataset: Pick<Dataset, 'events' | 'claims' | 'coverage'>): string | null {
  let newest: string | null = null;
  const consider = (date: string | undefined) => {
    if (date !== undefined && (newest === null || date > newest)) newest = date;
  };
  for (const event of dataset.events) {
    consider(event.date);
    consider(event.endDate);
  }
  for (const claim of dataset.claims) consider(claim.date);
  for (const item of dataset.coverage) consider(item.date);
  return newest;
}

function increment(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

export function datasetStats(dataset: Dataset): DatasetStats {
  const coverageByLanguage: Record<string, number> = {};
  const actorNamesByLanguage: Record<string, number> = {};
  const claimsByStatus: Record<string, number> = {};
  const byYear: Record<string, { events: number; claims: number; coverage: number }> = {};
  const year = (date: string) => (byYear[date.slice(0, 4)] ??= { events: 0, claims: 0, coverage: 0 });

  const coverageChecked = { 'stored-copy': 0, 'publisher-page': 0, 'not-found': 0, unrecorded: 0 };
  for (const item of dataset.coverage) {
    increment(coverageByLanguage, item.language);
    year(item.date).coverage++;
    coverageChecked[item.checked?.how ?? 'unrecorded']++;
  }
  for (const actor of dataset.actors) {
    for (const [language, name] of Object.entries(actor.names)) if (name?.trim()) increment(actorNamesByLanguage, language);
  }
  for (const claim of dataset.claims) {
    increment(claimsByStatus, claim.status);
    year(claim.date).claims++;
  }
  for (const event of dataset.events) year(event.date).events++;

  const eventDates = dataset.events.map((event) => event.endDate ?? event.date).concat(dataset.events.map((event) => event.date)).sort();
  const sortedYears = Object.fromEntries(Object.entries(byYear).sort(([a], [b]) => a.localeCompare(b)));
  return {
    counts: {
      actors: dataset.actors.length,
      events: dataset.events.length,
      claims: dataset.claims.length,
      coverage: dataset.coverage.length,
      concepts: Object.keys(dataset.concepts).length,
    },
    coverageByLanguage,
    actorNamesByLanguage,
    outlets: [...new Set(dataset.coverage.map((item) => item.outlet))].sort(),
    coverageWithUrl: dataset.coverage.filter((item) => item.url).length,
    claimsByStatus,
    byYear: sortedYears,
    dateRange: eventDates.length ? { from: eventDates[0]!, to: eventDates[eventDates.length - 1]! } : null,
    asOf: datasetAsOf(dataset),
    coverageChecked,
  };
}
