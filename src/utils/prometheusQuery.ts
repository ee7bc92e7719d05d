import { dataFrameFromJSON, FieldType, type DataFrameJSON } from '@grafana/data';
import { fetchOnce } from './fetchOnce';

/** One series of an instant query: its labels and its value at evaluation time (NaN when null). */
export interface InstantSample {
  labels: Record<string, string>;
  value: number;
}

/** The part of `POST /api/ds/query`'s answer the app reads. */
export interface DsQueryResponse {
  results: Record<string, { status?: number; error?: string; frames?: DataFrameJSON[] }>;
}

/** One instant Prometheus query in `/api/ds/query`'s request format. */
export function instantQuery(refId: string, datasourceUid: string, expr: string) {
  return {
    refId,
    datasource: { type: 'prometheus', uid: datasourceUid },
    expr,
    instant: true,
    range: false,
    format: 'time_series',
    intervalMs: 15000,
    maxDataPoints: 1,
  };
}

/**
 * An instant query on a Prometheus datasource through Grafana's supported query path
 * (`POST /api/ds/query`): it works for Viewers, keeps the datasource's credentials on the server,
 * and, unlike the old datasource proxy, survives Grafana running Prometheus queries in its backend.
 */
export async function queryPrometheusInstant(datasourceUid: string, expr: string): Promise<InstantSample[]> {
  const response = await fetchOnce<DsQueryResponse>({
    url: '/api/ds/query',
    method: 'POST',
    showErrorAlert: false,
    data: { queries: [instantQuery('A', datasourceUid, expr)], from: 'now-5m', to: 'now' },
  });
  return samplesFromDsQuery(response.data, 'A');
}

/**
 * The series of one query's result. Throws Grafana's (or Prometheus') own error for the query,
 * which names the problem (bad PromQL, datasource down).
 */
export function samplesFromDsQuery(response: DsQueryResponse, refId: string): InstantSample[] {
  const result = response?.results?.[refId];
  if (!result) {
    throw new Error(
      `Grafana returned no result for query ${refId}. Check that the datasource is a Prometheus datasource.`
    );
  }
  if (result.error) {
    throw new Error(result.error);
  }
  return seriesFromFrames(result.frames);
}

/**
 * Series values from the frames of one result. Grafana answers an instant Prometheus query with
 * one frame per series (a time field and a number field carrying the labels) or, in some
 * versions, a wide frame with several number fields; both are read the same way: each number
 * field is a series, its last value counts.
 */
export function seriesFromFrames(frames: readonly DataFrameJSON[] = []): InstantSample[] {
  return frames.flatMap((json) => {
    const frame = dataFrameFromJSON(json);
    return frame.fields
      .filter((field) => field.type === FieldType.number)
      .flatMap((field): InstantSample[] => {
        const values = field.values as Array<number | null | undefined>;
        if (values.length === 0) {
          return [];
        }
        const last = values[values.length - 1];
        return [{ labels: { ...(field.labels ?? {}) }, value: last === null || last === undefined ? NaN : last }];
      });
  });
}
