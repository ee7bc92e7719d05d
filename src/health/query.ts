/**
 * Runs the health checks as instant queries through Grafana's supported query path,
 * `POST /api/ds/query` (Grafana runs Prometheus queries in its backend, with the datasource's
 * credentials; see reference/grafana-api.md), and turns the answer into check results.
 */
import {
  instantQuery,
  postDsQuery,
  prometheusQueryError,
  seriesFromFrames,
  type DsQueryResponse,
} from '../utils/prometheusQuery';
import { fetchErrorMessage } from '../utils/fetchError';
import type { HealthCheck } from './checks';
import type { CheckResult } from './verdict';

/** refIds must be unique per request; check ids are, and they make the answer readable. */
export function buildHealthQueryRequest(
  checks: readonly HealthCheck[],
  datasourceUid: string,
  expr: (c: HealthCheck) => string
) {
  return {
    queries: checks.map((check) => instantQuery(check.id, datasourceUid, expr(check))),
    from: 'now-5m',
    to: 'now',
  };
}

export function parseHealthResponse(checks: readonly HealthCheck[], response: DsQueryResponse): CheckResult[] {
  return checks.map((check) => {
    const result = response.results?.[check.id];
    if (!result) {
      return { checkId: check.id, series: [], error: 'Grafana returned no result for this query' };
    }
    if (result.error) {
      return { checkId: check.id, series: [], error: prometheusQueryError(result.error, result.status).message };
    }
    return { checkId: check.id, series: seriesFromFrames(result.frames) };
  });
}

/**
 * All checks in one request. A failing request (datasource gone, no permission) rejects with a
 * message that says what failed; a failing query only marks its own check. When every query failed,
 * the datasource did (Prometheus unreachable, a wrong URL or credentials: Grafana answers each query
 * with the same error), and that rejects too: otherwise the page said "No problems found, but 56
 * checks could not run" and listed the one error 56 times.
 */
export async function fetchCheckResults(
  checks: readonly HealthCheck[],
  datasourceUid: string,
  expr: (c: HealthCheck) => string
): Promise<CheckResult[]> {
  let results: CheckResult[];
  try {
    results = parseHealthResponse(checks, await postDsQuery(buildHealthQueryRequest(checks, datasourceUid, expr)));
  } catch (error) {
    throw new Error(`Could not query the Prometheus datasource: ${fetchErrorMessage(error)}`);
  }
  const failed = results.filter((r) => r.error);
  // Only one error for all: checks that each fail their own way (a store refusing some functions)
  // are still the checks' failures, shown one by one.
  if (results.length > 0 && failed.length === results.length && new Set(failed.map((r) => r.error)).size === 1) {
    throw new Error(`Could not query the Prometheus datasource: ${failed[0].error}`);
  }
  return results;
}
