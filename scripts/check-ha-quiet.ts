/**
 * Every quiet promtool case stays quiet when an HA pair of Prometheus servers sends it, told apart by a replica
 * label of the app's choosing.
 *
 *   npx tsx scripts/check-ha-quiet.ts      (scripts/check-rules.sh runs it; needs promtool on PATH)
 *
 * The generated promtool tests prove each firing case once per HA pair under the default replica labels; this
 * proves the other half, on the rules Setup writes for an app whose replica label is `dc_replica`: series on which
 * one server keeps an alert quiet, sent once per replica, must keep it quiet too. An alert that counts targets
 * across replicas (one MASTER seen twice is split brain; every Alertmanager member seen twice, a cluster that does
 * not see half its members) or names the default replica labels instead of the app's fires here for ever.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prometheusRuleGroups } from '../src/alerting/prometheus-rules';
import { EXPORTERS, type ExporterDefinition } from '../src/catalog';
import { PROMTOOL_CASES } from '../src/catalog/promtool-cases';
import { perReplicaSeries, quietPromtoolTests } from '../src/generate/prometheus-rules';
import { firedAlerts } from '../tests/support/healthy-fixture';
import { promtoolTest, runPromtoolCheck } from '../tests/support/promtool';

const REPLICA_LABEL = 'dc_replica';

async function check(dir: string, exporter: ExporterDefinition): Promise<string[]> {
  const ruleFile = join(dir, `fsm-${exporter.id}.rules.yml`);
  // JSON is YAML: the rules as Setup's download writes them for an app with this replica label.
  writeFileSync(ruleFile, JSON.stringify(prometheusRuleGroups(exporter, { replicaLabels: [REPLICA_LABEL] })));
  const tests = quietPromtoolTests(exporter, PROMTOOL_CASES[exporter.id] ?? {}).map(({ alert, quiet }) => ({
    name: `${alert.name} stays quiet for an HA pair told apart by ${REPLICA_LABEL}`,
    interval: '1m',
    input_series: perReplicaSeries(quiet.series, REPLICA_LABEL),
    alert_rule_test: [{ eval_time: quiet.evalTime, alertname: alert.name, exp_alerts: [] }],
  }));
  const outcome = await promtoolTest(dir, `${exporter.id}-ha-quiet`, {
    rule_files: [ruleFile],
    evaluation_interval: '1m',
    tests,
  });
  if (outcome.ok) {
    return [];
  }
  const fired = firedAlerts(outcome.output);
  return fired.length > 0
    ? fired.map((alert) => `${exporter.id}: ${alert} fired on a quiet case sent by both replicas`)
    : [`${exporter.id}: promtool failed:\n${outcome.output.slice(0, 2000)}`];
}

runPromtoolCheck(
  'check-ha-quiet',
  () => EXPORTERS.filter((e) => e.alerts.length > 0),
  check,
  (exporters) =>
    `every quiet case of ${exporters.length} packs stays quiet for an HA pair (replica label ${REPLICA_LABEL})`
);
