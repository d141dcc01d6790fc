/**
 * The only place where the Chrome and Firefox builds differ. manifest.json is the one source;
 * this module derives each browser's manifest from it (vitesse-webext's src/manifest.ts does
 * the same job). Content scripts are split off: they are built separately as one classic
 * script each (see classic-content-script.ts), so crxjs never adds a loader for them.
 */

export type TargetBrowser = 'chrome' | 'firefox';

export const TARGET_BROWSERS: readonly TargetBrowser[] = ['chrome', 'firefox'];

/** The gecko id pins the moz-extension:// UUID in tests and keeps storage across updates. */
export const GECKO_ID = 'russia-iran-lens@lens.example';

/** Firefox 140 is the first with data_collection_permissions and the CSS Custom Highlight API. */
export const FIREFOX_MIN_VERSION = '140.0';
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';
/** Chrome 110+: MV3 storage.session for content-script-free access and the Highlight API (105+). */
export const CHROME_MIN_VERSION = '116';

export interface ContentScriptEntry {
  matches: string[];
  js: string[];
  run_at?: string;
  all_frames?: boolean;
  [key: string]: unknown;
}

export interface SourceManifest {
  manifest_version: 3;
  background: { service_worker: string; type?: 'module' };
  content_scripts?: ContentScriptEntry[];
  [key: string]: unknown;
}

export function parseTargetBrowser(value: string | undefined): TargetBrowser {
  if (value === 'chrome' || value === 'firefox') return value;
  throw new Error(`Unknown target browser "${value ?? ''}": build with --mode chrome or --mode firefox`);
}

/** The manifest crxjs builds for `target`, without content scripts. */
export function manifestForBrowser(source: SourceManifest, target: TargetBrowser): Record<string, unknown> {
  const { content_scripts: _builtSeparately, background, ...common } = source;
  if (target === 'chrome') {
    return {
      ...common,
      minimum_chrome_version: CHROME_MIN_VERSION,
      background: { service_worker: background.service_worker, type: 'module' },
    };
  }
  return {
    ...common,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // Required of new add-ons since November 2025. We collect nothing.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  };
}

/** Content-script entries with their source paths replaced by the built classic scripts. */
export function builtContentScripts(source: SourceManifest, builtFileFor: (sourcePath: string) => string): ContentScriptEntry[] {
  return (source.content_scripts ?? []).map((entry) => ({ ...entry, js: entry.js.map(builtFileFor) }));
}

/** The file name a content-script source is built to: `src/content/main.ts` → `content-main.js`. */
export function contentScriptOutputName(sourcePath: string): string {
  const parts = sourcePath.replace(/\.[cm]?[jt]sx?$/, '').split('/');
  return `${parts.slice(-2).join('-')}.js`;
}
