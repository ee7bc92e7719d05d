/** @jest-environment node */
import { grafanaRuleGroup } from '../alerting/grafana-rules';
import { EXPORTERS } from '../catalog';
import { GrafanaDouble, type GrafanaVersion } from '../../tests/grafana-double';
import { doubleApi } from '../../tests/support/double-backend-srv';
import { detectionQuery } from '../inventory/detect';
import { grafanaRuleReader, runRuleDoctor } from './run';
import { rulesFromGrafanaApi } from './sources';
import type { RuleGroupPayload } from '../grafana-api/types';
import type { RuleQueryApi } from './diagnose';

const node = EXPORTERS.find((e) => e.id === 'node')!;

/** A Grafana with our node pack written the way Setup writes it, plus a user's Loki rule and a paused one. */
async function grafanaWithRules(version: GrafanaVersion) {
  const double = new GrafanaDouble({ grafanaVersion: version });
  double.addDatasource({ uid: 'prom', name: 'Prometheus', url: '' });
  double.addDatasource({ uid: 'loki', name: 'Loki', type: 'loki' });
  const admin = doubleApi(double);
  await admin.createFolder({ uid: 'fsm-alerts', title: 'Full-Stack Monitoring' });
  await admin.putRuleGroup(grafanaRuleGroup(node, { datasourceUid: 'prom' }) as unknown as RuleGroupPayload);
  await admin.createFolder({ uid: 'team', title: 'Team' });
  const lokiQuery = {
    refId: 'A',
    datasourceUid: 'loki',
    relativeTimeRange: { from: 600, to: 0 },
    model: { refId: 'A', expr: 'sum(rate({app="shop"} |= "error" [5m]))' },
  };
  await admin.putRuleGroup({
    title: 'team',
    folderUid: 'team',
    interval: 60,
    rules: [
      {
        uid: 'shop-errors',
        title: 'ShopErrors',
        condition: 'A',
        data: [lokiQuery],
        noDataState: 'OK',
        execErrState: 'Error',
        for: '5m',
        folderUID: 'team',
        ruleGroup: 'team',
        orgID: 1,
        labels: {},
        annotations: {},
        isPaused: false,
      },
      {
        uid: 'paused',
        title: 'Paused',
        condition: 'A',
        data: [{ ...lokiQuery, datasourceUid: 'prom', model: { refId: 'A', expr: 'up == 0' } }],
        noDataState: 'OK',
        execErrState: 'Error',
        for: '5m',
        folderUID: 'team',
        ruleGroup: 'team',
        orgID: 1,
        labels: {},
        annotations: {},
        isPaused: true,
      },
    ],
  });
  return double;
}

