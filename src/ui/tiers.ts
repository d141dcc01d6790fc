/**
 * The three kinds of highlight, named for readers: a dataset claim, a mention of a dataset event, and a claim the
 * dataset does not hold. Shared by the hover card, the popup and the exports, so one count means one thing everywhere.
 */
import type { HighlightTier } from '../core/engine/page-highlights.ts';
import { t } from './i18n.ts';

export type { HighlightTier };

export function tierLabel(tier: HighlightTier): string {
  switch (tier) {
    case 'claim':
      return t('tierClaim', 'Dataset claim');
    case 'event':
      return t('tierEvent', 'Event mention');
    case 'detected':
      return t('tierDetected', 'Not in the dataset');
  }
}

export function tierCounts(report: { readonly claims: readonly { readonly tier: HighlightTier }[] }): Record<HighlightTier, number> {
  const counts: Record<HighlightTier, number> = { claim: 0, event: 0, detected: 0 };
  for (const hit of report.claims) counts[hit.tier]++;
  return counts;
}
