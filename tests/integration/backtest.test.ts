// Ground truth for the backtest: a rule loaded into the stack's Prometheus 2.42 evaluates while a scripted fault
// happens (haproxy_exporter stopped, then started again); the backtest of the same rule over that window must find
// the firing intervals Prometheus' own evaluation wrote to ALERTS / ALERTS_FOR_STATE, to within one evaluation
// interval.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backtest, backtestRuleOf, type RangeQueryApi } from '../../src/rule-doctor/backtest';
import { rulesFromPrometheusApi } from '../../src/rule-doctor/diagnose';
import { eventually, runStackScript } from './harness';
import { createPrometheusClient, prometheusUrl, readStackEnv } from './prometheus';

const prometheus = createPrometheusClient();

const api: RangeQueryApi = {
  async range(expr, start, end, step) {
    const series = await prometheus.rangeQuery(expr, { start, end, step });
    return { series: series.map((s) => ({ labels: s.metric, times: s.values.map(([t]) => t) })) };
  },
};

const ALERT = 'FsmBacktestGroundTruth';
const GROUP = 'fsm-backtest-ground-truth';
const INTERVAL = 5;
const FOR = 15;
const RULE_FILE = `groups:
  - name: ${GROUP}
    interval: ${INTERVAL}s
    rules:
      - alert: ${ALERT}
        expr: up{job="haproxy_exporter"} == 0
        for: ${FOR}s
        keep_firing_for: 10s
`;

interface LoadedRule {
  name: string;
  health: string;
  lastError?: string;
  lastEvaluation: string;
}

async function ourRule(): Promise<LoadedRule | undefined> {
  const data = await prometheus.api<{ groups: Array<{ name: string; rules: LoadedRule[] }> }>('/rules');
  return data.groups.find((g) => g.name === GROUP)?.rules.find((r) => r.name === ALERT);
}

async function reload(): Promise<void> {
  const response = await fetch(`${prometheusUrl()}/-/reload`, { method: 'POST' });
  if (!response.ok) {
    throw new Error(`POST /-/reload: HTTP ${response.status} ${await response.text()}`);
  }
}

/** Firing intervals as Prometheus wrote them: runs of ALERTS{alertstate="firing"} samples, one per evaluation. */
async function firingFromAlerts(from: number, to: number): Promise<Array<{ from: number; lastFiring: number }>> {
  const [series] = await prometheus
    .query(`ALERTS{alertname="${ALERT}",alertstate="firing"}[${Math.ceil(to - from)}s]`, to)
    .then((d) => (d.resultType === 'matrix' ? (d.result as Array<{ values: Array<[number, string]> }>) : []));
  const runs: Array<{ from: number; lastFiring: number }> = [];
  for (const [t] of series?.values ?? []) {
    const run = runs[runs.length - 1];
    if (run && t - run.lastFiring <= INTERVAL * 1.5) {
      run.lastFiring = t;
    } else {
      runs.push({ from: t, lastFiring: t });
    }
  }
  return runs;
}

describe('the backtest against Prometheus’ own evaluation of the same rule', () => {
  const rulesDir = readStackEnv().FSM_PROM_TEST_RULES_DIR;
  const ruleFile = rulesDir ? join(rulesDir, 'backtest-ground-truth.yml') : '';

  afterAll(async () => {
    if (ruleFile) {
      rmSync(ruleFile, { force: true });
      await reload();
    }
  });

  it('finds the interval ALERTS shows firing while an exporter was stopped, to within one evaluation interval', async () => {
    if (!rulesDir) {
      throw new Error(
        'the stack has no rules.d for tests (stack.env lacks FSM_PROM_TEST_RULES_DIR): run start.sh from this tree'
      );
    }
    writeFileSync(ruleFile, RULE_FILE, { mode: 0o644 });
    await reload();
    const loaded = await eventually(
      `${ALERT} loaded and evaluated`,
      ourRule,
      (r) => r !== undefined && r.health === 'ok' && !r.lastEvaluation.startsWith('0001-')
    );
    // Two evaluations of a healthy exporter first, so the window opens quiet.
    await eventually(
      'two quiet evaluations',
      ourRule,
      (r) => Date.parse(r!.lastEvaluation) >= Date.parse(loaded!.lastEvaluation) + 2 * INTERVAL * 1000,
      { timeoutMs: 30_000 }
    );
    const windowStart = Math.floor(Date.now() / 1000) - INTERVAL;

    try {
      await runStackScript('stop-one.sh', ['haproxy_exporter']);
      // Firing for a while (four evaluations) before the exporter comes back; counted from the window's start
      // only, so an earlier run's alert cannot satisfy it.
      await eventually(
        `${ALERT} firing in ALERTS for four evaluations`,
        () => firingFromAlerts(windowStart, Date.now() / 1000),
        (runs) => runs.length === 1 && runs[0].lastFiring - runs[0].from >= 3 * INTERVAL,
        { timeoutMs: 90_000 }
      );
    } finally {
      await runStackScript('start.sh');
    }
    await eventually(
      `${ALERT} resolved (no ALERTS series) after haproxy_exporter came back`,
      () => prometheus.instantQuery(`ALERTS{alertname="${ALERT}"}`),
      (r) => r.length === 0,
      { timeoutMs: 60_000 }
    );
    const resolvedSeen = Math.ceil(Date.now() / 1000);
    const windowEnd = resolvedSeen + INTERVAL;
    await eventually('one more evaluation', ourRule, (r) => Date.parse(r!.lastEvaluation) / 1000 >= windowEnd, {
      timeoutMs: 30_000,
    });

    const truth = await firingFromAlerts(windowStart, windowEnd);
    expect(truth).toHaveLength(1);
    // ALERTS_FOR_STATE's value is the alert's ActiveAt (rules/alerting.go forStateSample).
    const activeAt = await prometheus
      .query(`max_over_time(ALERTS_FOR_STATE{alertname="${ALERT}"}[${windowEnd - windowStart}s])`, windowEnd)
      .then((d) => Number((d.result as Array<{ value: [number, string] }>)[0]?.value[1]));

    // The rule as the rule doctor reads it from the rules API: for and keep_firing_for included.
    const doctorRule = rulesFromPrometheusApi(await prometheus.api('/rules')).find((r) => r.name === ALERT)!;
    const rule = backtestRuleOf(doctorRule);
    expect(rule).toMatchObject({ forSeconds: FOR, keepFiringForSeconds: 10, intervalSeconds: INTERVAL });
    if (typeof rule === 'string') {
      return;
    }
    const evaluatedAt = Date.parse(doctorRule.lastEvaluation!) / 1000;
    const window = { now: windowEnd, windowSeconds: windowEnd - windowStart };
    for (const options of [window, { ...window, evaluatedAt }]) {
      const result = await backtest(rule, api, options);
      expect(result.step).toBe(INTERVAL);
      expect(result).toMatchObject({ fires: 1, seriesFiring: 1, truncated: false });
      const [series] = result.bySeries;
      expect(series.labels).toMatchObject({ job: 'haproxy_exporter' });
      const [interval] = series.intervals;
      expect(interval.open).toBe(false);
      // Prometheus' own: first firing evaluation, and the first evaluation after the last firing one (resolved).
      expect(Math.abs(interval.from - truth[0].from)).toBeLessThanOrEqual(INTERVAL);
      expect(Math.abs(interval.to - (truth[0].lastFiring + INTERVAL))).toBeLessThanOrEqual(INTERVAL);
      expect(Math.abs(interval.from - FOR - activeAt)).toBeLessThanOrEqual(INTERVAL);
    }
  });
});
