// The Health page and the "Monitoring stack health" dashboard on the real stack: every check's query runs on
// Prometheus 2.42 without error and returns data (Grafana's through the grafana fixture job), the verdict is
// computed from real answers, and it names an exporter that is stopped mid-test.
import { healthChecks, healthContext, type HealthCheck } from '../../src/health/checks';
import { capacityProblems, capacityReports } from '../../src/health/capacity';
import { computeVerdict, type CheckResult, type Verdict } from '../../src/health/verdict';
import { buildStackHealthDashboard } from '../../src/generate/health-dashboard';
import { healthPanels } from '../../src/health/panels';
import { createPrometheusClient } from './prometheus';
import { eventually, expandGrafanaVariables, returnsData, runStackScript } from './harness';

const prometheus = createPrometheusClient();
const checks = healthChecks();
const verdictContext = healthContext();

async function runChecks(): Promise<CheckResult[]> {
  return Promise.all(
    checks.map(async (check): Promise<CheckResult> => {
      try {
        const samples = await prometheus.instantQuery(check.query(verdictContext));
        return {
          checkId: check.id,
          series: samples.map((s) => {
            const { __name__: _name, ...labels } = s.metric;
            return { labels, value: Number(s.value[1]) };
          }),
        };
      } catch (err) {
        return { checkId: check.id, series: [], error: (err as Error).message };
      }
    })
  );
}

async function stackVerdict(): Promise<Verdict> {
  const results = await runChecks();
  return computeVerdict(checks, results, { extraProblems: capacityProblems(capacityReports(results)) });
}

/**
 * Optional checks whose feature the stack does use: rule files are loaded, Prometheus sends to an
 * Alertmanager, the Pushgateway holds two groups, node_exporter runs beside Prometheus. Remote write,
 * Alertmanager clustering, size retention and the retention-time metric (newer Prometheus) are not.
 */
const USED_BY_THE_STACK = [
  'prometheus-disk-free',
  'prometheus-rule-group-load',
  'prometheus-rule-failures',
  'prometheus-missed-evaluations',
  'prometheus-notification-errors',
  'pushgateway-groups',
  'pushgateway-last-push-age',
  'pushgateway-failed-pushes',
  'capacity-disk-free',
];

const named = (list: HealthCheck[]) => list.map((c) => [c.id, c] as const);

describe('Health checks on the real stack', () => {
  beforeAll(() => prometheus.ready());

  it.each(named(checks.filter((c) => !c.optional)))('check "%s" runs and returns data', async (_id, check) => {
    const samples = await returnsData(prometheus, check.query(verdictContext));
    expect(samples.length).toBeGreaterThan(0);
  });

  it.each(named(checks.filter((c) => c.optional && USED_BY_THE_STACK.includes(c.id))))(
    'optional check "%s" returns data where the stack uses its feature',
    async (_id, check) => {
      await expect(returnsData(prometheus, check.query(verdictContext))).resolves.not.toHaveLength(0);
    }
  );

  it.each(named(checks.filter((c) => c.optional && !USED_BY_THE_STACK.includes(c.id))))(
    'optional check "%s" runs without error (the stack has no data for it)',
    async (_id, check) => {
      await expect(prometheus.instantQuery(check.query(verdictContext))).resolves.toBeDefined();
    }
  );

  it('reads Grafana’s own metrics through the grafana fixture job', async () => {
    const evaluations = await returnsData(
      prometheus,
      checks.find((c) => c.id === 'grafana-rule-evaluations')!.query(verdictContext)
    );
    expect(evaluations.map((s) => s.metric.job)).toContain('grafana');
  });

  it('every query of the bundled dashboard runs and returns data unless its check is optional', async () => {
    const dashboard = buildStackHealthDashboard() as {
      panels: Array<{ type: string; title: string; targets?: Array<{ expr: string; refId: string }> }>;
    };
    const optionalTitles = new Set(
      healthPanels()
        .filter((p) => p.optional)
        .map((p) => p.title)
    );
    const panels = dashboard.panels.filter((p) => p.type !== 'row');
    expect(panels).toHaveLength(healthPanels().length);
    for (const panel of panels) {
      for (const target of panel.targets ?? []) {
        const expr = expandGrafanaVariables(target.expr, { retention_days: '15' });
        if (optionalTitles.has(panel.title)) {
          await expect(prometheus.instantQuery(expr)).resolves.toBeDefined();
        } else {
          await expect(returnsData(prometheus, expr)).resolves.not.toHaveLength(0);
        }
      }
    }
  });

  it('computes a verdict with every non-optional check answered, naming the stack’s rejected push', async () => {
    const verdict = await eventually(
      'a verdict without unknown checks',
      stackVerdict,
      (v) => v.problems.every((p) => p.severity !== 'unknown'),
      { timeoutMs: 30_000 }
    );
    expect(verdict.checksRun).toBe(checks.length);
    // start.sh seeds a group whose push the Pushgateway rejects: a real, known problem.
    expect(verdict.problems).toContainEqual(
      expect.objectContaining({
        checkId: 'pushgateway-failed-pushes',
        severity: 'warning',
        labels: expect.objectContaining({ job: 'fsm_stack_failing_push' }),
      })
    );
  });

  it('computes capacity for the stack’s Prometheus', async () => {
    const results = await runChecks();
    // The stack also serves a Prometheus ≥ 3.10 family fixture (job fixture_prometheus): the real server is job prometheus.
    const report = capacityReports(results).find((r) => r.labels.job === 'prometheus')!;
    expect(report).toBeDefined();
    expect(report.activeSeries).toBeGreaterThan(1000);
    expect(report.samplesPerSecond).toBeGreaterThan(0);
    expect(report.projectedDiskBytes).toBeGreaterThan(0);
    expect(report.memoryEstimateBytes).toBe(report.activeSeries! * 3000);
    // node_exporter runs beside Prometheus on 127.0.0.1, so the disk is found
    expect(report.freeBytes).toBeGreaterThan(0);
  });

  describe('with haproxy_exporter stopped mid-test', () => {
    afterAll(async () => {
      await runStackScript('start.sh');
    });

    it('names the stopped job and instance in the verdict, and the target is scraped again after start.sh', async () => {
      const haproxyProblem = (v: Verdict) =>
        v.problems.find((p) => p.checkId === 'prometheus-failing-targets' && p.labels.job === 'haproxy_exporter');

      await runStackScript('stop-one.sh', ['haproxy_exporter']);
      const verdict = await eventually(
        'the verdict to name haproxy_exporter',
        stackVerdict,
        (v) => !!haproxyProblem(v),
        {
          timeoutMs: 30_000,
          intervalMs: 1000,
        }
      );
      const problem = haproxyProblem(verdict)!;
      expect(problem.message).toMatch(
        /^Target 127\.0\.0\.1:\d+ of job haproxy_exporter is failing: only \d+(\.\d+)?% of its recent scrapes succeeded\.$/
      );
      expect(problem.labels.instance).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(verdict.status).not.toBe('healthy');

      await runStackScript('start.sh');
      await eventually(
        'haproxy_exporter to be scraped again',
        () => prometheus.instantQuery('up{job="haproxy_exporter"}'),
        (r) => r.length > 0 && r.every((s) => s.value[1] === '1'),
        { timeoutMs: 30_000 }
      );
    });
  });
});
