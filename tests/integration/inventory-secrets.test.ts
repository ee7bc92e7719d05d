// Journey: an admin stores Prometheus credentials in the inventory datasource. Those secrets must exist only in
// Grafana's encrypted secureJsonData and on the proxy→Prometheus hop: never in the built plugin (dist/), never
// in jsonData (which every user can read), and never in what a query returns — not even in error messages.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataQueryRequest, DataSourceInstanceSettings } from '@grafana/data';
import { backendSrvShim, startGrafanaProxy, type GrafanaProxy, type PluginRoute } from './grafana-proxy';
import { readStackEnv } from './prometheus';

(globalThis as { window?: unknown }).window ??= globalThis;
const { DataSource } = require('../../src/datasource/DataSource') as typeof import('../../src/datasource/DataSource');
const { encodeBasicAuth } =
  require('../../src/datasource/basicAuth') as typeof import('../../src/datasource/basicAuth');
import type { InventoryDataSourceOptions, InventoryQuery } from '../../src/datasource/types';

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
const BEARER = 'fsm-bearer-never-in-frames-93kd';
const SECRETS = [
  PASSWORD,
  encodeBasicAuth(USER, PASSWORD),
  BEARER,
  encodeBasicAuth(USER, 'wrong-pass-8812'),
  'wrong-pass-8812',
];
const DIST = resolve(__dirname, '../../dist');
const PLUGIN_JSON = resolve(__dirname, '../../src/datasource/plugin.json');
const routes = (JSON.parse(readFileSync(PLUGIN_JSON, 'utf8')) as { routes: PluginRoute[] }).routes;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const ALL_KINDS: Array<InventoryQuery['kind']> = ['targets', 'exporters', 'coverage', 'pushgateway'];
const request = { targets: ALL_KINDS.map((kind, i) => ({ refId: `R${i}`, kind })) } as DataQueryRequest<InventoryQuery>;

let proxy: GrafanaProxy;
beforeAll(async () => {
  proxy = await startGrafanaProxy(routes, { uid: 'secrets', jsonData: {}, secureJsonData: {} });
  // An admin's session: Save & test's admin-only routes answer too, so their texts are checked as well.
  proxy.role = 'Admin';
  mockBackendSrv = backendSrvShim(proxy.baseUrl);
});
afterAll(() => proxy?.close());

function datasource(jsonData: InventoryDataSourceOptions, secureJsonData: Record<string, string>) {
  proxy.datasource = { uid: 'secrets', jsonData: jsonData as Record<string, unknown>, secureJsonData };
  return new DataSource({
    uid: 'secrets',
    url: '/api/datasources/proxy/uid/secrets',
    jsonData,
  } as DataSourceInstanceSettings<InventoryDataSourceOptions>);
}

describe('inventory secrets', () => {
  it('are nowhere in the built plugin (run `npm run build` first)', () => {
    let files: string[];
    try {
      files = filesUnder(DIST);
    } catch {
      throw new Error(`${DIST} does not exist: run npm run build before this test`);
    }
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      for (const secret of SECRETS) {
        expect({ file, containsSecret: text.includes(secret) }).toEqual({ file, containsSecret: false });
      }
    }
    // The shipped routes take credentials from secureJsonData only, never a literal.
    const shipped = JSON.parse(readFileSync(join(DIST, 'datasource/plugin.json'), 'utf8')) as { routes: PluginRoute[] };
    for (const header of shipped.routes.flatMap((r) => r.headers ?? [])) {
      expect(header.content).toMatch(/^(Basic|Bearer) \{\{ \.SecureJsonData\.[A-Za-z]+ \}\}$/);
    }
  });

  it('never appear in jsonData, frames, notices or error messages', async () => {
    const cases: Array<[InventoryDataSourceOptions, Record<string, string>]> = [
      [
        { prometheusUrl: AUTH_URL, authMode: 'basic', basicAuthUser: USER },
        { basicAuthEncoded: encodeBasicAuth(USER, PASSWORD) },
      ],
      [
        { prometheusUrl: AUTH_URL, authMode: 'basic', basicAuthUser: USER },
        { basicAuthEncoded: encodeBasicAuth(USER, 'wrong-pass-8812') },
      ],
      [{ prometheusUrl: AUTH_URL, authMode: 'bearer' }, { bearerToken: BEARER }],
      [{ prometheusUrl: 'http://127.0.0.1:9', authMode: 'bearer' }, { bearerToken: BEARER }],
    ];
    let rowsSeen = 0;
    for (const [jsonData, secure] of cases) {
      const ds = datasource(jsonData, secure);
      const response = await ds.query(request);
      const tested = await ds.testDatasource();
      rowsSeen += response.data.reduce((n: number, f: { length: number }) => n + f.length, 0);
      const everything = JSON.stringify({
        jsonData,
        response,
        tested,
        variables: await ds.metricFindQuery('jobs').catch((e: Error) => e.message),
      });
      for (const secret of SECRETS) {
        expect({ authMode: jsonData.authMode, leaks: everything.includes(secret) }).toEqual({
          authMode: jsonData.authMode,
          leaks: false,
        });
      }
    }
    // The good-credentials case really returned data, so the frames checked above were not empty.
    expect(rowsSeen).toBeGreaterThan(20);
    // ...and the credentials did travel, on the proxy hop only.
    expect(
      proxy.records.some((r) => r.outbound?.headers.authorization === `Basic ${encodeBasicAuth(USER, PASSWORD)}`)
    ).toBe(true);
    expect(proxy.records.every((r) => r.inbound.headers.authorization === undefined)).toBe(true);
  });
});
