import { FieldType } from '@grafana/data';
import { grafanaRuleGroup } from '../alerting/grafana-rules';
import { nodeExporter } from '../catalog/exporters/node';
import type { AlertRulePayload } from '../grafana-api/types';
import { grafanaBacktestRule, grafanaRuleDatasource } from './grafana-condition';
import { rangeFromFrames } from './grafana-backtest';

describe('a Grafana-managed rule as a backtest', () => {
  const group = grafanaRuleGroup(nodeExporter, { datasourceUid: 'prom' });
  const rules = group.rules as unknown as AlertRulePayload[];

  it('reads every rule the plugin writes as its query compared with its threshold, with its for', () => {
    for (const rule of rules) {
      const backtest = grafanaBacktestRule(rule, group.interval);
      if (typeof backtest === 'string') {
        throw new Error(`${rule.title}: ${backtest}`);
      }
      const query = rule.data.find((d) => d.refId === 'A')!.model as { expr: string };
      const threshold = rule.data.find((d) => d.refId === 'C')!.model as {
        conditions: Array<{ evaluator: { type: string; params: number[] } }>;
      };
      const { type, params } = threshold.conditions[0].evaluator;
      expect(backtest.expr).toBe(`(${query.expr}) ${type === 'gt' ? '>' : '<'} ${params[0]}`);
      expect(backtest.intervalSeconds).toBe(group.interval);
      expect(grafanaRuleDatasource(rule)).toBe('prom');
    }
    const rebooted = rules.find((r) => r.title === 'NodeRebooted')!;
    expect(grafanaBacktestRule({ ...rebooted, for: '5m', keep_firing_for: '2m' }, 60)).toMatchObject({
      forSeconds: 300,
      keepFiringForSeconds: 120,
    });
  });

  it('says why a rule of another shape is not replayed', () => {
    const [rule] = rules;
    const mathCondition = {
      ...rule,
      data: [...rule.data.slice(0, 2), { ...rule.data[2], model: { refId: 'C', type: 'math', expression: '$B > 1' } }],
    } as AlertRulePayload;
    expect(grafanaBacktestRule(mathCondition, 60)).toBe('its condition is not a threshold above or below one value');
  });
});

describe('range answers as Grafana frames them', () => {
  it('keeps each series’ points with a value, and reads back the step Grafana used', () => {
    const { series, step } = rangeFromFrames(
      [
        {
          schema: {
            fields: [
              { name: 'Time', type: FieldType.time, config: { interval: 120_000 } },
              { name: 'Value', type: FieldType.number, labels: { instance: 'a' } },
            ],
          },
          data: {
            values: [
              [1_000_000, 1_120_000, 1_240_000],
              [1, null, 3],
            ],
          },
        },
      ],
      60
    );
    expect(step).toBe(120);
    expect(series).toEqual([{ labels: { instance: 'a' }, times: [1000, 1240] }]);
  });
});
