/** Says which settings could not be read and were reset, and that what was stored is kept. */
import { t } from '../../ui/i18n.ts';
import { fellBackLabel } from '../setting-labels.ts';

export function FellBackNotice({ fields }: { fields: readonly string[] }) {
  if (fields.length === 0) return null;
  return (
    <div class="notice" role="alert" data-testid="fell-back-notice">
      <p class="notice-title">{t('noticeFellBackTitle', 'Some settings could not be read, so they were reset to their defaults:')}</p>
      <ul>
        {fields.map((field) => {
          const label = fellBackLabel(field);
          const key = field.replace(/ \(unknown\)$/, '');
          return (
            <li key={field}>
              {label}
              {label !== key && (
                <>
                  {' '}
                  <code dir="ltr">{key}</code>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <p>{t('noticeFellBackBackup', 'Your other settings are unchanged, and the previous value was kept as a backup in the browser’s local storage.')}</p>
    </div>
  );
}
