// Every generated dashboard on the real stack: every panel query and every variable query runs on
// Prometheus 2.42 without error, and for every exporter the stack runs (for real or through fixtures)
// every panel returns at least one series ("no panel says No data") — optional ones too, but for the few
// whose feature this machine cannot provide (STACK_CANNOT_PROVIDE, each with its reason).
import { EXPORTERS, LAYERS } from '../../src/catalog';
import { generateDashboards, type GeneratedDashboard, type PanelQuery } from '../../src/generate/dashboards';
import { RECORDING_GROUP, RECORDING_RULES, recordingExpr } from '../../src/generate/dashboards/recording-rules';
import { createPrometheusClient, type Labels } from './prometheus';
import { eventually, expandGrafanaVariables } from './harness';

const prometheus = createPrometheusClient();
const dashboards = generateDashboards();

interface Variable {
  name: string;
  type: string;
  definition?: string;
}

function variablesOf(generated: GeneratedDashboard): Variable[] {
  return (generated.dashboard as { templating: { list: Variable[] } }).templating.list;
}

/** `label_values(selector, label)` → the label's values among the selector's series, as Grafana asks for them. */
async function labelValues(definition: string): Promise<string[]> {
  const match = /^label_values\((.*),\s*([a-zA-Z_][a-zA-Z0-9_]*)\)$/.exec(definition);
  if (!match) {
    throw new Error(`variable query "${definition}" is not label_values(selector, label)`);
  }
  const [, selector, label] = match;
  const series = await prometheus.series([expandGrafanaVariables(selector)], { start: Date.now() / 1000 - 3600 });
  return [...new Set(series.map((s: Labels) => s[label]).filter((v): v is string => v !== undefined))];
}

async function run(query: PanelQuery): Promise<number> {
  const expr = expandGrafanaVariables(query.expr);
  if (query.instant) {
    return (await prometheus.instantQuery(expr)).length;
  }
  const end = Date.now() / 1000;
  return (await prometheus.rangeQuery(expr, { start: end - 600, end, step: 15 })).length;
}

/**
 * Optional signals (`exporter/signal`) whose panel may stay empty on the stack, and why. Every other optional
 * signal has data here because scripts/stack/start.sh turns its feature on: a TLS frontend probed by blackbox,
 * Prometheus remote-writing to its own receiver, a one-member Alertmanager cluster, a DNS zone with an SOA, a
 * growing ClickHouse error counter (fixture-server `grows` line), and the fixtures' own scenarios.
 */
const STACK_CANNOT_PROVIDE: Record<string, string> = {
  'postgres/replicationLag': 'no standby server on the stack',
  'postgres/standbyReplayBytes': 'no standby server on the stack',
  'postgres/replicationSlotRetained': 'no replication slot without a standby',
  'postgres/uptime': "postgres_exporter 0.11 (Debian's) does not export pg_postmaster_start_time_seconds by default",
  'node/systemdFailedUnits': 'no systemd on this machine (the collector has nothing to read)',
  'rabbitmq/unreachablePeers':
    "Debian's RabbitMQ 3.10 has no rabbitmq_unreachable_cluster_peers_count (the dynamic collector came with 3.13)",
};
const mayBeEmpty = (query: PanelQuery) =>
  query.optional !== undefined && `${query.exporter}/${query.signal}` in STACK_CANNOT_PROVIDE;

const cases = dashboards.flatMap((d) =>
  d.queries.map((query) => [`${d.uid} / ${query.panel} / ${query.refId}`, d, query] as const)
);

