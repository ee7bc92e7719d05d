// The typed Grafana API client used by the alerting engine. backend-srv-transport.ts is left out on
// purpose: it pulls in @grafana/runtime, which scripts and node tests do not have a Grafana for.
export * from './types';
export * from './errors';
export * from './transport';
export { createGrafanaApi, type GrafanaApiOptions } from './client';
export { fetchTransport, type FetchTransportOptions } from './fetch-transport';
