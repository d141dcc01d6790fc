/**
 * The polite "Saved" message. The live region is always in the page (a region added with
 * its text is often not announced); it empties while a save is pending, so each save is
 * announced again, and fades out a few seconds later.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../ui/i18n.ts';
import type { SaveStatus } from '../use-settings.ts';

const VISIBLE_MS = 3000;

export function SaveStatusMessage({ status }: { status: SaveStatus }) {
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    setExpired(false);
    if (status.kind !== 'saved') return;
    const timer = setTimeout(() => setExpired(true), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const text =
    status.kind === 'saved' && !expired
      ? t('optionsSaved', 'Saved')
      : status.kind === 'failed'
        ? t('optionsSaveFailed', 'Not saved: $1', status.message)
        : '';
  return (
    <p class={`save-status${text ? ' shown' : ''}${status.kind === 'failed' ? ' failed' : ''}`} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </p>
  );
}
