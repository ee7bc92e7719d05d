/**
 * Every "stays quiet" promtool case proves something: it stays quiet because the alert's condition
 * rejects data that is there, not because there is nothing to judge.
 *
 *   npx tsx scripts/check-quiet-cases-decide.ts      (scripts/check-rules.sh runs it; needs promtool on PATH)
 *
 * For each exporter, the generated promtool tests run against a mutant of its rule file in which
 * every alert fires on any value of its query (no comparison, no filters, no `for`). A quiet case
 * that still passes then had no value of the query to reject at its evaluation time. That is right
 * only for an alert whose query selects the bad state itself (a BGP session not Established, a
 * partition without a leader); such a case must then hold series of a metric the query reads, the
 * healthy state the selector turns away (or, listed in LOOK_ALIKES, the look-alike its family sends
 * instead). A case with none of these fails this check, naming the alert.
 * (A quiet case evaluated after its fault has passed is not caught here: RabbitMQ's was such.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EXPORTERS } from '../src/catalog';
import { promqlNames } from '../src/catalog/evidence/promql-names';
import { PROMTOOL_CASES } from '../src/catalog/promtool-cases';
import { alertValueExpr } from '../src/alerting/rule-metadata';
import { alertContext } from '../src/catalog/promql';
import { renderPrometheusRuleFile, renderPromtoolTests } from '../src/generate/prometheus-rules';
import { promtoolTest } from '../tests/support/promtool';

/**
 * Quiet cases whose series are a look-alike the rule must not read: their family emits no series of
 * the rule's metrics, and the case holds what it emits instead, so a rule that started to read it
 * would fail them.
 */
const LOOK_ALIKES: Record<string, string> = {
  'MongodbMemberNotServing stays quiet (mongodb_exporter 0.20.5 – 0.53 with --compatible-mode, standalone)':
    'a standalone in compatible mode sends mongodb_mongod_replset_my_state 6 (UNKNOWN), no replica set state',
  'MongodbPrimaryElected stays quiet (mongodb_exporter 0.20.5 – 0.53 with --compatible-mode, standalone)':
    'a standalone in compatible mode sends mongodb_mongod_replset_my_state 6 (UNKNOWN), no replica set state',
};

interface PromtoolTest {
  name: string;
  input_series: Array<{ series: string }>;
  alert_rule_test: Array<{ alertname: string }>;
}

/** Names of the tests promtool reports as failed (`name: <test name>,` lines of its FAILED blocks). */
async function failedTests(dir: string, name: string, test: object): Promise<Set<string>> {
  const { ok, output } = await promtoolTest(dir, name, test);
  const names = [...output.matchAll(/^\s+name: (.*),$/gm)].map((m) => m[1]);
  if (!ok && names.length === 0) {
    throw new Error(`promtool failed on ${name}'s quiet cases without naming a failed test:\n${output}`);
  }
  return new Set(names);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fsm-quiet-cases-'));
  const problems: string[] = [];
  let quietCases = 0;
  let bySelector = 0;
  try {
    for (const exporter of EXPORTERS.filter((e) => e.alerts.length > 0)) {
      const rules = parse(renderPrometheusRuleFile(exporter));
      rules.groups[0].rules.forEach((rule: Record<string, unknown>, i: number) => {
        rule.expr = alertValueExpr({ ...exporter.alerts[i], filters: [] });
        rule.for = '0s';
        delete rule.keep_firing_for;
      });
      const ruleFile = join(dir, `${exporter.id}.rules.yml`);
      writeFileSync(ruleFile, JSON.stringify(rules));
      const tests = parse(renderPromtoolTests(exporter, PROMTOOL_CASES[exporter.id] ?? {}, ruleFile));
      const quiet = (tests.tests as PromtoolTest[]).filter((t) => t.name.includes('stays quiet'));
      if (new Set(quiet.map((t) => t.name)).size !== quiet.length) {
        throw new Error(
          `${exporter.id}: two quiet promtool cases share a name, so promtool's report cannot tell them apart`
        );
      }
      const failed = await failedTests(dir, exporter.id, { ...tests, tests: quiet });
      quietCases += quiet.length;
      for (const test of quiet.filter((t) => !failed.has(t.name))) {
        bySelector++;
        const alert = exporter.alerts.find((a) => a.name === test.alert_rule_test[0].alertname)!;
        const reads = new Set(promqlNames(alert.query(alertContext())).metrics);
        const held = test.input_series.some((s) => reads.has(s.series.split('{')[0]));
        if (!held && !(test.name in LOOK_ALIKES)) {
          problems.push(
            `${exporter.id}: "${test.name}" holds no series of ${[...reads].join(', ')}: it is quiet for lack of data, whatever the rule`
          );
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (problems.length > 0) {
    console.error(
      `check-quiet-cases-decide: ${problems.length} quiet case(s) prove nothing:\n  ${problems.join('\n  ')}`
    );
    process.exit(1);
  }
  console.log(
    `check-quiet-cases-decide: ${quietCases} quiet cases; ${quietCases - bySelector} stay quiet by the comparison on data that is there, ${bySelector} by a selector that turns away series they hold`
  );
}

main().catch((err: Error) => {
  console.error(`check-quiet-cases-decide: ${err.message}`);
  process.exit(1);
});
