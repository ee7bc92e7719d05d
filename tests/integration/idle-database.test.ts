// The stack's PostgreSQL serves no application: its `postgres` database is read only by the exporter's own
// queries, a few blocks a minute, some from outside shared buffers. That is the idle database every
// production server also has, and the cache hit ratio and rollback ratio alerts must not judge it.
import { alertExpr, eventually, stackPsql } from './harness';
import { createPrometheusClient } from './prometheus';

const prometheus = createPrometheusClient();

/** Runs SQL as the stack's superuser; each statement is its own transaction, a failed one does not stop the rest. */
const psql = (database: string, ...statements: string[]) => stackPsql(database, statements);

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

describe('rollbacks in an idle database', () => {
  // Created here and dropped after: a database no application uses, where only autovacuum commits a few
  // transactions a minute.
  const DB = 'fsm_idle_rollbacks';
  // By OID too: an earlier run's database of the same name left its series in the 5-minute window.
  let only = '';
  const xact = (counter: string) =>
    `sum by (datname) (rate(pg_stat_database_xact_${counter}{job="postgres",${only}}[5m]))`;

  beforeAll(async () => {
    await psql('postgres', `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`, `CREATE DATABASE ${DB}`);
    only = `datname="${DB}",datid="${await psql('postgres', `SELECT oid FROM pg_database WHERE datname = '${DB}'`)}"`;
  });
  afterAll(async () => {
    await psql('postgres', `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  });

  it('PostgresRollbackRatioHigh holds for no database where a few failed queries are most of the traffic', async () => {
    await eventually(
      `postgres_exporter's first report of ${DB}, before its failures`,
      () => prometheus.instantQuery(`pg_stat_database_xact_rollback{job="postgres",${only}}`),
      (result) => result.length > 0,
      { timeoutMs: 30_000 }
    );
    // A job failing five times: every statement that ends in an error rolls its transaction back.
    await psql(DB, ...Array.from({ length: 5 }, () => 'SELECT 1/0'), 'SELECT 1');
    // The premise: the ratio the old rule judged alone is far above the 10 % threshold, on a handful of rollbacks.
    await eventually(
      `the rollback ratio of ${DB} above 0.1 in Prometheus`,
      () => prometheus.instantQuery(`${xact('rollback')} / (${xact('commit')} + ${xact('rollback')})`),
      (result) => result.length > 0 && Number(result[0].value[1]) > 0.1,
      { timeoutMs: 60_000 }
    );
    const rollbacks = await prometheus.instantQuery(xact('rollback'));
    // One series, the database's own: an empty answer fails here with its name, not as a TypeError below.
    expect(rollbacks.map((s) => s.metric.datname)).toEqual([DB]);
    expect(Number(rollbacks[0].value[1])).toBeLessThan(1);
    const holding = await prometheus.instantQuery(alertExpr('postgres', 'PostgresRollbackRatioHigh'));
    expect(holding.filter((s) => s.metric.job === 'postgres' && s.metric.datname === DB)).toEqual([]);
  });
});
