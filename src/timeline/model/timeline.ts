/**
 * The dataset as the timeline sees it: one entry per event with its theme, its claims, every
 * actor and source it involves, and the folded text the search looks in. Built once per page.
 */
import type { Actor, Claim, ClaimStatus, Coverage, Dataset, DatasetEvent } from '../../core/dataset/schema.ts';
import { foldTerm } from '../../core/text/normalize.ts';
import { themeOf, type Theme } from './themes.ts';

export interface TimelineEntry {
  readonly event: DatasetEvent;
  readonly theme: Theme;
  readonly claims: readonly Claim[];
  /** The event's actors first, then those only its claims name. */
  readonly actorIds: readonly string[];
  /** The event's own sources, then its claims' sources, each once. */
  readonly coverage: readonly Coverage[];
  readonly statuses: ReadonlySet<ClaimStatus>;
  readonly languages: ReadonlySet<string>;
  /** Start and end as UTC milliseconds (a month or year spans its whole length). */
  readonly start: number;
  readonly end: number;
  /** Folded text of the event, its claims, its sources and its actors' names in every language. */
  readonly haystack: string;
}

export interface Timeline {
  readonly entries: readonly TimelineEntry[];
  /** 1 January 2000 to the end of the newest date in the dataset. */
  readonly domain: { readonly start: number; readonly end: number };
  readonly actors: ReadonlyMap<string, Actor>;
}

export const TIMELINE_START = Date.UTC(2000, 0, 1);

/** The first instant of a partial date (`2022`, `2022-07`, `2022-07-19`). */
export function startOfPartialDate(value: string): number {
  const [year, month, day] = value.split('-').map(Number);
  return Date.UTC(year ?? 2000, (month ?? 1) - 1, day ?? 1);
}

/** The last instant of a partial date: the end of its day, month or year. */
export function endOfPartialDate(value: string): number {
  const [year = 2000, month, day] = value.split('-').map(Number);
  if (day) return Date.UTC(year, (month ?? 1) - 1, day + 1) - 1;
  if (month) return Date.UTC(year, month, 1) - 1;
  return Date.UTC(year + 1, 0, 1) - 1;
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

export function buildTimeline(dataset: Dataset): Timeline {
  const actors = new Map(dataset.actors.map((actor) => [actor.id, actor]));
  const coverage = new Map(dataset.coverage.map((item) => [item.id, item]));
  const claimsByEvent = new Map<string, Claim[]>();
  for (const claim of dataset.claims) {
    for (const eventId of claim.eventIds) claimsByEvent.set(eventId, [...(claimsByEvent.get(eventId) ?? []), claim]);
  }
  // Folding is the costly part: each actor's names are folded once, not once per event, and an
  // event's search text only when a search first needs it (the first render does not).
  const foldedNames = new Map<string, string>();
  const namesOf = (id: string) => {
    let folded = foldedNames.get(id);
    if (folded === undefined) {
      const actor = actors.get(id)!;
      folded = foldTerm([actor.name, ...actor.aliases, ...Object.values(actor.names)].join(' | '));
      foldedNames.set(id, folded);
    }
    return folded;
  };
  const entries = dataset.events.map((event): TimelineEntry => {
    const claims = claimsByEvent.get(event.id) ?? [];
    const actorIds = unique([...event.actors, ...claims.flatMap((claim) => claim.actors)]).filter((id) => actors.has(id));
    const sources = unique([...event.sources, ...claims.flatMap((claim) => claim.sources)]).flatMap((id) => {
      const item = coverage.get(id);
      return item ? [item] : [];
    });
    let haystack: string | undefined;
    return {
      event,
      theme: themeOf(event, claims),
      claims,
      actorIds,
      coverage: sources,
      statuses: new Set(claims.map((claim) => claim.status)),
      languages: new Set(sources.map((item) => item.language)),
      start: startOfPartialDate(event.date),
      end: endOfPartialDate(event.endDate ?? event.date),
      get haystack() {
        const text = [
          event.title,
          event.summary,
          event.place ?? '',
          ...claims.flatMap((claim) => [claim.text, claim.attribution, claim.context]),
          ...sources.flatMap((item) => [item.outlet, item.title]),
        ];
        return (haystack ??= [foldTerm(text.join(' | ')), ...actorIds.map(namesOf)].join(' | '));
      },
    };
  });
  entries.sort((a, b) => a.start - b.start || a.event.id.localeCompare(b.event.id));
  const newest = Math.max(TIMELINE_START, ...entries.map((entry) => entry.end));
  return { entries, domain: { start: TIMELINE_START, end: newest }, actors };
}
