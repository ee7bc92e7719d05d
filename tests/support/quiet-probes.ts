/**
 * Whether a "stays quiet" promtool case proves anything, found by running mutants of its rule on its
 * series (scripts/check-quiet-cases-decide.ts runs it on every case; test- and build-time only).
 *
 * A quiet case passes whenever the rule says nothing at its evaluation time, so it proves something only
 * if a rule that failed at the job would have spoken there. Its series say which job. Their fault is
 * where the rule would fire if it were as eager as it could be: no `for`, and each min_, max_ or
 * avg_over_time window read at its worst sample (its largest or its smallest, whichever fires; the
 * comparison and the filters stay). Where there is a fault, the case is about it; where there is none,
 * the series are healthy data the comparison must reject.
 *
 * - A fault: the case must be evaluated inside it, so only `for` or the way the rule reads its windows
 *   keeps the rule quiet. Evaluated before the fault, or after it has left the rule's windows (the
 *   RabbitMQ case a reviewer found: an outage over before its evaluation), the case would pass with no
 *   `for` and any window. Two ways out: the fault is still in view but one of the alert's filters turns
 *   it away (the eager rule without its filters fires there), or the case says in `afterFault` why it
 *   is about the time after (a kill that has left the rule's 30-minute window; a boot longer ago than the
 *   threshold). A reason on a case evaluated inside its fault, or on one without a fault, is stale and
 *   fails too.
 * - Healthy data: the query must have had a value at every evaluation of the `for` before the case's
 *   time (a rule that fires on any value, with the rule's `for`, fires there). Otherwise the case is
 *   quiet whatever the comparison: no data, or evaluated before `for` could have elapsed. A query that
 *   selects the bad state itself (`state!="Established"`) has no value on healthy data; then the case
 *   must hold series of a metric it reads (or, where its family sends a look-alike, that look-alike),
 *   present at every minute of that `for` too.
 *
 * One promtool run per batch: the mutant that fires on any value is the rule file's alert (promtool
 * names the test when it fires); the eager condition at every minute of the series, the value and the
 * eager unfiltered condition at the evaluation time, and the held series over the `for` are instant
 * queries, tagged with a PromQL comment because promtool names no test on a failed instant query.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { escapeRegexValue } from '../../src/catalog/promql';
import { promDurationMs } from '../../src/utils/durations';
import { promtoolTest } from './promtool';

/** One alert and the mutants of it the cases are run against. */
export interface ProbedRule {
  alert: string;
  /** The rule's `for`; none fires at once. */
  for?: string;
  /** The query without comparison or filters: a rule on it fires on any value. */
  value: string;
  /** The rule's whole condition: comparison and filters. */
  condition: string;
  /** The comparison without the alert's filters, for alerts that have filters. */
  unfiltered?: string;
  /** Metrics the query reads. */
  reads: string[];
}

export interface QuietCase {
  /** The promtool test's name, unique within a batch. */
  name: string;
  alert: string;
  series: Array<{ series: string; values: string }>;
  evalTime: string;
  /** Why the case is about the time after the fault its series hold (AlertTestCase.afterFault). */
  afterFault?: string;
  /** What look-alike the case holds instead of the series the rule reads, when its family sends none of them. */
  lookAlike?: string;
}

/** Why a quiet case is quiet; a problem when that proves nothing. */
export type QuietVerdict =
  | { kind: 'comparison' | 'held-off' | 'filter' | 'selector' | 'after-fault'; problem?: undefined }
  | { kind: 'problem'; problem: string };

/**
 * Minute of the last sample of promtool's expanding notation at a one-minute interval: `a+bxn` and
 * `axn` are n + 1 samples, `_xn` n gaps, anything else one sample.
 */
export function lastSampleMinute(values: string): number {
  let samples = 0;
  for (const item of values.trim().split(/\s+/)) {
    const times = /^(.*)x(\d+)$/.exec(item);
    samples += times ? Number(times[2]) + (times[1] === '_' ? 0 : 1) : 1;
  }
  return samples - 1;
}

function minutes(duration: string): number {
  const ms = promDurationMs(duration);
  if (ms === undefined || ms % 60_000 !== 0) {
    throw new Error(`"${duration}" is no whole number of minutes: the quiet-case probes evaluate every minute`);
  }
  return ms / 60_000;
}

