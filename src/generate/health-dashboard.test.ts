/** @jest-environment node */
import { buildStackHealthDashboard } from './health-dashboard';
import { HEALTH_SECTIONS } from '../health/checks';
import { healthPanels } from '../health/panels';
import { gridDefects } from '../../tests/support/grid';
import { REPLICA_LABELS } from '../catalog/promql';
import { sumsAcrossReplicas } from './dashboards/lint';

interface PanelJson {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  description?: string;
  fieldConfig?: {
    defaults?: { unit?: string; thresholds?: { steps: Array<{ value: number | null; color: string }> } };
  };
  targets?: Array<{ expr: string; legendFormat?: string; datasource?: { uid: string } }>;
}

const dashboard = buildStackHealthDashboard() as unknown as {
  uid: string;
  id?: number;
  title: string;
  tags: string[];
  panels: PanelJson[];
  templating: { list: Array<{ name: string; type: string; query?: unknown }> };
};
const panels = dashboard.panels.filter((p) => p.type !== 'row');

describe('Monitoring stack health dashboard', () => {
  it('has the stable uid, the tags and no top-level id', () => {
    expect(dashboard).toMatchObject({ uid: 'fsm-stack-health', title: 'Monitoring stack health' });
    expect(dashboard.tags).toEqual(['fullstack-monitoring', 'core']);
    expect(dashboard.id).toBeUndefined();
  });

  it('has the datasource, cluster and retention variables', () => {
    expect(dashboard.templating.list.map((v) => [v.name, v.type])).toEqual([
      ['datasource', 'datasource'],
      ['cluster', 'query'],
      ['retention_days', 'textbox'],
    ]);
  });

  it('has one row per section, in order, and every panel of the Health page', () => {
    expect(dashboard.panels.filter((p) => p.type === 'row').map((p) => p.title)).toEqual(
      HEALTH_SECTIONS.map((s) => s.title)
    );
    expect(panels).toHaveLength(healthPanels().length);
    expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
  });

  it('packs the panels below each row without overlaps or holes, the way the Health page does', () => {
    const rows = dashboard.panels.filter((p) => p.type === 'row');
    expect(rows.map((r) => [r.gridPos.x, r.gridPos.w])).toEqual(rows.map(() => [0, 24]));
    for (const section of HEALTH_SECTIONS) {
      const row = rows.find((r) => r.title === section.title)!;
      const top = row.gridPos.y + 1;
      const next = rows[rows.indexOf(row) + 1]?.gridPos.y ?? Infinity;
      const under = panels.filter((p) => p.gridPos.y >= top && p.gridPos.y < next);
      expect([section.id, under.map((p) => p.title)]).toEqual([
        section.id,
        healthPanels()
          .filter((p) => p.section === section.id)
          .map((p) => p.title),
      ]);
      // A section's last line may end short of the right edge, above the next row.
      const boxes = under.map((p) => ({ name: p.title, ...p.gridPos, y: p.gridPos.y - top }));
      expect([section.id, gridDefects(boxes), Math.max(...under.map((p) => p.gridPos.y + p.gridPos.h))]).toEqual([
        section.id,
        [],
        next === Infinity ? expect.any(Number) : next,
      ]);
    }
  });

  it('gives every panel a unit, a description and a query on the datasource variable', () => {
    for (const panel of panels) {
      expect([panel.title, panel.fieldConfig?.defaults?.unit]).toEqual([panel.title, expect.any(String)]);
      expect([panel.title, panel.description]).toEqual([panel.title, expect.stringMatching(/\w{3}/)]);
      expect(panel.targets).toHaveLength(1);
      expect(panel.targets![0].datasource?.uid).toBe('${datasource}');
    }
  });

  it('narrows by $cluster and uses $__rate_interval for rates', () => {
    const exprs = panels.map((p) => p.targets![0].expr);
    expect(exprs.filter((e) => e.includes('$__rate_interval')).length).toBeGreaterThan(10);
    for (const expr of exprs) {
      expect(expr).toContain('=~"$cluster"');
    }
  });

  it('colours panels where the verdict draws the line (strictly above 0 for counts)', () => {
    const failing = panels.find((p) => p.title === 'Failed compactions')!;
    expect(failing.fieldConfig?.defaults?.thresholds?.steps).toEqual([
      { value: null, color: 'green' },
      { value: 1e-9, color: 'orange' },
    ]);
    const disk = panels.find(
      (p) => p.title === 'Disk free on the Prometheus host' && p.fieldConfig?.defaults?.unit === 'percentunit'
    )!;
    expect(disk.fieldConfig?.defaults?.thresholds?.steps).toEqual([
      { value: null, color: 'red' },
      { value: 0.05, color: 'orange' },
      { value: 0.15, color: 'green' },
    ]);
  });

  // The bundled dashboards' rule (lint.ts), which its own linting does not reach: Health shows every server's
  // figures, so a sum or count that drops a replica label adds an HA pair's two copies together.
  it('adds no HA replicas’ copies together, with the default replica labels or the app’s', () => {
    const problemsOf = (d: unknown, replicaLabels: readonly string[]) =>
      (d as typeof dashboard).panels
        .filter((p) => p.type !== 'row')
        .flatMap((p) =>
          sumsAcrossReplicas(p.targets![0].expr, replicaLabels).map((problem) => `${p.title}: ${problem}`)
        );
    expect(problemsOf(dashboard, REPLICA_LABELS)).toEqual([]);
    const own = buildStackHealthDashboard({ replicaLabels: ['ha_member'] });
    expect(problemsOf(own, ['ha_member'])).toEqual([]);
    expect(JSON.stringify(own)).toContain('{{cluster}} {{ha_member}} {{instance}}');
  });

  it('is deterministic and follows the cluster label setting', () => {
    expect(JSON.stringify(buildStackHealthDashboard())).toBe(JSON.stringify(buildStackHealthDashboard()));
    const dc = JSON.stringify(buildStackHealthDashboard({ clusterLabel: 'datacenter' }));
    expect(dc).toContain('datacenter=~\\"$cluster\\"');
    expect(dc).not.toContain('cluster=~\\"$cluster\\"');
  });
});
