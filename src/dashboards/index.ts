import { EXPORTERS } from '../catalog';
import type { ExporterDefinition } from '../catalog/types';
import { exporterDashboardUid } from '../catalog/links';
import { buildExporterDashboard, exporterDashboardFile } from './exporter-dashboard';

export interface GeneratedDashboard {
  /** File name inside `dashboards/`. */
  file: string;
  uid: string;
  title: string;
  /** Dashboard JSON without `revision` (the writer assigns it from the committed file). */
  dashboard: object;
}

/**
 * Exporters whose dashboards are generated and bundled. Each exporter dashboard must pass the real
 * stack integration test before it is listed here; the remaining exporters follow in the
 * dashboards issue.
 */
export const BUNDLED_EXPORTERS: readonly string[] = ['node'];

export function generateDashboards(exporters: readonly ExporterDefinition[] = EXPORTERS): GeneratedDashboard[] {
  return exporters
    .filter((e) => BUNDLED_EXPORTERS.includes(e.id))
    .map((exporter) => {
      const dashboard = buildExporterDashboard(exporter);
      return {
        file: exporterDashboardFile(exporter),
        uid: exporterDashboardUid(exporter),
        title: dashboard.title ?? exporter.title,
        dashboard,
      };
    });
}
