import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/core/dataset/schema.ts';
import type { ClaimHit } from '../../../src/shared/report.ts';
import { toMarkdown, toWebAnnotations } from '../../../src/ui/export.ts';

const dataset = {
  version: 't',
  actors: [],
  events: [],
  concepts: {},
  claims: [
    {
      id: 'c1', text: 'Russia will build a railway.', eventIds: [], actors: [], attribution: 'A Minister', date: '2023-05-17',
      status: 'officially-stated', context: 'x', sources: ['s1', 's2'], match: { all: [], any: [], minAny: 0, phrases: [] },
    },
  ],
  coverage: [
    { id: 's1', outlet: 'Outlet [One]', title: 'Title *one*', date: '2023-05-18', language: 'en', url: 'https://example.org/a', claims: ['c1'], events: [] },
    { id: 's2', outlet: 'Outlet Two', title: 'Title two', date: '2023-05-19', language: 'ru', urlNote: 'address not found', claims: ['c1'], events: [] },
  ],
} as unknown as Dataset;

const hit: ClaimHit = {
  tier: 'claim', claimId: 'c1', eventIds: [], nearEventIds: [], evidence: [], text: 'Russia will build the line', start: 10, end: 36, confidence: 0.8, prefix: 'Tehran. ', suffix: ', he said.',
};
const input = { pageUrl: 'https://news.example/story', claims: [hit, { ...hit, claimId: 'gone' }], dataset, created: '2025-01-01T00:00:00.000Z' };

describe('toWebAnnotations', () => {
  it('anchors each claim with quote and position selectors and carries claim id, status and sources', () => {
    const collection = toWebAnnotations(input);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(1);
    const [annotation] = collection.first.items;
    expect(annotation!.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'Russia will build the line', prefix: 'Tehran. ', suffix: ', he said.' },
      { type: 'TextPositionSelector', start: 10, end: 36 },
    ]);
    expect(annotation!.body).toMatchObject({ claimId: 'c1', status: 'officially-stated', value: 'Russia will build a railway.' });
    expect(annotation!.body).toMatchObject({ tier: 'claim' });
    const sources = (annotation!.body as { sources: { id: string }[] }).sources;
    expect(sources.map((source) => source.id)).toEqual(['s1', 's2']);
    expect(sources[1]).not.toHaveProperty('url');
    expect(JSON.parse(JSON.stringify(collection))['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
  });

  it('exports a detected claim with its tier and nearest events, never as a dataset claim', () => {
    const { claimId: _claimId, ...rest } = hit;
    const detected: ClaimHit = { ...rest, tier: 'detected', nearEventIds: ['e9'] };
    const collection = toWebAnnotations({ ...input, claims: [detected] });
    expect(collection.total).toBe(1);
    expect(collection.first.items[0]!.body).toMatchObject({ tier: 'detected', eventIds: [], nearEventIds: ['e9'] });
    expect(collection.first.items[0]!.body).not.toHaveProperty('claimId');
  });
});

describe('toMarkdown', () => {
  it('lists claims with status, quote and sources, escaping Markdown and linking only real addresses', () => {
    const markdown = toMarkdown(input, (status) => status.toUpperCase());
    expect(markdown).toContain('- **OFFICIALLY-STATED:** Russia will build a railway. (A Minister, 2023-05-17)');
    expect(markdown).toContain('  > Russia will build the line');
    expect(markdown).toContain('[Outlet \\[One\\], “Title \\*one\\*” (2023-05-18)](https://example.org/a)');
    expect(markdown).toContain('Outlet Two, “Title two” (2023-05-19)');
    expect(markdown).not.toContain('gone');
  });
});
