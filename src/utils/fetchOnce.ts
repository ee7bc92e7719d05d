import { lastValueFrom } from 'rxjs';
import { getBackendSrv, type BackendSrvRequest, type FetchResponse } from '@grafana/runtime';

/** One request through Grafana's backend service, as a promise of its single response. */
export function fetchOnce<T>(request: BackendSrvRequest): Promise<FetchResponse<T>> {
  return lastValueFrom(getBackendSrv().fetch<T>(request));
}
