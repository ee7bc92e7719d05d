import type { ExporterEvidence, MetricEvidence, SourceRef } from './types';

// Read at 0.11.0 (oldest, Debian bookworm ships 0.11.1), 0.12.0, 0.13.0, 0.13.2, 0.14.0, 0.17.0,
// 0.19.0 and 0.20.1 (current).
const metric = (labels: string[], sources: SourceRef[], extra: Partial<MetricEvidence> = {}): MetricEvidence => ({
  labels,
  sources: sources as [SourceRef, ...SourceRef[]],
  ...extra,
});
const ref = (file: string, ...tags: [string, ...string[]]): SourceRef => ({ tags, file });

/**
 * The built-in query maps of the legacy exporter (until 0.19): their series carry a `server` label
 * (the DSN's host:port, server.go). They lived in cmd/postgres_exporter/ until 0.18 and in
 * exporter/ in 0.19; 0.20 replaced the last of them with collectors.
 */
const BUILTIN: SourceRef[] = [
  ref('cmd/postgres_exporter/postgres_exporter.go', 'v0.11.0', 'v0.13.2', 'v0.17.0'),
  ref('cmd/postgres_exporter/queries.go', 'v0.11.0', 'v0.13.2', 'v0.17.0'),
  ref('exporter/postgres_exporter.go', 'v0.19.0'),
];
const SAMPLE_QUERIES = [ref('queries.yaml', 'v0.11.0', 'v0.12.0')];
const collector = (name: string, from: string, ...more: string[]) =>
  ref(`collector/${name}.go`, from, ...more, 'v0.20.1');

const ACTIVITY_LABELS = [
  'datname',
  'state',
  'server',
  'usename',
  'application_name',
  'backend_type',
  'wait_event_type',
  'wait_event',
];
const ACTIVITY = [...BUILTIN, collector('pg_stat_activity', 'v0.20.0')];
const ACTIVITY_NOTE =
  'built-in query with `server` until 0.19; the 0.20 stat_activity collector drops `server` and splits by usename, application_name, backend_type, wait_event_type, wait_event: sum before comparing';
// Every bool, integer and real row of pg_settings, each as pg_settings_<name>.
const SETTINGS = [
  ref('cmd/postgres_exporter/pg_setting.go', 'v0.11.0', 'v0.17.0'),
  ref('exporter/pg_setting.go', 'v0.19.0'),
  ref('collector/pg_setting.go', 'v0.20.1'),
];
const SETTINGS_NOTE = '`server` until 0.19; the settings collector of 0.20 has no label';
const STAT_DATABASE = [
  ...BUILTIN.slice(0, 2).map((r) => ({ ...r, tags: ['v0.11.0', 'v0.12.0'] as [string, ...string[]] })),
  collector('pg_stat_database', 'v0.13.0', 'v0.13.1', 'v0.14.0', 'v0.17.0'),
];
const STAT_DATABASE_LABELS = ['datid', 'datname', 'server'];
const STAT_DATABASE_NOTE =
  'built-in query with `server` in 0.11 – 0.12 (the shared-objects row as datname=""); stat_database collector (datid, datname) from 0.13: it fails on a NULL datname in 0.13.0, sends datname="unknown" for the shared-objects row in 0.13.1 – 0.13.2 and skips it from 0.14';
const BGWRITER = [collector('pg_stat_bgwriter', 'v0.11.0', 'v0.17.0')];
const BGWRITER_NOTE =
  '`server` label in 0.11 only; on PostgreSQL 17 the collector fails before 0.17 (the columns moved to pg_stat_checkpointer) and emits no checkpoint counts from 0.17';
const CHECKPOINTER = [ref('collector/pg_stat_checkpointer.go', 'v0.17.0', 'v0.20.1')];
const CHECKPOINTER_NOTE =
  'stat_checkpointer collector: off by default (--collector.stat_checkpointer), PostgreSQL ≥ 17 only';

// Added in 0.14.0 (git log of collector/pg_database_wraparound.go); no built-in or sample query of
// 0.11 – 0.13 reads age(datfrozenxid).
const WRAPAROUND = ref('collector/pg_database_wraparound.go', 'v0.14.0', 'v0.15.0', 'v0.17.0', 'v0.20.1');
const WRAPAROUND_NOTE =
  'database_wraparound collector, off by default; one series per database that allows connections (not template0); despite the `_seconds` suffix the value is age() / mxid_age(): a count of transactions (multixacts), which stops writes near 2^31';

