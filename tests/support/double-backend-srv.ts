import { from, type Observable } from 'rxjs';
import type { BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { createGrafanaApi, withQuery, type GrafanaApi } from '../../src/grafana-api';
import type { GrafanaDouble } from '../grafana-double';
import { dsQueryStatus, prometheusErrorResult } from '../sandbox/dsQuery';

/*
 * Test wiring: getBackendSrv().fetch answered by the Grafana API double (tests/grafana-double), so
 * the Setup page runs its real client and transport against a faithful Grafana. The double does
 * not serve /api/ds/query, so Prometheus is faked here: it answers the detection query with the
 * (job, metric) pairs a test says are scraped, the way Grafana frames an instant query.
 */

export interface ScrapedMetric {
  job: string;
  metric: string;
}

export interface DoubleBackendOptions {
  /** What the Prometheus behind every prometheus datasource of the double scrapes. */
  scraped?: ScrapedMetric[];
  /**
   * Answers a range query (`range: true`): the series with the times (unix seconds) they have a
   * value at. A thrown PrometheusErrorAnswer is Prometheus refusing the query, any other Error
   * Grafana failing to ask it; both become the query's error as Grafana reports them. Unset: no series.
   */
  range?: (query: RangeQueryDouble) => Promise<Array<{ labels: Record<string, string>; times: number[] }>>;
}

/** Prometheus answering a query with an error (`{"status":"error","errorType":…,"error":…}` and its HTTP status). */
export class PrometheusErrorAnswer extends Error {
  constructor(
    readonly errorType: 'bad_data' | 'execution' | 'timeout' | 'canceled' | 'internal',
    message: string,
    readonly httpStatus: number
  ) {
    super(message);
  }
}

export interface RangeQueryDouble {
  expr: string;
  /** Unix seconds. */
  from: number;
  to: number;
  stepSeconds: number;
}

/** The points of a range query (from + k × step) that fall inside [from, to): a condition true over that span. */
export function pointsIn(q: RangeQueryDouble, from: number, to: number): number[] {
  const times: number[] = [];
  for (let t = q.from; t <= q.to; t += q.stepSeconds) {
    if (t >= from && t < to) {
      times.push(t);
    }
  }
  return times;
}

export type BackendFetch = (request: BackendSrvRequest) => Observable<FetchResponse<unknown>>;

/** A getBackendSrv().fetch over the double; rejects non-2xx answers like Grafana's BackendSrv (a FetchError). */
export function doubleBackendFetch(double: GrafanaDouble, options: DoubleBackendOptions = {}): BackendFetch {
  return (request) => from(answer(double, options, request));
}

async function answer(
  double: GrafanaDouble,
  options: DoubleBackendOptions,
  request: BackendSrvRequest
): Promise<FetchResponse<unknown>> {
  const method = (request.method ?? 'GET').toUpperCase();
  const reply =
    request.url === '/api/ds/query' && method === 'POST'
      ? await dsQuery(double, options, request.data)
      : await double.handle({
          method,
          url: withQuery(request.url, request.params as Record<string, string> | undefined),
          headers: request.headers as Record<string, string> | undefined,
          body: request.data,
        });
  if (reply.status >= 200 && reply.status < 300) {
    return {
      status: reply.status,
      statusText: 'OK',
      ok: true,
      data: reply.body,
      headers: {} as Headers,
      redirected: false,
      type: 'basic',
      url: request.url,
      config: request,
    } as FetchResponse<unknown>;
  }
  throw { status: reply.status, statusText: `HTTP ${reply.status}`, data: reply.body, config: request };
}

interface DsQueryRequest {
  queries: Array<{ refId: string; expr: string; datasource?: { uid?: string }; range?: boolean; intervalMs?: number }>;
  from?: string;
  to?: string;
}

async function dsQuery(
  double: GrafanaDouble,
  options: DoubleBackendOptions,
  body: unknown
): Promise<{ status: number; body: unknown }> {
  const { queries, from, to } = body as DsQueryRequest;
  const results: Record<string, unknown> = {};
  for (const q of queries) {
    const ds = double.datasources.get(q.datasource?.uid ?? '');
    if (!ds) {
      return { status: 404, body: { message: 'Data source not found' } };
    }
    if (q.range) {
      results[q.refId] = await rangeResult(options, q, Number(from) / 1000, Number(to) / 1000);
      continue;
    }
    const pairs = (options.scraped ?? []).filter((s) => q.expr.includes(s.metric));
    results[q.refId] = {
      status: 200,
      frames: pairs.map(({ job, metric }) => ({
        schema: {
          fields: [
            { name: 'Time', type: 'time' },
            { name: 'Value', type: 'number', labels: { job, metric } },
          ],
        },
        data: { values: [[Date.now()], [1]] },
      })),
    };
  }
  return { status: dsQueryStatus({ results }), body: { results } };
}

/**
 * A range query's result as Grafana frames it: one frame per series, its points only, the step in
 * the time field's `interval` (ms). A query error is reported as Grafana's Prometheus backend does
 * (tests/sandbox/dsQuery.ts `prometheusErrorResult`), and the whole request is then HTTP 400.
 */
async function rangeResult(
  options: DoubleBackendOptions,
  q: DsQueryRequest['queries'][number],
  from: number,
  to: number
): Promise<unknown> {
  const stepSeconds = (q.intervalMs ?? 15_000) / 1000;
  try {
    const series = (await options.range?.({ expr: q.expr, from, to, stepSeconds })) ?? [];
    return {
      status: 200,
      frames: series.map(({ labels, times }) => ({
        schema: {
          fields: [
            { name: 'Time', type: 'time', config: { interval: stepSeconds * 1000 } },
            { name: 'Value', type: 'number', labels },
          ],
        },
        data: { values: [times.map((t) => t * 1000), times.map(() => 1)] },
      })),
    };
  } catch (error) {
    if (error instanceof PrometheusErrorAnswer) {
      return prometheusErrorResult(
        q.refId,
        { errorType: error.errorType, error: error.message },
        error.httpStatus,
        q.expr,
        stepSeconds
      );
    }
    return { error: error instanceof Error ? error.message : String(error), status: 502 };
  }
}

/** The engine's client straight onto the double (no fetch: jsdom has no Request/Response), e.g. to seed state. */
export function doubleApi(double: GrafanaDouble, user?: string, disableProvenance?: boolean): GrafanaApi {
  return createGrafanaApi(
    async (request) => {
      const reply = await double.handle({
        method: request.method,
        url: withQuery(request.path, request.query),
        headers: { ...request.headers, ...(user ? { 'X-Grafana-Double-User': user } : {}) },
        body: request.body,
      });
      return { status: reply.status, data: reply.body };
    },
    { disableProvenance }
  );
}
