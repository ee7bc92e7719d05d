// Integration tests against the real stack (scripts/stack/start.sh):
//   scripts/stack/start.sh && npx jest -c jest.integration.config.js
// Node environment and one worker: the tests share one Prometheus, and some stop and restart its exporters.
const { transform } = require('./.config/jest.config');

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
  transform,
  maxWorkers: 1,
  globalSetup: '<rootDir>/tests/integration/globalSetup.ts',
  // start.sh re-runs inside tests wait for scrapes; 5 s per scrape interval adds up
  testTimeout: 120_000,
};
