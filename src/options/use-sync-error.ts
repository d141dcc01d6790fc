/**
 * Whether the settings reached browser sync. Everything is kept in this browser whatever
 * happens (see shared/settings-storage.ts); when the sync mirror fails (the disabled-sites list
 * is too long for it, or sync is off), the user is told, and the notice goes once a save fits.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SyncError } from '../shared/settings-storage.ts';
import { fetchSyncError, onSyncErrorChanged } from './settings-client.ts';

export function useSyncError(): SyncError | null {
  const [error, setError] = useState<SyncError | null>(null);
  useEffect(() => {
    let live = true;
    const stop = onSyncErrorChanged((changed) => live && setError(changed));
    fetchSyncError().then(
      (stored) => live && setError(stored),
      () => undefined,
    );
    return () => {
      live = false;
      stop();
    };
  }, []);
  return error;
}
