import type { AlertDefinition, ExporterDefinition, LayerId } from './types';

/**
 * Links carried by alerts (and reused by dashboards and the inventory), built in one place so a
 * notification, a panel link and an inventory row always point at the same page.
 */

/** Runbooks live in the repository, one Markdown file per exporter, one heading per alert id. */
export const RUNBOOK_BASE_URL =
  'https://github.com/fullstack-monitoring/fullstack-monitoring-app/blob/main/docs/runbooks';

export function alertRunbookUrl(exporter: ExporterDefinition, alert: AlertDefinition): string {
  return `${RUNBOOK_BASE_URL}/${exporter.id}.md#${alert.id}`;
}

/** The uid of the generated dashboard for an exporter (DESIGN.md: `fsm-<layer>-<exporter>`). */
export function exporterDashboardUid(exporter: Pick<ExporterDefinition, 'id' | 'layer'>): string {
  return `fsm-${exporter.layer}-${exporter.id}`;
}

/** A concrete target, e.g. an inventory row. */
export interface DashboardTarget {
  job: string;
  instance: string;
}

/**
 * A link to the exporter's dashboard. Relative, so Grafana resolves it against its own address.
 *
 * Without a target it is the alert form: the job and instance are `{{ $labels.* | urlquery }}`
 * templates that Prometheus and Grafana fill in, URL-encoded, for each firing series (a job named
 * "a&b" or "x#y" would otherwise cut the link short or set another variable). With a target the
 * values are URL-encoded here.
 */
export function exporterDashboardUrl(
  exporter: Pick<ExporterDefinition, 'id' | 'layer'>,
  target?: DashboardTarget
): string {
  const job = target ? encodeURIComponent(target.job) : '{{ $labels.job | urlquery }}';
  const instance = target ? encodeURIComponent(target.instance) : '{{ $labels.instance | urlquery }}';
  return `/d/${exporterDashboardUid(exporter)}?var-job=${job}&var-instance=${instance}`;
}

/** The home dashboard: one tile per layer. */
export const HOME_DASHBOARD_UID = 'fsm-home';

/** One dashboard per layer, summarising its exporters. */
export function layerDashboardUid(layer: LayerId): string {
  return `fsm-layer-${layer}`;
}
