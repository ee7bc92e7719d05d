/**
 * The rule doctor: for each alerting and recording rule, what its evaluations say (errors, never
 * evaluated, slower than its interval) and what the data says (selectors that match nothing, now
 * and over the last days; joins whose two sides can never match). Pure over a query API, so the
 * same code runs against Prometheus through Grafana's proxy, a test double, or the real stack.
 * Cost: one instant query per distinct selector, one range query per empty one, and two instant
 * queries per vector join whose sides both have series — never one per series.
 */
import {
  blindness,
  parsePromql,
  PromqlSyntaxError,
  selectorsOf,
  unfiltered,
  vectorJoins,
  type Binary,
  type Expr,
  type Selector,
} from './promql-tree';
import type { RuleDiscovery } from '../grafana-api/types';

export type Labels = Record<string, string>;

export interface InstantSample {
  labels: Labels;
  value: number;
}

export interface RuleQueryApi {
  /**
   * Series of an instant query at now. Rejects with RuleQueryRefused (the server's message) when the
   * server refuses the query, and with any other error when it cannot be asked.
   */
  instant(expr: string): Promise<InstantSample[]>;
  /** Timestamps (unix seconds) at which the range query had at least one series, over [start, end] every `step` seconds. */
  presence(expr: string, start: number, end: number, step: number): Promise<number[]>;
}

export interface RuleUnderCheck {
  /** Where the rule lives: Grafana-managed, the Prometheus server's own, or a Prometheus-compatible ruler. */
  source: 'grafana' | 'prometheus' | 'ruler';
  group: string;
  name: string;
  type: 'alerting' | 'recording';
  query: string;
  /** A Grafana-managed rule's uid: its definition (the condition after the query) is read by it for a backtest. */
  uid?: string;
  /** From the rules API, where the source reports it. */
  health?: 'ok' | 'err' | 'unknown';
  lastError?: string;
  /** ISO time of the last evaluation; Prometheus reports `0001-01-01T00:00:00Z` before the first. */
  lastEvaluation?: string;
  /** Seconds the last evaluation of the rule took. */
  evaluationSeconds?: number;
  /** The group's evaluation interval, in seconds. */
  intervalSeconds?: number;
  /** An alerting rule's `for` and `keep_firing_for`, in seconds, where the source reports them (for the backtest). */
  forSeconds?: number;
  keepFiringForSeconds?: number;
}

export type Finding =
  | { kind: 'error'; rule: RuleUnderCheck; message: string }
  | { kind: 'rejected'; rule: RuleUnderCheck; message: string }
  | { kind: 'never-evaluated'; rule: RuleUnderCheck }
  | { kind: 'slow'; rule: RuleUnderCheck; evaluationSeconds: number; intervalSeconds: number }
  | {
      kind: 'empty-selector';
      rule: RuleUnderCheck;
      selector: string;
      /**
       * `metric-absent`: no series of the metric at all (renamed, collector off, exporter gone).
       * `no-match`: the metric has series, but a matcher on who/where (job, instance, the cluster
       * label) matches none of them — a typo or a target that no longer exists.
       * `value-unseen`: only a matcher on another label (often a state such as `state="failed"`)
       * matches nothing: right when that state has not happened, wrong when the value is misspelt.
       */
      cause: 'metric-absent' | 'no-match' | 'value-unseen';
      /** The matchers that, each alone, match nothing (for `no-match` and `value-unseen`). */
      emptyMatchers: string[];
      /** Unix seconds of the last time the selector matched within the history window; absent: never. */
      lastSeen?: number;
    }
  | { kind: 'dead-join'; rule: RuleUnderCheck; join: string; reason: string };

export interface DiagnoseOptions {
  /** Unix seconds; defaults to the clock. */
  now?: number;
  /** How far back "vanished" looks (default 7 days). */
  historySeconds?: number;
  /** Step of the history query (default 1 h: 168 points for 7 days). */
  historyStepSeconds?: number;
  /** Labels that say who or where (job, instance, the cluster label): an unseen value there is a defect, not a quiet state. */
  identityLabels?: readonly string[];
  /** A join whose sides have more series than this is not checked (its label sets are not fetched). */
  maxJoinSeries?: number;
  signal?: AbortSignal;
  /** Called after each rule, with how many are done of how many. */
  onProgress?: (done: number, total: number) => void;
}

