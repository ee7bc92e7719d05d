/* eslint-disable @typescript-eslint/no-deprecated -- the v2 dashboard schema needs Grafana 12 with
   dashboardNewLayouts; bundled dashboards must load on every Grafana we support (>= 11.6), so v1. */
import {
  DashboardBuilder,
  RowBuilder,
  ThresholdsConfigBuilder,
  ThresholdsMode,
  type Dashboard,
  type ThresholdsConfig,
} from '@grafana/grafana-foundation-sdk/dashboard';
import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import {
  BigValueGraphMode,
  GraphThresholdsStyleConfigBuilder,
  GraphThresholdsStyleMode,
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  StackingConfigBuilder,
  StackingMode,
  VizLegendOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as BarGaugePanelBuilder } from '@grafana/grafana-foundation-sdk/bargauge';
import { PanelBuilder as GaugePanelBuilder } from '@grafana/grafana-foundation-sdk/gauge';
import { PanelBuilder as StatPanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TablePanelBuilder } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeseriesPanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { findSignal } from '../../catalog';
import { requirementSentence } from '../../catalog/requirements';
import { getLayer } from '../../catalog/layers';
import { exporterDashboardUid } from '../../catalog/links';
import { dashboardContext } from '../../catalog/promql';
import { resolveThreshold, type ThresholdOverrides } from '../../catalog/thresholds';
import type {
  ExporterDefinition,
  PanelDefinition,
  PanelKind,
  QueryContext,
  Signal,
  ThresholdDefinition,
} from '../../catalog/types';
import {
  DASHBOARD_TAG,
  DATASOURCE_REF,
  HOME_DASHBOARD_UID,
  datasourceVariable,
  dashboardLink,
  finalise,
  layerDashboardUid,
  targetVariables,
  taggedDashboardsLink,
  type PanelQuery,
} from './common';
import { perTargetQuery, yesNoAlert } from './fleet';

export { DASHBOARD_TAG, DATASOURCE_REF };

export interface DashboardOptions {
  /** Label that names a cluster/datacenter (the app setting); `cluster` by default. */
  clusterLabel?: string;
  overrides?: ThresholdOverrides;
}

/** Path of the generated file, relative to the repository's (and dist's) `dashboards/` folder. */
export function exporterDashboardFile(exporter: ExporterDefinition): string {
  return `${exporter.layer}-${exporter.id}.json`;
}

/**
 * Points per time series panel. Grafana's default is the panel's width in pixels (about 900 for a
 * half-width panel), so a 24 h view steps every minute; 500 points (a 2-minute step over 24 h,
 * 30 s over the default 6 h) still draws more than one point per two pixels and halves the samples
 * Prometheus reads for every range panel. Measured by scripts/bench/query-cost.ts.
 */
export const TIMESERIES_MAX_DATA_POINTS = 500;

const DEFAULT_WIDTH: Record<PanelKind, number> = { stat: 4, gauge: 4, bargauge: 8, timeseries: 12, table: 24 };
const HEIGHT: Record<PanelKind, number> = { stat: 4, gauge: 6, bargauge: 8, timeseries: 8, table: 8 };

/**
 * Builds one exporter's dashboard from the catalog: variables, rows and panels, units,
 * descriptions and thresholds all come from the exporter's signals. Pure: same input, same JSON.
 */
export function buildExporterDashboard(exporter: ExporterDefinition, options: DashboardOptions = {}): Dashboard {
  return exporterDashboardWithQueries(exporter, options).dashboard;
}

