/**
 * Checks on what `npm run build` produced, run before the browser tests: the manifests
 * expose nothing a page could probe, ask for least privilege, and Firefox's linter passes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ENGINE_FILES } from '../../src/shared/engine-files.ts';
import { READER, READS_BEYOND } from '../../src/shared/injected-scripts.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const manifestOf = (browser: 'chrome' | 'firefox') => JSON.parse(readFileSync(resolve(ROOT, 'dist', browser, 'manifest.json'), 'utf8'));

describe.each(['chrome', 'firefox'] as const)('the %s build', (browser) => {
  const manifest = manifestOf(browser);

  it('exposes no web-accessible resource a page could probe to detect the extension', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(JSON.stringify(manifest)).not.toMatch(/use_dynamic_url/);
  });

  it('ships each content script as one classic script, without module imports or zod', () => {
    expect(manifest.content_scripts).toHaveLength(1);
    const [entry] = manifest.content_scripts;
    expect(entry.matches).toEqual(['http://*/*', 'https://*/*']);
    expect(entry.all_frames).toBe(false);
    expect(entry.js).toHaveLength(1);
    const script = readFileSync(resolve(ROOT, 'dist', browser, entry.js[0]), 'utf8');
    expect(script).not.toMatch(/^\s*import[\s{*]|\bimport\(/m);
    expect(script).not.toMatch(/ZodError|\$ZodType/);
  });

  it.each([
    [READS_BEYOND.file, /russiaIranLensReadsBeyond/],
    [READER.file, /russiaIranLensReadRequest/],
  ])('ships %s, which the background injects, as a classic script too', (file, marker) => {
    const script = readFileSync(resolve(ROOT, 'dist', browser, file), 'utf8');
    expect(script).toMatch(marker);
    expect(script).not.toMatch(/^\s*import[\s{*]|\bimport\(/m);
    expect(script).not.toMatch(/ZodError|\$ZodType/);
  });

  it('asks for storage and scripting, host permissions no wider than its content script, and a strict extension CSP', () => {
    expect(manifest.permissions).toEqual(['storage', 'scripting']);
    // The pages the content script already runs on: the same install warning, not a wider one.
    expect(manifest.host_permissions).toEqual(manifest.content_scripts[0].matches);
    expect(manifest.optional_permissions).toBeUndefined();
    const csp = manifest.content_security_policy.extension_pages as string;
    // "No network" is structural: extension pages may load only their own files and connect nowhere.
    expect(csp.split(';').map((directive) => directive.trim())).toEqual(
      expect.arrayContaining(["default-src 'self'", "script-src 'self'", "object-src 'none'", "connect-src 'none'"]),
    );
    expect(manifest.content_security_policy.extension_pages).not.toMatch(/unsafe|http/);
  });

  it('answers no test-only message (they exist in the e2e build only)', () => {
    const testOnly = /lens-state|stop-lens|page-cleared|["']ping["']|__LENS_TEST_MESSAGES__/;
    const scripts = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js')).map((file) => readFileSync(resolve(dir, file), 'utf8'));
    const shipped = scripts(resolve(ROOT, 'dist', browser));
    expect(shipped.length).toBeGreaterThan(2);
    expect(shipped.filter((script) => testOnly.test(script))).toEqual([]);
    // The check can fail: the e2e build, made with the flag, does contain them.
    const e2e = resolve(ROOT, 'dist-e2e', browser);
    if (existsSync(e2e)) expect(scripts(e2e).some((script) => testOnly.test(script))).toBe(true);
  });

  it('has every file its manifest names', () => {
    const files = [
      ...Object.values(manifest.icons as Record<string, string>),
      manifest.action.default_popup,
      manifest.options_ui.page,
      ...(manifest.background.scripts ?? [manifest.background.service_worker]),
    ];
    for (const file of files) expect(existsSync(resolve(ROOT, 'dist', browser, file)), file).toBe(true);
  });
});

describe.each(['chrome', 'firefox'] as const)('the timeline page in the %s build', (browser) => {
  const dir = resolve(ROOT, 'dist', browser);
  const scriptsOf = (html: string) => [...html.matchAll(/<script[^>]+src="\/?([^"]+)"/g)].map((match) => match[1]!);

  it('is built at timeline.html, with its own entry script', () => {
    const html = readFileSync(resolve(dir, 'timeline.html'), 'utf8');
    const [entry] = scriptsOf(html);
    expect(entry).toMatch(/^assets\/timeline-[\w-]+\.js$/);
    expect(readFileSync(resolve(dir, entry!), 'utf8')).toContain('timeline-render');
  });

  it('adds nothing of itself to the content script, the reader or the popup', () => {
    const manifest = manifestOf(browser);
    const content = readFileSync(resolve(dir, manifest.content_scripts[0].js[0]), 'utf8');
    const reader = readFileSync(resolve(dir, READER.file), 'utf8');
    // The card (in the reader) only asks the background to open the page; the timeline's model and strings stay out.
    expect(reader).toContain('open-timeline');
    for (const script of [content, reader]) expect(script).not.toMatch(/timeline-render|themeDiplomacy|urn:russia-iran-lens:event/);
    const popup = readFileSync(resolve(dir, manifest.action.default_popup), 'utf8');
    const timelineEntry = scriptsOf(readFileSync(resolve(dir, 'timeline.html'), 'utf8'))[0]!;
    expect(popup).not.toContain(timelineEntry.split('/').pop()!);
    // Every chunk the popup loads, following static imports.
    const queue = scriptsOf(popup).map((script) => resolve(dir, script));
    const seen = new Set<string>();
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/timeline-render|themeDiplomacy/);
      for (const [, specifier] of code.matchAll(/\bimport\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) queue.push(resolve(dirname(file), specifier!));
    }
    expect(seen.size).toBeGreaterThan(1);
  });
});

