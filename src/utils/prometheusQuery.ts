import { dataFrameFromJSON, FieldType, type DataFrameJSON } from '@grafana/data';
import { getBackendSrv, type BackendSrvRequest, type FetchResponse } from '@grafana/runtime';

/** One series of an instant query: its labels and its value at evaluation time (NaN when null). */
export interface InstantSample {
  labels: Record<string, string>;
  value: number;
}

/** The part of `POST /api/ds/query`'s answer the app reads. */
export interface DsQueryResponse {
  results: Record<string, { status?: number; error?: string; frames?: DataFrameJSON[] }>;
}

/**
 * Prometheus' error types (web/api/v1/api.go `errorType`, v2.42 to 3.x) and what each means to a
 * user. Grafana's Prometheus backend reports an error answer as `"<errorType>: <error>"`
 * (pkg/promlib/converter/prom.go `ReadPrometheusStyleResult`: `fmt.Errorf("%s: %s", errorType,
 * promErrString)`), with Prometheus' HTTP status as the result's `status`.
 */
const PROMETHEUS_ERROR_TYPES: Record<string, string> = {
  bad_data: 'Prometheus refused the query',
  execution: 'Prometheus could not run the query',
  timeout: 'The query timed out in Prometheus',
  canceled: 'Prometheus cancelled the query',
  internal: 'Prometheus failed with an internal error',
  unavailable: 'Prometheus is unavailable',
  not_found: 'Prometheus has no such endpoint',
  not_acceptable: 'Prometheus cannot answer in the format asked',
};

/** A query's error as Grafana reported it, with Prometheus' error type when Grafana passed one on. */
export class PrometheusQueryError extends Error {
  constructor(
    /** Prometheus' `errorType` (`bad_data`, `execution`, …); absent when the error is Grafana's own (unreachable, …). */
    readonly errorType: string | undefined,
    /** Prometheus' (or Grafana's) text without the type. */
    readonly detail: string,
    /** The result's `status`: Prometheus' HTTP status, or Grafana's (502 when it could not reach it). */
    readonly status?: number
  ) {
    super(errorType ? `${PROMETHEUS_ERROR_TYPES[errorType]}: ${detail}` : detail);
    this.name = 'PrometheusQueryError';
  }
}

/** Reads Grafana's per-query `error` (and `status`) into a PrometheusQueryError. */
export function prometheusQueryError(error: string, status?: number): PrometheusQueryError {
  const typed = /^([a-z_]+): ([\s\S]*)$/.exec(error);
  return typed && typed[1] in PROMETHEUS_ERROR_TYPES
    ? new PrometheusQueryError(typed[1], typed[2], status)
    : new PrometheusQueryError(undefined, error, status);
}

/** One request through Grafana's backend service, cancelled (the HTTP request too: unsubscribing aborts it) when `signal` aborts. */
function fetchAbortable<T>(request: BackendSrvRequest, signal?: AbortSignal): Promise<FetchResponse<T>> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      subscription.unsubscribe();
      reject(signal?.reason);
    };
    const subscription = getBackendSrv()
      .fetch<T>(request)
      .subscribe({
        next: (response) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(response);
        },
        error: (error: unknown) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * `POST /api/ds/query`, answered with every query's result. A batch in which any query failed is
 * answered HTTP 400 with all results in the body (pkg/api/ds_query.go `toJsonStreamingResponse`,
 * 11.6 to main; 207 only behind the off-by-default `datasourceQueryMultiStatus` flag of 11.x):
 * that body is the answer, not a failure of the request. Anything else (no permission, datasource
 * gone, Grafana unreachable) rejects with the backend service's error.
 */
export async function postDsQuery(
  body: { queries: unknown[]; from: string; to: string },
  signal?: AbortSignal
): Promise<DsQueryResponse> {
  try {
    return (
      await fetchAbortable<DsQueryResponse>(
        { url: '/api/ds/query', method: 'POST', data: body, showErrorAlert: false, showSuccessAlert: false },
        signal
      )
    ).data;
  } catch (error) {
    const data = (error as { data?: DsQueryResponse } | undefined)?.data;
    if (data && typeof data === 'object' && data.results && typeof data.results === 'object') {
      return data;
    }
    throw error;
  }
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
  const response = await postDsQuery({ queries: [instantQuery('A', datasourceUid, expr)], from: 'now-5m', to: 'now' });
  return samplesFromDsQuery(response, 'A');
}

/**
 * The frames of one query's result. Throws the query's error as a PrometheusQueryError, which
 * names the problem (bad PromQL, too many samples, datasource down) in words.
 */
export function framesFromDsQuery(response: DsQueryResponse, refId: string): DataFrameJSON[] {
  const result = response?.results?.[refId];
  if (!result) {
    throw new Error(
      `Grafana returned no result for query ${refId}. Check that the datasource is a Prometheus datasource.`
    );
  }
  if (result.error) {
    throw prometheusQueryError(result.error, result.status);
  }
  return result.frames ?? [];
}

/** The series of one query's result; throws its error (see framesFromDsQuery). */
export function samplesFromDsQuery(response: DsQueryResponse, refId: string): InstantSample[] {
  return seriesFromFrames(framesFromDsQuery(response, refId));
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