describe('generated dashboards on the real stack', () => {
  beforeAll(async () => {
    await prometheus.ready();
    // The recording rules are new files in the stack's rules folder: make Prometheus read them if it has not yet.
    const groups = await prometheus.api<{ groups: Array<{ name: string }> }>('/rules');
    if (!groups.groups.some((g) => g.name === RECORDING_GROUP)) {
      await fetch(`${prometheus.url}/-/reload`, { method: 'POST' });
    }
  });

  it('has a target for every catalog exporter, so every exporter dashboard is checked on data', async () => {
    const missing: string[] = [];
    for (const exporter of EXPORTERS) {
      const selector = `{__name__=~"${exporter.infoMetrics.join('|')}"}`;
      const series = await prometheus.series([selector], { start: Date.now() / 1000 - 600 });
      if (series.length === 0) {
        missing.push(exporter.id);
      }
    }
    expect(missing).toEqual([]);
  });

  it('bundles home, one dashboard per layer and one per exporter', () => {
    expect(dashboards.filter((d) => d.kind === 'home')).toHaveLength(1);
    expect(dashboards.filter((d) => d.kind === 'layer').map((d) => d.layer)).toEqual(
      [...LAYERS].sort((a, b) => a.order - b.order).map((l) => l.id)
    );
    expect(dashboards.filter((d) => d.kind === 'exporter').map((d) => d.exporter)).toEqual(EXPORTERS.map((e) => e.id));
  });

  it.each(dashboards.map((d) => [d.uid, d] as const))(
    '%s: every variable query runs; job and instance list the stack targets',
    async (_uid, generated) => {
      for (const variable of variablesOf(generated).filter((v) => v.type === 'query')) {
        const values = await labelValues(variable.definition!);
        if (variable.name !== 'cluster') {
          // The stack has no cluster label: an empty cluster list is the single-datacenter case.
          expect({ variable: variable.name, values: values.length > 0 }).toEqual({
            variable: variable.name,
            values: true,
          });
        }
      }
    }
  );

  it('exempts only optional signals that exist in the catalog (STACK_CANNOT_PROVIDE)', () => {
    const optional = new Set(
      dashboards.flatMap((d) => d.queries.filter((q) => q.optional).map((q) => `${q.exporter}/${q.signal}`))
    );
    expect(Object.keys(STACK_CANNOT_PROVIDE).filter((id) => !optional.has(id))).toEqual([]);
  });

  it.each(cases)('%s runs and returns data', async (_name, generated, query) => {
    // Optional signals the stack does not provide may rightly be empty; cross-exporter panels (home, layer
    // health) answer 0 via `or vector(0)`.
    if (mayBeEmpty(query)) {
      await expect(run(query)).resolves.toBeGreaterThanOrEqual(0);
      return;
    }
    const count = await eventually(
      `data from ${generated.uid} / ${query.panel} / ${query.refId}: ${expandGrafanaVariables(query.expr)}`,
      () => run(query),
      (n) => n > 0,
      { timeoutMs: 30_000, intervalMs: 2_000 }
    );
    expect(count).toBeGreaterThan(0);
  });

  it.each(LAYERS.map((l) => [l.id] as const))('home counts the %s targets the stack runs', async (layer) => {
    const home = dashboards.find((d) => d.kind === 'home')!;
    const title = LAYERS.find((l) => l.id === layer)!.title;
    const total = home.queries.find((q) => q.panel === title && q.refId === 'C')!;
    const result = await prometheus.instantQuery(expandGrafanaVariables(total.expr));
    expect(Number(result[0].value[1])).toBeGreaterThan(0);
  });

  it('loads the recording rules, and each recorded series has exactly the raw query’s label sets', async () => {
    const group = await eventually(
      `rule group ${RECORDING_GROUP} loaded and evaluated`,
      async () =>
        (
          await prometheus.api<{
            groups: Array<{ name: string; rules: Array<{ name: string; health: string; lastError?: string }> }>;
          }>('/rules')
        ).groups.find((g) => g.name === RECORDING_GROUP),
      (g) => g !== undefined && g.rules.every((r) => r.health === 'ok'),
      { timeoutMs: 30_000 }
    );
    expect(group!.rules.map((r) => r.name)).toEqual(RECORDING_RULES.map((r) => r.record));
    for (const rule of RECORDING_RULES.filter((r) => r.exporter === 'node')) {
      // `recorded or raw` must not double the series: same label sets on both sides.
      const raw = recordingExpr(rule);
      const counts = await eventually(
        `${rule.record} recorded for every series of its raw query`,
        async () => ({
          recorded: (await prometheus.instantQuery(rule.record)).length,
          raw: (await prometheus.instantQuery(raw)).length,
          union: (await prometheus.instantQuery(`(${rule.record}) or (${raw})`)).length,
        }),
        (c) => c.recorded > 0 && c.recorded === c.raw,
        { timeoutMs: 30_000 }
      );
      expect(counts.union).toBe(counts.raw);
    }
  });
});
