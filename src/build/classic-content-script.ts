/**
 * Builds each content script as one self-contained classic script and declares it in the
 * built manifest. crxjs would instead emit a small loader that imports ES modules listed in
 * `web_accessible_resources` with `use_dynamic_url: false`: a fixed URL any page can probe to
 * learn that the extension is installed. A classic script needs no web-accessible resource.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { build, type Plugin } from 'vite';
import { builtContentScripts, contentScriptOutputName, type SourceManifest } from './browser-manifest.ts';
import { datasetPlugin } from './dataset-plugin.ts';

export const BROWSER_TARGETS = ['chrome116', 'firefox140'];

/**
 * `injected`: scripts built the same way but not declared in the manifest, which the background registers or injects
 * itself (shared/injected-scripts.ts).
 */
export function classicContentScripts(options: { root: string; outDir: string; source: SourceManifest; injected?: readonly string[]; define?: Record<string, string> }): Plugin {
  // closeBundle also runs after a failed build; only add content scripts to a written bundle.
  let written = false;
  return {
    name: 'lens:classic-content-scripts',
    apply: 'build',
    buildStart() {
      written = false;
    },
    writeBundle() {
      written = true;
    },
    async closeBundle() {
      if (!written) return;
      const sources = [...new Set([...(options.source.content_scripts ?? []).flatMap((entry) => entry.js), ...(options.injected ?? [])])];
      for (const sourcePath of sources) {
        await build({
          configFile: false,
          root: options.root,
          logLevel: 'warn',
          plugins: [preact(), datasetPlugin()],
          // The same build-time constants as the rest of the extension (e.g. __LENS_TEST_MESSAGES__).
          define: options.define ?? {},
          build: {
            outDir: options.outDir,
            emptyOutDir: false,
            copyPublicDir: false,
            target: BROWSER_TARGETS,
            // Every page pays for each byte: comments and whitespace go and statements are compressed (about 0.4 KB
            // gzip of the content script), but nothing is renamed, so store reviewers still read our names.
            minify: false,
            rolldownOptions: { output: { minify: { compress: true, mangle: false, codegen: { removeWhitespace: true } } } },
            lib: {
              entry: resolve(options.root, sourcePath),
              formats: ['iife'],
              name: 'lensContentScript',
              fileName: () => contentScriptOutputName(sourcePath),
            },
          },
        });
      }
      const manifestPath = join(options.outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
      manifest.content_scripts = builtContentScripts(options.source, contentScriptOutputName);
      writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}
