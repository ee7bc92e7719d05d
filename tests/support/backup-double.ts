import { withQuery } from '../../src/grafana-api/transport';
import {
  GrafanaDouble,
  slugify,
  type DoubleRequest,
  type DoubleResponse,
  type GrafanaDoubleOptions,
} from '../grafana-double/core';
import { doubleFetch, timeoutWhenHanging } from '../grafana-double/fetch';
import { USER_HEADER } from '../grafana-double/users';
import {
  createGrafanaApi,
  fetchTransport,
  type GrafanaApi,
  type GrafanaTransport,
  type PluginDashboard,
} from '../../src/grafana-api';

/*
 * Test support (not shipped): the Grafana API double set up as backup's tests need it. The current
 * organization, the app's bundled dashboards and their import are answered by the double's core
 * (GET /api/org, GET /api/plugins/{id}/dashboards, POST /api/dashboards/import);
 * PluginExtrasDouble only remains as a view of them for existing tests.
 */

export const PLUGIN_ID = 'fullstack-monitoring-app';

export interface BackupDoubleOptions extends GrafanaDoubleOptions {
  org?: { id: number; name: string };
  /** Dashboards the installed plugin ships; `imported` says whether Grafana has imported them. */
  dashboards?: PluginDashboard[];
  user?: string;
  /** `fetch`: through the real fetch transport (JSON on the wire); `direct`: a transport calling the double (jsdom tests). */
  via?: 'fetch' | 'direct';
}

/** A thin view over the double: every request goes to its core. */
export class PluginExtrasDouble {
  /** Kept for compatibility: the core logs every write in `double.writeLog`, so this stays empty. */
  readonly writeLog: Array<{ method: string; path: string }> = [];

  constructor(private readonly double: GrafanaDouble) {}

  get org(): { id: number; name: string } {
    return this.double.org;
  }

  set org(org: { id: number; name: string }) {
    this.double.org = org;
  }

  /** The plugin's dashboards as GET /api/plugins/{id}/dashboards reports them now (removed ones left out). */
  get dashboards(): PluginDashboard[] {
    const files = this.double.pluginDashboards.get(PLUGIN_ID) ?? [];
    const stored = [...this.double.dashboards.values()].filter((d) => d.pluginId === PLUGIN_ID);
    return files.map((f) => {
      const match = stored.find((d) => d.slug === slugify(f.title));
      return {
        uid: match?.uid ?? f.uid,
        title: f.title,
        path: f.path,
        imported: !!match,
        importedRevision: match?.revision ?? 0,
        revision: f.revision ?? 1,
      };
    });
  }

  handle(request: DoubleRequest): Promise<DoubleResponse> {
    return this.double.handle(request);
  }

  /** Every write the double received. */
  totalWrites(): number {
    return this.double.writeLog.length;
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
  api: GrafanaApi;
  apiAs: (login: string, opts?: { disableProvenance?: boolean }) => GrafanaApi;
} {
  const double = new GrafanaDouble(options);
  double.addDatasource({ uid: 'prom', name: 'Prometheus', url: 'http://127.0.0.1:19090' });
  double.addPlugin(PLUGIN_ID, { enabled: true });
  const dashboards = options.dashboards ?? shippedDashboards(false);
  double.addPluginDashboards(
    PLUGIN_ID,
    dashboards.map((d) => ({ uid: d.uid, title: d.title, path: d.path, revision: d.revision }))
  );
  for (const d of dashboards.filter((x) => x.imported)) {
    double.seedImportedDashboard(PLUGIN_ID, d, d.importedRevision);
  }
  const extras = new PluginExtrasDouble(double);
  const timeouts = timeoutWhenHanging(double);
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
      : fetchTransport('http://grafana.test', {
          fetch: doubleFetch(double),
          // Timed out when the double hangs on the request (a timeout fault), never by the clock.
          startTimeout: timeouts,
          headers,
        });
  const make = (headers: Record<string, string>, disableProvenance?: boolean) =>
    createGrafanaApi(transport(headers), { disableProvenance });
  return {
    double,
    extras,
    api: make(options.user ? { [USER_HEADER]: options.user } : {}),
    apiAs: (login, opts = {}) => make({ [USER_HEADER]: login }, opts.disableProvenance),
  };
}
