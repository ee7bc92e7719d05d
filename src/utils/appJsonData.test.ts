import { readAppJsonData } from './appJsonData';

describe('the app settings as pages read them', () => {
  it('keeps valid values and keys it does not know', () => {
    const raw = { prometheusDatasourceUid: 'prom-1', clusterLabel: 'datacenter', setup: { format: 1 } };
    expect(readAppJsonData(raw)).toEqual({ jsonData: raw, problems: [] });
  });

  it.each([
    ['cluster"} or vector(1) or {x="', /not a Prometheus label name/],
    ['__name__', /not a Prometheus label name/],
    ['1dc', /not a Prometheus label name/],
    [42, /not a Prometheus label name/],
  ])('drops the cluster label %j with a message, so no query is built from it', (clusterLabel, message) => {
    const { jsonData, problems } = readAppJsonData({ prometheusDatasourceUid: 'prom', clusterLabel });
    expect(jsonData).toEqual({ prometheusDatasourceUid: 'prom' });
    expect(problems).toEqual([expect.stringMatching(message)]);
  });

  it('keeps replica labels the configuration page would save', () => {
    const raw = { clusterLabel: 'dc', replicaLabels: ['replica', 'ha_member'] };
    expect(readAppJsonData(raw)).toEqual({ jsonData: raw, problems: [] });
  });

  // The Health page's queries and Setup's rules are built from them.
  it.each([
    [['replica) or vector(1) #'], /not a list of Prometheus label names/],
    ['replica', /not a list of Prometheus label names/],
    [[], /not a list of Prometheus label names/],
    [['a,b'], /not a list of Prometheus label names/],
    [['replica', 'replica'], /listed twice/],
    [['replica', 'cluster'], /is the cluster label/],
  ])('drops the replica labels %j with a message, so the defaults are used', (replicaLabels, message) => {
    const { jsonData, problems } = readAppJsonData({ prometheusDatasourceUid: 'prom', replicaLabels });
    expect(jsonData).toEqual({ prometheusDatasourceUid: 'prom' });
    expect(problems).toEqual([expect.stringMatching(message)]);
  });

  it('drops a datasource uid Grafana would never give, with a message', () => {
    const { jsonData, problems } = readAppJsonData({ prometheusDatasourceUid: '../admin/users' });
    expect(jsonData).toEqual({});
    expect(problems[0]).toMatch(/choose the datasource again/);
  });

  it('reads missing or null jsonData (Grafana answers null when none was saved) as empty', () => {
    expect(readAppJsonData(null)).toEqual({ jsonData: {}, problems: [] });
    expect(readAppJsonData(undefined)).toEqual({ jsonData: {}, problems: [] });
  });
});