/** "minutes 7–13, 20" */
function spans(list: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < list.length;) {
    let j = i;
    while (j + 1 < list.length && list[j + 1] === list[j] + 1) {
      j++;
    }
    parts.push(i === j ? `${list[i]}` : `${list[i]}–${list[j]}`);
    i = j + 1;
  }
  return `minute${list.length > 1 ? 's' : ''} ${parts.join(', ')}`;
}

/** lezer-promql's tokens of the functions that smooth a window of samples into one. */
const SMOOTHING = new Set(['MinOverTime', 'MaxOverTime', 'AvgOverTime']);

/** `expr` with every min_, max_ and avg_over_time read as `fn`: Prometheus' grammar finds them, not a regex. */
export function smoothedAs(expr: string, fn: 'min_over_time' | 'max_over_time'): string {
  const names: Array<[number, number]> = [];
  const cursor = parser.parse(expr).cursor();
  do {
    if (SMOOTHING.has(cursor.node.type.name)) {
      names.push([cursor.from, cursor.to]);
    }
  } while (cursor.next());
  return names.reduceRight((text, [from, to]) => text.slice(0, from) + fn + text.slice(to), expr);
}

/**
 * The condition as eager as its windows allow: true where it, or it with every window read by its
 * largest sample, or by its smallest, is true. The fault a case holds is where this is true, so a rule
 * that smooths a spike away (`min_over_time(count[2m]) > 0`) still sees the spike as the case's fault.
 */
function eager(condition: string): string {
  const variants = new Set([condition, smoothedAs(condition, 'max_over_time'), smoothedAs(condition, 'min_over_time')]);
  return variants.size === 1 ? condition : [...variants].map((v) => `(${v})`).join(' or ');
}

/** What promtool saw for one case. */
interface Seen {
  /** the rule on any value, with its `for`, fired at the evaluation time */
  heldValue: boolean;
  /** the query had a value at the evaluation time */
  value: boolean;
  /** minutes at which the eager condition held */
  fault: number[];
  /** the eager condition without filters held at the evaluation time */
  unfiltered: boolean;
  /** minutes at which series of the held metrics were present */
  held: number[];
}

/** Runs every case of one batch against the mutants of its rules; a verdict per case name. */
export async function judgeQuietCases(
  dir: string,
  batch: string,
  rules: ProbedRule[],
  cases: QuietCase[]
): Promise<Map<string, QuietVerdict>> {
  const ruleOf = new Map(rules.map((r) => [r.alert, r]));
  const probe = (index: number, kind: string, expr: string, minute: number) => ({
    // promtool names no test when an instant query fails: the comment says whose it is
    expr: `${expr}\n# ${index} ${kind}`,
    eval_time: `${minute}m`,
    exp_samples: [],
  });
  const plans = cases.map((c, index) => {
    const rule = ruleOf.get(c.alert);
    if (!rule) {
      throw new Error(`${batch}: quiet case "${c.name}" is of alert ${c.alert}, which has no rule here`);
    }
    const at = minutes(c.evalTime);
    const pending = rule.for ? minutes(rule.for) : 0;
    const end = Math.max(at, ...c.series.map((s) => lastSampleMinute(s.values)));
    const heldMetrics = [...new Set(c.series.map((s) => s.series.split('{')[0]))].filter(
      (m) => c.lookAlike !== undefined || rule.reads.includes(m)
    );
    const test = {
      name: c.name,
      interval: '1m',
      input_series: c.series,
      alert_rule_test: [{ eval_time: `${at}m`, alertname: c.alert, exp_alerts: [] }],
      promql_expr_test: [
        probe(index, 'value', rule.value, at),
        ...(rule.unfiltered ? [probe(index, 'unfiltered', eager(rule.unfiltered), at)] : []),
        ...Array.from({ length: end + 1 }, (_, minute) => probe(index, 'fault', eager(rule.condition), minute)),
        ...(heldMetrics.length === 0
          ? []
          : Array.from({ length: Math.min(pending, at) + 1 }, (_, back) =>
              probe(index, 'held', `group({__name__=~"${heldMetrics.map(escapeRegexValue).join('|')}"})`, at - back)
            )),
      ],
    };
    return { c, rule, at, pending, heldMetrics, test };
  });

  const file = {
    rule_files: [`${batch}.mutants.yml`],
    evaluation_interval: '1m',
    tests: plans.map((p) => p.test),
  };
  writeMutants(dir, batch, rules);
  const { ok, output } = await promtoolTest(dir, batch, file);

  const seen: Seen[] = plans.map(() => ({ heldValue: false, value: false, fault: [], unfiltered: false, held: [] }));
  const indexOf = new Map(plans.map((p, i) => [p.c.name, i]));
  let parsed = 0;
  for (const [, name] of output.matchAll(/^\s+name: (.*),\n\s+alertname: /gm)) {
    const i = indexOf.get(name);
    if (i === undefined) {
      throw new Error(`${batch}: promtool names a test "${name}" that is no quiet case of it`);
    }
    seen[i].heldValue = true;
    parsed++;
  }
  for (const [, index, kind, time] of output.matchAll(/expr: ".*\\n# (\d+) (\w+)", time: (\S+?),/g)) {
    const s = seen[Number(index)];
    const minute = minutes(time);
    if (kind === 'value') {
      s.value = true;
    } else if (kind === 'unfiltered') {
      s.unfiltered = true;
    } else if (kind === 'fault') {
      s.fault.push(minute);
    } else {
      s.held.push(minute);
    }
    parsed++;
  }
  if (!ok && parsed === 0) {
    throw new Error(`${batch}: promtool failed on the quiet-case probes without naming any:\n${output.slice(0, 3000)}`);
  }
  if (/\berr:/.test(output)) {
    throw new Error(`${batch}: a quiet-case probe is no valid query:\n${output.slice(0, 3000)}`);
  }

  return new Map(plans.map((p, i) => [p.c.name, verdict(p, seen[i])]));
}

