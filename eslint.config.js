// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import boundaries by runtime (VS Code's layering, as folder rules):
 *   shared   → imports none of the others, no Node, no DOM-only or Electron modules
 *   renderer → shared only; never server or electron
 *   server   → shared only; never electron or renderer
 *   electron → shared and server (main starts the core in-process); never renderer
 */
const nodeBuiltinNames = [
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'zlib',
  'stream',
  'url',
  'util',
  'events',
];
// Bare names as exact paths (a folder called "Events" must not match), `node:` as a pattern.
const nodeBuiltins = ['node:*', ...nodeBuiltinNames];

/**
 * @param {string[]} folders our folders this layer must not import from
 * @param {string[]} runtimes module names this layer must not import (exact names; `node:*` as a pattern)
 */
function forbid(folders, runtimes = []) {
  const message = 'This runtime is not available in this layer.';
  return {
    // Exact names, so a folder called "Events" does not match Node's "events".
    paths: runtimes.filter((r) => !r.includes('*')).map((name) => ({ name, message })),
    patterns: [
      ...folders.map((f) => ({
        group: [`**/${f}`, `**/${f}/**`],
        message: `This layer must not import from ${f}/ (see ARCHITECTURE.md).`,
      })),
      ...runtimes.filter((r) => r.includes('*')).map((glob) => ({ group: [glob], message })),
    ],
  };
}

export default tseslint.config(
  { ignores: ['.scratch/**', 'out/**', 'dist/**', 'node_modules/**', 'bench/results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
      eqeqeq: 'error',
      curly: 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        forbid(
          ['renderer', 'server', 'electron'],
          [...nodeBuiltins, 'electron', 'react', 'react-dom', 'fabric', 'ws'],
        ),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', forbid(['server', 'electron'], [...nodeBuiltins, 'electron', 'ws'])],
      'no-restricted-globals': [
        'error',
        { name: 'localStorage', message: 'Use renderer/src/platform/preferences.ts.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'window',
          property: 'open',
          message: 'Links go through <a>; new windows go through the desktop API.',
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', forbid(['renderer', 'electron'], ['electron'])],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', forbid(['renderer'])],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', forbid(['renderer', 'server', 'main'], nodeBuiltins)],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', '**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    // Tests index into arrays they just checked; noUncheckedIndexedAccess makes `!` the readable way.
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
