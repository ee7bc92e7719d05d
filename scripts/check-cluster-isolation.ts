/**
 * Every alert keeps clusters apart on a store holding several (Thanos, Mimir, remote write, a Grafana-managed rule
 * over one datasource), on the rules Setup writes for an app whose cluster label is `k8s_cluster`.
 *
 *   npx tsx scripts/check-cluster-isolation.ts               (scripts/check-rules.sh runs it; needs promtool on PATH)
 *   npx tsx scripts/check-cluster-isolation.ts truenas node  (only these packs)
 *
 * For each fire/quiet pair of promtool cases (every family's):
 * - the fire case sent by two clusters, its series labelled k8s_cluster="a" and again "b", must fire its alert once
 *   per cluster, each carrying its cluster: an aggregation without the cluster label, an `on ()` join, `absent()`,
 *   `vector()` or `count()` across the store fires once for both (or not at all) and says no cluster;
 * - the fire case in cluster "a" beside the quiet case in cluster "b" must fire for "a" only: a `max`, `topk` or
 *   comparison across clusters lets one cluster's fault or health decide for the other.
 * The two cases of a pair are evaluated at one time: the one evaluated earlier has its series start later by the
 * difference (that many missing samples before them, `_xN`), so both are as old at the evaluation as in their own
 * test. That holds unless the series hold absolute times (a boot or push timestamp that `time()` is compared with):
 * each shifted case is also run alone, and where it no longer behaves as in its own test the pair is skipped (and
 * named), as the timings do not allow it.
 * A case whose series already tell clusters apart by the default label `cluster` (written for the default rules)
 * has it renamed: its cluster "prod" becomes k8s_cluster="a-prod" in cluster copy "a".
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prometheusRuleGroups } from '../src/alerting/prometheus-rules';
import { EXPORTERS, type ExporterDefinition } from '../src/catalog';
import { PROMTOOL_CASES } from '../src/catalog/promtool-cases';
import type { AlertTestCase } from '../src/catalog/types';
import { DEFAULT_CLUSTER_LABEL } from '../src/constants';
import { expectedAlert, familySuffix, promtoolCasePairs, withLabel } from '../src/generate/prometheus-rules';
import { promDurationMs } from '../src/utils/durations';
import { promtoolTest, runPromtoolCheck } from '../tests/support/promtool';

const CLUSTER_LABEL = 'k8s_cluster';

// `cluster="prod"` as a case writes it: at the start of the label set or after a comma, never `k8s_cluster=`.
const CASE_CLUSTER = new RegExp(`([{,]\\s*)${DEFAULT_CLUSTER_LABEL}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`);

/** The case's series as cluster `copy` sends them, `shift` minutes later than in its own test. */
function inCluster(series: AlertTestCase['series'], copy: string, shift = 0): AlertTestCase['series'] {
  return series.map(({ series: one, values }) => ({
    series: CASE_CLUSTER.test(one)
      ? one.replace(CASE_CLUSTER, (_, before: string, value: string) => `${before}${CLUSTER_LABEL}="${copy}-${value}"`)
      : withLabel(one, CLUSTER_LABEL, copy),
    // `_xN` is exactly N missing samples (prometheus promql/parser/generated_parser.y, `BLANK TIMES uint` appends N
    // where `vxN` appends N+1), one a minute at interval 1m.
    values: shift > 0 ? `_x${shift} ${values}` : values,
  }));
}

/** The labels the fire case's alert carries in cluster `copy`. */
function labelsInCluster(labels: Record<string, string>, copy: string): Record<string, string> {
  const { [DEFAULT_CLUSTER_LABEL]: caseCluster, ...rest } = labels;
  return { ...rest, [CLUSTER_LABEL]: caseCluster === undefined ? copy : `${copy}-${caseCluster}` };
}

function minutes(evalTime: string): number | undefined {
  const ms = promDurationMs(evalTime);
  return ms !== undefined && ms % 60_000 === 0 ? ms / 60_000 : undefined;
}

/**
 * Alerts that fire once for the whole store by design, with why: the check holds them to exactly that (one alert,
 * no cluster label, on two clusters' series) instead of one per cluster.
 */
const ONE_FOR_ALL: Record<string, string> = {
  PrometheusWatchdog:
    "a dead-man's switch for the rule evaluator and the notification path, of which a store has one whatever the " +
    'clusters it holds (vector(1) reads no series); each Prometheus evaluating its own rule file still sends one ' +
    'with its external cluster label',
};

interface Job {
  exporter: ExporterDefinition;
  alert: ExporterDefinition['alerts'][number];
  /** The pack's rule group as Setup's download writes it for an app with this cluster label. */
  group: ReturnType<typeof prometheusRuleGroups>['groups'][number];
  pairs: ReturnType<typeof promtoolCasePairs>;
}

/** One job per alert, each with only its rule: promtool evaluates every rule of the file at every minute. */
function jobs(): Job[] {
  const only = process.argv.slice(2);
  const unknown = only.filter((id) => !EXPORTERS.some((e) => e.id === id));
  if (unknown.length > 0) {
    throw new Error(`no pack ${unknown.join(', ')}; packs: ${EXPORTERS.map((e) => e.id).join(', ')}`);
  }
  return EXPORTERS.filter((e) => only.length === 0 || only.includes(e.id)).flatMap((exporter) => {
    const pairs = promtoolCasePairs(exporter, PROMTOOL_CASES[exporter.id] ?? {});
    const [group] = prometheusRuleGroups(exporter, { clusterLabel: CLUSTER_LABEL }).groups;
    return exporter.alerts.map((alert) => ({ exporter, alert, group, pairs: pairs.filter((p) => p.alert === alert) }));
  });
}

