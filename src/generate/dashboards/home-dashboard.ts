/* eslint-disable @typescript-eslint/no-deprecated -- v1 dashboard schema on purpose, see exporter-dashboard.ts */
/**
 * The home dashboard: one status tile per layer (targets up / down / total, firing alerts by
 * severity), each linking down to its layer dashboard with the same variables and time range.
 */
import { DashboardBuilder, type Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import {
  BigValueColorMode,
  BigValueGraphMode,
  BigValueTextMode,
  ReduceDataOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatPanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { EXPORTERS, LAYERS, exportersInLayer } from '../../catalog';
import { dashboardContext } from '../../catalog/promql';
import type { Layer, QueryContext } from '../../catalog/types';
import {
  DASHBOARD_TAG,
  DATASOURCE_REF,
  HOME_DASHBOARD_UID,
  countThresholds,
  dashboardPanelLink,
  datasourceVariable,
  finalise,
  fixedColour,
  layerDashboardUid,
  targetVariables,
  taggedDashboardsLink,
  type PanelQuery,
} from './common';
import type { DashboardOptions } from './exporter-dashboard';
import { firingAlertsQuery, layerStatus, targetsTotalQuery, targetsUpQuery } from './fleet';
import { LAYER_TAG } from './layer-dashboard';

export const HOME_DASHBOARD_FILE = 'home.json';
export const HOME_TAG = 'home';

const SEVERITY_COLOURS: Array<[string, string]> = [
  ['critical', 'red'],
  ['warning', 'orange'],
  ['info', 'blue'],
];

export function homeDashboardWithQueries(options: DashboardOptions = {}): {
  dashboard: Dashboard;
  queries: PanelQuery[];
} {
  const clusterLabel = options.clusterLabel ?? 'cluster';
  const q = dashboardContext(clusterLabel);
  const queries: PanelQuery[] = [];
  const builder = new DashboardBuilder('Full-Stack Monitoring: home')
    .uid(HOME_DASHBOARD_UID)
    .description('Every layer at a glance: targets up and firing alerts, with links down to each layer.')
    .tags([DASHBOARD_TAG, HOME_TAG])
    .editable()
    .tooltip(1)
    .time({ from: 'now-6h', to: 'now' })
    .refresh('1m')
    .timezone('browser')
    .link(taggedDashboardsLink('Layers', [DASHBOARD_TAG, LAYER_TAG]))
    .link(taggedDashboardsLink('All dashboards', [DASHBOARD_TAG]))
    .withVariable(datasourceVariable());
  for (const variable of targetVariables(
    EXPORTERS.flatMap((e) => e.infoMetrics),
    clusterLabel
  )) {
    builder.withVariable(variable);
  }
  for (const layer of [...LAYERS].sort((a, b) => a.order - b.order)) {
    builder.withPanel(layerTile(layer, q, queries));
  }
  return { dashboard: finalise(builder.build()), queries };
}

function layerTile(layer: Layer, q: QueryContext, queries: PanelQuery[]) {
  const status = layerStatus(layer.id, q);
  const exporters = exportersInLayer(layer.id)
    .map((e) => e.title)
    .join(', ');
  const exprs: Array<[string, string]> = [
    ['up', targetsUpQuery(status)],
    ['down', `count((${status}) == 0) or vector(0)`],
    ['total', targetsTotalQuery(status)],
    ...SEVERITY_COLOURS.map(([severity]): [string, string] => [severity, firingAlertsQuery(layer.id, severity, q)]),
  ];
  const panel = new StatPanelBuilder()
    .title(layer.title)
    .description(
      `${layer.description} Targets of ${exporters} (seen in the last hour): up, down, total; then alerts of this layer firing now, by severity. HA replicas count once.`
    )
    .datasource(DATASOURCE_REF)
    .unit('short')
    .decimals(0)
    .span(8)
    .height(5)
    .graphMode(BigValueGraphMode.None)
    .colorMode(BigValueColorMode.Value)
    .textMode(BigValueTextMode.ValueAndName)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
    .thresholds(fixedColour('text'))
    .overrideByName('down', [{ id: 'thresholds', value: countThresholds('red') }])
    .links([dashboardPanelLink(`${layer.title} overview`, layerDashboardUid(layer.id))]);
  for (const [severity, colour] of SEVERITY_COLOURS) {
    panel.overrideByName(severity, [{ id: 'thresholds', value: countThresholds(colour) }]);
  }
  exprs.forEach(([legend, expr], index) => {
    const refId = String.fromCharCode(65 + index);
    panel.withTarget(
      new DataqueryBuilder().refId(refId).datasource(DATASOURCE_REF).expr(expr).legendFormat(legend).instant()
    );
    queries.push({ panel: layer.title, refId, expr, instant: true });
  });
  return panel;
}
