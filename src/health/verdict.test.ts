/** @jest-environment node */
import { healthChecks, type HealthCheck } from './checks';
import { computeVerdict, HEALTHY_HEADLINE, judgeValue, renderMessage, type CheckResult } from './verdict';

const checks = healthChecks();
const check = (id: string): HealthCheck => {
  const found = checks.find((c) => c.id === id);
  if (!found) {
    throw new Error(`no check ${id}`);
  }
  return found;
};

/**
 * A healthy stack: every non-optional check returns one series with a good value (1 for
 * "below"-judged checks, which covers success ratios and booleans; 0 for "above"-judged ones).
 */
function healthyResults(): CheckResult[] {
  return checks
    .filter((c) => !c.optional)
    .map((c) => {
      let value = 0;
      if (c.judge?.direction === 'below') {
        value = Math.max(1, c.judge.warning ?? 0, c.judge.critical ?? 0) * 10;
        if (c.unit === 'percentunit' || c.unit === 'bool_yes_no') {
          value = 1;
        }
      }
      return { checkId: c.id, series: [{ labels: { job: 'prometheus', instance: 'prom-1:9090' }, value }] };
    });
}

function withResult(results: CheckResult[], result: CheckResult): CheckResult[] {
  return [...results.filter((r) => r.checkId !== result.checkId), result];
}