/** The dashboard and, for tests and the bench, every query of its panels with the signal behind it. */
export function exporterDashboardWithQueries(
  exporter: ExporterDefinition,
  options: DashboardOptions = {}
): { dashboard: Dashboard; queries: PanelQuery[] } {
  const clusterLabel = options.clusterLabel ?? 'cluster';
  const q = dashboardContext(clusterLabel);
  const layer = getLayer(exporter.layer);
  const queries: PanelQuery[] = [];
  const builder = new DashboardBuilder(`${exporter.title}`)
    .uid(exporterDashboardUid(exporter))
    .description(exporter.description)
    .tags([DASHBOARD_TAG, exporter.layer, exporter.id])
    .editable()
    .tooltip(1)
    .time({ from: 'now-6h', to: 'now' })
    .refresh('1m')
    .timezone('browser')
    .link(dashboardLink('Home', HOME_DASHBOARD_UID))
    .link(dashboardLink(layer.title, layerDashboardUid(exporter.layer)))
    .link(taggedDashboardsLink(`${layer.title} dashboards`, [DASHBOARD_TAG, exporter.layer]))
    .link(taggedDashboardsLink('All dashboards', [DASHBOARD_TAG]))
    .withVariable(datasourceVariable());

  for (const variable of targetVariables(exporter.infoMetrics, clusterLabel)) {
    builder.withVariable(variable);
  }

  // What a user pays for is the view Grafana loads on open: every panel outside a collapsed row.
  // The first catalog row (the overview) stays open, topped up with the worst value of every
  // thresholded signal that only a detail row draws, so the open view answers "is it healthy, and
  // if not, which row"; detail rows start collapsed and run their queries only when expanded.
  const [overviewRow, ...detailRows] = exporter.dashboard;
  const signalPanel = (panel: Omit<PanelDefinition, 'signals'>, signals: Signal[], exprs: string[]) =>
    buildSignalPanel({ exporter, signals, panel, exprs, overrides: options.overrides, queries });
  const catalogPanel = (panel: PanelDefinition) => {
    const signals = panel.signals.map((id) => findSignal(exporter, id));
    return signalPanel(
      panel,
      signals,
      signals.map((signal) => recordedOrRawQuery(exporter, signal, q))
    );
  };

  if (overviewRow) {
    builder.withRow(new RowBuilder(overviewRow.title));
    for (const panel of overviewRow.panels) {
      builder.withPanel(catalogPanel(panel));
    }
    for (const { signal, row } of worstOfDetailSignals(exporter)) {
      const lowIsBad = resolveThreshold(exporter, signal.threshold!, options.overrides).direction === 'below';
      builder.withPanel(
        signalPanel(
          {
            kind: 'stat',
            width: 4,
            title: `${signal.title} (worst)`,
            description:
              `${signal.description} The ${lowIsBad ? 'lowest' : 'highest'} value over the selected targets; ` +
              `the "${row}" row shows every series.`,
          },
          [{ ...signal, legend: signal.title }],
          [worstValue(lowIsBad, recordedOrRawQuery(exporter, signal, q))]
        )
      );
    }
  }
  for (const row of detailRows) {
    const rowBuilder = new RowBuilder(row.title).collapsed(true);
    for (const panel of row.panels) {
      rowBuilder.withPanel(catalogPanel(panel));
    }
    builder.withRow(rowBuilder);
  }

  return { dashboard: finalise(builder.build()), queries };
}

/**
 * The signal's query as the layer dashboards read it (see perTargetQuery): with `instance` = All, each
 * target's value comes precomputed wherever our rule file runs, one series per target across HA replicas.
 */
function recordedOrRawQuery(exporter: ExporterDefinition, signal: Signal, q: QueryContext): string {
  return perTargetQuery(exporter, signal, q);
}

/**
 * One value for the overview: the lowest where low is bad, else the largest magnitude. `abs`: a
 * signed signal (clock offset, frequency skew) is bad in both directions, as its alert compares
 * `abs(…)`; for the non-negative rest it changes nothing.
 */
function worstValue(lowIsBad: boolean, expr: string): string {
  return lowIsBad ? `min(${expr})` : `max(abs(${expr}))`;
}

/**
 * Signals with a threshold that the overview row does not draw, each once, with the first detail
 * row that draws it: the overview shows their worst value so a problem in a collapsed row shows.
 */
export function worstOfDetailSignals(exporter: ExporterDefinition): Array<{ signal: Signal; row: string }> {
  const [overviewRow, ...detailRows] = exporter.dashboard;
  const seen = new Set((overviewRow?.panels ?? []).flatMap((p) => p.signals));
  const result: Array<{ signal: Signal; row: string }> = [];
  for (const row of detailRows) {
    for (const id of row.panels.flatMap((p) => p.signals)) {
      const signal = findSignal(exporter, id);
      if (!seen.has(id) && signal.threshold) {
        result.push({ signal, row: row.title });
      }
      seen.add(id);
    }
  }
  return result;
}

export interface SignalPanelSpec {
  exporter: ExporterDefinition;
  /** Drawn signals; unit, description and threshold come from the first one unless the panel says otherwise. */
  signals: Signal[];
  panel: Omit<PanelDefinition, 'signals'>;
  /** One query per signal, already rendered (the exporter dashboard's own, or a fleet form of it). */
  exprs: string[];
  overrides: ThresholdOverrides | undefined;
  /** Receives every query built, with its signal. */
  queries: PanelQuery[];
}