describe('rules through Grafana', () => {
  it("analyses our Grafana-managed pack (one PromQL query on the app's Prometheus) and says why it leaves the others out", async () => {
    const double = await grafanaWithRules('12.x');
    const data = await doubleApi(double, 'viewer').getGrafanaRuleStatuses();
    const { rules, notAnalysed } = rulesFromGrafanaApi(data, 'prom');

    expect(rules.map((r) => r.name).sort()).toEqual(node.alerts.map((a) => a.name).sort());
    // ruleToQuery keeps only data queries with an `expr`: the threshold expression is left out.
    expect(rules.every((r) => !r.query.includes(' | '))).toBe(true);
    expect(rules[0]).toMatchObject({
      source: 'grafana',
      group: 'Full-Stack Monitoring / fsm-node',
      intervalSeconds: 60,
    });
    // Grafana answers an unscheduled rule "ok" with a zero time: the double evaluates nothing.
    expect(rules[0].lastEvaluation).toBe('0001-01-01T00:00:00Z');
    expect(notAnalysed.map((n) => `${n.rule.name}: ${n.reason}`)).toEqual([
      "ShopErrors: it queries another datasource (loki) than the app's Prometheus",
      'Paused: it is paused: Grafana does not evaluate it',
    ]);
  });

  it('reads a rule in error as Prometheus\' "err", with its message', async () => {
    const double = await grafanaWithRules('12.x');
    const [uid] = [...double.rules.values()].filter((r) => r.folderUID === 'fsm-alerts').map((r) => r.uid);
    double.setRuleStatus(uid, {
      health: 'error',
      lastError: 'failed to execute query A: context deadline exceeded',
      lastEvaluation: new Date('2025-01-01T00:00:00Z'),
      evaluationSeconds: 75,
    });
    const { rules } = rulesFromGrafanaApi(await doubleApi(double).getGrafanaRuleStatuses(), 'prom');
    expect(rules.find((r) => r.health === 'err')).toMatchObject({
      lastError: 'failed to execute query A: context deadline exceeded',
      evaluationSeconds: 75,
      lastEvaluation: '2025-01-01T00:00:00.000Z',
    });
  });

  it('on a Grafana whose rules API does not name the datasources, learns them from the rule definitions', async () => {
    const double = await grafanaWithRules('11.6');
    const viewer = doubleApi(double, 'viewer');
    const data = await viewer.getGrafanaRuleStatuses();
    expect(data.groups?.[0].rules?.[0]).not.toHaveProperty('queriedDatasourceUIDs');
    expect(rulesFromGrafanaApi(data, 'prom').rules).toEqual([]);

    // The whole run: the Prometheus datasource's own rules fail (no URL) without stopping the rest.
    const api: RuleQueryApi = { instant: async () => [], presence: async () => [] };
    const report = await runRuleDoctor({ reader: grafanaRuleReader(viewer, 'prom'), prometheusUid: 'prom', api });
    expect(report.checked).toBe(node.alerts.length);
    expect(report.notAnalysed.map((n) => n.rule.name)).toEqual(['ShopErrors', 'Paused']);
    expect(report.sources.find((s) => s.source === 'prometheus')?.error).toMatch(/URL for this data source is empty/);
    // Nothing scheduled this Grafana's rules: each reads as never evaluated, analysed or not, but for the paused one.
    const never = report.findings.filter((f) => f.kind === 'never-evaluated').map((f) => f.rule.name);
    expect(never).toHaveLength(node.alerts.length + 1);
    expect(never).toContain('ShopErrors');
    expect(never).not.toContain('Paused');
  });
});

describe('what no rule watches, with what would cover it', () => {
  it("names the exporter's pack for an unwatched exporter, and for an unwatched target the alert that watches every target's up", async () => {
    // Prometheus scrapes node_exporter (job node) and FortiGate (job fortigate); its one rule reads a node metric.
    const api: RuleQueryApi = {
      instant: async (expr) => {
        if (expr === detectionQuery()) {
          return [
            { labels: { job: 'node', metric: 'node_uname_info' }, value: 1 },
            { labels: { job: 'fortigate', metric: 'fortigate_version_info' }, value: 1 },
          ];
        }
        if (expr === 'group by (job, instance) (up)') {
          return [
            { labels: { job: 'node', instance: 'h1:9100' }, value: 1 },
            { labels: { job: 'fortigate', instance: 'fw1:9710' }, value: 1 },
          ];
        }
        return [{ labels: {}, value: 1 }];
      },
      presence: async () => [],
    };
    const report = await runRuleDoctor({
      reader: {
        datasourceRules: async () => ({
          groups: [
            { name: 'node', interval: 60, rules: [{ name: 'NodeLoad', type: 'alerting', query: 'node_load1 > 4' }] },
          ],
        }),
      },
      prometheusUid: 'prom',
      api,
    });
    expect(report.blindSpots).toContainEqual({
      kind: 'exporter-unwatched',
      exporter: 'fortigate',
      title: 'FortiGate',
      pack: { exporter: 'fortigate', title: 'FortiGate' },
    });
    // Neither the node nor the FortiGate pack reads `up`: the pack that pages when a target is down is Prometheus'.
    for (const [job, instance] of [
      ['node', 'h1:9100'],
      ['fortigate', 'fw1:9710'],
    ]) {
      expect(report.blindSpots).toContainEqual({
        kind: 'target-unwatched',
        job,
        instance,
        pack: { exporter: 'prometheus', title: 'Prometheus', alert: 'PrometheusTargetDown' },
      });
    }
  });
});
