/**
 * promtool cases for the postgres alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';

// promtool test series for one exporter.
const PG = { job: 'postgres', instance: 'db-1:9187' };

const pgSeries = (metric: string, labels = '') =>
  `${metric}{job="postgres",instance="db-1:9187"${labels ? `,${labels}` : ''}}`;

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
  'connections-high': {
    fires: {
      series: [
        { series: pgSeries('pg_stat_activity_count', 'datname="app",state="active"'), values: '50x30' },
        { series: pgSeries('pg_stat_activity_count', 'datname="app",state="idle"'), values: '35x30' },
        { series: pgSeries('pg_settings_max_connections'), values: '100x30' },
      ],
      evalTime: '20m',
      labels: PG,
    },
    quiet: {
      series: [
        { series: pgSeries('pg_stat_activity_count', 'datname="app",state="active"'), values: '20x30' },
        { series: pgSeries('pg_stat_activity_count', 'datname="app",state="idle"'), values: '30x30' },
        { series: pgSeries('pg_settings_max_connections'), values: '100x30' },
      ],
      evalTime: '20m',
    },
  },
  'connections-critical': {
    fires: {
      series: [
        { series: pgSeries('pg_stat_activity_count', 'datname="app",state="active"'), values: '98x20' },
        { series: pgSeries('pg_settings_max_connections'), values: '100x20' },
      ],
      evalTime: '10m',
      labels: PG,
    },
    quiet: {
      series: [
        { series: pgSeries('pg_stat_activity_count', 'datname="app",state="active"'), values: '85x20' },
        { series: pgSeries('pg_settings_max_connections'), values: '100x20' },
      ],
      evalTime: '10m',
    },
  },
  'cache-hit-low': {
    fires: {
      series: [
        { series: pgSeries('pg_stat_database_blks_hit', 'datname="app"'), values: '0+900x40' },
        { series: pgSeries('pg_stat_database_blks_read', 'datname="app"'), values: '0+100x40' },
      ],
      evalTime: '30m',
      labels: { ...PG, datname: 'app' },
    },
    quiet: {
      series: [
        { series: pgSeries('pg_stat_database_blks_hit', 'datname="app"'), values: '0+999x40' },
        { series: pgSeries('pg_stat_database_blks_read', 'datname="app"'), values: '0+1x40' },
      ],
      evalTime: '30m',
    },
  },
  'rollbacks-high': {
    fires: {
      series: [
        { series: pgSeries('pg_stat_database_xact_commit', 'datname="app"'), values: '0+60x30' },
        { series: pgSeries('pg_stat_database_xact_rollback', 'datname="app"'), values: '0+40x30' },
      ],
      evalTime: '20m',
      labels: { ...PG, datname: 'app' },
    },
    quiet: {
      series: [
        { series: pgSeries('pg_stat_database_xact_commit', 'datname="app"'), values: '0+99x30' },
        { series: pgSeries('pg_stat_database_xact_rollback', 'datname="app"'), values: '0+1x30' },
      ],
      evalTime: '20m',
    },
  },
  deadlocks: {
    fires: {
      series: [{ series: pgSeries('pg_stat_database_deadlocks', 'datname="app"'), values: '0+10x30' }],
      evalTime: '20m',
      labels: { ...PG, datname: 'app' },
    },
    quiet: {
      series: [{ series: pgSeries('pg_stat_database_deadlocks', 'datname="app"'), values: '0+1x30' }],
      evalTime: '20m',
    },
  },
  'long-transaction': {
    fires: {
      series: [
        {
          series: pgSeries('pg_stat_activity_max_tx_duration', 'datname="app",state="idle in transaction"'),
          values: '0+60x20',
        },
      ],
      evalTime: '10m',
      labels: PG,
    },
    quiet: {
      series: [
        { series: pgSeries('pg_stat_activity_max_tx_duration', 'datname="app",state="active"'), values: '5x20' },
      ],
      evalTime: '10m',
    },
  },
  'long-transaction-crit': {
    fires: {
      series: [
        { series: pgSeries('pg_stat_activity_max_tx_duration', 'datname="app",state="active"'), values: '0+60x30' },
      ],
      evalTime: '20m',
      labels: PG,
    },
    quiet: {
      series: [
        { series: pgSeries('pg_stat_activity_max_tx_duration', 'datname="app",state="active"'), values: '300x30' },
      ],
      evalTime: '20m',
    },
  },
  'replication-lag': {
    fires: {
      series: [{ series: pgSeries('pg_replication_lag_seconds'), values: '120x20' }],
      evalTime: '10m',
      labels: PG,
    },
    quiet: {
      series: [{ series: pgSeries('pg_replication_lag'), values: '2x20' }],
      evalTime: '10m',
    },
  },
  'replication-lag-crit': {
    fires: {
      series: [{ series: pgSeries('pg_replication_lag'), values: '900x20' }],
      evalTime: '10m',
      labels: PG,
    },
    quiet: {
      series: [{ series: pgSeries('pg_replication_lag_seconds'), values: '120x20' }],
      evalTime: '10m',
    },
  },
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
    fires: {
      series: [{ series: pgSeries('pg_postmaster_start_time_seconds'), values: '1000x10 1500x10' }],
      evalTime: '12m',
      labels: PG,
    },
    quiet: {
      series: [{ series: pgSeries('pg_postmaster_start_time_seconds'), values: '1000x20' }],
      evalTime: '12m',
    },
  },
};
