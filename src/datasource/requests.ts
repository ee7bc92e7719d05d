import { lastValueFrom, timeout, TimeoutError } from 'rxjs';
import { getBackendSrv, isFetchError } from '@grafana/runtime';
import { InventoryError, MAX_UPSTREAM_TEXT, snippet } from '../inventory/prometheus-api';
import { routePath, UPSTREAM_API, type AuthMode, type Upstream } from './types';

/** Longer than Grafana's own data proxy timeout (30 s by default), so Grafana's 504 usually explains it first. */
export const REQUEST_TIMEOUT_MS = 45_000;

const UPSTREAM_NAMES: Record<Upstream, string> = {
  prometheus: 'Prometheus',
  alertmanager: 'Alertmanager',
  pushgateway: 'the Pushgateway',
};

export interface ProxyTarget {
  /** Grafana's proxy endpoint for this datasource: /api/datasources/proxy/uid/<uid>. */
  proxyUrl: string;
  upstream: Upstream;
  authMode: AuthMode;
  /** The upstream's URL as configured, for messages only (the browser never calls it). */
  upstreamUrl: string;
}

/**
 * One GET through Grafana's datasource proxy. Resolves to the body (parsed JSON, or text when it
 * was not JSON); rejects with an InventoryError whose message says what failed and what to do.
 */
export async function proxyGet(
  target: ProxyTarget,
  path: string,
  params?: Record<string, string>,
  timeoutMs = REQUEST_TIMEOUT_MS
): Promise<unknown> {
  if (!Object.prototype.hasOwnProperty.call(UPSTREAM_API[target.upstream], path)) {
    // A programming error: plugin.json has no route for it, so Grafana would answer 502.
    throw new Error(`${path} is not in UPSTREAM_API.${target.upstream}: add it there and to plugin.json's routes.`);
  }
  const route = routePath(target.upstream, target.authMode);
  try {
    const response = await lastValueFrom(
      getBackendSrv()
        .fetch<unknown>({
          url: `${target.proxyUrl}/${route}${path}`,
          method: 'GET',
          params,
          showErrorAlert: false,
          showSuccessAlert: false,
        })
        .pipe(timeout({ first: timeoutMs }))
    );
    return response.data;
  } catch (error) {
    throw describeProxyFailure(error, target, path, timeoutMs);
  }
}

/** Maps a failed proxied request to a message naming the upstream, its URL and the likely fix. */
export function describeProxyFailure(
  error: unknown,
  target: ProxyTarget,
  path: string,
  timeoutMs = REQUEST_TIMEOUT_MS
): InventoryError {
  const name = UPSTREAM_NAMES[target.upstream];
  const at = `${name} at ${target.upstreamUrl}`;
  if (error instanceof InventoryError) {
    return error;
  }
  if (error instanceof TimeoutError) {
    return new InventoryError(
      'timeout',
      `${at} did not answer ${path} within ${Math.round(timeoutMs / 1000)} s. It may be overloaded, or a firewall drops the connection; try again, and check Grafana's server can reach it quickly.`
    );
  }
  if (!isFetchError(error)) {
    const reason = error instanceof Error ? error.message : String(error);
    return new InventoryError('unreachable', `Request to ${at} failed: ${snippet(reason, MAX_UPSTREAM_TEXT)}.`);
  }
  const status = error.status;
  // Prometheus answers a query it cannot parse or type-check with 400 and errorType bad_data
  // (web/api/v1/api.go `returnAPIError`): the query is wrong, not the connection.
  const body = error.data as { errorType?: unknown; error?: unknown } | undefined;
  if (status === 400 && body?.errorType === 'bad_data' && typeof body.error === 'string') {
    return new InventoryError('refused', snippet(body.error, MAX_UPSTREAM_TEXT));
  }
  const detail = fetchDetail(error.data) || snippet(String(error.statusText ?? ''), 120);
  const said = detail ? ` (${detail}, HTTP ${status})` : ` (HTTP ${status})`;

  // Grafana turns an upstream 401 into 400 "Authentication to data source failed", so the browser session survives.
  if (status === 400 && /authentication to data source failed/i.test(detail)) {
    return new InventoryError(
      'auth',
      target.authMode === 'none'
        ? `${at} requires authentication${said}. Choose Basic or Bearer token under Authentication, enter the credentials, then save and test.`
        : `${at} rejected the credentials${said}. Re-enter the ${target.authMode === 'basic' ? 'user and password' : 'bearer token'} (stored secrets cannot be shown, only replaced), then save and test.`
    );
  }
  if (status === 401) {
    return new InventoryError(
      'auth',
      `Grafana answered 401${said}: your Grafana session has probably expired. Reload the page and sign in again.`
    );
  }
  if (status === 403 && /plugin proxy route access denied/i.test(detail)) {
    return new InventoryError(
      'forbidden',
      `Grafana lets only organization admins ask ${at} for ${path}${said}. Ask an admin to run Save & test.`
    );
  }
  if (status === 403) {
    return new InventoryError(
      'forbidden',
      /access denied|permission/i.test(detail) && !/prometheus/i.test(detail)
        ? `Grafana refused the request to ${at}${said}: your role may not use this datasource. Ask an admin for access.`
        : `${at} refused access${said}: the credentials are valid but lack permission. Check the user's or token's rights on Prometheus or the proxy in front of it.`
    );
  }
  // VictoriaMetrics answers API paths it lacks with 400 and plain text `unsupported path requested: "<path>"`
  // (lib/httpserver/httpserver.go, v1.150.0): the path is missing, not the request wrong.
  if (status === 404 || (status === 400 && /unsupported path requested/i.test(detail))) {
    return new InventoryError(
      'not-found',
      `${at} has no ${path}${said}. Check that the URL is its base URL (e.g. http://prometheus:9090, without /api/v1 or /graph).`
    );
  }
  if (status === 502 || status === 0 || status === undefined) {
    return new InventoryError(
      'unreachable',
      `Grafana could not reach ${at}${said}. Check the URL, and that Grafana's server (not only your browser) can connect to it.`
    );
  }
  if (status === 504) {
    return new InventoryError(
      'timeout',
      `${at} did not answer ${path} in time${said}. It may be overloaded or unreachable from Grafana's server; try again later.`
    );
  }
  if (status >= 500) {
    return new InventoryError(
      'server-error',
      `${at} failed to answer ${path}${said}. It may be starting up or overloaded; its own log has the cause. Try again in a minute.`
    );
  }
  return new InventoryError('server-error', `${at} answered ${path} with an error${said}.`);
}

function fetchDetail(data: unknown): string {
  if (typeof data === 'string') {
    return snippet(data, 120);
  }
  if (data && typeof data === 'object') {
    const d = data as { message?: unknown; error?: unknown };
    if (typeof d.message === 'string' && d.message) {
      return snippet(d.message, 200);
    }
    if (typeof d.error === 'string' && d.error) {
      return snippet(d.error, 200);
    }
  }
  return '';
}