const NEVER_EVALUATED = /^0001-01-01/;
const DAY = 86_400;

/** Everything the doctor finds for these rules, in rule order. */
export async function diagnoseRules(
  rules: readonly RuleUnderCheck[],
  api: RuleQueryApi,
  options: DiagnoseOptions = {}
): Promise<Finding[]> {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const history = options.historySeconds ?? 7 * DAY;
  const step = options.historyStepSeconds ?? 3600;
  const maxJoinSeries = options.maxJoinSeries ?? 5000;
  const identity = new Set(options.identityLabels ?? ['job', 'instance']);
  const seriesCount = memo((expr: string) => api.instant(`count(${expr})`).then((r) => r[0]?.value ?? 0));
  const lastSeen = memo((selector: string) =>
    api
      .presence(`count(${selector})`, now - history, now, step)
      .then((times) => (times.length ? Math.max(...times) : undefined))
  );
  const findings: Finding[] = [];
  let done = 0;
  for (const rule of rules) {
    options.signal?.throwIfAborted();
    findings.push(...(await diagnoseRule(rule)));
    options.onProgress?.(++done, rules.length);
  }
  return findings;

  async function diagnoseRule(rule: RuleUnderCheck): Promise<Finding[]> {
    const findings = evaluationFindings(rule);
    try {
      await api.instant(rule.query);
    } catch (error) {
      if (error instanceof RuleQueryRefused) {
        findings.push({ kind: 'rejected', rule, message: error.message });
        return findings;
      }
      throw error;
    }
    let expr: Expr;
    try {
      expr = parsePromql(rule.query);
    } catch (error) {
      // The server accepts what this grammar does not (a newer PromQL feature): the server decides,
      // so nothing is reported, and the rule's data is not analysed.
      if (error instanceof PromqlSyntaxError) {
        return findings;
      }
      throw error;
    }
    const counts = new Map<string, number>();
    for (const selector of selectorsOf(expr)) {
      counts.set(selector.text, await seriesCount(selector.text));
    }
    const verdict = blindness(expr, (s: Selector) => counts.get(s.text) === 0);
    for (const selector of verdict.because) {
      const seen = await lastSeen(selector.text);
      findings.push({
        kind: 'empty-selector',
        rule,
        selector: selector.text,
        ...(await emptyCause(selector, seriesCount, identity)),
        ...(seen === undefined ? {} : { lastSeen: seen }),
      });
    }
    if (verdict.blind) {
      return findings;
    }
    for (const join of vectorJoins(expr)) {
      const reason = await deadJoin(join, api, seriesCount, maxJoinSeries);
      if (reason) {
        findings.push({ kind: 'dead-join', rule, join: join.text, reason });
      }
    }
    return findings;
  }
}

/** Why a selector matches nothing: no such metric, or which of its matchers empties it. */
async function emptyCause(
  selector: Selector,
  seriesCount: (expr: string) => Promise<number>,
  identity: ReadonlySet<string>
): Promise<{ cause: 'metric-absent' | 'no-match' | 'value-unseen'; emptyMatchers: string[] }> {
  if (selector.metric === undefined || selector.matchers.length === 0) {
    return { cause: 'metric-absent', emptyMatchers: [] };
  }
  const name = `{__name__=${JSON.stringify(selector.metric)}}`;
  if ((await seriesCount(name)) === 0) {
    return { cause: 'metric-absent', emptyMatchers: [] };
  }
  const empty: typeof selector.matchers = [];
  for (const matcher of selector.matchers) {
    if ((await seriesCount(`{__name__=${JSON.stringify(selector.metric)},${matcher.text}}`)) === 0) {
      empty.push(matcher);
    }
  }
  return {
    cause: empty.some((m) => identity.has(m.label)) ? 'no-match' : 'value-unseen',
    emptyMatchers: empty.map((m) => m.text),
  };
}

