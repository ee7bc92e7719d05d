import {
  createDataFrame,
  FieldType,
  MappingType,
  type DataFrame,
  type FieldConfig,
  type QueryResultMetaNotice,
} from '@grafana/data';
import type { ExporterSummary, InventoryRow, LayerSummary } from './inventory';
import type { PushGroup } from './pushgateway';

/**
 * Inventory results as data frames: built column by column in one pass (no row-by-row frame
 * appends), so 10,000 targets cost little more than reading the answer. Every field has an
 * explicit type and, where it measures something, a unit.
 */

/** Field names, shared by the datasource, the Inventory page and tests. */
export const TARGET_FIELDS = {
  health: 'health',
  exporter: 'exporter',
  exporterTitle: 'exporterTitle',
  layer: 'layer',
  layerTitle: 'layerTitle',
  job: 'job',
  instance: 'instance',
  version: 'version',
  lastScrape: 'lastScrape',
  scrapeDuration: 'scrapeDuration',
  lastError: 'lastError',
  labels: 'labels',
  dashboardUrl: 'dashboardUrl',
  classifiedBy: 'classifiedBy',
  alsoMatches: 'alsoMatches',
} as const;

/** A link on the exporter and instance cells to the row's dashboard. `:raw`: the URL is already encoded. */
export const DASHBOARD_LINK = {
  title: 'Open the ${__data.fields.exporterTitle} dashboard for ${__data.fields.instance}',
  url: '${__data.fields.dashboardUrl:raw}',
};

/** Green/red/orange text for the health column: the same words, coloured, so it reads without colour too. */
const HEALTH_MAPPINGS: FieldConfig['mappings'] = [
  {
    type: MappingType.ValueToText,
    options: {
      up: { text: 'up', color: 'green', index: 0 },
      down: { text: 'down', color: 'red', index: 1 },
      unknown: { text: 'unknown', color: 'orange', index: 2 },
    },
  },
];

export interface FrameOptions {
  refId?: string;
  notices?: QueryResultMetaNotice[];
}

function meta(options: FrameOptions) {
  return {
    preferredVisualisationType: 'table' as const,
    ...(options.notices && options.notices.length > 0 ? { notices: options.notices } : {}),
  };
}

