import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { datasetPlugin } from './src/build/dataset-plugin.ts';

// Fast tests in Node: the pure core, the build helpers, the CLI and DOM extraction (linkedom).
export default defineConfig({
  plugins: [preact(), datasetPlugin()],
  // Unit tests see the shipped build's message set (no test-only messages).
  // and the universal highlight rules unless a test asks for rules scoped to hosts.
  define: { __LENS_TEST_MESSAGES__: 'false', __LENS_HIGHLIGHTS_INHERIT__: 'false' },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
