// force timezone to UTC to allow tests to work regardless of local timezone
// generally used by snapshots, but can affect specific tests
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');
const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');
const swcTransform = base.transform['^.+\\.(t|j)sx?$'];

module.exports = {
  ...base,
  // d3-color (pulled in by @grafana/ui) ships .mjs ESM that jest cannot load untransformed.
  transform: { ...base.transform, '^.+\\.mjs$': swcTransform },
  // MSW 2 (the Grafana API double's jest adapter) depends on ESM-only packages.
  transformIgnorePatterns: [
    nodeModulesToTransform([...grafanaESModules, 'msw', '@mswjs', '@open-draft', 'rettime', 'until-async']),
  ],
  testMatch: [
    ...base.testMatch,
    '<rootDir>/tests/unit/**/*.test.ts',
    '<rootDir>/tests/grafana-double/**/*.test.ts',
    '<rootDir>/tests/support/**/*.test.ts',
  ],
  // tests/integration needs the real stack (jest.integration.config.js); tests/*.spec.ts are Playwright's.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/(?!unit/|grafana-double/|support/)'],
  // Above the 30 s Testing Library gives a condition (jest-setup.js), so a slow machine reports the
  // condition that never came true rather than Jest's 5 s "Exceeded timeout" with no cause.
  testTimeout: 60_000,
};
