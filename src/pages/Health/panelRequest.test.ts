import {
  createTheme,
  dateTime,
  FieldType,
  formattedValueToString,
  getDisplayProcessor,
  ThresholdsMode,
  type TimeRange,
} from '@grafana/data';
import { healthContext } from '../../health/checks';
import { healthPanels } from '../../health/panels';
import { panelDescription, panelFieldConfig, panelOptions, panelRequest } from './panelRequest';

const range: TimeRange = {
  from: dateTime('2026-12-07T05:00:00Z'),
  to: dateTime('2026-12-07T06:00:00Z'),
  raw: { from: 'now-1h', to: 'now' },
};
const q = healthContext({ clusterLabel: 'cluster', range: '$__rate_interval' });
const panels = healthPanels().filter((p) => !p.dashboardOnly);

describe('the Health page panels', () => {
  it.each(panels.map((p) => [p.title, p] as const))(
    '%s queries the app’s Prometheus datasource: instant for stats and tables, range for graphs',
    (_title, panel) => {
      const request = panelRequest(panel, 'prom-dc1', q, range, 600);
      const [target] = request.targets;
      expect(target.datasource).toEqual({ type: 'prometheus', uid: 'prom-dc1' });
      expect(target.instant).toBe(panel.kind !== 'timeseries');
      expect(target.range).toBe(panel.kind === 'timeseries');
      // Without format table Grafana answers one frame per series and a table shows only the first.
      expect(target.format).toBe(panel.kind === 'table' ? 'table' : undefined);
      expect(target.expr).toBe(panel.query(q));
      expect(target.expr).not.toContain('$cluster');
      expect(panelFieldConfig(panel).defaults.unit).toBe(panel.unit);
      expect(panelDescription(panel).length).toBeGreaterThan(10);
    }
  );

  it('steps by the panel width like Grafana, never below the scrape interval', () => {
    const graph = panels.find((p) => p.kind === 'timeseries')!;
    // Grafana's rule: 1 h over 600 px → 6 s, raised to the 15 s minimum; over 100 px → 36 s, rounded to 30 s.
    expect(panelRequest(graph, 'p', q, range, 600)).toMatchObject({ interval: '15s', maxDataPoints: 600 });
    expect(panelRequest(graph, 'p', q, range, 100)).toMatchObject({ interval: '30s', intervalMs: 30_000 });
  });

  it('shows stats as their last value and colours panels with the verdict’s thresholds', () => {
    const judged = panels.find((p) => p.kind === 'stat' && p.judge?.direction === 'above')!;
    expect(panelOptions(judged)).toEqual({
      graphMode: 'none',
      reduceOptions: { calcs: ['lastNotNull'], values: false },
    });
    const thresholds = panelFieldConfig(judged).defaults.thresholds!;
    expect(thresholds.mode).toBe(ThresholdsMode.Absolute);
    expect(thresholds.steps[0]).toEqual({ value: -Infinity, color: 'green' });
    expect(thresholds.steps.length).toBeGreaterThan(1);
  });

  it('names a 0 that is not an amount instead of showing "0 B" or "0 seconds"', () => {
    const shown = (title: string, value: number) => {
      const panel = panels.find((p) => p.title === title)!;
      const field = {
        name: 'Value',
        type: FieldType.number,
        values: [value],
        config: panelFieldConfig(panel).defaults,
      };
      return formattedValueToString(getDisplayProcessor({ field, theme: createTheme() })(value));
    };
    expect(shown('Retention size limit', 0)).toBe('no size limit');
    expect(shown('Retention size limit', 2 ** 30)).toBe('1 GiB');
    expect(shown('Rejected pushes', 0)).toBe('latest push worked');
    expect(shown('Rejected pushes', 120)).toBe('2 minutes');
  });
});
