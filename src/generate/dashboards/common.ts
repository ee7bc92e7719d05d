import { REPLICA_LABELS } from '../../catalog/promql';
import type { QueryContext } from '../../catalog/types';
/* eslint-disable @typescript-eslint/no-deprecated -- v1 dashboard schema on purpose, see exporter-dashboard.ts */
/**
 * Pieces every generated dashboard shares (home, layer and exporter dashboards): the variables, the
 * links that keep variables and time, the HA-pair rule and panel-id finishing.
 */
import {
  DashboardLinkBuilder,
  DashboardLinkType,
  DatasourceVariableBuilder,
  QueryVariableBuilder,
  ThresholdsConfigBuilder,
  ThresholdsMode,
  VariableHide,
  VariableRefresh,
  VariableSort,
  type Dashboard,
} from '@grafana/grafana-foundation-sdk/dashboard';

export const DASHBOARD_TAG = 'fullstack-monitoring';
export const DATASOURCE_REF = { type: 'prometheus', uid: '${datasource}' };
export const HOME_DASHBOARD_UID = 'fsm-home';

export function layerDashboardUid(layer: string): string {
  return `fsm-layer-${layer}`;
}

/** The catalog's replica labels (see `REPLICA_LABELS` in catalog/promql.ts), collapsed by fleet panels. */
export { REPLICA_LABELS };

/** Folds the replicas of an HA pair into one series: the highest value, or the lowest where low is bad. */
export function withoutReplicas(expr: string, lowIsBad = false): string {
  return `${lowIsBad ? 'min' : 'max'} without (${REPLICA_LABELS.join(', ')}) (${expr})`;
}

/** A query context whose aggregations keep the replica labels, so each replica is summed on its own. */
export function perReplica(q: QueryContext): QueryContext {
  return { ...q, by: [q.by, ...REPLICA_LABELS].join(', ') };
}

/** Grafana's panel/data-link placeholders that carry the time range and every variable. */
export const KEEP_TIME_AND_VARS = '${__url_time_range}&${__all_variables}';

/** A panel link to another generated dashboard that keeps the time range and every variable. */
export function dashboardPanelLink(title: string, uid: string) {
  return new DashboardLinkBuilder(title).type(DashboardLinkType.Link).url(`/d/${uid}?${KEEP_TIME_AND_VARS}`);
}

/** A dashboard-level link (top bar) to one dashboard, keeping variables and time. */
export function dashboardLink(title: string, uid: string) {
  return new DashboardLinkBuilder(title)
    .type(DashboardLinkType.Link)
    .url(`/d/${uid}`)
    .icon('dashboard')
    .includeVars(true)
    .keepTime(true);
}

/** A dashboard-level dropdown of every generated dashboard with all of these tags, keeping variables and time. */
export function taggedDashboardsLink(title: string, tags: string[]) {
  return new DashboardLinkBuilder(title)
    .type(DashboardLinkType.Dashboards)
    .tags(tags)
    .asDropdown(true)
    .includeVars(true)
    .keepTime(true);
}

export function datasourceVariable() {
  return new DatasourceVariableBuilder('datasource').label('Data source').type('prometheus');
}

/** The selector listing targets from small one-series-per-target metrics: one name, or a `__name__` regex. */
export function infoSelector(infoMetrics: readonly string[], matchers: string): string {
  const names = [...new Set(infoMetrics)];
  if (names.length === 1) {
    return `${names[0]}{${matchers}}`;
  }
  return `{${['__name__=~"' + names.join('|') + '"', matchers].filter(Boolean).join(',')}}`;
}

/** A multi-value query variable listing a label's values, defaulting to All. */
function variable(name: string, label: string, query: string, allValue: string) {
  return new QueryVariableBuilder(name)
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
}

/**
 * The cluster picker, listing the cluster label's values among `selector`'s series. Its allValue `.*`
 * also matches series *without* the label: single-datacenter setups need none (see targetVariables).
 */
export function clusterVariable(clusterLabel: string, selector: string) {
  return variable(
    'cluster',
    clusterLabel === 'cluster' ? 'Cluster' : `Cluster (${clusterLabel})`,
    `label_values(${selector}, ${clusterLabel})`,
    '.*'
  ).hide(VariableHide.DontHide);
}

/**
 * `cluster`, `job`, `instance`, each narrowed by the ones before it, listed from the given info
 * metrics (one exporter's, or every exporter's of a layer).
 *
 * The cluster variable cannot hide itself when there is only one value: Grafana (11.x, 12.x) has no
 * "hide when it has one option" setting, and `hide: 2` would hide it from the multi-datacenter
 * users who need it. Chosen behaviour: always shown (`hide: 0`), listing the cluster label's values
 * and defaulting to All with allValue `.*`. Where no series has the label, the list is empty, the
 * picker shows just "All", and `.*` also matches series *without* the label, so single-datacenter
 * setups need no cluster label and lose nothing; federated/multi-DC setups pick one or several.
 */
export function targetVariables(infoMetrics: readonly string[], clusterLabel: string) {
  return [
    clusterVariable(clusterLabel, infoSelector(infoMetrics, '')),
    variable('job', 'Job', `label_values(${infoSelector(infoMetrics, `${clusterLabel}=~"$cluster"`)}, job)`, '.+'),
    variable(
      'instance',
      'Instance',
      `label_values(${infoSelector(infoMetrics, `${clusterLabel}=~"$cluster",job=~"$job"`)}, instance)`,
      '.+'
    ),
  ];
}

/**
 * Grafana needs unique panel ids for links and "view panel"; the SDK leaves them unset (rows get
 * 0). Bundled dashboards must have no top-level id, or Grafana refuses to import them.
 */
export function finalise(dashboard: Dashboard): Dashboard {
  let nextId = 1;
  // Panels inside a collapsed row need ids too (Grafana moves them to the top level on expand).
  const withIds = (panel: Record<string, unknown>): Record<string, unknown> => {
    const id = nextId++;
    const nested = panel.panels as Array<Record<string, unknown>> | undefined;
    return nested && nested.length > 0 ? { ...panel, id, panels: nested.map(withIds) } : { ...panel, id };
  };
  const panels = ((dashboard.panels ?? []) as unknown as Array<Record<string, unknown>>).map(withIds);
  const { id: _ignored, ...rest } = dashboard as Dashboard & { id?: number };
  return { ...rest, panels } as unknown as Dashboard;
}

/** One query of a generated panel, as the integration test and the bench run it. */
export interface PanelQuery {
  panel: string;
  refId: string;
  expr: string;
  /** Grafana runs it as an instant query (stat, gauge, bargauge, table panels). */
  instant: boolean;
  /** The exporter whose data the query needs; undefined for cross-exporter panels (home, layer health). */
  exporter?: string;
  signal?: string;
  /** Why the query may rightly return nothing (from the catalog signal). */
  optional?: string;
}

/** One colour whatever the value: for counts that are neither good nor bad (targets in total). */
export function fixedColour(color: string) {
  return new ThresholdsConfigBuilder()
    .mode(ThresholdsMode.Absolute)
    .steps([{ value: null as unknown as number, color }]);
}

/** Green at 0, the given colour from 1: for counts where any is worth a look (down targets, alerts). */
export function countThresholds(color: string) {
  return {
    mode: 'absolute',
    steps: [
      { value: null, color: 'green' },
      { value: 1, color },
    ],
  };
}
