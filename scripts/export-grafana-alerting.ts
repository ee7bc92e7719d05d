// Writes the alert packs as a Grafana file-provisioning YAML (apiVersion: 1, groups:), from the
// same desired-state code as the Setup page.
//
//   npx tsx scripts/export-grafana-alerting.ts --datasource-uid prom [--exporters node,postgres]
//       [--folder-title "Full-Stack Monitoring"] [--interval 60] [--overrides overrides.json]
//       [--job node] [--out provisioning/alerting/fsm.yaml]
//
// Without --exporters, every pack that has alert rules is exported. Without --out, YAML goes to stdout.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  buildDesiredState,
  exportersWithAlerts,
  SetupChoiceError,
  type LabelFilterChoice,
} from '../src/engine';
import { alertingProvisioningYaml } from '../src/generate/export-provisioning';

function main(): number {
  const { values } = parseArgs({
    options: {
      'datasource-uid': { type: 'string' },
      exporters: { type: 'string' },
      'folder-title': { type: 'string' },
      interval: { type: 'string' },
      overrides: { type: 'string' },
      job: { type: 'string', multiple: true },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values['datasource-uid']) {
    process.stderr.write(
      'usage: npx tsx scripts/export-grafana-alerting.ts --datasource-uid <uid> [--exporters a,b] [--folder-title T] [--interval 60] [--overrides file.json] [--job name]... [--out file]\n'
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
  try {
    const desired = buildDesiredState({
      exporterIds,
      datasourceUid: values['datasource-uid'],
      folderTitle: values['folder-title'],
      intervalSeconds: values.interval === undefined ? undefined : Number(values.interval),
      overrides: values.overrides ? JSON.parse(readFileSync(values.overrides, 'utf8')) : undefined,
      labelFilters,
      // Provenance is not part of the file format: file-provisioned rules always have provenance "file".
      editable: false,
    });
    const yaml = alertingProvisioningYaml(desired);
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

process.exitCode = main();
