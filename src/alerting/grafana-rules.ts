import { promDurationMs } from '../utils/durations';
import { alertContext, REPLICA_LABELS } from '../catalog/promql';
import type { AlertDefinition, ExporterDefinition, QueryContext } from '../catalog/types';
import {
  alertThreshold,
  alertValueExpr,
  assertUniqueAlerts,
  perTargetComparison,
  ruleAnnotations,
  ruleGroupName,
  ruleLabels,
  ruleUid,
  type AlertRenderOptions,
  type RuleAnnotations,
} from './rule-metadata';

/*
 * Grafana-managed rules in the shape of the provisioning API (reference/grafana-api.md). Plain
 * typed objects rather than the foundation-sdk builders: the SDK's RuleBuilder always emits
 * `orgID: 0`, which the server overwrites, so a plan comparing desired and actual rules would see
 * every rule as changed; and its query models are untyped.
 */

export const DEFAULT_ALERT_FOLDER_UID = 'fsm-alerts';
export const DEFAULT_RULE_GROUP_INTERVAL_SECONDS = 60;
/** Grafana's scheduler ticks every 10 s by default; a group interval off that grid is a 400. */
export const SCHEDULER_BASE_INTERVAL_SECONDS = 10;
/** Grafana expressions (reduce, threshold) run under this pseudo-datasource. */
export const EXPRESSION_DATASOURCE_UID = '__expr__';
const MIN_QUERY_RANGE_SECONDS = 600;
const FOLDER_UID_MAX_LENGTH = 40;

export interface GrafanaRelativeTimeRange {
  /** Seconds before evaluation time (the published swagger wrongly says nanoseconds). */
  from: number;
  to: number;
}

export interface GrafanaPrometheusQueryModel {
  refId: string;
  expr: string;
  instant: true;
  range: false;
}

export interface GrafanaReduceModel {
  refId: string;
  type: 'reduce';
  expression: string;
  reducer: 'last';
  settings: { mode: 'dropNN' };
}

export type GrafanaEvaluatorType = 'gt' | 'lt';

export interface GrafanaThresholdModel {
  refId: string;
  type: 'threshold';
  expression: string;
  conditions: Array<{ evaluator: { type: GrafanaEvaluatorType; params: number[] } }>;
}

export type GrafanaQueryModel = GrafanaPrometheusQueryModel | GrafanaReduceModel | GrafanaThresholdModel;

export interface GrafanaAlertQuery {
  refId: string;
  datasourceUid: string;
  relativeTimeRange: GrafanaRelativeTimeRange;
  model: GrafanaQueryModel;
}

/** A `ProvisionedAlertRule` as this plugin writes it. */
export interface GrafanaAlertRule {
  uid: string;
  title: string;
  ruleGroup: string;
  folderUID: string;
  /** refId of the query whose result decides firing. */
  condition: string;
  data: GrafanaAlertQuery[];
  noDataState: 'OK' | 'NoData' | 'Alerting';
  execErrState: 'OK' | 'Alerting' | 'Error';
  for: string;
  labels: Record<string, string>;
  annotations: RuleAnnotations;
  isPaused: boolean;
  /** Set by the server from the caller's org; left out of desired state so it never shows as a change. */
  orgID?: number;
}

/** The body of `PUT /api/v1/provisioning/folder/{folderUid}/rule-groups/{group}`. */
export interface GrafanaRuleGroup {
  title: string;
  /** `folderUid` on the group, `folderUID` on rules: Grafana's spelling. */
  folderUid: string;
  /** Whole seconds, a multiple of the scheduler's base interval. */
  interval: number;
  rules: GrafanaAlertRule[];
}

export interface GrafanaRuleGroupOptions extends AlertRenderOptions {
  /** The Prometheus datasource the rules query: Grafana-managed rules cannot use a frontend datasource. */
  datasourceUid: string;
  folderUid?: string;
  intervalSeconds?: number;
}

/** The rule group for one exporter's pack, ready to PUT as a whole (rules left out are deleted). */
export function grafanaRuleGroup(exporter: ExporterDefinition, options: GrafanaRuleGroupOptions): GrafanaRuleGroup {
  const {
    datasourceUid,
    folderUid = DEFAULT_ALERT_FOLDER_UID,
    intervalSeconds = DEFAULT_RULE_GROUP_INTERVAL_SECONDS,
  } = options;
  assertDatasourceUid(datasourceUid);
  assertFolderUid(folderUid);
  assertGroupInterval(intervalSeconds);
  assertUniqueAlerts(exporter);
  const ctx = alertContext(options.selector, options.replicaLabels, options.clusterLabel);
  const title = ruleGroupName(exporter);
  return {
    title,
    folderUid,
    interval: intervalSeconds,
    rules: exporter.alerts.map((alert) =>
      grafanaAlertRule(exporter, alert, { ...options, datasourceUid, folderUid, ruleGroup: title, ctx })
    ),
  };
}

