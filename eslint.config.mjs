import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';

/** Proved by tests/unit/shipped-imports.test.ts, which lints real pages with one such import added. */
const SHIPPED_CODE_IMPORT_RESTRICTIONS = {
  paths: [{ name: 'yaml', message: 'YAML is written at build time only (src/generate/).' }],
  patterns: [
    {
      // a regex, not a glob: globs never match relative specifiers such as '../../generate/x'
      regex: '^(\\.{1,2}/)+(.*/)?generate(/|$)',
      message: 'src/generate/ runs at build time only: shipped code must not import it.',
    },
    {
      regex: '^(\\.{1,2}/)+tests(/|$)',
      message: 'tests/ holds test doubles and fixtures: shipped code must not import them.',
    },
    {
      regex: '(\\.promtool|/promtool-cases)$',
      message: 'promtool cases are test data for the generator: they must not ship in the catalog chunk.',
    },
    {
      regex: '^(\\.{1,2}/)+(.*/)?evidence(/|$)',
      message: 'catalog/evidence is test data (where each name comes from): it must not ship in the catalog chunk.',
    },
    {
      regex: '^(\\.{1,2}/)+(.*/)?coverage(/|$)',
      message:
        'catalog/coverage is build-time data (what the references offer): it must not ship in the catalog chunk.',
    },
    {
      group: ['@grafana/grafana-foundation-sdk', '@grafana/grafana-foundation-sdk/**'],
      message: 'foundation-sdk builds dashboards at build time (src/generate/); it must not ship.',
    },
  ],
};

export default defineConfig([
  {
    ignores: [
      '**/logs',
      '**/*.log',
      '**/npm-debug.log*',
      '**/yarn-debug.log*',
      '**/yarn-error.log*',
      '**/.pnpm-debug.log*',
      '**/node_modules/',
      '.yarn/cache',
      '.yarn/unplugged',
      '.yarn/build-state.yml',
      '.yarn/install-state.gz',
      '**/.pnp.*',
      '**/pids',
      '**/*.pid',
      '**/*.seed',
      '**/*.pid.lock',
      '**/lib-cov',
      'coverage/',
      '**/dist/',
      'artifacts/',
      '.config/',
      '**/artifacts/',
      '**/work/',
      '**/ci/',
      'test-results/',
      'playwright-report/',
      'blob-report/',
      'playwright/.cache/',
      'playwright/.auth/',
      '**/.idea',
      '**/.eslintcache',
    ],
  },
  ...baseConfig,
  {
    // The scaffold lints src/ only; generators, stack scripts and tests are code too.
    files: ['scripts/**/*.ts', 'tests/**/*.ts'],
    languageOptions: {
      parserOptions: {
        project: './tsconfig.json',
      },
    },
  },
  {
    // Shipped code must not log (the bundle runs inside users' Grafana); scripts print on purpose.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-console': 'error',
    },
  },
  {
    // What the bundle can reach must never pull in build-time code: the generators, the YAML writer
    // and foundation-sdk would ship to every browser (and webpack would not notice, it bundles them).
    files: ['src/**/*.{ts,tsx}'],
    ignores: [
      'src/generate/**',
      'src/**/*.test.{ts,tsx}',
      'src/catalog/**/*.promtool.ts',
      'src/catalog/promtool-cases.ts',
      'src/catalog/evidence/**',
      'src/catalog/coverage/**',
    ],
    rules: {
      'no-restricted-imports': ['error', SHIPPED_CODE_IMPORT_RESTRICTIONS],
    },
  },
  {
    // The datasource module is its own entry, loaded wherever the datasource is used: importing the
    // full catalog would ship all of it (about 60 KiB gzip) where ids, layers and detection suffice.
    files: ['src/datasource/**/*.{ts,tsx}', 'src/inventory/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...SHIPPED_CODE_IMPORT_RESTRICTIONS,
          patterns: [
            ...SHIPPED_CODE_IMPORT_RESTRICTIONS.patterns,
            {
              regex: '^(\\.{1,2}/)+catalog(/index|/define|/exporters(/.*)?)?$',
              message:
                'import the runtime form (catalog/runtime): the full catalog would ship in the datasource module.',
            },
          ],
        },
      ],
    },
  },
]);
