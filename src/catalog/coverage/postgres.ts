import { APA_COMMIT, APA_URL } from './references';
import type { ExporterCoverage } from './types';

const CUSTOM_QUERY =
  'reads a metric no postgres_exporter collector or built-in query emits (it comes from a user queries file), so it cannot fire on a stock exporter';
const PER_TABLE =
  'needs the per-table stat_user_tables series (one set per table, cardinality grows with the schema) and a workload-specific threshold; the failure vacuum falling behind ends in, wraparound, is alerted by';

export const postgresCoverage: ExporterCoverage = {
  exporter: 'postgres',
  references: [
    {
      id: 'mixin',
      title: 'postgres_exporter postgres_mixin',
      kind: 'mixin',
      url: 'https://github.com/prometheus-community/postgres_exporter/tree/v0.20.1/postgres_mixin',
      version: 'v0.20.1',
    },
    {
      id: 'apa',
      title: 'awesome-prometheus-alerts: PostgreSQL (postgres_exporter)',
      kind: 'alert collection',
      url: APA_URL,
      version: `commit ${APA_COMMIT.slice(0, 12)}`,
    },
    {
      id: 'docs',
      title: 'postgres_exporter README (collector flags)',
      kind: 'exporter docs',
      url: 'https://github.com/prometheus-community/postgres_exporter/blob/v0.20.1/README.md',
      version: 'v0.20.1',
    },
    {
      id: 'gcom-9628',
      title: 'PostgreSQL Database (grafana.com 9628)',
      kind: 'dashboard',
      url: 'https://grafana.com/grafana/dashboards/9628',
      version: 'the Grafana 11.0 (schemaVersion 39) export, read as vendored in a public repository',
    },
  ],
  fewerAlertsBecause:
    'awesome-prometheus-alerts lists 24 PostgreSQL rules, but 5 read metrics only a custom queries file provides, 5 are not failures or measure them wrongly (too few sessions, a low commit rate, a configuration change, requested checkpoints, a lock ratio that counts fast-path locks) and 3 need per-table series; every failure mode among them that a stock postgres_exporter can see is covered, most by one rule per severity.',
  rows: [
    // postgres_mixin alerts (alerts/postgres.libsonnet)
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PostgreSQLMaxConnectionsReached',
      status: { covered: ['alert:connections-critical'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PostgreSQLHighConnections',
      status: { covered: ['alert:connections-high'] },
    },
    { reference: 'mixin', kind: 'alert', item: 'PostgreSQLDown', status: { covered: ['alert:down'] } },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PostgreSQLSlowQueries',
      status: { covered: ['alert:long-transaction', 'alert:long-transaction-crit'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PostgreSQLQPS',
      status: {
        notTaken:
          'a fixed ceiling of 10 000 transactions per second is a capacity figure, not a failure; the Commits panel shows the rate and the failures a load peak causes (connections, cache, locks) have their own alerts',
      },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PostgreSQLCacheHitRatio',
      status: { covered: ['alert:cache-hit-low'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PostgresHasTooManyRollbacks',
      status: { covered: ['alert:rollbacks-high'] },
    },
    { reference: 'mixin', kind: 'alert', item: 'PostgresHasHighDeadLocks', status: { covered: ['alert:deadlocks'] } },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PostgresAcquiredTooManyLocks',
      status: {
        notTaken:
          'pg_locks_count counts fast-path locks too, which never take a slot of the shared lock table (max_locks_per_transaction × max_connections), so the ratio overstates the risk; the Locks by mode panel shows the counts',
      },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PostgresReplicationLaggingMore1Hour',
      status: { covered: ['alert:replication-lag', 'alert:replication-lag-crit'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PostgresHasReplicationSlotUsed',
      status: { added: ['alert:replication-slot-inactive'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PostgresReplicationRoleChanged',
      status: { added: ['alert:role-changed'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PostgresHasExporterErrors',
      status: { covered: ['alert:exporter-errors'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PostgresTablesNotVaccumed',
      status: {
        notTaken: `${PER_TABLE} PostgresTransactionIdWraparound (as written at v0.20.1 it compares a fresh sample’s timestamp with ten hours ago, so it cannot fire either)`,
      },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PostgresTooManyCheckpointsRequested',
      status: {
        notTaken:
          'a tuning signal (max_wal_size too small for the write load), not a failure; the Checkpoints per minute panel shows requested beside timed checkpoints',
      },
    },
    // awesome-prometheus-alerts, PostgreSQL / postgres_exporter
    { reference: 'apa', kind: 'alert', item: 'Postgresql down', status: { covered: ['alert:down'] } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Postgresql replication role changed',
      status: { added: ['alert:role-changed'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Postgresql bloat index high (> 80%)',
      status: { notTaken: CUSTOM_QUERY },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Postgresql bloat table high (> 80%)',
      status: { notTaken: CUSTOM_QUERY },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Postgresql long-running transaction',
      status: { covered: ['alert:long-transaction', 'alert:long-transaction-crit'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Postgresql low cache hit rate',
      status: { covered: ['alert:cache-hit-low'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Postgresql not enough connections',
      status: {
        notTaken:
          'fewer than five sessions in a database is normal for most databases (a batch job’s, an idle one), so it would fire on healthy servers; an unreachable server is PostgresDown',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Postgresql too many locks acquired',
      status: {
        notTaken:
          'the same ratio as the mixin’s PostgresAcquiredTooManyLocks: fast-path locks counted against the shared lock table overstate it; the Locks by mode panel shows the counts',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Postgresql max connections reached',
      status: { covered: ['alert:connections-critical'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Postgresql too many connections',
      status: { covered: ['alert:connections-high'] },
    },
    { reference: 'apa', kind: 'alert', item: 'Postgresql restarted', status: { covered: ['alert:restarted'] } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Postgresql exporter error',
      status: { covered: ['alert:exporter-errors'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Postgresql commit rate low',
      status: {
        notTaken: 'an idle database commits nothing and is healthy; a server that stops answering is PostgresDown',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Postgresql table not auto vacuumed',
      status: { notTaken: `${PER_TABLE} PostgresTransactionIdWraparound` },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Postgresql table not auto analyzed',
      status: {
        notTaken:
          'needs per-table stat_user_tables series; stale statistics make plans worse, not the server fail, and a table without changes rightly goes unanalysed for long',
      },
    },
    { reference: 'apa', kind: 'alert', item: 'Postgresql dead locks', status: { covered: ['alert:deadlocks'] } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Postgresql high rollback rate',
      status: { covered: ['alert:rollbacks-high'] },
    },
    { reference: 'apa', kind: 'alert', item: 'Postgresql low XID consumption', status: { notTaken: CUSTOM_QUERY } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Postgresql unused replication slot',
      status: { added: ['alert:replication-slot-inactive'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Postgresql too many dead tuples',
      status: { notTaken: `${PER_TABLE} PostgresTransactionIdWraparound` },
    },
    { reference: 'apa', kind: 'alert', item: 'Postgresql invalid index', status: { notTaken: CUSTOM_QUERY } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Postgresql replication lag',
      status: { covered: ['alert:replication-lag', 'alert:replication-lag-crit'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Postgresql too many checkpoints requested',
      status: {
        notTaken:
          'a tuning signal, not a failure (as the mixin’s PostgresTooManyCheckpointsRequested); the Checkpoints per minute panel shows it',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Postgresql SSL compression active',
      status: {
        notTaken: `${CUSTOM_QUERY}; PostgreSQL 14 removed SSL compression altogether`,
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Postgresql configuration changed',
      status: {
        notTaken:
          'a change an operator made on purpose is not a failure; compares every pg_settings_* series with five minutes earlier, an expensive query on every evaluation',
      },
    },
    // No reference alerts on wraparound, the one failure that stops all writes; the exporter's
    // README offers the collector for it.
    {
      reference: 'docs',
      kind: 'alert',
      item: 'collector.database_wraparound (age of datfrozenxid and datminmxid)',
      status: { added: ['alert:xid-wraparound', 'alert:xid-wraparound-crit'] },
    },
    {
      reference: 'docs',
      kind: 'view',
      item: 'collector.database_wraparound',
      status: { added: ['panel:xidWraparound'] },
    },
    // postgres_mixin dashboard (dashboards/postgres-overview.json)
    { reference: 'mixin', kind: 'view', item: 'QPS', status: { covered: ['panel:commits'] } },
    { reference: 'mixin', kind: 'view', item: 'Rows', status: { covered: ['panel:rowsRead', 'panel:rowsWritten'] } },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Buffers',
      status: {
        notTaken:
          'PostgreSQL 17 dropped the backend write counters from pg_stat_bgwriter (they moved to pg_stat_io, which postgres_exporter does not read), so the panel would go half empty on current servers; the Checkpoints per minute panel shows the write pressure',
      },
    },
    { reference: 'mixin', kind: 'view', item: 'Conflicts/Deadlocks', status: { added: ['panel:conflicts'] } },
    { reference: 'mixin', kind: 'view', item: 'Cache hit ratio', status: { covered: ['panel:cacheHitRatio'] } },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Number of active connections',
      status: { covered: ['panel:connectionsByState'] },
    },
    // grafana.com 9628
    {
      reference: 'gcom-9628',
      kind: 'view',
      item: 'Version',
      status: {
        notTaken:
          'pg_static’s value is always 1, the server version is only in its `short_version` label, which our panels, drawing values, cannot show as text; pg_static in Explore lists it',
      },
    },
    { reference: 'gcom-9628', kind: 'view', item: 'Start Time', status: { covered: ['panel:uptime'] } },
    {
      reference: 'gcom-9628',
      kind: 'view',
      item: 'Current fetch / insert / update data',
      status: { covered: ['panel:rowsRead', 'panel:rowsWritten'] },
    },
    { reference: 'gcom-9628', kind: 'view', item: 'Max Connections', status: { covered: ['panel:connectionsUsed'] } },
    {
      reference: 'gcom-9628',
      kind: 'view',
      item: 'Average CPU Usage, Average Memory Usage, Open File Descriptors',
      status: {
        notTaken:
          'process_* series of the postgres_exporter process itself, not of PostgreSQL; the host’s node exporter dashboard shows the database server',
      },
    },
    {
      reference: 'gcom-9628',
      kind: 'view',
      item: 'Settings (Shared Buffers, Effective Cache, Work Mem, Max WAL Size, page costs, workers)',
      status: {
        notTaken:
          'configuration values that change only when an operator changes them; every setting is a pg_settings_* series for Explore, and Connections used already divides by max_connections minus superuser_reserved_connections and reserved_connections (PostgreSQL ≥ 16)',
      },
    },
    {
      reference: 'gcom-9628',
      kind: 'view',
      item: 'Active sessions',
      status: { covered: ['panel:connectionsByState'] },
    },
    { reference: 'gcom-9628', kind: 'view', item: 'Idle sessions', status: { covered: ['panel:connectionsByState'] } },
    {
      reference: 'gcom-9628',
      kind: 'view',
      item: 'Transactions',
      status: { covered: ['panel:commits', 'panel:rollbackRatio'] },
    },
    {
      reference: 'gcom-9628',
      kind: 'view',
      item: 'Fetch data (SELECT), Return data',
      status: { covered: ['panel:rowsRead'] },
    },
    {
      reference: 'gcom-9628',
      kind: 'view',
      item: 'Insert data, Update data, Delete data',
      status: { covered: ['panel:rowsWritten'] },
    },
    { reference: 'gcom-9628', kind: 'view', item: 'Lock tables', status: { covered: ['panel:locks'] } },
    { reference: 'gcom-9628', kind: 'view', item: 'Cache Hit Rate', status: { covered: ['panel:cacheHitRatio'] } },
    {
      reference: 'gcom-9628',
      kind: 'view',
      item: 'Buffers (bgwriter)',
      status: {
        notTaken:
          'as the mixin’s Buffers: half its counters are gone from pg_stat_bgwriter on PostgreSQL 17; the Checkpoints per minute panel shows the write pressure',
      },
    },
    {
      reference: 'gcom-9628',
      kind: 'view',
      item: 'Conflicts/Deadlocks',
      status: { added: ['panel:conflicts'] },
    },
    { reference: 'gcom-9628', kind: 'view', item: 'Temp File (Bytes)', status: { covered: ['panel:tempBytes'] } },
    {
      reference: 'gcom-9628',
      kind: 'view',
      item: 'Checkpoint Stats (write and sync time)',
      status: {
        notTaken:
          'on PostgreSQL 17 the times moved to pg_stat_checkpointer, which postgres_exporter reads only with an opt-in collector; the Checkpoints per minute panel shows how often they run on every version',
      },
    },
  ],
};
