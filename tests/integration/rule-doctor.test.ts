// The rule doctor on the real stack: our packs, as the stack's Prometheus 2.42 loaded and evaluates them, plus
// planted defects of each kind the doctor must find (a renamed metric, a label value that never occurs, a query the
// server rejects, a join whose sides can never match, a metric that vanished when its exporter stopped).
import {
  blindSpots,
  diagnoseRules,
  RuleQueryRefused,
  rulesFromPrometheusApi,
  type Finding,
  type RuleQueryApi,
  type RuleUnderCheck,
} from '../../src/rule-doctor/diagnose';
import { BLIND_ON_THIS_STACK } from './blind-on-stack';
import { eventually, runStackScript } from './harness';
import { createPrometheusClient, PrometheusError, prometheusUrl } from './prometheus';

const prometheus = createPrometheusClient();

/** The doctor's query API over the stack's Prometheus; a `bad_data` answer is the server refusing the query. */
const api: RuleQueryApi = {
  async instant(expr) {
    try {
      return (await prometheus.instantQuery(expr)).map((s) => ({ labels: s.metric, value: Number(s.value[1]) }));
    } catch (error) {
      if (error instanceof PrometheusError && error.errorType === 'bad_data') {
        throw new RuleQueryRefused(error.message);
      }
      throw error;
    }
  },
  async presence(expr, start, end, step) {
    const series = await prometheus.rangeQuery(expr, { start, end, step });
    return series.flatMap((s) => s.values.map(([t]) => t));
  },
};

async function loadedRules(): Promise<RuleUnderCheck[]> {
  const response = await fetch(`${prometheusUrl()}/api/v1/rules`);
  const body = (await response.json()) as { data: Parameters<typeof rulesFromPrometheusApi>[0] };
  return rulesFromPrometheusApi(body.data);
}

const planted = (name: string, query: string): RuleUnderCheck => ({
  source: 'grafana',
  group: 'planted',
  name,
  type: 'alerting',
  query,
});

const summary = (f: Finding) => {
  switch (f.kind) {
    case 'empty-selector':
      return `${f.rule.name}: ${f.cause} ${f.selector}`;
    case 'dead-join':
      return `${f.rule.name}: dead join`;
    default:
      return `${f.rule.name}: ${f.kind}`;
  }
};

describe('the rule doctor on the real stack', () => {
  it('reports our loaded packs clean, but for what this stack cannot provide, and states it has not seen as such', async () => {
    const rules = await loadedRules();
    expect(rules.length).toBeGreaterThan(200);
    const findings = await diagnoseRules(rules, api, { historySeconds: 3600, historyStepSeconds: 60 });

    const definite = findings.filter((f) => !(f.kind === 'empty-selector' && f.cause === 'value-unseen')).map(summary);
    // Every rule evaluated fine, no query refused, no join that cannot match.
    expect(definite.filter((s) => !s.includes('metric-absent'))).toEqual([]);
    expect(definite.filter((s) => !(s in BLIND_ON_THIS_STACK))).toEqual([]);

    // A selector waiting for a state (a falseticker source, a disconnected host) is not a defect: it says so.
    const waiting = findings.filter((f) => f.kind === 'empty-selector' && f.cause === 'value-unseen');
    for (const f of waiting) {
      expect(f).toMatchObject({ emptyMatchers: [expect.not.stringMatching(/^(job|instance)\b/)] });
    }
  });

  it('finds each planted defect, and says what is wrong with it', async () => {
    const findings = await diagnoseRules(
      [
        planted('RenamedMetric', 'rate(node_cpu_seconds_totals{mode="idle"}[5m]) < 0.1'),
        planted('UnknownJob', 'up{job="no-such-job"} == 0'),
        planted('Rejected', 'sum(rate(up[5m])'),
        // The shape of the bug that kept PrometheusNotIngestingSamples quiet: since 2.40 the counter carries `type`.
        planted(
          'DeadJoin',
          'rate(prometheus_tsdb_head_samples_appended_total[5m]) <= 0 and on (job, instance, type) prometheus_build_info'
        ),
        planted('Healthy', 'up{job="prometheus"} == 0 and on (job, instance) prometheus_build_info'),
      ],
      api,
      { historySeconds: 3600, historyStepSeconds: 60 }
    );
    expect(findings.map(summary)).toEqual([
      'RenamedMetric: metric-absent node_cpu_seconds_totals{mode="idle"}',
      'UnknownJob: no-match up{job="no-such-job"}',
      'Rejected: rejected',
      'DeadJoin: dead join',
    ]);
    expect(findings[1]).toMatchObject({ emptyMatchers: ['job="no-such-job"'] });
    expect(findings[1]).not.toHaveProperty('lastSeen');
    expect(findings[2]).toMatchObject({ message: expect.stringMatching(/unclosed|parse error|unexpected/) });
    expect(findings[3]).toMatchObject({
      join: expect.stringContaining('on (job, instance, type)'),
      reason: expect.stringContaining('the left side has "type", the right side does not'),
    });
  });

  it('tells a metric that vanished from one that never existed, with when it was last seen', async () => {
    const vanishing = planted('HaproxyExporterDown', 'haproxy_up{job="haproxy_exporter"} == 0');
    try {
      await runStackScript('stop-one.sh', ['haproxy_exporter']);
      await eventually(
        'haproxy_up to go stale after haproxy_exporter stopped',
        () => prometheus.instantQuery('haproxy_up{job="haproxy_exporter"}'),
        (r) => r.length === 0,
        { timeoutMs: 30_000 }
      );
      const stoppedAt = Date.now() / 1000;
      const [finding] = await diagnoseRules([vanishing], api, { historySeconds: 600, historyStepSeconds: 5 });
      expect(finding).toMatchObject({ kind: 'empty-selector', cause: 'metric-absent' });
      const lastSeen = (finding as Extract<Finding, { kind: 'empty-selector' }>).lastSeen;
      expect(lastSeen).toBeGreaterThan(stoppedAt - 120);
      expect(lastSeen).toBeLessThanOrEqual(stoppedAt + 5);
    } finally {
      await runStackScript('start.sh');
    }
  });

  it('names the targets whose up no rule reads, and the detected exporters no rule watches', async () => {
    const onlyNode = planted('NodeDown', 'up{job="node"} == 0');
    const spots = await blindSpots(
      [onlyNode],
      [
        { exporter: 'node', title: 'Node exporter', metrics: ['node_uname_info', 'up'] },
        { exporter: 'postgres', title: 'PostgreSQL', metrics: ['pg_up'] },
      ],
      api
    );
    expect(spots).toContainEqual({ kind: 'exporter-unwatched', exporter: 'postgres', title: 'PostgreSQL' });
    expect(spots).not.toContainEqual(expect.objectContaining({ exporter: 'node' }));
    const unwatchedJobs = new Set(
      spots.filter((s) => s.kind === 'target-unwatched').map((s) => (s as { job: string }).job)
    );
    expect(unwatchedJobs.has('node')).toBe(false);
    expect(unwatchedJobs.has('prometheus')).toBe(true);

    // With our packs loaded, every target the stack scrapes is watched by some rule's `up`.
    const all = await blindSpots(await loadedRules(), [], api);
    expect(all.filter((s) => s.kind === 'target-unwatched')).toEqual([]);
  });
});
