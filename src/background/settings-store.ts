/**
 * Settings in storage.sync, read through the schema. When stored settings are unreadable,
 * the raw value is copied to storage.local first (`settingsBackup`), so a bad write or a bug
 * never destroys what the user set; the options page shows which fields fell back.
 */
import browser from 'webextension-polyfill';
import { readSettings, SettingsSchema, type Settings, type SettingsReading } from '../shared/settings.ts';

const KEY = 'settings';
const BACKUP_KEY = 'settingsBackup';

export async function loadSettings(): Promise<SettingsReading> {
  const stored = (await browser.storage.sync.get(KEY))[KEY];
  const reading = readSettings(stored);
  if (reading.fellBack.length > 0) {
    const existing = (await browser.storage.local.get(BACKUP_KEY))[BACKUP_KEY];
    if (existing === undefined) await browser.storage.local.set({ [BACKUP_KEY]: { savedAt: new Date().toISOString(), value: stored } });
  }
  return reading;
}

export async function saveSettings(settings: Settings): Promise<Settings> {
  const valid = SettingsSchema.parse(settings);
  // The backup of unreadable settings is kept: the options page promised the user it was kept.
  await browser.storage.sync.set({ [KEY]: valid });
  return valid;
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const { settings } = await loadSettings();
  return saveSettings(change(settings));
}
