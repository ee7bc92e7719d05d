import { getBackendSrv, isFetchError } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';
import { TransportError, type GrafanaTransport } from './transport';

/*
 * The transport for the plugin in Grafana: getBackendSrv().fetch carries the user's session and
 * CSRF token. `showErrorAlert: false` because the Setup page shows each error next to the step
 * that failed; a global toast would say it twice. Import this lazily (from the Setup page), never
 * from module.tsx: the engine is not needed to boot the app.
 */
export interface BackendSrvTransportOptions {
  /** Give up on a request after this long (default 30 s). */
  timeoutMs?: number;
}

export function backendSrvTransport(options: BackendSrvTransportOptions = {}): GrafanaTransport {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return async (request) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new TransportError('timeout', `Grafana did not answer within ${timeoutMs} ms`)),
        timeoutMs
      );
    });
    try {
      const response = await Promise.race([
        lastValueFrom(
          getBackendSrv().fetch<unknown>({
            url: request.path,
            method: request.method,
            params: request.query,
            data: request.body,
            headers: request.headers,
            showErrorAlert: false,
            showSuccessAlert: false,
          })
        ),
        timeout,
      ]);
      return { status: response.status, data: response.data };
    } catch (err) {
      if (err instanceof TransportError) {
        throw err;
      }
      if (isFetchError(err) && err.status) {
        return { status: err.status, data: err.data };
      }
      throw new TransportError(
        'network',
        `could not reach Grafana: ${err instanceof Error ? err.message : String(err)}`
      );
    } finally {
      clearTimeout(timer);
    }
  };
}
