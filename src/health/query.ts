/**
 * Runs the health checks as instant queries through Grafana's supported query path,
 * `POST /api/ds/query` (Grafana runs Prometheus queries in its backend, with the datasource's
 * credentials; see reference/grafana-api.md), and turns the answer into check results.
 */
import { dataFrameFromJSON, FieldType, type DataFrameJSON } from '@grafana/data';
import { fetchOnce } from '../utils/fetchOnce';
import { fetchErrorMessage } from '../utils/fetchError';
import type { HealthCheck } from './checks';
import type { CheckResult, SeriesValue } from './verdict';

export interface DsQueryResponse {
  results: Record<string, { status?: number; error?: string; frames?: DataFrameJSON[] }>;
}

/** refIds must be unique per request; check ids are, and they make the answer readable. */
export function buildHealthQueryRequest(
  checks: readonly HealthCheck[],
  datasourceUid: string,
  expr: (c: HealthCheck) => string
) {
  return {
    queries: checks.map((check) => ({
      refId: check.id,
      datasource: { type: 'prometheus', uid: datasourceUid },
      expr: expr(check),
      instant: true,
      range: false,
      format: 'time_series',
      intervalMs: 15000,
      maxDataPoints: 1,
    })),
    from: 'now-5m',
    to: 'now',
  };
}

/**
 * Series values from the frames of one result. Grafana answers an instant Prometheus query with
 * one frame per series (a time field and a number field carrying the labels) or, in some
 * versions, a wide frame with several number fields; both are read the same way: each number
 * field is a series, its last value counts.
 */
export function seriesFromFrames(frames: readonly DataFrameJSON[] = []): SeriesValue[] {
  return frames.flatMap((json) => {
    const frame = dataFrameFromJSON(json);
    return frame.fields
      .filter((field) => field.type === FieldType.number)
      .flatMap((field): SeriesValue[] => {
        const values = field.values as Array<number | null | undefined>;
        if (values.length === 0) {
          return [];
        }
        const last = values[values.length - 1];
        return [{ labels: { ...(field.labels ?? {}) }, value: last === null || last === undefined ? NaN : last }];
      });
  });
}

export function parseHealthResponse(checks: readonly HealthCheck[], response: DsQueryResponse): CheckResult[] {
  return checks.map((check) => {
    const result = response.results?.[check.id];
    if (!result) {
      return { checkId: check.id, series: [], error: 'Grafana returned no result for this query' };
    }
    if (result.error) {
      return { checkId: check.id, series: [], error: result.error };
    }
    return { checkId: check.id, series: seriesFromFrames(result.frames) };
  });
}

/**
 * All checks in one request. A failing request (datasource gone, no permission) rejects with a
 * message that says what failed; a failing query only marks its own check.
 */
export async function fetchCheckResults(
  checks: readonly HealthCheck[],
  datasourceUid: string,
  expr: (c: HealthCheck) => string
): Promise<CheckResult[]> {
  try {
    const response = await fetchOnce<DsQueryResponse>({
      url: '/api/ds/query',
      method: 'POST',
      data: buildHealthQueryRequest(checks, datasourceUid, expr),
      showErrorAlert: false,
    });
    return parseHealthResponse(checks, response.data);
  } catch (error) {
    // /api/ds/query answers a partly failed batch with HTTP 207/400 and the per-query results.
    const data = (error as { data?: DsQueryResponse }).data;
    if (data && typeof data === 'object' && data.results) {
      return parseHealthResponse(checks, data);
    }
    throw new Error(`Could not query the Prometheus datasource: ${fetchErrorMessage(error)}`);
  }
}
