/** @jest-environment node */
import { EXPORTERS, getExporter } from '../../catalog';
import { buildExporterDashboard, exporterDashboardWithQueries, thresholdSteps, yesNoSteps } from './exporter-dashboard';
import { allPanels } from './lint';

type AnyPanel = {
  id: number;
  type: string;
  title: string;
  description?: string;
  datasource?: { uid: string };
  fieldConfig?: { defaults: { unit?: string; thresholds?: { steps: Array<{ value: number | null; color: string }> } } };
  targets?: Array<{ expr: string; refId: string; legendFormat?: string }>;
  collapsed?: boolean;
  panels?: AnyPanel[];
};
const flat = (d: unknown) => allPanels((d as { panels: never[] }).panels) as unknown as AnyPanel[];

const node = getExporter('node');

describe('the node exporter dashboard', () => {
  const dashboard = buildExporterDashboard(node) as unknown as {
    id?: number;
    uid: string;
    tags: string[];
    panels: AnyPanel[];
    links: Array<{ includeVars: boolean; keepTime: boolean }>;
    templating: { list: Array<{ name: string; type: string; query: unknown; allValue?: string }> };
  };
  const panels = flat(dashboard).filter((p) => p.type !== 'row');

  it('is importable as a bundled dashboard: fsm- uid, tags, no top-level id, unique panel ids', () => {
    expect(dashboard.uid).toBe('fsm-infrastructure-node');
    expect(dashboard.id).toBeUndefined();
    expect(dashboard.tags).toEqual(['fullstack-monitoring', 'infrastructure', 'node']);
    const ids = flat(dashboard).map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has datasource, cluster, job and instance variables, the target ones listed from node_uname_info', () => {
    const byName = Object.fromEntries(dashboard.templating.list.map((v) => [v.name, v]));
    expect(byName.datasource).toMatchObject({ type: 'datasource', query: 'prometheus' });
    expect(JSON.stringify(byName.job.query)).toContain('node_uname_info');
    expect(JSON.stringify(byName.instance.query)).toContain('job=~\\"$job\\"');
    expect(byName.cluster.allValue).toBe('.*');
  });

  it('gives every panel a unit, a description and queries on the chosen datasource and targets', () => {
    expect(panels.length).toBeGreaterThan(15);
    for (const panel of panels) {
      expect(panel.fieldConfig?.defaults.unit).toBeTruthy();
      expect(panel.description?.length).toBeGreaterThan(10);
      expect(panel.datasource?.uid).toBe('${datasource}');
      for (const target of panel.targets ?? []) {
        expect(target.expr).toContain('instance=~"$instance"');
        if (/\brate\(|increase\(|_over_time\(/.test(target.expr)) {
          expect(target.expr).toContain('[$__rate_interval]');
        }
      }
      const refIds = (panel.targets ?? []).map((t) => t.refId);
      expect(new Set(refIds).size).toBe(refIds.length);
    }
  });

  it('colours panels with the same threshold the alerts use, and follows overrides', () => {
    const cpu = panels.find((p) => p.title === 'CPU utilisation' && p.type === 'timeseries')!;
    expect(cpu.fieldConfig!.defaults.thresholds!.steps.map((s) => s.value)).toEqual([null, 90, 98]);

    const overridden = buildExporterDashboard(node, {
      overrides: { 'node.cpuUtilisation': { warning: 75 } },
    }) as unknown as {
      panels: AnyPanel[];
    };
    const cpuOverridden = flat(overridden).find((p) => p.title === 'CPU utilisation' && p.type === 'timeseries')!;
    expect(cpuOverridden.fieldConfig!.defaults.thresholds!.steps.map((s) => s.value)).toEqual([null, 75, 98]);
  });

  it('ORs every metric-name variant so old and new node_exporter versions both answer', () => {
    // node_exporter 1.3 names the netdev error counters errs, 1.4 and later errors.
    const errors = panels.find((p) => p.title === 'Network errors' && p.type === 'timeseries')!;
    const expr = errors.targets![0].expr;
    expect(expr).toContain('node_network_receive_errors_total{');
    expect(expr).toContain(') or (');
    expect(expr).toContain('node_network_receive_errs_total{');
  });

  it('uses the cluster label the admin configured', () => {
    const custom = buildExporterDashboard(node, { clusterLabel: 'datacenter' }) as unknown as { panels: AnyPanel[] };
    const target = flat(custom).find((p) => p.targets?.length)!.targets![0];
    expect(target.expr).toContain('datacenter=~"$cluster"');
  });
});

describe('the first view of every exporter dashboard', () => {
  it.each(EXPORTERS.map((e) => [e.id, e] as const))(
    '%s opens on its overview row; detail rows are collapsed and keep every catalog panel',
    (_id, exporter) => {
      const top = (buildExporterDashboard(exporter) as unknown as { panels: AnyPanel[] }).panels;
      const rows = top.filter((p) => p.type === 'row');
      expect(rows.map((r) => r.title)).toEqual(exporter.dashboard.map((r) => r.title));
      expect(rows.map((r) => Boolean(r.collapsed))).toEqual(rows.map((_r, i) => i > 0));
      // Panels outside collapsed rows: the overview's own, then the worst-value stats.
      const open = top.filter((p) => p.type !== 'row');
      expect(open.length).toBeGreaterThanOrEqual(exporter.dashboard[0].panels.length);
      rows.slice(1).forEach((row, i) => {
        expect(row.panels?.length).toBe(exporter.dashboard[i + 1].panels.length);
      });
    }
  );

  it('shows in the overview the worst value of each thresholded signal a collapsed row draws', () => {
    const top = (buildExporterDashboard(node) as unknown as { panels: AnyPanel[] }).panels;
    const fs = top.find((p) => p.title === 'Filesystem free space (worst)')!;
    expect(fs.type).toBe('stat');
    // Low free space is the bad end: the lowest value; thresholds as the detail panel's.
    expect(fs.targets![0].expr).toMatch(/^min\(/);
    expect(fs.fieldConfig!.defaults.thresholds!.steps.map((s) => s.value)).toEqual([null, 3, 5]);
    // A signed signal is bad in both directions, as its alert compares abs().
    const clock = top.find((p) => p.title === 'Clock offset (worst)')!;
    expect(clock.targets![0].expr).toMatch(
      /^max\(abs\(max without \(replica, prometheus_replica\) \(node_timex_offset_seconds\{/
    );
    // Signals the overview already draws are not repeated.
    expect(top.filter((p) => p.title?.startsWith('CPU utilisation'))).toHaveLength(1);
  });

  it('reads recorded series where a recording rule exists, raw everywhere else', () => {
    const { queries } = exporterDashboardWithQueries(node);
    const cpu = queries.filter((q) => q.signal === 'cpuUtilisation');
    expect(cpu.length).toBeGreaterThan(1);
    for (const query of cpu) {
      expect(query.expr).toMatch(
        /^max without \(replica, prometheus_replica\) \(\(instance:fsm_node_cpu_utilisation_percent:rate5m\{cluster=~"\$cluster",job=~"\$job",instance=~"\$instance"\}\) or \(/
      );
    }
    const load = queries.find((q) => q.signal === 'load1')!;
    expect(load.expr).not.toContain('fsm_');
  });
});

describe('threshold colours', () => {
  it('turns "below" thresholds red at the bottom of the scale', () => {
    const steps = thresholdSteps({
      id: 'free',
      title: 'Free',
      unit: 'percent',
      direction: 'below',
      warning: 5,
      critical: 3,
      description: 'free space',
    }).build().steps;
    expect(steps).toEqual([
      { value: null, color: 'red' },
      { value: 3, color: 'orange' },
      { value: 5, color: 'green' },
    ]);
  });

  it('colours a yes/no stat by the alert that compares it, and leaves one no alert reads green', () => {
    const colours = (exporterId: string, title: string) =>
      flat(buildExporterDashboard(getExporter(exporterId)))
        .find((p) => p.title === title)!
        .fieldConfig!.defaults.thresholds!.steps.map((s) => [s.value, s.color]);
    const badBelowOne = [
      [null, 'orange'],
      [1, 'green'],
    ];
    // ILOServerPoweredOff (warning): powerUp < 1
    expect(colours('ilo', 'Server powered on')).toEqual(badBelowOne);
    // ILODiskFailurePredicted (warning): diskFailurePredicted > 0
    expect(colours('ilo', 'Disk failure predicted')).toEqual([
      [null, 'green'],
      [1, 'orange'],
    ]);
    // Exporter up: Prometheus' `up`, which PrometheusTargetDown (warning) compares for every job.
    expect(colours('node', 'Exporter up')).toEqual(badBelowOne);
    // BlackboxProbeFailed (critical) compares probeSuccess over its window; BlackboxConfigReloadFailed (warning)
    // configReloaded, a yes/no like Alertmanager's and Prometheus' own reload state.
    expect(colours('blackbox', 'Probe success')).toEqual([
      [null, 'red'],
      [1, 'green'],
    ]);
    expect(colours('blackbox', 'Config reload successful')).toEqual(badBelowOne);
    const vmware = getExporter('vmware');
    expect(
      yesNoSteps(
        vmware,
        vmware.signals.find((s) => s.id === 'hostMaintenance')!
      )
    ).toBeUndefined();
  });

  it("folds an HA pair's copies of a yes/no signal to its bad answer, as the alert that compares it", () => {
    const fold = (exporterId: string, title: string) =>
      flat(buildExporterDashboard(getExporter(exporterId)))
        .find((p) => p.title === title)!
        .targets![0].expr.match(/^(min|max) without \(replica, prometheus_replica\)/)?.[1];
    // One replica that cannot scrape the target, or sees a probe fail, shows it as the alert would: down.
    expect(fold('node', 'Exporter up')).toBe('min');
    expect(fold('blackbox', 'Probe success')).toBe('min');
    // Yes is the bad answer of ILODiskFailurePredicted (> 0).
    expect(fold('ilo', 'Disk failure predicted')).toBe('max');
  });
});
