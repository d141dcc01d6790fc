/** The report for a page the content script did not read (the background builds the others: background/page-report.ts). */
import type { PageReport, PaintItem } from '../shared/report.ts';

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

/** The report for this document when it is not read: it failed the pre-check, or the user switched the lens off. */
export function skippedReport(document: Document, reason: SkipReason): PageReport {
  return emptyReport(document.URL, document.documentElement.lang || 'und', reason, 0);
}

/**
 * The report as far as it is on the page: only the highlights that were painted (a range that
 * could not be built, because the text changed while the background read it, is not counted).
 * The badge and the popup count the report's highlights, the card counts the painted ones: one
 * list, so one number everywhere.
 */
export function paintedOnly(report: PageReport, painted: readonly { readonly match: PaintItem }[]): PageReport {
  const key = (hit: { tier: string; claimId?: string | undefined; start: number; end: number }) => `${hit.tier} ${hit.claimId} ${hit.start} ${hit.end}`;
  const shown = new Set(painted.map(({ match }) => key(match)));
  return { ...report, claims: report.claims.filter((hit) => shown.has(key(hit))) };
}
