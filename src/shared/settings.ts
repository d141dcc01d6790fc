/**
 * Settings: one zod schema, versioned migrations, and a reader that never throws and never
 * silently drops what the user set. A corrupt field falls back to its default on its own
 * (the others are kept), and the caller is told which fields fell back, so the options page
 * can say so.
 */
import { z } from 'zod';

export const SETTINGS_VERSION = 1;

/** `example.com` (and its subdomains) or `*.example.com`; lowercase host names only. */
export const SitePatternSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, 'must be a host name such as example.com or *.example.com');

export const HighlightStyleSchema = z.enum(['underline', 'underline-and-tint', 'tint']);

export const SettingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION),
  /** Off: "pause everywhere". */
  enabled: z.boolean(),
  disabledSites: z.array(SitePatternSchema).max(1000),
  highlightStyle: HighlightStyleSchema,
  actorHighlights: z.boolean(),
  minConfidence: z.number().min(0.5).max(0.95),
  badge: z.boolean(),
  iframes: z.boolean(),
  shadowDom: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  enabled: true,
  disabledSites: [],
  highlightStyle: 'underline-and-tint',
  actorHighlights: false,
  minConfidence: 0.6,
  badge: true,
  iframes: false,
  shadowDom: false,
};

export interface SettingsReading {
  readonly settings: Settings;
  /** Fields that were unreadable and fell back to their defaults (empty when all was well). */
  readonly fellBack: readonly string[];
}

type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/**
 * MIGRATIONS[n] turns version n into version n + 1. Version 0 is anything stored without a
 * version (an early build kept a `paused` flag instead of `enabled`).
 */
const MIGRATIONS: Migration[] = [
  ({ paused, ...rest }) => ({ ...rest, ...(typeof paused === 'boolean' ? { enabled: !paused } : {}), version: 1 }),
];

function migrate(raw: Record<string, unknown>): Record<string, unknown> {
  let current = raw;
  let version = typeof current.version === 'number' && Number.isInteger(current.version) ? current.version : 0;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) break;
    current = step(current);
    version++;
  }
  return current;
}

/** Reads whatever storage holds; never throws. */
export function readSettings(stored: unknown): SettingsReading {
  if (stored === undefined || stored === null) return { settings: DEFAULT_SETTINGS, fellBack: [] };
  if (typeof stored !== 'object' || Array.isArray(stored)) return { settings: DEFAULT_SETTINGS, fellBack: ['settings'] };
  // Fields this version does not know (a newer one wrote them) are left out of the reading,
  // not reported: the store keeps them as they are (see settings-storage.ts).
  const migrated = Object.fromEntries(Object.entries(migrate(stored as Record<string, unknown>)).filter(([key]) => key in SettingsSchema.shape));
  if (typeof migrated.version === 'number' && migrated.version > SETTINGS_VERSION) {
    // Written by a newer version of the extension: read what we understand, keep defaults for the rest.
    migrated.version = SETTINGS_VERSION;
  }
  const whole = SettingsSchema.safeParse(migrated);
  if (whole.success) return { settings: whole.data, fellBack: [] };

  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const fellBack: string[] = [];
  for (const [key, schema] of Object.entries(SettingsSchema.shape)) {
    if (key === 'version' || !(key in migrated)) continue;
    const field = (schema as z.ZodType).safeParse(migrated[key]);
    if (field.success) settings[key] = field.data;
    else if (key === 'disabledSites' && Array.isArray(migrated[key])) {
      // Keep every valid site; only the bad entries are dropped (and reported).
      const valid = (migrated[key] as unknown[]).flatMap((site) => {
        const parsed = SitePatternSchema.safeParse(site);
        return parsed.success ? [parsed.data] : [];
      });
      settings[key] = [...new Set(valid)];
      fellBack.push(key);
    } else fellBack.push(key);
  }
  return { settings: SettingsSchema.parse(settings), fellBack };
}

/** Is `hostname` covered by one of the disabled site patterns? */
export function siteDisabled(settings: Pick<Settings, 'disabledSites'>, hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return settings.disabledSites.some((pattern) => {
    const base = pattern.startsWith('*.') ? pattern.slice(2) : pattern;
    return host === base || host.endsWith(`.${base}`);
  });
}

/** The pattern the popup adds for "disable on this site": the host without a leading www. */
export function sitePatternFor(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

/** What a content script needs to know about its page: computed by the background. */
export interface PageSettings {
  readonly active: boolean;
  readonly reason: 'enabled' | 'paused' | 'site-disabled';
  readonly minConfidence: number;
  readonly highlightStyle: Settings['highlightStyle'];
  readonly actorHighlights: boolean;
  readonly shadowDom: boolean;
  readonly iframes: boolean;
}

export function pageSettingsFor(settings: Settings, hostname: string): PageSettings {
  const reason = !settings.enabled ? 'paused' : siteDisabled(settings, hostname) ? 'site-disabled' : 'enabled';
  return {
    active: reason === 'enabled',
    reason,
    minConfidence: settings.minConfidence,
    highlightStyle: settings.highlightStyle,
    actorHighlights: settings.actorHighlights,
    shadowDom: settings.shadowDom,
    iframes: settings.iframes,
  };
}
