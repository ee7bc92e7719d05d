/** @jest-environment node */
import { nodeExporter } from '../catalog/exporters/node';
import { fixtureExporter } from '../../tests/support/fixture-exporter';
import {
  grafanaQueryExpr,
  grafanaRuleGroup,
  parsePromDurationSeconds,
  queryRangeSeconds,
  type GrafanaPrometheusQueryModel,
  type GrafanaThresholdModel,
} from './grafana-rules';
import { prometheusRuleGroups } from '../generate/prometheus-rules';

const datasourceUid = 'prom-main';

function thresholdModel(rule: { data: Array<{ model: unknown }> }): GrafanaThresholdModel {
  return rule.data[2].model as GrafanaThresholdModel;
}

describe('Grafana rule group for the node pack', () => {
  // replicaLabels: [] keeps the expressions in their single-server form (the HA form: prometheus-rules' promtool cases)
  const group = grafanaRuleGroup(nodeExporter, { datasourceUid, replicaLabels: [] });

  it('is one group in the fsm-alerts folder, evaluated every minute, holding one rule per alert', () => {
    expect(group.title).toBe('fsm-node');
    expect(group.folderUid).toBe('fsm-alerts');
    expect(group.interval).toBe(60);
    expect(group.rules.map((r) => r.title)).toEqual(nodeExporter.alerts.map((a) => a.name));
    for (const rule of group.rules) {
      expect(rule.ruleGroup).toBe(group.title);
      expect(rule.folderUID).toBe(group.folderUid);
      expect(rule.isPaused).toBe(false);
      expect(rule.execErrState).toBe('Error');
      expect(rule).not.toHaveProperty('orgID');
    }
  });

  it('gives every rule a unique, stable uid that Grafana accepts', () => {
    const uids = group.rules.map((r) => r.uid);

    expect(new Set(uids).size).toBe(uids.length);
    for (const [index, uid] of uids.entries()) {
      expect(uid).toBe(`fsm-node-${nodeExporter.alerts[index].id}`);
      expect(uid).toMatch(/^[a-zA-Z0-9_-]{1,40}$/);
    }
  });

  it('carries the same labels and annotations as the Prometheus form', () => {
    const prometheusRules = prometheusRuleGroups(nodeExporter).groups[0].rules;

    for (const [index, rule] of group.rules.entries()) {
      expect(rule.labels).toEqual(prometheusRules[index].labels);
      expect(rule.annotations).toEqual(prometheusRules[index].annotations);
      expect(rule.for).toBe(nodeExporter.alerts[index].for);
    }
  });

  it('queries Prometheus, reduces to the last value and compares in a threshold expression', () => {
    const cpu = group.rules.find((r) => r.uid === 'fsm-node-cpu-high')!;
    const [a, b, c] = cpu.data;

    expect(cpu.condition).toBe('C');
    expect(a).toMatchObject({ refId: 'A', datasourceUid, model: { refId: 'A', instant: true } });
    expect(b).toMatchObject({
      refId: 'B',
      datasourceUid: '__expr__',
      model: { type: 'reduce', expression: 'A', reducer: 'last', settings: { mode: 'dropNN' } },
    });
    expect(c).toMatchObject({ refId: 'C', datasourceUid: '__expr__', model: { type: 'threshold', expression: 'B' } });
    expect(thresholdModel(cpu).conditions[0].evaluator).toEqual({ type: 'gt', params: [90] });
  });

  it('maps `<` alerts to an lt evaluator', () => {
    const fsFull = group.rules.find((r) => r.uid === 'fsm-node-fs-full')!;

    expect(thresholdModel(fsFull).conditions[0].evaluator).toEqual({ type: 'lt', params: [3] });
  });

  it('sends the query and filters without the comparison, which the threshold expression does', () => {
    const clock = group.rules.find((r) => r.uid === 'fsm-node-clock-not-synced')!;
    const memory = group.rules.find((r) => r.uid === 'fsm-node-memory-high')!;

    expect((clock.data[0].model as GrafanaPrometheusQueryModel).expr).toBe(
      '(min_over_time(node_timex_sync_status[5m])) and (node_timex_maxerror_seconds >= 16)'
    );
    expect((memory.data[0].model as GrafanaPrometheusQueryModel).expr).toBe(
      nodeExporter.alerts
        .find((a) => a.id === 'memory-high')!
        .query({ selector: '', fleetSelector: '', range: '5m', by: 'job, instance' })
    );
  });

  it('expresses the relative time range in seconds, covering the longest window the query reads', () => {
    const fillingUp = group.rules.find((r) => r.uid === 'fsm-node-fs-filling-up')!;
    const cpu = group.rules.find((r) => r.uid === 'fsm-node-cpu-high')!;

    expect(fillingUp.data[0].relativeTimeRange).toEqual({ from: 6 * 3600, to: 0 });
    expect(cpu.data[0].relativeTimeRange).toEqual({ from: 600, to: 0 });
  });

  it('defaults noDataState to OK and keeps an alert’s own choice', () => {
    const deadMan = fixtureExporter([{}, { noDataState: 'Alerting' }]);
    const rules = grafanaRuleGroup(deadMan, { datasourceUid }).rules;

    expect(group.rules.every((r) => r.noDataState === 'OK')).toBe(true);
    expect(rules.map((r) => r.noDataState)).toEqual(['OK', 'Alerting']);
  });
});

