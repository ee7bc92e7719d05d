/**
 * promtool cases for the postgres alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 *
 * Series carry the labels each postgres_exporter family emits (src/catalog/evidence/postgres.ts):
 * the built-in queries of 0.11 – 0.19 add `server` (the DSN's host:port), pg_stat_database always
 * has `datid`, and the 0.20 stat_activity collector adds usename, application_name and backend_type
 * (wait_event_type and wait_event are empty, so absent, for a backend that is not waiting).
 */
import type { PromtoolCases } from '../promtool-cases';

// promtool test series for one exporter.
const PG = { job: 'postgres', instance: 'db-1:9187' };
const SERVER = 'server="localhost:5432"';

const pgSeries = (metric: string, labels = '') =>
  `${metric}{job="postgres",instance="db-1:9187"${labels ? `,${labels}` : ''}}`;

type Family = 'builtin' | 'collector';
/** pg_stat_activity labels: built-in query up to 0.19, stat_activity collector from 0.20. */
const activity = (family: Family, datname: string, state: string) =>
  family === 'builtin'
    ? `datname="${datname}",${SERVER},state="${state}"`
    : `application_name="web",backend_type="client backend",datname="${datname}",state="${state}",usename="app"`;
const maxConnections = (family: Family) => pgSeries('pg_settings_max_connections', family === 'builtin' ? SERVER : '');
const ACTIVITY_FAMILIES = { collector: 'postgres_exporter ≥ 0.20', builtin: 'postgres_exporter 0.11 – 0.19' };

/** Fire and quiet cases of an alert on pg_stat_activity, for both label families. */
const activityCases = (build: (family: Family) => PromtoolCases[string]) => {
  const { fires, quiet } = build('collector');
  return {
    family: ACTIVITY_FAMILIES.collector,
    fires,
    quiet,
    otherFamilies: [{ family: ACTIVITY_FAMILIES.builtin, ...pick(build('builtin')) }],
  };
};
const pick = ({ fires, quiet }: PromtoolCases[string]) => ({ fires, quiet });

/** pg_stat_database labels: built-in query with `server` in 0.11 – 0.12, stat_database collector from 0.13. */
const database = (family: Family, datname: string) =>
  family === 'builtin' ? `datid="16384",datname="${datname}",${SERVER}` : `datid="16384",datname="${datname}"`;
const databaseCases = (build: (family: Family) => PromtoolCases[string]) => ({
  family: 'postgres_exporter ≥ 0.13',
  ...pick(build('collector')),
  otherFamilies: [{ family: 'postgres_exporter 0.11 – 0.12', ...pick(build('builtin')) }],
});

/**
 * Replication lag: the replication collector (≥ 0.13.2) has no labels; on 0.11 – 0.12 only the
 * sample queries.yaml's pg_replication query reports it, with `server` (a user query).
 */
const lagCases = (fires: string, quiet: string) => ({
  family: 'postgres_exporter ≥ 0.13.2',
  fires: { series: [{ series: pgSeries('pg_replication_lag_seconds'), values: fires }], evalTime: '10m', labels: PG },
  quiet: { series: [{ series: pgSeries('pg_replication_lag_seconds'), values: quiet }], evalTime: '10m' },
  otherFamilies: [
    {
      family: 'postgres_exporter 0.11 – 0.12 with the sample queries.yaml',
      fires: {
        series: [{ series: pgSeries('pg_replication_lag', SERVER), values: fires }],
        evalTime: '10m',
        labels: { ...PG, server: 'localhost:5432' },
      },
      quiet: { series: [{ series: pgSeries('pg_replication_lag', SERVER), values: quiet }], evalTime: '10m' },
    },
  ],
});

