import { EXPORTERS } from '../catalog';
import type { ExporterDefinition } from '../catalog/types';
import { buildDesiredState, type SetupChoices } from './desired-state';
import { prometheusRuleGroups, type PrometheusRuleFile } from '../alerting/prometheus-rules';

/*
 * Setup's choices as a Prometheus rule file, for teams whose alerts run in Prometheus (or Mimir,
 * Thanos Ruler) rather than in Grafana: the same packs, thresholds, per-target overrides and label
 * filters as the Grafana rules Setup writes, checked by the same validation. The files under
 * provisioning/prometheus/rules/ are the catalog defaults; this is the file with the org's choices.
 */

/** Throws SetupChoiceError, as Setup's plan would, when the choices need fixing. */
export function setupPrometheusRuleFile(
  choices: SetupChoices,
  catalog: readonly ExporterDefinition[] = EXPORTERS
): PrometheusRuleFile {
  const desired = buildDesiredState(choices, catalog);
  const chosen = new Set(desired.groups.map((g) => g.exporterId));
  const options = {
    overrides: choices.overrides,
    targetOverrides: (choices.targetOverrides ?? []).filter((o) => chosen.has(o.threshold.split('.')[0])),
    selector: desired.selector,
    replicaLabels: choices.replicaLabels,
    clusterLabel: choices.clusterLabel,
  };
  return {
    groups: catalog.filter((e) => chosen.has(e.id)).flatMap((e) => prometheusRuleGroups(e, options).groups),
  };
}

/**
 * The file's text. JSON is YAML, so Prometheus and promtool read it as a rule file as it is; the
 * page writes JSON to keep a YAML library out of the browser bundle.
 */
export function setupPrometheusRuleFileText(choices: SetupChoices, catalog?: readonly ExporterDefinition[]): string {
  return `${JSON.stringify(setupPrometheusRuleFile(choices, catalog), null, 2)}\n`;
}
