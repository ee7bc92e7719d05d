/** @jest-environment node */
import { EXPORTERS } from '../catalog';
import { REPLICA_LABELS, signalQuery } from '../catalog/promql';
import { sumsAcrossReplicas } from '../generate/dashboards/lint';
import { resolveThreshold } from '../catalog/thresholds';
import { healthChecks, healthContext, HEALTH_SECTIONS } from './checks';
import { healthPanels } from './panels';
import { computeVerdict } from './verdict';

const checks = healthChecks();

describe('health checks catalog', () => {
  it('has unique ids, and every check a known section, a description and a unit', () => {
    expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
    const sections = HEALTH_SECTIONS.map((s) => s.id);
    for (const check of checks) {
      expect(sections).toContain(check.section);
      expect(check.description.length).toBeGreaterThan(20);
      expect(check.unit).toBeTruthy();
    }
  });

  it('shows a catalog signal in the signal’s unit and judges it by the signal’s threshold', () => {
    // A check whose query is a signal's is that signal (fromSignal): restating its unit or
    // threshold by hand is how the Health page drifts from the dashboards and alerts.
    const q = healthContext();
    const signals = EXPORTERS.flatMap((exporter) => exporter.signals.map((signal) => ({ exporter, signal })));
    let fromSignals = 0;
    for (const check of checks) {
      const same = signals.find(({ signal }) => signalQuery(signal, q) === check.query(q));
      if (!same) {
        continue;
      }
      fromSignals++;
      expect([check.id, check.unit]).toEqual([check.id, same.signal.unit]);
      if (same.signal.threshold) {
        const { direction, warning, critical } = resolveThreshold(same.exporter, same.signal.threshold);
        expect([check.id, check.judge]).toEqual([check.id, { direction, warning, critical }]);
      }
    }
    expect(fromSignals).toBeGreaterThan(0);
  });

  it('gives every judged check a message with its number, and every check without data a next step', () => {
    for (const check of checks) {
      if (check.judge) {
        // a yes/no check (config reload) has no number worth printing: its sentence says it
        const withNumber = check.unit === 'bool_yes_no' ? expect.any(String) : expect.stringContaining('{{value}}');
        expect([check.id, check.problem]).toEqual([check.id, withNumber]);
        expect(check.judge.warning ?? check.judge.critical).toBeDefined();
      }
      if (!check.optional) {
        expect([check.id, check.noData]).toEqual([check.id, expect.stringMatching(/\w+/)]);
      }
    }
  });

  it('covers every part of the issue: Prometheus, Alertmanager, Pushgateway, Grafana and capacity', () => {
    const ids = checks.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'prometheus-scrape-success',
        'prometheus-failing-targets',
        'prometheus-ingestion',
        'prometheus-head-series',
        'prometheus-storage-vs-retention',
        'prometheus-compactions-failed',
        'prometheus-tsdb-failures',
        'prometheus-query-latency',
        'prometheus-rule-group-load',
        'prometheus-missed-evaluations',
        'prometheus-notifications-dropped',
        'prometheus-notification-queue',
        'prometheus-remote-write-pending',
        'prometheus-remote-write-failures',
        'prometheus-remote-write-shards',
        'prometheus-remote-write-lag',
        'alertmanager-notifications',
        'alertmanager-notifications-failed',
        'alertmanager-config-reload',
        'alertmanager-cluster-members',
        'pushgateway-groups',
        'pushgateway-last-push-age',
        'pushgateway-failed-pushes',
        'grafana-rule-evaluations',
        'grafana-rule-failures',
        'grafana-scheduler-behind',
        'grafana-missed-evaluations',
        'grafana-notifications',
        'grafana-notification-failures',
        'grafana-api-latency',
        'grafana-dashboard-load',
        'grafana-datasource-errors',
        'grafana-datasource-latency',
        'grafana-active-users',
        'capacity-active-series',
        'capacity-samples-rate',
        'capacity-bytes-per-sample',
      ])
    );
  });

  it('never uses the Grafana metrics removed with legacy alerting in Grafana 11', () => {
    const q = healthContext();
    for (const check of checks) {
      expect(check.query(q)).not.toMatch(
        /grafana_alerting_result_total|grafana_alerting_active_alerts|grafana_alerting_notification_sent_total/
      );
    }
  });

  it('keeps the cluster label and replica labels in aggregations, so HA pairs and datacenters stay apart', () => {
    const q = healthContext({ clusterLabel: 'datacenter' });
    const aggregated = healthChecks('datacenter')
      .map((c) => c.query(q))
      .filter((expr) => /\b(sum|avg|min|max) by \(/.test(expr));
    expect(aggregated.length).toBeGreaterThan(10);
    for (const expr of aggregated) {
      expect(expr).toMatch(/by \(datacenter, replica, prometheus_replica/);
    }
  });

  // The dashboards' rule (lint.ts): a sum or count that drops a replica label adds an HA pair's two copies together.
  it.each([
    ['the default replica labels', undefined, REPLICA_LABELS],
    ['the app’s replica labels', ['ha_member'], ['ha_member']],
  ])('adds no HA replicas’ copies together, with %s', (_what, configured, replicaLabels) => {
    const contexts = [
      healthContext({ replicaLabels: configured }),
      healthContext({ replicaLabels: configured, range: '$__rate_interval', clusterVariable: true }),
    ];
    const problems = contexts.flatMap((q) =>
      healthPanels('cluster', configured).flatMap((p) =>
        sumsAcrossReplicas(p.query(q), replicaLabels).map((problem) => `${p.id}: ${problem}`)
      )
    );
    expect(problems).toEqual([]);
  });

  it('tells HA replicas apart by the app’s replica labels in queries, legends and the verdict', () => {
    const own = healthChecks('cluster', ['ha_member']);
    const q = healthContext({ replicaLabels: ['ha_member'] });
    expect(own.find((c) => c.id === 'prometheus-scrape-success')!.query(q)).toBe(
      'avg by (cluster, ha_member, job) (up)'
    );
    expect(own.find((c) => c.id === 'servers-ha-partner-silent')!.query(q)).toContain('ha_member!=""');
    for (const panel of healthPanels('cluster', ['ha_member'])) {
      expect([panel.id, panel.legend]).toEqual([panel.id, `{{cluster}} {{ha_member}} ${panel.rowLegend}`]);
    }
    const verdict = computeVerdict(
      own,
      [{ checkId: 'servers-ha-partner-silent', series: [{ labels: { cluster: 'dc1', ha_member: 'b' }, value: 1 }] }],
      { replicaLabels: ['ha_member'] }
    );
    expect(verdict.problems.filter((p) => p.severity !== 'unknown').map((p) => p.message)).toEqual([
      'This HA replica sends no series now (it did within the hour); its partner carries the pair alone. [cluster=dc1, ha_member=b]',
    ]);
  });

  it('names a silent HA replica and a replica that scrapes less than its partner, by their external labels', () => {
    const servers = checks.filter((c) => c.section === 'servers');
    const dc1 = (replica: string) => ({ cluster: 'dc1', replica });
    const verdict = computeVerdict(servers, [
      { checkId: 'servers-edges', series: [{ labels: dc1('a'), value: 50 }] },
      { checkId: 'servers-ha-partner-silent', series: [{ labels: dc1('b'), value: 1 }] },
      {
        checkId: 'servers-ha-target-gap',
        series: [
          { labels: dc1('a'), value: 0 },
          { labels: dc1('c'), value: -3 },
        ],
      },
      { checkId: 'servers-remote-write-lag', series: [{ labels: dc1('a'), value: 700 }] },
    ]);
    expect(verdict.problems.map((p) => [p.severity, p.message])).toEqual([
      ['critical', 'This edge sends to the store 11 min 40 s behind. [cluster=dc1, replica=a]'],
      [
        'warning',
        'This HA replica scrapes -3 targets compared with its partner: the two are not configured alike. [cluster=dc1, replica=c]',
      ],
      [
        'warning',
        'This HA replica sends no series now (it did within the hour); its partner carries the pair alone. [cluster=dc1, replica=b]',
      ],
    ]);
  });

  it('uses the cluster variable and $__rate_interval on panels, fixed windows in the verdict', () => {
    const panelContext = healthContext({ range: '$__rate_interval', clusterVariable: true });
    const ingestion = checks.find((c) => c.id === 'prometheus-ingestion')!;
    expect(ingestion.query(panelContext)).toContain(
      'prometheus_tsdb_head_samples_appended_total{cluster=~"$cluster"}[$__rate_interval]'
    );
    expect(ingestion.query(healthContext())).toContain('prometheus_tsdb_head_samples_appended_total[5m]');
    for (const check of checks) {
      expect(check.query(healthContext())).not.toMatch(/\$(__|cluster)/);
    }
  });

  it('panels: one per check plus the capacity formulas, in section order', () => {
    const panels = healthPanels();
    expect(panels.map((p) => p.id)).toEqual(expect.arrayContaining(checks.map((c) => c.id)));
    expect(panels.map((p) => p.id)).toEqual(
      expect.arrayContaining(['capacity-projected-disk', 'capacity-memory-estimate', 'capacity-days-until-full'])
    );
    const order = HEALTH_SECTIONS.map((s) => s.id);
    const sectionIndexes = panels.map((p) => order.indexOf(p.section));
    expect(sectionIndexes).toEqual([...sectionIndexes].sort((a, b) => a - b));
  });
});