/** A panel over catalog signals: unit, description, min/max and threshold colours all from the catalog. */
export function buildSignalPanel(spec: SignalPanelSpec): cog.Builder<any> {
  const { exporter, signals, panel, exprs, overrides } = spec;
  const first = signals[0];
  const kind = panel.kind ?? 'timeseries';
  const instant = kind !== 'timeseries';
  const title = panel.title ?? first.title;
  const builder = panelBuilder(kind)
    .title(title)
    .description((panel.description ?? first.description) + requirementSentence(signals))
    .datasource(DATASOURCE_REF)
    .unit(first.unit)
    .span(panel.width ?? DEFAULT_WIDTH[kind])
    .height(HEIGHT[kind]);

  signals.forEach((signal, index) => {
    const refId = String.fromCharCode(65 + index);
    const target = new DataqueryBuilder()
      .refId(refId)
      .datasource(DATASOURCE_REF)
      .expr(exprs[index])
      .legendFormat(signal.legend ?? '__auto');
    builder.withTarget(instant ? target.instant() : target.range());
    spec.queries.push({
      panel: title,
      refId,
      expr: exprs[index],
      instant,
      exporter: exporter.id,
      signal: signal.id,
      optional: signal.optional,
    });
  });

  if (first.min !== undefined) {
    builder.min(first.min);
  }
  if (first.max !== undefined) {
    builder.max(first.max);
  }
  const threshold = first.threshold ? resolveThreshold(exporter, first.threshold, overrides) : undefined;
  builder.thresholds(
    threshold ? thresholdSteps(threshold) : (yesNoSteps(exporter, first) ?? thresholdSteps(undefined))
  );
  if (kind === 'timeseries') {
    const ts = builder as TimeseriesPanelBuilder;
    ts.legend(
      new VizLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(LegendDisplayMode.List)
        .placement(LegendPlacement.Bottom)
    );
    ts.fillOpacity(panel.stack ? 40 : 10)
      .lineWidth(1)
      .maxDataPoints(TIMESERIES_MAX_DATA_POINTS);
    if (panel.stack) {
      ts.stacking(new StackingConfigBuilder().mode(StackingMode.Normal));
    }
    if (threshold) {
      ts.thresholdsStyle(new GraphThresholdsStyleConfigBuilder().mode(GraphThresholdsStyleMode.Dashed));
    }
  }
  if (kind === 'stat') {
    (builder as StatPanelBuilder)
      .graphMode(BigValueGraphMode.None)
      .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false));
  }
  if (kind === 'gauge' || kind === 'bargauge') {
    (builder as GaugePanelBuilder).reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false));
  }
  return builder;
}

function panelBuilder(kind: PanelKind) {
  switch (kind) {
    case 'stat':
      return new StatPanelBuilder();
    case 'gauge':
      return new GaugePanelBuilder();
    case 'bargauge':
      return new BarGaugePanelBuilder();
    case 'table':
      return new TablePanelBuilder();
    default:
      return new TimeseriesPanelBuilder();
  }
}

/**
 * A yes/no signal's colours from the alert that compares it (yesNoAlert): its bad answer in the
 * alert's severity colour, the other green. Without this every yes/no stat was green, so "Server
 * powered on: No" and "Disk failure predicted: Yes" looked as fine as their opposites.
 */
export function yesNoSteps(exporter: ExporterDefinition, signal: Signal): cog.Builder<ThresholdsConfig> | undefined {
  const alert = yesNoAlert(exporter, signal);
  if (!alert) {
    return undefined;
  }
  const bad = alert.severity === 'critical' ? 'red' : 'orange';
  const steps: ThresholdsConfig['steps'] =
    alert.comparison === '<'
      ? [
          { value: null as unknown as number, color: bad },
          { value: 1, color: 'green' },
        ]
      : [
          { value: null as unknown as number, color: 'green' },
          { value: 1, color: bad },
        ];
  return new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(steps);
}

/**
 * Panel colours from the catalog threshold, so the panel turns red exactly where the alert fires.
 * "Below" thresholds (free space) are bad at the bottom of the scale.
 */
export function thresholdSteps(threshold: ThresholdDefinition | undefined): cog.Builder<ThresholdsConfig> {
  const steps: ThresholdsConfig['steps'] = [];
  if (!threshold) {
    steps.push({ value: null as unknown as number, color: 'green' });
  } else if (threshold.direction === 'above') {
    steps.push({ value: null as unknown as number, color: 'green' });
    if (threshold.warning !== undefined) {
      steps.push({ value: threshold.warning, color: 'orange' });
    }
    if (threshold.critical !== undefined) {
      steps.push({ value: threshold.critical, color: 'red' });
    }
  } else {
    steps.push({ value: null as unknown as number, color: threshold.critical !== undefined ? 'red' : 'orange' });
    if (threshold.critical !== undefined && threshold.warning !== undefined) {
      steps.push({ value: threshold.critical, color: 'orange' });
    }
    steps.push({ value: threshold.warning ?? threshold.critical ?? 0, color: 'green' });
  }
  return new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(steps);
}
