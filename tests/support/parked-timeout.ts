import { fetchTransport, TransportError, type GrafanaTransport } from '../../src/alerting/grafana-api';
import type { DoubleRequest, DoubleResponse, GrafanaDouble } from '../grafana-double/core';

/*
 * A client transport on the Grafana double whose timeouts are conditions, not clocks. A test injects
 * a 'timeout' fault and the double parks that write (it never answers); a client timer of 30 ms then
 * ended it, and also ended any other request that took 30 ms on a busy machine. Here the parked
 * request fails as a timeout the moment the double parks it, and every other request gets the
 * transport's normal bound (30 s), so a slow machine is only slower.
 */

const PARKED = 'the Grafana double parked this request (injected timeout)';

interface Handler {
  handle(request: DoubleRequest): Promise<DoubleResponse>;
}

/** Like doubleFetch, but a write the double parks is reported at once instead of hanging. */
function parkAwareFetch(handler: Handler, double: GrafanaDouble): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const text = await request.text();
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => (headers[key] = value));
    const release = new AbortController();
    const before = double.writeLog.length;
    const answer = handler.handle({
      method: request.method,
      url: request.url,
      headers,
      body: text === '' ? undefined : JSON.parse(text),
      signal: release.signal,
    });
    // The double decides synchronously, and a write it parks stays 'hung' in its log.
    if (double.writeLog.slice(before).some((entry) => entry.status === 'hung')) {
      answer.catch(() => undefined);
      release.abort(new Error(PARKED));
      throw new Error(PARKED);
    }
    const { status, body } = await answer;
    const noBody = status === 204 || body === undefined;
    return new Response(noBody ? null : JSON.stringify(body), {
      status,
      headers: noBody ? {} : { 'content-type': 'application/json' },
    });
  };
}

/**
 * fetchTransport against `handler` (the double, or something in front of it); a parked request
 * rejects as fetchTransport's own timeout would, with the same kind and words (`timeoutMs` is only
 * the number they name).
 */
export function parkAwareTransport(
  handler: Handler,
  double: GrafanaDouble,
  { headers = {}, timeoutMs = 100 }: { headers?: Record<string, string>; timeoutMs?: number } = {}
): GrafanaTransport {
  const inner = fetchTransport('http://grafana.test', { fetch: parkAwareFetch(handler, double), headers });
  return async (request) => {
    try {
      return await inner(request);
    } catch (error) {
      if (error instanceof TransportError && error.message.endsWith(PARKED)) {
        throw new TransportError('timeout', `Grafana did not answer within ${timeoutMs} ms`);
      }
      throw error;
    }
  };
}
