import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { manifestForBrowser, parseTargetBrowser, type SourceManifest } from './src/build/browser-manifest.ts';
import { BROWSER_TARGETS, classicContentScripts } from './src/build/classic-content-script.ts';
import { datasetPlugin } from './src/build/dataset-plugin.ts';
import { noEvalPlugin } from './src/build/no-eval-plugin.ts';
import { INJECTED_SCRIPT_SOURCES } from './src/shared/injected-scripts.ts';

const root = import.meta.dirname;
const source = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')) as SourceManifest;

// `vite build --mode chrome` or `--mode firefox`: one source manifest, one output per browser.
export default defineConfig(({ mode }) => {
  const target = parseTargetBrowser(mode);
  // The e2e tests' build (npm run build:e2e) goes to dist-e2e/ and alone answers test-only messages.
  const testMessages = process.env.LENS_TEST_MESSAGES === '1';
  const outDir = resolve(root, testMessages ? 'dist-e2e' : 'dist', target);
  // Highlight inheritance lets Chromium's rules name only the blocks painted in (src/content/highlight-scope.ts).
  const define = { __LENS_TEST_MESSAGES__: JSON.stringify(testMessages), __LENS_HIGHLIGHTS_INHERIT__: JSON.stringify(target === 'chrome') };
  return {
    root,
    define,
    plugins: [
      preact(),
      noEvalPlugin(),
      datasetPlugin({ engineFiles: true }),
      crx({ manifest: manifestForBrowser(source, target) as never, browser: target }),
      classicContentScripts({ root, outDir, source, injected: INJECTED_SCRIPT_SOURCES, define }),
    ],
    build: {
      outDir,
      emptyOutDir: true,
      target: BROWSER_TARGETS,
      // Names are kept for store reviewers (no mangling, no rewriting); comments and whitespace
      // are dropped, since the popup pays for every byte each time it opens.
      minify: false,
      sourcemap: false,
      chunkSizeWarningLimit: 2000,
      // Pages the manifest does not name: the timeline, opened from the popup, options and cards.
      rolldownOptions: {
        input: { timeline: resolve(root, 'timeline.html') },
        // The dataset is a chunk of its own, loaded when a page asks for it: the popup starts without it.
        output: {
          codeSplitting: { groups: [{ name: 'dataset', test: /lens-dataset/ }] },
          minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } },
        },
      },
    },
  };
});
