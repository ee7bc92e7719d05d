// The Grafana API test double: a framework-free core and its adapters (in-process fetch, MSW, node:http).
// msw.ts is not re-exported here so that tests which do not use MSW never load it.
export * from './core';
export * from './users';
export { doubleFetch, timeoutWhenHanging } from './fetch';
export { startGrafanaDoubleServer, type RunningDoubleServer } from './http-server';
