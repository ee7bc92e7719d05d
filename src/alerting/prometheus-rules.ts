import { alertContext, REPLICA_LABELS, withoutReplicaLabels } from '../catalog/promql';
import type { ThresholdOverrides } from '../catalog/thresholds';
import type { AlertDefinition, ExporterDefinition, QueryContext } from '../catalog/types';
import {
  alertThreshold,
  assertUniqueAlerts,
  formatPromqlNumber,
  perTargetComparison,
  ruleAnnotations,
  ruleGroupName,
  ruleLabels,
  type AlertRenderOptions,
  type RuleAnnotations,
} from './rule-metadata';

/*
 * Prometheus alerting rules as objects: the generator renders them into provisioning/ (with the
 * catalog defaults) and Setup into a downloadable file (with the org's choices). No YAML here:
 * this module ships in the browser bundle.
 */

/** One alerting rule in a Prometheus rule file. */
export interface PrometheusAlertRule {
  alert: string;
  expr: string;
  /** Left out when the alert fires at once (`0s`), as Prometheus writes it. */
  for?: string;
  labels: Record<string, string>;
  annotations: RuleAnnotations;
}

export interface PrometheusRuleGroup {
  name: string;
  rules: PrometheusAlertRule[];
}

export interface PrometheusRuleFile {
  groups: PrometheusRuleGroup[];
}

/**
 * The alert's full PromQL: `(query) <cmp> threshold and (filter)…`. The query is parenthesised
 * because it may contain a top-level `and`/`unless`/`or`, which bind looser than the comparison;
 * the filters because they may too. A comparison binds tighter than `and`, so the result reads
 * `((query) < t) and (f1) and (f2)`: filters narrow which series fire, the value stays the query's.
 */
export function buildPrometheusExpr(
  exporter: ExporterDefinition,
  alert: AlertDefinition,
  overrides?: ThresholdOverrides,
  ctx: QueryContext = alertContext(),
  replicaLabels: readonly string[] = REPLICA_LABELS
): string {
  const threshold = alertThreshold(exporter, alert, overrides);
  const filters = (alert.filters ?? []).map((filter) => ` and (${filter(ctx)})`).join('');
  return withoutReplicaLabels(
    `(${alert.query(ctx)}) ${alert.comparison} ${formatPromqlNumber(threshold)}${filters}`,
    alert.comparison,
    replicaLabels
  );
}

/** The rule group for one exporter's pack, as a Prometheus rule file holds it. */
export function prometheusRuleGroups(
  exporter: ExporterDefinition,
  options: AlertRenderOptions = {}
): PrometheusRuleFile {
  assertUniqueAlerts(exporter);
  const ctx = alertContext(options.selector, options.replicaLabels, options.clusterLabel);
  return {
    groups: [
      {
        name: ruleGroupName(exporter),
        rules: exporter.alerts.map((alert) => prometheusAlertRule(exporter, alert, options, ctx)),
      },
    ],
  };
}

function prometheusAlertRule(
  exporter: ExporterDefinition,
  alert: AlertDefinition,
  options: AlertRenderOptions,
  ctx: QueryContext
): PrometheusAlertRule {
  return {
    alert: alert.name,
    expr:
      perTargetComparison(exporter, alert, options, ctx)?.expr ??
      buildPrometheusExpr(exporter, alert, options.overrides, ctx, options.replicaLabels),
    ...(isZeroDuration(alert.for) ? {} : { for: alert.for }),
    labels: ruleLabels(exporter, alert),
    annotations: ruleAnnotations(exporter, alert),
  };
}

export function isZeroDuration(duration: string): boolean {
  return /^0+[a-z]*$/.test(duration.trim());
}
