/**
 * Grafana's boot data (window.grafanaBootData) for the sandbox: the user, and the settings the
 * frontend reads at start-up, notably `datasources` (what getDataSourceSrv() lists, for every role)
 * and `panels`. Pure functions shared by the server (initial page) and the host (reload after a
 * datasource is saved), so both build the same shapes.
 */

export type SandboxRole = 'Admin' | 'Editor' | 'Viewer';

/** A datasource as Grafana's API returns it (GET /api/datasources/uid/<uid>). */
export interface DataSourceRecord {
  id: number;
  uid: string;
  name: string;
  type: string;
  url?: string;
  access?: string;
  isDefault?: boolean;
  readOnly?: boolean;
  jsonData?: Record<string, unknown>;
  secureJsonFields?: Record<string, boolean>;
  basicAuth?: boolean;
  basicAuthUser?: string;
  user?: string;
  database?: string;
  version?: number;
}

/** The part of a plugin's meta the frontend needs to list and load it. */
export interface PluginMetaLite {
  id: string;
  name: string;
  type: 'app' | 'datasource' | 'panel';
  module: string;
  baseUrl: string;
  info: Record<string, unknown>;
  metrics?: boolean;
  backend?: boolean;
  alerting?: boolean;
  annotations?: boolean;
  logs?: boolean;
}

export const APP_ID = 'fullstack-monitoring-app';

/** Permissions Grafana puts in boot data per basic role (the subset the app and Grafana's pages read). */
export function permissionsFor(role: SandboxRole): Record<string, boolean> {
  const viewer = { 'datasources:query': true, 'dashboards:read': true, 'folders:read': true, 'alert.rules:read': true };
  if (role === 'Viewer') {
    return viewer;
  }
  const editor = { ...viewer, 'dashboards:write': true, 'dashboards:create': true, 'alert.rules:write': true };
  if (role === 'Editor') {
    return editor;
  }
  return {
    ...editor,
    'plugins:write': true,
    'datasources:read': true,
    'datasources:write': true,
    'folders:create': true,
    'alert.notifications:write': true,
    // Granted to Admins by the app's plugin.json roles.
    [`${APP_ID}.setup:write`]: true,
  };
}

export function bootUser(role: SandboxRole) {
  return {
    id: role === 'Admin' ? 1 : 2,
    uid: `sandbox-${role.toLowerCase()}`,
    login: role.toLowerCase(),
    name: `Sandbox ${role}`,
    email: `${role.toLowerCase()}@sandbox.test`,
    isSignedIn: true,
    isGrafanaAdmin: role === 'Admin',
    orgId: 1,
    orgName: 'Main Org.',
    orgRole: role,
    theme: 'dark',
    timezone: 'browser',
    weekStart: 'browser',
    locale: 'en-US',
    language: 'en-US',
    helpFlags1: 0,
    hasEditPermissionInFolders: role !== 'Viewer',
    permissions: permissionsFor(role),
  };
}

/** One datasource as boot data lists it: frontend requests go through /api/datasources/proxy/uid/<uid>. */
export function instanceSettings(record: DataSourceRecord, metas: Record<string, PluginMetaLite>) {
  const meta = metas[record.type];
  return {
    id: record.id,
    uid: record.uid,
    name: record.name,
    type: record.type,
    access: record.access ?? 'proxy',
    url: `/api/datasources/proxy/uid/${record.uid}`,
    isDefault: Boolean(record.isDefault),
    readOnly: Boolean(record.readOnly),
    jsonData: record.jsonData ?? {},
    meta: meta ?? { id: record.type, name: record.type, type: 'datasource', module: '', baseUrl: '', info: {} },
    rawRef: { uid: record.uid, type: record.type },
  };
}

export type BootDataSource = ReturnType<typeof instanceSettings>;

export function bootSettings(
  records: DataSourceRecord[],
  metas: Record<string, PluginMetaLite>,
  panels: Record<string, unknown>,
  appUrl: string
) {
  const datasources: Record<string, BootDataSource> = {};
  for (const record of records) {
    datasources[record.name] = instanceSettings(record, metas);
  }
  const defaultDatasource = records.find((r) => r.isDefault)?.name ?? records[0]?.name;
  return {
    appUrl,
    appSubUrl: '',
    datasources,
    defaultDatasource,
    panels,
    apps: {},
    buildInfo: { version: '11.6.9', commit: 'sandbox', env: 'production', edition: 'Open Source' },
    featureToggles: {},
    minRefreshInterval: '5s',
    unifiedAlertingEnabled: true,
    unifiedAlerting: { minInterval: '10s' },
    namespace: 'default',
  };
}
