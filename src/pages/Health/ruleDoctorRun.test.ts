import { setBackendSrv, type BackendSrv } from '@grafana/runtime';
import { grafanaRuleGroup } from '../../alerting/grafana-rules';
import { EXPORTERS } from '../../catalog';
import type { RuleGroupPayload } from '../../grafana-api/types';
import type { RuleUnderCheck } from '../../rule-doctor/diagnose';
import { rulesFromGrafanaApi } from '../../rule-doctor/sources';
import { GrafanaDouble } from '../../../tests/grafana-double';
import {
  doubleApi,
  doubleBackendFetch,
  pointsIn,
  PrometheusErrorAnswer,
  type RangeQueryDouble,
} from '../../../tests/support/double-backend-srv';
import { backtestDoctorRule, NotBacktested } from './ruleDoctorRun';

const node = EXPORTERS.find((e) => e.id === 'node')!;
const HOUR = 3600;

/** A Grafana (the double) with our node pack as Setup writes it, as a Viewer reads it, over a Prometheus answering `range`. */
async function grafana(
  range: (q: RangeQueryDouble) => Promise<Array<{ labels: Record<string, string>; times: number[] }>>
) {
  const double = new GrafanaDouble({ currentUser: 'viewer' });
  double.addDatasource({ uid: 'prom', name: 'Prometheus', url: '' });
  const admin = doubleApi(double, 'admin');
  await admin.createFolder({ uid: 'fsm-alerts', title: 'Full-Stack Monitoring' });
  await admin.putRuleGroup(grafanaRuleGroup(node, { datasourceUid: 'prom' }) as unknown as RuleGroupPayload);
  const queries: RangeQueryDouble[] = [];
  setBackendSrv({
    fetch: doubleBackendFetch(double, {
      range: (q) => {
        queries.push(q);
        return range(q);
      },
    }),
  } as unknown as BackendSrv);
  const statuses = await doubleApi(double, 'viewer').getGrafanaRuleStatuses();
  return { double, queries, rules: rulesFromGrafanaApi(statuses, 'prom').rules };
}

describe('backtesting a rule the rule doctor read', () => {
  it('replays a Grafana-managed rule from its definition: its query against its threshold, with its for', async () => {
    const now = Math.floor(Date.now() / 1000);
    const { queries, rules } = await grafana(async (q) => [
      { labels: { instance: 'db-1:9100' }, times: pointsIn(q, now - 30 * HOUR, now - 28 * HOUR) },
    ]);
    const load = rules.find((r) => r.name === 'NodeHighLoad')!;
    const definition = grafanaRuleGroup(node, { datasourceUid: 'prom' }).rules.find((r) => r.title === 'NodeHighLoad')!;
    const sentence = await backtestDoctorRule(load, 'prom', new AbortController().signal);
    // Two hours over the threshold, `for` before it fires: firing for two hours less the pending time.
    const forSeconds = Number(/^(\d+)m$/.exec(definition.for)![1]) * 60;
    expect(sentence).toBe(
      `Would have fired 1 time over the last 7 days on 1 series, firing for ${humanHours(2 * HOUR - forSeconds)} in total, longest ${humanHours(2 * HOUR - forSeconds)}.`
    );
    expect(queries).toHaveLength(1);
    const threshold = definition.data.find((d) => d.refId === 'C')!.model as {
      conditions: Array<{ evaluator: { type: string; params: number[] } }>;
    };
    const query = definition.data.find((d) => d.refId === 'A')!.model as { expr: string };
    const { type, params } = threshold.conditions[0].evaluator;
    expect(queries[0].expr).toBe(`(${query.expr}) ${type === 'gt' ? '>' : '<'} ${params[0]}`);
    expect(queries[0].stepSeconds).toBe(60);
  });

  it('replays a Prometheus rule from what the rules API says, and says why a rule cannot be replayed', async () => {
    const { queries } = await grafana(async () => []);
    const prometheusRule: RuleUnderCheck = {
      source: 'prometheus',
      group: 'fsm-node.rules.yml / fsm-node',
      name: 'NodeDown',
      type: 'alerting',
      query: 'up{job="node"} == 0',
      intervalSeconds: 30,
      forSeconds: 300,
    };
    // 7 days every 30 s are more points than Prometheus answers (11,000): every 60 s, and it says so.
    await expect(backtestDoctorRule(prometheusRule, 'prom', new AbortController().signal)).resolves.toBe(
      'Would not have fired over the last 7 days (replayed every 1m instead of every 30s: times within ±1m).'
    );
    expect(queries).toMatchObject([{ expr: 'up{job="node"} == 0', stepSeconds: 60 }]);

    const noInterval = { ...prometheusRule, intervalSeconds: undefined };
    const refused = await backtestDoctorRule(noInterval, 'prom', new AbortController().signal).catch((e) => e);
    expect(refused).toBeInstanceOf(NotBacktested);
    expect(refused.message).toBe('Not backtested: its group reports no evaluation interval.');
    const gone = { ...prometheusRule, source: 'grafana' as const, uid: 'no-such-rule', intervalSeconds: 60 };
    await expect(backtestDoctorRule(gone, 'prom', new AbortController().signal)).rejects.toThrow(
      'Grafana no longer has this rule.'
    );
  });

  it("passes on Prometheus' refusal in words", async () => {
    const { rules } = await grafana(async () => {
      throw new PrometheusErrorAnswer('execution', 'query processing would load too many samples into memory', 422);
    });
    await expect(backtestDoctorRule(rules[0], 'prom', new AbortController().signal)).rejects.toThrow(
      'Prometheus could not run the query: query processing would load too many samples into memory'
    );
  });
});

function humanHours(seconds: number): string {
  const h = Math.floor(seconds / HOUR);
  const m = Math.floor((seconds % HOUR) / 60);
  return [h ? `${h}h` : '', m ? `${m}m` : ''].filter(Boolean).join(' ');
}
