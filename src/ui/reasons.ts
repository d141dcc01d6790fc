/** The relevance reasons in the UI language (the engine gives codes and values, and English). */
import { t } from './i18n.ts';

export function reasonText(detail: { code: string; values: readonly string[] } | undefined, english: string): string {
  const values = [...(detail?.values ?? [])];
  switch (detail?.code) {
    case 'neither-mentioned':
      return t('reasonNeitherMentioned', 'Neither Russia nor Iran is mentioned in the article text');
    case 'russia-not-mentioned':
      return t('reasonRussiaNotMentioned', 'Russia is not mentioned in the article text');
    case 'iran-not-mentioned':
      return t('reasonIranNotMentioned', 'Iran is not mentioned in the article text');
    case 'together':
      return t('reasonTogether', '$1 in the same paragraphs (paragraphs: $2)', values);
    case 'never-together':
      return t('reasonNeverTogether', 'Russia and Iran are never discussed in the same paragraph');
    case 'dealings':
      return t('reasonDealings', 'Paragraphs about dealings between them: $1', values);
    case 'headline':
      return t('reasonHeadline', 'The headline names both');
    case 'claims':
      return t('reasonClaims', 'Dataset claims found: $1', values);
    case 'events':
      return t('reasonEvents', 'Dataset events mentioned: $1', values);
    case 'passing':
      return t('reasonPassing', 'Both sides are named together only in passing, and the headline does not name both');
    case 'no-dealings':
      return t('reasonNoDealings', 'Too little says the page is about dealings between them: no dataset claim or event, and few or no sentences about dealings');
    case 'lists':
      return t('reasonLists', 'Paragraphs that list many countries (not counted): $1', values);
    case 'precheck':
      return t('reasonPrecheck', 'Russia and Iran are not both mentioned on this page');
    case 'paused':
      return t('reasonPaused', 'Paused everywhere');
    case 'site-disabled':
      return t('reasonSiteDisabled', 'Switched off for this site');
    default:
      return english;
  }
}
