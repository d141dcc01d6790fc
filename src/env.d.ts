/// <reference types="vite/client" />

/** True only in builds for the e2e tests (LENS_TEST_MESSAGES=1): test-only messages exist there. */
declare const __LENS_TEST_MESSAGES__: boolean;

/**
 * True in the Chromium build: highlights there inherit their style from the parent element's, so
 * our rules can name only the blocks painted in (content/highlight-scope.ts). Firefox ESR 140 does not.
 */
declare const __LENS_HIGHLIGHTS_INHERIT__: boolean;

declare module 'virtual:lens-dataset' {
  import type { Dataset } from './core/dataset/schema.ts';
  const dataset: Dataset;
  export default dataset;
}

declare module 'virtual:lens-precheck' {
  /** Stems of each side's names and the folding table, generated from the dataset's vocabulary (precheck-patterns.ts). */
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- an ambient module may not import a relative path
  export const precheckPatterns: import('./core/engine/precheck-patterns.ts').PrecheckPatterns;
}
