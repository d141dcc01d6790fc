/** Says that the settings did not reach browser sync, that nothing is lost, and what the browser said. */
import type { SyncError } from '../../shared/settings-storage.ts';
import { t } from '../../ui/i18n.ts';

export function SyncErrorNotice({ error }: { error: SyncError | null }) {
  if (!error) return null;
  return (
    <div class="notice" role="status" data-testid="sync-error">
      <p class="notice-title">{t('noticeSyncFailedTitle', 'Your settings are saved in this browser, but could not be copied to browser sync, so your other devices do not have them. Nothing is lost.')}</p>
      <p>{t('noticeSyncFailedReason', 'The browser said: $1', error.message)}</p>
    </div>
  );
}
