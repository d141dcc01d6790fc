/**
 * Settings in storage.local (the truth), mirrored to storage.sync (see
 * shared/settings-storage.ts for why), read through the schema. When stored settings are
 * unreadable, the raw value is copied to storage.local first (`settingsBackup`), so a bad
 * write or a bug never destroys what the user set; the options page shows which fields fell
 * back. Changes are patches applied one at a time to what is stored at that moment.
 */
import browser from 'webextension-polyfill';
import { readSettings, type Settings, type SettingsReading } from '../shared/settings.ts';
import { applyPatch, fromSyncItems, staleSyncKeys, SYNC_ERROR_KEY, toSyncItems, type SettingsPatch } from '../shared/settings-storage.ts';

const KEY = 'settings';
const BACKUP_KEY = 'settingsBackup';
/** Why the last save did not reach the sync mirror (kept on this device; the options page says so). */
export { SYNC_ERROR_KEY };

/** The stored record as it is: from local, else from the sync mirror (a new profile, or an older version's layout). */
async function loadRecord(): Promise<unknown> {
  const local = (await browser.storage.local.get(KEY))[KEY];
  if (local !== undefined) return local;
  const mirrored = fromSyncItems(await browser.storage.sync.get(null));
  if (mirrored !== undefined) await browser.storage.local.set({ [KEY]: mirrored });
  return mirrored;
}

export async function loadSettings(): Promise<SettingsReading> {
  const stored = await loadRecord();
  const reading = readSettings(stored);
  if (reading.fellBack.length > 0) {
    const existing = (await browser.storage.local.get(BACKUP_KEY))[BACKUP_KEY];
    if (existing === undefined) await browser.storage.local.set({ [BACKUP_KEY]: { savedAt: new Date().toISOString(), value: stored } });
  }
  return reading;
}

async function mirrorToSync(record: Record<string, unknown>): Promise<void> {
  try {
    const items = toSyncItems(record);
    const existing = Object.keys(await browser.storage.sync.get(null));
    await browser.storage.sync.set(items);
    const stale = staleSyncKeys(existing, items);
    if (stale.length > 0) await browser.storage.sync.remove(stale);
    await browser.storage.local.remove(SYNC_ERROR_KEY);
  } catch (error) {
    // Over sync's quota (or sync is off): everything is still in local; say so, lose nothing.
    await browser.storage.local.set({ [SYNC_ERROR_KEY]: { at: new Date().toISOString(), message: String(error) } });
  }
}

let queue: Promise<unknown> = Promise.resolve();

/** Applies a patch to what is stored now; patches run one at a time, in the order they came. */
export function patchSettings(patch: SettingsPatch | ((current: Settings) => SettingsPatch)): Promise<Settings> {
  const turn = queue.then(async () => {
    const stored = await loadRecord();
    const { settings } = readSettings(stored);
    const record = applyPatch(stored, settings, typeof patch === 'function' ? patch(settings) : patch);
    await browser.storage.local.set({ [KEY]: record });
    await mirrorToSync(record);
    return readSettings(record).settings;
  });
  queue = turn.catch(() => undefined);
  return turn;
}
