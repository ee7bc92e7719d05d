import type { AlertDefinition, ExporterDefinition, LayerId } from './types';

/**
 * Links carried by alerts (and reused by dashboards and the inventory), built in one place so a
 * notification, a panel link and an inventory row always point at the same page.
 */

/**
 * The app's id (plugin.json `id`), written out rather than imported: the datasource bundle reads
 * these links too, and importing plugin.json would ship all of it there. A test keeps them equal.
 */
export const APP_ID = 'fullstack-monitoring-app';

/**
 * Runbooks ship inside the app (the Runbooks page renders docs/runbooks/<exporter>.md, copied into
 * the plugin), so a runbook link opens wherever the plugin is installed, with no repository to
 * reach. Relative, like the dashboard links: Grafana resolves it against its own address.
 */
export const RUNBOOK_BASE_URL = `/a/${APP_ID}/runbooks`;

/** Where the runbook Markdown is served from: Grafana serves a plugin's files under public/plugins/<id>/. */
export const RUNBOOK_ASSET_PATH = `public/plugins/${APP_ID}/runbooks`;

/** An alert's runbook: its exporter's page, scrolled to the section whose id is the alert's id. */
export function alertRunbookUrl(exporter: Pick<ExporterDefinition, 'id'>, alert: Pick<AlertDefinition, 'id'>): string {
  return `${RUNBOOK_BASE_URL}/${exporter.id}#${alert.id}`;
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
