/**
 * POST /api/ds/query for Prometheus datasources, answered from the real test-stack Prometheus the
 * way Grafana's Prometheus backend answers it: each query becomes /api/v1/query (instant) or
 * /api/v1/query_range (range), and each series one frame `[Time, Value]` with the series' labels
 * (including __name__) on the Value field, named by legendFormat when one is set. Errors come back
 * per refId as Grafana's Prometheus backend reports them (prometheusErrorResult). `format: 'table'` gives one frame, Time, one column per label and
 * Value (`Value #<refId>` when the request has several queries), which Grafana's Prometheus frontend
 * builds from the same answer (transformV2) — done here, as the sandbox has no Prometheus frontend.
 * Not reproduced: exemplars, heatmap format, macros other than the ones below, "__auto"
 * legends, incremental querying, Grafana's query caching.
 */

export interface DsQuery {
  refId: string;
  expr?: string;
  instant?: boolean;
  range?: boolean;
  intervalMs?: number;
  maxDataPoints?: number;
  legendFormat?: string;
  format?: 'time_series' | 'table' | 'heatmap';
  hide?: boolean;
  datasource?: { uid?: string; type?: string };
}

export interface DsQueryBody {
  queries: DsQuery[];
  from?: string;
  to?: string;
}

interface PromSeries {
  metric: Record<string, string>;
  value?: [number, string];
  values?: Array<[number, string]>;
}

interface PromAnswer {
  status: string;
  error?: string;
  errorType?: string;
  data?: { resultType: string; result: PromSeries[] | [number, string] };
}

/**
 * A query's result when Prometheus answered an error (`{"status":"error","errorType":…,"error":…}`),
 * as Grafana's `/api/ds/query` reports it:
 * - `error` is `"<errorType>: <error>"`: grafana/grafana pkg/promlib/converter/prom.go
 *   `ReadPrometheusStyleResult` (`fmt.Errorf("%s: %s", errorType, promErrString)`; read at commits
 *   1a4b5a61 (main, 2026) and the 11.x-era one with `rspDownstreamErr`: the same format);
 * - `status` is Prometheus' own HTTP status (400 bad_data, 422 execution, 503 timeout):
 *   pkg/promlib/querydata/response.go `parseResponse`, `r.Status = backend.Status(res.StatusCode)`
 *   (commits 00aaabde and 79378f21; the later one parses only 2xx, 400, 422 and 503 answers);
 * - an empty frame carries the executed query: `parseResponse` adds `data.NewFrame("")` when there is
 *   none and sets `Meta.ExecutedQueryString` to "Expr: <expr>\nStep: <step>" on the first frame;
 * - the JSON writes `error`, then `errorSource`, then `status`, then `frames`: grafana-plugin-sdk-go
 *   backend/json.go `writeDataResponseJSON` (v0.260.0 to v0.296.3, unchanged). `errorSource` is
 *   "downstream" where promlib sets it (11.x-era `rspDownstreamErr`); main's converter leaves it empty.
 */
export function prometheusErrorResult(
  refId: string,
  answer: { errorType?: string; error?: string },
  httpStatus: number,
  expr: string,
  stepS: number
) {
  return {
    error: `${answer.errorType ?? ''}: ${answer.error ?? ''}`,
    errorSource: 'downstream',
    status: httpStatus,
    frames: [
      {
        schema: { refId, meta: { executedQueryString: `Expr: ${expr}\nStep: ${goDuration(stepS)}` }, fields: [] },
        data: { values: [] },
      },
    ],
  };
}

/** Go's time.Duration.String() for whole seconds ("15s", "1m0s", "1h0m0s"), as Grafana prints the step. */
function goDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h ? `${h}h${m}m${s}s` : m ? `${m}m${s}s` : `${s}s`;
}

const UNITS: Record<string, number> = { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 604800e3, y: 31536000e3 };

