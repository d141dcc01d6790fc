import { describe, expect, it } from 'vitest';
import { csvField, CSV_COLUMNS, toCsv, toJsonLd } from '../../../src/timeline/model/export.ts';
import { buildTimeline } from '../../../src/timeline/model/timeline.ts';
import { tinyDataset } from './fixture.ts';

const timeline = buildTimeline(tinyDataset);

/** A small RFC 4180 reader, to check the CSV parses back to what was written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
}

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
  });

  it('writes a header and one row per event that parse back to the data', () => {
    const rows = parseCsv(toCsv(timeline.entries, timeline.actors));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    const talks = Object.fromEntries(CSV_COLUMNS.map((column, index) => [column, rows[2]![index]]));
    expect(talks).toMatchObject({ id: 'talks', date: '2023-12', theme: 'diplomacy', summary: 'They met, "as planned".', place: 'Moscow', actors: 'Vladimir Putin', claims: 'c2', claim_statuses: 'reported', source_urls: '' });
    expect(talks.sources).toBe('Outlet, Two: Talks "held" (2023-12-08)');
    expect(rows[1]![CSV_COLUMNS.indexOf('source_urls')]).toBe('https://example.org/a');
  });
});

describe('JSON-LD export', () => {
  it('lists the events as schema.org Events with their actors, claims and sources', () => {
    const document = toJsonLd(timeline.entries.slice(0, 2), timeline.actors, '2026-01-01T00:00:00.000Z');
    expect(document['@type']).toBe('ItemList');
    expect(document.numberOfItems).toBe(2);
    const launch = document.itemListElement[0]!.item;
    expect(launch).toMatchObject({ '@type': 'Event', '@id': 'urn:russia-iran-lens:event:launch', startDate: '2022-08-09', theme: 'space' });
    expect(launch.actor).toEqual([{ '@type': 'Country', '@id': 'urn:russia-iran-lens:actor:iran', name: 'Iran', sameAs: 'https://www.wikidata.org/wiki/Q794' }]);
    expect(launch.subjectOf[0]).toMatchObject({ '@type': 'Claim', status: 'officially-stated', citation: [{ '@id': 'urn:russia-iran-lens:source:s1' }] });
    expect(launch.citation[0]).toMatchObject({ url: 'https://example.org/a', inLanguage: 'ru' });
    const talks = document.itemListElement[1]!.item;
    expect(talks.citation[0]).not.toHaveProperty('url');
    expect(talks.location).toEqual({ '@type': 'Place', name: 'Moscow' });
    expect(() => JSON.parse(JSON.stringify(document))).not.toThrow();
  });
});
