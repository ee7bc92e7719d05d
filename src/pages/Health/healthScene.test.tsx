import type { SceneQueryRunner, VizPanel } from '@grafana/scenes';
import { healthPanels } from '../../health/panels';

describe('buildHealthScene', () => {
  it('builds one panel per page panel, querying the app’s Prometheus datasource with instant stats and range graphs', async () => {
    const { buildHealthScene } = await import('./healthScene');
    const { VizPanel: VizPanelClass, SceneDataTransformer } = await import('@grafana/scenes');
    const scene = buildHealthScene('prom-dc1');
    const vizPanels: VizPanel[] = [];
    scene.forEachChild(function walk(child) {
      if (child instanceof VizPanelClass) {
        vizPanels.push(child);
      }
      child.forEachChild(walk);
    });
    const expected = healthPanels().filter((p) => !p.dashboardOnly);
    expect(vizPanels.map((p) => p.state.title)).toEqual(expected.map((p) => p.title));
    for (const [index, panel] of vizPanels.entries()) {
      // Table panels read their runner through a transformer that hides the Time column.
      const data = panel.state.$data!;
      const runner = (data instanceof SceneDataTransformer ? data.state.$data : data) as SceneQueryRunner;
      expect(data instanceof SceneDataTransformer).toBe(expected[index].kind === 'table');
      expect(runner.state.datasource).toEqual({ type: 'prometheus', uid: 'prom-dc1' });
      const [query] = runner.state.queries as unknown as Array<{
        expr: string;
        instant: boolean;
        range: boolean;
        format?: string;
      }>;
      expect(query.format).toBe(expected[index].kind === 'table' ? 'table' : undefined);
      expect(query.instant).toBe(expected[index].kind !== 'timeseries');
      expect(query.range).toBe(expected[index].kind === 'timeseries');
      expect(query.expr).not.toContain('$cluster');
      expect(panel.state.fieldConfig.defaults.unit).toBe(expected[index].unit);
      expect(panel.state.description).toBeTruthy();
    }
  });
});
