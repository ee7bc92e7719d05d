import {
  chooseRetention,
  DEFAULT_RETENTION_SECONDS,
  externalLabelsOf,
  parseBase2Bytes,
  parsePrometheusDuration,
  retentionFromFlags,
  type ServerRetention,
} from './retention';

const DAY = 86400;

describe('reading a retention from Prometheus flags', () => {
  it.each([
    ['15d', 15 * DAY],
    ['1w', 7 * DAY], // how the flags API prints --storage.tsdb.retention.time=7d
    ['1y', 365 * DAY],
    ['2h30m', 9000],
    ['1500ms', 1.5],
    ['0s', 0],
  ])('parses the duration %s', (text, seconds) => expect(parsePrometheusDuration(text)).toBe(seconds));

  it.each(['', '15', 'd', '15 d', '1.5d', '15x'])('refuses %j as a duration', (text) =>
    expect(parsePrometheusDuration(text)).toBeUndefined()
  );

  it.each([
    ['0B', 0],
    ['512MB', 512 * 1024 ** 2],
    ['512MiB', 512 * 1024 ** 2],
    ['1GiB512MiB', 1024 ** 3 + 512 * 1024 ** 2],
    ['2TB', 2 * 1024 ** 4],
  ])('parses the size %s in powers of 2', (text, bytes) => expect(parseBase2Bytes(text)).toBe(bytes));

  it('decides like Prometheus: the time flag, else the deprecated one, else 15 days unless only a size is set', () => {
    const flags = (time: string, old: string, size: string) => ({
      'storage.tsdb.retention.time': time,
      'storage.tsdb.retention': old,
      'storage.tsdb.retention.size': size,
    });
    expect(retentionFromFlags(flags('2d', '5d', '0B'))).toEqual({
      seconds: 2 * DAY,
      timeFrom: '--storage.tsdb.retention.time',
      sizeBytes: 0,
    });
    expect(retentionFromFlags(flags('0s', '5d', '0B'))).toMatchObject({
      seconds: 5 * DAY,
      timeFrom: '--storage.tsdb.retention (deprecated flag)',
    });
    expect(retentionFromFlags(flags('0s', '0s', '0B'))).toMatchObject({ seconds: DEFAULT_RETENTION_SECONDS });
    expect(retentionFromFlags(flags('0s', '0s', '10GB'))).toEqual({
      timeFrom: 'no time flag: size retention only',
      sizeBytes: 10 * 1024 ** 3,
    });
    // Thanos Query's own flags: a query layer, no TSDB
    expect(retentionFromFlags({ 'query.replica-label': 'replica' })).toBeUndefined();
  });

  it('reads the external labels from the configuration Prometheus writes', () => {
    const yaml =
      'global:\n  scrape_interval: 10s\n  external_labels:\n    cluster: dc1\n    replica: a\n    site: "x: y"\nscrape_configs:\n- job_name: prometheus\n';
    expect(externalLabelsOf(yaml)).toEqual({ cluster: 'dc1', replica: 'a', site: 'x: y' });
    expect(externalLabelsOf('global:\n  scrape_interval: 1m\nscrape_configs: []\n')).toEqual({});
  });
});

describe('choosing the retention of one server of the plan', () => {
  const server = (name: string, externalLabels: Record<string, string>, seconds?: number): ServerRetention => ({
    datasourceUid: name,
    datasourceName: name,
    externalLabels,
    ...(seconds === undefined
      ? { unreadable: 'this server has no flags API (Mimir and Cortex have none)' }
      : { retention: { seconds, timeFrom: '--storage.tsdb.retention.time' } }),
  });
  const servers = [server('global', {}, 30 * DAY), server('dc1-a', { cluster: 'dc1', replica: 'a' }, 2 * DAY)];
  const identityLabels = ['cluster', 'replica'];

  it('prefers what the user entered, then the exported metric, then the flags of the server itself', () => {
    const edge = { cluster: 'dc1', replica: 'a', instance: 'e:9090' };
    expect(chooseRetention(edge, servers, { entered: DAY, metric: 3 * DAY, identityLabels }).kind).toBe('entered');
    expect(chooseRetention(edge, servers, { metric: 3 * DAY, identityLabels })).toMatchObject({
      seconds: 3 * DAY,
      kind: 'metric',
    });
    expect(chooseRetention(edge, servers, { identityLabels })).toEqual({
      seconds: 2 * DAY,
      kind: 'flags',
      source: 'from --storage.tsdb.retention.time on “dc1-a”',
    });
    // the store's own series carry no external labels: the app's datasource answers for them
    expect(chooseRetention({ instance: 'g:9090' }, servers, { identityLabels }).source).toBe(
      'from --storage.tsdb.retention.time on “global”'
    );
  });

  it('does not lend a server’s flags to another Prometheus it scrapes (its instance port differs)', () => {
    const withPort = servers.map((s) => ({ ...s, listenPort: '9090' }));
    expect(
      chooseRetention({ cluster: 'dc1', replica: 'a', instance: 'e:9090' }, withPort, { identityLabels }).kind
    ).toBe('flags');
    expect(
      chooseRetention({ cluster: 'dc1', replica: 'a', instance: 'team-prom:9091' }, withPort, { identityLabels })
    ).toMatchObject({
      kind: 'assumed',
      source:
        'assumed 15 days: not the server behind “dc1-a” (that one listens on port 9090), and no other datasource answers for it',
    });
  });

  it('assumes 15 days and says why when no flags tell', () => {
    const other = { cluster: 'dc1', replica: 'b', instance: 'e:9090' };
    expect(chooseRetention(other, servers, { identityLabels })).toEqual({
      seconds: DEFAULT_RETENTION_SECONDS,
      kind: 'assumed',
      source:
        'assumed 15 days: no Prometheus datasource in this Grafana has the external labels cluster=dc1, replica=b',
    });
    expect(chooseRetention({}, [server('mimir', {})], { identityLabels }).source).toBe(
      'assumed 15 days: flags not readable through “mimir”: this server has no flags API (Mimir and Cortex have none)'
    );
  });
});
