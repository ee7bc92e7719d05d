import { EXPORTERS, LAYERS, type RuntimeExporter } from '../catalog/runtime';
import { exporterDashboardUrl } from '../catalog/links';
import type { LayerId } from '../catalog/types';
import { createClassifier, UNKNOWN_EXPORTER_ID, type ClassificationBasis, type MetricIndex } from './classify';
import { createTargetFilter, type InventoryFilters } from './filters';
import type { ScrapeTarget, TargetHealth } from './targets';
import { versionOf, type VersionIndex } from './versions';

/** The layer value of rows whose exporter is unknown. */
export const UNCLASSIFIED_LAYER = 'unclassified';
export const UNCLASSIFIED_LAYER_TITLE = 'Unclassified';
export const UNKNOWN_EXPORTER_TITLE = 'Unknown exporter';

/** One inventory row: a scrape target with what the catalog says about it. */
export interface InventoryRow {
  exporter: string;
  exporterTitle: string;
  layer: LayerId | typeof UNCLASSIFIED_LAYER;
  layerTitle: string;
  job: string;
  instance: string;
  health: TargetHealth;
  lastScrapeMs: number | null;
  scrapeDurationS: number | null;
  lastError: string;
  version: string;
  labels: Record<string, string>;
  /** The exporter's dashboard with this job and instance selected; empty for unknown exporters. */
  dashboardUrl: string;
  basis: ClassificationBasis;
  /** Other exporters the target's metrics also match, comma-separated. */
  alsoMatches: string;
}

const HEALTH_RANK: Record<TargetHealth, number> = { down: 0, unknown: 1, up: 2 };
const LAYER_ORDER = new Map<string, number>(LAYERS.map((l) => [l.id, l.order]));
const LAYER_TITLE = new Map<string, string>(LAYERS.map((l) => [l.id, l.title]));

export interface BuildOptions {
  exporters?: readonly RuntimeExporter[];
  filters?: InventoryFilters;
  versions?: VersionIndex;
}

/**
 * Classifies, filters and sorts targets: unhealthy first (down, unknown, up), then by layer order,
 * exporter, job and instance, so what needs attention is at the top.
 */
export function buildInventory(
  targets: readonly ScrapeTarget[],
  index: MetricIndex,
  options: BuildOptions = {}
): InventoryRow[] {
  const exporters = options.exporters ?? EXPORTERS;
  const classify = createClassifier(index, exporters);
  const keep = createTargetFilter(options.filters ?? {});
  const rows: InventoryRow[] = [];
  const ranks: number[] = [];
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    const c = classify(t.job, t.instance);
    const exporter = c.exporter;
    const layer = exporter ? exporter.layer : UNCLASSIFIED_LAYER;
    const exporterId = exporter ? exporter.id : UNKNOWN_EXPORTER_ID;
    if (!keep({ layer, exporter: exporterId, health: t.health, job: t.job })) {
      continue;
    }
    rows.push({
      exporter: exporterId,
      exporterTitle: exporter ? exporter.title : UNKNOWN_EXPORTER_TITLE,
      layer,
      layerTitle: LAYER_TITLE.get(layer) ?? UNCLASSIFIED_LAYER_TITLE,
      job: t.job,
      instance: t.instance,
      health: t.health,
      lastScrapeMs: t.lastScrapeMs,
      scrapeDurationS: t.scrapeDurationS,
      lastError: t.lastError,
      version: options.versions ? versionOf(exporter, t.job, t.instance, options.versions) : '',
      labels: t.labels,
      dashboardUrl: exporter ? exporterDashboardUrl(exporter, { job: t.job, instance: t.instance }) : '',
      basis: c.basis,
      alsoMatches: c.alsoMatches.length > 0 ? c.alsoMatches.map((e) => e.id).join(', ') : '',
    });
    // Health and layer folded into one number, computed once per row rather than in every comparison.
    ranks.push(HEALTH_RANK[t.health] * 100 + (LAYER_ORDER.get(layer) ?? 99));
  }
  const order = Array.from(rows.keys()).sort((i, j) => {
    const a = rows[i];
    const b = rows[j];
    return (
      ranks[i] - ranks[j] || cmp(a.exporterTitle, b.exporterTitle) || cmp(a.job, b.job) || cmp(a.instance, b.instance)
    );
  });
  return order.map((i) => rows[i]);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Per exporter kind: how many of its targets are up, and which versions run. */
export interface ExporterSummary {
  exporter: string;
  exporterTitle: string;
  layer: string;
  layerTitle: string;
  targetsUp: number;
  targetsTotal: number;
  versions: string[];
  /** The exporter's dashboard (no target selected); empty for unknown. */
  dashboardUrl: string;
}

export function summariseExporters(
  rows: readonly InventoryRow[],
  exporters: readonly RuntimeExporter[] = EXPORTERS
): ExporterSummary[] {
  const byId = new Map<string, ExporterSummary & { versionSet: Set<string> }>();
  for (const row of rows) {
    let s = byId.get(row.exporter);
    if (!s) {
      const exporter = exporters.find((e) => e.id === row.exporter);
      s = {
        exporter: row.exporter,
        exporterTitle: row.exporterTitle,
        layer: row.layer,
        layerTitle: row.layerTitle,
        targetsUp: 0,
        targetsTotal: 0,
        versions: [],
        versionSet: new Set(),
        dashboardUrl: exporter ? exporterDashboardUrl(exporter).replace(/\?.*$/, '') : '',
      };
      byId.set(row.exporter, s);
    }
    s.targetsTotal++;
    if (row.health === 'up') {
      s.targetsUp++;
    }
    for (const v of row.version.split(', ')) {
      if (v) {
        s.versionSet.add(v);
      }
    }
  }
  return [...byId.values()]
    .map(({ versionSet, ...s }) => ({ ...s, versions: [...versionSet].sort() }))
    .sort(
      (a, b) =>
        (LAYER_ORDER.get(a.layer) ?? 99) - (LAYER_ORDER.get(b.layer) ?? 99) || cmp(a.exporterTitle, b.exporterTitle)
    );
}

/** Per layer, in layer order (every layer, then "Unclassified" when some target is unknown). */
export interface LayerSummary {
  layer: string;
  layerTitle: string;
  exportersDetected: string[];
  targetsUp: number;
  targetsTotal: number;
}

export function summariseLayers(rows: readonly InventoryRow[]): LayerSummary[] {
  const summaries = new Map<string, LayerSummary & { exporterSet: Set<string> }>();
  for (const layer of [...LAYERS].sort((a, b) => a.order - b.order)) {
    summaries.set(layer.id, {
      layer: layer.id,
      layerTitle: layer.title,
      exportersDetected: [],
      exporterSet: new Set(),
      targetsUp: 0,
      targetsTotal: 0,
    });
  }
  for (const row of rows) {
    let s = summaries.get(row.layer);
    if (!s) {
      s = {
        layer: row.layer,
        layerTitle: row.layerTitle,
        exportersDetected: [],
        exporterSet: new Set(),
        targetsUp: 0,
        targetsTotal: 0,
      };
      summaries.set(row.layer, s);
    }
    s.targetsTotal++;
    if (row.health === 'up') {
      s.targetsUp++;
    }
    if (row.exporter !== UNKNOWN_EXPORTER_ID) {
      s.exporterSet.add(row.exporterTitle);
    }
  }
  return [...summaries.values()].map(({ exporterSet, ...s }) => ({ ...s, exportersDetected: [...exporterSet].sort() }));
}
