// Jest setup provided by Grafana scaffolding. It stubs browser APIs (canvas, matchMedia), so it
// only applies to jsdom suites; generators and engines are tested in the node environment.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
}
