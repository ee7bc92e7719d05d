import { lastValueFrom, Observable } from 'rxjs';
import type { BackendSrv, BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';

/** What the host records about each request, for journeys to assert on (window.__sandbox.requests). */
export interface RecordedRequest {
  method: string;
  url: string;
  status: number;
}

/** Error alerts Grafana would show as toasts (showErrorAlert not false); journeys can read them. */
export const shownAlerts: string[] = [];
export const recordedRequests: RecordedRequest[] = [];

function buildUrl(request: BackendSrvRequest): string {
  const url = new URL(request.url, window.location.origin);
  for (const [key, value] of Object.entries(request.params ?? {})) {
    if (value === undefined || value === null) {
      continue;
    }
    for (const v of Array.isArray(value) ? value : [value]) {
      url.searchParams.append(key, String(v));
    }
  }
  return url.origin === window.location.origin ? `${url.pathname}${url.search}` : url.href;
}

async function parseBody(response: Response, responseType: BackendSrvRequest['responseType']): Promise<unknown> {
  if (responseType === 'blob') {
    return response.blob();
  }
  if (responseType === 'arraybuffer') {
    return response.arrayBuffer();
  }
  const text = await response.text();
  if (responseType === 'text') {
    return text;
  }
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A BackendSrv whose fetch() does real HTTP to the sandbox server (which forwards /api to the
 * Grafana API double, the datasource proxy and /api/ds/query). It follows Grafana's conventions
 * that plugins depend on: JSON bodies, `params` as a query string, errors as FetchError objects with
 * `status`, `data` (Grafana's `{message}`) and `config`, and error toasts unless showErrorAlert is false.
 * Not reproduced: retries on 401 with token refresh, request cancellation by requestId, the query inspector.
 */
export class SandboxBackendSrv implements BackendSrv {
  fetch<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
    return new Observable<FetchResponse<T>>((subscriber) => {
      const controller = new AbortController();
      const url = buildUrl(options);
      const method = (options.method ?? 'GET').toUpperCase();
      const headers: Record<string, string> = { 'X-Grafana-Org-Id': '1', ...(options.headers ?? {}) };
      let body: BodyInit | undefined;
      if (options.data !== undefined && method !== 'GET') {
        if (typeof options.data === 'string' || options.data instanceof FormData) {
          body = options.data;
        } else {
          body = JSON.stringify(options.data);
          headers['Content-Type'] = headers['Content-Type'] ?? 'application/json';
        }
      }
      options.abortSignal?.addEventListener('abort', () => controller.abort());

      fetch(url, { method, headers, body, signal: controller.signal, credentials: 'same-origin' })
        .then(async (response) => {
          const data = await parseBody(response, options.responseType);
          recordedRequests.push({ method, url, status: response.status });
          if (!response.ok) {
            const message =
              typeof data === 'object' && data !== null && 'message' in data ? String(data.message) : undefined;
            const error: FetchError = {
              status: response.status,
              statusText: response.statusText,
              data: typeof data === 'object' && data !== null ? data : { message: String(data ?? '') },
              message,
              config: options,
            };
            if (options.showErrorAlert !== false) {
              shownAlerts.push(`${response.status} ${message ?? response.statusText}`);
            }
            subscriber.error(error);
            return;
          }
          subscriber.next({
            data: data as T,
            status: response.status,
            statusText: response.statusText,
            ok: response.ok,
            headers: response.headers,
            redirected: response.redirected,
            type: response.type,
            url: response.url,
            config: options,
          });
          subscriber.complete();
        })
        .catch((error: unknown) => {
          recordedRequests.push({ method, url, status: 0 });
          const fetchError: FetchError = {
            status: 0,
            statusText: 'network error',
            data: { message: error instanceof Error ? error.message : String(error) },
            config: options,
            cancelled: controller.signal.aborted,
          };
          subscriber.error(fetchError);
        });
      return () => controller.abort();
    });
  }

  async request<T = unknown>(options: BackendSrvRequest): Promise<T> {
    return (await lastValueFrom(this.fetch<T>(options))).data;
  }

  datasourceRequest<T = unknown>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
    return lastValueFrom(this.fetch<T>(options));
  }

  get<T = any>(url: string, params?: any, requestId?: string, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, params, requestId, method: 'GET' });
  }

  delete<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'DELETE' });
  }

  post<T = any>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'POST' });
  }

  patch<T = any>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'PATCH' });
  }

  put<T = any>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'PUT' });
  }

  chunked(): Observable<FetchResponse<Uint8Array | undefined>> {
    throw new Error('The sandbox does not support chunked (streaming) requests.');
  }
}
