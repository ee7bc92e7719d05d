// Journey: the Health page pointed at a global store lists each edge Prometheus by its external labels, pairs
// the HA replicas of dc1 and shows each edge's remote-write lag. Runs the "Prometheus servers and HA pairs" checks on the stack's global and federating Prometheus
// (scripts/stack/start.sh topology). A stopped replica is not tested here: both stores keep its last series for
// the 5-minute lookback (remote write sends no staleness markers for a dead sender, and federated samples carry
// timestamps, which Prometheus never marks stale), so the wait would cost CI minutes; checks.test.ts judges it.
import { checksOfSection, healthChecks, healthContext } from '../../src/health/checks';
import { computeVerdict, type CheckResult } from '../../src/health/verdict';
import { resolveThreshold } from '../../src/catalog/thresholds';
import { prometheusExporter } from '../../src/catalog/exporters/prometheus';
import { eventually } from './harness';
import { createPrometheusClient, readStackEnv } from './prometheus';

const env = readStackEnv();
const local = createPrometheusClient();
const checks = checksOfSection(healthChecks(), 'servers');
const q = healthContext();

async function run(url: string): Promise<CheckResult[]> {
  const store = createPrometheusClient(url);
  return Promise.all(
    checks.map(async (check) => ({
      checkId: check.id,
      series: (await store.instantQuery(check.query(q))).map(({ metric: { __name__: _, ...labels }, value }) => ({
        labels,
        value: Number(value[1]),
      })),
    }))
  );
}
const seriesOf = (results: CheckResult[], id: string) =>
  results
    .find((r) => r.checkId === id)!
    .series.map((s) => ({ edge: [s.labels.cluster, s.labels.replica].filter(Boolean).join('-'), value: s.value }))
    .sort((a, b) => a.edge.localeCompare(b.edge));

beforeAll(() => {
  if (!env.FSM_PROM_GLOBAL_URL) {
    throw new Error('the stack runs without its topology (FSM_STACK_TOPOLOGY=0): start it with scripts/stack/start.sh');
  }
});

describe.each([
  ['global (remote write)', env.FSM_PROM_GLOBAL_URL],
  ['federating', env.FSM_PROM_FEDERATE_URL],
])('Health on the %s Prometheus', (_name, url) => {
  it('lists each edge with its targets, pairs dc1’s replicas, and shows each edge’s remote-write lag', async () => {
    // every edge scrapes what the stack's own Prometheus scrapes (its job "prometheus" pointed at itself)
    const targets = (await local.targets()).activeTargets.length;
    const results = await eventually(
      'every edge reporting its targets and remote-write lag',
      () => run(url),
      (r) => seriesOf(r, 'servers-edges').length === 3 && seriesOf(r, 'servers-remote-write-lag').length === 3,
      { timeoutMs: 30_000, intervalMs: 2_000 }
    );
    expect(seriesOf(results, 'servers-edges')).toEqual([
      { edge: 'dc1-a', value: targets },
      { edge: 'dc1-b', value: targets },
      { edge: 'dc2', value: targets },
    ]);
    // dc2 has no partner, so only dc1's replicas are compared; they scrape alike
    expect(seriesOf(results, 'servers-ha-target-gap')).toEqual([
      { edge: 'dc1-a', value: 0 },
      { edge: 'dc1-b', value: 0 },
    ]);
    expect(seriesOf(results, 'servers-ha-partner-silent')).toEqual([]);
    const lag = seriesOf(results, 'servers-remote-write-lag');
    const { warning } = resolveThreshold(prometheusExporter, 'remoteWriteLag');
    expect(lag.every((l) => l.value >= 0 && l.value < warning!)).toBe(true);
    const verdict = computeVerdict(checks, results);
    expect(verdict.problems).toEqual([]);
    console.log(`${_name}: remote write lag per edge ${JSON.stringify(lag)}`);
  });

  it('does not count the edges, which have no rules, as Prometheus servers whose alerts reach nobody', async () => {
    const check = healthChecks().find((c) => c.id === 'prometheus-alertmanagers')!;
    const edges = [env.FSM_PROM_DC1_A_URL, env.FSM_PROM_DC1_B_URL, env.FSM_PROM_DC2_URL].map((u) => new URL(u).host);
    const store = createPrometheusClient(url);
    // the edges report 0 Alertmanagers (no `alerting:`), as the check's unfiltered signal shows
    const unfiltered = await store.instantQuery('prometheus_notifications_alertmanagers_discovered');
    expect(unfiltered.filter((s) => edges.includes(s.metric.instance)).map((s) => s.value[1])).toEqual(['0', '0', '0']);
    const judged = await store.instantQuery(check.query(q));
    expect(judged.filter((s) => edges.includes(s.metric.instance))).toEqual([]);
  });
});
