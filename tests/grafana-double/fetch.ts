import type { GrafanaDouble } from './core';

/*
 * A `fetch` that answers from the double in-process: no sockets, no MSW. Clients built on global
 * fetch take it as their fetch implementation, so tests exercise the same request/response code
 * (URLs, headers, JSON, status handling, abort on timeout) as against a real Grafana.
 */
export function doubleFetch(double: GrafanaDouble): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const text = await request.text();
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) {
      throw signal.reason ?? new Error('aborted');
    }
    const answer = await double.handle({
      method: request.method,
      url: request.url,
      headers,
      body: text === '' ? undefined : JSON.parse(text),
      signal,
    });
    const noBody = answer.status === 204 || answer.body === undefined;
    return new Response(noBody ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { ...(noBody ? {} : { 'content-type': 'application/json' }), ...answer.headers },
    });
  };
}

/**
 * A `startTimeout` for fetchTransport that times a request out exactly when the double hangs on it
 * (a timeout fault), never because the machine is slow: what the test means by "Grafana did not
 * answer", as a condition rather than a clock.
 */
export function timeoutWhenHanging(
  double: GrafanaDouble
): (onTimeout: () => void, _ms: number, signal: AbortSignal) => () => void {
  const pending = new Map<AbortSignal, () => void>();
  double.onHang((signal) => {
    if (signal) {
      pending.get(signal)?.();
    }
  });
  return (onTimeout, _ms, signal) => {
    pending.set(signal, onTimeout);
    return () => pending.delete(signal);
  };
}
