/**
 * Backtest before enabling: "would have fired N times over the last 7 days on K series, firing for
 * T in total, longest H". One range query of the rule's condition per rule (never one per series),
 * replayed through Prometheus' own alerting-rule state machine, series by series, and for a
 * Grafana-managed rule what its `noDataState` does when the query returns nothing (noDataAlerts).
 *
 * Pure over a range-query API, so Setup (Grafana's query path), the bench (a backfilled
 * Prometheus) and the integration test (the stack's Prometheus, compared with its own ALERTS)
 * run the same code. No PromQL parser: the expression is sent as written.
 */
import type { Labels, RuleUnderCheck } from './diagnose';

/** Grafana's `noDataState`: what a Grafana-managed rule does at an evaluation where its query returns no series. */
export type NoDataState = 'NoData' | 'Alerting' | 'OK' | 'KeepLast';

export interface BacktestRule {
  name: string;
  /** The alert condition as PromQL: every series it returns at an evaluation is an active alert. */
  expr: string;
  /** `for`, in seconds (0: fires at its first evaluation). */
  forSeconds: number;
  /** `keep_firing_for`, in seconds (Prometheus 2.42+; 0 or absent: resolves at the first evaluation without it). */
  keepFiringForSeconds?: number;
  /** The group's evaluation interval, in seconds. */
  intervalSeconds: number;
  /**
   * A Grafana-managed rule: its query alone (before the threshold) and its `noDataState`, for the
   * evaluations at which the query returns no series at all (see `noDataAlerts`). Absent: a
   * Prometheus rule, for which no data is simply no alert.
   */
  grafana?: { query: string; noDataState: NoDataState };
}

export interface RangeSeries {
  labels: Labels;
  /** Unix seconds of the points at which the series had a value. */
  times: number[];
}

export interface RangeQueryApi {
  /**
   * The series of a range query over [start, end] every `step` seconds. `step` in the answer is
   * the step the server actually used when it differs (Grafana may widen it); absent: as asked.
   */
  range(
    expr: string,
    start: number,
    end: number,
    step: number,
    signal?: AbortSignal
  ): Promise<{ series: RangeSeries[]; step?: number }>;
}

export interface FiringInterval {
  /** The first evaluation (unix seconds) at which the alert was firing. */
  from: number;
  /** The first evaluation at which it no longer was (resolved), or the window's end when `open`. */
  to: number;
  /** Still firing at the window's end. */
  open: boolean;
}

export interface BacktestResult {
  rule: string;
  start: number;
  end: number;
  /** Step of the range query: the evaluation interval, or a multiple of it (see `errorSeconds`). */
  step: number;
  /**
   * How far each interval's start or end may be from what the rule would have done: up to one step
   * (the query's points fall between the rule's own evaluations, unless `evaluatedAt` aligned them),
   * plus, when the step is coarser than the interval, `for`/`keep_firing_for` rounded up to the
   * step. With a coarse step, a condition shorter than the step may be missed and a gap shorter
   * than it merged.
   */
  errorSeconds: number;
  /** Firing intervals over all series (N). */
  fires: number;
  /** Of `fires`, those of a Grafana rule's no-data alert (its query returned nothing; `noDataState` NoData or Alerting). */
  noDataFires: number;
  /** Series that fired at least once (K). */
  seriesFiring: number;
  /** Seconds of firing summed over all intervals (T). */
  firingSeconds: number;
  /** Seconds of the longest interval (H). */
  longestSeconds: number;
  /** Series the condition returned at some point in the window (all analysed, unless truncated). */
  seriesSeen: number;
  /** Series replayed: all of `seriesSeen`, or the first `maxSeries` when truncated. */
  seriesReplayed: number;
  /** More series than `maxSeries`: only the first `maxSeries` (by labels) were replayed; the counts are lower bounds. */
  truncated: boolean;
  /** Points read from the answer (the query's cost in samples). */
  samples: number;
  /** Firing intervals of each series that fired. */
  bySeries: Array<{ labels: Labels; intervals: FiringInterval[] }>;
}

export interface BacktestOptions {
  /** Unix seconds; defaults to the clock. */
  now?: number;
  /** Window length (default 7 days). */
  windowSeconds?: number;
  /** Points per series the query may ask for (Prometheus refuses more than 11,000). */
  maxPointsPerSeries?: number;
  /** Series replayed at most (default 1,000); the rest are reported as `truncated`. */
  maxSeries?: number;
  /**
   * A time the rule was evaluated at (the rules API's `lastEvaluation`): the query's points are put
   * on the rule's own evaluation times, so the only error left is data that arrived late.
   */
  evaluatedAt?: number;
  signal?: AbortSignal;
}

