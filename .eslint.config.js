// ESLint flat config (a dotfile, passed with --config). Besides the usual rules it is the house's fence
// (README "Layout"): which folder of src/ may import which other folder, and which folder alone may import each
// drawing, storage, network or Node library. Sub-paths are fenced too (`react-dom/client`, `sigma/types`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** The folders of src/ and the folders each may import: arrows run one way, from the top (ui) to the ground
 * (lineage). A folder may always import its own files. */
const FOLDERS = {
  lineage: [],
  hub: ['lineage'],
  graph: ['lineage'],
  layout: ['lineage', 'graph'],
  crawl: ['lineage', 'hub', 'graph'],
  store: ['lineage', 'graph', 'crawl'],
  export: ['lineage', 'graph', 'layout', 'view'],
  snapshot: ['lineage', 'hub', 'export'],
  stats: ['lineage', 'graph', 'export'],
  view: ['lineage', 'graph'],
  charts: ['lineage', 'graph', 'stats', 'view', 'export'],
  render: ['lineage', 'graph', 'view', 'charts'],
  workers: ['lineage', 'hub', 'graph', 'layout', 'crawl', 'store', 'export', 'snapshot', 'stats', 'view'],
  cli: ['lineage', 'hub', 'graph', 'layout', 'crawl', 'export', 'snapshot', 'stats', 'view', 'charts'],
  ui: [
    'lineage',
    'graph',
    'layout',
    'crawl',
    'store',
    'export',
    'snapshot',
    'stats',
    'view',
    'charts',
    'render',
    'workers',
  ],
};

/** Libraries only one or a few folders may import, with every sub-path. */
const LIBRARIES = [
  { groups: ['react', 'react/**', 'react-dom', 'react-dom/**'], owners: ['ui'], what: 'React lives in src/ui only.' },
  {
    groups: ['sigma', 'sigma/**', '@sigma/**', 'vega-embed', 'vega-embed/**'],
    owners: ['render'],
    what: 'sigma and vega-embed draw into the page: only src/render imports them.',
  },
  {
    groups: ['vega', 'vega/**', 'vega-lite', 'vega-lite/**', 'vega-interpreter', 'vega-interpreter/**'],
    owners: ['charts', 'render'],
    what: 'Vega is reached through src/charts (specs, safe mode, headless rendering).',
  },
  { groups: ['@huggingface/hub', '@huggingface/hub/**'], owners: ['hub'], what: '@huggingface/hub: only src/hub.' },
  { groups: ['idb', 'idb/**'], owners: ['store'], what: 'idb is imported only in src/store.' },
  {
    groups: ['node:*', 'fs', 'fs/**', 'path', 'os', 'child_process'],
    owners: ['cli'],
    what: 'Node APIs: src/cli only.',
  },
];

/** Sub-folders fenced tighter than their folder: the libraries they may not import although it may. */
const PLAIN = {
  // The explorer session and the workers' owners are plain modules (no React), tested in Node; hooks wrap them.
  'ui/session': ['react'],
};

function fenceFor(folder, files = [`src/${folder}/**/*.{ts,tsx}`], refused = []) {
  const allowed = new Set([folder, ...FOLDERS[folder]]);
  const folderPatterns = Object.keys(FOLDERS)
    .filter((other) => !allowed.has(other))
    .map((other) => ({
      group: [`../${other}/**`, `../../${other}/**`, `../../../${other}/**`],
      message: `src/${folder} may import only ${[...allowed].join(', ')} (README "Layout").`,
    }));
  const libraryPatterns = LIBRARIES.filter((l) => !l.owners.includes(folder) || refused.includes(l.groups[0])).map(
    (l) => ({
      group: l.groups,
      message: l.what,
    }),
  );
  return {
    files,
    rules: { 'no-restricted-imports': ['error', { patterns: [...folderPatterns, ...libraryPatterns] }] },
  };
}

export default tseslint.config(
  // test/bench/sigma4: a trial with its own dependencies (two sigmas), run apart from the app (its README).
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.cache/**', 'test/bench/sigma4/**'] },
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
  ...Object.keys(FOLDERS).map((folder) => fenceFor(folder)),
  ...Object.entries(PLAIN).map(([sub, refused]) => fenceFor(sub.split('/')[0], [`src/${sub}/**/*.{ts,tsx}`], refused)),
);

export { FOLDERS };
