/**
 * Which events the timeline shows: by theme, actor, claim status, language of coverage and
 * free text. An empty criterion lets everything through; criteria combine with AND, values
 * within one criterion with OR.
 */
import type { ClaimStatus } from '../../core/dataset/schema.ts';
import { foldTerm } from '../../core/text/normalize.ts';
import type { Theme } from './themes.ts';
import type { Timeline, TimelineEntry } from './timeline.ts';

/**
 * The claim statuses in the order the menus show them. A plain list, not ClaimStatusSchema's
 * options: importing the schema would put zod into the page (a unit test keeps the two equal).
 */
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['confirmed', 'officially-stated', 'reported', 'disputed', 'denied', 'false'];

export interface Filters {
  readonly themes: readonly Theme[];
  readonly actors: readonly string[];
  readonly statuses: readonly ClaimStatus[];
  readonly languages: readonly string[];
  readonly text: string;
}

export const NO_FILTERS: Filters = { themes: [], actors: [], statuses: [], languages: [], text: '' };

export function hasFilters(filters: Filters): boolean {
  return filters.themes.length + filters.actors.length + filters.statuses.length + filters.languages.length > 0 || filters.text.trim() !== '';
}

/** A matcher for the filters, so the query is folded once, not once per event. */
export function entryMatcher(filters: Filters): (entry: TimelineEntry) => boolean {
  const words = foldTerm(filters.text)
    .split(' ')
    .filter((word) => word.length > 0);
  return (entry) =>
    (filters.themes.length === 0 || filters.themes.includes(entry.theme)) &&
    (filters.actors.length === 0 || filters.actors.some((id) => entry.actorIds.includes(id))) &&
    (filters.statuses.length === 0 || filters.statuses.some((status) => entry.statuses.has(status))) &&
    (filters.languages.length === 0 || filters.languages.some((language) => entry.languages.has(language))) &&
    words.every((word) => entry.haystack.includes(word));
}

export function filterEntries(timeline: Timeline, filters: Filters): TimelineEntry[] {
  return timeline.entries.filter(entryMatcher(filters));
}

/** The values each filter can take, from the data itself (sorted for stable menus). */
export function filterChoices(timeline: Timeline) {
  const actorIds = new Set(timeline.entries.flatMap((entry) => entry.actorIds));
  const languages = new Set(timeline.entries.flatMap((entry) => [...entry.languages]));
  return {
    actors: [...actorIds].map((id) => timeline.actors.get(id)!).sort((a, b) => a.name.localeCompare(b.name, 'en')),
    languages: [...languages].sort(),
  };
}