/**
 * The rule doctor's view of a loaded rule as a backtest: alerting rules with a known evaluation
 * interval (the Prometheus rules API gives `for` and, from 2.42, `keep_firing_for`); otherwise why not.
 */
export function backtestRuleOf(rule: RuleUnderCheck): BacktestRule | string {
  if (rule.type !== 'alerting') {
    return 'a recording rule does not fire';
  }
  if (rule.intervalSeconds === undefined) {
    return 'its group reports no evaluation interval';
  }
  return {
    name: rule.name,
    expr: rule.query,
    forSeconds: rule.forSeconds ?? 0,
    keepFiringForSeconds: rule.keepFiringForSeconds ?? 0,
    intervalSeconds: rule.intervalSeconds,
  };
}

/** Prometheus' range-query limit: web/api/v1/api.go queryRange, "exceeded maximum resolution of 11,000 points per timeseries". */
export const PROMETHEUS_MAX_POINTS = 11_000;
const DAY = 86_400;

/** The step for a window: the interval, or the smallest multiple of it that keeps the query under `maxPoints`. */
export function backtestStep(intervalSeconds: number, spanSeconds: number, maxPoints = PROMETHEUS_MAX_POINTS): number {
  const multiple = Math.max(1, Math.ceil(spanSeconds / (maxPoints * intervalSeconds)));
  return multiple * intervalSeconds;
}

export async function backtest(
  rule: BacktestRule,
  api: RangeQueryApi,
  options: BacktestOptions = {}
): Promise<BacktestResult> {
  const interval = rule.intervalSeconds;
  if (!(interval > 0)) {
    throw new Error(`Rule ${rule.name}: the evaluation interval must be a positive number of seconds.`);
  }
  const forSeconds = Math.max(0, rule.forSeconds);
  const keepFor = Math.max(0, rule.keepFiringForSeconds ?? 0);
  const end = Math.floor(options.now ?? Date.now() / 1000);
  const start = end - (options.windowSeconds ?? 7 * DAY);
  const maxSeries = options.maxSeries ?? 1000;
  // The replay starts `for` earlier, so a condition already true when the window opens has had its
  // pending time and fires where the rule would have, instead of `for` after the window's start.
  const warmUp = forSeconds;
  const wanted = backtestStep(interval, end - (start - warmUp), options.maxPointsPerSeries);
  let queryStart = start - warmUp;
  if (options.evaluatedAt !== undefined) {
    queryStart = Math.round(alignDown(queryStart, options.evaluatedAt, wanted) * 1000) / 1000;
  }
  stopIfAborted(options.signal);
  const noDataState = rule.grafana?.noDataState;
  // Where no data changes what Grafana does, the same request also says when the query returned
  // nothing: absent() of it, marked with a label no series has. It costs the query a second
  // evaluation in Prometheus, so only for those rules (our packs: the Watchdog alone).
  const watchNoData = rule.grafana !== undefined && noDataState !== 'OK';
  const expr = watchNoData
    ? `${rule.expr} or label_replace(absent(${rule.grafana!.query}), "${NO_DATA_LABEL}", "1", "", "")`
    : rule.expr;
  const answer = await api.range(expr, queryStart, end, wanted, options.signal);
  const step = answer.step ?? wanted;
  const key = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
  const markers = answer.series.filter((s) => s.labels[NO_DATA_LABEL] !== undefined);
  const noData = new Set(markers.flatMap((s) => s.times.map(ms)));
  // Prometheus drops __name__ from the alert's labels (AlertingRule.Eval: `Del(labels.MetricName)`).
  const series = mergeByIdentity(
    answer.series
      .filter((s) => s.labels[NO_DATA_LABEL] === undefined)
      .map((s) => ({ labels: withoutName(s.labels), times: s.times })),
    key
  );
  series.sort((a, b) => (key(a.labels) < key(b.labels) ? -1 : 1));
  const replayed = series.slice(0, maxSeries);

  const evaluations = evaluationGrid(answer.series, queryStart, end, step);
  const inWindow = (intervals: FiringInterval[]) =>
    intervals.filter((i) => i.to > start).map((i) => ({ ...i, from: Math.max(i.from, start) }));
  // KeepLast and Alerting carry each series' state through no data (see noDataAlerts).
  const hold =
    noDataState === 'KeepLast' || noDataState === 'Alerting'
      ? { at: noData, keepLast: noDataState === 'KeepLast' }
      : undefined;
  const bySeries: BacktestResult['bySeries'] = [];
  let samples = markers.reduce((n, s) => n + s.times.length, 0);
  for (const s of replayed) {
    samples += s.times.length;
    const intervals = inWindow(replay(new Set(s.times.map(ms)), evaluations, forSeconds, keepFor, end, hold));
    if (intervals.length > 0) {
      bySeries.push({ labels: s.labels, intervals });
    }
  }
  const noDataIntervals = inWindow(noDataAlerts(noDataState, noData, evaluations, forSeconds, interval, end));
  if (noDataIntervals.length > 0) {
    // NoData is sent as DatasourceNoData; Alerting's instance carries the rule's labels alone.
    bySeries.push({
      labels: noDataState === 'NoData' ? { alertname: 'DatasourceNoData' } : {},
      intervals: noDataIntervals,
    });
  }
  const all = bySeries.flatMap((s) => s.intervals);
  const lengths = all.map((i) => i.to - i.from);
  const rounding = (d: number) => (step > interval ? (step - (d % step)) % step : 0);
  return {
    rule: rule.name,
    start,
    end,
    step,
    errorSeconds: step + Math.max(rounding(forSeconds), rounding(keepFor)),
    fires: all.length,
    noDataFires: noDataIntervals.length,
    seriesFiring: bySeries.length,
    firingSeconds: lengths.reduce((a, b) => a + b, 0),
    longestSeconds: lengths.length ? Math.max(...lengths) : 0,
    seriesSeen: series.length,
    seriesReplayed: replayed.length,
    truncated: series.length > replayed.length,
    samples: samples + series.slice(maxSeries).reduce((n, s) => n + s.times.length, 0),
    bySeries,
  };
}

