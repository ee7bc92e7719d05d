import { CHANGE_LOOKBACK, changedWithin, sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext, Requirement } from '../types';

// template0 cannot be connected to and never changes; it only adds flat lines. pg_stat_database's
// shared-objects row (datid 0, NULL datname) is no database either: the built-in query of 0.11 – 0.12
// sends it as datname="", the stat_database collector of 0.13.1 – 0.13.x as datname="unknown"
// (collector/pg_stat_database.go), and 0.14 on skip it.
const REAL_DB = 'datname!~"template0|unknown|"';

const dbRate = (metric: string, q: QueryContext) =>
  `sum by (${q.by}, datname) (rate(${sel(metric, q, REAL_DB)}[${q.range}]))`;

/** Block reads a second below which a low cache hit ratio costs nothing (80 KiB/s at the 8 KiB block size). */
const CACHE_MISS_FLOOR = 10;

/**
 * Rollbacks a second below which a rollback ratio says nothing about an application. Every transaction that ends
 * in an error counts, and so does a bare ROLLBACK with none open (PostgreSQL 15 on the test stack: `SELECT 1/0`
 * and `ROLLBACK;` in an idle database each added 1 to xact_rollback), so in a database with a handful of
 * transactions one failed query or health check is 50 %. The exporter itself rolls back once per scrape for each
 * of its queries PostgreSQL refuses, against about 8 commits a scrape in its own database (0.11.1 on the stack:
 * 6.5 commits a second at 0.8 scrapes a second): 11 % per failing query, e.g. the built-in pg_replication_slots
 * query of 0.11 – 0.19 on a standby that has a slot, as pg_current_wal_lsn() is refused during recovery
 * (cmd/postgres_exporter/queries.go v0.11.0; collector/pg_replication_slots.go v0.20.0 asks pg_is_in_recovery()
 * first). An HA pair scraping every 15 s makes that 0.13 rollbacks a second; the floor is well above it.
 */
const ROLLBACK_FLOOR = 1;

// The slots ordinary roles may take: max_connections − superuser_reserved_connections − reserved_connections. A new
// backend of a role without SUPERUSER is refused when fewer free slots would stay than superuser_reserved_connections
// (default 3) plus, from PostgreSQL 16, reserved_connections (default 0), unless it has the privileges of
// pg_use_reserved_connections and more than the superusers' slots stay free (postgres/postgres
// src/backend/utils/init/postinit.c InitPostgres, REL_15 – master; config.sgml). postgres_exporter sends every
// integer setting, so pg_settings_reserved_connections exists only where the server has it (collector/pg_setting.go
// v0.20.1, cmd/postgres_exporter/pg_setting.go v0.11.0): the share is read against it where it exists, `or`
// without it for each target that lacks it (PostgreSQL ≤ 15), never dropping the target.
// Against max_connections alone, 95 % is out of reach wherever max_connections ≤ 60: 17 of 20 already refuses.
const connectionSlots = (q: QueryContext, reserved: boolean) => {
  const setting = (name: string) => `max by (${q.by}) (${sel(`pg_settings_${name}`, q)})`;
  const less = reserved ? ` - ${setting('reserved_connections')}` : '';
  return `(${setting('max_connections')} - ${setting('superuser_reserved_connections')}${less})`;
};
// Only client backends take those slots: autovacuum, background and parallel workers and walsenders draw from PGPROC
// pools of their own (src/backend/storage/lmgr/proc.c InitProcess, REL_15 – master), yet pg_stat_activity shows the
// workers in a database and a state, so the exporter counts them (on the test stack's PostgreSQL 15 a parallel
// query's two workers and an autovacuum worker each added 1 to state="active"). With the default 3 autovacuum and
// 8 parallel workers busy, a max_connections 20 server would read 65 % before any client connects. backend_type is
// sent from postgres_exporter 0.17 (cmd/postgres_exporter/queries.go v0.17.0, collector/pg_stat_activity.go
// v0.20.1); the empty value matches older versions, which cannot tell the workers apart, and the zero rows of
// states no backend is in.
const CLIENT_BACKENDS = 'backend_type=~"client backend|"';
const clientBackends = (q: QueryContext) => `sum by (${q.by}) (${sel('pg_stat_activity_count', q, CLIENT_BACKENDS)})`;
const connectionsShare = (q: QueryContext, used: string, reserved: boolean) =>
  `100 * ${used} / ${connectionSlots(q, reserved)}`;
// Peaks of the window: a failed scrape marks the series stale and would otherwise reset an alert's `for`.
const connectionsPeak = (q: QueryContext) => {
  const peak = `max_over_time((${clientBackends(q)})[${q.range}:1m])`;
  return `${connectionsShare(q, peak, true)} or ${connectionsShare(q, peak, false)}`;
};
const longestTransaction = (q: QueryContext) =>
  `max by (${q.by}) (max_over_time(${sel('pg_stat_activity_max_tx_duration', q)}[1m]))`;

