// Journey: an admin points the inventory datasource at a Prometheus that sits behind basic auth. Grafana's
// datasource proxy (emulated by grafana-proxy.ts, with the routes of the real src/datasource/plugin.json) adds
// the credentials; the browser never has them. The datasource lists every target of the real stack, classified
// by the catalog; a wrong password, no credentials or a write attempt each end with a clear answer.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DataFrame, DataQueryRequest, DataSourceInstanceSettings } from '@grafana/data';
import { backendSrvShim, startGrafanaProxy, type GrafanaProxy, type PluginRoute } from './grafana-proxy';
import { createPrometheusClient, readStackEnv } from './prometheus';

// @grafana/data reads `window` while loading; the node test environment has none.
(globalThis as { window?: unknown }).window ??= globalThis;
const { DataSource } = require('../../src/datasource/DataSource') as typeof import('../../src/datasource/DataSource');
const { encodeBasicAuth } =
  require('../../src/datasource/basicAuth') as typeof import('../../src/datasource/basicAuth');
const { getExporter } = require('../../src/catalog') as typeof import('../../src/catalog');
import type { InventoryDataSourceOptions, InventoryQuery } from '../../src/datasource/types';

// jest.integration.config.js does not transform node_modules, and @grafana/data requires this ES module at
// load time; the inventory never interpolates colours, so an empty stand-in is enough.
jest.mock('d3-interpolate', () => ({}));

let mockBackendSrv: ReturnType<typeof backendSrvShim>;
jest.mock('@grafana/runtime', () => ({
  getBackendSrv: () => mockBackendSrv,
  getTemplateSrv: () => {
    throw new Error('no template service outside Grafana');
  },
  isFetchError: (e: unknown) => typeof e === 'object' && e !== null && 'status' in e && 'data' in e,
}));

const env = readStackEnv();
const AUTH_URL = env.FSM_PROM_AUTH_URL ?? 'http://127.0.0.1:19095';
const USER = env.FSM_PROM_AUTH_USER ?? 'fsm-inventory';
const PASSWORD = env.FSM_PROM_AUTH_PASSWORD ?? 'fsm-proxy-only-7Qx2';
const routes = (
  JSON.parse(readFileSync(resolve(__dirname, '../../src/datasource/plugin.json'), 'utf8')) as { routes: PluginRoute[] }
).routes;
const UID = 'fsm-inventory-test';

/** Every job of the stack (scripts/stack/README.md) and the catalog exporter it must be recognised as. */
const EXPECTED_EXPORTER_BY_JOB: Record<string, string> = {
  prometheus: 'prometheus',
  node: 'node',
  // blackbox_exporter's own /metrics carries no probe series; the catalog detects blackbox by its probes.
  blackbox: getExporter('blackbox').detection.metrics.includes('blackbox_exporter_build_info') ? 'blackbox' : 'unknown',
  blackbox_http: 'blackbox',
  blackbox_tcp: 'blackbox',
  blackbox_icmp: 'blackbox',
  blackbox_dns: 'dns',
  pushgateway: 'pushgateway',
  alertmanager: 'alertmanager',
  postgres: 'postgres',
  haproxy: 'haproxy',
  haproxy_exporter: 'haproxy-exporter',
  rabbitmq: 'rabbitmq',
  chrony: 'chrony',
  clickhouse: 'clickhouse',
  fortigate: 'fortigate',
  grafana: 'grafana',
  ilo: 'ilo',
  jmx: 'jmx',
  kafka: 'kafka',
  keepalived: 'keepalived',
  mongodb: 'mongodb',
  netdata: 'netdata',
  // Family fixtures of exporters the stack also runs for real serve under their own jobs.
  fixture_netdata: 'netdata',
  fixture_alertmanager: 'alertmanager',
  fixture_haproxy: 'haproxy',
  fixture_node: 'node',
  fixture_postgres: 'postgres',
  fixture_prometheus: 'prometheus',
  telegraf: 'telegraf',
  truenas: 'truenas',
  vmware: 'vmware',
  windows: 'windows',
};