/**
 * One alert's life through Prometheus' state machine, evaluation by evaluation. Mirrors
 * rules/alerting.go `AlertingRule.Eval` at v2.42.0:
 * - a series in the result with no active alert starts one, pending, `ActiveAt = ts`;
 * - a pending alert turns firing at the first evaluation with `ts - ActiveAt >= holdDuration`
 *   (so `for: 0` fires at once), `FiredAt = ts`;
 * - a series missing from the result: a pending alert is dropped; a firing one resolves
 *   (`ResolvedAt = ts`) unless `keepFiringFor > 0` and `ts - KeepFiringSince < keepFiringFor`,
 *   `KeepFiringSince` being the first evaluation it was missing at (reset when it comes back);
 * - a resolved alert that comes back starts over as pending (the check `alert.State != StateInactive`).
 * The 15-minute `resolvedRetention` only keeps resolved alerts for Alertmanager; it changes no state.
 * `hold`: evaluations at which a Grafana rule's query returned nothing and its `noDataState` keeps
 * each series' state (KeepLast) or drives it as alerting (Alerting): a firing alert stays firing, a
 * pending one fires once `for` has passed, an inactive one stays inactive (see noDataAlerts). One
 * already keeping firing after its condition ended (Grafana's Recovering) fires again with Alerting
 * (`resultAlerting` skips pending), and with KeepLast goes on recovering (`resultKeepLast` → `resultNormal`).
 */
function replay(
  present: ReadonlySet<number>,
  evaluations: readonly number[],
  forSeconds: number,
  keepFor: number,
  end: number,
  hold?: { at: ReadonlySet<number>; keepLast: boolean }
): FiringInterval[] {
  const intervals: FiringInterval[] = [];
  let state: 'inactive' | 'pending' | 'firing' = 'inactive';
  let activeAt = 0;
  let firedAt = 0;
  let keepFiringSince: number | undefined;
  for (const ts of evaluations) {
    const recovering = state === 'firing' && keepFiringSince !== undefined;
    if (hold?.at.has(ms(ts)) && !(hold.keepLast && recovering)) {
      keepFiringSince = undefined;
      if (state === 'pending' && ts - activeAt >= forSeconds) {
        state = 'firing';
        firedAt = ts;
      }
      continue;
    }
    if (present.has(ms(ts))) {
      keepFiringSince = undefined;
      if (state === 'inactive') {
        state = 'pending';
        activeAt = ts;
      }
    } else if (state !== 'inactive') {
      let keepFiring = false;
      if (state === 'firing' && keepFor > 0) {
        keepFiringSince ??= ts;
        keepFiring = ts - keepFiringSince < keepFor;
      }
      if (!keepFiring) {
        if (state === 'firing') {
          intervals.push({ from: firedAt, to: ts, open: false });
        }
        state = 'inactive';
        keepFiringSince = undefined;
        continue;
      }
    } else {
      continue;
    }
    if (state === 'pending' && ts - activeAt >= forSeconds) {
      state = 'firing';
      firedAt = ts;
    }
  }
  if (state === 'firing') {
    intervals.push({ from: firedAt, to: end, open: true });
  }
  return intervals;
}

