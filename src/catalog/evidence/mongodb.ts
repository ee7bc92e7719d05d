import type { ExporterEvidence, MetricEvidence, SourceRef } from './types';

// Read at v0.20.5 (oldest: the first release whose replica set member series carry `member_state`
// and the topology labels, which every replica set query joins on) and v0.53.0 (current), with
// v0.20.8, v0.30.0, v0.41.0 and v0.43.0 where a behaviour changed.
const ref = (file: string, ...tags: [string, ...string[]]): SourceRef => ({ tags, file });
const BOTH: [string, ...string[]] = ['v0.20.5', 'v0.53.0'];

/**
 * Names built from the server documents: exporter/metrics.go walks getDiagnosticData (serverStatus
 * → `ss_`, replSetGetStatus → `rs_`, the prefix rules) and names each leaf; the labels are the
 * topology labels of exporter/topology_info.go (cl_id, cl_role, rs_nm, rs_state) plus the label a
 * `nodeToPDMetrics` rule adds.
 */
const DIAG = [ref('exporter/metrics.go', ...BOTH), ref('exporter/diagnostic_data_collector.go', ...BOTH)];
/** The v1 names `--compatible-mode` adds beside the new ones (the `conversions` table and the special metrics). */
const COMPAT = [ref('exporter/v1_compatibility.go', ...BOTH), ref('exporter/metrics.go', ...BOTH)];
const TOPOLOGY = ['cl_id', 'cl_role', 'rs_nm', 'rs_state'];
const DIAG_NOTE =
  'from the diagnosticdata collector: on by default until 0.30, then only with --collector.diagnosticdata or --collect-all';

const ss = (labels: string[], extra: Partial<MetricEvidence> = {}): MetricEvidence => ({
  labels: [...TOPOLOGY, ...labels],
  sources: DIAG as [SourceRef, ...SourceRef[]],
  note: DIAG_NOTE,
  ...extra,
});
const member = (extra: Partial<MetricEvidence> = {}): MetricEvidence =>
  ss(['member_idx', 'member_state'], {
    note: `replSetGetStatus members[] (processSlice: member_idx = the member's name, member_state = its stateStr); only on replica set members; ${DIAG_NOTE}`,
    ...extra,
  });
/** A rename of the special conversions (PMM-6506): the renamed series keeps only the suffix label, no topology labels. */
const renamed = (label: string): MetricEvidence => ({
  labels: [label],
  sources: [ref('exporter/metrics.go', ...BOTH)],
  note: `specialConversions: the renamed series carries only ${label}, none of the topology labels; ${DIAG_NOTE}`,
});
// The dbstats collector came in 0.20.8 (prefix "dbstats", the database label), off by default in every
// release; main.go names its switch --enable.dbstats in 0.20.8 – 0.20.9, --collector.dbstats from
// 0.30, and --collect-all turns it on from 0.31.
const dbstats = (note: string): MetricEvidence => ({
  labels: [...TOPOLOGY, 'database'],
  sources: [
    ref('exporter/dbstats_collector.go', 'v0.20.8', 'v0.30.0', 'v0.53.0'),
    ref('exporter/metrics.go', 'v0.20.8', 'v0.30.0', 'v0.53.0'),
  ],
  versions: '≥ 0.20.8',
  note: `dbstats collector (--enable.dbstats in 0.20.8 – 0.20.9, --collector.dbstats from 0.30, or --collect-all from 0.31); ${note}`,
});
const compat = (labels: string[], note: string): MetricEvidence => ({
  labels,
  sources: COMPAT as [SourceRef, ...SourceRef[]],
  note: `only with --compatible-mode; ${note}`,
});

