import { EXPORTERS, LAYERS } from './index';
import { alertContext, dashboardContext, signalQuery } from './promql';
import { PROMTOOL_CASES } from './promtool-cases';
import { promqlNames } from './evidence/promql-names';
import { resolveThresholdValue } from './thresholds';

/** The exporters the plugin promises to cover (the foundation issue's list, from exporters.md). */
const REQUIRED_EXPORTERS = [
  'node',
  'windows',
  'blackbox',
  'netdata',
  'postgres',
  'mongodb',
  'clickhouse',
  'rabbitmq',
  'kafka',
  'telegraf',
  'haproxy',
  'haproxy-exporter',
  'keepalived',
  'fortigate',
  'dns',
  'vmware',
  'truenas',
  'ilo',
  'chrony',
  'jmx',
  'prometheus',
  'pushgateway',
  'alertmanager',
  'grafana',
];

const UID_CHARS = /^[a-zA-Z0-9_-]+$/;

describe('the catalog', () => {
  it('covers every exporter the plugin promises, each exactly once', () => {
    const ids = EXPORTERS.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...REQUIRED_EXPORTERS].sort());
  });

  it('puts every exporter in a known layer and gives every layer at least one exporter', () => {
    const layerIds = LAYERS.map((l) => l.id);
    for (const exporter of EXPORTERS) {
      expect(layerIds).toContain(exporter.layer);
    }
    for (const layer of LAYERS) {
      expect(EXPORTERS.some((e) => e.layer === layer.id)).toBe(true);
    }
  });

  describe.each(EXPORTERS.map((e) => [e.id, e] as const))('exporter %s', (_id, exporter) => {
    it('has identity, a port, docs and a detection rule', () => {
      expect(exporter.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(exporter.title.trim()).not.toBe('');
      expect(exporter.description.trim()).not.toBe('');
      expect(exporter.defaultPort).toBeGreaterThan(0);
      expect(exporter.defaultPort).toBeLessThan(65536);
      expect(exporter.docsUrl).toMatch(/^https:\/\//);
      expect(exporter.detection.metrics.length).toBeGreaterThan(0);
      for (const metric of exporter.detection.metrics) {
        expect(metric).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/);
      }
      for (const id of exporter.detection.supersedes ?? []) {
        expect(EXPORTERS.map((e) => e.id)).toContain(id);
      }
      expect(exporter.infoMetrics.length).toBeGreaterThan(0);
    });

    it('gives every signal a unique id, a unit, a description and renderable variants', () => {
      const ids = exporter.signals.map((s) => s.id);
      expect(exporter.signals.length).toBeGreaterThan(0);
      expect(new Set(ids).size).toBe(ids.length);
      for (const signal of exporter.signals) {
        expect(signal.unit).toBeTruthy();
        expect(signal.description.trim().length).toBeGreaterThan(10);
        expect(signal.variants.length).toBeGreaterThan(0);
        if (signal.variants.length > 1) {
          // Several versions: each must say which one it serves, or nobody can maintain them.
          for (const variant of signal.variants) {
            expect(variant.note?.trim()).toBeTruthy();
          }
        }
        const dashboardExpr = signalQuery(signal, dashboardContext());
        const alertExpr = signalQuery(signal, alertContext());
        // Every query follows the dashboard's scope; fleet-wide ones (scrape failures per job, pushed
        // groups) narrow by cluster only.
        expect(dashboardExpr).toContain('$cluster');
        // Alert rules have no template variables (label_replace's `$1` is PromQL's own).
        expect(alertExpr).not.toMatch(/\$(?:__|[a-zA-Z])/);
        expect(alertExpr).not.toMatch(/\{,|,\}|,,/);
        if (signal.threshold) {
          expect(exporter.thresholds.map((t) => t.id)).toContain(signal.threshold);
        }
      }
    });

    it('declares thresholds whose defaults sit inside their allowed range and in the right order', () => {
      for (const t of exporter.thresholds) {
        expect(t.warning !== undefined || t.critical !== undefined).toBe(true);
        for (const value of [t.warning, t.critical]) {
          if (value === undefined) {
            continue;
          }
          if (t.min !== undefined) {
            expect(value).toBeGreaterThanOrEqual(t.min);
          }
          if (t.max !== undefined) {
            expect(value).toBeLessThanOrEqual(t.max);
          }
        }
        if (t.warning !== undefined && t.critical !== undefined) {
          if (t.direction === 'above') {
            expect(t.warning).toBeLessThanOrEqual(t.critical);
          } else {
            expect(t.warning).toBeGreaterThanOrEqual(t.critical);
          }
        }
      }
    });

    it('builds its dashboard only from its own signals, each used at least once', () => {
      const used = new Set(exporter.dashboard.flatMap((row) => row.panels.flatMap((p) => p.signals)));
      for (const id of used) {
        expect(exporter.signals.map((s) => s.id)).toContain(id);
      }
      for (const signal of exporter.signals) {
        expect(used).toContain(signal.id);
      }
    });

    it('gives every alert a valid uid, a resolvable threshold and both promtool cases', () => {
      const ids = exporter.alerts.map((a) => a.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const alert of exporter.alerts) {
        const uid = `fsm-${exporter.id}-${alert.id}`;
        expect(uid.length).toBeLessThanOrEqual(40);
        expect(uid).toMatch(UID_CHARS);
        expect(alert.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
        expect(Number.isFinite(resolveThresholdValue(exporter, alert.threshold))).toBe(true);
        const cases = PROMTOOL_CASES[exporter.id]?.[alert.id];
        expect(cases?.fires.series.length).toBeGreaterThan(0);
        expect(cases?.fires.labels).toBeDefined();
        expect(cases?.quiet.series.length).toBeGreaterThan(0);
      }
    });

    // An alert that re-types its signal's PromQL drifts from it the day the signal learns a new
    // exporter version's name; `signal:` (with `overWindow` for a peak or trough) follows it.
    it("names the signal an alert compares instead of re-typing the signal's query", () => {
      const q = alertContext('job="x"');
      const restated = exporter.alerts
        .filter((a) => a.signal === undefined)
        .flatMap((a) => {
          const query = a.query(q);
          const inner = /^(?:max|min|avg)_over_time\((.*)\[\w+\]\)$/.exec(query)?.[1];
          return exporter.signals
            .filter((s) => [query, inner].includes(signalQuery(s, q)))
            .map((s) => `${a.id} re-types signal ${s.id}`);
        });
      expect(restated).toEqual([]);
    });

    // An alert with its own query may name the signal it judges (the dashboards colour and rank that signal by it):
    // the query must read that signal, or the panel would follow an alert about something else.
    it('names as its signal only one an alert with its own query reads', () => {
      const q = alertContext('job="x"');
      const unread = exporter.alerts
        .filter((a) => a.signal !== undefined)
        .flatMap((a) => {
          const read = new Set(promqlNames(a.query(q)).metrics);
          const signal = exporter.signals.find((s) => s.id === a.signal)!;
          return signal.variants
            .flatMap((v) => promqlNames(v.expr(q)).metrics)
            .filter((m) => !read.has(m))
            .map((m) => `${a.id} names signal ${signal.id} but does not read ${m}`);
        });
      expect(unread).toEqual([]);
    });

    it('keeps promtool cases only for alerts it has (a renamed alert leaves none behind)', () => {
      expect(Object.keys(PROMTOOL_CASES[exporter.id] ?? {}).sort()).toEqual(exporter.alerts.map((a) => a.id).sort());
    });
  });
});
