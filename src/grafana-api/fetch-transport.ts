import { TransportError, withQuery, type GrafanaTransport } from './transport';

/*
 * A transport over the global fetch (or a given one) and a base URL, for scripts and tests:
 * `createGrafanaApi(fetchTransport('http://localhost:3000', { headers: { Authorization: 'Bearer …' } }))`.
 */
export interface FetchTransportOptions {
  headers?: Record<string, string>;
  /** Give up on a request after this long (default 30 s); the error says nothing after it was written. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /**
   * Starts the timeout of one request (`signal` is the one its fetch gets): calls `onTimeout` when
   * it runs out, answers a function that cancels it. Default: a timer of `timeoutMs`. Tests pass one
   * that fires when their Grafana double hangs on that request, so a timeout is a condition there,
   * not a race against the machine's load.
   */
  startTimeout?: (onTimeout: () => void, timeoutMs: number, signal: AbortSignal) => () => void;
}

function timerTimeout(onTimeout: () => void, timeoutMs: number): () => void {
  const timer = setTimeout(onTimeout, timeoutMs);
  return () => clearTimeout(timer);
}

export function fetchTransport(baseUrl: string, options: FetchTransportOptions = {}): GrafanaTransport {
  const base = baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  // Looked up per request, not captured: test tools (MSW) replace globalThis.fetch after modules load.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return async (request) => {
    const aborter = new AbortController();
    const cancelTimeout = (options.startTimeout ?? timerTimeout)(
      () => aborter.abort(new TransportError('timeout', `no answer within ${timeoutMs} ms`)),
      timeoutMs,
      aborter.signal
    );
    try {
      const response = await doFetch(`${base}${withQuery(request.path, request.query)}`, {
        method: request.method,
        headers: {
          Accept: 'application/json',
          ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...options.headers,
          ...request.headers,
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: aborter.signal,
      });
      const text = await response.text();
      return { status: response.status, data: parseJson(text) };
    } catch (err) {
      if (aborter.signal.aborted) {
        throw new TransportError('timeout', `Grafana did not answer within ${timeoutMs} ms`);
      }
      throw new TransportError(
        'network',
        `could not reach Grafana at ${base}: ${err instanceof Error ? err.message : String(err)}`
      );
    } finally {
      cancelTimeout();
    }
  };
}

function parseJson(text: string): unknown {
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 500) };
  }
}
