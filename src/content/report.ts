/** The report for a page the content script did not read (the background builds the others: background/page-report.ts). */
import type { PageReport } from '../shared/report.ts';

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