let proxy: GrafanaProxy;
const sentByBrowser: Array<Record<string, string>> = [];

function datasource(jsonData: InventoryDataSourceOptions, secureJsonData: Record<string, string>) {
  proxy.datasource = { uid: UID, jsonData: jsonData as Record<string, unknown>, secureJsonData };
  return new DataSource({
    uid: UID,
    name: 'Full-Stack Inventory',
    type: 'fullstack-inventory-datasource',
    url: `/api/datasources/proxy/uid/${UID}`,
    jsonData,
  } as DataSourceInstanceSettings<InventoryDataSourceOptions>);
}
const basicAuth = (password = PASSWORD) =>
  datasource(
    { prometheusUrl: AUTH_URL, authMode: 'basic', basicAuthUser: USER },
    { basicAuthEncoded: encodeBasicAuth(USER, password) }
  );
const request = (...queries: Array<Partial<InventoryQuery>>) =>
  ({ targets: queries.map((q, i) => ({ refId: `Q${i}`, ...q })) }) as DataQueryRequest<InventoryQuery>;
const column = (frame: DataFrame, name: string) => frame.fields.find((f) => f.name === name)!.values as unknown[];

beforeAll(async () => {
  proxy = await startGrafanaProxy(routes, { uid: UID, jsonData: {}, secureJsonData: {} });
  mockBackendSrv = backendSrvShim(proxy.baseUrl, sentByBrowser);
  const probe = await fetch(`${AUTH_URL}/-/ready`).catch((e: Error) => e);
  if (probe instanceof Error || probe.status !== 401) {
    throw new Error(
      `Prometheus behind basic auth is not at ${AUTH_URL} (expected 401 without credentials, got ${probe instanceof Error ? probe.message : probe.status}): run scripts/stack/start.sh`
    );
  }
});
afterAll(() => proxy?.close());
beforeEach(() => {
  proxy.records.length = 0;
  sentByBrowser.length = 0;
  // Save & test is an admin's action (its build-info route carries reqRole Admin); tests of Viewers say so.
  proxy.role = 'Admin';
});

