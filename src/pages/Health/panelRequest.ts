/**
 * What each Health page panel asks Prometheus and how it is drawn: the query request, options and
 * field config of one panel, pure so tests can read them. The page runs the request through the
 * datasource and draws it with Grafana's own panel plugins (PanelRenderer); no Scenes, which would
 * add about 120 KiB gzip to the bundle for a grid of panels.
 */
import {
  MappingType,
  rangeUtil,
  ThresholdsMode,
  type DataQueryRequest,
  type FieldConfigSource,
  type TimeRange,
} from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import type { QueryContext } from '../../catalog/types';
import { panelThresholdSteps, TABLE_SORT, type HealthPanel } from '../../health/panels';

export interface PrometheusQuery extends DataQuery {
  expr: string;
  legendFormat: string;
  instant: boolean;
  range: boolean;
  format?: 'table';
}

/** Prometheus' default scrape interval: the smallest step worth asking for. */
const MIN_INTERVAL = '15s';

export function panelRequest(
  panel: HealthPanel,
  datasourceUid: string,
  q: QueryContext,
  range: TimeRange,
  widthPixels: number
): DataQueryRequest<PrometheusQuery> {
  // Grafana's rule: one point per pixel of the panel's width, at least the scrape interval.
  const maxDataPoints = Math.max(100, Math.round(widthPixels));
  const { interval, intervalMs } = rangeUtil.calculateInterval(range, maxDataPoints, MIN_INTERVAL);
  const datasource = { type: 'prometheus', uid: datasourceUid };
  return {
    app: 'fullstack-monitoring-health',
    requestId: `fsm-health-${panel.id}`,
    timezone: 'browser',
    range,
    interval,
    intervalMs,
    maxDataPoints,
    scopedVars: {
      __interval: { text: interval, value: interval },
      __interval_ms: { text: String(intervalMs), value: intervalMs },
    },
    startTime: Date.now(),
    targets: [
      {
        refId: 'A',
        datasource,
        expr: panel.query(q),
        legendFormat: panel.legend,
        instant: panel.kind !== 'timeseries',
        range: panel.kind === 'timeseries',
        // Without it Grafana answers one frame per series and a table panel shows only the first.
        ...(panel.kind === 'table' ? { format: 'table' as const } : {}),
      },
    ],
  };
}

export function panelOptions(panel: HealthPanel): Record<string, unknown> {
  if (panel.kind === 'stat') {
    return { graphMode: 'none', reduceOptions: { calcs: ['lastNotNull'], values: false } };
  }
  return panel.kind === 'table' ? { sortBy: [TABLE_SORT] } : {};
}

export function panelFieldConfig(panel: HealthPanel): FieldConfigSource {
  return {
    defaults: {
      unit: panel.unit,
      min: panel.min,
      max: panel.max,
      thresholds: {
        mode: ThresholdsMode.Absolute,
        steps: panelThresholdSteps(panel.judge).map((s) => ({ ...s, value: s.value ?? -Infinity })),
      },
      custom: panel.kind === 'timeseries' && panel.judge ? { thresholdsStyle: { mode: 'dashed' } } : {},
      mappings: panel.zero ? [{ type: MappingType.ValueToText, options: { '0': { text: panel.zero } } }] : [],
    },
    overrides: [],
  };
}

export function panelDescription(panel: HealthPanel): string {
  return panel.optional ? `${panel.description} Empty ${panel.optional}.` : panel.description;
}
