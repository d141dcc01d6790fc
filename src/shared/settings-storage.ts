/**
 * How settings are kept, without the browser (pure, unit-tested).
 *
 * Where: `storage.local` is the truth, and `storage.sync` a mirror. storage.sync allows 8 KB
 * per item and 100 KB in all, and the disabled-sites list may hold 1,000 host names of up to
 * 253 characters (about 250 KB): no layout of sync alone can keep that. So nothing the user
 * set depends on sync: every save lands in local first; the mirror (split into items well
 * under 8 KB) carries the settings to the user's other browsers when it fits, and a mirror
 * that does not fit is reported, not lost. A profile with nothing in local (a new browser, or
 * an older version of this extension that kept settings in sync) starts from the mirror.
 *
 * How: every change is a patch applied to what is stored at that moment (read-modify-write
 * in the background, one at a time), so the popup and the options page never overwrite each
 * other's edits; sites are added and removed one by one, never replaced as a list. Fields this
 * version does not know (written by a newer one) are kept as they are.
 */
import { SettingsSchema, SitePatternSchema, type Settings } from './settings.ts';

/** A change to the settings: fields to set, and sites to switch off (true) or back on (false). */
export interface SettingsPatch {
  readonly set?: Partial<Omit<Settings, 'version' | 'disabledSites'>>;
  readonly sites?: Readonly<Record<string, boolean>>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The record to store after a patch: the stored record (unknown fields and a newer version
 * number included) with the patched, validated settings over it.
 */
export function applyPatch(storedRecord: unknown, current: Settings, patch: SettingsPatch): Record<string, unknown> {
  const sites = [...current.disabledSites];
  for (const [site, disabled] of Object.entries(patch.sites ?? {})) {
    const pattern = SitePatternSchema.parse(site);
    const at = sites.indexOf(pattern);
    if (disabled && at < 0) sites.push(pattern);
    if (!disabled && at >= 0) sites.splice(at, 1);
  }
  const next = SettingsSchema.parse({ ...current, ...patch.set, version: current.version, disabledSites: sites });
  const base = isRecord(storedRecord) ? storedRecord : {};
  const storedVersion = typeof base.version === 'number' ? base.version : 0;
  return { ...base, ...next, version: Math.max(storedVersion, next.version) };
}

/** Item names of the sync mirror. */
export const SYNC_SETTINGS_KEY = 'settings';
const SYNC_SITES_PREFIX = 'disabledSites.';
/** storage.sync's per-item limit (key plus JSON value), with room to spare. */
export const SYNC_ITEM_LIMIT = 8_192;
const CHUNK_BUDGET = 7_000;

/** The settings record as sync items: the sites in chunks, each item well under 8 KB. */
export function toSyncItems(record: Record<string, unknown>): Record<string, unknown> {
  const { disabledSites, ...rest } = record;
  const sites = Array.isArray(disabledSites) ? disabledSites : [];
  const chunks: unknown[][] = [];
  let chunk: unknown[] = [];
  let size = 2;
  for (const site of sites) {
    const cost = JSON.stringify(site).length + 1;
    if (chunk.length > 0 && size + cost > CHUNK_BUDGET) {
      chunks.push(chunk);
      chunk = [];
      size = 2;
    }
    chunk.push(site);
    size += cost;
  }
  if (chunk.length > 0) chunks.push(chunk);
  const items: Record<string, unknown> = { [SYNC_SETTINGS_KEY]: { ...rest, disabledSitesChunks: chunks.length } };
  chunks.forEach((part, index) => {
    items[`${SYNC_SITES_PREFIX}${index}`] = part;
  });
  return items;
}

/** Sync items left over from a longer list, to remove after writing `items`. */
export function staleSyncKeys(existingKeys: readonly string[], items: Record<string, unknown>): string[] {
  return existingKeys.filter((key) => key.startsWith(SYNC_SITES_PREFIX) && !(key in items));
}

/**
 * The settings record from sync items, or undefined when sync holds none. Also reads the
 * layout of earlier versions (one `settings` item with the sites inside).
 */
export function fromSyncItems(items: Record<string, unknown>): Record<string, unknown> | undefined {
  const head = items[SYNC_SETTINGS_KEY];
  if (!isRecord(head)) return head === undefined ? undefined : { invalid: head };
  const { disabledSitesChunks, ...rest } = head;
  if (typeof disabledSitesChunks !== 'number') return rest; // the single-item layout
  const sites: unknown[] = [];
  for (let index = 0; index < disabledSitesChunks; index++) {
    const part = items[`${SYNC_SITES_PREFIX}${index}`];
    if (Array.isArray(part)) sites.push(...part);
  }
  return { ...rest, disabledSites: sites };
}

/** Where the background records why the last save did not reach the sync mirror (in storage.local). */
export const SYNC_ERROR_KEY = 'settingsSyncError';

export interface SyncError {
  /** When the mirror failed (ISO time), '' when not recorded. */
  readonly at: string;
  /** What the browser said. */
  readonly message: string;
}

/** The recorded sync failure, or null when there is none (or nothing readable). */
export function readSyncError(stored: unknown): SyncError | null {
  if (!isRecord(stored) || typeof stored.message !== 'string') return null;
  return { at: typeof stored.at === 'string' ? stored.at : '', message: stored.message.slice(0, 500) };
}
