// Journey: a user who outgrew one Prometheus points the plugin at a global store. The stack's topology
// (scripts/stack/start.sh, FSM_STACK_TOPOLOGY=1): dc1 is an HA pair (cluster=dc1, replica=a|b), dc2 one server
// (cluster=dc2), all three scraping the stack's exporters and fixtures; the global Prometheus receives their
// remote write, the federating one pulls their /federate; both evaluate the generated rule files. Against both:
// detection finds every exporter in both datacenters, every dashboard query runs without error, fleet panels count
// an HA pair once, alerts fire once per target, and the inventory lists the edges' targets from `up`, also through
// a Mimir-shaped API (path prefix, tenant header from the datasource's custom headers, no targets API).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DataSourceInstanceSettings } from '@grafana/data';
import { EXPORTERS, LAYERS } from '../../src/catalog';
import { detectExporters, detectionQuery } from '../../src/inventory/detect';
import { generateDashboards } from '../../src/generate/dashboards';
import { buildPrometheusExpr } from '../../src/generate/prometheus-rules';
import { prometheusExporter } from '../../src/catalog/exporters/prometheus';
import { backendSrvShim, startGrafanaProxy, type GrafanaProxy, type PluginRoute } from './grafana-proxy';
import { eventually, expandGrafanaVariables } from './harness';
import { createPrometheusClient, readStackEnv, type Labels } from './prometheus';
import type { InventoryDataSourceOptions } from '../../src/datasource/types';

// @grafana/data reads `window` while loading; the node test environment has none.
(globalThis as { window?: unknown }).window ??= globalThis;
const { DataSource } = require('../../src/datasource/DataSource') as typeof import('../../src/datasource/DataSource');

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
const local = createPrometheusClient();
const STORES = [
  ['global (remote write)', env.FSM_PROM_GLOBAL_URL],
  ['federating', env.FSM_PROM_FEDERATE_URL],
] as const;
const dashboards = generateDashboards();
const routes = (
  JSON.parse(readFileSync(resolve(__dirname, '../../src/datasource/plugin.json'), 'utf8')) as { routes: PluginRoute[] }
).routes;

let proxy: GrafanaProxy;
beforeAll(async () => {
  if (!env.FSM_PROM_GLOBAL_URL) {
    throw new Error('the stack runs without its topology (FSM_STACK_TOPOLOGY=0): start it with scripts/stack/start.sh');
  }
  proxy = await startGrafanaProxy(routes, { uid: 'fsm-topology', jsonData: {}, secureJsonData: {} });
  mockBackendSrv = backendSrvShim(proxy.baseUrl, []);
});
afterAll(() => proxy?.close());

