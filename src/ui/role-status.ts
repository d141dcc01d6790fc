/** The phrase for what became of a person (see laterChange in claim-details.ts), in the UI language. */
import type { LaterChange } from './claim-details.ts';
import { formatPartialDate, t } from './i18n.ts';

export function laterChangeText(change: LaterChange, language?: string): string {
  const when = formatPartialDate(change.date, language);
  if (change.kind === 'killed') return t('roleSinceKilled', 'killed $1', when);
  if (change.kind === 'died') return t('roleSinceDied', 'died $1', when);
  return t('roleSinceLeftOffice', 'left office $1', when);
}