describe('the inventory datasource through Grafana’s proxy, Prometheus behind basic auth', () => {
  it('passes Save & test with the Prometheus version and the target count', async () => {
    const direct = await createPrometheusClient().targets();
    const result = await basicAuth().testDatasource();
    expect(result.status).toBe('success');
    expect(result.message).toMatch(
      new RegExp(
        `^Connected to Prometheus 2\\.\\d+\\.\\d+\\S* at ${AUTH_URL}: ${direct.activeTargets.length} active targets, \\d+ up\\.$`
      )
    );
  });

  it('lists every target of the stack, each recognised as the expected exporter', async () => {
    const result = await basicAuth().query(request({ kind: 'targets' }));
    expect(result.errors).toBeUndefined();
    const [frame] = result.data as DataFrame[];
    const jobs = column(frame, 'job') as string[];
    const exporters = column(frame, 'exporter') as string[];
    const byJob: Record<string, string[]> = {};
    jobs.forEach((job, i) => (byJob[job] = [...new Set([...(byJob[job] ?? []), exporters[i]])]));

    for (const [job, exporter] of Object.entries(EXPECTED_EXPORTER_BY_JOB)) {
      expect({ job, exporters: byJob[job] }).toEqual({ job, exporters: [exporter] });
    }
    // A job added to the stack must be added to the expectations above.
    expect(Object.keys(byJob).sort()).toEqual(Object.keys(EXPECTED_EXPORTER_BY_JOB).sort());

    const node = jobs.indexOf('node');
    // The stack's node_exporter, wherever FSM_PORT_OFFSET put it.
    const nodeInstance = new URL(env.FSM_NODE_EXPORTER_URL ?? 'http://127.0.0.1:19100').host;
    expect(column(frame, 'dashboardUrl')[node]).toBe(
      `/d/fsm-infrastructure-node?var-job=node&var-instance=${encodeURIComponent(nodeInstance)}`
    );
    expect(column(frame, 'version')[node]).toMatch(/^\d+\.\d+\.\d+/);
    expect(column(frame, 'scrapeDuration')[node]).toBeGreaterThan(0);
    expect(column(frame, 'lastScrape')[node]).toBeGreaterThan(Date.now() - 60_000);
  });

  it('sends credentials only on the proxy hop: never from the browser, always upstream', async () => {
    await basicAuth().query(request({ kind: 'coverage' }));

    expect(sentByBrowser.length).toBeGreaterThan(0);
    for (const headers of sentByBrowser) {
      expect(Object.keys(headers).map((h) => h.toLowerCase())).not.toContain('authorization');
      expect(JSON.stringify(headers)).not.toContain(PASSWORD);
    }
    expect(proxy.records.length).toBeGreaterThan(0);
    for (const record of proxy.records) {
      expect(record.inbound.url).toMatch(new RegExp(`^/api/datasources/proxy/uid/${UID}/prometheus-basic/api/v1/`));
      expect(record.inbound.headers.authorization).toBeUndefined();
      expect(record.matchedRoute).toMatch(/^prometheus-basic\/api\/v1\//);
      expect(record.outbound?.url.startsWith(`${AUTH_URL}/api/v1/`)).toBe(true);
      expect(record.outbound?.headers.authorization).toBe(
        `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`
      );
      expect(record.status).toBe(200);
    }
  });

  it('reports a wrong password clearly, in Save & test and in queries', async () => {
    const test = await basicAuth('wrong-password').testDatasource();
    expect(test.status).toBe('error');
    expect(test.message).toBe(
      `Prometheus at ${AUTH_URL} rejected the credentials (Authentication to data source failed, HTTP 400). Re-enter the user and password (stored secrets cannot be shown, only replaced), then save and test.`
    );
    const query = await basicAuth('wrong-password').query(request({ kind: 'exporters' }));
    expect(query.data).toEqual([]);
    expect(query.errors?.[0].message).toContain('rejected the credentials');
    // The first refusal ends the query; a request still in flight then (status 0) is not waited for. So at least one
    // answer for Save & test and one for the query: how many of the query's parallel requests Prometheus answers
    // before the first refusal arrives is timing (a CI run on a busy machine saw 2 in all; ≥ 3 had passed before).
    const answered = proxy.records.filter((r) => r.status !== 0);
    expect(answered.length).toBeGreaterThanOrEqual(2);
    expect(answered.map((r) => `${r.status} ${r.matchedRoute?.split('/')[0]}`)).toEqual(
      answered.map(() => '400 prometheus-basic')
    );
  });

  it('says authentication is required when none is configured, and a bearer token is rejected by a basic-auth proxy', async () => {
    const none = await datasource({ prometheusUrl: AUTH_URL }, {}).testDatasource();
    expect(none.message).toContain(`Prometheus at ${AUTH_URL} requires authentication`);
    const bearer = await datasource(
      { prometheusUrl: AUTH_URL, authMode: 'bearer' },
      { bearerToken: 'not-valid' }
    ).testDatasource();
    expect(bearer.message).toContain('Re-enter the bearer token');
    expect(proxy.records.at(-1)?.outbound?.headers.authorization).toBe('Bearer not-valid');
  });

  it('says Prometheus is unreachable when nothing listens at the URL', async () => {
    const result = await datasource({ prometheusUrl: 'http://127.0.0.1:9' }, {}).testDatasource();
    expect(result.status).toBe('error');
    expect(result.message).toContain('Grafana could not reach Prometheus at http://127.0.0.1:9');
  });

  it('lets no write through: a POST matches no route and the datasource has no URL to fall through to', async () => {
    const before = (await createPrometheusClient().targets()).activeTargets.length;
    basicAuth();
    const response = await fetch(
      `${proxy.baseUrl}/api/datasources/proxy/uid/${UID}/prometheus-basic/api/v1/admin/tsdb/snapshot`,
      { method: 'POST' }
    );
    expect(response.status).toBe(502);
    const record = proxy.records.at(-1)!;
    expect(record.matchedRoute).toBeUndefined();
    expect(record.outbound).toBeUndefined();
    expect((await createPrometheusClient().targets()).activeTargets.length).toBe(before);
  });

  it('lets a Viewer query, and keeps Save & test to admins with a message that says so', async () => {
    proxy.role = 'Viewer';
    const query = await basicAuth().query(request({ kind: 'targets' }));
    expect(query.errors).toBeUndefined();
    expect((query.data[0] as DataFrame).length).toBeGreaterThan(20);
    const test = await basicAuth().testDatasource();
    expect(test.status).toBe('error');
    expect(test.message).toBe(
      `Grafana lets only organization admins ask Prometheus at ${AUTH_URL} for /api/v1/status/buildinfo (plugin proxy route access denied, HTTP 403). Ask an admin to run Save & test.`
    );
    expect(proxy.records.at(-1)?.outbound).toBeUndefined();
  });

  it('reaches only the API paths the datasource uses: the rest of the host is not behind its routes', async () => {
    basicAuth();
    // Real Prometheus GET endpoints (the stack enables the admin API), some holding secrets of their own.
    const elsewhere = [
      '/api/v1/status/config',
      '/api/v1/status/flags',
      '/api/v1/admin/tsdb/snapshot',
      '/api/v1/label/job/values',
      '/api/v1/series?match[]=up',
      '/api/v1/status/tsdb',
      '/federate?match[]=up',
      '/metrics',
      '/-/healthy',
      '/graph',
    ];
    for (const path of elsewhere) {
      for (const prefix of ['prometheus', 'prometheus-basic', 'prometheus-bearer']) {
        const response = await fetch(`${proxy.baseUrl}/api/datasources/proxy/uid/${UID}/${prefix}${path}`);
        expect({ path: `${prefix}${path}`, status: response.status }).toEqual({
          path: `${prefix}${path}`,
          status: 502,
        });
        expect(proxy.records.at(-1)?.outbound).toBeUndefined();
      }
    }
    // A route matches by prefix (Grafana's rule), but what follows lands below the route's own path, where
    // Prometheus has nothing: query_exemplars becomes /api/v1/query/_exemplars (query_range has a route of its own).
    const exemplars = await fetch(
      `${proxy.baseUrl}/api/datasources/proxy/uid/${UID}/prometheus-basic/api/v1/query_exemplars?query=up&start=0&end=1`
    );
    expect(exemplars.status).toBe(404);
    expect(new URL(proxy.records.at(-1)!.outbound!.url).pathname).toBe('/api/v1/query/_exemplars');
  });

  it('answers Exporters with versions, Coverage by layer, and the Pushgateway groups start.sh pushed', async () => {
    const result = await basicAuth().query(
      request({ kind: 'exporters' }, { kind: 'coverage' }, { kind: 'pushgateway' })
    );
    expect(result.errors).toBeUndefined();
    const [exporters, coverage, push] = result.data as DataFrame[];
    const ids = column(exporters, 'exporter') as string[];
    const versions = column(exporters, 'versions') as string[];
    expect(versions[ids.indexOf('prometheus')]).toMatch(/^2\.\d+\.\d+/);
    expect(versions[ids.indexOf('node')]).toMatch(/^\d+\.\d+/);
    const layerTitles = column(coverage, 'layerTitle');
    expect(layerTitles.slice(0, 6)).toEqual([
      'Infrastructure',
      'Data & storage',
      'Messages & events',
      'Network & services',
      'Specialized',
      'Monitoring stack',
    ]);
    expect((column(coverage, 'upRatio') as number[]).slice(0, 6).every((r) => r === 1)).toBe(true);
    const jobs = column(push, 'job') as string[];
    expect(jobs).toEqual(expect.arrayContaining(['fsm_stack_seed', 'fsm_stack_failing_push']));
    expect(column(push, 'status')[jobs.indexOf('fsm_stack_failing_push')]).toBe('failing');
  });
});
