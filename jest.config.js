// force timezone to UTC to allow tests to work regardless of local timezone
// generally used by snapshots, but can affect specific tests
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');
const swcTransform = base.transform['^.+\\.(t|j)sx?$'];

module.exports = {
  ...base,
  // d3-color (pulled in by @grafana/ui) ships .mjs ESM that jest cannot load untransformed.
  transform: { ...base.transform, '^.+\\.mjs$': swcTransform },
  testMatch: [...base.testMatch, '<rootDir>/tests/unit/**/*.test.ts'],
  // tests/integration needs the real stack (jest.integration.config.js); tests/*.spec.ts are Playwright's.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/(?!unit/)'],
};
