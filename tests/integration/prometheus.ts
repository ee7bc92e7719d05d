// A small typed client for Prometheus' HTTP API, for integration tests against the real stack
// (scripts/stack/start.sh). Every failure says which request failed and why, so a red test points at the cause.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEFAULT_STACK_DIR = '/tmp/fsm-stack';
export const DEFAULT_PROM_URL = 'http://127.0.0.1:19090';
export const START_HINT = 'start the test stack with scripts/stack/start.sh';

export type Labels = Record<string, string>;
/** [unix seconds, value as Prometheus prints it] */
export type SamplePair = [number, string];
export interface VectorSample {
  metric: Labels;
  value: SamplePair;
}
export interface RangeSeries {
  metric: Labels;
  values: SamplePair[];
}
export type QueryData =
  | { resultType: 'vector'; result: VectorSample[] }
  | { resultType: 'matrix'; result: RangeSeries[] }
  | { resultType: 'scalar' | 'string'; result: SamplePair };

export interface ActiveTarget {
  scrapePool: string;
  scrapeUrl: string;
  globalUrl: string;
  labels: Labels;
  discoveredLabels: Labels;
  health: 'up' | 'down' | 'unknown';
  lastError: string;
  lastScrape: string;
  lastScrapeDuration: number;
  scrapeInterval: string;
  scrapeTimeout: string;
}
export interface Targets {
  activeTargets: ActiveTarget[];
  droppedTargets: Array<{ discoveredLabels: Labels }>;
}

export class PrometheusError extends Error {
  constructor(
    message: string,
    readonly request: string,
    readonly status?: number,
    readonly errorType?: string
  ) {
    super(message);
    this.name = 'PrometheusError';
  }
}

/** The stack's env file, as KEY=VALUE pairs; empty when the stack has not written one. */
export function readStackEnv(stackDir = process.env.FSM_STACK_DIR ?? DEFAULT_STACK_DIR): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(join(stackDir, 'stack.env'), 'utf8');
  } catch {
    return {};
  }
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (match) {
      env[match[1]] = match[2];
    }
  }
  return env;
}

/** FSM_PROM_URL from the environment, else from the stack's env file (it knows overridden ports), else the default. */
export function prometheusUrl(): string {
  return process.env.FSM_PROM_URL || readStackEnv().FSM_PROM_URL || DEFAULT_PROM_URL;
}

type Params = Record<string, string | string[] | number | undefined>;

function encode(params: Params): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined) {
        search.append(key, String(item));
      }
    }
  }
  return search;
}

/** params as key=value, unescaped: error messages should show the PromQL as written */
function readable(params: Params): string {
  return [...encode(params)].map(([key, value]) => `${key}=${value}`).join(' ');
}

const secondsOf = (time: Date | number) => (time instanceof Date ? time.getTime() / 1000 : time);

export interface PrometheusClientOptions {
  /** per request; a dead stack should fail a test in seconds, not at Jest's timeout */
  timeoutMs?: number;
}

export function createPrometheusClient(
  baseUrl = prometheusUrl(),
  { timeoutMs = 10_000 }: PrometheusClientOptions = {}
) {
  const root = baseUrl.replace(/\/+$/, '');

  async function send(method: 'GET' | 'POST', path: string, params: Params = {}): Promise<Response> {
    const body = encode(params);
    const url = method === 'GET' && body.toString() !== '' ? `${root}${path}?${body}` : `${root}${path}`;
    const described = `${method} ${root}${path} ${readable(params)}`.trim();
    try {
      return await fetch(url, {
        method,
        body: method === 'POST' ? body : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      // fetch hides the useful part (ECONNREFUSED, timeout) in `cause`; duck-typed because Jest's sandbox has its
      // own Error class, so instanceof fails for errors thrown by Node itself
      const { message, cause } = err as { message?: string; cause?: { message?: string } };
      const reason = cause?.message ?? message ?? String(err);
      throw new PrometheusError(`cannot reach Prometheus (${described}): ${reason}; ${START_HINT}`, described);
    }
  }

  /** Any /api/v1 endpoint; resolves to its `data`, rejects with Prometheus' own errorType and error. */
  async function api<T>(path: string, params: Params = {}, method: 'GET' | 'POST' = 'GET'): Promise<T> {
    const response = await send(method, `/api/v1${path}`, params);
    const described = `${method} /api/v1${path} ${readable(params)}`.trim();
    const text = await response.text();
    let parsed: { status?: string; data?: T; errorType?: string; error?: string };
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new PrometheusError(
        `Prometheus answered ${described} with HTTP ${response.status} and no JSON: ${text.slice(0, 200)}`,
        described,
        response.status
      );
    }
    if (!response.ok || parsed.status !== 'success') {
      throw new PrometheusError(
        `Prometheus rejected ${described}: HTTP ${response.status} ${parsed.errorType ?? ''}: ${parsed.error ?? text.slice(0, 200)}`,
        described,
        response.status,
        parsed.errorType
      );
    }
    return parsed.data as T;
  }

  async function query(expr: string, time?: Date | number): Promise<QueryData> {
    return api<QueryData>('/query', { query: expr, time: time === undefined ? undefined : secondsOf(time) }, 'POST');
  }

  return {
    url: root,
    api,

    /** Resolves once Prometheus answers /-/ready with 200. */
    async ready(): Promise<void> {
      const response = await send('GET', '/-/ready');
      if (!response.ok) {
        throw new PrometheusError(
          `Prometheus at ${root} is not ready (HTTP ${response.status}); ${START_HINT}`,
          'GET /-/ready',
          response.status
        );
      }
    },

    query,

    /** An instant query whose result must be a vector (the usual case in tests). */
    async instantQuery(expr: string, time?: Date | number): Promise<VectorSample[]> {
      const data = await query(expr, time);
      if (data.resultType !== 'vector') {
        throw new PrometheusError(
          `expected a vector from "${expr}", got a ${data.resultType}; use query() for scalars`,
          expr
        );
      }
      return data.result;
    },

    async rangeQuery(
      expr: string,
      range: { start: Date | number; end: Date | number; step: number | string }
    ): Promise<RangeSeries[]> {
      const data = await api<QueryData>(
        '/query_range',
        { query: expr, start: secondsOf(range.start), end: secondsOf(range.end), step: range.step },
        'POST'
      );
      if (data.resultType !== 'matrix') {
        throw new PrometheusError(`expected a matrix from range query "${expr}", got a ${data.resultType}`, expr);
      }
      return data.result;
    },

    async targets(state: 'active' | 'dropped' | 'any' = 'active'): Promise<Targets> {
      return api<Targets>('/targets', { state });
    },

    /** Label sets of the series matching any of the selectors, e.g. ['up{job="node"}']. */
    async series(match: string[], range: { start?: Date | number; end?: Date | number } = {}): Promise<Labels[]> {
      return api<Labels[]>(
        '/series',
        {
          'match[]': match,
          start: range.start === undefined ? undefined : secondsOf(range.start),
          end: range.end === undefined ? undefined : secondsOf(range.end),
        },
        'POST'
      );
    },
  };
}

export type PrometheusClient = ReturnType<typeof createPrometheusClient>;
