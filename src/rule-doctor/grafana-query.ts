/**
 * The doctor's questions to Prometheus through Grafana's supported query path, `POST /api/ds/query`
 * with the app's Prometheus datasource (as the Health page asks its checks: it works for Viewers and
 * keeps the datasource's credentials on the server).
 */
import { dataFrameFromJSON, FieldType, type DataFrameJSON } from '@grafana/data';
import { getBackendSrv, type BackendSrvRequest, type FetchResponse } from '@grafana/runtime';
import { instantQuery, samplesFromDsQuery, type DsQueryResponse } from '../utils/prometheusQuery';
import { RuleQueryRefused, type RuleQueryApi } from './diagnose';

/**
 * Grafana reports Prometheus' error as `"<errorType>: <error>"` (grafana-plugin-sdk-go
 * data/converters/prometheus/prom.go `ReadPrometheusStyleResult`); `bad_data` is Prometheus refusing
 * the query itself (a parse or type error), which is a finding, not a failure to ask.
 */
const REFUSED = /^bad_data: /;

/** One request, cancelled (the HTTP request too: unsubscribing aborts it) when `signal` aborts. */
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

async function dsQuery(body: unknown, signal?: AbortSignal): Promise<DsQueryResponse> {
  try {
    return (
      await fetchAbortable<DsQueryResponse>(
        { url: '/api/ds/query', method: 'POST', data: body, showErrorAlert: false, showSuccessAlert: false },
        signal
      )
    ).data;
  } catch (error) {
    // A batch with a failed query is answered HTTP 400 with every result (pkg/api/ds_query.go
    // `toJsonStreamingResponse`): the per-query error is in the body.
    const data = (error as { data?: DsQueryResponse } | undefined)?.data;
    if (data && typeof data === 'object' && data.results) {
      return data;
    }
    throw error;
  }
}

function refusedOrError(response: DsQueryResponse): void {
  const message = response.results?.A?.error;
  if (message && REFUSED.test(message)) {
    throw new RuleQueryRefused(message.replace(REFUSED, ''));
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
      const response = await dsQuery(
        { queries: [instantQuery('A', datasourceUid, expr)], from: 'now-5m', to: 'now' },
        signal
      );
      refusedOrError(response);
      return samplesFromDsQuery(response, 'A');
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
      const response = await dsQuery({ queries: [query], from: String(start * 1000), to: String(end * 1000) }, signal);
      refusedOrError(response);
      const result = response.results?.A;
      if (!result) {
        throw new Error('Grafana returned no result for the range query.');
      }
      if (result.error) {
        throw new Error(result.error);
      }
      return presenceFromFrames(result.frames);
    },
  };
}
