/** Search over the dataset's actors, events and claims, accent- and case-insensitive, in any script. */
import type { Dataset } from '../core/dataset/schema.ts';
import { foldTerm } from '../core/text/normalize.ts';

export interface SearchHit {
  readonly kind: 'actor' | 'event' | 'claim';
  readonly id: string;
  readonly title: string;
  readonly detail: string;
  readonly date?: string;
}

interface Entry extends SearchHit {
  readonly haystack: string;
}

export function buildSearchIndex(dataset: Dataset): readonly Entry[] {
  return [
    ...dataset.actors.map((actor) => ({
      kind: 'actor' as const,
      id: actor.id,
      title: actor.name,
      detail: actor.description,
      haystack: foldTerm([actor.name, ...actor.aliases, ...Object.values(actor.names), actor.description].join(' | ')),
    })),
    ...dataset.events.map((event) => ({ kind: 'event' as const, id: event.id, title: event.title, detail: event.summary, date: event.date, haystack: foldTerm(`${event.title} | ${event.summary} | ${event.place ?? ''}`) })),
    ...dataset.claims.map((claim) => ({ kind: 'claim' as const, id: claim.id, title: claim.text, detail: claim.attribution, date: claim.date, haystack: foldTerm(`${claim.text} | ${claim.attribution} | ${claim.context}`) })),
  ];
}

/** Entries containing every word of the query; titles that match rank first. */
export function searchDataset(index: readonly Entry[], query: string, limit = 20): SearchHit[] {
  const words = foldTerm(query).split(' ').filter((word) => word.length > 1);
  if (words.length === 0) return [];
  return index
    .filter((entry) => words.every((word) => entry.haystack.includes(word)))
    .map((entry) => ({ entry, inTitle: words.every((word) => foldTerm(entry.title).includes(word)) }))
    .sort((a, b) => Number(b.inTitle) - Number(a.inTitle))
    .slice(0, limit)
    .map(({ entry: { haystack: _haystack, ...hit } }) => hit);
}