/** What a rule's own evaluation state says (error, never evaluated, slow), without asking the server. */
export function evaluationFindings(rule: RuleUnderCheck): Finding[] {
  if (rule.health === 'err') {
    return [{ kind: 'error', rule, message: rule.lastError || 'the rule reports an error without a message' }];
  }
  if (rule.lastEvaluation !== undefined && NEVER_EVALUATED.test(rule.lastEvaluation)) {
    return [{ kind: 'never-evaluated', rule }];
  }
  if (
    rule.evaluationSeconds !== undefined &&
    rule.intervalSeconds !== undefined &&
    rule.evaluationSeconds > rule.intervalSeconds
  ) {
    return [{ kind: 'slow', rule, evaluationSeconds: rule.evaluationSeconds, intervalSeconds: rule.intervalSeconds }];
  }
  return [];
}

/**
 * Why the two sides of a join can never match, or undefined when they can (or cannot be told):
 * both sides have series, but no series of one side has the label values the other side's series
 * are matched on. The usual cause is a label one side has and the other lacks.
 */
async function deadJoin(
  join: Binary,
  api: RuleQueryApi,
  seriesCount: (expr: string) => Promise<number>,
  maxSeries: number
): Promise<string | undefined> {
  const left = unfiltered(join.left).text;
  const right = unfiltered(join.right).text;
  const [leftCount, rightCount] = [await seriesCount(left), await seriesCount(right)];
  if (leftCount === 0 || rightCount === 0 || leftCount > maxSeries || rightCount > maxSeries) {
    return undefined;
  }
  const on = join.matching?.on ? join.matching.labels : undefined;
  const ignored = new Set(['__name__', ...(join.matching && !join.matching.on ? join.matching.labels : [])]);
  const sideSeries = (side: string) =>
    api.instant(on ? `count by (${on.join(', ')}) (${side})` : side).then((r) => r.map((sample) => sample.labels));
  const [leftSeries, rightSeries] = [await sideSeries(left), await sideSeries(right)];
  const signature = (labels: Labels) =>
    JSON.stringify(
      Object.entries(labels)
        .filter(([name]) => (on ? on.includes(name) : !ignored.has(name)))
        .sort(([a], [b]) => a.localeCompare(b))
    );
  const rightSignatures = new Set(rightSeries.map(signature));
  if (leftSeries.some((s) => rightSignatures.has(signature(s)))) {
    return undefined;
  }
  return explainMismatch(leftSeries, rightSeries, on, ignored);
}

function explainMismatch(left: Labels[], right: Labels[], on: string[] | undefined, ignored: Set<string>): string {
  const names = (series: Labels[]) => new Set(series.flatMap((s) => Object.keys(s)));
  const [leftNames, rightNames] = [names(left), names(right)];
  const considered = (name: string) => (on ? on.includes(name) : !ignored.has(name));
  const onlyLeft = [...leftNames].filter((n) => considered(n) && !rightNames.has(n)).sort();
  const onlyRight = [...rightNames].filter((n) => considered(n) && !leftNames.has(n)).sort();
  const parts = [
    ...(onlyLeft.length ? [`the left side has ${list(onlyLeft)}, the right side does not`] : []),
    ...(onlyRight.length ? [`the right side has ${list(onlyRight)}, the left side does not`] : []),
  ];
  const matchedOn = on ? `on (${on.join(', ')})` : 'on all their labels';
  return parts.length
    ? `both sides have series, but they are matched ${matchedOn} and ${parts.join('; ')}`
    : `both sides have series, but no two of them share the label values they are matched ${matchedOn} by`;
}

const list = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

function memo<T>(compute: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let hit = cache.get(key);
    if (!hit) {
      hit = compute(key);
      cache.set(key, hit);
    }
    return hit;
  };
}

