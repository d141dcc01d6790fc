/**
 * The filtered view as CSV (one row per event) and as JSON-LD (a schema.org ItemList of
 * Events with their claims and sources). Pure: the page turns the text into a download.
 */
import type { Actor, Coverage } from '../../core/dataset/schema.ts';
import type { TimelineEntry } from './timeline.ts';

export const CSV_COLUMNS = ['id', 'date', 'end_date', 'theme', 'title', 'summary', 'place', 'actors', 'claims', 'claim_statuses', 'sources', 'source_urls'] as const;

/**
 * One CSV field (RFC 4180). A field a spreadsheet would read as a formula (=, +, -, @, tab,
 * carriage return first) is prefixed with an apostrophe: exported text must never execute.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(entries: readonly TimelineEntry[], actors: ReadonlyMap<string, Actor>): string {
  const rows = entries.map(({ event, theme, claims, actorIds, coverage }) => [
    event.id,
    event.date,
    event.endDate ?? '',
    theme,
    event.title,
    event.summary,
    event.place ?? '',
    actorIds.map((id) => actors.get(id)?.name ?? id).join('; '),
    claims.map((claim) => claim.id).join('; '),
    claims.map((claim) => claim.status).join('; '),
    coverage.map((item) => `${item.outlet}: ${item.title} (${item.date})`).join('; '),
    coverage.flatMap((item) => (item.url ? [item.url] : [])).join(' '),
  ]);
  // CRLF line ends, as RFC 4180 writes them; spreadsheets read either.
  return [CSV_COLUMNS as readonly string[], ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const ID_BASE = 'urn:russia-iran-lens:';

export const JSON_LD_CONTEXT = ['https://schema.org', { lens: ID_BASE, theme: 'lens:theme', status: 'lens:status' }] as const;

const actorType = (actor: Actor) => (actor.kind === 'person' ? 'Person' : actor.kind === 'state' ? 'Country' : 'Organization');

function creativeWork(item: Coverage) {
  return {
    '@type': 'CreativeWork',
    '@id': `${ID_BASE}source:${item.id}`,
    name: item.title,
    publisher: { '@type': 'Organization', name: item.outlet },
    datePublished: item.date,
    inLanguage: item.language,
    ...(item.url ? { url: item.url } : {}),
  };
}

export function toJsonLd(entries: readonly TimelineEntry[], actors: ReadonlyMap<string, Actor>, created: string) {
  return {
    '@context': JSON_LD_CONTEXT,
    '@type': 'ItemList',
    name: 'Russia–Iran relations: events from the Russia–Iran Lens dataset',
    dateCreated: created,
    numberOfItems: entries.length,
    itemListElement: entries.map(({ event, theme, claims, actorIds, coverage }, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      item: {
        '@type': 'Event',
        '@id': `${ID_BASE}event:${event.id}`,
        name: event.title,
        description: event.summary,
        startDate: event.date,
        ...(event.endDate ? { endDate: event.endDate } : {}),
        ...(event.place ? { location: { '@type': 'Place', name: event.place } } : {}),
        theme,
        actor: actorIds.flatMap((id) => {
          const actor = actors.get(id);
          if (!actor) return [];
          return [{ '@type': actorType(actor), '@id': `${ID_BASE}actor:${actor.id}`, name: actor.name, ...(actor.wikidata ? { sameAs: `https://www.wikidata.org/wiki/${actor.wikidata}` } : {}) }];
        }),
        subjectOf: claims.map((claim) => ({
          '@type': 'Claim',
          '@id': `${ID_BASE}claim:${claim.id}`,
          text: claim.text,
          datePublished: claim.date,
          author: { '@type': 'Thing', name: claim.attribution },
          status: claim.status,
          citation: claim.sources.flatMap((id) => {
            const item = coverage.find((source) => source.id === id);
            return item ? [{ '@id': `${ID_BASE}source:${item.id}` }] : [];
          }),
        })),
        citation: coverage.map(creativeWork),
      },
    })),
  };
}
