import type { DataSourceJsonData } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import type { TargetHealth } from '../inventory/targets';

/** The uid the app creates its inventory datasource with (and the provisioning file uses). */
export const INVENTORY_DATASOURCE_UID = 'fsm-inventory';
export const INVENTORY_DATASOURCE_TYPE = 'fullstack-inventory-datasource';
export const INVENTORY_DATASOURCE_NAME = 'Full-Stack Inventory';

/** How Grafana's server authenticates to the upstreams; each mode has its own plugin.json routes. */
export type AuthMode = 'none' | 'basic' | 'bearer';
export const AUTH_MODES: readonly AuthMode[] = ['none', 'basic', 'bearer'];

/** The services the datasource reads, each with its URL in jsonData. */
export type Upstream = 'prometheus' | 'alertmanager' | 'pushgateway';

/**
 * The plugin.json route prefix for an upstream and auth mode: `prometheus`, `prometheus-basic`,
 * `prometheus-bearer`, … followed by one of the upstream's UPSTREAM_API paths. Grafana matches
 * route paths as prefixes (a test checks that no route shadows a later one).
 */
export function routePath(upstream: Upstream, authMode: AuthMode = 'none'): string {
  return authMode === 'none' ? upstream : `${upstream}-${authMode}`;
}

/** The least organization role a proxy route admits; plugin.json writes `reqRole` only for Admin. */
export type RouteRole = 'Viewer' | 'Admin';

/**
 * Every API path the datasource calls, per upstream, with the role its route requires. plugin.json
 * has one route per path and auth mode and nothing else, so Grafana's proxy reaches these paths only
 * (not `/api/v1/status/config`, the admin API or `/-/quit` on the same host); the checks only Save &
 * test runs are Admin-only. A test keeps plugin.json and this list identical.
 */
export const UPSTREAM_API: Record<Upstream, Readonly<Record<string, RouteRole>>> = {
  prometheus: {
    '/api/v1/targets': 'Viewer',
    // Before /api/v1/query: Grafana matches route paths as prefixes, first match wins.
    '/api/v1/query_range': 'Viewer',
    '/api/v1/query': 'Viewer',
    '/api/v1/rules': 'Viewer',
    '/api/v1/status/buildinfo': 'Admin',
  },
  alertmanager: { '/api/v2/status': 'Admin' },
  pushgateway: { '/api/v1/metrics': 'Viewer', '/api/v1/status': 'Admin' },
};

export type InventoryQueryKind = 'targets' | 'exporters' | 'coverage' | 'pushgateway' | 'rule-doctor';

export interface InventoryQuery extends DataQuery {
  kind?: InventoryQueryKind;
  /** Layer ids (or template variables resolving to them); empty = all. */
  layers?: string[];
  /** Exporter ids, `unknown` for unclassified targets; empty = all. */
  exporters?: string[];
  health?: TargetHealth[];
  /** Whole-name regex on the job, like a PromQL `=~` (may hold template variables). */
  jobRegex?: string;
}

export const DEFAULT_QUERY: Partial<InventoryQuery> = { kind: 'targets' };

/** What a template variable lists. */
export type VariableQueryKind = 'layers' | 'exporters' | 'jobs';
export interface InventoryVariableQuery {
  kind: VariableQueryKind;
}

/**
 * Non-secret settings (readable by every user of the org). Secrets live in secureJsonData and only
 * reach upstreams as route headers, templated by Grafana's server.
 */
export interface InventoryDataSourceOptions extends DataSourceJsonData {
  /** Prometheus' base URL as Grafana's server reaches it, e.g. http://prometheus:9090. */
  prometheusUrl?: string;
  authMode?: AuthMode;
  /** The basic-auth user, shown in the editor; the header value itself is secret. */
  basicAuthUser?: string;
  alertmanagerUrl?: string;
  pushgatewayUrl?: string;
  /**
   * A custom HTTP header Grafana adds to every request of this datasource (e.g. `X-Scope-OrgID`, the
   * tenant of Mimir or Cortex). Grafana's own convention: the name here, the value in secureJsonData
   * `httpHeaderValue1`; its data proxy applies the pair to route and non-route requests alike.
   */
  httpHeaderName1?: string;
}

/** Secrets. Write-only from the browser: Grafana returns only `secureJsonFields[k] = true`. */
export interface InventorySecureJsonData {
  /** base64("user:password"), computed by the editor because route templates cannot encode. */
  basicAuthEncoded?: string;
  bearerToken?: string;
  /** The value of the custom header `httpHeaderName1` (a tenant id may be a credential). */
  httpHeaderValue1?: string;
}

/** Body of Prometheus' GET /api/v1/status/buildinfo. */
export interface PrometheusBuildInfoResponse {
  status?: string;
  data?: { version?: string; revision?: string; branch?: string };
}
