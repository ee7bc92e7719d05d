import type { QueryContext, Signal } from './types';

// A UTF-16 surrogate without its partner: JSON carries it as "\udc00", Go decodes that as U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Returns why `value` cannot be a label value in a query the plugin writes, or undefined when it
 * can. Escaping handles every other character; these two classes it cannot make safe:
 * - text Prometheus' parser refuses: U+FFFD (its lexer reads it as invalid UTF-8) and lone
 *   surrogates (they reach Prometheus as U+FFFD);
 * - Grafana macros: Grafana's Prometheus backend replaces `$__interval`, `$__range`… everywhere
 *   in the expression, inside quoted strings too, so the rule would match another value.
 */
export function labelValueError(value: string): string | undefined {
  if (LONE_SURROGATE.test(value) || value.includes('\uFFFD')) {
    return 'contains a broken character (U+FFFD "\uFFFD" or half of an emoji), which Prometheus cannot parse: retype the value, or copy it again from its source.';
  }
  if (value.includes('$__')) {
    return 'contains "$__", which Grafana replaces with its own values ($__interval, $__range…) even inside quotes, so the rule would match another value: remove it, or match the value with a regex that avoids "$__".';
  }
  return undefined;
}

/** Throws with labelValueError's words: no query is ever built from a value it refuses. */
function assertLabelValue(value: string): void {
  const problem = labelValueError(value);
  if (problem) {
    throw new Error(`The label value ${JSON.stringify(value.slice(0, 60))} ${problem}`);
  }
}

/**
 * Escapes a value for a double-quoted PromQL string (label matcher value). PromQL strings follow
 * Go's escaping: backslash and the quote must be escaped, and a raw newline would end the query.
 * Throws on a value labelValueError refuses.
 */