// age() of a database's datfrozenxid (and mxid_age() of its datminmxid) counts the transactions
// since its oldest unfrozen row; PostgreSQL refuses new transaction IDs a few million short of 2^31
// and the database stops accepting writes until a VACUUM in single-user mode or by a superuser.
// The larger of the two ages decides: `a > b or b` is their maximum for matching series (both come
// from the same row of the database_wraparound collector, collector/pg_database_wraparound.go).
const XID_LIMIT = 2 ** 31;
const wraparoundUsed = (q: QueryContext) => {
  const age = (metric: string) => `max by (${q.by}, datname) (${sel(metric, q)})`;
  const xid = age('pg_database_wraparound_age_datfrozenxid_seconds');
  const mxid = age('pg_database_wraparound_age_datminmxid_seconds');
  return `100 * (${xid} > ${mxid} or ${mxid}) / ${XID_LIMIT}`;
};
const WRAPAROUND: Requirement = {
  kind: 'collector',
  enable: '--collector.database_wraparound',
  versions: 'postgres_exporter ≥ 0.14 (0.11 – 0.13, the sample queries.yaml included, have no query for it)',
  offByDefault: true,
};
const WRAPAROUND_OPTIONAL =
  'the database_wraparound collector is not enabled (off by default: --collector.database_wraparound, postgres_exporter ≥ 0.14; 0.11 – 0.13 cannot report it)';
// pg_replication_is_replica comes from the replication collector of 0.13.2 on; 0.11 – 0.13.1 have no
// such series (the sample queries.yaml neither).
const ROLE_OPTIONAL =
  'postgres_exporter is older than 0.13.2, whose replication collector is the first to report pg_replication_is_replica';

const POSTMASTER_OPTIONAL =
  'the postmaster collector is not enabled (off by default: --collector.postmaster, postgres_exporter ≥ 0.13.2), or on 0.11 – 0.12 (Debian 12) the sample queries.yaml is not loaded';
// now − the last replayed commit's time: 0.11 – 0.12's sample query and 0.13.2's collector report it on a standby
// even when everything received is replayed; 0.14 reports 0 then (collector/pg_replication.go v0.13.2, v0.14.0).
const REPLICATION_LAG_IDLE =
  ' Before postgres_exporter 0.14 the lag also grows while the primary has no transaction to send: if pg_last_wal_receive_lsn() equals pg_last_wal_replay_lsn() on the standby, it is not behind.';
const REPLICATION_LAG_OPTIONAL =
  'postgres_exporter 0.11 – 0.12 (Debian 12) runs without the sample queries.yaml, or is 0.13.0 – 0.13.1, whose replication collector runs the postmaster query instead';

// postgres_exporter 0.11 – 0.12 have no replication collector: pg_replication_lag comes only from the
// pg_replication query of the sample queries.yaml (v0.11.0, v0.12.0 queries.yaml), which runs only
// when --extend.query-path names it (cmd/postgres_exporter/main.go, default ""). Its query sends 0 on
// a primary, so a target without either lag series lacks the file. 0.13.0 – 0.13.1 cannot report
// it (NewPGReplicationCollector returns the postmaster collector, collector/pg_replication.go); from
// 0.13.2 the on-by-default replication collector sends pg_replication_lag_seconds.
const SAMPLE_QUERIES: Requirement = {
  kind: 'config',
  enable: 'the sample queries.yaml (--extend.query-path)',
  versions: 'postgres_exporter 0.11 – 0.12 (built in from 0.13.2; 0.13.0 – 0.13.1 cannot report it)',
  offByDefault: true,
};

const POSTMASTER: Requirement = {
  kind: 'collector',
  enable: '--collector.postmaster',
  versions: 'postgres_exporter ≥ 0.13.2 (on 0.11 – 0.12: the pg_postmaster query of the sample queries.yaml)',
  offByDefault: true,
};
// On PostgreSQL ≤ 16 the on-by-default stat_bgwriter collector draws these panels, so only a server
// without either collector's series lacks it.
const CHECKPOINTER: Requirement = {
  kind: 'collector',
  enable: '--collector.stat_checkpointer',
  versions: 'postgres_exporter ≥ 0.17, on PostgreSQL ≥ 17',
  offByDefault: true,
};

