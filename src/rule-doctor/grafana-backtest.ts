/**
 * The backtest in Grafana: a Grafana-managed rule's condition as one PromQL expression, and range
 * queries through Grafana's query path (`POST /api/ds/query`, the same path detection and the
 * health checks use: it works for Viewers and keeps the datasource's credentials on the server).
 */
import { dataFrameFromJSON, FieldType, type DataFrameJSON } from '@grafana/data';
import type { AlertRulePayload } from '../grafana-api/types';
import { fetchOnce } from '../utils/fetchOnce';
import { samplesFromDsQuery, type DsQueryResponse } from '../utils/prometheusQuery';
import { promDurationMs } from '../utils/durations';
import type { BacktestRule, RangeQueryApi, RangeSeries } from './backtest';

interface QueryNode {
  refId: string;
  datasourceUid: string;
  model: Record<string, unknown>;
}

const COMPARISONS: Record<string, string> = { gt: '>', lt: '<' };

/**
 * The condition of a rule shaped as Grafana's "PromQL → reduce → threshold" chain (every rule
 * the plugin writes: src/alerting/grafana-rules.ts) as `(<query>) > <threshold>`, with its `for`
 * and `keep_firing_for`: a series Grafana would see above (below) the threshold is a series the
 * expression returns. Anything else (math expressions, several queries, a range threshold)
 * answers with why it cannot be replayed.
 *
 * Replayed with Prometheus' state machine, which matches Grafana's where it matters here
 * (pending after `for`, resolved at the first evaluation where the value is back on the right
 * side). Not modelled: the alert Grafana raises on no data (`noDataState`), and a series that
 * vanishes from the query entirely, which Grafana resolves only after two missed evaluations.
 */
export function grafanaBacktestRule(rule: AlertRulePayload, intervalSeconds: number): BacktestRule | string {
  const nodes = new Map<string, QueryNode>(
    (rule.data as unknown as QueryNode[]).map((q) => [q.refId, { ...q, model: q.model ?? {} }])
  );
  const threshold = nodes.get(rule.condition);
  const evaluator = (threshold?.model.conditions as Array<{ evaluator?: { type?: string; params?: number[] } }>)?.[0]
    ?.evaluator;
  const comparison = COMPARISONS[evaluator?.type ?? ''];
  const bound = evaluator?.params?.[0];
  if (threshold?.model.type !== 'threshold' || !comparison || typeof bound !== 'number' || !Number.isFinite(bound)) {
    return 'its condition is not a threshold above or below one value';
  }
  const reduce = nodes.get(String(threshold.model.expression ?? ''));
  if (reduce?.model.type !== 'reduce' || reduce.model.reducer !== 'last') {
    return 'its threshold does not read the last value of a query';
  }
  const query = nodes.get(String(reduce.model.expression ?? ''));
  if (!query || typeof query.model.expr !== 'string' || query.model.type !== undefined) {
    return 'it does not read a PromQL query';
  }
  const forMs = promDurationMs(rule.for ?? '0s');
  const keepMs = promDurationMs(rule.keep_firing_for ?? '0s');
  if (forMs === undefined || keepMs === undefined) {
    return `its "for" (${String(rule.for)}) or "keep_firing_for" is not a duration`;
  }
  return {
    name: rule.title,
    expr: `(${query.model.expr}) ${comparison} ${bound}`,
    forSeconds: forMs / 1000,
    keepFiringForSeconds: keepMs / 1000,
    intervalSeconds,
  };
}

/** The datasource a Grafana rule's PromQL query runs on. */
export function grafanaRuleDatasource(rule: AlertRulePayload): string | undefined {
  return (rule.data as unknown as QueryNode[]).find((q) => typeof q.model?.expr === 'string')?.datasourceUid;
}

/**
 * Range queries on a Prometheus datasource through `/api/ds/query`. Grafana's Prometheus backend
 * may widen the step and aligns the range's start to it: the step it used is read back from the
 * answer (the time field's `interval`), and the backtest puts its replay on the points answered.
 */
export function grafanaRangeApi(datasourceUid: string): RangeQueryApi {
  return {
    async range(expr, start, end, step, signal) {
      const points = Math.ceil((end - start) / step) + 1;
      const response = await fetchOnce<DsQueryResponse>({
        url: '/api/ds/query',
        method: 'POST',
        showErrorAlert: false,
        abortSignal: signal,
        data: {
          queries: [
            {
              refId: 'A',
              datasource: { type: 'prometheus', uid: datasourceUid },
              expr,
              range: true,
              instant: false,
              format: 'time_series',
              interval: `${step}s`,
              intervalMs: step * 1000,
              // More than the points asked for, so Grafana's own interval (range / maxDataPoints) never wins over `step`.
              maxDataPoints: points * 2,
            },
          ],
          from: String(Math.floor(start * 1000)),
          to: String(Math.ceil(end * 1000)),
        },
      });
      // Throws the query's own error (bad PromQL, too many samples) with Grafana's message.
      samplesFromDsQuery(response.data, 'A');
      return rangeFromFrames(response.data.results.A.frames ?? [], step);
    },
  };
}

/** Series of a range answer: one number field per series, its non-null points. */
export function rangeFromFrames(frames: readonly DataFrameJSON[], asked: number): { series: RangeSeries[]; step: number } {
  let step = asked;
  const series = frames.flatMap((json) => {
    const frame = dataFrameFromJSON(json);
    const time = frame.fields.find((f) => f.type === FieldType.time);
    if (!time) {
      return [];
    }
    if (typeof time.config.interval === 'number' && time.config.interval > 0) {
      step = time.config.interval / 1000;
    }
    const times = time.values as number[];
    return frame.fields
      .filter((f) => f.type === FieldType.number)
      .map((f) => ({
        labels: { ...(f.labels ?? {}) },
        times: times
          .filter((_, i) => f.values[i] !== null && f.values[i] !== undefined && !Number.isNaN(f.values[i]))
          .map((t) => t / 1000),
      }))
      .filter((s) => s.times.length > 0);
  });
  return { series, step };
}
