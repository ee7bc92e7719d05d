import { FieldType } from '@grafana/data';
import { getExporter } from '../catalog';
import { indexDetectionSeries } from './classify';
import { coverageFrame, exportersFrame, pushGroupsFrame, TARGET_FIELDS, targetsFrame } from './frames';
import { buildInventory, summariseExporters, summariseLayers } from './inventory';
import { jobRegexError, loadJobRegexEngine } from './filters';

beforeAll(() => loadJobRegexEngine('RE2'));
import { pushGroupsFromPushgatewayApi, pushGroupsFromVector } from './pushgateway';
import type { ScrapeTarget } from './targets';
import { indexVersions, versionQuery } from './versions';

const target = (
  job: string,
  instance: string,
  health: ScrapeTarget['health'] = 'up',
  extra: Partial<ScrapeTarget> = {}
): ScrapeTarget => ({
  job,
  instance,
  health,
  lastScrapeMs: 1_700_000_000_000,
  scrapeDurationS: 0.012,
  lastError: health === 'down' ? 'connection refused' : '',
  labels: { job, instance },
  scrapePool: job,
  scrapeUrl: `http://${instance}/metrics`,
  ...extra,
});

const detection = indexDetectionSeries(
  [
    ['hosts', 'h1:9100', 'node_uname_info'],
    ['hosts', 'h2:9100', 'node_uname_info'],
    ['db', 'db1:9187', 'pg_up'],
    ['prom', 'p:9090', 'prometheus_build_info'],
  ].map(([job, instance, __name__]) => ({ metric: { job, instance, __name__ } }))
);

const targets = [
  target('hosts', 'h1:9100'),
  target('prom', 'p:9090'),
  target('hosts', 'h2:9100'),
  target('db', 'db1:9187', 'down'),
  target('app', 'app:8080'),
  target('hosts', 'h3:9100', 'unknown'),
];

describe('the inventory', () => {
  it('lists unhealthy targets first, then by layer order, exporter, job, instance', () => {
    const rows = buildInventory(targets, detection);
    expect(rows.map((r) => `${r.health} ${r.exporter} ${r.instance}`)).toEqual([
      'down postgres db1:9187',
      'unknown node h3:9100',
      'up node h1:9100',
      'up node h2:9100',
      'up prometheus p:9090',
      'up unknown app:8080',
    ]);
    expect(rows.find((r) => r.instance === 'app:8080')).toMatchObject({
      exporterTitle: 'Unknown exporter',
      layer: 'unclassified',
      dashboardUrl: '',
    });
  });

  it('links each classified row to its exporter dashboard with job and instance selected', () => {
    const [row] = buildInventory(
      [target('my job&co', 'h1:9100')],
      indexDetectionSeries([{ metric: { job: 'my job&co', instance: 'h1:9100', __name__: 'node_uname_info' } }])
    );
    expect(row.dashboardUrl).toBe('/d/fsm-infrastructure-node?var-job=my%20job%26co&var-instance=h1%3A9100');
  });

  it('filters by layer, exporter, health and an anchored job regex', () => {
    const ids = (filters: Parameters<typeof buildInventory>[2]) =>
      buildInventory(targets, detection, filters).map((r) => r.instance);
    expect(ids({ filters: { layers: ['core'] } })).toEqual(['p:9090']);
    expect(ids({ filters: { exporters: ['unknown'] } })).toEqual(['app:8080']);
    expect(ids({ filters: { health: ['down', 'unknown'] } })).toEqual(['db1:9187', 'h3:9100']);
    expect(ids({ filters: { jobRegex: 'host' } })).toEqual([]);
    expect(ids({ filters: { jobRegex: 'host.*|db' } })).toEqual(['db1:9187', 'h3:9100', 'h1:9100', 'h2:9100']);
  });

  it('explains a bad job regex instead of failing later', () => {
    expect(jobRegexError('node(')).toMatch(
      /^The job filter "node\(" is not a valid regular expression \(.+\)\. Fix it/
    );
    expect(jobRegexError('node|pg')).toBeUndefined();
    expect(jobRegexError('')).toBeUndefined();
    expect(() => buildInventory(targets, detection, { filters: { jobRegex: '[' } })).toThrow(
      /not a valid regular expression/
    );
  });

  it('summarises exporters (up/total, versions) and layers (every layer, then Unclassified)', () => {
    const versions = indexVersions([
      { metric: { __name__: 'node_exporter_build_info', job: 'hosts', instance: 'h1:9100', version: '1.8.2' } },
      { metric: { __name__: 'node_exporter_build_info', job: 'hosts', instance: 'h2:9100', version: '1.5.0' } },
      { metric: { __name__: 'postgres_exporter_build_info', job: 'db', instance: 'db1:9187', version: '0.15.0' } },
    ]);
    const rows = buildInventory(targets, detection, { versions });
    const node = summariseExporters(rows).find((s) => s.exporter === 'node')!;
    expect(node).toMatchObject({
      targetsUp: 2,
      targetsTotal: 3,
      versions: ['1.5.0', '1.8.2'],
      dashboardUrl: '/d/fsm-infrastructure-node',
    });
    // h3 has no series of its own, and its job runs two versions: no guess.
    expect(rows.find((r) => r.instance === 'h3:9100')?.version).toBe('');
    expect(rows.find((r) => r.instance === 'h1:9100')?.version).toBe('1.8.2');
    const layers = summariseLayers(rows);
    expect(layers.map((l) => l.layer)).toEqual([
      'infrastructure',
      'data',
      'message',
      'network',
      'specialized',
      'core',
      'unclassified',
    ]);
    expect(layers[1]).toMatchObject({
      exportersDetected: [getExporter('postgres').title],
      targetsUp: 0,
      targetsTotal: 1,
    });
  });

  it('reads versions with one query over every build-info metric and its label', () => {
    const query = versionQuery()!;
    expect(query).toMatch(/^group by \(__name__, job, instance, [a-z_, ]+\) \(\{__name__=~"[a-zA-Z_|]+"\}\)$/);
    expect(query).toContain('rabbitmq_version');
    expect(query).toContain('node_exporter_build_info');
  });
});

