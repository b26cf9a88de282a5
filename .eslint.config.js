// ESLint flat config (a dotfile, passed with --config). Fences which folders may import what (DESIGN.md §1).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const pureCore = ['src/hub', 'src/crawl', 'src/graph', 'src/layout', 'src/store', 'src/export', 'src/view'];
const noReact = { name: 'react', message: 'React lives in src/ui only.' };
const noSigma = { name: 'sigma', message: 'sigma is imported only where the graph is drawn (src/render).' };
const noHub = { name: '@huggingface/hub', message: '@huggingface/hub is imported only in src/hub.' };
const noIdb = { name: 'idb', message: 'idb is imported only in src/store.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  ...pureCore.map((dir) => ({
    files: [`${dir}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noReact, noSigma, ...(dir === 'src/hub' ? [] : [noHub]), ...(dir === 'src/store' ? [] : [noIdb])],
          patterns: [{ group: ['**/ui/**', '**/render/**'], message: 'Core modules do not import the UI.' }],
        },
      ],
    },
  })),
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/render/**/*.ts', 'src/cli/**/*.ts', 'src/workers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noHub, noIdb, .../* render may import sigma */ []],
        },
      ],
    },
  },
);