/** Marks the series of `absent(query)` in a Grafana rule's range answer: the evaluations with no data. */
const NO_DATA_LABEL = 'fsm_backtest_no_data';

/**
 * The alert a Grafana-managed rule raises of its own when its query returns no series, by
 * `noDataState`, as Grafana's state manager does (grafana/grafana pkg/services/ngalert/state,
 * main of 2026: state.go `resultNoData`, manager.go `setNextStateForRule`,
 * `processMissingSeriesStates`, compat.go `StateToPostableAlert`):
 * - NoData: an instance with the rule's labels only goes to state NoData at once (no `for`) and is
 *   sent to Alertmanager as `DatasourceNoData`; when data returns it is missing from the results and,
 *   a NoData state, resolved after one missed evaluation: at the first evaluation with data. The
 *   series' own alerts are missing meanwhile (resolved after two missed evaluations in Grafana;
 *   at once here, as everywhere in this replay).
 * - Alerting: no data is applied to every state the rule holds (`setNextStateForAll` →
 *   `resultAlerting`: firing stays firing, pending fires after `for`, replayed by `hold` in
 *   `replay`); the rule-level instance below is what Grafana creates when it holds none, pending
 *   then firing after `for`, resolved two evaluations after data returns (missing-series default,
 *   `GetMissingSeriesEvalsToResolve` = 2). Counted once: Grafana would raise one per series it
 *   holds, normal ones included, which this replay cannot see (it reads only the series past the threshold).
 * - KeepLast: every held state is kept (`resultKeepLast`; replayed by `hold`); no alert of its own.
 * - OK: every held state goes normal (`resultNormal`): as a Prometheus rule whose query returns nothing.
 */
function noDataAlerts(
  noDataState: NoDataState | undefined,
  noData: ReadonlySet<number>,
  evaluations: readonly number[],
  forSeconds: number,
  intervalSeconds: number,
  end: number
): FiringInterval[] {
  if (noDataState !== 'NoData' && noDataState !== 'Alerting') {
    return [];
  }
  const missedToResolve = noDataState === 'NoData' ? 1 : 2;
  const intervals: FiringInterval[] = [];
  let state: 'inactive' | 'pending' | 'firing' = 'inactive';
  let since = 0;
  let lastNoData = 0;
  for (const ts of evaluations) {
    if (noData.has(ms(ts))) {
      lastNoData = ts;
      if (state === 'inactive') {
        state = noDataState === 'Alerting' && forSeconds > 0 ? 'pending' : 'firing';
        since = ts;
      } else if (state === 'pending' && ts - since >= forSeconds) {
        state = 'firing';
        since = ts;
      }
    } else if (state !== 'inactive' && ts - lastNoData >= missedToResolve * intervalSeconds) {
      if (state === 'firing') {
        intervals.push({ from: since, to: ts, open: false });
      }
      state = 'inactive';
    }
  }
  if (state === 'firing') {
    intervals.push({ from: since, to: end, open: true });
  }
  return intervals;
}

function withoutName(labels: Labels): Labels {
  const { __name__: _dropped, ...rest } = labels;
  return rest;
}

/** Series that differ only by __name__ are one alert (Prometheus would refuse the evaluation; the union is the closest reading). */
function mergeByIdentity(series: RangeSeries[], key: (labels: Labels) => string): RangeSeries[] {
  const merged = new Map<string, RangeSeries>();
  for (const s of series) {
    const k = key(s.labels);
    const seen = merged.get(k);
    merged.set(k, seen ? { labels: seen.labels, times: [...seen.times, ...s.times] } : s);
  }
  return [...merged.values()];
}

const ms = (seconds: number) => Math.round(seconds * 1000);

