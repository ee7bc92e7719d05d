/**
 * The doctor's questions to Prometheus through Grafana's supported query path, `POST /api/ds/query`
 * with the app's Prometheus datasource (as the Health page asks its checks: it works for Viewers and
 * keeps the datasource's credentials on the server).
 */
import { dataFrameFromJSON, FieldType, type DataFrameJSON } from '@grafana/data';
import {
  framesFromDsQuery,
  instantQuery,
  postDsQuery,
  PrometheusQueryError,
  seriesFromFrames,
  type DsQueryResponse,
} from '../utils/prometheusQuery';
import { RuleQueryRefused, type RuleQueryApi } from './diagnose';

/**
 * The frames of query A; `bad_data` (Prometheus refusing the query itself: a parse or type error)
 * is a finding, not a failure to ask.
 */
function framesOrRefused(response: DsQueryResponse): DataFrameJSON[] {
  try {
    return framesFromDsQuery(response, 'A');
  } catch (error) {
    if (error instanceof PrometheusQueryError && error.errorType === 'bad_data') {
      throw new RuleQueryRefused(error.detail);
    }
    throw error;
  }
}

/** Unix seconds at which some series of the frames has a value. */
export function presenceFromFrames(frames: readonly DataFrameJSON[] = []): number[] {
  const times = new Set<number>();
  for (const json of frames) {
    const frame = dataFrameFromJSON(json);
    const time = frame.fields.find((f) => f.type === FieldType.time);
    if (!time) {
      continue;
    }
    for (const field of frame.fields.filter((f) => f.type === FieldType.number)) {
      field.values.forEach((value: unknown, i: number) => {
        if (value !== null && value !== undefined && !Number.isNaN(value)) {
          times.add(Math.round(Number(time.values[i]) / 1000));
        }
      });
    }
  }
  return [...times].sort((a, b) => a - b);
}

export function grafanaRuleQueryApi(datasourceUid: string, signal?: AbortSignal): RuleQueryApi {
  return {
    async instant(expr) {
      const response = await postDsQuery(
        { queries: [instantQuery('A', datasourceUid, expr)], from: 'now-5m', to: 'now' },
        signal
      );
      return seriesFromFrames(framesOrRefused(response));
    },
    async presence(expr, start, end, step) {
      const query = {
        ...instantQuery('A', datasourceUid, expr),
        instant: false,
        range: true,
        intervalMs: step * 1000,
        // Enough points that Grafana keeps the asked step (it widens the step to fit maxDataPoints).
        maxDataPoints: Math.ceil((end - start) / step) + 1,
      };
      const response = await postDsQuery(
        { queries: [query], from: String(start * 1000), to: String(end * 1000) },
        signal
      );
      return presenceFromFrames(framesOrRefused(response));
    },
  };
}
