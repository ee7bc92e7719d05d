// The node_exporter slice, end to end on the real stack: detection finds the job, every query of
// the generated dashboard and every alert expression runs on Prometheus 2.42 without error and
// returns data, and Prometheus loads the generated rule file.
import { getExporter } from '../../src/catalog';
import { exporterDashboardWithQueries } from '../../src/generate/dashboards/exporter-dashboard';
import { buildPrometheusExpr } from '../../src/generate/prometheus-rules';
import { grafanaQueryExpr } from '../../src/alerting/grafana-rules';
import { alertContext } from '../../src/catalog/promql';
import { detectExporters, detectionQuery } from '../../src/inventory/detect';
import { createPrometheusClient } from './prometheus';
import { eventually, expandGrafanaVariables, returnsData } from './harness';

const prometheus = createPrometheusClient();
const node = getExporter('node');

// Every query of every panel, the overview's and the collapsed rows' alike, with the signal behind it.
const panelQueries = exporterDashboardWithQueries(node).queries.map((query) => {
  const signal = node.signals.find((s) => s.id === query.signal)!;
  return { name: `${query.panel} / ${signal.title}`, expr: query.expr, optional: Boolean(signal.optional) };
});

describe('node_exporter on the real stack', () => {
  beforeAll(() => prometheus.ready());

  it('detects node_exporter by its metrics and names the job that scrapes it', async () => {
    const result = await prometheus.query(detectionQuery());
    const detections = detectExporters({ status: 'success', data: result as never });
    const nodeDetection = detections.find((d) => d.exporter.id === 'node');
    // The real node_exporter, and the served family fixture of node_exporter ≥ 1.4 with detailed netdev metrics.
    expect(nodeDetection?.jobs).toEqual(['fixture_node', 'node']);
  });

  it('lists jobs and instances for the dashboard variables', async () => {
    const series = await prometheus.series(['node_uname_info']);
    expect(series.map((s) => s.job)).toContain('node');
    expect(series.every((s) => s.instance)).toBe(true);
  });

  it.each(panelQueries.map((q) => [q.name, q] as const))(
    'panel query "%s" runs and returns data',
    async (_name, { expr, optional }) => {
      const expanded = expandGrafanaVariables(expr);
      if (optional) {
        await expect(prometheus.instantQuery(expanded)).resolves.toBeDefined();
        return;
      }
      const result = await returnsData(prometheus, expanded);
      expect(result.length).toBeGreaterThan(0);
    }
  );

  it.each(node.alerts.map((a) => [a.name, a] as const))(
    'alert %s: expressions run; its value query returns data',
    async (_name, alert) => {
      const ctx = alertContext();
      // The full Prometheus expression and Grafana's query must both parse and execute.
      await prometheus.instantQuery(buildPrometheusExpr(node, alert));
      await prometheus.instantQuery(grafanaQueryExpr(alert, ctx));
      if (alert.optional) {
        return;
      }
      const result = await returnsData(prometheus, alert.query(ctx));
      expect(result.length).toBeGreaterThan(0);
    }
  );

  it('loads the generated node rule file with every alert healthy', async () => {
    const rules = await prometheus.api<{
      groups: Array<{ name: string; rules: Array<{ name: string; health: string; lastError?: string }> }>;
    }>('/rules');
    const group = rules.groups.find((g) => g.name === 'fsm-node');
    expect(group).toBeDefined();
    expect(group!.rules.map((r) => r.name).sort()).toEqual(node.alerts.map((a) => a.name).sort());
    const evaluated = await eventually(
      'every node rule evaluated once',
      async () =>
        (await prometheus.api<{ groups: typeof rules.groups }>('/rules')).groups.find((g) => g.name === 'fsm-node')!,
      (g) => g.rules.every((r) => r.health !== 'unknown'),
      { timeoutMs: 30_000 }
    );
    for (const rule of evaluated.rules) {
      expect({ rule: rule.name, health: rule.health, lastError: rule.lastError ?? '' }).toEqual({
        rule: rule.name,
        health: 'ok',
        lastError: '',
      });
    }
  });
});