describe('Setup choices in the Grafana rule group', () => {
  it('moves the threshold parameter with an override', () => {
    const group = grafanaRuleGroup(nodeExporter, {
      datasourceUid,
      overrides: { 'node.cpuUtilisation': { warning: 75 } },
    });
    const cpu = group.rules.find((r) => r.uid === 'fsm-node-cpu-high')!;

    expect(thresholdModel(cpu).conditions[0].evaluator.params).toEqual([75]);
  });

  it('narrows every query with the selector', () => {
    const group = grafanaRuleGroup(nodeExporter, { datasourceUid, selector: 'cluster="eu-1"' });

    for (const rule of group.rules) {
      expect((rule.data[0].model as GrafanaPrometheusQueryModel).expr).toContain('cluster="eu-1"');
    }
  });

  it('writes into another folder at another interval when asked', () => {
    const group = grafanaRuleGroup(nodeExporter, { datasourceUid, folderUid: 'team-ops', intervalSeconds: 30 });

    expect(group.folderUid).toBe('team-ops');
    expect(group.interval).toBe(30);
    expect(group.rules.every((r) => r.folderUID === 'team-ops')).toBe(true);
  });

  it.each([45, 0, -60, 12.5])(
    'refuses an interval of %p s, which Grafana would answer with a 400',
    (intervalSeconds) => {
      expect(() => grafanaRuleGroup(nodeExporter, { datasourceUid, intervalSeconds })).toThrow(/multiple of 10/);
    }
  );

  it('refuses to build rules without a Prometheus datasource', () => {
    expect(() => grafanaRuleGroup(nodeExporter, { datasourceUid: '' })).toThrow(/pick one in Setup/);
  });

  it('refuses a folder uid Grafana would not accept', () => {
    expect(() => grafanaRuleGroup(nodeExporter, { datasourceUid, folderUid: 'my folder' })).toThrow(
      /Folder uid "my folder"/
    );
  });
});

describe('rule uids that Grafana would refuse', () => {
  it('throws when the uid would exceed 40 characters, saying which alert to shorten', () => {
    const long = fixtureExporter([{ id: 'queue-depth-is-far-too-deep-for-comfort' }]);

    expect(() => grafanaRuleGroup(long, { datasourceUid })).toThrow(
      /fsm-widget-queue-depth-is-far-too-deep-for-comfort" is 50 characters/
    );
  });

  it('throws on characters outside [a-zA-Z0-9-_]', () => {
    const dotted = fixtureExporter([{ id: 'queue.deep' }]);

    expect(() => grafanaRuleGroup(dotted, { datasourceUid })).toThrow(/may only contain letters, digits/);
  });

  it('rejects annotation templates that use $value', () => {
    const withValue = fixtureExporter([{ description: 'Depth {{ $value | humanize }}' }]);

    expect(() => grafanaRuleGroup(withValue, { datasourceUid })).toThrow(/description of alert "queue-deep"/);
  });
});

describe('query windows', () => {
  it('reads Prometheus durations, including compound ones and subqueries', () => {
    expect(parsePromDurationSeconds('5m')).toBe(300);
    expect(parsePromDurationSeconds('1h30m')).toBe(5400);
    expect(parsePromDurationSeconds('$__rate_interval')).toBeUndefined();
    expect(queryRangeSeconds('max_over_time(rate(x[5m])[2h:1m])')).toBe(7200);
    expect(queryRangeSeconds('x')).toBe(600);
  });

  it('leaves a filterless query as written', () => {
    const widget = fixtureExporter([{ filters: undefined }]);

    expect(grafanaQueryExpr(widget.alerts[0], undefined, [])).toBe('widget_queue_depth unless widget_maintenance == 1');
  });
});

describe('per-target thresholds in Grafana rules', () => {
  const targetOverrides = [
    {
      threshold: 'node.cpuUtilisation',
      matchers: [{ label: 'instance', op: '=~' as const, value: 'db-.*' }],
      warning: 80,
    },
    {
      threshold: 'node.cpuUtilisation',
      matchers: [{ label: 'instance', op: '=~' as const, value: 'batch-.*' }],
      warning: 99,
    },
  ];
  const plain = grafanaRuleGroup(nodeExporter, { datasourceUid });
  const group = grafanaRuleGroup(nodeExporter, { datasourceUid, targetOverrides });
  const prometheus = prometheusRuleGroups(nodeExporter, { targetOverrides }).groups[0].rules;

  it('query with the very comparison the Prometheus rule makes (the one promtool proves), and pass all it returns', () => {
    const index = nodeExporter.alerts.findIndex((a) => a.id === 'cpu-high');
    const rule = group.rules[index];
    const query = rule.data[0].model as GrafanaPrometheusQueryModel;
    expect(query.expr).toBe(prometheus[index].expr);
    // Each returned series is above its own bound, so above the lowest of them.
    expect(thresholdModel(rule).conditions[0].evaluator).toEqual({ type: 'gt', params: [80] });
  });

  it('leave every rule the overrides do not concern exactly as without them, so re-apply writes nothing there', () => {
    const changed = group.rules.filter((r, i) => JSON.stringify(r) !== JSON.stringify(plain.rules[i]));
    expect(changed.map((r) => r.uid)).toEqual(['fsm-node-cpu-high']);
  });
});