interface RuleContext extends AlertRenderOptions {
  datasourceUid: string;
  folderUid: string;
  ruleGroup: string;
  ctx: QueryContext;
}

function grafanaAlertRule(exporter: ExporterDefinition, alert: AlertDefinition, rc: RuleContext): GrafanaAlertRule {
  // With per-target thresholds the query itself compares, each series with its own bound, and
  // returns only the series past it; the threshold step then passes all of them (see perTargetComparison).
  const perTarget = perTargetComparison(exporter, alert, rc, rc.ctx);
  const expr = perTarget?.expr ?? grafanaQueryExpr(alert, rc.ctx, rc.replicaLabels);
  return {
    uid: ruleUid(exporter, alert),
    title: alert.name,
    ruleGroup: rc.ruleGroup,
    folderUID: rc.folderUid,
    condition: 'C',
    data: [
      {
        refId: 'A',
        datasourceUid: rc.datasourceUid,
        relativeTimeRange: { from: queryRangeSeconds(expr), to: 0 },
        model: { refId: 'A', expr, instant: true, range: false },
      },
      {
        refId: 'B',
        datasourceUid: EXPRESSION_DATASOURCE_UID,
        relativeTimeRange: { from: 0, to: 0 },
        model: { refId: 'B', type: 'reduce', expression: 'A', reducer: 'last', settings: { mode: 'dropNN' } },
      },
      {
        refId: 'C',
        datasourceUid: EXPRESSION_DATASOURCE_UID,
        relativeTimeRange: { from: 0, to: 0 },
        model: {
          refId: 'C',
          type: 'threshold',
          expression: 'B',
          conditions: [
            {
              evaluator: {
                type: alert.comparison === '>' ? 'gt' : 'lt',
                params: [perTarget?.bound ?? alertThreshold(exporter, alert, rc.overrides)],
              },
            },
          ],
        },
      },
    ],
    noDataState: alert.noDataState ?? 'OK',
    execErrState: 'Error',
    for: alert.for,
    labels: ruleLabels(exporter, alert),
    annotations: ruleAnnotations(exporter, alert),
    isPaused: false,
  };
}

/**
 * The value Grafana compares: the query narrowed by the filters, without the comparison (the
 * threshold expression does that). Parenthesised for the same reason as the Prometheus form.
 */
export function grafanaQueryExpr(
  alert: AlertDefinition,
  ctx: QueryContext = alertContext(),
  replicaLabels: readonly string[] = REPLICA_LABELS
): string {
  return alertValueExpr(alert, ctx, replicaLabels);
}

/**
 * Seconds of history the instant query looks at: its longest range selector (`[6h]`, `[1h:5m]`),
 * at least ten minutes. Grafana ignores it for instant queries, but its editor shows it, so it
 * should not claim a shorter window than the query reads.
 */
export function queryRangeSeconds(expr: string): number {
  let longest = MIN_QUERY_RANGE_SECONDS;
  for (const match of expr.matchAll(/\[\s*([0-9a-z]+)\s*(?::[^\]]*)?\]/g)) {
    const seconds = parsePromDurationSeconds(match[1]);
    if (seconds !== undefined && seconds > longest) {
      longest = seconds;
    }
  }
  return longest;
}

export function parsePromDurationSeconds(duration: string): number | undefined {
  const ms = duration === '0' ? undefined : promDurationMs(duration);
  return ms === undefined ? undefined : Math.ceil(ms / 1000);
}

function assertGroupInterval(intervalSeconds: number): void {
  if (
    !Number.isInteger(intervalSeconds) ||
    intervalSeconds <= 0 ||
    intervalSeconds % SCHEDULER_BASE_INTERVAL_SECONDS !== 0
  ) {
    throw new Error(
      `Rule group interval ${intervalSeconds} s is not accepted by Grafana: use a positive whole number of seconds that is a multiple of ${SCHEDULER_BASE_INTERVAL_SECONDS} (e.g. 60).`
    );
  }
}

function assertDatasourceUid(datasourceUid: string): void {
  if (!datasourceUid || datasourceUid.trim() === '') {
    throw new Error(
      'No Prometheus datasource chosen for the alert rules: pick one in Setup before generating Grafana rules.'
    );
  }
}

function assertFolderUid(folderUid: string): void {
  if (folderUid.length === 0 || folderUid.length > FOLDER_UID_MAX_LENGTH || !/^[a-zA-Z0-9_-]+$/.test(folderUid)) {
    throw new Error(
      `Folder uid "${folderUid}" is not valid: use 1–${FOLDER_UID_MAX_LENGTH} letters, digits, "-" or "_" (the default is "${DEFAULT_ALERT_FOLDER_UID}").`
    );
  }
}