function verdict(p: { c: QuietCase; at: number; pending: number; heldMetrics: string[] }, s: Seen): QuietVerdict {
  const fault = [...s.fault].sort((a, b) => a - b);
  const problem = (text: string): QuietVerdict => ({ kind: 'problem', problem: text });
  const stale = (why: string) =>
    problem(`it gives a reason to be evaluated after its fault ("${p.c.afterFault}"), but ${why}: drop the reason`);
  const forText = p.pending > 0 ? `its ${p.pending}-minute \`for\`` : 'its evaluation';
  if (fault.includes(p.at)) {
    return p.c.afterFault ? stale(`it is evaluated inside it (${spans(fault)})`) : { kind: 'held-off' };
  }
  if (fault.length > 0) {
    if (s.unfiltered) {
      return p.c.afterFault
        ? stale('a filter of the alert turns its fault away at its evaluation time')
        : { kind: 'filter' };
    }
    if (p.c.afterFault) {
      return s.heldValue
        ? { kind: 'after-fault' }
        : problem(
            `its query has no value at every minute of ${forText} up to minute ${p.at}: it proves nothing after its fault either`
          );
    }
    return problem(
      `its series hold a fault (the condition, its windows read at their worst sample, holds at ${spans(fault)}) ` +
        `but it is evaluated at minute ${p.at}, ` +
        'outside it: it would stay quiet with no `for` and any window. Evaluate it inside the fault (`for` must then ' +
        'keep it quiet), or say in `afterFault` why it is about the time after'
    );
  }
  if (p.c.afterFault) {
    return stale('its series hold no fault');
  }
  if (s.heldValue) {
    return { kind: 'comparison' };
  }
  if (s.value) {
    return problem(
      `its query has a value at minute ${p.at} but not at every minute of ${forText} before: it would stay quiet whatever the comparison`
    );
  }
  if (p.heldMetrics.length === 0) {
    return problem('it holds no series of a metric its query reads: it is quiet for lack of data, whatever the rule');
  }
  const missing = Array.from({ length: Math.min(p.pending, p.at) + 1 }, (_, back) => p.at - back).filter(
    (m) => !s.held.includes(m)
  );
  if (p.pending > p.at || missing.length > 0) {
    return problem(
      `its series of ${p.heldMetrics.join(', ')} are not there at every minute of ${forText} before minute ${p.at}` +
        `${missing.length > 0 ? ` (missing at ${spans(missing.sort((a, b) => a - b))})` : ''}: a selector that let them through would not have fired either`
    );
  }
  return { kind: 'selector' };
}

function writeMutants(dir: string, batch: string, rules: ProbedRule[]): void {
  const mutants = {
    groups: [
      {
        name: `${batch}-any-value`,
        rules: rules.map((r) => ({ alert: r.alert, expr: r.value, ...(r.for ? { for: r.for } : {}) })),
      },
    ],
  };
  // JSON is YAML
  writeFileSync(join(dir, `${batch}.mutants.yml`), JSON.stringify(mutants));
}