/** Grafana's time strings: epoch milliseconds, "now", "now-5m". */
export function parseGrafanaTime(value: string | undefined, now: number, fallback: number): number {
  if (!value) {
    return fallback;
  }
  if (/^\d+$/.test(value)) {
    return Number(value);
  }
  const relative = /^now(?:-(\d+)([smhdwy]))?$/.exec(value);
  if (relative) {
    return relative[1] ? now - Number(relative[1]) * UNITS[relative[2]] : now;
  }
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) {
    throw new Error(`Cannot read the time "${value}".`);
  }
  return parsed;
}

/** Grafana's step: the query interval, widened so that no more than maxDataPoints (and 11,000) points come back. */
export function stepSeconds(fromMs: number, toMs: number, intervalMs?: number, maxDataPoints?: number): number {
  const span = Math.max(toMs - fromMs, 1000) / 1000;
  const byPoints = span / Math.min(maxDataPoints || 1000, 11000);
  return Math.max(Math.ceil(Math.max((intervalMs ?? 15000) / 1000, byPoints)), 1);
}

/** Grafana's $__interval, $__rate_interval and $__range, filled from the step and the range. */
export function applyMacros(expr: string, stepS: number, rangeMs: number): string {
  return expr
    .replace(/\$__rate_interval/g, `${Math.max(4 * 15, stepS + 15)}s`)
    .replace(/\$__interval_ms/g, String(stepS * 1000))
    .replace(/\$__interval/g, `${stepS}s`)
    .replace(/\$__range_s/g, String(Math.round(rangeMs / 1000)))
    .replace(/\$__range/g, `${Math.round(rangeMs / 1000)}s`);
}

/** Grafana's legend: `{{label}}` filled from the series' labels; empty or "__auto" leaves the name to the frontend. */
export function legendFor(legendFormat: string | undefined, labels: Record<string, string>): string | undefined {
  if (!legendFormat || legendFormat === '__auto') {
    return undefined;
  }
  return legendFormat.replace(/\{\{\s*(.+?)\s*\}\}/g, (_, name: string) => labels[name] ?? '');
}

function frame(
  refId: string,
  series: PromSeries,
  points: Array<[number, string]>,
  stepMs: number,
  kind: string,
  expr: string,
  legendFormat?: string
) {
  const displayNameFromDS = legendFor(legendFormat, series.metric);
  return {
    schema: {
      refId,
      meta: {
        type: kind === 'matrix' ? 'timeseries-multi' : 'numeric-multi',
        typeVersion: [0, 1],
        executedQueryString: `Expr: ${expr}`,
      },
      fields: [
        { name: 'Time', type: 'time', typeInfo: { frame: 'time.Time' }, config: { interval: stepMs } },
        {
          name: 'Value',
          type: 'number',
          typeInfo: { frame: 'float64' },
          labels: { ...series.metric },
          config: displayNameFromDS ? { displayNameFromDS } : {},
        },
      ],
    },
    data: { values: [points.map(([t]) => Math.round(t * 1000)), points.map(([, v]) => Number(v))] },
  };
}

/** Grafana's table format: every point of every series as a row, labels as columns (sorted, without __name__). */
function tableFrame(refId: string, series: PromSeries[], expr: string, valueName: string) {
  const labelNames = [...new Set(series.flatMap((s) => Object.keys(s.metric)))].filter((n) => n !== '__name__').sort();
  const rows = series.flatMap((s) => (s.values ?? (s.value ? [s.value] : [])).map((point) => ({ s, point })));
  return {
    schema: {
      refId,
      meta: {
        type: 'table',
        typeVersion: [0, 1],
        preferredVisualisationType: 'table',
        executedQueryString: `Expr: ${expr}`,
      },
      fields: [
        { name: 'Time', type: 'time', typeInfo: { frame: 'time.Time' }, config: {} },
        ...labelNames.map((name) => ({
          name,
          type: 'string',
          typeInfo: { frame: 'string' },
          config: { filterable: true },
        })),
        { name: valueName, type: 'number', typeInfo: { frame: 'float64' }, config: {} },
      ],
    },
    data: {
      values: [
        rows.map(({ point }) => Math.round(point[0] * 1000)),
        ...labelNames.map((name) => rows.map(({ s }) => s.metric[name] ?? '')),
        rows.map(({ point }) => Number(point[1])),
      ],
    },
  };
}