describe('computeVerdict', () => {
  it('says "Monitoring is healthy" when every check is within its thresholds', () => {
    const verdict = computeVerdict(checks, healthyResults());
    expect(verdict.problems).toEqual([]);
    expect(verdict).toMatchObject({ status: 'healthy', headline: HEALTHY_HEADLINE, checksRun: checks.length });
  });

  it('names the job and instance of a failing scrape, with the success rate, and links to the scraping section', () => {
    const results = withResult(healthyResults(), {
      checkId: 'prometheus-failing-targets',
      series: [
        { labels: { job: 'node', instance: '10.0.0.1:9100' }, value: 1 },
        { labels: { job: 'haproxy_exporter', instance: '10.0.0.2:9101' }, value: 0.75 },
      ],
    });
    const verdict = computeVerdict(checks, results);

    expect(verdict.status).toBe('warning');
    expect(verdict.headline).toBe('Monitoring cannot be fully trusted: 1 warning');
    expect(verdict.problems).toHaveLength(1);
    expect(verdict.problems[0]).toMatchObject({
      severity: 'warning',
      checkId: 'prometheus-failing-targets',
      message: 'Target 10.0.0.2:9101 of job haproxy_exporter is failing: only 75% of its recent scrapes succeeded.',
      value: 0.75,
      formattedValue: '75%',
      labels: { job: 'haproxy_exporter', instance: '10.0.0.2:9101' },
      link: '/a/fullstack-monitoring-app/health#prometheus',
    });
  });

  it('puts a job that is completely down (critical) before a flapping target (warning)', () => {
    let results = withResult(healthyResults(), {
      checkId: 'prometheus-failing-targets',
      series: [
        { labels: { job: 'postgres', instance: 'db:9187' }, value: 0 },
        { labels: { job: 'node', instance: 'n1:9100' }, value: 0.9 },
      ],
    });
    results = withResult(results, {
      checkId: 'prometheus-scrape-success',
      series: [{ labels: { job: 'postgres' }, value: 0 }],
    });
    const verdict = computeVerdict(checks, results);

    expect(verdict.status).toBe('critical');
    expect(verdict.problems.map((p) => [p.severity, p.checkId, p.labels.job])).toEqual([
      // two criticals, both 100% past their threshold (0 against 0.5): then alphabetical by message
      ['critical', 'prometheus-scrape-success', 'postgres'],
      ['critical', 'prometheus-failing-targets', 'postgres'],
      ['warning', 'prometheus-failing-targets', 'node'],
    ]);
    expect(verdict.problems[0].message).toBe('Only 0% of the targets of job postgres answered their last scrape.');
  });

  it('reports a nearly full disk on the Prometheus host as critical, naming the mount and host', () => {
    const results = withResult(healthyResults(), {
      checkId: 'prometheus-disk-free',
      series: [
        { labels: { host: 'prom-1', mountpoint: '/', instance: 'prom-1:9100', job: 'node' }, value: 0.4 },
        {
          labels: { host: 'prom-1', mountpoint: '/var/lib/prometheus', instance: 'prom-1:9100', job: 'node' },
          value: 0.02,
        },
      ],
    });
    const [problem, ...rest] = computeVerdict(checks, results).problems;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      severity: 'critical',
      message: 'Filesystem /var/lib/prometheus on the Prometheus host prom-1 has only 2% free.',
      link: '/a/fullstack-monitoring-app/health#capacity',
    });
  });

  it('reports storage projected past the retention limit through capacity problems (see capacity.test.ts)', () => {
    // Storage vs. the size limit itself is shown, not judged: under size retention, sitting at
    // the limit is the normal steady state.
    expect(check('prometheus-storage-vs-retention').judge).toBeUndefined();
  });

  it('reports Prometheus rule evaluation failures as critical with the count and the rule group', () => {
    const results = withResult(healthyResults(), {
      checkId: 'prometheus-rule-failures',
      series: [
        { labels: { job: 'prometheus', instance: 'prom-1:9090', rule_group: 'fsm-node' }, value: 0 },
        { labels: { job: 'prometheus', instance: 'prom-1:9090', rule_group: 'fsm-postgres' }, value: 12 },
      ],
    });
    const verdict = computeVerdict(checks, results);
    expect(verdict.problems).toHaveLength(1);
    expect(verdict.problems[0]).toMatchObject({
      severity: 'critical',
      message: 'Rule group fsm-postgres on prom-1:9090: 12 rule evaluations failed in the last minutes.',
      link: '/d/fsm-core-prometheus?var-job=prometheus&var-instance=prom-1%3A9090',
    });
  });

  it('reports Grafana rule evaluation failures by org, judged by the catalog threshold (1% / 10%)', () => {
    const results = withResult(healthyResults(), {
      checkId: 'grafana-rule-failures',
      series: [
        { labels: { job: 'grafana', instance: 'grafana:3000', org: '1' }, value: 12.5 },
        { labels: { job: 'grafana', instance: 'grafana:3000', org: '2' }, value: 2 },
        { labels: { job: 'grafana', instance: 'grafana:3000', org: '3' }, value: 0.5 },
      ],
    });
    const verdict = computeVerdict(checks, results);
    expect(verdict.problems.map((p) => [p.severity, p.labels.org, p.formattedValue])).toEqual([
      ['critical', '1', '12.5%'],
      ['warning', '2', '2%'],
    ]);
    expect(verdict.problems[0].message).toBe('Grafana grafana:3000: 12.5% of alert rule evaluations in org 1 fail.');
  });

  it('reports notification failures of Alertmanager and Grafana per integration, bigger first', () => {
    let results = withResult(healthyResults(), {
      checkId: 'alertmanager-notification-failures',
      series: [
        { labels: { job: 'alertmanager', instance: 'am-1:9093', integration: 'slack' }, value: 50 },
        { labels: { job: 'alertmanager', instance: 'am-1:9093', integration: 'email' }, value: NaN },
      ],
    });
    results = withResult(results, {
      checkId: 'grafana-notification-failures',
      series: [{ labels: { job: 'grafana', instance: 'grafana:3000', integration: 'webhook' }, value: 20 }],
    });
    const verdict = computeVerdict(checks, results);
    expect(verdict.problems.map((p) => p.message)).toEqual([
      // 50% is 4x past 10%, 20% is 1x past it
      'Alertmanager am-1:9093: 50% of notifications to slack failed.',
      'Grafana grafana:3000: 20% of notifications to webhook failed.',
    ]);
    expect(verdict.problems[0].link).toBe('/d/fsm-core-alertmanager?var-job=alertmanager&var-instance=am-1%3A9093');
  });

  it('names the cluster and replica of a problem, so HA pairs and datacenters can be told apart', () => {
    const results = withResult(healthyResults(), {
      checkId: 'prometheus-config-reload',
      series: [
        { labels: { datacenter: 'dc1', replica: 'a', job: 'prometheus', instance: 'p-a:9090' }, value: 1 },
        { labels: { datacenter: 'dc1', replica: 'b', job: 'prometheus', instance: 'p-b:9090' }, value: 0 },
      ],
    });
    const verdict = computeVerdict(checks, results, { clusterLabel: 'datacenter' });
    expect(verdict.problems.map((p) => p.message)).toEqual([
      'Prometheus p-b:9090 failed to reload its configuration and still runs the previous one. [datacenter=dc1, replica=b]',
    ]);
  });

  describe('no data', () => {
    it('reports a check whose metric is absent as unknown, not healthy, with what to do', () => {
      const results = healthyResults().filter((r) => !r.checkId.startsWith('grafana-'));
      const verdict = computeVerdict(checks, results);
      const grafanaChecks = checks.filter((c) => c.section === 'grafana');

      expect(verdict.status).toBe('unknown');
      expect(verdict.headline).toBe(
        `No problems found, but ${grafanaChecks.length} checks could not run: monitoring is not fully watched`
      );
      expect(verdict.problems.every((p) => p.severity === 'unknown')).toBe(true);
      expect(verdict.problems[0].message).toMatch(
        /no data\. Grafana is not scraped: add a job for Grafana’s \/metrics/
      );
      expect(verdict.checksRun).toBe(checks.length - grafanaChecks.length);
    });

    it('accepts no data from optional checks (remote write, Pushgateway, clustering)', () => {
      const optional = checks.filter((c) => c.optional).map((c) => c.id);
      expect(optional).toEqual(
        expect.arrayContaining([
          'prometheus-remote-write-lag',
          'pushgateway-last-push-age',
          'alertmanager-cluster-members',
        ])
      );
      expect(computeVerdict(checks, healthyResults()).status).toBe('healthy');
    });

    it('reports a failed query as unknown with the error, after real problems', () => {
      let results = withResult(healthyResults(), {
        checkId: 'grafana-scheduler-behind',
        series: [],
        error: 'parse error: unexpected end of input',
      });
      results = withResult(results, {
        checkId: 'grafana-scheduler-behind-missing',
        series: [],
      });
      results = withResult(results, {
        checkId: 'alertmanager-config-reload',
        series: [{ labels: { instance: 'am:9093' }, value: 0 }],
      });
      const verdict = computeVerdict(checks, results);
      expect(verdict.problems.map((p) => p.severity)).toEqual(['critical', 'unknown']);
      expect(verdict.problems[1].message).toBe(
        'Alert scheduler behind: the query failed (parse error: unexpected end of input).'
      );
    });
  });
});

describe('judgeValue', () => {
  it('compares strictly, in the judgement’s direction, and never flags NaN', () => {
    const above = { direction: 'above' as const, warning: 1, critical: 10 };
    expect(judgeValue(above, 1)).toBeUndefined();
    expect(judgeValue(above, 1.01)).toBe('warning');
    expect(judgeValue(above, 11)).toBe('critical');
    expect(judgeValue(above, NaN)).toBeUndefined();
    const below = { direction: 'below' as const, warning: 0.15, critical: 0.05 };
    expect(judgeValue(below, 0.15)).toBeUndefined();
    expect(judgeValue(below, 0.1)).toBe('warning');
    expect(judgeValue(below, 0.01)).toBe('critical');
  });
});

describe('renderMessage', () => {
  it('fills labels and marks the ones a series lacks', () => {
    expect(renderMessage('{{job}} on {{ instance }} ({{ missing }})', { job: 'node', instance: 'a:1' })).toBe(
      'node on a:1 ((none))'
    );
  });
});
