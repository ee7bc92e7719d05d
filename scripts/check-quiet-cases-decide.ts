/**
 * Every "stays quiet" promtool case proves something: it stays quiet because the rule rejects what its
 * series hold at its evaluation time, not because there is nothing to judge then.
 *
 *   npx tsx scripts/check-quiet-cases-decide.ts          (scripts/check-rules.sh runs it; needs promtool on PATH)
 *   npx tsx scripts/check-quiet-cases-decide.ts --list   (also prints why each case is quiet)
 *
 * Each exporter's quiet cases run against mutants of its rules (tests/support/quiet-probes.ts says how
 * and why): a case whose series hold a fault (where the rule would fire with no `for` and its windows
 * read at their worst sample) must be evaluated inside it, where only `for` or the window keeps the rule
 * quiet (or a filter turns the fault away, or the case says in `afterFault` why it is about the time
 * after); a case on healthy series must have a value of the query, held for the rule's `for`, for the
 * comparison to reject. A query that selects the bad state itself has no value on healthy series:
 * its case must then hold series of a metric the query reads (or, listed in LOOK_ALIKES, the look-alike
 * its family sends instead), there for the whole `for`. A case that fails names its alert and why.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORTERS } from '../src/catalog';
import { promqlNames } from '../src/catalog/evidence/promql-names';
import { PROMTOOL_CASES } from '../src/catalog/promtool-cases';
import type { ExporterDefinition } from '../src/catalog/types';
import { alertValueExpr } from '../src/alerting/rule-metadata';
import { alertContext } from '../src/catalog/promql';
import { buildPrometheusExpr, prometheusRuleGroups, quietPromtoolTests } from '../src/generate/prometheus-rules';
import { twoAtATime } from '../tests/support/promtool';
import { judgeQuietCases, type QuietVerdict } from '../tests/support/quiet-probes';

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

const WHY: Record<Exclude<QuietVerdict['kind'], 'problem'>, string> = {
  comparison: 'by the comparison on values held for their `for`',
  'held-off': 'inside their fault, held off by `for` or by how the rule reads its window',
  filter: 'by a filter that turns away a fault still in view',
  selector: 'by a selector that turns away series they hold',
  'after-fault': 'after their fault, for the reason they give',
};

async function judgeExporter(dir: string, exporter: ExporterDefinition) {
  const [group] = prometheusRuleGroups(exporter).groups;
  const rules = exporter.alerts.map((alert, i) => ({
    alert: alert.name,
    for: group.rules[i].for,
    value: alertValueExpr({ ...alert, filters: [] }),
    condition: group.rules[i].expr,
    unfiltered: alert.filters?.length ? buildPrometheusExpr(exporter, { ...alert, filters: [] }) : undefined,
    reads: promqlNames(alert.query(alertContext())).metrics,
  }));
  const quiet = quietPromtoolTests(exporter, PROMTOOL_CASES[exporter.id] ?? {});
  if (new Set(quiet.map((q) => q.test.name)).size !== quiet.length) {
    throw new Error(
      `${exporter.id}: two quiet promtool cases share a name, so promtool's report cannot tell them apart`
    );
  }
  const verdicts = await judgeQuietCases(
    dir,
    exporter.id,
    rules,
    quiet.map(({ alert, quiet: testCase, test }) => ({
      name: test.name,
      alert: alert.name,
      series: test.input_series,
      evalTime: testCase.evalTime,
      afterFault: testCase.afterFault,
      lookAlike: LOOK_ALIKES[test.name],
    }))
  );
  return [...verdicts].map(([name, verdict]) => ({ exporter: exporter.id, name, verdict }));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fsm-quiet-cases-'));
  const exporters = EXPORTERS.filter((e) => e.alerts.length > 0);
  let results: Array<Awaited<ReturnType<typeof judgeExporter>>[number]>;
  try {
    results = (await twoAtATime(exporters, (e) => judgeExporter(dir, e))).flat();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (process.argv.includes('--list')) {
    for (const r of results) {
      console.log(`${r.exporter}\t${r.verdict.kind}\t${r.name}`);
    }
  }
  const problems = results.filter((r) => r.verdict.kind === 'problem');
  if (problems.length > 0) {
    console.error(
      `check-quiet-cases-decide: ${problems.length} quiet case(s) prove nothing:\n` +
        problems.map((p) => `  ${p.exporter}: "${p.name}": ${p.verdict.problem}`).join('\n')
    );
    process.exit(1);
  }
  const counts = Object.entries(WHY)
    .map(([kind, why]) => `${results.filter((r) => r.verdict.kind === kind).length} ${why}`)
    .join('; ');
  console.log(`check-quiet-cases-decide: ${results.length} quiet cases stay quiet: ${counts}`);
}

main().catch((err: Error) => {
  console.error(`check-quiet-cases-decide: ${err.message}`);
  process.exit(1);
});