export async function answerDsQuery(
  body: DsQueryBody,
  prometheusUrlFor: (uid: string | undefined) => string | undefined,
  now = Date.now()
) {
  const from = parseGrafanaTime(body.from, now, now - 3600e3);
  const to = parseGrafanaTime(body.to, now, now);
  const results: Record<string, unknown> = {};
  await Promise.all(
    (body.queries ?? []).map(async (query) => {
      if (query.hide || !query.expr) {
        results[query.refId] = { status: 200, frames: [] };
        return;
      }
      const base = prometheusUrlFor(query.datasource?.uid);
      if (!base) {
        results[query.refId] = {
          status: 400,
          error: `datasource ${query.datasource?.uid} is not a Prometheus datasource the sandbox knows`,
        };
        return;
      }
      const step = stepSeconds(from, to, query.intervalMs, query.maxDataPoints);
      const expr = applyMacros(query.expr, step, to - from);
      const instant = Boolean(query.instant) && !query.range;
      const params = new URLSearchParams({ query: expr });
      if (instant) {
        params.set('time', String(to / 1000));
      } else {
        params.set('start', String(Math.floor(from / 1000 / step) * step));
        params.set('end', String(Math.ceil(to / 1000 / step) * step));
        params.set('step', String(step));
      }
      try {
        const response = await fetch(`${base.replace(/\/$/, '')}/api/v1/${instant ? 'query' : 'query_range'}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: params,
        });
        const answer = (await response.json()) as PromAnswer;
        if (answer.status !== 'success' || !answer.data) {
          results[query.refId] = prometheusErrorResult(query.refId, answer, response.status, expr, step);
          return;
        }
        const { resultType, result } = answer.data;
        const series: PromSeries[] =
          resultType === 'scalar' ? [{ metric: {}, value: result as [number, string] }] : (result as PromSeries[]);
        if (query.format === 'table') {
          const valueName = (body.queries ?? []).filter((q) => !q.hide).length > 1 ? `Value #${query.refId}` : 'Value';
          results[query.refId] = { status: 200, frames: [tableFrame(query.refId, series, expr, valueName)] };
          return;
        }
        results[query.refId] = {
          status: 200,
          frames: series.map((s) =>
            frame(
              query.refId,
              s,
              s.values ?? (s.value ? [s.value] : []),
              step * 1000,
              resultType,
              expr,
              query.legendFormat
            )
          ),
        };
      } catch (error) {
        // Grafana's text here is Go's (`Post "<url>": dial tcp …: connect: connection refused`), with
        // status 502 (querydata/request.go: a client error is `backend.StatusBadGateway`). Not copied: Node's words differ.
        results[query.refId] = {
          error: `Post "${base}/api/v1/${instant ? 'query' : 'query_range'}": ${error instanceof Error ? error.message : error}`,
          errorSource: '',
          status: 502,
        };
      }
    })
  );
  return { results };
}

/**
 * The HTTP status Grafana gives a /api/ds/query answer: 400 as soon as any refId carries an error,
 * else 200 (pkg/api/ds_query.go `toJsonStreamingResponse`, every version read: 11.x sets
 * `statusWhenError` = 400 unless the off-by-default `datasourceQueryMultiStatus` flag asks for 207;
 * 12.x/main dropped the flag). The body still holds every refId's result. There is no
 * "400 only when all failed".
 */
export function dsQueryStatus(answer: { results: Record<string, unknown> }): 200 | 400 {
  const failed = Object.values(answer.results).some((r) => typeof (r as { error?: unknown }).error === 'string');
  return failed ? 400 : 200;
}
