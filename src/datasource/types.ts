import type { DataSourceJsonData } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';

/** plugin.json route prefix that Grafana's proxy maps to `jsonData.prometheusUrl` (GET only). */
export const PROMETHEUS_ROUTE = 'prometheus';

export type InventoryQueryKind = 'targets';

export interface InventoryQuery extends DataQuery {
  kind?: InventoryQueryKind;
}

export const DEFAULT_QUERY: Partial<InventoryQuery> = { kind: 'targets' };

/** Non-secret settings; secrets, when needed, go to secureJsonData and into route headers. */
export interface InventoryDataSourceOptions extends DataSourceJsonData {
  /** Prometheus' base URL as Grafana's server reaches it, e.g. http://prometheus:9090. */
  prometheusUrl?: string;
}

/** Body of Prometheus' GET /api/v1/status/buildinfo. */
export interface PrometheusBuildInfoResponse {
  status?: string;
  data?: { version?: string; revision?: string; branch?: string };
}