async function check(dir: string, { exporter, alert, group, pairs }: Job): Promise<string[]> {
  const rule = group.rules.find((r) => r.alert === alert.name);
  if (!rule) {
    throw new Error(`${exporter.id}: no rule ${alert.name} in the rules written for ${CLUSTER_LABEL}`);
  }
  const ruleFile = join(dir, `${rule.alert}.rules.yml`);
  // JSON is YAML: the rule alone, in its group.
  writeFileSync(ruleFile, JSON.stringify({ groups: [{ ...group, rules: [rule] }] }));
  const oneForAll = ONE_FOR_ALL[alert.name];
  const meaning = new Map<string, string>();
  /** Side-by-side tests, each with the controls that must pass for its verdict to count. */
  const sideBySide = new Map<string, string[]>();
  const test = (name: string, series: AlertTestCase['series'], evalTime: string, exp: object[]) => ({
    name,
    interval: '1m',
    input_series: series,
    alert_rule_test: [{ eval_time: evalTime, alertname: alert.name, exp_alerts: exp }],
  });
  const tests = pairs.flatMap(({ family, fires, quiet }) => {
    const base = `${alert.name}${familySuffix(family)}`;
    const expected = (copy: string) => expectedAlert(exporter, alert, labelsInCluster(fires.labels ?? {}, copy), rule);
    const twoClusters = [...inCluster(fires.series, 'a'), ...inCluster(fires.series, 'b')];
    if (oneForAll) {
      const once = `${base}: fires once, for the whole store, on the fire case sent by clusters a and b`;
      meaning.set(once, `${base} (one for all clusters: ${oneForAll}) does not fire exactly once`);
      return [test(once, twoClusters, fires.evalTime, [expectedAlert(exporter, alert, fires.labels ?? {}, rule)])];
    }
    const both = `${base}: fires once per cluster, with its ${CLUSTER_LABEL}, on the fire case sent by a and b`;
    meaning.set(both, `${base} does not fire once per cluster, each with its ${CLUSTER_LABEL}`);
    const out = [test(both, twoClusters, fires.evalTime, [expected('a'), expected('b')])];

    const fireAt = minutes(fires.evalTime);
    const quietAt = minutes(quiet.evalTime);
    if (fireAt === undefined || quietAt === undefined) {
      throw new Error(`${exporter.id}: ${base}: an evaluation time is no whole number of minutes`);
    }
    const last = Math.max(fireAt, quietAt);
    const [fireShift, quietShift] = [last - fireAt, last - quietAt];
    const side = `${base}: fires for cluster a only, its fire case beside cluster b's quiet case at ${last}m`;
    meaning.set(side, `${base} does not fire for cluster a only, its fire case beside cluster b's quiet case`);
    const seriesSide = [...inCluster(fires.series, 'a', fireShift), ...inCluster(quiet.series, 'b', quietShift)];
    out.push(test(side, seriesSide, `${last}m`, [expected('a')]));
    const controls: string[] = [];
    if (fireShift > 0) {
      const control = `${base}: control: its fire case, ${fireShift} minutes later, fires alone in cluster a`;
      controls.push(control);
      out.push(test(control, inCluster(fires.series, 'a', fireShift), `${last}m`, [expected('a')]));
    }
    if (quietShift > 0) {
      const control = `${base}: control: its quiet case, ${quietShift} minutes later, stays quiet alone in cluster b`;
      controls.push(control);
      out.push(test(control, inCluster(quiet.series, 'b', quietShift), `${last}m`, []));
    }
    sideBySide.set(side, controls);
    return out;
  });

  const { ok, output } = await promtoolTest(dir, `${rule.alert}-cluster-isolation`, {
    rule_files: [ruleFile],
    evaluation_interval: '1m',
    tests,
  });
  // promtool 2.42 (cmd/promtool/unittest.go) writes each failed alert test as `    name: <test>,` then its
  // alertname and exp/got lists; an evaluation error as `    rule: <alert>, time: …, err: …` with no test name (it
  // ends that test).
  const failed = new Map<string, string>();
  const problems: string[] = [];
  let parsed = 0;
  for (const chunk of ok ? [] : output.split(/^(?= {4}(?:name|rule): )/m)) {
    const failure = /^ {4}name: (.*),\n/.exec(chunk);
    const error = /^ {4}rule: (\S+), time: (\S+), err: (.*)/.exec(chunk);
    parsed += failure || error ? 1 : 0;
    if (failure) {
      failed.set(failure[1], chunk.slice(failure[0].length).trimEnd());
    } else if (error) {
      problems.push(
        `${exporter.id}: ${error[1]} fails to evaluate at ${error[2]} on two clusters' series: ${error[3]}`
      );
    }
  }
  for (const [name, controls] of sideBySide) {
    if (controls.some((c) => failed.has(c))) {
      // The shifted case alone does not behave as in its own test (its series hold absolute times): no verdict.
      failed.delete(name);
      controls.forEach((c) => failed.delete(c));
      process.stdout.write(`${exporter.id}: skipped, the timings do not allow it: ${name}\n`);
    }
  }
  for (const [name, body] of failed) {
    problems.push(`${exporter.id}: ${meaning.get(name) ?? name}\n${body}`);
  }
  if (!ok && parsed === 0) {
    problems.push(`${exporter.id}: promtool failed on ${alert.name}:\n${output.slice(0, 2000)}`);
  }
  return problems;
}

runPromtoolCheck('check-cluster-isolation', jobs, check, (all) => {
  const packs = new Set(all.map((j) => j.exporter.id)).size;
  return (
    `the fire cases of ${all.length} alerts in ${packs} packs fire once per cluster, and for their own cluster only ` +
    `beside another's quiet case (cluster label ${CLUSTER_LABEL}; ${Object.keys(ONE_FOR_ALL).join(', ')} once for all)`
  );
});
