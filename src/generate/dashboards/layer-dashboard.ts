/* eslint-disable @typescript-eslint/no-deprecated -- v1 dashboard schema on purpose, see exporter-dashboard.ts */
/**
 * One dashboard per layer: how many targets of each exporter are up, and the few signals that
 * matter per exporter ranked fleet-wide, worst first, each linking down to the exporter dashboard.
 */
import { DashboardBuilder, RowBuilder, type Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import {
  BarGaugeDisplayMode,
  BarGaugeNamePlacement,
  BigValueColorMode,
  BigValueGraphMode,
  BigValueTextMode,
  ReduceDataOptionsBuilder,
  VizOrientation,
} from '@grafana/grafana-foundation-sdk/common';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as BarGaugePanelBuilder } from '@grafana/grafana-foundation-sdk/bargauge';
import { PanelBuilder as StatPanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { exportersInLayer } from '../../catalog';
import { exporterDashboardUid } from '../../catalog/links';
import { dashboardContext } from '../../catalog/promql';
import type { ExporterDefinition, Layer, QueryContext } from '../../catalog/types';
import {
  DASHBOARD_TAG,
  DATASOURCE_REF,
  HOME_DASHBOARD_UID,
  dashboardLink,
  dashboardPanelLink,
  datasourceVariable,
  finalise,
  layerDashboardUid,
  targetVariables,
  taggedDashboardsLink,
  countThresholds,
  fixedColour,
  type PanelQuery,
} from './common';
import { buildSignalPanel, type DashboardOptions } from './exporter-dashboard';
import {
  TOP_N,
  exporterStatus,
  lowIsWorse,
  overviewSignals,
  targetsTotalQuery,
  targetsUpQuery,
  worstFirstQuery,
} from './fleet';

export const LAYER_TAG = 'layer-overview';

export function layerDashboardFile(layer: Layer): string {
  return `layer-${layer.id}.json`;
}

export function layerDashboardWithQueries(
  layer: Layer,
  options: DashboardOptions = {}
): { dashboard: Dashboard; queries: PanelQuery[] } {
  const clusterLabel = options.clusterLabel ?? 'cluster';
  const q = dashboardContext(clusterLabel);
  const exporters = exportersInLayer(layer.id);
  const queries: PanelQuery[] = [];
  const builder = new DashboardBuilder(`${layer.title}: overview`)
    .uid(layerDashboardUid(layer.id))
    .description(layer.description)
    .tags([DASHBOARD_TAG, layer.id, LAYER_TAG])
    .editable()
    .tooltip(1)
    .time({ from: 'now-6h', to: 'now' })
    .refresh('1m')
    .timezone('browser')
    .link(dashboardLink('Home', HOME_DASHBOARD_UID))
    .link(taggedDashboardsLink(`${layer.title} dashboards`, [DASHBOARD_TAG, layer.id]))
    .withVariable(datasourceVariable());
  for (const variable of targetVariables(
    exporters.flatMap((e) => e.infoMetrics),
    clusterLabel
  )) {
    builder.withVariable(variable);
  }

  builder.withRow(new RowBuilder('Targets up'));
  const healthWidth = Math.max(4, Math.floor(24 / Math.min(exporters.length, 6)));
  for (const exporter of exporters) {
    builder.withPanel(healthPanel(exporter, q, healthWidth, queries));
  }

  for (const exporter of exporters) {
    const signals = overviewSignals(exporter);
    if (signals.length === 0) {
      continue;
    }
    builder.withRow(new RowBuilder(`${exporter.title}: worst ${TOP_N}`));
    const width = Math.max(6, Math.floor(24 / signals.length));
    for (const signal of signals) {
      const order = lowIsWorse(exporter, signal, options.overrides) ? 'lowest' : 'highest';
      const panel = buildSignalPanel({
        exporter,
        signals: [signal],
        panel: {
          kind: 'bargauge',
          title: `${signal.title}: worst ${TOP_N}`,
          description: `${signal.description} The ${TOP_N} worst across the selected targets, ${order} first; HA replicas count once.`,
          width,
        },
        exprs: [worstFirstQuery(exporter, signal, q, options.overrides)],
        overrides: options.overrides,
        queries,
      }) as BarGaugePanelBuilder;
      panel
        .orientation(VizOrientation.Horizontal)
        .displayMode(BarGaugeDisplayMode.Gradient)
        .namePlacement(BarGaugeNamePlacement.Left)
        .showUnfilled(true)
        .links([dashboardPanelLink(`${exporter.title} dashboard`, exporterDashboardUid(exporter))]);
      builder.withPanel(panel);
    }
  }

  return { dashboard: finalise(builder.build()), queries };
}

/** Targets of one exporter: up, down and total, linking to its dashboard. */
function healthPanel(exporter: ExporterDefinition, q: QueryContext, width: number, queries: PanelQuery[]) {
  const status = exporterStatus(exporter, q);
  const title = exporter.title;
  const exprs: Array<[string, string]> = [
    ['up', targetsUpQuery(status)],
    ['down', `count((${status}) == 0) or vector(0)`],
    ['total', targetsTotalQuery(status)],
  ];
  const panel = new StatPanelBuilder()
    .title(title)
    .description(
      `Targets running ${exporter.title} (seen in the last hour): up, down and in total. A target whose exporter stopped answering counts as down; HA replicas count once.`
    )
    .datasource(DATASOURCE_REF)
    .unit('short')
    .decimals(0)
    .span(width)
    .height(4)
    .graphMode(BigValueGraphMode.None)
    .colorMode(BigValueColorMode.Value)
    .textMode(BigValueTextMode.ValueAndName)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
    .thresholds(fixedColour('text'))
    .overrideByName('down', [{ id: 'thresholds', value: countThresholds('red') }])
    .links([dashboardPanelLink(`${exporter.title} dashboard`, exporterDashboardUid(exporter))]);
  exprs.forEach(([legend, expr], index) => {
    const refId = String.fromCharCode(65 + index);
    panel.withTarget(
      new DataqueryBuilder().refId(refId).datasource(DATASOURCE_REF).expr(expr).legendFormat(legend).instant()
    );
    queries.push({ panel: title, refId, expr, instant: true, exporter: exporter.id });
  });
  return panel;
}