export const postgresPromtoolCases: PromtoolCases = {
  down: {
    fires: {
      series: [{ series: pgSeries('pg_up'), values: '1x5 0x10' }],
      evalTime: '10m',
      labels: PG,
    },
    quiet: {
      series: [{ series: pgSeries('pg_up'), values: '1x5 0 1x10' }],
      evalTime: '10m',
    },
  },
  'connections-high': activityCases((f) => ({
    fires: {
      series: [
        { series: pgSeries('pg_stat_activity_count', activity(f, 'app', 'active')), values: '50x30' },
        { series: pgSeries('pg_stat_activity_count', activity(f, 'app', 'idle')), values: '35x30' },
        { series: maxConnections(f), values: '100x30' },
      ],
      evalTime: '20m',
      labels: PG,
    },
    quiet: {
      series: [
        { series: pgSeries('pg_stat_activity_count', activity(f, 'app', 'active')), values: '20x30' },
        { series: pgSeries('pg_stat_activity_count', activity(f, 'app', 'idle')), values: '30x30' },
        { series: maxConnections(f), values: '100x30' },
      ],
      evalTime: '20m',
    },
  })),
  'connections-critical': activityCases((f) => ({
    fires: {
      series: [
        { series: pgSeries('pg_stat_activity_count', activity(f, 'app', 'active')), values: '98x20' },
        { series: maxConnections(f), values: '100x20' },
      ],
      evalTime: '10m',
      labels: PG,
    },
    quiet: {
      series: [
        { series: pgSeries('pg_stat_activity_count', activity(f, 'app', 'active')), values: '85x20' },
        { series: maxConnections(f), values: '100x20' },
      ],
      evalTime: '10m',
    },
  })),
  'cache-hit-low': databaseCases((f) => ({
    fires: {
      series: [
        { series: pgSeries('pg_stat_database_blks_hit', database(f, 'app')), values: '0+900x40' },
        { series: pgSeries('pg_stat_database_blks_read', database(f, 'app')), values: '0+100x40' },
      ],
      evalTime: '30m',
      labels: { ...PG, datname: 'app' },
    },
    quiet: {
      series: [
        { series: pgSeries('pg_stat_database_blks_hit', database(f, 'app')), values: '0+999x40' },
        { series: pgSeries('pg_stat_database_blks_read', database(f, 'app')), values: '0+1x40' },
      ],
      evalTime: '30m',
    },
  })),
  'rollbacks-high': databaseCases((f) => ({
    fires: {
      series: [
        { series: pgSeries('pg_stat_database_xact_commit', database(f, 'app')), values: '0+60x30' },
        { series: pgSeries('pg_stat_database_xact_rollback', database(f, 'app')), values: '0+40x30' },
      ],
      evalTime: '20m',
      labels: { ...PG, datname: 'app' },
    },
    quiet: {
      series: [
        { series: pgSeries('pg_stat_database_xact_commit', database(f, 'app')), values: '0+99x30' },
        { series: pgSeries('pg_stat_database_xact_rollback', database(f, 'app')), values: '0+1x30' },
      ],
      evalTime: '20m',
    },
  })),
  deadlocks: databaseCases((f) => ({
    fires: {
      series: [{ series: pgSeries('pg_stat_database_deadlocks', database(f, 'app')), values: '0+10x30' }],
      evalTime: '20m',
      labels: { ...PG, datname: 'app' },
    },
    quiet: {
      series: [{ series: pgSeries('pg_stat_database_deadlocks', database(f, 'app')), values: '0+1x30' }],
      evalTime: '20m',
    },
  })),
  'long-transaction': activityCases((f) => ({
    fires: {
      series: [
        {
          series: pgSeries('pg_stat_activity_max_tx_duration', activity(f, 'app', 'idle in transaction')),
          values: '0+60x20',
        },
      ],
      evalTime: '10m',
      labels: PG,
    },
    quiet: {
      series: [{ series: pgSeries('pg_stat_activity_max_tx_duration', activity(f, 'app', 'active')), values: '5x20' }],
      evalTime: '10m',
    },
  })),
  'long-transaction-crit': activityCases((f) => ({
    fires: {
      series: [
        { series: pgSeries('pg_stat_activity_max_tx_duration', activity(f, 'app', 'active')), values: '0+60x30' },
      ],
      evalTime: '20m',
      labels: PG,
    },
    quiet: {
      series: [
        { series: pgSeries('pg_stat_activity_max_tx_duration', activity(f, 'app', 'active')), values: '300x30' },
      ],
      evalTime: '20m',
    },
  })),
  'replication-lag': lagCases('120x20', '2x20'),
  'replication-lag-crit': lagCases('900x20', '120x20'),
  'exporter-errors': {
    fires: {
      series: [
        { series: pgSeries('pg_scrape_collector_success', 'collector="replication_slot"'), values: '0x20' },
        { series: pgSeries('pg_up'), values: '1x20' },
      ],
      evalTime: '15m',
      labels: { ...PG, collector: 'replication_slot' },
    },
    quiet: {
      series: [
        { series: pgSeries('pg_scrape_collector_success', 'collector="replication_slot"'), values: '1x20' },
        { series: pgSeries('pg_exporter_last_scrape_error'), values: '1x20' },
        { series: pgSeries('pg_up'), values: '0x20' },
      ],
      evalTime: '15m',
    },
  },
  restarted: {
    family: 'postgres_exporter ≥ 0.13.2 with --collector.postmaster',
    fires: {
      series: [{ series: pgSeries('pg_postmaster_start_time_seconds'), values: '1000x10 1500x10' }],
      evalTime: '12m',
      labels: PG,
    },
    quiet: {
      series: [{ series: pgSeries('pg_postmaster_start_time_seconds'), values: '1000x20' }],
      evalTime: '12m',
    },
    otherFamilies: [
      {
        family: 'postgres_exporter 0.11 – 0.12 with the sample queries.yaml',
        fires: {
          series: [{ series: pgSeries('pg_postmaster_start_time_seconds', SERVER), values: '1000x10 1500x10' }],
          evalTime: '12m',
          labels: { ...PG, server: 'localhost:5432' },
        },
        quiet: {
          series: [{ series: pgSeries('pg_postmaster_start_time_seconds', SERVER), values: '1000x20' }],
          evalTime: '12m',
        },
      },
    ],
  },
};