describe.each(STORES)('the plugin pointed at the %s Prometheus', (_name, url) => {
  const store = createPrometheusClient(url);

  it('detects every exporter the stack runs, in both datacenters', async () => {
    const expected = detectExporters({ status: 'success', data: await local.query(detectionQuery()) } as never)
      .map((d) => d.exporter.id)
      .sort();
    const detected = detectExporters({ status: 'success', data: await store.query(detectionQuery()) } as never)
      .map((d) => d.exporter.id)
      .sort();
    expect(detected).toEqual(expected);
    expect(detected.length).toBe(EXPORTERS.length);
    for (const exporter of EXPORTERS) {
      const clusters = await store.instantQuery(
        `count by (cluster) ({__name__=~"${exporter.detection.metrics.join('|')}", cluster!=""})`
      );
      expect({ exporter: exporter.id, clusters: clusters.map((s) => s.metric.cluster).sort() }).toEqual({
        exporter: exporter.id,
        clusters: ['dc1', 'dc2'],
      });
    }
    console.log(`${_name}: ${detected.length} exporters detected`);
  });

  it('runs every dashboard query without an error', async () => {
    const queries = dashboards.flatMap((d) => d.queries.map((q) => ({ uid: d.uid, ...q })));
    const errors: string[] = [];
    for (const query of queries) {
      await store.instantQuery(expandGrafanaVariables(query.expr)).catch((e: Error) => {
        errors.push(`${query.uid} / ${query.panel}: ${e.message}`);
      });
    }
    console.log(`${_name}: ${queries.length} dashboard queries run, ${errors.length} errors`);
    expect(errors).toEqual([]);
  });

  it('counts an HA pair once on home: two datacenters make twice the targets of one server, not three times', async () => {
    const home = dashboards.find((d) => d.kind === 'home')!;
    // Not the monitoring layer: each edge scrapes itself, so its Prometheus targets differ per server.
    for (const layer of LAYERS.filter((l) => l.id !== 'core')) {
      const total = home.queries.find((q) => q.panel === layer.title && q.refId === 'C')!;
      const expr = expandGrafanaVariables(total.expr);
      const one = Number((await local.instantQuery(expr))[0].value[1]);
      const counts = await eventually(
        `${layer.id} targets on the store = 2 × ${one}`,
        async () => Number((await store.instantQuery(expr))[0].value[1]),
        (n) => n === 2 * one,
        { timeoutMs: 30_000 }
      );
      expect({ layer: layer.id, total: counts }).toEqual({ layer: layer.id, total: 2 * one });
    }
  });

  it('sums each target once in exporter dashboards: the HA pair’s two copies of a target are not added up', async () => {
    // Fixture targets expose constants or counters growing at a fixed rate (`# fsm-stack: grows`), so one
    // server and the pair on the store agree but for scrape timing (rates over a few samples: within 25%); a
    // sum over both replicas would be twice the single server's value.
    const fixturesPort = Number(new URL(env.FSM_FIXTURES_URL).port);
    const isFixture = (instance: string) => {
      const port = Number(instance.split(':').pop());
      return port > fixturesPort && port < fixturesPort + 200;
    };
    const keyOf = (metric: Labels) =>
      JSON.stringify(
        Object.entries(metric)
          .filter(([k]) => k !== 'cluster' && k !== '__name__')
          .sort()
      );
    const aggregated = dashboards
      .filter((d) => d.kind === 'exporter')
      .flatMap((d) => d.queries.map((q) => ({ uid: d.uid, ...q })))
      .filter((q) => /\b(sum|count|avg)(?: by \([^)]*\))? ?\(/.test(q.expr));
    // A rate over a series younger than its window is extrapolated from wherever each server's first sample fell,
    // so the two servers only agree once both hold a whole window (1m) of every target, plus a scrape. Counting
    // samples would not say so: the federating server drops a federated sample it already has (same timestamp),
    // so its count over a window depends on how the two scrape intervals fall. In CI this file can run half a
    // minute after the stack started.
    const fullWindow = (server: ReturnType<typeof createPrometheusClient>, selector: string) =>
      eventually(
        `every target's up${selector} on ${server === local ? 'the single server' : 'the store'} reaches back 75s`,
        async () => {
          const earliest = `min_over_time(timestamp(up${selector})[2m:5s])`;
          const [youngest] = await server.instantQuery(`min(time() - ${earliest})`);
          return Number(youngest?.value[1] ?? 0);
        },
        (seconds) => seconds >= 75,
        { timeoutMs: 150_000, intervalMs: 2_000 }
      );
    await fullWindow(local, '');
    await fullWindow(store, '{cluster="dc1"}');
    let compared = 0;
    const differing: string[] = [];
    for (const query of aggregated) {
      const one = await local.instantQuery(expandGrafanaVariables(query.expr));
      const pair = await store.instantQuery(expandGrafanaVariables(query.expr.replace(/\$cluster/g, 'dc1')));
      expect(pair.filter((s) => 'replica' in s.metric)).toEqual([]);
      const onStore = new Map(pair.map((s) => [keyOf(s.metric), Number(s.value[1])]));
      // Fixture targets' series, and counts over several targets (no instance label: targets down per job, push
      // groups, MASTERs per virtual IP), which one server and the store must give alike; other target-less values
      // (rates over real components) differ between the servers by more than scrape timing.
      const comparable = (x: (typeof one)[number]) =>
        x.metric.instance === undefined ? Number.isInteger(Number(x.value[1])) : isFixture(x.metric.instance);
      for (const s of one.filter(comparable)) {
        const value = Number(s.value[1]);
        const stored = onStore.get(keyOf(s.metric));
        if (stored === undefined || !Number.isFinite(value)) {
          continue;
        }
        compared++;
        if (Math.abs(stored - value) > 1e-9 + 0.25 * Math.abs(value)) {
          differing.push(`${query.uid} / ${query.panel}: ${keyOf(s.metric)} one server ${value}, store ${stored}`);
        }
      }
    }
    console.log(`${_name}: ${aggregated.length} aggregating exporter queries, ${compared} fixture values compared`);
    expect(compared).toBeGreaterThan(50);
    expect(differing).toEqual([]);
  }, 330_000);

  it('fires each alert once per target, not once per replica of the HA pair', async () => {
    const alerts = await eventually(
      'firing or pending alerts of both datacenters, evaluated with the current rule files',
      // Only this evaluation's alerts: a store that outlived an earlier run of the stack still holds that run's
      // ALERTS within the 5m lookback (prometheus/prometheus v2.42 rules/manager.go: only Update marks a group stale,
      // for a group a reload removed; stopping the server writes no stale markers for rule output), so a
      // firing series of then and a pending one of now would look like the same alert twice.
      () => store.instantQuery('ALERTS{cluster=~"dc1|dc2"} and time() - timestamp(ALERTS{cluster=~"dc1|dc2"}) < 25'),
      (result) => result.some((s) => s.metric.cluster === 'dc1') && result.every((s) => !('replica' in s.metric)),
      { timeoutMs: 60_000, intervalMs: 2_000 }
    );
    const perTarget = new Map<string, number>();
    for (const { metric } of alerts) {
      const { alertstate: _state, ...labels } = metric as Labels;
      const key = JSON.stringify(Object.entries(labels).sort());
      perTarget.set(key, (perTarget.get(key) ?? 0) + 1);
    }
    const doubled = [...perTarget].filter(([, n]) => n > 1).map(([key]) => key);
    expect(doubled).toEqual([]);
    const pushFailed = alerts.filter(
      // the real Pushgateway's failing push; the pushgateway family fixture holds one too (label `fixture`)
      (a) => a.metric.alertname === 'PushgatewayLastPushFailed' && a.metric.cluster === 'dc1' && !a.metric.fixture
    );
    console.log(
      `${_name}: ${alerts.length} alerts over ${perTarget.size} alert/target pairs; PushgatewayLastPushFailed for dc1 (the HA pair): ${pushFailed.length}`
    );
    expect(pushFailed).toHaveLength(1);
  });

  it('does not say the edges reach no Alertmanager: they have no rules, and only the store evaluates alerts', async () => {
    // The edges run without `alerting:` and without rules, by design: the store evaluates the rule files.
    // Their prometheus_notifications_alertmanagers_discovered is 0 for ever; PrometheusNotConnectedToAlertmanagers
    // fired on each of them before it asked for loaded rules (prometheus_rule_group_rules).
    const edges = [env.FSM_PROM_DC1_A_URL, env.FSM_PROM_DC1_B_URL, env.FSM_PROM_DC2_URL].map((u) => new URL(u).host);
    const discovered = await eventually(
      'the edges’ Alertmanager count in the store',
      () => store.instantQuery('prometheus_notifications_alertmanagers_discovered'),
      (r) => edges.every((edge) => r.some((s) => s.metric.instance === edge)),
      { timeoutMs: 30_000, intervalMs: 2_000 }
    );
    expect(discovered.filter((s) => edges.includes(s.metric.instance)).map((s) => s.value[1])).toEqual(['0', '0', '0']);
    const alert = prometheusExporter.alerts.find((a) => a.id === 'no-alertmanager')!;
    const firing = await store.instantQuery(buildPrometheusExpr(prometheusExporter, alert));
    expect(firing.map((s) => s.metric.instance).filter((instance) => edges.includes(instance))).toEqual([]);
  });

  it('lists the edges’ targets in the inventory from their up series, HA pair folded, and says what it cannot show', async () => {
    proxy.datasource = { uid: 'fsm-topology', jsonData: { prometheusUrl: url }, secureJsonData: {} };
    const ds = new DataSource({
      uid: 'fsm-topology',
      name: 'Full-Stack Inventory',
      type: 'fullstack-inventory-datasource',
      url: `/api/datasources/proxy/uid/fsm-topology`,
      jsonData: { prometheusUrl: url },
    } as DataSourceInstanceSettings<InventoryDataSourceOptions>);
    const { rows, notices } = await ds.inventory();
    const localTargets = (await local.targets()).activeTargets.length;
    const dc1 = rows.filter((r) => r.labels.cluster === 'dc1');
    const dc2 = rows.filter((r) => r.labels.cluster === 'dc2');
    // dc1-a and dc1-b share every target but themselves (each edge's job "prometheus" scrapes its own port).
    expect([dc1.length, dc2.length]).toEqual([localTargets + 1, localTargets]);
    expect(dc1.every((r) => r.health === 'up' && r.lastScrapeMs !== null)).toBe(true);
    expect(notices.map((n) => n.text).join()).toMatch(/listed from their up series, so their last error/);
  });
});