export const postgresEvidence: ExporterEvidence = {
  exporter: 'postgres',
  repository: 'prometheus-community/postgres_exporter',
  supported: { oldest: 'v0.11.0', current: 'v0.20.1' },
  families: [
    {
      name: 'postgres_exporter 0.11 – 0.12',
      differs:
        'built-in queries label pg_stat_activity, pg_stat_database, pg_locks, pg_settings, pg_stat_replication and pg_replication_slots series with `server`; replication lag and postmaster start time only from the sample queries.yaml (pg_replication_lag, pg_postmaster_start_time_seconds)',
    },
    {
      name: 'postgres_exporter 0.13.0 – 0.13.1',
      differs:
        'stat_database collector (no `server`; in 0.13.0 it fails on PostgreSQL ≥ 12, whose shared-objects row has a NULL datname, and 0.13.1 sends that row as datname="unknown"); the postmaster and replication collectors are on but both run the postmaster query, which fails: no lag, no start time, and pg_scrape_collector_success 0 for both',
    },
    {
      name: 'postgres_exporter 0.13.2 – 0.19',
      differs:
        'pg_replication_lag_seconds from the replication collector; postmaster collector off by default; pg_stat_activity, pg_settings, pg_stat_replication, pg_replication_slots still built-in with `server`',
    },
    {
      name: 'postgres_exporter ≥ 0.20',
      differs:
        'every query is a collector, no `server` label; pg_stat_activity_* also split by usename, application_name, backend_type, wait_event_type, wait_event',
    },
    {
      name: 'postgres_exporter ≥ 0.20 on PostgreSQL 16',
      differs:
        'the server has reserved_connections (PostgreSQL ≥ 16), so the settings collector also sends pg_settings_reserved_connections; 17 moves the checkpoint counters to pg_stat_checkpointer (no fixture here)',
    },
  ],
  metrics: {
    postgres_exporter_build_info: metric(['version'], [ref('cmd/postgres_exporter/main.go', 'v0.11.0', 'v0.20.1')], {
      note: 'prometheus/common version collector registered as "postgres_exporter"',
    }),
    pg_up: metric(
      [],
      [
        ref('cmd/postgres_exporter/postgres_exporter.go', 'v0.11.0', 'v0.17.0'),
        ref('exporter/postgres_exporter.go', 'v0.19.0', 'v0.20.1'),
      ],
      { note: 'set by the legacy exporter part in every version; 0 when the connection or ping fails' }
    ),
    pg_exporter_last_scrape_error: metric(
      [],
      [
        ref('cmd/postgres_exporter/postgres_exporter.go', 'v0.11.0', 'v0.17.0'),
        ref('exporter/postgres_exporter.go', 'v0.19.0', 'v0.20.1'),
      ]
    ),
    pg_scrape_collector_success: metric(['collector'], [ref('collector/collector.go', 'v0.11.0', 'v0.20.1')]),
    pg_stat_activity_count: metric(ACTIVITY_LABELS, ACTIVITY, {
      note: `one series per database and state, 0 included; ${ACTIVITY_NOTE}`,
    }),
    pg_stat_activity_max_tx_duration: metric(ACTIVITY_LABELS, ACTIVITY, {
      note: `seconds since xact_start, 0 when no transaction is open; ${ACTIVITY_NOTE}`,
    }),
    pg_settings_max_connections: metric(['server'], SETTINGS, { note: SETTINGS_NOTE }),
    pg_settings_superuser_reserved_connections: metric(['server'], SETTINGS, {
      note: `the slots of max_connections only superusers may take (PostgreSQL's default 3); ${SETTINGS_NOTE}`,
    }),
    pg_settings_reserved_connections: metric(['server'], SETTINGS, {
      note: `PostgreSQL ≥ 16 only (no such setting before): the slots of max_connections kept for roles with the privileges of pg_use_reserved_connections (default 0); an integer without a unit, so no suffix; ${SETTINGS_NOTE}`,
    }),
    pg_stat_database_xact_commit: metric(STAT_DATABASE_LABELS, STAT_DATABASE, { note: STAT_DATABASE_NOTE }),
    pg_stat_database_xact_rollback: metric(STAT_DATABASE_LABELS, STAT_DATABASE, { note: STAT_DATABASE_NOTE }),
    pg_stat_database_blks_hit: metric(STAT_DATABASE_LABELS, STAT_DATABASE, { note: STAT_DATABASE_NOTE }),
    pg_stat_database_blks_read: metric(STAT_DATABASE_LABELS, STAT_DATABASE, { note: STAT_DATABASE_NOTE }),
    pg_stat_database_tup_fetched: metric(STAT_DATABASE_LABELS, STAT_DATABASE, { note: STAT_DATABASE_NOTE }),
    pg_stat_database_tup_returned: metric(STAT_DATABASE_LABELS, STAT_DATABASE, { note: STAT_DATABASE_NOTE }),
    pg_stat_database_tup_inserted: metric(STAT_DATABASE_LABELS, STAT_DATABASE, { note: STAT_DATABASE_NOTE }),
    pg_stat_database_tup_updated: metric(STAT_DATABASE_LABELS, STAT_DATABASE, { note: STAT_DATABASE_NOTE }),
    pg_stat_database_tup_deleted: metric(STAT_DATABASE_LABELS, STAT_DATABASE, { note: STAT_DATABASE_NOTE }),
    pg_stat_database_temp_bytes: metric(STAT_DATABASE_LABELS, STAT_DATABASE, { note: STAT_DATABASE_NOTE }),
    pg_stat_database_deadlocks: metric(STAT_DATABASE_LABELS, STAT_DATABASE, { note: STAT_DATABASE_NOTE }),
    pg_locks_count: metric(
      ['datname', 'mode', 'server'],
      [
        ref('cmd/postgres_exporter/postgres_exporter.go', 'v0.11.0', 'v0.13.2'),
        ref('cmd/postgres_exporter/queries.go', 'v0.11.0', 'v0.13.2'),
        collector('pg_locks', 'v0.14.0'),
      ],
      {
        note: 'built-in query with `server` until 0.13, locks collector from 0.14; one series per database and lower-case mode',
      }
    ),
    pg_database_size_bytes: metric(['datname', 'server'], [collector('pg_database', 'v0.11.0', 'v0.17.0')], {
      note: '`server` label in 0.11 only',
    }),
    pg_replication_lag_seconds: metric([], [collector('pg_replication', 'v0.13.2', 'v0.14.0')], {
      versions: '≥ 0.13.2',
      note: '0 on a primary; 0.13.0 – 0.13.1 instantiate the postmaster collector under this name, so nothing is sent; before 0.14 the lag also grows while the primary is idle',
    }),
    pg_replication_lag: metric(['server'], SAMPLE_QUERIES, {
      versions: '0.11 – 0.12 with the sample queries.yaml',
      note: 'the sample file’s pg_replication query (lag column); user queries carry `server`',
    }),
    pg_postmaster_start_time_seconds: metric(
      ['server'],
      [...SAMPLE_QUERIES, collector('pg_postmaster', 'v0.13.2', 'v0.14.0')],
      {
        note: 'Unix time; 0.11 – 0.12 only from the sample queries.yaml (with `server`); the postmaster collector fails in 0.13.0 – 0.13.1 (timestamp scanned into a float) and is off by default from 0.13.2 (--collector.postmaster)',
      }
    ),
    pg_stat_replication_pg_wal_lsn_diff: metric(
      ['application_name', 'client_addr', 'state', 'slot_name', 'server'],
      [...BUILTIN, collector('pg_stat_replication', 'v0.20.0')],
      { note: 'bytes between the primary’s current WAL position and the standby’s replay_lsn; `server` until 0.19' }
    ),
    pg_replication_slots_pg_wal_lsn_diff: metric(
      ['slot_name', 'database', 'server'],
      [...BUILTIN, collector('pg_replication_slots', 'v0.20.0')],
      {
        note: 'bytes between the current WAL position and the slot’s restart_lsn (the WAL it holds back), in every version; `server` until 0.19',
      }
    ),
    pg_stat_database_conflicts: metric(STAT_DATABASE_LABELS, STAT_DATABASE, {
      note: `queries a standby cancelled because replay needed what they held; 0 on a primary; ${STAT_DATABASE_NOTE}`,
    }),
    pg_replication_slots_active: metric(
      ['slot_name', 'database', 'server'],
      [...BUILTIN, collector('pg_replication_slots', 'v0.20.0')],
      {
        note: '1 while a consumer is connected to the slot, 0 when none is (bool scanned as a number); `server` until 0.19',
      }
    ),
    pg_replication_is_replica: metric([], [collector('pg_replication', 'v0.13.2', 'v0.14.0')], {
      versions: '≥ 0.13.2',
      note: 'pg_is_in_recovery() as 1/0; 0.13.0 – 0.13.1 run the postmaster query under the replication collector, and 0.11 – 0.12 (sample queries.yaml included) have no such query',
    }),
    pg_database_wraparound_age_datfrozenxid_seconds: metric(['datname'], [WRAPAROUND], {
      versions: '≥ 0.14 with --collector.database_wraparound',
      note: WRAPAROUND_NOTE,
    }),
    pg_database_wraparound_age_datminmxid_seconds: metric(['datname'], [WRAPAROUND], {
      versions: '≥ 0.14 with --collector.database_wraparound',
      note: WRAPAROUND_NOTE,
    }),
    pg_stat_bgwriter_checkpoints_req_total: metric(['server'], BGWRITER, { note: BGWRITER_NOTE }),
    pg_stat_bgwriter_checkpoints_timed_total: metric(['server'], BGWRITER, { note: BGWRITER_NOTE }),
    pg_stat_checkpointer_num_requested_total: metric([], CHECKPOINTER, { versions: '≥ 0.17', note: CHECKPOINTER_NOTE }),
    pg_stat_checkpointer_num_timed_total: metric([], CHECKPOINTER, { versions: '≥ 0.17', note: CHECKPOINTER_NOTE }),
  },
};
