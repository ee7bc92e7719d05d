import { EXPORTERS, LAYERS } from '../../catalog';
import type { ExporterDefinition } from '../../catalog/types';
import { exporterDashboardUid } from '../../catalog/links';
import type { PanelQuery } from './common';
import { exporterDashboardFile, exporterDashboardWithQueries } from './exporter-dashboard';
import { HOME_DASHBOARD_FILE, homeDashboardWithQueries } from './home-dashboard';
import { layerDashboardFile, layerDashboardWithQueries } from './layer-dashboard';

export type DashboardKind = 'home' | 'layer' | 'exporter';

export interface GeneratedDashboard {
  /** File name inside `dashboards/`. */
  file: string;
  uid: string;
  title: string;
  kind: DashboardKind;
  /** The layer (layer and exporter dashboards) and exporter (exporter dashboards) it covers. */
  layer?: string;
  exporter?: string;
  /** Dashboard JSON without `revision` (the writer assigns it from the committed file). */
  dashboard: object;
  /** Every panel query, with the signal behind it: for the linter, the integration test and the bench. */
  queries: PanelQuery[];
}

/**
 * Every bundled dashboard: home, one per layer (in layer order, only layers with exporters), one
 * per catalog exporter. Pure: the same catalog gives the same JSON.
 */
export function generateDashboards(exporters: readonly ExporterDefinition[] = EXPORTERS): GeneratedDashboard[] {
  const home = homeDashboardWithQueries();
  const result: GeneratedDashboard[] = [
    {
      file: HOME_DASHBOARD_FILE,
      uid: home.dashboard.uid!,
      title: home.dashboard.title ?? 'Home',
      kind: 'home',
      dashboard: home.dashboard,
      queries: home.queries,
    },
  ];
  for (const layer of [...LAYERS].sort((a, b) => a.order - b.order)) {
    if (!exporters.some((e) => e.layer === layer.id)) {
      continue;
    }
    const { dashboard, queries } = layerDashboardWithQueries(layer);
    result.push({
      file: layerDashboardFile(layer),
      uid: dashboard.uid!,
      title: dashboard.title ?? layer.title,
      kind: 'layer',
      layer: layer.id,
      dashboard,
      queries,
    });
  }
  for (const exporter of exporters) {
    const { dashboard, queries } = exporterDashboardWithQueries(exporter);
    result.push({
      file: exporterDashboardFile(exporter),
      uid: exporterDashboardUid(exporter),
      title: dashboard.title ?? exporter.title,
      kind: 'exporter',
      layer: exporter.layer,
      exporter: exporter.id,
      dashboard,
      queries,
    });
  }
  return result;
}

export type { PanelQuery };
