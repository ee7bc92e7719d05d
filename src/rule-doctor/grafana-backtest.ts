/**
 * The backtest in Grafana: range queries through Grafana's query path (`POST /api/ds/query`, the same path detection and the
 * health checks use: it works for Viewers and keeps the datasource's credentials on the server).
 */
import { dataFrameFromJSON, FieldType, type DataFrameJSON } from '@grafana/data';
import { framesFromDsQuery, postDsQuery } from '../utils/prometheusQuery';
import type { RangeQueryApi, RangeSeries } from './backtest';

/**
 * Range queries on a Prometheus datasource through `/api/ds/query`. Grafana's Prometheus backend
 * may widen the step and aligns the range's start to it: the step it used is read back from the
 * answer (the time field's `interval`), and the backtest puts its replay on the points answered.
 */
export function grafanaRangeApi(datasourceUid: string): RangeQueryApi {
  return {
    async range(expr, start, end, step, signal) {
      const points = Math.ceil((end - start) / step) + 1;
      const response = await postDsQuery(
        {
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
        signal
      );
      // Throws the query's own error (bad PromQL, too many samples) in words.
      return rangeFromFrames(framesFromDsQuery(response, 'A'), step);
    },
  };
}

/** Series of a range answer: one number field per series, its non-null points. */
export function rangeFromFrames(
  frames: readonly DataFrameJSON[],
  asked: number
): { series: RangeSeries[]; step: number } {
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
