import { http, HttpResponse, type HttpHandler } from 'msw';
import type { GrafanaDouble } from './core';

/*
 * MSW handlers serving the double for jest tests in the node environment (`msw/node`'s
 * setupServer). Every request under `${baseUrl}/api/` goes to the double; the request's abort
 * signal is passed on, so a timeout-injected write ends when the client gives up.
 */
export function grafanaDoubleHandlers(double: GrafanaDouble, baseUrl = 'http://grafana.test'): HttpHandler[] {
  const base = baseUrl.replace(/\/+$/, '');
  return [
    http.all(`${base}/api/*`, async ({ request }) => {
      const text = await request.text();
      const headers: Record<string, string> = {};
      request.headers.forEach((value, key) => {
        headers[key] = value;
      });
      let answer;
      try {
        answer = await double.handle({
          method: request.method,
          url: request.url,
          headers,
          body: text === '' ? undefined : JSON.parse(text),
          signal: request.signal,
        });
      } catch (err) {
        if (request.signal.aborted) {
          // The client gave up (a timeout fault); nobody reads this answer.
          return new HttpResponse(null, { status: 499 });
        }
        throw err;
      }
      if (answer.status === 204 || answer.body === undefined) {
        return new HttpResponse(null, { status: answer.status, headers: answer.headers });
      }
      return HttpResponse.json(answer.body as Record<string, unknown>, {
        status: answer.status,
        headers: answer.headers,
      });
    }),
  ];
}
