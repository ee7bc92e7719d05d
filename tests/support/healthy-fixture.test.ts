/** @jest-environment node */
import { parseFixture } from './fixture-families';
import { alertsOf, firedAlerts, fixturePromtoolTest, STEP_SECONDS, testSeconds } from './healthy-fixture';

const RULES = `groups:
  - name: fsm-widget
    rules:
      - record: widget:depth:sum
        expr: sum(widget_queue_depth)
      - alert: WidgetQueueDeep
        expr: max_over_time(widget_queue_depth[1h]) > 100
        for: 15m
      - alert: WidgetRebooted
        expr: time() - widget_boot_time_seconds < 900
`;

const FIXTURE = `# family: widget / widget 1.x
# fsm-stack: grows widget_requests_total 2
# fsm-stack: timestamp widget_boot_time_seconds
# fsm-healthy: 3
widget_queue_depth{queue="a"} 900
# fsm-healthy: absent
widget_broken{reason="disk"} 1
widget_requests_total 10
widget_boot_time_seconds 1794990000
`;

type Test = {
  rule_files: string[];
  tests: Array<{
    input_series: Array<{ series: string; values: string }>;
    alert_rule_test: Array<{ eval_time: string; alertname: string; exp_alerts: unknown[] }>;
  }>;
};

describe('a family fixture as a promtool test', () => {
  const alerts = alertsOf(RULES);
  const fixture = parseFixture(FIXTURE, '/x/widget-1.prom');
  const build = (mode: 'healthy' | 'as-written') =>
    fixturePromtoolTest(fixture, {
      mode,
      ruleFile: '/rules/fsm-widget.rules.yml',
      alerts,
      target: { job: 'widget', instance: 'widget-1:9100' },
    }) as Test;

  it('runs long enough for the longest range plus the longest for:, and expects no alert at the end', () => {
    expect(alerts.map((a) => a.alert)).toEqual(['WidgetQueueDeep', 'WidgetRebooted']);
    const seconds = testSeconds(alerts);
    expect(seconds).toBeGreaterThanOrEqual(3600 + 900);
    expect(build('healthy').tests[0].alert_rule_test).toEqual([
      { eval_time: `${seconds}s`, alertname: 'WidgetQueueDeep', exp_alerts: [] },
      { eval_time: `${seconds}s`, alertname: 'WidgetRebooted', exp_alerts: [] },
    ]);
  });

  it('is not lengthened by a last_over_time lookback, which a fixture fills from its first sample', () => {
    // 7 days of 30-second samples would be 20,160 for one series, over promtool's 10,000 per query.
    const withLookback = alertsOf(`${RULES}      - alert: WidgetRoleChanged
        expr: (widget_is_replica != bool last_over_time(widget_is_replica{a="[x]"}[7d] offset 15m)) > 0
`);
    expect(testSeconds(withLookback)).toBe(testSeconds(alerts));
  });

  it('feeds the healthy values with the target labels, grows counters, drops absent faults and adds up', () => {
    const seconds = testSeconds(alerts);
    const steps = seconds / STEP_SECONDS;
    expect(build('healthy').tests[0].input_series).toEqual([
      { series: 'up{job="widget",instance="widget-1:9100"}', values: `1x${steps}` },
      { series: 'widget_queue_depth{job="widget",instance="widget-1:9100",queue="a"}', values: `3x${steps}` },
      {
        series: 'widget_requests_total{job="widget",instance="widget-1:9100"}',
        values: `10+${2 * STEP_SECONDS}x${steps}`,
      },
      // booted 6000 s before the fixture's now, which is the test's end
      {
        series: 'widget_boot_time_seconds{job="widget",instance="widget-1:9100"}',
        values: `${seconds - 6000}x${steps}`,
      },
    ]);
  });

  it('keeps the faults as written in the other mode', () => {
    const series = build('as-written').tests[0].input_series.map((s) => `${s.series} ${s.values.split('x')[0]}`);
    expect(series).toContain('widget_queue_depth{job="widget",instance="widget-1:9100",queue="a"} 900');
    expect(series).toContain('widget_broken{job="widget",instance="widget-1:9100",reason="disk"} 1');
  });

  it('keeps an event where it was, advances a clock to its distance at the end, in seconds or ms', () => {
    const clocks = parseFixture(
      `# fsm-stack: now 1796630900
# fsm-stack: clock widget_clock_seconds
# fsm-stack: clock widget_optime ms
# fsm-stack: timestamp widget_election ms
# fsm-stack: timestamp widget_last_failure_seconds
widget_clock_seconds 1796630899
widget_optime 1796630890000
widget_election 1796620900000
widget_last_failure_seconds 0
`,
      '/x/widget-2.prom'
    );
    const seconds = testSeconds(alerts);
    const steps = seconds / STEP_SECONDS;
    const series = (
      fixturePromtoolTest(clocks, {
        mode: 'healthy',
        ruleFile: '/rules/fsm-widget.rules.yml',
        alerts,
        target: { job: 'widget', instance: 'widget-2:9100' },
      }) as Test
    ).tests[0].input_series.map((s) => `${s.series.split('{')[0]} ${s.values}`);
    expect(series.slice(1)).toEqual([
      // 1 s behind the test's clock all along, so FortiGateClockSkew-style comparisons see 1 s, not the test's length
      `widget_clock_seconds -1+${STEP_SECONDS}x${steps}`,
      `widget_optime -10000+${STEP_SECONDS * 1000}x${steps}`,
      `widget_election ${(seconds - 10000) * 1000}x${steps}`,
      // "never" stays 1970, before the push a test-clock of 0 puts at a negative time
      `widget_last_failure_seconds ${seconds - 1796630900}x${steps}`,
    ]);
  });

  it('reads the alerts that fired from promtool’s failure output', () => {
    const output = `Unit Testing:  /tmp/x/widget-1-widget-healthy.test.yml
  FAILED:
    alertname: WidgetQueueDeep, time: 1h25m, 
        exp:[], 
        got:[
            0:
              Labels:{alertname="WidgetQueueDeep", instance="widget-1:9100", job="widget"}
              Annotations:{}
            ]
    alertname: WidgetRebooted, time: 1h25m, 
        exp:[{Labels:{alertname="WidgetRebooted"}}], 
        got:[]
`;
    expect(firedAlerts(output)).toEqual(['WidgetQueueDeep']);
    expect(firedAlerts('Unit Testing:  x.yml\n  SUCCESS\n')).toEqual([]);
  });
});
