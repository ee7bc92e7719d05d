import { FieldType } from '@grafana/data';
import { of, throwError } from 'rxjs';
import { setBackendSrv, type BackendSrv } from '@grafana/runtime';
import {
  postDsQuery,
  PrometheusQueryError,
  queryPrometheusInstant,
  samplesFromDsQuery,
  type DsQueryResponse,
} from './prometheusQuery';

// The shape Grafana 11/12 returns for an instant Prometheus query: one frame per series.
const answer: DsQueryResponse = {
  results: {
    A: {
      status: 200,
      frames: [
        {
          schema: {
            fields: [
              { name: 'Time', type: FieldType.time },
              { name: 'Value', type: FieldType.number, labels: { job: 'node', metric: 'node_uname_info' } },
            ],
          },
          data: { values: [[1794996000000], [1]] },
        },
        {
          schema: {
            fields: [
              { name: 'Time', type: FieldType.time },
              { name: 'Value', type: FieldType.number, labels: { job: 'postgres', metric: 'pg_up' } },
            ],
          },
          data: { values: [[1794996000000], [0]] },
        },
      ],
    },
  },
};

describe('reading instant samples from /api/ds/query', () => {
  it('turns each frame into labels and the latest value', () => {
    expect(samplesFromDsQuery(answer, 'A')).toEqual([
      { labels: { job: 'node', metric: 'node_uname_info' }, value: 1 },
      { labels: { job: 'postgres', metric: 'pg_up' }, value: 0 },
    ]);
  });

  it('passes on the query error Grafana reports, in words, and says when there is no result at all', () => {
    // Grafana's Prometheus backend: `"<errorType>: <error>"` and Prometheus' HTTP status (promlib
    // converter/prom.go ReadPrometheusStyleResult, querydata/response.go parseResponse).
    const refused = (() => {
      try {
        samplesFromDsQuery(
          { results: { A: { status: 400, error: 'bad_data: invalid parameter "query": 1:17: parse error' } } },
          'A'
        );
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refused).toBeInstanceOf(PrometheusQueryError);
    expect(refused).toMatchObject({
      errorType: 'bad_data',
      detail: 'invalid parameter "query": 1:17: parse error',
      status: 400,
      message: 'Prometheus refused the query: invalid parameter "query": 1:17: parse error',
    });
    expect(() =>
      samplesFromDsQuery(
        { results: { A: { status: 422, error: 'execution: query processing would load too many samples' } } },
        'A'
      )
    ).toThrow('Prometheus could not run the query: query processing would load too many samples');
    // Grafana's own errors (Prometheus unreachable) have no type: passed on as they are.
    expect(() =>
      samplesFromDsQuery(
        { results: { A: { status: 502, error: 'Post "http://prom:9090/api/v1/query": connection refused' } } },
        'A'
      )
    ).toThrow(/^Post "http:\/\/prom:9090\/api\/v1\/query": connection refused$/);
    expect(() => samplesFromDsQuery({ results: {} }, 'A')).toThrow(/no result for query A/);
  });

  it('reads the results of a batch Grafana answers HTTP 400 because a query in it failed', async () => {
    const results = { A: { status: 400, error: 'bad_data: parse error' } };
    setBackendSrv({
      fetch: () => throwError(() => ({ status: 400, data: { results }, statusText: 'Bad Request' })),
    } as unknown as BackendSrv);
    await expect(postDsQuery({ queries: [], from: 'now-5m', to: 'now' })).resolves.toEqual({ results });
    await expect(queryPrometheusInstant('prom', 'sum(up')).rejects.toThrow('Prometheus refused the query: parse error');

    setBackendSrv({
      fetch: () => throwError(() => ({ status: 403, data: { message: 'Access denied to data source' } })),
    } as unknown as BackendSrv);
    await expect(postDsQuery({ queries: [], from: 'now-5m', to: 'now' })).rejects.toMatchObject({ status: 403 });

    setBackendSrv({
      fetch: () => of({ status: 200, data: { results: { A: { frames: [] } } } }),
    } as unknown as BackendSrv);
    await expect(queryPrometheusInstant('prom', 'up')).resolves.toEqual([]);
  });

  it('answers an empty list when Prometheus has no such series', () => {
    expect(samplesFromDsQuery({ results: { A: { status: 200, frames: [] } } }, 'A')).toEqual([]);
  });
});
