/** The report the background keeps for the popup and badge, built from a reading. */
import type { PageReport } from '../shared/report.ts';
import type { PageReading } from './page-reader.ts';

const MAX_CLAIM_TEXT = 2_000;
/** Characters of context on each side of a quote, as Hypothesis' TextQuoteSelector uses. */
const QUOTE_CONTEXT = 32;

export function reportOf(reading: PageReading, durationMs: number): PageReport {
  const { annotation } = reading;
  return {
    url: reading.url.slice(0, 4096),
    language: annotation.language.slice(0, 16),
    relevant: annotation.relevant,
    score: annotation.score,
    reasons: annotation.reasons.slice(0, 20).map((reason) => reason.slice(0, 500)),
    reasonDetails: annotation.reasonDetails.slice(0, 20).map(({ code, values }) => ({ code, values: values.slice(0, 5).map((value) => value.slice(0, 300)) })),
    claims: annotation.claims.slice(0, 500).map(({ tier, claimId, eventIds, nearEventIds, evidence, text, start, end, confidence, blockIndex, blockStart, blockEnd }) => {
      const blockText = reading.blocks[blockIndex]?.text ?? '';
      return {
        tier,
        ...(claimId ? { claimId } : {}),
        eventIds: [...eventIds],
        nearEventIds: nearEventIds.slice(0, 5),
        evidence: evidence.slice(0, 12).map((item) => item.slice(0, 200)),
        text: text.slice(0, MAX_CLAIM_TEXT),
        start,
        end,
        confidence,
        prefix: blockText.slice(Math.max(0, blockStart - QUOTE_CONTEXT), blockStart),
        suffix: blockText.slice(blockEnd, blockEnd + QUOTE_CONTEXT),
      };
    }),
    actors: annotation.actors.slice(0, 200).map((actor) => ({ ...actor, name: actor.name.slice(0, 200) })),
    dates: annotation.dates.slice(0, 200).map((date) => ({ text: date.text.slice(0, 200), date: date.date })),
    related: annotation.related.slice(0, 100).map((item) => item.coverageId),
    ...(reading.publishedDate ? { publishedDate: reading.publishedDate.slice(0, 32) } : {}),
    durationMs: Math.round(durationMs),
  };
}

/** Why nothing was read: the pre-check failed, or the user switched the extension off. */
export type SkipReason = 'precheck' | 'paused' | 'site-disabled';

const SKIP_TEXT: Record<SkipReason, string> = {
  precheck: 'Russia and Iran are not both mentioned on this page',
  paused: 'Paused everywhere',
  'site-disabled': 'Switched off for this site',
};

export function emptyReport(url: string, language: string, reason: SkipReason, durationMs: number): PageReport {
  return {
    url: url.slice(0, 4096),
    language,
    relevant: false,
    score: 0,
    reasons: [SKIP_TEXT[reason]],
    reasonDetails: [{ code: reason, values: [] }],
    claims: [],
    actors: [],
    dates: [],
    related: [],
    durationMs: Math.round(durationMs),
  };
}
