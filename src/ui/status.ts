/** How each claim status is named and drawn, shared by the hover card and the popup. */
import type { ClaimStatus } from '../core/dataset/schema.ts';
import { t } from './i18n.ts';

export function statusLabel(status: ClaimStatus): string {
  switch (status) {
    case 'confirmed':
      return t('statusConfirmed', 'Confirmed');
    case 'officially-stated':
      return t('statusOfficiallyStated', 'Officially stated');
    case 'reported':
      return t('statusReported', 'Reported');
    case 'disputed':
      return t('statusDisputed', 'Disputed');
    case 'denied':
      return t('statusDenied', 'Denied');
    case 'false':
      return t('statusFalse', 'False');
  }
}

/** A shape per status so colour is never the only signal: ● solid, ◐ reported, ▲ contested. */
export function statusSymbol(status: ClaimStatus): string {
  return status === 'confirmed' || status === 'officially-stated' ? '●' : status === 'reported' ? '◐' : '▲';
}