export const mongodbEvidence: ExporterEvidence = {
  exporter: 'mongodb',
  repository: 'percona/mongodb_exporter',
  supported: { oldest: 'v0.20.5', current: 'v0.53.0' },
  families: [
    {
      name: 'mongodb_exporter 0.20.5 – 0.53, replica set member',
      differs:
        'the new names only (mongodb_ss_*, mongodb_rs_*, mongodb_dbstats_*), with --collect-all (from 0.31 no collector but mongodb_up is on by default; up to 0.30 diagnosticdata and replicasetstatus are, main.go)',
    },
    {
      name: 'mongodb_exporter 0.20.5 – 0.53 with --compatible-mode, standalone',
      differs:
        'adds the v1 names (mongodb_connections, mongodb_mongod_*, …) beside the new ones; a standalone server has no mongodb_rs_* series and reports mongodb_mongod_replset_my_state 6 (UNKNOWN) with no set label',
    },
  ],
  metrics: {
    mongodb_up: {
      labels: ['cluster_role'],
      sources: [ref('exporter/general_collector.go', ...BOTH)],
      note: 'cluster_role (mongod, mongos, arbiter) since 0.41.0; the label is empty, so absent, when the exporter has no client: a down server may be a new series beside the old one',
    },
    mongodb_ss_uptime: ss([]),
    mongodb_rs_myState: ss([], {
      note: `replSetGetStatus.myState; only on replica set members; ${DIAG_NOTE}`,
    }),
    mongodb_ss_repl_isWritablePrimary: ss([], {
      note: `serverStatus.repl.isWritablePrimary: MongoDB ≥ 4.4 replica set members only; ${DIAG_NOTE}`,
    }),
    mongodb_rs_members_health: member({
      note: `replSetGetStatus members[] (processSlice: member_idx = the member's name, member_state = its stateStr); 1 or 0; a member with health 0 is reported with stateStr "(not reachable/healthy)" whatever its last state (mongodb/mongo src/mongo/db/repl/topology_coordinator.cpp, prepareStatusResponse), so going down changes member_state and starts a new series; only on replica set members; ${DIAG_NOTE}`,
    }),
    mongodb_rs_members_optimeDate: member({
      note: `a BSON date, so milliseconds since the epoch; only on replica set members; ${DIAG_NOTE}`,
    }),
    mongodb_ss_connections: ss(['conn_type'], {
      note: `conn_type: current, available, totalCreated, active, …; ${DIAG_NOTE}`,
    }),
    mongodb_ss_opcounters: ss(['legacy_op_type']),
    mongodb_ss_opLatencies_latency: renamed('op_type'),
    mongodb_ss_opLatencies_ops: renamed('op_type'),
    mongodb_ss_globalLock_currentQueue: ss(['count_type'], {
      note: `count_type: total, readers, writers; ${DIAG_NOTE}`,
    }),
    mongodb_ss_wt_concurrentTransactions_available: {
      ...renamed('txn_rw'),
      note: `specialConversions: only txn_rw (read, write), no topology labels; MongoDB ≥ 7.0 moved the tickets to serverStatus.queues.execution, which the exporter maps to the same name only since 0.43.0; ${DIAG_NOTE}`,
    },
    mongodb_ss_wt_cache_bytes_currently_in_the_cache: ss([]),
    mongodb_ss_wt_cache_maximum_bytes_configured: ss([]),
    mongodb_ss_wt_cache_tracked_dirty_bytes_in_the_cache: ss([]),
    mongodb_ss_mem_resident: ss([], { note: `serverStatus.mem.resident, in MiB; ${DIAG_NOTE}` }),
    mongodb_ss_network_bytesIn: ss([]),
    mongodb_ss_network_bytesOut: ss([]),
    mongodb_ss_asserts: ss(['assert_type']),
    mongodb_ss_metrics_document: ss(['doc_op_type']),
    mongodb_dbstats_dataSize: dbstats('dbStats dataSize, in bytes (the command runs with scale 1)'),
    mongodb_dbstats_fsUsedSize: dbstats('the same filesystem figure on every database (MongoDB ≥ 3.6)'),
    mongodb_dbstats_fsTotalSize: dbstats('the same filesystem figure on every database (MongoDB ≥ 3.6)'),
    mongodb_instance_uptime_seconds: compat([...TOPOLOGY], 'rename of mongodb_ss_uptime'),
    mongodb_mongod_replset_my_state: compat(
      ['set'],
      'a special metric; on a standalone server (replSetGetStatus fails) it is 6 (UnknownState) with set="" (no set label), since 0.20.9'
    ),
    mongodb_connections: compat(
      [...TOPOLOGY, 'state'],
      'rename of mongodb_ss_connections, conn_type → state, same values'
    ),
    mongodb_op_counters_total: compat([...TOPOLOGY, 'type'], 'rename of mongodb_ss_opcounters, legacy_op_type → type'),
    mongodb_mongod_global_lock_current_queue: compat(
      [...TOPOLOGY, 'type'],
      'count_type → type, values readers → reader, writers → writer, total'
    ),
    mongodb_mongod_wiredtiger_concurrent_transactions_available_tickets: compat(
      ['txn_rw'],
      'rename of the already renamed mongodb_ss_wt_concurrentTransactions_available: keeps txn_rw (not type) and no topology labels'
    ),
    mongodb_mongod_wiredtiger_cache_bytes: compat(
      ['type'],
      'built from the suffix of mongodb_ss_wt_cache_bytes_*: type="total" is currently_in_the_cache; only the type label'
    ),
    mongodb_mongod_wiredtiger_cache_max_bytes: compat(
      [...TOPOLOGY],
      'rename of mongodb_ss_wt_cache_maximum_bytes_configured'
    ),
    mongodb_asserts_total: compat([...TOPOLOGY, 'type'], 'rename of mongodb_ss_asserts, assert_type → type'),
  },
};
