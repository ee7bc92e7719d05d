// Writes the alert packs as a Grafana file-provisioning YAML (apiVersion: 1, groups:), from the
// same desired-state code as the Setup page.
//
//   npx tsx scripts/export-grafana-alerting.ts --datasource-uid prom [--exporters node,postgres]
//       [--folder-title "Full-Stack Monitoring"] [--interval 60] [--overrides overrides.json]
//       [--target-overrides target-overrides.json] [--job node] [--format grafana|prometheus]
//       [--replica-labels replica,prometheus_replica] [--cluster-label cluster] [--out provisioning/alerting/fsm.yaml]
//
// --target-overrides: a JSON list of per-target thresholds, first match wins, e.g.
//   [{"threshold": "node.filesystemFree", "matchers": [{"label": "instance", "op": "=~", "value": "db-.*"}], "warning": 10}]
// --replica-labels: the labels that tell HA replicas apart, as set in the app's configuration (default:
//   replica, prometheus_replica). Rules aggregate them away, as Setup's rules do with the configured ones;
//   an export that kept the defaults while the replicas carry another label would alert once per replica.
// --cluster-label: the app's cluster label (default: cluster). Every aggregation keeps it, as Setup's rules do, so
//   a store holding several clusters alerts per cluster and says which.
// --format prometheus writes a Prometheus rule file (the same rules, for alerts evaluated by Prometheus).
//
// Without --exporters, every pack that has alert rules is exported. Without --out, YAML goes to stdout.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildDesiredState, exportersWithAlerts, SetupChoiceError, type LabelFilterChoice } from '../src/engine';
import { alertingProvisioningYaml } from '../src/generate/export-provisioning';
import { setupPrometheusRuleFile } from '../src/engine/prometheus-rule-file';
import { loadRegexEngine } from '../src/utils/re2';
import { labelNameError, parseReplicaLabels } from '../src/utils/prometheusLabel';
import { DEFAULT_CLUSTER_LABEL } from '../src/constants';
import { stringify } from 'yaml';

async function main(): Promise<number> {
  // Regex matchers of per-target thresholds are checked with RE2, as Setup checks them.
  await loadRegexEngine();
  const { values } = parseArgs({
    options: {
      'datasource-uid': { type: 'string' },
      exporters: { type: 'string' },
      'folder-title': { type: 'string' },
      interval: { type: 'string' },
      overrides: { type: 'string' },
      'target-overrides': { type: 'string' },
      format: { type: 'string' },
      job: { type: 'string', multiple: true },
      'replica-labels': { type: 'string' },
      'cluster-label': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values['datasource-uid']) {
    process.stderr.write(
      'usage: npx tsx scripts/export-grafana-alerting.ts --datasource-uid <uid> [--exporters a,b] [--folder-title T] [--interval 60] [--overrides file.json] [--target-overrides file.json] [--job name]... [--format grafana|prometheus] [--replica-labels a,b] [--cluster-label name] [--out file]\n'
    );
    return values.help ? 0 : 2;
  }
  const exporterIds = values.exporters
    ? values.exporters
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : exportersWithAlerts().map((e) => e.id);
  const labelFilters: LabelFilterChoice[] =
    values.job && values.job.length > 0 ? [{ label: 'job', values: values.job }] : [];
  if (values.format !== undefined && values.format !== 'grafana' && values.format !== 'prometheus') {
    process.stderr.write(`--format ${values.format}: use grafana (the default) or prometheus\n`);
    return 2;
  }
  // Checked as the app settings check them.
  const clusterLabel = values['cluster-label'] ?? DEFAULT_CLUSTER_LABEL;
  const clusterLabelError = labelNameError(clusterLabel);
  if (clusterLabelError) {
    process.stderr.write(`--cluster-label: "${clusterLabel}": ${clusterLabelError}\n`);
    return 2;
  }
  const replicaLabels =
    values['replica-labels'] === undefined ? undefined : parseReplicaLabels(values['replica-labels'], clusterLabel);
  if (replicaLabels?.error) {
    process.stderr.write(`--replica-labels: ${replicaLabels.error}\n`);
    return 2;
  }
  try {
    const choices = {
      exporterIds,
      datasourceUid: values['datasource-uid'],
      folderTitle: values['folder-title'],
      intervalSeconds: values.interval === undefined ? undefined : Number(values.interval),
      overrides: values.overrides ? JSON.parse(readFileSync(values.overrides, 'utf8')) : undefined,
      targetOverrides: values['target-overrides']
        ? JSON.parse(readFileSync(values['target-overrides'], 'utf8'))
        : undefined,
      labelFilters,
      replicaLabels: replicaLabels?.labels,
      clusterLabel,
      // Provenance is not part of the file format: file-provisioned rules always have provenance "file".
      editable: false,
    };
    const desired = buildDesiredState(choices);
    const yaml =
      values.format === 'prometheus'
        ? `# Prometheus alert rules from Full-Stack Monitoring (generated: edit the choices, not this file).\n${stringify(setupPrometheusRuleFile(choices), { lineWidth: 0 })}`
        : alertingProvisioningYaml(desired);
    if (values.out) {
      writeFileSync(values.out, yaml);
      const rules = desired.groups.reduce((n, g) => n + g.rules.length, 0);
      process.stderr.write(`wrote ${values.out}: ${desired.groups.length} groups, ${rules} rules\n`);
    } else {
      process.stdout.write(yaml);
    }
    for (const skipped of desired.skippedExporters) {
      process.stderr.write(`skipped ${skipped.exporterId}: ${skipped.reason}\n`);
    }
    return 0;
  } catch (err) {
    if (err instanceof SetupChoiceError) {
      for (const problem of err.problems) {
        process.stderr.write(`${problem.field}: ${problem.message}\n`);
      }
      return 1;
    }
    throw err;
  }
}

main().then((code) => {
  process.exitCode = code;
});
