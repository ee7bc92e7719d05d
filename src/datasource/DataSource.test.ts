import { NEVER, of, throwError } from 'rxjs';
import type { DataFrame, DataQueryRequest, DataSourceInstanceSettings } from '@grafana/data';
import { setBackendSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import { DataSource } from './DataSource';
import type { InventoryDataSourceOptions, InventoryQuery } from './types';

const PROXY_URL = '/api/datasources/proxy/uid/inventory-1';
const fetchMock = jest.fn();

function datasource(jsonData: InventoryDataSourceOptions = { prometheusUrl: 'http://prometheus:9090' }) {
  return new DataSource({
    uid: 'inventory-1',
    name: 'Full-Stack Inventory',
    type: 'fullstack-inventory-datasource',
    url: PROXY_URL,
    jsonData,
  } as DataSourceInstanceSettings<InventoryDataSourceOptions>);
}

const ok = (data: unknown) => of({ status: 200, data });
const fail = (status: number, data: unknown = {}, statusText = '') => throwError(() => ({ status, data, statusText }));

const target = (job: string, instance: string, labels: Record<string, string> = {}, health = 'up') => ({
  labels: { job, instance, ...labels },
  health,
  lastError: health === 'up' ? '' : 'connection refused',
  lastScrape: '2024-05-01T10:00:00.123456789Z',
  lastScrapeDuration: 0.0123,
  scrapePool: job,
  scrapeUrl: `http://${instance}/metrics`,
});
const TARGETS = [target('hosts', 'h1:9100'), target('db', 'db1:9187', {}, 'down'), target('app', 'app:8080')];
const DETECTION = [
  { metric: { __name__: 'node_uname_info', job: 'hosts', instance: 'h1:9100' }, value: [0, '1'] },
  { metric: { __name__: 'pg_up', job: 'db', instance: 'db1:9187' }, value: [0, '1'] },
];
const VERSIONS = [
  {
    metric: { __name__: 'node_exporter_build_info', job: 'hosts', instance: 'h1:9100', version: '1.8.2' },
    value: [0, '1'],
  },
];

const vector = (result: unknown[]) => ({ status: 'success', data: { resultType: 'vector', result } });

/** A Prometheus behind Grafana's proxy; `overrides` replace the answer for a path. */
function fakePrometheus(overrides: Record<string, () => unknown> = {}, targets: unknown[] = TARGETS) {
  fetchMock.mockImplementation((request: BackendSrvRequest) => {
    const path = request.url.replace(/^.*\/api\/datasources\/proxy\/uid\/[^/]+\/[a-z-]+/, '');
    const query: string = request.params?.query ?? '';
    const key = Object.keys(overrides).find((k) => path === k || `${path}?${query}`.startsWith(k));
    if (key) {
      return overrides[key]();
    }
    switch (path) {
      case '/api/v1/status/buildinfo':
        return ok({ status: 'success', data: { version: '2.53.1' } });
      case '/api/v1/targets':
        return ok({ status: 'success', data: { activeTargets: targets, droppedTargets: [] } });
      case '/api/v1/query':
        if (query.startsWith('group by (job, instance, __name__)')) {
          return ok(vector(DETECTION));
        }
        if (query.startsWith('group by (__name__, job, instance')) {
          return ok(vector(VERSIONS));
        }
        return ok(vector([]));
      default:
        return fail(404, '404 page not found', 'Not Found');
    }
  });
}

const request = (...targets: Array<Partial<InventoryQuery>>) =>
  ({
    targets: targets.map((t, i) => ({ refId: String.fromCharCode(65 + i), ...t })),
  }) as DataQueryRequest<InventoryQuery>;
const column = (frame: DataFrame, name: string) => frame.fields.find((f) => f.name === name)!.values;

beforeEach(() => {
  fetchMock.mockReset();
  setBackendSrv({ fetch: fetchMock } as unknown as BackendSrv);
});
afterEach(() => jest.useRealTimers());

describe('Testing the inventory datasource', () => {
  it('reports the Prometheus version and its targets, asking through the proxy route', async () => {
    fakePrometheus();
    const result = await datasource().testDatasource();

    expect(fetchMock).toHaveBeenCalledWith(
      expect.objectContaining({ url: `${PROXY_URL}/prometheus/api/v1/status/buildinfo`, method: 'GET' })
    );
    expect(result).toEqual({
      status: 'success',
      message: 'Connected to Prometheus 2.53.1 at http://prometheus:9090: 3 active targets, 2 up.',
    });
  });

  it('uses the route of the configured auth mode', async () => {
    fakePrometheus();
    await datasource({ prometheusUrl: 'http://p:9090', authMode: 'basic' }).testDatasource();
    expect(fetchMock.mock.calls.map(([r]) => r.url)).toEqual([
      `${PROXY_URL}/prometheus-basic/api/v1/status/buildinfo`,
      `${PROXY_URL}/prometheus-basic/api/v1/targets`,
    ]);
  });

  it('tells a Viewer that Save & test is for admins when the admin-only route refuses them', async () => {
    fetchMock.mockReturnValue(fail(403, { message: 'plugin proxy route access denied' }, 'Forbidden'));
    const result = await datasource().testDatasource();
    expect(result).toEqual({
      status: 'error',
      message:
        'Grafana lets only organization admins ask Prometheus at http://prometheus:9090 for /api/v1/status/buildinfo (plugin proxy route access denied, HTTP 403). Ask an admin to run Save & test.',
    });
  });

  it('refuses a URL ending in "/", which the routes would turn into "//api/v1/…"', async () => {
    const result = await datasource({ prometheusUrl: 'http://prometheus:9090/' }).testDatasource();
    expect(result.status).toBe('error');
    expect(result.message).toContain('Leave out the trailing "/": the proxy routes append /api/v1/… to the URL');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("refuses a saved URL the config page marked, with the field's words, before asking anything", async () => {
    const noScheme = await datasource({ prometheusUrl: 'prometheus:9090' }).testDatasource();
    expect(noScheme).toEqual({
      status: 'error',
      message:
        'The Prometheus URL prometheus:9090 cannot be used: Use an http:// or https:// URL. Correct it, then save and test again.',
    });
    const apiPath = await datasource({ prometheusUrl: 'http://prometheus:9090/api/v1' }).testDatasource();
    expect(apiPath.message).toContain('Enter the base URL, without /api/v1.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('says Grafana could not reach Prometheus when the proxy answers 502', async () => {
    fetchMock.mockReturnValue(fail(502, { message: 'Bad Gateway' }, 'Bad Gateway'));
    const result = await datasource().testDatasource();
    expect(result.status).toBe('error');
    expect(result.message).toContain('Grafana could not reach Prometheus at http://prometheus:9090');
    expect(result.message).toContain('Bad Gateway, HTTP 502');
  });

  it('points at the URL when the build info endpoint is missing', async () => {
    fetchMock.mockReturnValue(fail(404, {}, 'Not Found'));
    const result = await datasource({ prometheusUrl: 'http://prometheus:9090/prom' }).testDatasource();
    expect(result.status).toBe('error');
    expect(result.message).toContain('Prometheus at http://prometheus:9090/prom has no /api/v1/status/buildinfo');
    expect(result.message).toContain('base URL');
  });

  it('turns Grafana\'s 400 "Authentication to data source failed" into advice for the auth mode', async () => {
    // Grafana's body here is plain text, which backendSrv hands over as a string.
    fetchMock.mockReturnValue(fail(400, 'Authentication to data source failed', 'Bad Request'));
    const none = await datasource().testDatasource();
    expect(none.message).toContain('requires authentication (Authentication to data source failed, HTTP 400)');
    expect(none.message).toContain('Choose Basic or Bearer token');

    const basic = await datasource({ prometheusUrl: 'http://p:9090', authMode: 'basic' }).testDatasource();
    expect(basic.message).toContain('rejected the credentials');
    expect(basic.message).toContain('Re-enter the user and password');
  });

  it('tells a 403 from a proxy in front of Prometheus apart from a timeout', async () => {
    fetchMock.mockReturnValue(fail(403, 'Forbidden'));
    expect((await datasource().testDatasource()).message).toContain('refused access (Forbidden, HTTP 403)');

    fetchMock.mockReturnValue(fail(504, { message: 'Gateway Timeout' }));
    expect((await datasource().testDatasource()).message).toContain('did not answer /api/v1/status/buildinfo in time');
  });

  it('gives up after its own timeout when nothing answers at all', async () => {
    jest.useFakeTimers();
    fetchMock.mockReturnValue(NEVER);
    const pending = datasource().testDatasource();
    await jest.advanceTimersByTimeAsync(16_000);
    const result = await pending;
    expect(result.status).toBe('error');
    expect(result.message).toContain('did not answer /api/v1/status/buildinfo within 15 s');
  });

  it('rejects an answer that is not Prometheus (a login page, other JSON)', async () => {
    fetchMock.mockReturnValue(ok('<html>Grafana login</html>'));
    const html = await datasource().testDatasource();
    expect(html.status).toBe('error');
    expect(html.message).toContain("not like Prometheus' HTTP API");
    expect(html.message).toContain('HTML page');

    fetchMock.mockReturnValue(ok({ hello: 'world' }));
    expect((await datasource().testDatasource()).message).toContain("not like Prometheus' HTTP API");
  });

  it('warns, but passes, when an optional Alertmanager is unreachable', async () => {
    fakePrometheus({ '/api/v2/status': () => fail(502, { message: 'Bad Gateway' }) });
    const result = await datasource({
      prometheusUrl: 'http://p:9090',
      alertmanagerUrl: 'http://am:9093',
    }).testDatasource();
    expect(result.status).toBe('warning');
    expect(result.message).toContain('Alertmanager: Grafana could not reach Alertmanager at http://am:9093');
  });

  it('warns about a Pushgateway URL the config page marks, in its words, without asking the proxy for it', async () => {
    fakePrometheus();
    const result = await datasource({
      prometheusUrl: 'http://p:9090',
      pushgatewayUrl: 'pushgateway:9091',
    }).testDatasource();
    expect(result.status).toBe('warning');
    expect(result.message).toContain('Pushgateway: its URL cannot be used: Use an http:// or https:// URL.');
    const urls = fetchMock.mock.calls.map(([request]: [BackendSrvRequest]) => request.url);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((u: string) => u.includes('/pushgateway'))).toEqual([]);
  });

  it('does not call anything while the Prometheus URL is empty', async () => {
    const result = await datasource({}).testDatasource();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(result.status).toBe('error');
    expect(result.message).toContain('The Prometheus URL is empty');
  });
});

describe('Querying the inventory datasource', () => {
  it('answers Targets, Exporters and Coverage from one snapshot of Prometheus', async () => {
    fakePrometheus();
    const result = await datasource().query(request({ kind: 'targets' }, { kind: 'exporters' }, { kind: 'coverage' }));

    expect(result.errors).toBeUndefined();
    const [targets, exporters, coverage] = result.data as DataFrame[];
    expect(column(targets, 'instance')).toEqual(['db1:9187', 'h1:9100', 'app:8080']);
    expect(column(targets, 'exporter')).toEqual(['postgres', 'node', 'unknown']);
    expect(column(targets, 'version')).toEqual(['', '1.8.2', '']);
    expect(column(targets, 'lastScrape')[0]).toBe(Date.UTC(2024, 4, 1, 10, 0, 0, 123));
    expect(column(exporters, 'exporter')).toEqual(['node', 'postgres', 'unknown']);
    expect(column(exporters, 'versions')).toEqual(['1.8.2', '', '']);
    expect(column(coverage, 'targetsTotal')).toEqual([1, 1, 0, 0, 0, 0, 1]);
    // targets, scrape series, classification, versions: once for the three queries
    expect(fetchMock).toHaveBeenCalledTimes(4);
  });

  describe("behind a store that holds other servers' series (global Prometheus, Thanos, Mimir, VictoriaMetrics)", () => {
    // What a global store answers for the edges of an HA pair: up, its timestamp and the scrape
    // duration per replica, with the edge's external labels; none of them in its own targets API.
    const edge = (field: string, replica: string, value: string, job = 'db', instance = 'db1:9187') => ({
      metric: {
        ...(field === 'scraped' ? {} : { __name__: field === 'up' ? 'up' : 'scrape_duration_seconds' }),
        job,
        instance,
        cluster: 'dc1',
        replica,
        fsm_field: field,
      },
      value: [1700000000, value],
    });
    const series = [
      edge('up', 'a', '0'),
      edge('up', 'b', '0'),
      edge('scraped', 'a', '1700000000'),
      edge('scraped', 'b', '1700000004'),
      edge('duration', 'a', '0.5'),
      edge('duration', 'b', '0.25'),
      edge('up', 'a', '1', 'hosts', 'h1:9100'),
      edge('up', 'b', '0', 'hosts', 'h1:9100'),
    ];
    const seriesQuery = { '/api/v1/query?label_replace(up': () => ok(vector(series)) };

    it("lists the edges' targets from their up series, once per HA pair, and says what it cannot show", async () => {
      fakePrometheus(seriesQuery, [target('prometheus', 'global:9090')]);
      const snapshot = await datasource().inventory();
      const rows = snapshot.rows.map((r) => [r.job, r.instance, r.health, r.labels.cluster ?? '', r.lastError !== '']);
      expect(rows).toEqual([
        ['db', 'db1:9187', 'down', 'dc1', true],
        ['hosts', 'h1:9100', 'up', 'dc1', false],
        ['prometheus', 'global:9090', 'up', '', false],
      ]);
      const db = snapshot.rows[0];
      expect([db.lastScrapeMs, db.scrapeDurationS]).toEqual([1700000004000, 0.5]);
      expect(snapshot.notices.map((n) => n.text).join()).toMatch(
        /2 targets are scraped by other Prometheus servers.*last error/
      );
    });

    it.each([
      ['Mimir (404)', () => fail(404, '404 page not found', 'Not Found')],
      ['VictoriaMetrics (400 unsupported path)', () => fail(400, 'unsupported path requested: "/api/v1/targets"')],
    ])('falls back to the up series when the targets API is missing: %s', async (_name, missing) => {
      fakePrometheus({ ...seriesQuery, '/api/v1/targets': missing });
      const snapshot = await datasource().inventory();
      expect(snapshot.rows.map((r) => r.instance)).toEqual(['db1:9187', 'h1:9100']);
      expect(snapshot.notices.map((n) => n.text).join()).toMatch(/no scrape-target API.*last error/);
      const test = await datasource().testDatasource();
      expect(test).toMatchObject({ status: 'success' });
      expect(test.message).toMatch(/2 targets \(from their up series: this server has no \/api\/v1\/targets\), 1 up/);
    });
  });

  it('filters by layer, exporter, health and job regex', async () => {
    fakePrometheus();
    const result = await datasource().query(
      request(
        { layers: ['infrastructure', 'data'], health: ['up'] },
        { exporters: ['unknown'] },
        { jobRegex: 'db|app' }
      )
    );
    const [a, b, c] = result.data as DataFrame[];
    expect(column(a, 'instance')).toEqual(['h1:9100']);
    expect(column(b, 'instance')).toEqual(['app:8080']);
    expect(column(c, 'instance')).toEqual(['db1:9187', 'app:8080']);
  });

  it('reports a bad job regex on its query, without asking Prometheus', async () => {
    fakePrometheus();
    const result = await datasource().query(request({ jobRegex: 'node(' }));
    expect(result.data).toEqual([]);
    expect(result.errors?.[0]).toMatchObject({
      refId: 'A',
      message: expect.stringContaining('The job filter "node(" is not a valid regular expression'),
    });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it.each([
    [
      'Prometheus down',
      () => fail(502, { message: 'dial tcp 10.0.0.1:9090: connect: connection refused' }),
      /Grafana could not reach Prometheus at http:\/\/prometheus:9090 \(dial tcp .* connection refused, HTTP 502\)/,
    ],
    [
      'a 5xx',
      () => fail(503, 'Service Unavailable'),
      /Prometheus at http:\/\/prometheus:9090 failed to answer \/api\/v1\/targets \(Service Unavailable, HTTP 503\)\. It may be starting up/,
    ],
    [
      'non-JSON',
      () => ok('upstream connect error'),
      /The answer to the targets request \(\/api\/v1\/targets\) is not JSON \("upstream connect error"\)/,
    ],
    [
      'truncated JSON',
      () => ok('{"status":"success","data":{"activeTargets":[{"labels":'),
      /incomplete JSON \(\d+ characters received, then it stops\)/,
    ],
    [
      'an error envelope',
      () => ok({ status: 'error', errorType: 'unavailable', error: 'TSDB not ready' }),
      /Prometheus refused the targets request \(\/api\/v1\/targets\): TSDB not ready/,
    ],
    [
      'no target list',
      () => ok({ status: 'success', data: { resultType: 'vector', result: [] } }),
      /has no activeTargets list/,
    ],
  ])('answers %s with a clear error on the query, not a crash', async (_case, answer, message) => {
    fakePrometheus({ '/api/v1/targets': answer });
    const result = await datasource().query(request({ kind: 'targets' }));
    expect(result.data).toEqual([]);
    expect(result.errors?.[0].message).toMatch(message);
    expect(result.errors?.[0].message?.length).toBeLessThan(500);
  });

  it('keeps the targets when only the version query fails, and says so', async () => {
    fakePrometheus({
      '/api/v1/query?group by (__name__': () => fail(500, { status: 'error', error: 'query timed out' }),
    });
    const result = await datasource().query(request({ kind: 'targets' }));
    const [frame] = result.data as DataFrame[];
    expect(frame.length).toBe(3);
    expect(frame.meta?.notices?.[0].text).toContain('Versions are not shown');
  });

  it('renders label values with quotes, newlines and <script> as data, untouched', async () => {
    const nasty = 'x"y\nz<script>alert(1)</script>';
    fakePrometheus({}, [target('hosts', 'h1:9100', { note: nasty, [`weird`]: '\\"' })]);
    const [frame] = (await datasource().query(request({}))).data as DataFrame[];
    expect(column(frame, 'labels')[0]).toEqual({ job: 'hosts', instance: 'h1:9100', note: nasty, weird: '\\"' });
  });

  it('reads a 10 MB targets answer into correct rows', async () => {
    const many = Array.from({ length: 14_000 }, (_, i) =>
      target('hosts', `host-${i}.example.com:9100`, {
        region: 'eu-west-1',
        team: 'platform',
        rack: `r${i % 40}`,
        description: 'x'.repeat(400),
      })
    );
    const body = JSON.stringify({ status: 'success', data: { activeTargets: many } });
    expect(body.length).toBeGreaterThan(10_000_000);
    fakePrometheus({ '/api/v1/targets': () => ok(body) });
    // How fast is measured by `npm run bench:inventory`, not asserted against a clock here.
    const [frame] = (await datasource().query(request({}))).data as DataFrame[];
    expect(frame.length).toBe(14_000);
    // host-0 has detection series (h1 is another instance): the rest of the job decides for the others
    expect(new Set(column(frame, 'exporter'))).toEqual(new Set(['node']));
  });

  it('lists Pushgateway groups from Prometheus, falling back to the Pushgateway itself', async () => {
    fakePrometheus({
      '/api/v1/query?{__name__=~"push_time_seconds': () =>
        ok(
          vector([
            { metric: { __name__: 'push_time_seconds', job: 'backup', instance: 'db1' }, value: [0, '1700000000'] },
          ])
        ),
    });
    const [fromPrometheus] = (await datasource().query(request({ kind: 'pushgateway' }))).data as DataFrame[];
    expect(column(fromPrometheus, 'job')).toEqual(['backup']);

    fakePrometheus({
      '/api/v1/metrics': () =>
        ok({
          status: 'success',
          data: [
            { labels: { job: 'nightly', instance: '' }, push_time_seconds: { metrics: [{ value: '1700000000' }] } },
          ],
        }),
    });
    const [direct] = (
      await datasource({ prometheusUrl: 'http://p:9090', pushgatewayUrl: 'http://pgw:9091' }).query(
        request({ kind: 'pushgateway' })
      )
    ).data as DataFrame[];
    expect(column(direct, 'job')).toEqual(['nightly']);
    expect(fetchMock.mock.calls.map(([r]) => r.url)).toContain(`${PROXY_URL}/pushgateway/api/v1/metrics`);

    fakePrometheus();
    const [none] = (await datasource().query(request({ kind: 'pushgateway' }))).data as DataFrame[];
    expect(none.length).toBe(0);
    expect(none.meta?.notices?.[0].text).toContain('no Pushgateway URL is configured');
  });

  it('lists layers, exporters and jobs for template variables', async () => {
    fakePrometheus();
    const ds = datasource();
    expect(await ds.metricFindQuery({ kind: 'layers' })).toEqual([
      { text: 'Infrastructure', value: 'infrastructure' },
      { text: 'Data & storage', value: 'data' },
    ]);
    expect((await ds.metricFindQuery('exporters')).map((v) => v.value)).toEqual(['node', 'postgres', 'unknown']);
    expect(await ds.metricFindQuery({ kind: 'jobs' })).toEqual([
      { text: 'app', value: 'app' },
      { text: 'db', value: 'db' },
      { text: 'hosts', value: 'hosts' },
    ]);
    await expect(ds.metricFindQuery('nonsense')).rejects.toThrow('Use layers, exporters or jobs');
  });
});

describe('rule-doctor query type', () => {
  it("lists Prometheus' own rules that cannot work, and the targets no rule watches, as a table", async () => {
    const rule = (name: string, query: string) => ({
      name,
      query,
      type: 'alerting',
      health: 'ok',
      lastEvaluation: '2025-01-01T00:00:00Z',
      evaluationTime: 0.01,
    });
    const requested: string[] = [];
    fakePrometheus({
      '/api/v1/rules': () =>
        ok({
          status: 'success',
          data: {
            groups: [
              {
                name: 'node',
                file: 'fsm-node.rules.yml',
                interval: 60,
                rules: [
                  rule('NodeDown', 'up{job="node"} == 0'),
                  rule('Renamed', 'node_cpu_seconds_totals > 0'),
                  rule('Broken', 'sum(rate(up[5m])'),
                ],
              },
            ],
          },
        }),
      '/api/v1/query?sum(rate(up[5m])': () =>
        fail(400, { status: 'error', errorType: 'bad_data', error: '1:17: parse error: unclosed left parenthesis' }),
      '/api/v1/query?count(up{job="node"})': () => ok(vector([{ metric: {}, value: [0, '2'] }])),
      '/api/v1/query?group by (job, instance) (up{job="node"})': () =>
        ok(vector([{ metric: { job: 'node', instance: 'h1:9100' }, value: [0, '1'] }])),
      '/api/v1/query?group by (job, instance) (up)': () =>
        ok(
          vector([
            { metric: { job: 'node', instance: 'h1:9100' }, value: [0, '1'] },
            { metric: { job: 'app', instance: 'app:8080' }, value: [0, '1'] },
          ])
        ),
      '/api/v1/query_range': () => {
        requested.push('range');
        return ok({ status: 'success', data: { resultType: 'matrix', result: [] } });
      },
    });
    const response = await datasource().query(request({ kind: 'rule-doctor' }));
    expect(response.errors).toBeUndefined();
    const [frame] = response.data as DataFrame[];
    expect(frame.fields.map((f) => f.name)).toEqual(['kind', 'source', 'group', 'rule', 'what', 'since']);
    expect(column(frame, 'rule')).toEqual(['Renamed', 'Broken', '']);
    expect(column(frame, 'kind')).toEqual(['empty-selector', 'rejected', 'target-unwatched']);
    expect(column(frame, 'what')[0]).toMatch(
      /^node_cpu_seconds_totals matches no series: Prometheus has no such metric/
    );
    expect(column(frame, 'what')[1]).toBe('Prometheus refuses its query: 1:17: parse error: unclosed left parenthesis');
    expect(column(frame, 'what')[2]).toMatch(/app:8080 \(job app\): if it goes down, nobody is paged/);
    expect(column(frame, 'group')[0]).toBe('fsm-node.rules.yml / node');
    expect(column(frame, 'since')).toEqual([null, null, null]);
    // The history of the empty selector was asked through the query_range route.
    expect(requested).toEqual(['range']);
    const urls = fetchMock.mock.calls.map(([r]: [BackendSrvRequest]) => r.url);
    expect(urls).toContain(`${PROXY_URL}/prometheus/api/v1/rules`);
  });
});