/** A query the server refused (bad PromQL, a type error) is a finding; failing to reach the server is not. */
export class RuleQueryRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleQueryRefused';
  }
}

export type BlindSpot =
  | { kind: 'exporter-unwatched'; exporter: string; title: string }
  | { kind: 'target-unwatched'; job: string; instance: string };

export interface WatchedExporter {
  exporter: string;
  title: string;
  /** Every metric the exporter's pack reads: if no rule reads any of them, nothing watches the exporter. */
  metrics: readonly string[];
}

/**
 * What no rule watches: detected exporters whose metrics no rule reads, and targets whose `up` no
 * rule selects ("if this goes down, nobody is paged"). Which targets a rule's `up{…}` selects is
 * asked of the server (`group by (job, instance) (up{…})`), so regex matchers are judged by
 * Prometheus' own RE2, not re-implemented here. Rules that do not parse are left out.
 */
export async function blindSpots(
  rules: readonly RuleUnderCheck[],
  detected: readonly WatchedExporter[],
  api: RuleQueryApi
): Promise<BlindSpot[]> {
  const selectors = rules.flatMap((rule) => {
    try {
      return selectorsOf(parsePromql(rule.query));
    } catch {
      return [];
    }
  });
  const metricsRead = new Set(selectors.map((s) => s.metric).filter((m): m is string => m !== undefined));
  const spots: BlindSpot[] = detected
    .filter((e) => !e.metrics.some((m) => metricsRead.has(m)))
    .map((e) => ({ kind: 'exporter-unwatched', exporter: e.exporter, title: e.title }));
  const key = (labels: Labels) => `${labels.job ?? ''}\u0000${labels.instance ?? ''}`;
  const watched = new Set<string>();
  for (const upSelector of new Set(selectors.filter((s) => s.metric === 'up').map((s) => s.text))) {
    (await api.instant(`group by (job, instance) (${upSelector})`)).forEach((s) => watched.add(key(s.labels)));
  }
  for (const target of await api.instant('group by (job, instance) (up)')) {
    if (!watched.has(key(target.labels))) {
      spots.push({ kind: 'target-unwatched', job: target.labels.job ?? '', instance: target.labels.instance ?? '' });
    }
  }
  return spots;
}

/**
 * The rules of a `/api/v1/rules` answer's data (Prometheus, and the Prometheus-compatible rulers
 * that copy its shape: web/api/v1/api.go `RuleGroup`/`AlertingRule`/`RecordingRule` — `interval` in
 * seconds, `evaluationTime` in seconds, `health` ok|err|unknown; `duration` is `for` in seconds, and
 * `keepFiringFor` in seconds exists from 2.42).
 */
export function rulesFromPrometheusApi(
  data: RuleDiscovery,
  source: RuleUnderCheck['source'] = 'prometheus'
): RuleUnderCheck[] {
  return (data.groups ?? []).flatMap((group) =>
    (group.rules ?? [])
      .filter((rule) => typeof rule.query === 'string' && typeof rule.name === 'string')
      .map((rule) => ({
        source,
        group: group.file ? `${group.file} / ${group.name ?? ''}` : (group.name ?? ''),
        name: rule.name!,
        type: rule.type === 'recording' ? ('recording' as const) : ('alerting' as const),
        query: rule.query!,
        ...(rule.health === 'ok' || rule.health === 'err' || rule.health === 'unknown' ? { health: rule.health } : {}),
        ...(rule.lastError ? { lastError: rule.lastError } : {}),
        ...(rule.lastEvaluation ? { lastEvaluation: rule.lastEvaluation } : {}),
        ...(typeof rule.evaluationTime === 'number' ? { evaluationSeconds: rule.evaluationTime } : {}),
        ...(typeof group.interval === 'number' ? { intervalSeconds: group.interval } : {}),
        ...(typeof rule.duration === 'number' ? { forSeconds: rule.duration } : {}),
        ...(typeof rule.keepFiringFor === 'number' ? { keepFiringForSeconds: rule.keepFiringFor } : {}),
      }))
  );
}
