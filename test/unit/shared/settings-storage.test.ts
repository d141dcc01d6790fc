import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings } from '../../../src/shared/settings.ts';
import { applyPatch, fromSyncItems, readSyncError, staleSyncKeys, SYNC_ITEM_LIMIT, toSyncItems } from '../../../src/shared/settings-storage.ts';

/** A host name of exactly 253 characters, different for each n. */
const longHost = (n: number) => `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.s${String(n).padStart(60, '0')}`;

describe('applyPatch', () => {
  it('changes only the fields it names, so two pages’ edits both survive', () => {
    const stored = { ...DEFAULT_SETTINGS, disabledSites: ['a.example'] };
    // The popup switches a site off while the options page, opened earlier, changes the badge.
    const afterPopup = applyPatch(stored, readSettings(stored).settings, { sites: { 'b.example': true } });
    const afterOptions = applyPatch(afterPopup, readSettings(afterPopup).settings, { set: { badge: false } });
    expect(afterOptions).toMatchObject({ badge: false, disabledSites: ['a.example', 'b.example'] });
  });

  it('adds and removes sites one by one, normalised, without duplicates', () => {
    const stored = { ...DEFAULT_SETTINGS, disabledSites: ['a.example', 'b.example'] };
    const next = applyPatch(stored, readSettings(stored).settings, { sites: { 'A.Example': true, 'b.example': false, 'C.example': true } });
    expect(next.disabledSites).toEqual(['a.example', 'c.example']);
  });

  it('keeps fields written by a newer version, and its version number', () => {
    const stored = { ...DEFAULT_SETTINGS, version: 3, colourBlindPalette: 'deuteranopia', futureList: [1, 2] };
    const reading = readSettings(stored);
    const next = applyPatch(stored, reading.settings, { set: { minConfidence: 0.8 } });
    expect(next).toMatchObject({ version: 3, colourBlindPalette: 'deuteranopia', futureList: [1, 2], minConfidence: 0.8 });
  });

  it('refuses an invalid value and an invalid site (nothing is written)', () => {
    expect(() => applyPatch(DEFAULT_SETTINGS, DEFAULT_SETTINGS, { set: { minConfidence: 3 } })).toThrow();
    expect(() => applyPatch(DEFAULT_SETTINGS, DEFAULT_SETTINGS, { sites: { 'not a host!': true } })).toThrow();
  });
});

describe('the sync mirror', () => {
  it('keeps every item under storage.sync’s 8 KB limit with 1,000 sites of the longest kind, and reads back exactly', () => {
    const record = { ...DEFAULT_SETTINGS, disabledSites: Array.from({ length: 1_000 }, (_, n) => longHost(n)), futureField: 'kept' };
    expect(longHost(7)).toHaveLength(253);
    const items = toSyncItems(record);
    for (const [key, value] of Object.entries(items)) expect(key.length + JSON.stringify(value).length, key).toBeLessThanOrEqual(SYNC_ITEM_LIMIT);
    expect(Object.keys(items).length).toBeGreaterThan(30);
    expect(fromSyncItems(items)).toEqual(record);
    expect(readSettings(fromSyncItems(items)).settings.disabledSites).toHaveLength(1_000);
  });

  it('names the chunks a shorter list leaves behind', () => {
    const long = toSyncItems({ ...DEFAULT_SETTINGS, disabledSites: Array.from({ length: 100 }, (_, n) => longHost(n)) });
    const short = toSyncItems({ ...DEFAULT_SETTINGS, disabledSites: ['a.example'] });
    expect(staleSyncKeys(Object.keys(long), short)).toEqual(Object.keys(long).filter((key) => key !== 'settings' && key !== 'disabledSites.0'));
  });

  it('reads the single-item layout of earlier versions, and nothing when sync is empty', () => {
    expect(fromSyncItems({ settings: { ...DEFAULT_SETTINGS, disabledSites: ['a.example'] } })).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['a.example'] });
    expect(fromSyncItems({})).toBeUndefined();
  });
});

describe('readSyncError', () => {
  it('reads what the background records when the sync mirror fails', () => {
    expect(readSyncError({ at: '2026-11-30T16:00:00.000Z', message: 'Error: QUOTA_BYTES quota exceeded' })).toEqual({ at: '2026-11-30T16:00:00.000Z', message: 'Error: QUOTA_BYTES quota exceeded' });
  });

  it('is null when nothing is recorded or the record is not readable, and keeps a long message short', () => {
    expect(readSyncError(undefined)).toBeNull();
    expect(readSyncError({ at: 'x' })).toBeNull();
    expect(readSyncError(['message'])).toBeNull();
    expect(readSyncError({ message: 'x'.repeat(2_000) })).toEqual({ at: '', message: 'x'.repeat(500) });
  });
});
