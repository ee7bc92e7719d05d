import { isFetchError } from '@grafana/runtime';

/**
 * The most specific message an error from `getBackendSrv().fetch` carries: Grafana's API puts it in
 * `data.message`; network failures and proxies often only have a status text.
 */
export function fetchErrorMessage(error: unknown): string {
  if (isFetchError(error)) {
    const data: unknown = error.data;
    const dataMessage =
      typeof data === 'object' && data !== null && 'message' in data && typeof data.message === 'string'
        ? data.message
        : undefined;
    const detail = dataMessage || error.message || error.statusText;
    if (error.status && detail) {
      return `${detail} (HTTP ${error.status})`;
    }
    if (error.status) {
      return `HTTP ${error.status}`;
    }
    return detail || 'no response from Grafana';
  }
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}

export function fetchErrorStatus(error: unknown): number | undefined {
  return isFetchError(error) ? error.status : undefined;
}
