// Layers by runtime, as VS Code does: the folder a file sits in says where it may run, and this
// config fails any import that crosses the wrong way.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = { group: ['node:*'], message: 'shared/ is pure: only *.node.ts files may use Node.' };
const electronImport = { name: 'electron', message: 'Only electron/ may import electron.' };
const reactImport = { group: ['react', 'react-dom', 'react-dom/*', 'ag-grid-*'], message: 'UI libraries belong in renderer/.' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.node.ts', 'shared/**/*.test.ts', 'shared/cli/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { paths: [electronImport], patterns: [nodeBuiltins, reactImport] }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['shared/**/*.node.ts', 'shared/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronImport], patterns: [reactImport] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [
            { group: ['node:*', 'fs', 'path', 'worker_threads'], message: 'The renderer reaches Node only through the preload API.' },
            {
              group: ['**/*.node', '**/*.node.js', '**/*.node.ts'],
              message: 'shared/**/*.node.ts runs in Node only; the renderer reaches it through the preload API.',
            },
          ],
        },
      ],
    },
  },
  {
    // Functions a reader can hold in their head; tests and build scripts aside.
    files: ['shared/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'electron/testing/**'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }] },
  },
  {
    files: ['electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [reactImport] }] },
  },
);
