import {
  alertTargetBounds,
  resolveThresholdValue,
  type TargetOverride,
  type ThresholdOverrides,
} from '../catalog/thresholds';
import { alertContext, joinMatchers, REPLICA_LABELS, withoutReplicaLabels } from '../catalog/promql';
import type { AlertDefinition, ExporterDefinition, QueryContext } from '../catalog/types';
import { alertRunbookUrl, exporterDashboardUrl } from '../catalog/links';
import { assertLabelsOnlyTemplate } from './templates';

/**
 * What Prometheus rules and Grafana rules share: names, labels, annotations and the threshold
 * value. Both generators read it from here so the two forms of one alert cannot drift apart.
 */

/** Options common to both rule generators. */
export interface AlertRenderOptions {
  /** Setup's threshold overrides, keyed `<exporter>.<threshold>`. */
  overrides?: ThresholdOverrides;
  /** Setup's per-target overrides, in precedence order (see `TargetOverride`). */
  targetOverrides?: readonly TargetOverride[];
  /**
   * Label matchers narrowing every selector (see `QueryContext.selector`). Must already be
   * escaped: build it with `matcher()`/`joinMatchers()` from catalog/promql.ts.
   */
  selector?: string;
  /**
   * Labels that tell HA replicas apart, dropped from every alert so an HA pair (or a global store
   * holding both replicas) alerts once per target. Default: `REPLICA_LABELS`; `[]` keeps them.
   */
  replicaLabels?: readonly string[];
  /**
   * The app's cluster label, kept by every aggregation and join so a global store holding several
   * clusters alerts per cluster and says which. Default: `cluster`.
   */
  clusterLabel?: string;
}

export const RULE_UID_MAX_LENGTH = 40;
const RULE_UID_CHARSET = /^[a-zA-Z0-9_-]+$/;

/** The rule group of an exporter's pack, the same name in Prometheus and Grafana. */
export function ruleGroupName(exporter: ExporterDefinition): string {
  return `fsm-${exporter.id}`;
}

/** `fsm-<exporter>-<alert>`: stable forever, users link to it. Throws if Grafana would refuse it. */
export function ruleUid(exporter: ExporterDefinition, alert: AlertDefinition): string {
  const uid = `fsm-${exporter.id}-${alert.id}`;
  if (uid.length > RULE_UID_MAX_LENGTH) {
    throw new Error(
      `Rule uid "${uid}" is ${uid.length} characters; Grafana allows ${RULE_UID_MAX_LENGTH}. Shorten the id of alert "${alert.id}" in exporter "${exporter.id}".`
    );
  }
  if (!RULE_UID_CHARSET.test(uid)) {
    throw new Error(
      `Rule uid "${uid}" may only contain letters, digits, "-" and "_". Fix the id of alert "${alert.id}" or exporter "${exporter.id}".`
    );
  }
  return uid;
}

export function ruleLabels(exporter: ExporterDefinition, alert: AlertDefinition): Record<string, string> {
  return { severity: alert.severity, layer: exporter.layer, exporter: exporter.id };
}

export interface RuleAnnotations extends Record<string, string> {
  summary: string;
  description: string;
  runbook_url: string;
  dashboard_url: string;
}

/** Annotation templates; throws if a summary or description uses more than `{{ $labels.<name> }}`. */
export function ruleAnnotations(exporter: ExporterDefinition, alert: AlertDefinition): RuleAnnotations {
  const where = (field: string) => `The ${field} of alert "${alert.id}" in exporter "${exporter.id}"`;
  assertLabelsOnlyTemplate(alert.summary, where('summary'));
  assertLabelsOnlyTemplate(alert.description, where('description'));
  return {
    summary: alert.summary,
    description: alert.description,
    runbook_url: alertRunbookUrl(exporter, alert),
    dashboard_url: exporterDashboardUrl(exporter),
  };
}

/** The bound the alert compares against, with overrides; throws on a value PromQL cannot compare to. */
export function alertThreshold(
  exporter: ExporterDefinition,
  alert: AlertDefinition,
  overrides?: ThresholdOverrides
): number {
  const value = resolveThresholdValue(exporter, alert.threshold, overrides);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(
      `Alert "${alert.id}" in exporter "${exporter.id}" resolved to threshold ${String(value)}; enter a finite number.`
    );
  }
  return value;
}