describe('the inventory through a Mimir-shaped API in front of the global store', () => {
  const mimir = (jsonData: Record<string, unknown>, secureJsonData: Record<string, string>) => {
    proxy.datasource = { uid: 'fsm-mimir', jsonData, secureJsonData };
    proxy.role = 'Admin'; // Save & test's build info route is for admins
    return new DataSource({
      uid: 'fsm-mimir',
      name: 'Full-Stack Inventory',
      type: 'fullstack-inventory-datasource',
      url: `/api/datasources/proxy/uid/fsm-mimir`,
      jsonData,
    } as unknown as DataSourceInstanceSettings<InventoryDataSourceOptions>);
  };

  it('reaches the API under its /prometheus prefix with the tenant from the custom header, without a targets API', async () => {
    const ds = mimir(
      { prometheusUrl: env.FSM_STORE_MIMIR_URL, httpHeaderName1: 'X-Scope-OrgID' },
      { httpHeaderValue1: 'fsm-tenant' }
    );
    const test = await ds.testDatasource();
    expect(test).toMatchObject({ status: 'success' });
    expect(test.message).toMatch(/targets \(from their up series: this server has no \/api\/v1\/targets\)/);
    const { rows, notices } = await ds.inventory();
    expect(rows.filter((r) => r.labels.cluster === 'dc2').length).toBeGreaterThan(0);
    expect(notices.map((n) => n.text).join()).toMatch(/no scrape-target API/);
  });

  it('says what is wrong without the tenant header (Mimir answers 401 "no org id")', async () => {
    const test = await mimir({ prometheusUrl: env.FSM_STORE_MIMIR_URL }, {}).testDatasource();
    expect(test.status).toBe('error');
    expect(test.message).toMatch(/requires authentication/);
  });
});