export const postgresExporter = defineExporter({
  id: 'postgres',
  title: 'PostgreSQL (postgres_exporter)',
  layer: 'data',
  defaultPort: 9187,
  docsUrl: 'https://github.com/prometheus-community/postgres_exporter',
  description:
    'PostgreSQL servers: reachability, connections, transactions, cache hits, locks, long transactions and replication.',
  detection: { metrics: ['pg_up', 'postgres_exporter_build_info'] },
  infoMetrics: ['pg_up'],
  versionMetric: { metric: 'postgres_exporter_build_info', label: 'version' },
  thresholds: [
    {
      id: 'connectionsUsed',
      direction: 'above',
      warning: 80,
      critical: 95,
      min: 1,
    },
    {
      id: 'cacheHitRatio',
      direction: 'below',
      warning: 0.98,
      critical: 0.9,
      min: 0,
    },
    {
      id: 'rollbackRatio',
      direction: 'above',
      warning: 0.1,
      min: 0,
    },
    {
      id: 'deadlocks',
      title: 'Deadlocks per minute',
      direction: 'above',
      warning: 5,
      min: 0.1,
      max: 1000,
    },
    {
      id: 'longestTransaction',
      direction: 'above',
      warning: 120,
      critical: 600,
      min: 1,
      max: 86400,
      description: 'Age of the oldest open transaction; long ones hold locks and stop vacuum from cleaning up.',
    },
    {
      id: 'xidWraparound',
      direction: 'above',
      warning: 50,
      critical: 75,
      min: 1,
      max: 99,
      description:
        'Transaction IDs (or multixact IDs) consumed since a database was last frozen, as a share of the 2^31 after which PostgreSQL stops accepting writes; autovacuum normally keeps it near 10% (autovacuum_freeze_max_age).',
    },
    {
      id: 'replicationLag',
      direction: 'above',
      warning: 30,
      critical: 300,
      min: 1,
      max: 86400,
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'Database reachable',
      description:
        'Whether postgres_exporter could connect to and query PostgreSQL at its last scrape (1 = yes); 0 while the exporter itself is up means the database is down or refuses the exporter.',
      unit: 'bool_yes_no',
      expr: (q) => sel('pg_up', q),
    },
    {
      id: 'uptime',
      requires: POSTMASTER,
      title: 'Uptime',
      // postgres_exporter 0.11 – 0.12 have no postmaster collector (only the sample queries.yaml's
      // pg_postmaster query); 0.13.0 – 0.13.1 enable one whose query fails (timestamp scanned as a
      // number), and from 0.13.2 it works but is off by default (collector/pg_postmaster.go).
      description:
        'Time since the postmaster started; a reset means PostgreSQL was stopped and started. A crashed backend makes it end every session and reinitialize without resetting this.',
      unit: 'dtdurations',
      variants: [
        {
          note: 'postgres_exporter ≥ 0.13.2 with --collector.postmaster; 0.11 – 0.12 with the sample queries.yaml',
          expr: (q) => `time() - ${sel('pg_postmaster_start_time_seconds', q)}`,
        },
      ],
      optional: POSTMASTER_OPTIONAL,
    },
    {
      id: 'connectionsUsed',
      title: 'Connections used',
      description:
        'Client backends as a share of the connection slots open to ordinary roles: max_connections minus superuser_reserved_connections and, on PostgreSQL 16 and later, reserved_connections. At 100% other clients are refused with “remaining connection slots are reserved for …” (PostgreSQL 16 and later name the pg_use_reserved_connections role where reserved_connections is set, then the SUPERUSER attribute); only those roles can go beyond. postgres_exporter older than 0.17 cannot tell client backends from autovacuum and parallel workers, which take no slot, and counts them too.',
      unit: 'percent',
      variants: [
        { note: 'PostgreSQL ≥ 16', expr: (q) => connectionsShare(q, clientBackends(q), true) },
        {
          note: 'PostgreSQL ≤ 15: no reserved_connections',
          expr: (q) => connectionsShare(q, clientBackends(q), false),
        },
      ],
      threshold: 'connectionsUsed',
    },
    {
      id: 'connectionsByState',
      title: 'Connections by state',
      description:
        'Backends per state (active, idle, idle in transaction, …); many “idle in transaction” sessions hold locks and block vacuum.',
      unit: 'short',
      expr: (q) => `sum by (${q.by}, state) (${sel('pg_stat_activity_count', q)})`,
      legend: '{{instance}} {{state}}',
      min: 0,
    },
    {
      id: 'commits',
      title: 'Commits',
      description: 'Transactions committed per second in each database.',
      unit: 'ops',
      expr: (q) => dbRate('pg_stat_database_xact_commit', q),
      legend: '{{instance}} {{datname}}',
    },
    {
      id: 'rollbackRatio',
      title: 'Rollback ratio',
      description:
        'Share of finished transactions that rolled back; a high ratio means the application is hitting errors or conflicts.',
      unit: 'percentunit',
      expr: (q) =>
        `${dbRate('pg_stat_database_xact_rollback', q)} / (${dbRate('pg_stat_database_xact_commit', q)} + ${dbRate('pg_stat_database_xact_rollback', q)} > 0)`,
      legend: '{{instance}} {{datname}}',
      threshold: 'rollbackRatio',
    },
    {
      id: 'cacheHitRatio',
      title: 'Buffer cache hit ratio',
      description:
        'Share of block reads served from shared buffers rather than the OS or disk; low values mean the working set no longer fits in memory.',
      unit: 'percentunit',
      expr: (q) =>
        `${dbRate('pg_stat_database_blks_hit', q)} / (${dbRate('pg_stat_database_blks_hit', q)} + ${dbRate('pg_stat_database_blks_read', q)} > 0)`,
      legend: '{{instance}} {{datname}}',
      threshold: 'cacheHitRatio',
    },
    {
      id: 'rowsRead',
      title: 'Rows read',
      description:
        'Rows fetched by index scans plus rows returned by sequential scans, per second; a jump without more queries hints at missing indexes.',
      unit: 'rps',
      expr: (q) => `${dbRate('pg_stat_database_tup_fetched', q)} + ${dbRate('pg_stat_database_tup_returned', q)}`,
      legend: '{{instance}} {{datname}} read',
    },
    {
      id: 'rowsWritten',
      title: 'Rows written',
      description: 'Rows inserted, updated and deleted per second.',
      unit: 'wps',
      expr: (q) =>
        `${dbRate('pg_stat_database_tup_inserted', q)} + ${dbRate('pg_stat_database_tup_updated', q)} + ${dbRate('pg_stat_database_tup_deleted', q)}`,
      legend: '{{instance}} {{datname}} written',
    },
    {
      id: 'tempBytes',
      title: 'Temporary file writes',
      description:
        'Bytes per second that queries spilled to temporary files because work_mem was too small for their sorts and hashes.',
      unit: 'Bps',
      expr: (q) => dbRate('pg_stat_database_temp_bytes', q),
      legend: '{{instance}} {{datname}}',
    },
    {
      id: 'deadlocks',
      title: 'Deadlocks',
      description: 'Deadlocks detected per minute; each one aborted a transaction.',
      unit: 'short',
      expr: (q) => `60 * ${dbRate('pg_stat_database_deadlocks', q)}`,
      legend: '{{instance}} {{datname}}',
      threshold: 'deadlocks',
      min: 0,
    },
    {
      id: 'longestTransaction',
      title: 'Longest transaction',
      description: 'Age of the oldest transaction still open, across databases and states.',
      unit: 's',
      expr: (q) => `max by (${q.by}) (${sel('pg_stat_activity_max_tx_duration', q)})`,
      threshold: 'longestTransaction',
      min: 0,
    },
    {
      id: 'locks',
      title: 'Locks by mode',
      description: 'Locks held per lock mode; a growing count of exclusive locks usually comes with waiting queries.',
      unit: 'short',
      expr: (q) => `sum by (${q.by}, mode) (${sel('pg_locks_count', q)})`,
      legend: '{{instance}} {{mode}}',
      min: 0,
    },
    {
      id: 'xidWraparound',
      requires: WRAPAROUND,
      title: 'Transaction ID wraparound used',
      description:
        'Age of each database’s oldest unfrozen transaction ID (or multixact ID, whichever is older) as a share of the 2^31 limit; at 100% PostgreSQL refuses writes until the database is vacuumed. A steady climb means anti-wraparound vacuum is not finishing.',
      unit: 'percent',
      variants: [
        {
          note: 'postgres_exporter ≥ 0.14 with --collector.database_wraparound',
          expr: wraparoundUsed,
        },
      ],
      legend: '{{instance}} {{datname}}',
      threshold: 'xidWraparound',
      optional: WRAPAROUND_OPTIONAL,
    },
    {
      id: 'conflicts',
      title: 'Recovery conflicts',
      description:
        'Queries per minute that a standby cancelled because WAL replay needed rows or locks they held; always 0 on a primary. Raise max_standby_streaming_delay or turn on hot_standby_feedback if reports keep failing.',
      unit: 'short',
      expr: (q) => `60 * ${dbRate('pg_stat_database_conflicts', q)}`,
      legend: '{{instance}} {{datname}}',
      min: 0,
    },
    {
      id: 'databaseSize',
      title: 'Database size',
      description: 'On-disk size of each database.',
      unit: 'bytes',
      expr: (q) => sel('pg_database_size_bytes', q, REAL_DB),
      legend: '{{instance}} {{datname}}',
    },
    {
      id: 'replicationLag',
      requires: SAMPLE_QUERIES,
      title: 'Replication lag',
      // Before 0.14 neither the replication collector nor the sample query treat "everything
      // received is replayed" as no lag (collector/pg_replication.go, queries.yaml).
      description:
        'Seconds since the last transaction replayed on this standby; 0 on a primary. Before postgres_exporter 0.14 it also grows while the primary is idle, as no new transaction arrives to replay.',
      unit: 's',
      variants: [
        {
          note: 'postgres_exporter ≥ 0.13.2 (replication collector, on by default)',
          expr: (q) => sel('pg_replication_lag_seconds', q),
        },
        {
          note: 'postgres_exporter 0.11 – 0.12 with the sample queries.yaml (pg_replication query)',
          expr: (q) => sel('pg_replication_lag', q),
        },
      ],
      threshold: 'replicationLag',
      min: 0,
      optional: REPLICATION_LAG_OPTIONAL,
    },
    {
      id: 'standbyReplayBytes',
      title: 'Standby replay lag (bytes)',
      description: 'On a primary: WAL bytes each connected standby has not replayed yet.',
      unit: 'bytes',
      expr: (q) => sel('pg_stat_replication_pg_wal_lsn_diff', q),
      legend: '{{instance}} → {{application_name}} {{client_addr}}',
      optional: 'only a primary with connected standbys has pg_stat_replication rows',
    },
    {
      id: 'replicationSlotRetained',
      title: 'WAL retained by replication slots',
      description:
        'WAL a replication slot keeps on disk for its consumer; it grows without bound when the consumer is gone and can fill the disk.',
      unit: 'bytes',
      // Every supported version has pg_replication_slots_pg_wal_lsn_diff (current WAL − the slot's
      // restart_lsn): a built-in query up to 0.19, the replication_slots collector from 0.20. The
      // 0.12 – 0.19 replication_slot collector's confirmed flush position is 0 for physical slots,
      // so "current − confirmed flush" would read as the whole WAL position.
      expr: (q) => sel('pg_replication_slots_pg_wal_lsn_diff', q),
      legend: '{{instance}} {{slot_name}}',
      optional: 'only servers with replication slots report them',
    },
    {
      id: 'checkpointsRequested',
      requires: CHECKPOINTER,
      title: 'Requested checkpoints',
      description:
        'Checkpoints forced by WAL volume (not by the timer), per minute; frequent ones mean max_wal_size is too small for the write load.',
      unit: 'short',
      variants: [
        {
          note: 'PostgreSQL ≤ 16 (stat_bgwriter collector, on by default)',
          expr: (q) => `60 * rate(${sel('pg_stat_bgwriter_checkpoints_req_total', q)}[${q.range}])`,
        },
        {
          note: 'PostgreSQL ≥ 17: postgres_exporter ≥ 0.17 with --collector.stat_checkpointer',
          expr: (q) => `60 * rate(${sel('pg_stat_checkpointer_num_requested_total', q)}[${q.range}])`,
        },
      ],
      legend: '{{instance}} requested',
      min: 0,
    },
    {
      id: 'checkpointsTimed',
      requires: CHECKPOINTER,
      title: 'Timed checkpoints',
      description: 'Checkpoints started by checkpoint_timeout, per minute: the expected, steady kind.',
      unit: 'short',
      variants: [
        {
          note: 'PostgreSQL ≤ 16 (stat_bgwriter collector, on by default)',
          expr: (q) => `60 * rate(${sel('pg_stat_bgwriter_checkpoints_timed_total', q)}[${q.range}])`,
        },
        {
          note: 'PostgreSQL ≥ 17: postgres_exporter ≥ 0.17 with --collector.stat_checkpointer',
          expr: (q) => `60 * rate(${sel('pg_stat_checkpointer_num_timed_total', q)}[${q.range}])`,
        },
      ],
      legend: '{{instance}} timed',
      min: 0,
    },
    {
      id: 'collectorFailures',
      title: 'Failing exporter collectors',
      description:
        'Collectors of postgres_exporter whose last query failed (missing rights, unsupported PostgreSQL version); their panels go empty.',
      unit: 'short',
      expr: (q) => `sum by (${q.by}) (1 - ${sel('pg_scrape_collector_success', q)})`,
      min: 0,
    },
  ],
  alerts: [
    {
      id: 'down',
      name: 'PostgresDown',
      severity: 'critical',
      for: '1m',
      // Unreachable at every scrape of the window: one refused connection during a restart stays quiet.
      signal: 'up',
      overWindow: 'max',
      window: '1m',
      comparison: '<',
      threshold: 1,
      summary: 'PostgreSQL behind {{ $labels.instance }} is down.',
      description:
        'postgres_exporter at {{ $labels.instance }} cannot connect to PostgreSQL. Check that the server runs (pg_isready, systemctl status postgresql), its log, and that the exporter’s DSN and credentials are still valid.',
    },
    {
      id: 'connections-high',
      name: 'PostgresConnectionsHigh',
      severity: 'warning',
      for: '10m',
      query: connectionsPeak,
      threshold: 'connectionsUsed',
      summary: 'PostgreSQL at {{ $labels.instance }} is running out of connections.',
      description:
        'Client backends on {{ $labels.instance }} use more than the warning share of the connection slots open to ordinary roles (max_connections minus superuser_reserved_connections and, on PostgreSQL 16 and later, reserved_connections). When they are full, other clients are refused with “remaining connection slots are reserved for …”. Look for connection leaks or idle sessions (pg_stat_activity), put a pooler such as PgBouncer in front, or raise max_connections.',
    },
    {
      id: 'connections-critical',
      name: 'PostgresConnectionsExhausted',
      severity: 'critical',
      for: '2m',
      query: connectionsPeak,
      threshold: 'connectionsUsed',
      summary: 'PostgreSQL at {{ $labels.instance }} is about to refuse connections.',
      description:
        'Client backends on {{ $labels.instance }} nearly fill the connection slots open to ordinary roles. When they are full, other clients get “remaining connection slots are reserved for roles with privileges of the "pg_use_reserved_connections" role” (PostgreSQL 16 and later, where reserved_connections is set), then “… for roles with the SUPERUSER attribute” (“… for non-replication superuser connections” before 16); only those roles can still connect. Terminate idle-in-transaction sessions now and find the client holding connections.',
    },
    {
      id: 'cache-hit-low',
      name: 'PostgresCacheHitRatioLow',
      severity: 'warning',
      for: '15m',
      signal: 'cacheHitRatio',
      // Only where the misses cost something: on the test stack's idle `postgres` database the exporter's own
      // queries made 0.25 hits and 0.011 reads a second, a ratio of 0.96 that kept the alert pending for ever.
      filters: [(q) => `${dbRate('pg_stat_database_blks_read', q)} > ${CACHE_MISS_FLOOR}`],
      summary: 'Database {{ $labels.datname }} on {{ $labels.instance }} reads from disk a lot.',
      description: `Fewer block reads of {{ $labels.datname }} on {{ $labels.instance }} than the threshold are served from shared buffers, with more than ${CACHE_MISS_FLOOR} blocks a second read from outside them: the working set no longer fits in memory. Check for new sequential scans (missing indexes) or raise shared_buffers and RAM.`,
    },
    {
      id: 'rollbacks-high',
      name: 'PostgresRollbackRatioHigh',
      severity: 'warning',
      for: '10m',
      signal: 'rollbackRatio',
      // Only where rollbacks are frequent: see ROLLBACK_FLOOR.
      filters: [(q) => `${dbRate('pg_stat_database_xact_rollback', q)} > ${ROLLBACK_FLOOR}`],
      summary: 'Many transactions roll back in {{ $labels.datname }} on {{ $labels.instance }}.',
      description: `More transactions than the threshold allows end in a rollback in {{ $labels.datname }} on {{ $labels.instance }}, more than ${ROLLBACK_FLOOR} a second. The application is hitting errors, serialization failures or lock timeouts: check its logs and the PostgreSQL log for ERROR lines. A client that ends its transactions with ROLLBACK, or sends ROLLBACK with none open, counts too.`,
    },
    {
      id: 'deadlocks',
      name: 'PostgresDeadlocks',
      severity: 'warning',
      for: '5m',
      signal: 'deadlocks',
      summary: 'Deadlocks in {{ $labels.datname }} on {{ $labels.instance }}.',
      description:
        'PostgreSQL breaks more deadlocks per minute than the threshold in {{ $labels.datname }} on {{ $labels.instance }}, aborting a transaction each time. The PostgreSQL log names the statements involved; make the application take locks in a consistent order.',
    },
    {
      id: 'long-transaction',
      name: 'PostgresLongTransaction',
      severity: 'warning',
      for: '2m',
      query: longestTransaction,
      threshold: 'longestTransaction',
      summary: 'A transaction on {{ $labels.instance }} has been open for long.',
      description:
        'The oldest open transaction on {{ $labels.instance }} is older than the warning threshold. Long transactions hold locks and keep vacuum from removing dead rows; find it in pg_stat_activity (order by xact_start) and end it if it is stuck. An autovacuum worker on a large table counts too (query “autovacuum: …”): let it finish.',
    },
    {
      id: 'long-transaction-crit',
      name: 'PostgresTransactionStuck',
      severity: 'critical',
      for: '5m',
      query: longestTransaction,
      threshold: 'longestTransaction',
      summary: 'A transaction on {{ $labels.instance }} has been open far too long.',
      // The exporter's pg_stat_activity query counts every backend with a database and one of the listed states
      // (cmd/postgres_exporter/queries.go v0.11.0, collector/pg_stat_activity.go v0.20.0), autovacuum workers
      // included: they report themselves active with the query "autovacuum: VACUUM … (to prevent wraparound)"
      // (autovac_report_activity, src/backend/postmaster/autovacuum.c).
      description:
        'The oldest open transaction on {{ $labels.instance }} is older than the critical threshold; table bloat grows and other sessions may queue behind its locks. Terminate it with pg_terminate_backend() unless it is a known batch job or an autovacuum worker (query “autovacuum: …”): never cancel one “to prevent wraparound”: autovacuum starts it again, and only one that finishes advances the table’s frozen transaction ID.',
    },
    {
      id: 'replication-lag',
      name: 'PostgresReplicationLag',
      severity: 'warning',
      for: '5m',
      signal: 'replicationLag',
      overWindow: 'max',
      summary: 'Standby {{ $labels.instance }} lags behind its primary.',
      description:
        'The standby behind {{ $labels.instance }} replays WAL more than the warning threshold behind the primary; reads from it are stale and a failover would lose recent writes. Check network throughput, long queries on the standby and its disk.' +
        REPLICATION_LAG_IDLE,
      optional: REPLICATION_LAG_OPTIONAL,
    },
    {
      id: 'replication-lag-crit',
      name: 'PostgresReplicationLagCritical',
      severity: 'critical',
      for: '5m',
      signal: 'replicationLag',
      overWindow: 'max',
      summary: 'Standby {{ $labels.instance }} is far behind its primary.',
      description:
        'The standby behind {{ $labels.instance }} is more than the critical threshold behind the primary. Check that it still receives WAL (pg_stat_wal_receiver), that replication slots or wal_keep_size still cover it, and rebuild it if the WAL it needs is gone.' +
        REPLICATION_LAG_IDLE,
      optional: REPLICATION_LAG_OPTIONAL,
    },
    {
      id: 'xid-wraparound',
      name: 'PostgresTransactionIdWraparound',
      severity: 'warning',
      for: '15m',
      signal: 'xidWraparound',
      summary: 'Database {{ $labels.datname }} on {{ $labels.instance }} is heading for transaction ID wraparound.',
      description:
        'The oldest unfrozen transaction ID of {{ $labels.datname }} on {{ $labels.instance }} is older than the warning share of the 2^31 limit: autovacuum’s anti-wraparound runs are not finishing. Check first what holds the xmin horizon back: long or idle-in-transaction sessions (pg_stat_activity), forgotten prepared transactions (pg_prepared_xacts) and stale replication slots (pg_replication_slots); then find the oldest tables (age(relfrozenxid) in pg_class) and VACUUM (FREEZE) them.',
      optional: WRAPAROUND_OPTIONAL,
    },
    {
      id: 'xid-wraparound-crit',
      name: 'PostgresTransactionIdWraparoundImminent',
      severity: 'critical',
      for: '5m',
      signal: 'xidWraparound',
      summary: 'Database {{ $labels.datname }} on {{ $labels.instance }} will soon stop accepting writes.',
      description:
        'The oldest unfrozen transaction ID of {{ $labels.datname }} on {{ $labels.instance }} is past the critical share of the 2^31 limit; when it reaches it, PostgreSQL refuses every write in the whole cluster until the database is vacuumed. End the sessions, prepared transactions or replication slots that hold the xmin horizon back now, then run VACUUM (FREEZE) on the oldest tables (age(relfrozenxid)) with a high maintenance_work_mem; do not cancel the anti-wraparound autovacuum.',
      optional: WRAPAROUND_OPTIONAL,
    },
    {
      id: 'replication-slot-inactive',
      name: 'PostgresReplicationSlotInactive',
      severity: 'warning',
      for: '30m',
      // No consumer at any scrape of the window; a standby's own slots (synced for failover) are not
      // consumed there by design, so only servers not in recovery count.
      query: (q) =>
        `max_over_time(${sel('pg_replication_slots_active', q)}[${q.range}]) unless on (${q.by}) (${sel('pg_replication_is_replica', q)} == 1)`,
      comparison: '<',
      threshold: 1,
      summary: 'Replication slot {{ $labels.slot_name }} on {{ $labels.instance }} has no consumer.',
      description:
        'No standby or logical consumer has used slot {{ $labels.slot_name }} on {{ $labels.instance }} for half an hour, and the slot keeps every WAL segment since it was last read: the disk under pg_wal fills. Check first whether the consumer (standby, Debezium, logical subscriber) is down or was retired; restart it, or drop the slot with pg_drop_replication_slot() if it is gone for good. max_slot_wal_keep_size (PostgreSQL ≥ 13) caps what a slot may hold.',
      optional: 'only servers with replication slots report them',
    },
    {
      id: 'role-changed',
      name: 'PostgresRoleChanged',
      severity: 'info',
      for: '0s',
      // Against the role last seen before the 15 minutes too, not only changes() over them: an old primary re-attached
      // as a standby after an outage longer than that window (pg_replication_is_replica stale while the exporter could
      // not query it) had only its new role in the window, so changes() read 0.
      query: (q) => changedWithin(sel('pg_replication_is_replica', q), '15m'),
      comparison: '>',
      threshold: 0,
      summary: 'PostgreSQL at {{ $labels.instance }} changed between primary and standby.',
      description: `PostgreSQL at {{ $labels.instance }} was promoted from standby to primary, or turned into a standby: within the last 15 minutes its role changed, or became another than the one last seen before them after an outage of up to ${CHANGE_LOOKBACK.words} (an old primary re-attached as a standby). Expected after a planned switchover; otherwise check first which node is primary now (pg_is_in_recovery() on each), that the old primary is fenced so two primaries never take writes, and that clients and the remaining standbys follow the new one.`,
      optional: ROLE_OPTIONAL,
    },
    {
      id: 'exporter-errors',
      name: 'PostgresExporterErrors',
      severity: 'warning',
      for: '10m',
      // Only while the database answers: when it is down, PostgresDown says so once.
      query: (q) =>
        `((1 - ${sel('pg_scrape_collector_success', q)}) or ${sel('pg_exporter_last_scrape_error', q)}) and on (${q.by}) (${sel('pg_up', q)} == 1)`,
      comparison: '>',
      threshold: 0,
      summary: 'postgres_exporter at {{ $labels.instance }} fails to collect some metrics.',
      description:
        'A collector ({{ $labels.collector }}) or query of postgres_exporter at {{ $labels.instance }} keeps failing, so some dashboard panels are empty. The exporter’s log names the failing query; usually the monitoring role lacks pg_monitor or the PostgreSQL version is not supported by that collector.',
    },
    {
      id: 'restarted',
      name: 'PostgresRestarted',
      severity: 'info',
      for: '0s',
      // The time since the postmaster started, not changes() of its start time over 15m: while PostgreSQL is down
      // the exporter sends no start time (the postmaster collector returns its failed query's error and no sample,
      // collector/pg_postmaster.go v0.13.2 – v0.19.1), and after an outage longer than that window only the new
      // start time was in it: changes() read 0 and the restart never fired (as NodeRebooted, node.ts).
      // 15 minutes: long enough to be seen after the exporter reaches the database again.
      signal: 'uptime',
      comparison: '<',
      threshold: 900,
      summary: 'PostgreSQL at {{ $labels.instance }} restarted.',
      // pg_postmaster_start_time() is set once, when the postmaster starts (PgStartTime in PostmasterMain,
      // src/backend/postmaster/postmaster.c). A backend crash ends every session and reinitializes shared memory
      // under the same postmaster: on the test stack's PostgreSQL 15 a backend killed with SIGKILL logged
      // "all server processes terminated; reinitializing" and pg_postmaster_start_time() stayed as it was.
      description:
        'The postmaster of {{ $labels.instance }} started within the last 15 minutes: PostgreSQL was stopped and started. Expected after an upgrade or a configuration change that needs a restart; otherwise look in the PostgreSQL and system logs for what stopped it, or whether the postmaster itself was killed (e.g. by the OOM killer). A crashed backend does not show here: PostgreSQL then ends every session and reinitializes under the same postmaster, logging “terminating any other active server processes”.',
      optional: POSTMASTER_OPTIONAL,
    },
  ],
  overview: ['connectionsUsed', 'cacheHitRatio', 'longestTransaction', 'replicationLag'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['up'], kind: 'stat', width: 4 },
        { signals: ['uptime'], kind: 'stat', width: 4 },
        { signals: ['connectionsUsed'], kind: 'gauge', width: 4 },
        { signals: ['cacheHitRatio'], kind: 'gauge', width: 4 },
        { signals: ['longestTransaction'], kind: 'stat', width: 4 },
        { signals: ['replicationLag'], kind: 'stat', width: 4 },
      ],
    },
    {
      title: 'Connections',
      panels: [
        { signals: ['connectionsUsed'], width: 12 },
        { signals: ['connectionsByState'], stack: true, width: 12 },
      ],
    },
    {
      title: 'Transactions',
      panels: [
        { signals: ['commits'], width: 8 },
        { signals: ['rollbackRatio'], width: 8 },
        { signals: ['deadlocks'], width: 8 },
      ],
    },
    {
      title: 'Reads, writes and memory',
      panels: [
        { signals: ['cacheHitRatio'], width: 6 },
        {
          signals: ['rowsRead', 'rowsWritten'],
          title: 'Row activity',
          description: 'Rows read (fetched + returned) and written (inserted + updated + deleted) per second.',
          width: 6,
        },
        { signals: ['tempBytes'], width: 6 },
        { signals: ['databaseSize'], width: 6 },
      ],
    },
    {
      title: 'Locks and long transactions',
      panels: [
        { signals: ['locks'], stack: true, width: 12 },
        { signals: ['longestTransaction'], width: 12 },
      ],
    },
    {
      title: 'Replication',
      panels: [
        { signals: ['replicationLag'], width: 6 },
        { signals: ['standbyReplayBytes'], width: 6 },
        { signals: ['replicationSlotRetained'], width: 6 },
        { signals: ['conflicts'], width: 6 },
      ],
    },
    {
      title: 'Transaction ID wraparound',
      panels: [{ signals: ['xidWraparound'], width: 24 }],
    },
    {
      title: 'Checkpoints and exporter',
      panels: [
        {
          signals: ['checkpointsTimed', 'checkpointsRequested'],
          title: 'Checkpoints per minute',
          description: 'Checkpoints started by the timer and requested by WAL volume, per minute.',
          width: 12,
        },
        { signals: ['collectorFailures'], kind: 'stat', width: 12 },
      ],
    },
  ],
});