export function targetsFrame(rows: readonly InventoryRow[], options: FrameOptions = {}): DataFrame {
  const n = rows.length;
  const col = <T>() => new Array<T>(n);
  const health = col<string>(),
    exporter = col<string>(),
    exporterTitle = col<string>(),
    layer = col<string>();
  const layerTitle = col<string>(),
    job = col<string>(),
    instance = col<string>(),
    version = col<string>();
  const lastScrape = col<number | null>(),
    scrapeDuration = col<number | null>(),
    lastError = col<string>();
  const labels = col<Record<string, string>>(),
    dashboardUrl = col<string>(),
    basis = col<string>();
  const also = col<string>();
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    health[i] = r.health;
    exporter[i] = r.exporter;
    exporterTitle[i] = r.exporterTitle;
    layer[i] = r.layer;
    layerTitle[i] = r.layerTitle;
    job[i] = r.job;
    instance[i] = r.instance;
    version[i] = r.version;
    lastScrape[i] = r.lastScrapeMs;
    scrapeDuration[i] = r.scrapeDurationS;
    lastError[i] = r.lastError;
    labels[i] = r.labels;
    dashboardUrl[i] = r.dashboardUrl;
    basis[i] = r.basis;
    also[i] = r.alsoMatches;
  }
  const F = TARGET_FIELDS;
  return createDataFrame({
    name: 'targets',
    refId: options.refId,
    meta: meta(options),
    fields: [
      {
        name: F.health,
        type: FieldType.string,
        values: health,
        config: {
          displayName: 'Health',
          mappings: HEALTH_MAPPINGS,
          description: "Prometheus' health of the target's last scrape.",
        },
      },
      {
        name: F.exporterTitle,
        type: FieldType.string,
        values: exporterTitle,
        config: {
          displayName: 'Exporter',
          links: [DASHBOARD_LINK],
          description:
            "Classified by the metric names the target exposes (the catalog's detection rules), not by its job name.",
        },
      },
      { name: F.layerTitle, type: FieldType.string, values: layerTitle, config: { displayName: 'Layer' } },
      { name: F.job, type: FieldType.string, values: job, config: { displayName: 'Job' } },
      {
        name: F.instance,
        type: FieldType.string,
        values: instance,
        config: { displayName: 'Instance', links: [DASHBOARD_LINK] },
      },
      {
        name: F.version,
        type: FieldType.string,
        values: version,
        config: {
          displayName: 'Version',
          description: "From the exporter's build-info metric; empty when it has none.",
        },
      },
      {
        name: F.lastScrape,
        type: FieldType.time,
        values: lastScrape,
        config: { displayName: 'Last scrape', unit: 'dateTimeFromNow' },
      },
      {
        name: F.scrapeDuration,
        type: FieldType.number,
        values: scrapeDuration,
        config: { displayName: 'Scrape duration', unit: 's', decimals: 3 },
      },
      { name: F.lastError, type: FieldType.string, values: lastError, config: { displayName: 'Last error' } },
      { name: F.labels, type: FieldType.other, values: labels, config: { displayName: 'Labels' } },
      {
        name: F.exporter,
        type: FieldType.string,
        values: exporter,
        config: { displayName: 'Exporter id', custom: { hidden: true } },
      },
      {
        name: F.layer,
        type: FieldType.string,
        values: layer,
        config: { displayName: 'Layer id', custom: { hidden: true } },
      },
      {
        name: F.dashboardUrl,
        type: FieldType.string,
        values: dashboardUrl,
        config: { displayName: 'Dashboard URL', custom: { hidden: true } },
      },
      {
        name: F.classifiedBy,
        type: FieldType.string,
        values: basis,
        config: {
          displayName: 'Classified by',
          custom: { hidden: true },
          description:
            'target: its own metrics; job: the rest of its job (it exposes none itself); none: unknown exporter.',
        },
      },
      {
        name: F.alsoMatches,
        type: FieldType.string,
        values: also,
        config: { displayName: 'Also matches', custom: { hidden: true } },
      },
    ],
  });
}

export function exportersFrame(summaries: readonly ExporterSummary[], options: FrameOptions = {}): DataFrame {
  return createDataFrame({
    name: 'exporters',
    refId: options.refId,
    meta: meta(options),
    fields: [
      {
        name: 'exporterTitle',
        type: FieldType.string,
        values: summaries.map((s) => s.exporterTitle),
        config: {
          displayName: 'Exporter',
          links: [
            { title: 'Open the ${__data.fields.exporterTitle} dashboard', url: '${__data.fields.dashboardUrl:raw}' },
          ],
        },
      },
      {
        name: 'layerTitle',
        type: FieldType.string,
        values: summaries.map((s) => s.layerTitle),
        config: { displayName: 'Layer' },
      },
      {
        name: 'targetsUp',
        type: FieldType.number,
        values: summaries.map((s) => s.targetsUp),
        config: { displayName: 'Targets up', unit: 'none', decimals: 0 },
      },
      {
        name: 'targetsTotal',
        type: FieldType.number,
        values: summaries.map((s) => s.targetsTotal),
        config: { displayName: 'Targets', unit: 'none', decimals: 0 },
      },
      {
        name: 'upRatio',
        type: FieldType.number,
        values: summaries.map((s) => (s.targetsTotal > 0 ? s.targetsUp / s.targetsTotal : null)),
        config: { displayName: 'Up', unit: 'percentunit', min: 0, max: 1 },
      },
      {
        name: 'versions',
        type: FieldType.string,
        values: summaries.map((s) => s.versions.join(', ')),
        config: { displayName: 'Versions' },
      },
      {
        name: 'exporter',
        type: FieldType.string,
        values: summaries.map((s) => s.exporter),
        config: { displayName: 'Exporter id', custom: { hidden: true } },
      },
      {
        name: 'layer',
        type: FieldType.string,
        values: summaries.map((s) => s.layer),
        config: { displayName: 'Layer id', custom: { hidden: true } },
      },
      {
        name: 'dashboardUrl',
        type: FieldType.string,
        values: summaries.map((s) => s.dashboardUrl),
        config: { displayName: 'Dashboard URL', custom: { hidden: true } },
      },
    ],
  });
}

