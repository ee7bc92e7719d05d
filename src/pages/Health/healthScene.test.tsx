import type { SceneQueryRunner, VizPanel } from '@grafana/scenes';
import { healthPanels } from '../../health/panels';

// jsdom has no IntersectionObserver; @grafana/scenes creates one when its module loads, so the stub
// must exist before the scene module is imported (hence the dynamic import below).
window.IntersectionObserver = class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof IntersectionObserver;

describe('buildHealthScene', () => {
  it('builds one panel per page panel, querying the app’s Prometheus datasource with instant stats and range graphs', async () => {
    const { buildHealthScene } = await import('./healthScene');
    const { VizPanel: VizPanelClass } = await import('@grafana/scenes');
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
      const runner = panel.state.$data as SceneQueryRunner;
      expect(runner.state.datasource).toEqual({ type: 'prometheus', uid: 'prom-dc1' });
      const [query] = runner.state.queries as unknown as Array<{ expr: string; instant: boolean; range: boolean }>;
      expect(query.instant).toBe(expected[index].kind !== 'timeseries');
      expect(query.range).toBe(expected[index].kind === 'timeseries');
      expect(query.expr).not.toContain('$cluster');
      expect(panel.state.fieldConfig.defaults.unit).toBe(expected[index].unit);
      expect(panel.state.description).toBeTruthy();
    }
  });
});
