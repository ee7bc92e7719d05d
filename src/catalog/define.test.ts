import { defineExporter } from './define';
import { sel } from './promql';
import type { QueryContext } from './types';
import { exporterSource as source } from '../../tests/support/exporter-source';

const q: QueryContext = {
  selector: 'job="db"',
  fleetSelector: '',
  range: '5m',
  by: 'instance, job',
};

const alert = { summary: 's', description: 'd', for: '5m' } as const;

describe('defineExporter: an exporter file states each fact once', () => {
  it('turns a lone `expr` into the one variant, and keeps written variants and their notes', () => {
    const [disk, cache] = defineExporter(source({})).signals;
    expect(disk.variants.map((v) => v.expr(q))).toEqual(['db_disk_used_percent{job="db"}']);
    expect(disk).not.toHaveProperty('expr');
    expect(cache.variants.map((v) => v.note)).toEqual(['db ≥ 2', undefined]);
    expect(disk.legend).toBe('{{instance}}');
    const restated = source({});
    restated.signals[0] = { ...restated.signals[0], legend: '{{instance}}' };
    expect(() => defineExporter(restated)).toThrow(
      'Exporter "db": signal "diskUsed" states the default legend {{instance}}; leave it out.'
    );
  });

  it("gives a threshold its signal's title, unit and description unless it states its own, and refuses one with neither", () => {
    const [disk, cache] = defineExporter(
      source({
        thresholds: [
          { id: 'diskUsed', direction: 'above', warning: 80 },
          { id: 'cacheHits', direction: 'below', warning: 0.9, description: 'Below it, reads go to disk.' },
        ],
      })
    ).thresholds;
    expect(disk).toMatchObject({ title: 'Disk used', unit: 'percent', description: 'Share of the disk in use.' });
    expect(cache).toMatchObject({
      title: 'Cache hits',
      unit: 'percentunit',
      description: 'Below it, reads go to disk.',
    });
    const orphan = source({
      thresholds: [{ id: 'walLag', title: 'WAL lag', unit: 's', direction: 'above', warning: 60 }],
    });
    expect(() => defineExporter(orphan)).toThrow(
      'Exporter "db": threshold "walLag" has no signal of the same id to take its title, unit and description from; state them.'
    );
  });

  it("draws a share or a yes/no on its unit's range unless its axis fits the data, bounds a threshold on a share by the top, and refuses the range written out", () => {
    const defined = defineExporter(
      source({
        signals: [
          ...source({}).signals,
          {
            id: 'load',
            title: 'Load',
            description: 'Work queued per worker.',
            unit: 'percent',
            expr: (c) => sel('db_load', c),
            axisFitsData: 'a busy server runs past 100 %',
          },
          { id: 'queries', title: 'Queries', description: 'Per second.', unit: 'ops', expr: (c) => sel('db_q', c) },
          { id: 'up', title: 'Up', description: 'Reached.', unit: 'bool_yes_no', expr: (c) => sel('db_up', c) },
        ],
        thresholds: [
          { id: 'diskUsed', direction: 'above', warning: 80, min: 1 },
          { id: 'cacheHits', direction: 'below', warning: 0.9, max: 0.99 },
        ],
      })
    );
    const [disk, cache, load, queries, up] = defined.signals;
    expect([disk.min, disk.max, cache.min, cache.max, up.min, up.max]).toEqual([0, 100, 0, 1, 0, 1]);
    expect(load).toMatchObject({ min: 0 });
    expect(load).not.toHaveProperty('max');
    expect(load).not.toHaveProperty('axisFitsData');
    expect(queries).not.toHaveProperty('min');
    expect(defined.thresholds.map((t) => [t.min, t.max])).toEqual([
      [1, 100],
      [undefined, 0.99],
    ]);

    const restated = source({});
    restated.signals[1] = { ...restated.signals[1], min: 0 };
    expect(() => defineExporter(restated)).toThrow(
      'Exporter "db": signal "cacheHits" states its unit\'s range 0–1; leave it out.'
    );
    const thresholdTop = source({ thresholds: [{ id: 'diskUsed', direction: 'above', warning: 80, max: 100 }] });
    expect(() => defineExporter(thresholdTop)).toThrow(
      'Exporter "db": threshold "diskUsed" states its unit\'s top 100'
    );
    const openOps = source({});
    openOps.signals[0] = { ...openOps.signals[0], unit: 'ops', axisFitsData: 'fast' };
    expect(() => defineExporter(openOps)).toThrow(
      'Exporter "db": signal "diskUsed" says its axis fits the data, but it has no unit range.'
    );
  });

  it('compares against the threshold an alert names at its severity, in its direction, and lets a literal bound say its own', () => {
    const { alerts } = defineExporter(
      source({
        alerts: [
          {
            ...alert,
            id: 'a',
            name: 'A',
            severity: 'critical',
            signal: 'diskUsed',
            threshold: 'diskUsed',
          },
          {
            ...alert,
            id: 'b',
            name: 'B',
            severity: 'warning',
            signal: 'cacheHits',
            threshold: 'cacheHits',
          },
          {
            ...alert,
            id: 'c',
            name: 'C',
            severity: 'critical',
            query: (c) => sel('db_up', c),
            threshold: 1,
            comparison: '<',
          },
        ],
      })
    );
    expect(alerts.map((a) => [a.id, a.comparison, a.threshold])).toEqual([
      ['a', '>', { threshold: 'diskUsed', level: 'critical' }],
      ['b', '<', { threshold: 'cacheHits', level: 'warning' }],
      ['c', '<', 1],
    ]);
    expect(alerts[0].query(q)).toBe('db_disk_used_percent{job="db"}');
  });

  it("compares an alert on a signal with that signal's threshold at the alert's severity when it names none", () => {
    const { alerts } = defineExporter(
      source({ alerts: [{ ...alert, id: 'full', name: 'Full', severity: 'critical', signal: 'diskUsed' }] })
    );
    expect(alerts[0]).toMatchObject({ threshold: { threshold: 'diskUsed', level: 'critical' }, comparison: '>' });
  });

  it("reads a signal over the window: its peak, trough or mean over the context's range or a fixed window", () => {
    const { alerts } = defineExporter(
      source({
        alerts: [
          { ...alert, id: 'peak', name: 'Peak', severity: 'warning', signal: 'diskUsed', overWindow: 'max' },
          {
            ...alert,
            id: 'trough',
            name: 'Trough',
            severity: 'critical',
            signal: 'diskUsed',
            overWindow: 'min',
            window: '2m',
          },
        ],
      })
    );
    expect(alerts.map((a) => a.query({ ...q, range: '10m' }))).toEqual([
      'max_over_time(db_disk_used_percent{job="db"}[10m])',
      'min_over_time(db_disk_used_percent{job="db"}[2m])',
    ]);
    expect(alerts[0]).not.toHaveProperty('overWindow');
    expect(alerts[1]).toMatchObject({ signal: 'diskUsed', threshold: { threshold: 'diskUsed', level: 'critical' } });
  });

  it('reads a signal that versions name differently over the window in each version, as its panel joins them', () => {
    const { alerts } = defineExporter(
      source({
        alerts: [{ ...alert, id: 'hits', name: 'Hits', severity: 'warning', signal: 'cacheHits', overWindow: 'min' }],
      })
    );
    expect(alerts[0].query(q)).toBe(
      'min_over_time(db_cache_hit_ratio{job="db"}[5m]) or min_over_time(db_hits{job="db"}[5m])'
    );
  });

  it('refuses a window over a signal that is no plain selector, or a window without a way to read it', () => {
    const ratio = source({
      signals: [
        {
          id: 'diskUsed',
          title: 'Disk used',
          description: 'Share of the disk in use.',
          unit: 'percent',
          expr: (c) => `100 * ${sel('db_disk_used_bytes', c)} / ${sel('db_disk_size_bytes', c)}`,
          threshold: 'diskUsed',
        },
      ],
      thresholds: [{ id: 'diskUsed', direction: 'above', warning: 80 }],
      alerts: [{ ...alert, id: 'full', name: 'Full', severity: 'warning', signal: 'diskUsed', overWindow: 'max' }],
    });
    expect(() => defineExporter(ratio)).toThrow(
      'Exporter "db": alert "full" reads signal "diskUsed" over a window, but its query is no plain selector: 100 * db_disk_used_bytes{job="probe"} / db_disk_size_bytes{job="probe"}'
    );
    // Versions read in different shapes: one of them is no selector.
    const versions = source({
      alerts: [{ ...alert, id: 'hits', name: 'Hits', severity: 'warning', signal: 'cacheHits', overWindow: 'min' }],
    });
    versions.signals[1] = {
      id: 'cacheHits',
      title: 'Cache hits',
      description: 'Share of reads from the cache.',
      unit: 'percentunit',
      variants: [{ expr: (c) => sel('db_cache_hit_ratio', c) }, { expr: (c) => `1 - ${sel('db_misses', c)}` }],
      threshold: 'cacheHits',
    };
    expect(() => defineExporter(versions)).toThrow(
      'Exporter "db": alert "hits" reads signal "cacheHits" over a window, but its query is no plain selector: 1 - db_misses{job="probe"}'
    );
    const windowAlone = source({
      alerts: [{ ...alert, id: 'w', name: 'W', severity: 'warning', signal: 'diskUsed', window: '2m' }],
    });
    expect(() => defineExporter(windowAlone)).toThrow(
      'Exporter "db": alert "w" sets a window but no overWindow (max, min or avg) to read it with.'
    );
  });

  it('refuses, naming exporter and alert, an alert that has no threshold to compare against', () => {
    const noThreshold = source({
      signals: [{ id: 'up', title: 'Up', description: 'Up.', unit: 'bool_yes_no', expr: (c) => sel('db_up', c) }],
      thresholds: [],
      dashboard: [{ title: 'Overview', panels: [{ signals: ['up'] }] }],
      alerts: [{ ...alert, id: 'down', name: 'Down', severity: 'critical', signal: 'up' }],
    });
    expect(() => defineExporter(noThreshold)).toThrow(
      'Exporter "db": alert "down" names no threshold, and its signal "up" has none: give it a threshold.'
    );
    const info = source({ alerts: [{ ...alert, id: 'note', name: 'Note', severity: 'info', signal: 'diskUsed' }] });
    expect(() => defineExporter(info)).toThrow(/alert "note" has severity info, which is no threshold level/);
    const namedInfo = source({
      alerts: [{ ...alert, id: 'note', name: 'Note', severity: 'info', signal: 'diskUsed', threshold: 'diskUsed' }],
    });
    expect(() => defineExporter(namedInfo)).toThrow(/alert "note" has severity info, which is no threshold level/);
    const unknown = source({
      alerts: [
        {
          ...alert,
          id: 'x',
          name: 'X',
          severity: 'warning',
          signal: 'diskUsed',
          threshold: 'gone',
        },
      ],
    });
    expect(() => defineExporter(unknown)).toThrow(
      'Exporter "db": alert "x" compares against threshold "gone", which it does not define.'
    );
  });
});