export function coverageFrame(layers: readonly LayerSummary[], options: FrameOptions = {}): DataFrame {
  return createDataFrame({
    name: 'coverage',
    refId: options.refId,
    meta: meta(options),
    fields: [
      {
        name: 'layerTitle',
        type: FieldType.string,
        values: layers.map((l) => l.layerTitle),
        config: { displayName: 'Layer' },
      },
      {
        name: 'exportersDetected',
        type: FieldType.number,
        values: layers.map((l) => l.exportersDetected.length),
        config: { displayName: 'Exporters detected', unit: 'none', decimals: 0 },
      },
      {
        name: 'exporters',
        type: FieldType.string,
        values: layers.map((l) => l.exportersDetected.join(', ')),
        config: { displayName: 'Exporters' },
      },
      {
        name: 'targetsTotal',
        type: FieldType.number,
        values: layers.map((l) => l.targetsTotal),
        config: { displayName: 'Targets', unit: 'none', decimals: 0 },
      },
      {
        name: 'targetsUp',
        type: FieldType.number,
        values: layers.map((l) => l.targetsUp),
        config: { displayName: 'Targets up', unit: 'none', decimals: 0 },
      },
      {
        name: 'upRatio',
        type: FieldType.number,
        values: layers.map((l) => (l.targetsTotal > 0 ? l.targetsUp / l.targetsTotal : null)),
        config: { displayName: 'Up', unit: 'percentunit', min: 0, max: 1 },
      },
      {
        name: 'layer',
        type: FieldType.string,
        values: layers.map((l) => l.layer),
        config: { displayName: 'Layer id', custom: { hidden: true } },
      },
    ],
  });
}

export function pushGroupsFrame(groups: readonly PushGroup[], nowMs: number, options: FrameOptions = {}): DataFrame {
  return createDataFrame({
    name: 'pushgateway',
    refId: options.refId,
    meta: meta(options),
    fields: [
      {
        name: 'status',
        type: FieldType.string,
        values: groups.map((g) => (g.failing ? 'failing' : g.lastPushMs === null ? 'never pushed' : 'ok')),
        config: {
          displayName: 'Status',
          description: 'failing: the last push was rejected (newer failure than success).',
        },
      },
      { name: 'job', type: FieldType.string, values: groups.map((g) => g.job), config: { displayName: 'Job' } },
      {
        name: 'instance',
        type: FieldType.string,
        values: groups.map((g) => g.instance),
        config: { displayName: 'Instance' },
      },
      {
        name: 'otherLabels',
        type: FieldType.string,
        values: groups.map((g) => g.otherLabels),
        config: { displayName: 'Grouping labels' },
      },
      {
        name: 'lastPush',
        type: FieldType.time,
        values: groups.map((g) => g.lastPushMs),
        config: { displayName: 'Last push', unit: 'dateTimeFromNow' },
      },
      {
        name: 'lastPushAge',
        type: FieldType.number,
        values: groups.map((g) => (g.lastPushMs === null ? null : Math.max(0, (nowMs - g.lastPushMs) / 1000))),
        config: { displayName: 'Last push age', unit: 's', decimals: 0 },
      },
      {
        name: 'lastFailure',
        type: FieldType.time,
        values: groups.map((g) => g.lastFailureMs),
        config: { displayName: 'Last failure', unit: 'dateTimeFromNow' },
      },
    ],
  });
}
