import { resolveThresholdValue, type ThresholdOverrides } from '../catalog/thresholds';
import type { AlertDefinition, ExporterDefinition } from '../catalog/types';
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