// scripts/stack/store-proxy.mjs cites each behaviour: Thanos Query v0.42.4 deduplicates by default
// (pkg/api/query/v1.go, "dedup" defaults to true; --query.replica-label dropped), and answers with the other
// stores' data plus a warning when one store is down and partial responses are on (the default).
describe('the plugin through a Thanos Query stand-in', () => {
  const inventoryThrough = (uid: string, url: string) => {
    proxy.datasource = { uid, jsonData: { prometheusUrl: url }, secureJsonData: {} };
    return new DataSource({
      uid,
      name: 'Full-Stack Inventory',
      type: 'fullstack-inventory-datasource',
      url: `/api/datasources/proxy/uid/${uid}`,
      jsonData: { prometheusUrl: url },
    } as DataSourceInstanceSettings<InventoryDataSourceOptions>);
  };
  const upOfDc1 = async (params: string) => {
    const url = `${env.FSM_STORE_THANOS_URL}/api/v1/query?query=${encodeURIComponent('up{cluster="dc1"}')}${params}`;
    return ((await (await fetch(url)).json()) as { data: { result: Array<{ metric: Labels }> } }).data.result;
  };

  it('deduplicates the HA pair (the replica label is gone), and detection and the inventory still see every target', async () => {
    const [deduplicated, both] = [await upOfDc1(''), await upOfDc1('&dedup=false')];
    expect(deduplicated.filter((s) => 'replica' in s.metric)).toEqual([]);
    expect(new Set(both.map((s) => s.metric.replica))).toEqual(new Set(['a', 'b']));
    // dc1-a and dc1-b share every target but themselves: deduplicated, their own two self-scrapes remain
    expect(deduplicated.length).toBe((both.length - 2) / 2 + 2);

    const thanos = createPrometheusClient(env.FSM_STORE_THANOS_URL);
    const detected = detectExporters({ status: 'success', data: await thanos.query(detectionQuery()) } as never);
    expect(detected.map((d) => d.exporter.id).sort()).toEqual(EXPORTERS.map((e) => e.id).sort());
    const { rows } = await inventoryThrough('fsm-thanos', env.FSM_STORE_THANOS_URL).inventory();
    expect(rows.filter((r) => r.labels.cluster === 'dc1')).toHaveLength(deduplicated.length);
  });

  it('shows the partial answer of a Thanos Query with a store down, and says which store failed', async () => {
    const { rows, notices } = await inventoryThrough(
      'fsm-thanos-partial',
      env.FSM_STORE_THANOS_PARTIAL_URL
    ).inventory();
    expect(rows.filter((r) => r.labels.cluster === 'dc2').length).toBeGreaterThan(0);
    expect(notices.map((n) => n.text).join('\n')).toMatch(/receive series from 127\.0\.0\.1:10901: rpc error/);
    // with partial responses off, Thanos fails the whole query instead (HTTP 422, an execution error)
    const strict = await fetch(`${env.FSM_STORE_THANOS_PARTIAL_URL}/api/v1/query?query=up&partial_response=false`);
    expect(strict.status).toBe(422);
    expect(await strict.json()).toMatchObject({ status: 'error', errorType: 'execution' });
  });
});
