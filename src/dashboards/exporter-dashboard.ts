/* eslint-disable @typescript-eslint/no-deprecated -- the v2 dashboard schema needs Grafana 12 with
   dashboardNewLayouts; bundled dashboards must load on every Grafana we support (>= 11.6), so v1. */
import {
  DashboardBuilder,
  DashboardLinkBuilder,
  DashboardLinkType,
  DatasourceVariableBuilder,
  QueryVariableBuilder,
  RowBuilder,
  ThresholdsConfigBuilder,
  ThresholdsMode,
  VariableHide,
  VariableRefresh,
  VariableSort,
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
import { getLayer } from '../catalog/layers';
import { exporterDashboardUid } from '../catalog/links';
import { dashboardContext, signalQuery } from '../catalog/promql';
import { resolveThreshold, type ThresholdOverrides } from '../catalog/thresholds';
import type { ExporterDefinition, PanelDefinition, PanelKind, Signal, ThresholdDefinition } from '../catalog/types';

export const DASHBOARD_TAG = 'fullstack-monitoring';
export const DATASOURCE_REF = { type: 'prometheus', uid: '${datasource}' };

export interface DashboardOptions {
  /** Label that names a cluster/datacenter (the app setting); `cluster` by default. */
  clusterLabel?: string;
  overrides?: ThresholdOverrides;
}

/** Path of the generated file, relative to the repository's (and dist's) `dashboards/` folder. */
export function exporterDashboardFile(exporter: ExporterDefinition): string {
  return `${exporter.layer}-${exporter.id}.json`;
}

const DEFAULT_WIDTH: Record<PanelKind, number> = { stat: 4, gauge: 4, bargauge: 8, timeseries: 12, table: 24 };
const HEIGHT: Record<PanelKind, number> = { stat: 4, gauge: 6, bargauge: 8, timeseries: 8, table: 8 };

/**
 * Builds one exporter's dashboard from the catalog: variables, rows and panels, units,
 * descriptions and thresholds all come from the exporter's signals. Pure: same input, same JSON.
 */
export function buildExporterDashboard(exporter: ExporterDefinition, options: DashboardOptions = {}): Dashboard {
  const clusterLabel = options.clusterLabel ?? 'cluster';
  const q = dashboardContext(clusterLabel);
  const layer = getLayer(exporter.layer);
  const builder = new DashboardBuilder(`${exporter.title}`)
    .uid(exporterDashboardUid(exporter))
    .description(exporter.description)
    .tags([DASHBOARD_TAG, exporter.layer, exporter.id])
    .editable()
    .tooltip(1)
    .time({ from: 'now-6h', to: 'now' })
    .refresh('1m')
    .timezone('browser')
    .link(
      new DashboardLinkBuilder('Full-Stack Monitoring')
        .type(DashboardLinkType.Dashboards)
        .tags([DASHBOARD_TAG])
        .asDropdown(true)
        .includeVars(true)
        .keepTime(true)
    )
    .link(
      new DashboardLinkBuilder(layer.title)
        .type(DashboardLinkType.Dashboards)
        .tags([DASHBOARD_TAG, exporter.layer])
        .asDropdown(true)
        .includeVars(true)
        .keepTime(true)
    )
    .withVariable(new DatasourceVariableBuilder('datasource').label('Data source').type('prometheus'));

  for (const variable of targetVariables(exporter, clusterLabel)) {
    builder.withVariable(variable);
  }

  for (const row of exporter.dashboard) {
    builder.withRow(new RowBuilder(row.title));
    for (const panel of row.panels) {
      builder.withPanel(buildPanel(exporter, panel, q, options.overrides));
    }
  }

  return finalise(builder.build());
}

/** `cluster`, `job`, `instance`, each narrowed by the ones before it, listed from the exporter's info metric. */
function targetVariables(exporter: ExporterDefinition, clusterLabel: string) {
  const info = (matchers: string) =>
    exporter.infoMetrics.length === 1
      ? `${exporter.infoMetrics[0]}{${matchers}}`
      : `{${['__name__=~"' + exporter.infoMetrics.join('|') + '"', matchers].filter(Boolean).join(',')}}`;
  const variable = (name: string, label: string, query: string, allValue: string) =>
    new QueryVariableBuilder(name)
      .label(label)
      .datasource(DATASOURCE_REF)
      .query({ query, refId: 'PrometheusVariableQueryEditor-VariableQuery', qryType: 1 })
      .definition(query)
      .refresh(VariableRefresh.OnTimeRangeChanged)
      .sort(VariableSort.AlphabeticalCaseInsensitiveAsc)
      .multi(true)
      .includeAll(true)
      .allValue(allValue)
      .current({ text: 'All', value: '$__all', selected: true });
  return [
    // `.*` also matches series without the label, so single-datacenter setups need no cluster label at all.
    variable(
      'cluster',
      clusterLabel === 'cluster' ? 'Cluster' : `Cluster (${clusterLabel})`,
      `label_values(${info('')}, ${clusterLabel})`,
      '.*'
    ).hide(VariableHide.DontHide),
    variable('job', 'Job', `label_values(${info(`${clusterLabel}=~"$cluster"`)}, job)`, '.+'),
    variable(
      'instance',
      'Instance',
      `label_values(${info(`${clusterLabel}=~"$cluster",job=~"$job"`)}, instance)`,
      '.+'
    ),
  ];
}

function findSignal(exporter: ExporterDefinition, id: string): Signal {
  const signal = exporter.signals.find((s) => s.id === id);
  if (!signal) {
    throw new Error(`Dashboard of "${exporter.id}" uses unknown signal "${id}"`);
  }
  return signal;
}

function buildPanel(
  exporter: ExporterDefinition,
  panel: PanelDefinition,
  q: ReturnType<typeof dashboardContext>,
  overrides: ThresholdOverrides | undefined
): cog.Builder<any> {
  const signals = panel.signals.map((id) => findSignal(exporter, id));
  const first = signals[0];
  const kind = panel.kind ?? 'timeseries';
  const instant = kind !== 'timeseries';
  const builder = panelBuilder(kind)
    .title(panel.title ?? first.title)
    .description(panel.description ?? first.description)
    .datasource(DATASOURCE_REF)
    .unit(first.unit)
    .span(panel.width ?? DEFAULT_WIDTH[kind])
    .height(HEIGHT[kind]);

  signals.forEach((signal, index) => {
    const target = new DataqueryBuilder()
      .refId(String.fromCharCode(65 + index))
      .datasource(DATASOURCE_REF)
      .expr(signalQuery(signal, q))
      .legendFormat(signal.legend ?? '__auto');
    builder.withTarget(instant ? target.instant() : target.range());
  });

  if (first.min !== undefined) {
    builder.min(first.min);
  }
  if (first.max !== undefined) {
    builder.max(first.max);
  }
  const threshold = first.threshold ? resolveThreshold(exporter, first.threshold, overrides) : undefined;
  builder.thresholds(thresholdSteps(threshold));
  if (kind === 'timeseries') {
    const ts = builder as TimeseriesPanelBuilder;
    ts.legend(
      new VizLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(LegendDisplayMode.List)
        .placement(LegendPlacement.Bottom)
    );
    ts.fillOpacity(panel.stack ? 40 : 10).lineWidth(1);
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

/**
 * Grafana needs unique panel ids for links and "view panel"; the SDK leaves them unset (rows get
 * 0). Bundled dashboards must have no top-level id, or Grafana refuses to import them.
 */
function finalise(dashboard: Dashboard): Dashboard {
  let nextId = 1;
  const panels = (dashboard.panels ?? []).map((panel) => ({ ...panel, id: nextId++ }));
  const { id: _ignored, ...rest } = dashboard as Dashboard & { id?: number };
  return { ...rest, panels } as Dashboard;
}