export function escapeLabelValue(value: string): string {
  assertLabelValue(value);
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** Escapes a literal string for use inside a `=~` regex matcher (RE2, fully anchored by Prometheus). */
export function escapeRegexValue(value: string): string {
  assertLabelValue(value);
  return escapeLabelValue(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export function isValidLabelName(name: string): boolean {
  return LABEL_NAME.test(name) && !name.startsWith('__');
}

export type MatchOp = '=' | '!=' | '=~' | '!~';

/** Builds one label matcher from untrusted input: the name is validated, the value escaped. */
export function matcher(label: string, op: MatchOp, value: string): string {
  if (!isValidLabelName(label)) {
    throw new Error(
      `"${label}" is not a valid Prometheus label name: use letters, digits and _ and do not start with a digit or __.`
    );
  }
  return `${label}${op}"${escapeLabelValue(value)}"`;
}

/** Joins matcher fragments, skipping empty ones, so `{${joinMatchers(a, q.selector)}}` never has a stray comma. */
export function joinMatchers(...parts: string[]): string {
  return parts.filter((p) => p.trim() !== '').join(',');
}

/** `metric{extra,selector}` with no dangling commas; the bare name when there is nothing to match. */
export function sel(metric: string, q: QueryContext, extra = ''): string {
  const matchers = joinMatchers(extra, q.selector);
  return matchers === '' ? metric : `${metric}{${matchers}}`;
}

/**
 * How far back `changedWithin` and `increasedWithin` look for the value a series had before their window: a change
 * is still reported after the target or its exporter was not scraped for up to this long (an outage overnight).
 * Not longer: each evaluation loads every sample of the range for every selected series, and Prometheus refuses a
 * query that loads more than --query.max-samples (default 50,000,000, cmd/prometheus/main.go): at a 15 s scrape a
 * day is 5,760 samples a series, a week 40,320, so NodeOOMKillDetected over 2,000 hosts would have failed at every
 * evaluation with a week (80 million samples). An outage longer than a day hides the change, as it did before.
 */
export const CHANGE_LOOKBACK = { range: '1d', words: 'a day' } as const;

/**
 * Above 0 where a role or state gauge changed in the last `window`, 0 where it did not: how many times it changed
 * within the window (changes()), or, where it did not change there, 1 if it now differs from the last value it had
 * before the window. changes() alone misses a change made while the series was not scraped for longer than the
 * window (target or exporter down): after the gap the window holds only the new value. The comparison alone misses
 * a change and its return within the window (a failover and a preempting failback): the value is the one before.
 * The last value before the window is looked for however long ago (up to CHANGE_LOOKBACK); range selectors skip
 * staleness markers. A series new since then yields only its changes within the window; one gone now, nothing.
 */
export function changedWithin(selector: string, window: string): string {
  return `(changes(${selector}[${window}]) > 0) or (${selector} != bool last_over_time(${selector}[${CHANGE_LOOKBACK.range}] offset ${window}))`;
}

/**
 * Above 0 where the counter `selector` counted an event in the last `window`, as changedWithin for a state: its
 * increase over the window, or, where that is 0 because the series was not scraped for longer than the window (the
 * window holds only values after the gap), how far it now stands above its last value before the window. A counter
 * that restarted during the gap (a reboot) stands below it: the events between the restart and the first scrape
 * after it cannot be told apart from earlier ones, and are not reported.
 */
export function increasedWithin(selector: string, window: string): string {
  return `(increase(${selector}[${window}]) > 0) or (${selector} - last_over_time(${selector}[${CHANGE_LOOKBACK.range}] offset ${window}) > 0)`;
}

/**
 * The query for a signal: every variant OR-ed, so whichever metric names the scraped exporter
 * version has are the ones that answer. A single variant is returned as is.
 */
export function signalQuery(signal: Signal, q: QueryContext): string {
  if (signal.variants.length === 1) {
    return signal.variants[0].expr(q);
  }
  return signal.variants.map((v) => `(${v.expr(q)})`).join(' or ');
}

/** Dashboard context: Grafana template variables, rate interval chosen by Grafana. */
export function dashboardContext(clusterLabel = 'cluster'): QueryContext {
  return {
    selector: `${clusterLabel}=~"$cluster",job=~"$job",instance=~"$instance"`,
    fleetSelector: `${clusterLabel}=~"$cluster"`,
    range: '$__rate_interval',
    by: `${clusterLabel}, job, instance`,
  };
}

/**
 * Alert context: fleet-wide unless Setup narrows it (by cluster or other non-target labels, so the
 * fleet selector is the same); fixed windows so evaluation is reproducible. Aggregations and joins
 * keep the replica labels, so on a store holding both servers of an HA pair each replica is summed
 * and matched on its own (no doubled sums, no many-to-many joins) before the rule drops them
 * (`withoutReplicaLabels`). They keep the app's cluster label too, first: on a global store holding
 * several clusters (Thanos, Mimir, remote write) an aggregation would otherwise add one cluster's
 * targets to another's and drop the label the notification needs to say which cluster. A Prometheus
 * server evaluating its own rule file has no cluster label (external labels are added after
 * evaluation), so there grouping by it changes nothing.
 */
export function alertContext(
  selector = '',
  replicaLabels: readonly string[] = REPLICA_LABELS,
  clusterLabel = 'cluster'
): QueryContext {
  return {
    selector,
    fleetSelector: selector,
    range: '5m',
    by: [clusterLabel, 'job', 'instance', ...replicaLabels].join(', '),
  };
}

/** The context for series that do not belong to the scraped target (see `QueryContext.fleetSelector`). */
export function fleetContext(q: QueryContext): QueryContext {
  return { ...q, selector: q.fleetSelector };
}

/**
 * Labels that tell HA replicas apart when two Prometheus servers scrape the same targets and a
 * global view (Thanos, federation, remote write to one store) sees both: `replica` is the usual
 * external label, `prometheus_replica` the one the Prometheus Operator sets. Dashboards collapse
 * them in fleet panels and alert rules drop them (`withoutReplicaLabels`), so an HA pair counts
 * and alerts once. Where neither label exists the aggregation changes nothing.
 */
export const REPLICA_LABELS = ['replica', 'prometheus_replica'] as const;

/**
 * An alert expression evaluated once per target across HA replicas: the replica labels dropped,
 * keeping the worst value of the replicas (the highest for a `>` alert, the lowest for `<`), so
 * the alert fires when any replica sees the problem, with the same labels as on one server.
 */
export function withoutReplicaLabels(
  expr: string,
  comparison: '>' | '<',
  labels: readonly string[] = REPLICA_LABELS
): string {
  if (labels.length === 0) {
    return expr;
  }
  return `${comparison === '>' ? 'max' : 'min'} without (${labels.join(', ')}) (${expr})`;
}

/**
 * The `by (…)` labels of an aggregation across targets (the members of one cluster, the nodes of one VRRP pair):
 * `grouping`, then the labels of `q.by` above one target (the cluster label on dashboards, the cluster and replica
 * labels in alert rules), so one HA replica's view is never added to the other's (each member counted twice) and
 * one cluster's targets never to another's.
 */
export function acrossTargets(q: QueryContext, ...grouping: string[]): string {
  const aboveTarget = q.by
    .split(',')
    .map((l) => l.trim())
    .filter((l) => l !== '' && l !== 'job' && l !== 'instance');
  return [...grouping, ...aboveTarget].join(', ');
}

/**
 * What a counter counted over the context's range, including the event that created its series.
 * Some exporters create a labelled counter's series only at its first event (client_golang's
 * `CounterVec.WithLabelValues(…).Inc()` without an earlier `WithLabelValues(…)`), so the series
 * appears at 1 (or more) and `increase()` over samples that are all 1 is 0: a rare event, whose first
 * may be its only one, was never seen. A series that was absent a range ago counts with its whole
 * value, but only where Prometheus scraped the target then: a series is also new when Prometheus has
 * only started to scrape an exporter that has been counting for days, or when the target comes back
 * from a scrape gap longer than the range; in both the value is old history, and the target's scrape
 * a range ago is missing or failed. An exporter restart empties the counter and its series returns at
 * the next event: absent a range ago (stale since the restart), it counts, which is right; within the
 * range of the restart it is a reset, which `increase()` counts. A series created while Prometheus
 * did not scrape the target is lost, as any increase there is.
 * "Scraped" is a scrape that returned samples, not `up == 1`: the rule doctor takes a rule reading a
 * bare `up` for one that watches every target's `up` (as TelegrafNotGathering says).
 */
export function lazyCounterIncrease(metric: string, q: QueryContext, extra = ''): string {
  const counter = sel(metric, q, extra);
  return `((${counter} unless ${counter} offset ${q.range}) and on (${joinLabels(q)}) (${sel('scrape_samples_scraped', q)} offset ${q.range} > 0) or increase(${counter}[${q.range}]))`;
}

/**
 * The labels of a one-to-one join (`on (…)`) between two series of the same target: the
 * context's target labels, `extra`, and the replica labels, so on a store holding both servers of
 * an HA pair each replica's series match their own (otherwise: "many-to-many matching not allowed").
 */
export function joinLabels(q: QueryContext, ...extra: string[]): string {
  // q.by already holds the app's replica labels in alert rules; the defaults cover dashboards and health.
  const labels = [...q.by.split(','), ...extra, ...REPLICA_LABELS].map((l) => l.trim()).filter(Boolean);
  return [...new Set(labels)].join(', ');
}
