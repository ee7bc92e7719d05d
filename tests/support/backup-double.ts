import type { GrafanaTransport } from '../../src/alerting/grafana-api';
import { withQuery } from '../../src/alerting/grafana-api/transport';
import {
  GrafanaDouble,
  type DoubleRequest,
  type DoubleResponse,
  type GrafanaDoubleOptions,
} from '../grafana-double/core';
import { USER_HEADER } from '../grafana-double/users';
import { createBackupApi, type BackupApi, type PluginDashboard } from '../../src/backup/api';
import { parkAwareTransport } from './parked-timeout';

/*
 * Test support (not shipped): the Grafana API double plus the three endpoints backup uses that
 * the double does not model — the current organization, the app's bundled dashboards and their
 * import — answered in front of it, with their own write log.
 */

export const PLUGIN_ID = 'fullstack-monitoring-app';

export interface BackupDoubleOptions extends GrafanaDoubleOptions {
  org?: { id: number; name: string };
  /** Dashboards the installed plugin ships; `imported` says whether Grafana has imported them. */
  dashboards?: PluginDashboard[];
  user?: string;
  /** `fetch`: through the real fetch transport (JSON on the wire); `direct`: a transport calling the double (jsdom tests). */
  via?: 'fetch' | 'direct';
  timeoutMs?: number;
}

export class PluginExtrasDouble {
  readonly writeLog: Array<{ method: string; path: string }> = [];

  constructor(
    private readonly double: GrafanaDouble,
    public org: { id: number; name: string },
    readonly dashboards: PluginDashboard[]
  ) {}

  async handle(request: DoubleRequest): Promise<DoubleResponse> {
    const url = new URL(request.url, 'http://grafana.double');
    const path = url.pathname;
    const method = request.method.toUpperCase();
    const login = Object.entries(request.headers ?? {}).find(([k]) => k.toLowerCase() === USER_HEADER)?.[1];
    const user = this.double.users[login ?? this.double.currentUser];
    if (method === 'GET' && path === '/api/org') {
      return { status: 200, body: { id: this.org.id, name: this.org.name, address: {} } };
    }
    const list = /^\/api\/plugins\/([^/]+)\/dashboards$/.exec(path);
    if (method === 'GET' && list) {
      return list[1] === PLUGIN_ID
        ? { status: 200, body: this.dashboards.map((d) => ({ ...d, pluginId: PLUGIN_ID, slug: d.uid })) }
        : { status: 404, body: { message: 'Plugin not found' } };
    }
    if (method === 'POST' && path === '/api/dashboards/import') {
      this.writeLog.push({ method, path });
      if (!user || user.role === 'Viewer') {
        return { status: 403, body: { message: 'Access denied' } };
      }
      const body = request.body as { pluginId?: string; path?: string };
      const dashboard = this.dashboards.find((d) => d.path === body.path);
      if (body.pluginId !== PLUGIN_ID || !dashboard) {
        return { status: 404, body: { message: 'Dashboard not found' } };
      }
      dashboard.imported = true;
      dashboard.importedRevision = dashboard.revision;
      return { status: 200, body: { uid: dashboard.uid, imported: true } };
    }
    return this.double.handle(request);
  }

  /** Every write either part received. */
  totalWrites(): number {
    return this.double.writeLog.length + this.writeLog.length;
  }
}

/** The dashboards the test plugin ships (paths and revisions as plugin.json includes would give). */
export function shippedDashboards(imported: boolean): PluginDashboard[] {
  return [
    { uid: 'fsm-home', title: 'Full-Stack Monitoring: home', path: 'dashboards/home.json', revision: 3 },
    {
      uid: 'fsm-infrastructure-node',
      title: 'Node exporter',
      path: 'dashboards/infrastructure-node.json',
      revision: 7,
    },
    { uid: 'fsm-core-prometheus', title: 'Prometheus', path: 'dashboards/core-prometheus.json', revision: 2 },
  ].map((d) => ({ ...d, imported, importedRevision: imported ? d.revision : 0 }));
}

export function backupDouble(options: BackupDoubleOptions = {}): {
  double: GrafanaDouble;
  extras: PluginExtrasDouble;
  api: BackupApi;
  apiAs: (login: string, opts?: { disableProvenance?: boolean }) => BackupApi;
} {
  const double = new GrafanaDouble(options);
  double.addDatasource({ uid: 'prom', name: 'Prometheus', url: 'http://127.0.0.1:19090' });
  double.addPlugin(PLUGIN_ID, { enabled: true });
  const extras = new PluginExtrasDouble(
    double,
    options.org ?? { id: 1, name: 'Main Org.' },
    options.dashboards ?? shippedDashboards(false)
  );
  const transport = (headers: Record<string, string>): GrafanaTransport =>
    options.via === 'direct'
      ? async (request) => {
          const answer = await extras.handle({
            method: request.method,
            url: withQuery(request.path, request.query),
            headers: { ...headers, ...request.headers },
            // What a wire would do to the body: no undefined fields, no shared references.
            body: request.body === undefined ? undefined : JSON.parse(JSON.stringify(request.body)),
          });
          return { status: answer.status, data: answer.body };
        }
      : parkAwareTransport(extras, double, { headers, timeoutMs: options.timeoutMs });
  const make = (headers: Record<string, string>, disableProvenance?: boolean) =>
    createBackupApi(transport(headers), { disableProvenance });
  return {
    double,
    extras,
    api: make(options.user ? { [USER_HEADER]: options.user } : {}),
    apiAs: (login, opts = {}) => make({ [USER_HEADER]: login }, opts.disableProvenance),
  };
}
