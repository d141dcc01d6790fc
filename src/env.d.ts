/// <reference types="vite/client" />

declare module 'virtual:lens-dataset' {
  import type { Dataset } from './core/dataset/schema.ts';
  const dataset: Dataset;
  export default dataset;
}

declare module 'virtual:lens-engine-data' {
  import type { Dataset } from './core/dataset/schema.ts';
  import type { CompiledTerms } from './core/engine/term-index.ts';
  /** Parses on first call: pages that fail the pre-check never pay for it. */
  export default function engineData(): { dataset: Dataset; terms: CompiledTerms };
}
