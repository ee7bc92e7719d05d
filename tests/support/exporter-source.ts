import { sel } from '../../src/catalog/promql';
import type { ExporterSource } from '../../src/catalog/types';

/**
 * An exporter file as `defineExporter` reads it, for catalog and generator tests: a database with a
 * disk signal (one form) and a cache signal (two versions' forms), each with its threshold, and no
 * alerts; `overrides` replace whole fields. Only for tests.
 */
export function exporterSource(overrides: Partial<ExporterSource>): ExporterSource {
  return {
    id: 'db',
    title: 'DB',
    layer: 'data',
    defaultPort: 1,
    docsUrl: 'https://example.invalid',
    description: 'A database.',
    detection: { metrics: ['db_up'] },
    infoMetrics: ['db_up'],
    signals: [
      {
        id: 'diskUsed',
        title: 'Disk used',
        description: 'Share of the disk in use.',
        unit: 'percent',
        expr: (c) => sel('db_disk_used_percent', c),
        threshold: 'diskUsed',
      },
      {
        id: 'cacheHits',
        title: 'Cache hits',
        description: 'Share of reads from the cache.',
        unit: 'percentunit',
        variants: [{ note: 'db ≥ 2', expr: (c) => sel('db_cache_hit_ratio', c) }, { expr: (c) => sel('db_hits', c) }],
        threshold: 'cacheHits',
      },
    ],
    thresholds: [
      { id: 'diskUsed', direction: 'above', warning: 80, critical: 95, description: 'Disk in use.' },
      { id: 'cacheHits', direction: 'below', warning: 0.9, description: 'Reads from the cache.' },
    ],
    alerts: [],
    dashboard: [{ title: 'Overview', panels: [{ signals: ['diskUsed'] }] }],
    ...overrides,
  };
}
