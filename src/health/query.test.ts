import { throwError } from 'rxjs';
import { setBackendSrv, type BackendSrv } from '@grafana/runtime';
import { seriesFromFrames } from '../utils/prometheusQuery';
import { buildHealthQueryRequest, fetchCheckResults, parseHealthResponse } from './query';
import { healthChecks } from './checks';

const checks = healthChecks().filter((c) => ['prometheus-failing-targets', 'grafana-rule-failures'].includes(c.id));

// The shape Grafana 11/12 answers /api/ds/query with for an instant Prometheus query: one frame per series,
// a time field and a number field carrying the labels; NaN travels in `entities`.
const frame = (labels: Record<string, string>, value: number | null, entities?: object) => ({
  schema: {
    refId: 'x',
    meta: { type: 'numeric-multi' },
    fields: [
      { name: 'Time', type: 'time', typeInfo: { frame: 'time.Time' } },
      { name: 'Value', type: 'number', typeInfo: { frame: 'float64' }, labels },
    ],
  },
  data: { values: [[1795495773000], [value]], ...(entities ? { entities: [null, entities] } : {}) },
});

/** /api/ds/query's answer when some query failed: HTTP 400 with each query's own result (Grafana's query service). */
function grafanaAnswers400(results: Record<string, unknown>) {
  setBackendSrv({ fetch: () => throwError(() => ({ status: 400, data: { results } })) } as unknown as BackendSrv);
}
describe('health queries through /api/ds/query', () => {
  it('asks for every check as an instant query on the chosen datasource, refId = check id', () => {
    const request = buildHealthQueryRequest(checks, 'prom-dc1', (c) => `expr-of-${c.id}`);
    expect(request.queries).toEqual([
      expect.objectContaining({
        refId: 'prometheus-failing-targets',
        datasource: { type: 'prometheus', uid: 'prom-dc1' },
        expr: 'expr-of-prometheus-failing-targets',
        instant: true,
        range: false,
      }),
      expect.objectContaining({ refId: 'grafana-rule-failures', instant: true }),
    ]);
  });

  it('reads each number field as a series with its labels and last value, NaN included', () => {
    expect(
      seriesFromFrames([
        frame({ job: 'node', instance: 'a:9100' }, 1) as never,
        frame({ job: 'haproxy_exporter', instance: 'b:9101' }, 0.5) as never,
        frame({ org: '1' }, null, { NaN: [0] }) as never,
      ])
    ).toEqual([
      { labels: { job: 'node', instance: 'a:9100' }, value: 1 },
      { labels: { job: 'haproxy_exporter', instance: 'b:9101' }, value: 0.5 },
      { labels: { org: '1' }, value: NaN },
    ]);
  });

  it('keeps a failed query’s error on its own check and treats a missing result as an error', () => {
    const results = parseHealthResponse(checks, {
      results: { 'prometheus-failing-targets': { status: 400, error: 'bad_data: parse error' } },
    });
    expect(results).toEqual([
      { checkId: 'prometheus-failing-targets', series: [], error: 'Prometheus refused the query: parse error' },
      { checkId: 'grafana-rule-failures', series: [], error: 'Grafana returned no result for this query' },
    ]);
  });

  it('an empty answer (no frames) is a check without data', () => {
    const results = parseHealthResponse(checks, {
      results: { 'prometheus-failing-targets': { status: 200, frames: [] }, 'grafana-rule-failures': { frames: [] } },
    });
    expect(results.map((r) => r.series)).toEqual([[], []]);
  });

  it('says the datasource failed when every query failed with it, instead of a verdict without data', async () => {
    // Grafana's answer when Prometheus is unreachable: HTTP 400, each query with the same error.
    const error = { status: 500, error: 'Post "http://prometheus:9090/api/v1/query": dial tcp: connection refused' };
    grafanaAnswers400(Object.fromEntries(checks.map((c) => [c.id, error])));

    await expect(fetchCheckResults(checks, 'prom', () => 'up')).rejects.toThrow(
      'Could not query the Prometheus datasource: Post "http://prometheus:9090/api/v1/query": dial tcp: connection refused'
    );
  });

  it("keeps each check's own error when every query failed, each its own way", async () => {
    grafanaAnswers400({
      'prometheus-failing-targets': { status: 400, error: 'bad_data: unknown function avg_over_time' },
      'grafana-rule-failures': { status: 400, error: 'bad_data: parse error' },
    });

    const results = await fetchCheckResults(checks, 'prom', () => 'up');
    expect(results.map((r) => r.error)).toEqual([
      'Prometheus refused the query: unknown function avg_over_time',
      'Prometheus refused the query: parse error',
    ]);
  });

  it('keeps the other checks when only some queries failed', async () => {
    grafanaAnswers400({
      'prometheus-failing-targets': { status: 400, error: 'bad_data: parse error' },
      'grafana-rule-failures': { status: 200, frames: [frame({ job: 'grafana' }, 0)] },
    });

    expect(await fetchCheckResults(checks, 'prom', () => 'up')).toEqual([
      { checkId: 'prometheus-failing-targets', series: [], error: 'Prometheus refused the query: parse error' },
      { checkId: 'grafana-rule-failures', series: [{ labels: { job: 'grafana' }, value: 0 }] },
    ]);
  });
});