describe('inventory frames', () => {
  const rows = buildInventory(targets, detection);

  it('types every field and gives units to measurements', () => {
    const frame = targetsFrame(rows, { refId: 'A' });
    const field = (name: string) => frame.fields.find((f) => f.name === name)!;
    expect(frame.length).toBe(rows.length);
    expect(frame.refId).toBe('A');
    expect(field(TARGET_FIELDS.lastScrape)).toMatchObject({ type: FieldType.time });
    expect(field(TARGET_FIELDS.scrapeDuration)).toMatchObject({ type: FieldType.number, config: { unit: 's' } });
    expect(field(TARGET_FIELDS.labels).type).toBe(FieldType.other);
    expect(field(TARGET_FIELDS.health).values).toEqual(['down', 'unknown', 'up', 'up', 'up', 'up']);
    expect(field(TARGET_FIELDS.exporterTitle).config.links?.[0].url).toBe('${__data.fields.dashboardUrl:raw}');
    for (const f of frame.fields) {
      expect(f.type).toBeDefined();
      expect(f.values).toHaveLength(rows.length);
    }
  });

  it('builds exporter, coverage and Pushgateway frames with ratios as percentunit', () => {
    const exporters = exportersFrame(summariseExporters(rows));
    expect(exporters.fields.find((f) => f.name === 'upRatio')).toMatchObject({
      type: FieldType.number,
      config: { unit: 'percentunit' },
    });
    const coverage = coverageFrame(summariseLayers(rows));
    expect(coverage.fields.find((f) => f.name === 'layerTitle')?.values[0]).toBe('Infrastructure');
    const push = pushGroupsFrame(
      pushGroupsFromVector([
        { metric: { __name__: 'push_time_seconds', job: 'backup', instance: 'db1' }, value: [0, '1000'] },
        { metric: { __name__: 'push_failure_time_seconds', job: 'backup', instance: 'db1' }, value: [0, '1100'] },
        { metric: { __name__: 'push_time_seconds', job: 'etl', instance: '', shard: '2' }, value: [0, '1500'] },
        { metric: { __name__: 'push_failure_time_seconds', job: 'etl', instance: '', shard: '2' }, value: [0, '0'] },
      ]),
      2_000_000
    );
    const col = (name: string) => push.fields.find((f) => f.name === name)!.values;
    expect(col('status')).toEqual(['failing', 'ok']);
    expect(col('lastPushAge')).toEqual([1000, 500]);
    expect(col('lastFailure')).toEqual([1_100_000, null]);
    expect(col('otherLabels')).toEqual(['', 'shard="2"']);
  });

  it("reads the Pushgateway's own /api/v1/metrics", () => {
    const groups = pushGroupsFromPushgatewayApi([
      {
        labels: { job: 'nightly', instance: 'x' },
        push_time_seconds: { metrics: [{ value: '1.7e9' }] },
        push_failure_time_seconds: { metrics: [{ value: '0' }] },
      },
    ]);
    expect(groups).toEqual([
      { job: 'nightly', instance: 'x', otherLabels: '', lastPushMs: 1.7e12, lastFailureMs: null, failing: false },
    ]);
    expect(() => pushGroupsFromPushgatewayApi({})).toThrow(/not a list of groups/);
  });
});