/**
 * The times the replay evaluates at: the query's points. They are put on the grid of the points the
 * server answered with, since a server in between may move them (Grafana aligns a range query's
 * start to a multiple of its step), and cover the asked window and whatever the answer covers.
 */
function evaluationGrid(series: readonly RangeSeries[], start: number, end: number, step: number): number[] {
  let first = Infinity;
  let last = -Infinity;
  for (const s of series) {
    for (const t of s.times) {
      first = Math.min(first, t);
      last = Math.max(last, t);
    }
  }
  const anchor = Number.isFinite(first) ? first : start;
  const from = alignDown(Math.min(start, anchor), anchor, step);
  const to = Math.max(end, last);
  const grid: number[] = [];
  for (let k = 0; from + k * step <= to + 1e-6; k++) {
    grid.push(Math.round((from + k * step) * 1000) / 1000);
  }
  return grid;
}

/** The latest time at or before `t` that lies on the grid of `anchor + k × step`. */
function alignDown(t: number, anchor: number, step: number): number {
  return t - ((((t - anchor) % step) + step) % step);
}

/** `AbortSignal.throwIfAborted` without needing it: jsdom (the component tests) and older browsers lack it. */
function stopIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw signal.reason ?? new Error('The backtest was cancelled.');
  }
}

export interface BacktestProgress {
  /** Position of the rule in the list given. */
  index: number;
  done: number;
  total: number;
  rule: string;
  result?: BacktestResult;
  error?: Error;
}

/**
 * Backtests rules one after another (one query in flight: a plan of many packs must not flood the
 * datasource). A rule whose query fails is reported through `onProgress` with its error and the
 * others go on; an abort stops everything with the signal's reason.
 */
export async function backtestRules(
  rules: readonly BacktestRule[],
  api: RangeQueryApi,
  options: BacktestOptions,
  onProgress: (progress: BacktestProgress) => void
): Promise<void> {
  let done = 0;
  for (const [index, rule] of rules.entries()) {
    stopIfAborted(options.signal);
    try {
      const result = await backtest(rule, api, options);
      onProgress({ index, done: ++done, total: rules.length, rule: rule.name, result });
    } catch (error) {
      if (options.signal?.aborted) {
        throw options.signal.reason;
      }
      onProgress({
        index,
        done: ++done,
        total: rules.length,
        rule: rule.name,
        error: error instanceof Error ? error : new Error(String(error)),
      });
    }
  }
}

/** "would have fired 3 times over the last 7 days on 2 series, firing for 1h 5m in total, longest 40m". */
export function describeBacktest(result: BacktestResult): string {
  const window = humanDuration(result.end - result.start);
  const prefix = result.truncated ? 'at least ' : '';
  const cap = result.truncated ? ` (only ${result.seriesReplayed} of its ${result.seriesSeen} series replayed)` : '';
  if (result.fires === 0) {
    return `would not have fired over the last ${window}${cap}`;
  }
  const noData =
    result.noDataFires > 0
      ? ` (${result.noDataFires === result.fires ? 'all' : result.noDataFires} because its query returned no data)`
      : '';
  return (
    `would have fired ${prefix}${result.fires} time${result.fires === 1 ? '' : 's'}${noData} over the last ${window} ` +
    `on ${prefix}${result.seriesFiring} series, firing for ${humanDuration(result.firingSeconds)} in total, ` +
    `longest ${humanDuration(result.longestSeconds)}${cap}`
  );
}

/**
 * The sentence a user reads: "Would have fired 3 times over the last 7 days on 2 series, …", with the
 * error a coarser step than the rule's interval costs (start and end of each firing within it).
 */
export function backtestSentence(result: BacktestResult, rule: BacktestRule): string {
  const coarse =
    result.step > rule.intervalSeconds
      ? ` (replayed every ${humanDuration(result.step)} instead of every ${humanDuration(rule.intervalSeconds)}: times within ±${humanDuration(result.errorSeconds)})`
      : '';
  return `Would ${describeBacktest(result).replace(/^would /, '')}${coarse}.`;
}

export function humanDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) {
    return `${s}s`;
  }
  const parts: string[] = [];
  const d = Math.floor(s / DAY);
  const h = Math.floor((s % DAY) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d) {
    parts.push(`${d} day${d === 1 ? '' : 's'}`);
  }
  if (h) {
    parts.push(`${h}h`);
  }
  if (m && !d) {
    parts.push(`${m}m`);
  }
  return parts.join(' ') || '0s';
}
