// Lint rules, and the import boundaries that keep the architecture honest (darkreader's
// pattern): the core is pure, the content script stays small and zod-free, UI never reaches
// into the page script, the background never imports UI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import noUnsanitized from 'eslint-plugin-no-unsanitized';

const parts = ['content', 'background', 'popup', 'options', 'timeline', 'ui', 'shared', 'node', 'build', 'cli'];
const forbidParts = (...names) => names.map((name) => ({ group: [`**/${name}/*`, `../${name}/*`, `../../${name}/*`], message: `may not import src/${name}` }));
const restrict = (patterns, paths = []) => ['error', { patterns, paths }];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-e2e/**', 'node_modules/**', 'coverage/**', '.vite/**', 'test/fixtures/**', 'docs/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Every HTML sink: page text is never inserted as HTML (Mozilla's no-unsanitized, with srcdoc
    // added to its innerHTML/outerHTML/insertAdjacentHTML/document.write/createContextualFragment/
    // setHTMLUnsafe checks), and the outright bans below for what it would let through as "static".
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'no-unsanitized': noUnsanitized },
    rules: {
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': ['error', {}, { srcdoc: {} }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML|srcdoc)$/]", message: 'never insert HTML: build DOM nodes or use Preact' },
        { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe)$/]", message: 'never parse or insert HTML: build DOM nodes or use Preact' },
        { selector: "CallExpression[callee.object.name=/^(document|doc|ownerDocument)$/][callee.property.name=/^(write|writeln)$/]", message: 'never write HTML into a document' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'never insert HTML: let Preact build the nodes' },
      ],
    },
  },
  {
    // Tests poke at JSON and mutate fixtures; `any` is the honest type there.
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [...forbidParts(...parts), { group: ['node:*', 'preact', 'preact/*', '@floating-ui/*'], message: 'src/core is pure: no Node, DOM or UI libraries' }],
        [{ name: 'webextension-polyfill', message: 'src/core is pure: no extension API' }],
      ),
    },
  },
  {
    files: ['src/content/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [...forbidParts('background', 'popup', 'options', 'timeline', 'node', 'build', 'cli')],
        [{ name: 'zod', message: 'the content script runs on every page: keep zod out (type imports are fine)', allowTypeImports: true }],
      ),
    },
  },
  {
    files: ['src/popup/**/*.{ts,tsx}', 'src/options/**/*.{ts,tsx}', 'src/ui/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(forbidParts('content', 'background', 'node', 'build', 'cli')) },
  },
  {
    // The timeline page: UI like the others, and no other page imports it.
    files: ['src/timeline/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(forbidParts('content', 'background', 'popup', 'options', 'node', 'build', 'cli')) },
  },
  {
    // Its model is pure, like src/core: it runs in Node tests and the benchmark.
    files: ['src/timeline/model/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [...forbidParts('content', 'background', 'popup', 'options', 'ui', 'node', 'build', 'cli'), { group: ['preact', 'preact/*'], message: 'the timeline model is pure: no UI' }],
        [{ name: 'webextension-polyfill', message: 'the timeline model is pure: no extension API' }],
      ),
    },
  },
  {
    files: ['src/background/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(forbidParts('content', 'popup', 'options', 'timeline', 'ui', 'node', 'build', 'cli')) },
  },
);
