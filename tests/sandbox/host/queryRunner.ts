import { catchError, from, map, type Observable, of, startWith } from 'rxjs';
import {
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceApi,
  LoadingState,
  type PanelData,
  toDataFrame,
} from '@grafana/data';
import { toDataQueryError } from '@grafana/runtime';

/**
 * A reduced runRequest (Grafana's is public/app/features/query/state/runRequest.ts): one
 * datasource.query() call mapped to PanelData, Loading first, errors as PanelData errors.
 * Not reproduced: streaming merges, query caching, shared-query handling, per-query timings.
 */
export function runRequest(datasource: DataSourceApi, request: DataQueryRequest): Observable<PanelData> {
  const loading: PanelData = { state: LoadingState.Loading, series: [], timeRange: request.range, request };
  let result: Observable<DataQueryResponse>;
  try {
    result = from(datasource.query(request) as Promise<DataQueryResponse> | Observable<DataQueryResponse>);
  } catch (error) {
    return of({ ...loading, state: LoadingState.Error, errors: [toDataQueryError(error)] });
  }
  return result.pipe(
    map((response): PanelData => {
      const errors = response.errors ?? (response.error ? [response.error] : undefined);
      return {
        state: errors?.length ? LoadingState.Error : LoadingState.Done,
        series: (response.data ?? []).map((frame) => toDataFrame(frame)),
        errors,
        error: errors?.[0],
        timeRange: request.range,
        request,
      };
    }),
    catchError((error: unknown) =>
      of({ ...loading, state: LoadingState.Error, errors: [toDataQueryError(error)], error: toDataQueryError(error) })
    ),
    startWith(loading)
  );
}
