// The stack's PostgreSQL serves no application: its `postgres` database is read only by the exporter's own
// queries, a few blocks a minute, some from outside shared buffers. That is the idle database every
// production server also has, and the cache hit ratio alert must not judge it.
import { alertExpr, eventually } from './harness';
import { createPrometheusClient } from './prometheus';

const prometheus = createPrometheusClient();

describe('alerts on the stack’s idle PostgreSQL', () => {
  it('PostgresCacheHitRatioLow holds for no database that reads under 10 blocks a second', async () => {
    const reads = await eventually(
      'a read rate of the stack’s postgres database (two scrapes of postgres_exporter)',
      () =>
        prometheus.instantQuery(
          'sum by (datname) (rate(pg_stat_database_blks_read{job="postgres",datname="postgres"}[5m]))'
        ),
      (result) => result.length > 0
    );
    // The premise: the stack's database is idle (a few blocks a minute) and Prometheus has read it.
    expect(reads.map((s) => s.metric.datname)).toEqual(['postgres']);
    expect(Number(reads[0].value[1])).toBeLessThan(10);
    const holding = await prometheus.instantQuery(alertExpr('postgres', 'PostgresCacheHitRatioLow'));
    expect(holding.filter((s) => s.metric.job === 'postgres')).toEqual([]);
  });
});