/** Bytes after gzip -9: what a page or the popup loads, measured the way the issue measured it. */
const gzipSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * The JS a page of the extension (or its background, given its script) loads before it runs: its entry and every
 * chunk it imports statically (not `import()`).
 */
function startupScripts(distDir: string, entryPath: string): string[] {
  const entries = entryPath.endsWith('.html')
    ? [...readFileSync(resolve(distDir, entryPath), 'utf8').matchAll(/<script type="module"[^>]*src="\/([^"]+)"/g)].map((match) => resolve(distDir, match[1]!))
    : [resolve(distDir, entryPath)];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(/\b(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(resolve(dirname(file), match[1]!));
  };
  entries.forEach(visit);
  return [...seen];
}

// Budgets from issue 10. Sizes are deterministic, so they are tests; times are not (see npm run bench:floor).
// Every page loads the content script: the pre-check and its watch, 6.6 KB gzip when it came apart from the reader
// (session 8). The reader (reading, painting, the card) loads only into pages that pass the pre-check: it held
// everything before, 21.2 KB in session 7, against the 22 KB budget it kept until session 19, when it came to share
// the content script's pre-check instead of carrying a copy (22.0 to 16.2 KB) and the budget was lowered to 18 KB.
const CONTENT_SCRIPT_BUDGET = 15 * 1024;
const READER_BUDGET = 18 * 1024;
const POPUP_STARTUP_BUDGET = 60 * 1024;
// The service worker's script runs at each of its starts, whatever woke it: 2.4 MB of engine data in it cost 50 ms a start.
const BACKGROUND_STARTUP_BUDGET = 100 * 1024;

describe.each(['chrome', 'firefox'] as const)('bundle budgets of the %s build', (browser) => {
  const distDir = resolve(ROOT, 'dist', browser);
  const manifest = manifestOf(browser);
  const contentScript = resolve(distDir, manifest.content_scripts[0].js[0]);

  it(`keeps the content script, loaded on every page, within ${CONTENT_SCRIPT_BUDGET / 1024} KB gzip`, () => {
    expect(gzipSize(contentScript)).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
  });

  it(`keeps the reader, injected into pages that pass the pre-check, within ${READER_BUDGET / 1024} KB gzip`, () => {
    expect(gzipSize(resolve(distDir, READER.file))).toBeLessThanOrEqual(READER_BUDGET);
  });

  it('keeps the reader out of the content script, and the engine, the dataset and the polyfill out of both', () => {
    const script = readFileSync(contentScript, 'utf8');
    // Names only the lens's reading, painting and card carry.
    expect(script).not.toMatch(/\bclass Lens\b|attachShadow|get-page-settings/);
    for (const code of [script, readFileSync(resolve(distDir, READER.file), 'utf8')]) {
      // Names only the engine, the dataset and webextension-polyfill carry.
      expect(code).not.toMatch(/AhoCorasick|readEngineArtifact|scanBlock|compileSignatures|wrapAsyncFunction/);
      expect(code).not.toContain('tehran-summit-2022');
    }
    // The reader asks the content script's pre-check (handed over in its read request): no second copy of its patterns.
    for (const name of [/\bNameMatcher\b/, /\bprecheckPatterns\b/]) expect(script).toMatch(name);
    expect(readFileSync(resolve(distDir, READER.file), 'utf8')).not.toMatch(/\bNameMatcher\b|\bprecheckPatterns\b/);
  });

  it(`starts the popup with at most ${POPUP_STARTUP_BUDGET / 1024} KB gzip of script, the dataset loaded apart`, () => {
    const scripts = startupScripts(distDir, manifest.action.default_popup);
    expect(scripts.length).toBeGreaterThan(0);
    const total = scripts.reduce((sum, file) => sum + gzipSize(file), 0);
    expect(total).toBeLessThanOrEqual(POPUP_STARTUP_BUDGET);
    for (const file of scripts) expect(readFileSync(file, 'utf8')).not.toContain('tehran-summit-2022');
  });

  it(`starts the background with at most ${BACKGROUND_STARTUP_BUDGET / 1024} KB gzip of script, the engine's data fetched apart`, () => {
    const entries: string[] = manifest.background.scripts ?? [manifest.background.service_worker];
    const scripts = [...new Set(entries.flatMap((entry) => startupScripts(distDir, entry)))];
    expect(scripts.length).toBeGreaterThan(1);
    expect(scripts.reduce((sum, file) => sum + gzipSize(file), 0)).toBeLessThanOrEqual(BACKGROUND_STARTUP_BUDGET);
    for (const file of scripts) expect(readFileSync(file, 'utf8')).not.toContain('tehran-summit-2022');
    // The files it fetches instead: the artifact's JSON (the dataset in it) and the automaton's bytes.
    expect(readFileSync(resolve(distDir, ENGINE_FILES.json), 'utf8')).toContain('tehran-summit-2022');
    expect(readFileSync(resolve(distDir, ENGINE_FILES.automaton)).byteLength).toBeGreaterThan(500_000);
  });
});

describe('per-browser manifest differences', () => {
  it('gives Chrome a service worker and a minimum version', () => {
    const chrome = manifestOf('chrome');
    expect(chrome.background).toEqual({ service_worker: 'service-worker-loader.js', type: 'module' });
    expect(chrome.minimum_chrome_version).toMatch(/^\d+$/);
    expect(chrome.browser_specific_settings).toBeUndefined();
  });

  it('gives Firefox background scripts, a gecko id and no data collection', () => {
    const firefox = manifestOf('firefox');
    expect(firefox.background.scripts).toHaveLength(1);
    expect(firefox.background.service_worker).toBeUndefined();
    expect(firefox.browser_specific_settings.gecko).toMatchObject({
      id: expect.stringMatching(/@/),
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
  });
});

describe('web-ext lint on dist/firefox', () => {
  it('reports no errors, and no warnings beyond the documented library ones', { timeout: 120_000 }, () => {
    let output: string;
    try {
      output = execFileSync(resolve(ROOT, 'node_modules/.bin/web-ext'), ['lint', '-s', 'dist/firefox', '--output=json', '--no-config-discovery'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      output = (error as { stdout: string }).stdout; // web-ext exits non-zero on errors; the JSON says which
    }
    const report = JSON.parse(output) as { errors: { code: string }[]; warnings: { code: string; file: string; line: number }[] };
    expect(report.errors).toEqual([]);
    // Explained in the README: Preact's own support for dangerouslySetInnerHTML (a prop we never use).
    const isPreactInnerHtml = (warning: { code: string; file: string; line: number }) => {
      if (warning.code !== 'UNSAFE_VAR_ASSIGNMENT') return false;
      const lines = readFileSync(resolve(ROOT, 'dist/firefox', warning.file), 'utf8').split('\n');
      return lines.slice(Math.max(0, warning.line - 6), warning.line + 5).join('\n').includes('__html');
    };
    expect(report.warnings.filter((warning) => !isPreactInnerHtml(warning))).toEqual([]);
  });
});
