/* eslint-disable @typescript-eslint/no-deprecated -- the v2 dashboard schema needs Grafana 12 with
   dashboardNewLayouts; bundled dashboards must load on every Grafana we support (>= 11.6), so v1. */
/**
 * The bundled "Monitoring stack health" dashboard: the Health page's content (healthPanels) as a
 * dashboard, one row per section. Generator-only code: it uses the foundation-sdk, so nothing that
 * ships in the plugin bundle may import this file.
 */
import {
  DashboardBuilder,
  MappingType,
  RowBuilder,
  TextBoxVariableBuilder,
  ThresholdsConfigBuilder,
  ThresholdsMode,
  type Dashboard,
} from '@grafana/grafana-foundation-sdk/dashboard';
import {
  BigValueGraphMode,
  GraphThresholdsStyleConfigBuilder,
  GraphThresholdsStyleMode,
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  TableSortByFieldStateBuilder,
  VizLegendOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import { DataqueryBuilder, PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatPanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TablePanelBuilder } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeseriesPanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { DEFAULT_RETENTION_SECONDS } from '../health/capacity';
import {
  clusterVariable,
  DASHBOARD_TAG,
  DATASOURCE_REF,
  datasourceVariable,
  finalise,
  taggedDashboardsLink,
} from './dashboards/common';
import { REPLICA_LABELS } from '../catalog/promql';
import { healthContext } from '../health/checks';
import { GRID_COLUMNS, packSections, type GridPlace } from '../health/layout';
import {
  tableColumns,
  healthPanels,
  panelThresholdSteps,
  RETENTION_DAYS_VARIABLE,
  TABLE_SORT,
  type HealthPanel,
} from '../health/panels';

export const STACK_HEALTH_DASHBOARD_UID = 'fsm-stack-health';
export const STACK_HEALTH_DASHBOARD_TITLE = 'Monitoring stack health';
/** Grid units a stat spans: graphs and tables twice as many (packSection). */
const STAT_HEIGHT = 4;

export interface StackHealthDashboardOptions {
  /** Label that names a cluster/datacenter (the app setting); `cluster` by default. */
  clusterLabel?: string;
  /** Labels that tell the servers of an HA pair apart (the app setting); the catalog's `REPLICA_LABELS` by default. */
  replicaLabels?: readonly string[];
}

/** Pure: same options, same JSON. */
export function buildStackHealthDashboard(options: StackHealthDashboardOptions = {}): Dashboard {
  const clusterLabel = options.clusterLabel ?? 'cluster';
  const replicaLabels = options.replicaLabels ?? REPLICA_LABELS;
  const q = healthContext({ clusterLabel, replicaLabels, range: '$__rate_interval', clusterVariable: true });
  const builder = new DashboardBuilder(STACK_HEALTH_DASHBOARD_TITLE)
    .uid(STACK_HEALTH_DASHBOARD_UID)
    .description(
      'Monitor the monitors: scraping, ingestion, storage, queries and rule evaluation of every Prometheus, Alertmanager and Pushgateway delivery, Grafana’s own alerting and API, and capacity. Servers of several clusters and HA replicas are shown side by side. The Full-Stack Monitoring app’s Health page shows the same panels with a verdict in plain words.'
    )
    .tags([DASHBOARD_TAG, 'core'])
    .editable()
    .tooltip(1)
    .time({ from: 'now-6h', to: 'now' })
    .refresh('1m')
    .timezone('browser')
    .link(taggedDashboardsLink('Full-Stack Monitoring', [DASHBOARD_TAG]))
    .withVariable(datasourceVariable())
    .withVariable(clusterVariable(clusterLabel, 'prometheus_build_info'))
    .withVariable(
      new TextBoxVariableBuilder(RETENTION_DAYS_VARIABLE)
        .label('Retention (days)')
        .description(
          'Your --storage.tsdb.retention.time in days, for the projected disk of servers that do not export prometheus_tsdb_retention_limit_seconds (Prometheus 2.x). The app’s Health page reads each server’s flags instead.'
        )
        .defaultValue(String(DEFAULT_RETENTION_SECONDS / 86400))
        .current({ text: String(DEFAULT_RETENTION_SECONDS / 86400), value: String(DEFAULT_RETENTION_SECONDS / 86400) })
    );

  // Every position is set: the builder's own cursor left holes beside stats and ran past the 24th
  // column (packSection). It still moves whatever sits at x 0, y 0 to its cursor: only the first row
  // does, where the cursor is too.
  for (const { section, top, places } of packSections(healthPanels(clusterLabel, replicaLabels), STAT_HEIGHT, 1)) {
    builder.withRow(new RowBuilder(section.title).gridPos({ x: 0, y: top, h: 1, w: GRID_COLUMNS }));
    for (const { panel, ...place } of places) {
      builder.withPanel(buildPanel(panel, q, place));
    }
  }
  return finalise(builder.build());
}

function buildPanel(panel: HealthPanel, q: ReturnType<typeof healthContext>, place: GridPlace) {
  const builder =
    panel.kind === 'stat'
      ? new StatPanelBuilder()
      : panel.kind === 'table'
        ? new TablePanelBuilder()
        : new TimeseriesPanelBuilder();
  const description = panel.optional ? `${panel.description} Empty ${panel.optional}.` : panel.description;
  builder
    .title(panel.title)
    .description(description)
    .datasource(DATASOURCE_REF)
    .unit(panel.unit)
    // In the key order the builder writes, so the generated JSON changes only where panels moved.
    .gridPos({ h: place.h, w: place.w, x: place.x, y: place.y })
    .thresholds(
      new ThresholdsConfigBuilder()
        .mode(ThresholdsMode.Absolute)
        .steps(panelThresholdSteps(panel.judge).map((s) => ({ ...s, value: s.value as number })))
    );
  const target = new DataqueryBuilder()
    .refId('A')
    .datasource(DATASOURCE_REF)
    .expr(panel.query(q))
    .legendFormat(panel.legend);
  builder.withTarget(panel.kind === 'timeseries' ? target.range() : target.instant());
  if (panel.kind === 'table') {
    // One frame per series would show only the first in a table panel.
    target.format(PromQueryFormat.Table);
    builder.withTransformation(tableColumns(panel));
    (builder as TablePanelBuilder).sortBy([
      new TableSortByFieldStateBuilder().displayName(TABLE_SORT.displayName).desc(false),
    ]);
  }
  if (panel.zero) {
    builder.mappings([{ type: MappingType.ValueToText, options: { '0': { text: panel.zero } } }]);
  }
  if (panel.min !== undefined) {
    builder.min(panel.min);
  }
  if (panel.max !== undefined) {
    builder.max(panel.max);
  }
  if (panel.kind === 'timeseries') {
    (builder as TimeseriesPanelBuilder)
      .legend(
        new VizLegendOptionsBuilder()
          .showLegend(true)
          .displayMode(LegendDisplayMode.List)
          .placement(LegendPlacement.Bottom)
      )
      .fillOpacity(10)
      .lineWidth(1);
    if (panel.judge) {
      (builder as TimeseriesPanelBuilder).thresholdsStyle(
        new GraphThresholdsStyleConfigBuilder().mode(GraphThresholdsStyleMode.Dashed)
      );
    }
  }
  if (panel.kind === 'stat') {
    (builder as StatPanelBuilder)
      .graphMode(BigValueGraphMode.None)
      .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false));
  }
  return builder;
}
