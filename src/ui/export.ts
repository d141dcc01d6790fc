/**
 * The page's claims as W3C Web Annotations (JSON-LD) and as Markdown. Pure functions: the
 * popup turns the result into a download or the clipboard. Offsets in TextPositionSelector
 * refer to the page text as the engine reads it (visible blocks joined by blank lines), so
 * TextQuoteSelector (exact + 32 characters of prefix and suffix) is the reliable anchor.
 */
import type { Claim, Coverage, Dataset } from '../core/dataset/schema.ts';
import type { ClaimHit } from '../shared/report.ts';

export const ANNOTATION_CONTEXT = [
  'http://www.w3.org/ns/anno.jsonld',
  {
    lens: 'urn:russia-iran-lens:',
    claimId: 'lens:claimId',
    tier: 'lens:tier',
    eventIds: { '@id': 'lens:eventIds', '@container': '@set' },
    nearEventIds: { '@id': 'lens:nearEventIds', '@container': '@set' },
    status: 'lens:status',
    confidence: 'lens:confidence',
    sources: { '@id': 'lens:sources', '@container': '@list' },
  },
] as const;

interface ExportInput {
  readonly pageUrl: string;
  readonly claims: readonly ClaimHit[];
  readonly dataset: Dataset;
  readonly created: string;
}

function sourcesOf(claim: Claim, coverage: ReadonlyMap<string, Coverage>) {
  return claim.sources.flatMap((id) => {
    const item = coverage.get(id);
    return item ? [{ id: item.id, outlet: item.outlet, title: item.title, date: item.date, ...(item.url ? { url: item.url } : {}) }] : [];
  });
}

/** What a highlight says, for the export: the claim, the event it mentions, or that the dataset does not hold it. */
function bodyOf(hit: ClaimHit, dataset: Dataset, byId: ReadonlyMap<string, Claim>, coverage: ReadonlyMap<string, Coverage>) {
  const common = { type: 'TextualBody', purpose: 'assessing', format: 'text/plain', language: 'en', tier: hit.tier, eventIds: hit.eventIds, confidence: hit.confidence };
  const claim = hit.claimId ? byId.get(hit.claimId) : undefined;
  if (hit.tier === 'claim') return claim ? { ...common, value: claim.text, claimId: claim.id, status: claim.status, sources: sourcesOf(claim, coverage) } : null;
  if (hit.tier === 'event') {
    const event = dataset.events.find((item) => item.id === hit.eventIds[0]);
    return event ? { ...common, value: `Mentions: ${event.title} (${event.date})` } : null;
  }
  return { ...common, value: 'A claim about Russia–Iran relations that the dataset does not hold.', nearEventIds: hit.nearEventIds };
}

export function toWebAnnotations({ pageUrl, claims, dataset, created }: ExportInput) {
  const byId = new Map(dataset.claims.map((claim) => [claim.id, claim]));
  const coverage = new Map(dataset.coverage.map((item) => [item.id, item]));
  const items = claims.flatMap((hit, index) => {
    const body = bodyOf(hit, dataset, byId, coverage);
    if (!body) return [];
    return [
      {
        id: `${pageUrl}#lens-annotation-${index + 1}`,
        type: 'Annotation',
        motivation: 'assessing',
        created,
        generator: { type: 'Software', name: 'Russia–Iran Lens' },
        body,
        target: {
          source: pageUrl,
          selector: [
            { type: 'TextQuoteSelector', exact: hit.text, prefix: hit.prefix, suffix: hit.suffix },
            { type: 'TextPositionSelector', start: hit.start, end: hit.end },
          ],
        },
      },
    ];
  });
  return { '@context': ANNOTATION_CONTEXT, id: `${pageUrl}#lens-annotations`, type: 'AnnotationCollection', label: `Claims on ${pageUrl}`, total: items.length, first: { type: 'AnnotationPage', items } };
}

const escapeMarkdown = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\s+/g, ' ').trim();

export function toMarkdown({ pageUrl, claims, dataset, created }: ExportInput, statusLabel: (status: Claim['status']) => string): string {
  const byId = new Map(dataset.claims.map((claim) => [claim.id, claim]));
  const coverage = new Map(dataset.coverage.map((item) => [item.id, item]));
  const lines = [`# Claims on ${pageUrl}`, '', `Exported by Russia–Iran Lens on ${created.slice(0, 10)}.`, ''];
  const events = new Map(dataset.events.map((event) => [event.id, event]));
  for (const hit of claims) {
    if (hit.tier !== 'claim') {
      const event = events.get(hit.eventIds[0] ?? '');
      const what = hit.tier === 'event' && event ? `Mentions ${escapeMarkdown(event.title)} (${event.date})` : 'Not in the dataset';
      lines.push(`- **${what}:** ${escapeMarkdown(hit.text)}`);
      continue;
    }
    const claim = hit.claimId ? byId.get(hit.claimId) : undefined;
    if (!claim) continue;
    lines.push(`- **${statusLabel(claim.status)}:** ${escapeMarkdown(claim.text)} (${escapeMarkdown(claim.attribution)}, ${claim.date})`);
    lines.push(`  > ${escapeMarkdown(hit.text)}`);
    const sources = sourcesOf(claim, coverage).map((source) => {
      const label = `${escapeMarkdown(source.outlet)}, “${escapeMarkdown(source.title)}” (${source.date})`;
      return source.url ? `[${label}](${source.url})` : label;
    });
    if (sources.length) lines.push(`  Sources: ${sources.join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}