/** Rejects duplicate ids or names inside one pack: Grafana refuses duplicate uids and titles, and two Prometheus alerts of one name cannot be told apart. */
export function assertUniqueAlerts(exporter: ExporterDefinition): void {
  const seenIds = new Set<string>();
  const seenNames = new Set<string>();
  for (const alert of exporter.alerts) {
    if (seenIds.has(alert.id)) {
      throw new Error(`Exporter "${exporter.id}" declares alert id "${alert.id}" twice; alert ids must be unique.`);
    }
    if (seenNames.has(alert.name)) {
      throw new Error(
        `Exporter "${exporter.id}" declares alert name "${alert.name}" twice; Grafana needs unique titles in a folder.`
      );
    }
    seenIds.add(alert.id);
    seenNames.add(alert.name);
  }
}

/**
 * The value an alert compares: the query narrowed by the filters, without the comparison, over
 * the HA replicas. Parenthesised parts because a query or filter may hold a top-level
 * `and`/`unless`/`or`, which bind looser than the comparison.
 */
export function alertValueExpr(
  alert: AlertDefinition,
  ctx: QueryContext = alertContext(),
  replicaLabels: readonly string[] = REPLICA_LABELS
): string {
  const filters = alert.filters ?? [];
  const expr =
    filters.length === 0
      ? alert.query(ctx)
      : [alert.query(ctx), ...filters.map((filter) => filter(ctx))].map((part) => `(${part})`).join(' and ');
  return withoutReplicaLabels(expr, alert.comparison, replicaLabels);
}

/** A number as PromQL reads it; JavaScript's shortest round-trip form (`0.05`, `1e+21`) is valid PromQL. */
export function formatPromqlNumber(value: number): string {
  if (!Number.isFinite(value)) {
    throw new Error(`Cannot compare against ${value} in PromQL: thresholds must be finite numbers.`);
  }
  return String(value);
}

/** An alert with per-target thresholds: the PromQL that selects the firing series, and a bound all of them pass. */
export interface PerTargetComparison {
  /** Returns exactly the series past their own threshold, with the alert's value. */
  expr: string;
  /** The loosest bound in the direction of trouble (the lowest for `>`, the highest for `<`). */
  bound: number;
}

/**
 * The comparison of an alert whose threshold has per-target overrides, or undefined when none
 * concerns it. With V the value and S_i the value with override i's matchers added to every
 * selector (so S_i has exactly the series of V that override i selects, with the same labels):
 *
 *   (V > t_1 and S_1) or (V > t_2 and S_2 unless S_1) or … or (V > default unless S_1 unless S_2 …)
 *
 * Each series is compared with the bound of the first override that selects it, or the default
 * when none does, and with no other: `unless` takes it out of every later term. Set operations
 * match on labels, not values, so NaN or ±Inf values cannot move a series between terms (as
 * `S * 0 + t` threshold vectors would). Prometheus and Grafana rules use this same expression, so
 * the promtool cases in tests/promtool/ prove both.
 */
export function perTargetComparison(
  exporter: ExporterDefinition,
  alert: AlertDefinition,
  options: AlertRenderOptions,
  ctx: QueryContext = alertContext(options.selector, options.replicaLabels, options.clusterLabel)
): PerTargetComparison | undefined {
  const targets = alertTargetBounds(exporter, alert, options.overrides, options.targetOverrides);
  if (targets.length === 0) {
    return undefined;
  }
  if ((alert.noDataState ?? 'OK') !== 'OK') {
    // The expression returns nothing while all is well: "no data" would be the healthy state.
    throw new Error(
      `Alert "${alert.id}" in exporter "${exporter.id}" treats no data as ${alert.noDataState}; it cannot take per-target thresholds.`
    );
  }
  const replicaLabels = options.replicaLabels ?? REPLICA_LABELS;
  const value = `(${alertValueExpr(alert, ctx, replicaLabels)})`;
  const selected = targets.map(
    (t) =>
      `(${alertValueExpr(
        alert,
        {
          ...ctx,
          selector: joinMatchers(ctx.selector, t.selector),
          fleetSelector: joinMatchers(ctx.fleetSelector, t.selector),
        },
        replicaLabels
      )})`
  );
  const fallback = alertThreshold(exporter, alert, options.overrides);
  const term = (bound: number, selectedBy: string | undefined, claimedBefore: string[]) =>
    `(${value} ${alert.comparison} ${formatPromqlNumber(bound)}${selectedBy ? ` and ${selectedBy}` : ''}${claimedBefore
      .map((s) => ` unless ${s}`)
      .join('')})`;
  const expr = [
    ...targets.map((t, i) => term(t.value, selected[i], selected.slice(0, i))),
    term(fallback, undefined, selected),
  ].join(' or ');
  const bounds = [fallback, ...targets.map((t) => t.value)];
  return { expr, bound: alert.comparison === '>' ? Math.min(...bounds) : Math.max(...bounds) };
}
