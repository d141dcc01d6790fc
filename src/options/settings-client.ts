/** The options page's only line to the settings: runtime messages to the background, replies checked by zod. */
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { replySchema } from '../shared/messages.ts';
import { SettingsSchema, type Settings, type SettingsReading } from '../shared/settings.ts';
import { readSyncError, SYNC_ERROR_KEY, type SyncError } from '../shared/settings-storage.ts';

const GetSettingsReply = replySchema(z.strictObject({ settings: SettingsSchema, fellBack: z.array(z.string()) }));
const SaveSettingsReply = replySchema(SettingsSchema);

export async function fetchSettings(): Promise<SettingsReading> {
  const reply = GetSettingsReply.parse(await browser.runtime.sendMessage({ type: 'get-settings' }));
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** A change to the stored settings: fields to set, sites to switch off (true) or on again (false). */
export interface SettingsChange {
  readonly set: Partial<Omit<Settings, 'version' | 'disabledSites'>>;
  readonly sites: Readonly<Record<string, boolean>>;
}

export async function storeSettings(patch: SettingsChange): Promise<Settings> {
  const reply = SaveSettingsReply.parse(await browser.runtime.sendMessage({ type: 'save-settings', patch }));
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Calls `listener` when the stored settings change (the popup can change them too). */
export function onStoredSettingsChanged(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && 'settings' in changes) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

/** Why the settings last failed to reach browser sync (the background records it), or null. */
export async function fetchSyncError(): Promise<SyncError | null> {
  return readSyncError((await browser.storage.local.get(SYNC_ERROR_KEY))[SYNC_ERROR_KEY]);
}

/** Calls `listener` with the sync failure each time it is recorded or cleared. */
export function onSyncErrorChanged(listener: (error: SyncError | null) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SYNC_ERROR_KEY in changes) listener(readSyncError(changes[SYNC_ERROR_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
