// Journey: capacity planning on the stack's topology reads each server's retention from its own flags through
// Grafana's Prometheus resource route, instead of assuming 15 days. The stack gives every server another
// --storage.tsdb.retention.time (scripts/stack/start.sh launch_prometheus), so a retention lent to the wrong
// server shows. Through the long-term-store stand-ins (scripts/stack/store-proxy.mjs) the flags are not
// readable, and the plan says why instead of pretending.
import { healthChecks, healthContext } from '../../src/health/checks';
import { capacityReports } from '../../src/health/capacity';
import { retentionFromFlags } from '../../src/health/retention';
import type { CheckResult } from '../../src/health/verdict';
import { backendSrvShim, startPrometheusResourceStandIn } from './grafana-proxy';
import { createPrometheusClient, readStackEnv } from './prometheus';

(globalThis as { window?: unknown }).window ??= globalThis;
const { readRetentions } =
  require('../../src/health/retention-read') as typeof import('../../src/health/retention-read');

jest.mock('d3-interpolate', () => ({}));
let mockBackendSrv: ReturnType<typeof backendSrvShim>;
jest.mock('@grafana/runtime', () => ({
  getBackendSrv: () => mockBackendSrv,
  isFetchError: (e: unknown) => typeof e === 'object' && e !== null && 'status' in e && 'data' in e,
}));

const env = readStackEnv();
const DATASOURCES = [
  { uid: 'global', name: 'Global store', url: env.FSM_PROM_GLOBAL_URL },
  { uid: 'federate', name: 'Federation', url: env.FSM_PROM_FEDERATE_URL },
  { uid: 'dc1-a', name: 'dc1-a', url: env.FSM_PROM_DC1_A_URL },
  { uid: 'dc1-b', name: 'dc1-b', url: env.FSM_PROM_DC1_B_URL },
  { uid: 'dc2', name: 'dc2', url: env.FSM_PROM_DC2_URL },
  { uid: 'mimir', name: 'Mimir', url: env.FSM_STORE_MIMIR_URL, headers: { 'X-Scope-OrgID': 'fsm-tenant' } },
  { uid: 'thanos', name: 'Thanos Query', url: env.FSM_STORE_THANOS_URL },
  { uid: 'vm', name: 'VictoriaMetrics', url: env.FSM_STORE_VM_URL },
];
const EDGES = DATASOURCES.filter((d) => d.uid.startsWith('dc'));
const capacityChecks = healthChecks().filter((c) => c.section === 'capacity');

/** The capacity checks as the Health page runs them, on one store. */
async function capacityResults(url: string): Promise<CheckResult[]> {
  const store = createPrometheusClient(url);
  const q = healthContext();
  return Promise.all(
    capacityChecks.map(async (check) => ({
      checkId: check.id,
      series: (await store.instantQuery(check.query(q))).map(({ metric: { __name__: _, ...labels }, value }) => ({
        labels,
        value: Number(value[1]),
      })),
    }))
  );
}

/** What a server's own flags say, read straight from it (no Grafana, no matching). */
async function ownRetention(instance: string) {
  const answer = (await (await fetch(`http://${instance}/api/v1/status/flags`)).json()) as {
    data: Record<string, string>;
  };
  return retentionFromFlags(answer.data)!.seconds;
}

let standIn: Awaited<ReturnType<typeof startPrometheusResourceStandIn>>;
beforeAll(async () => {
  if (!env.FSM_PROM_GLOBAL_URL) {
    throw new Error('the stack runs without its topology (FSM_STACK_TOPOLOGY=0): start it with scripts/stack/start.sh');
  }
  standIn = await startPrometheusResourceStandIn(DATASOURCES);
  mockBackendSrv = backendSrvShim(standIn.baseUrl);
});
afterAll(() => standIn?.close());

describe.each([
  ['global (remote write)', 'global'],
  ['federating', 'federate'],
])('capacity on the %s Prometheus', (_name, appUid) => {
  it('gives every Prometheus its own retention, read from its flags through its datasource, HA replicas apart', async () => {
    const app = DATASOURCES.find((d) => d.uid === appUid)!;
    const servers = await readRetentions(app, EDGES);
    const reports = capacityReports(await capacityResults(app.url), { servers });
    const own = reports.filter((r) => r.labels.job === 'prometheus');
    // the store itself and each edge's self-scrape: dc1-a, dc1-b, dc2
    expect(own.map((r) => [r.labels.cluster ?? '', r.labels.replica ?? ''].join('/')).sort()).toEqual([
      '/',
      'dc1/a',
      'dc1/b',
      'dc2/',
    ]);
    for (const report of own) {
      const expected = DATASOURCES.find((d) => d.url === `http://${report.labels.instance}`)!;
      expect({
        instance: report.labels.instance,
        seconds: report.retentionSeconds,
        source: report.retentionSource,
      }).toEqual({
        instance: report.labels.instance,
        seconds: await ownRetention(report.labels.instance),
        source: `from --storage.tsdb.retention.time on “${expected.name}”`,
      });
    }
    expect(new Set(own.map((r) => r.retentionSeconds)).size).toBe(own.length - 1); // dc1-a and dc1-b share 2d
    // Prometheus fixtures the edges scrape are other servers: no edge's flags describe them.
    const fixtures = reports.filter((r) => r.labels.job === 'fixture_prometheus');
    expect(fixtures.length).toBeGreaterThan(0);
    expect(
      fixtures.every((r) => r.retentionKind === 'assumed' && /not the server behind/.test(r.retentionSource))
    ).toBe(true);
    console.log(own.map((r) => `${r.labels.instance}: ${r.retentionSource}`).join('\n'));
  });
});

describe.each([
  ['mimir', /flags not readable through “Mimir”: this server has no flags API \(Mimir and Cortex have none\)/],
  ['thanos', /flags not readable through “Thanos Query”: its flags name no TSDB retention/],
  ['vm', /flags not readable through “VictoriaMetrics”: this server has no flags API \(VictoriaMetrics answers/],
])('capacity through the %s stand-in', (uid, reason) => {
  it('assumes 15 days for the store’s own series and says why the flags did not tell', async () => {
    const app = DATASOURCES.find((d) => d.uid === uid)!;
    const servers = await readRetentions(app, []);
    const reports = capacityReports(await capacityResults(env.FSM_PROM_GLOBAL_URL), { servers });
    const store = reports.find((r) => r.labels.job === 'prometheus' && !r.labels.cluster)!;
    expect(store.retentionKind).toBe('assumed');
    expect(store.retentionSource).toMatch(/^assumed 15 days: /);
    expect(store.retentionSource).toMatch(reason);
  });
});
