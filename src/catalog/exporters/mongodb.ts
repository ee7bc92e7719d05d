import { sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext, Requirement } from '../types';

const MIB = 1024 * 1024;
// The mongodb_rs_* series come from getDiagnosticData's replSetGetStatus section, not from the
// replicasetstatus collector (that one names its series mongodb_members_*, without the rs_ prefix):
// percona/mongodb_exporter exporter/diagnostic_data_collector.go and metrics.go, 0.20.5 – 0.53.
// The collector it also needs is the signals' requirement (DIAGNOSTIC_DATA_REPLSET), said beside this.
const REPLSET = 'only replica set members report it; standalone servers have none';
const PERCONA = 'percona/mongodb_exporter ≥ 0.20.5';
// --compatible-mode adds the v1 names beside the new ones (exporter/v1_compatibility.go).
const PERCONA_COMPAT = 'percona/mongodb_exporter with --compatible-mode';

/**
 * How far each secondary's last applied operation is behind the primary's, in seconds. Computed
 * per replica set so members of different sets are never compared.
 */
const lagSeconds = (q: QueryContext) =>
  `(max by (${q.by}, rs_nm) (${sel('mongodb_rs_members_optimeDate', q, 'member_state="PRIMARY"')}) - on (${q.by}, rs_nm) group_right ${sel('mongodb_rs_members_optimeDate', q, 'member_state="SECONDARY"')}) / 1000`;

/**
 * 1 when this member sees a healthy PRIMARY in its replica set, 0 when it sees none: the set's own
 * view, so no member count is assumed and a set where only one member is scraped still works.
 */
const healthyPrimary = (q: QueryContext) =>
  `max by (${q.by}, rs_nm) (${sel('mongodb_rs_members_health', q, 'member_state="PRIMARY"')} or 0 * ${sel('mongodb_rs_members_health', q)})`;
// Peaks and troughs of the window: a failed scrape marks series stale and would reset an alert's `for`.
const connectionsPeak = (q: QueryContext) =>
  `max_over_time((100 * sum by (${q.by}) (${sel('mongodb_ss_connections', q, 'conn_type="current"')}) / sum by (${q.by}) (${sel('mongodb_ss_connections', q, 'conn_type=~"current|available"')}))[${q.range}:1m]) or max_over_time((100 * sum by (${q.by}) (${sel('mongodb_connections', q, 'state="current"')}) / sum by (${q.by}) (${sel('mongodb_connections', q, 'state=~"current|available"')}))[${q.range}:1m])`;
// main.go: --enable.dbstats in 0.20.8 – 0.20.9, --collector.dbstats from 0.30, --collect-all from 0.31:
// 0.30 has no --collect-all and refuses to start with it, so the text says from when it exists.
const DBSTATS: Requirement = {
  kind: 'collector',
  enable: '--collector.dbstats (or, from 0.31, --collect-all)',
  versions: 'mongodb_exporter ≥ 0.30 (0.20.8 – 0.20.9: --enable.dbstats)',
  offByDefault: true,
};
// Every serverStatus (mongodb_ss_*) and replica set (mongodb_rs_*) series, and their --compatible-mode
// names, come from the diagnosticdata collector (diagnostic_data_collector.go runs getDiagnosticData
// and names its sections by metrics.go's prefixes). main.go: on by default up to 0.30
// (--disable.diagnosticdata in 0.20, --no-collector.diagnosticdata in 0.30), opt-in from 0.31, when
// a bare exporter sends only mongodb_up. Checked per target: with it off no server series exists.
const DIAGNOSTIC_DATA: Requirement = {
  kind: 'collector',
  enable: '--collector.diagnosticdata (or --collect-all)',
  versions: 'mongodb_exporter ≥ 0.31 (on by default up to 0.30)',
  offByDefault: true,
};
// Not checked per target: a standalone server has no replica set section even with the collector on.
const DIAGNOSTIC_DATA_REPLSET: Requirement = {
  ...DIAGNOSTIC_DATA,
  enable: '--collector.diagnosticdata (or --collect-all), on replica set members',
  offByDefault: false,
};

export const mongodbExporter = defineExporter({
  id: 'mongodb',
  title: 'MongoDB (Percona exporter)',
  layer: 'data',
  defaultPort: 9216,
  docsUrl: 'https://github.com/percona/mongodb_exporter',
  description:
    'MongoDB servers and replica sets: availability, replication, connections, operations, WiredTiger cache and tickets.',
  detection: { metrics: ['mongodb_up', 'mongodb_ss_uptime', 'mongodb_instance_uptime_seconds'] },
  infoMetrics: ['mongodb_up', 'mongodb_instance_uptime_seconds'],
  thresholds: [
    {
      id: 'replicationLag',
      direction: 'above',
      warning: 30,
      critical: 300,
      min: 1,
      max: 86400,
    },
    {
      id: 'connectionsUsed',
      direction: 'above',
      warning: 80,
      critical: 95,
      min: 1,
    },
    {
      id: 'wtTicketsAvailable',
      direction: 'below',
      warning: 50,
      critical: 10,
      min: 1,
      max: 1000,
    },
    {
      id: 'wtCacheUsage',
      direction: 'above',
      warning: 90,
      critical: 95,
      min: 1,
      description:
        'Cache fill as a share of its configured size; from 95% application threads must evict pages themselves and slow down.',
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'MongoDB reachable',
      description: 'Whether the exporter could connect to mongod/mongos at its last scrape (1 = yes).',
      unit: 'bool_yes_no',
      expr: (q) => sel('mongodb_up', q),
    },
    {
      id: 'uptime',
      requires: DIAGNOSTIC_DATA,
      title: 'Uptime',
      description: 'Time since the mongod process started; a reset means it restarted.',
      unit: 'dtdurations',
      variants: [
        { note: PERCONA, expr: (q) => sel('mongodb_ss_uptime', q) },
        { note: PERCONA_COMPAT, expr: (q) => sel('mongodb_instance_uptime_seconds', q) },
      ],
    },
    {
      id: 'replicaState',
      requires: DIAGNOSTIC_DATA_REPLSET,
      title: 'Replica set state',
      description:
        'This member’s replica set state: 1 PRIMARY, 2 SECONDARY, 7 ARBITER; 3 RECOVERING, 6 UNKNOWN and 8 DOWN need attention.',
      unit: 'none',
      variants: [
        { note: PERCONA, expr: (q) => sel('mongodb_rs_myState', q) },
        {
          // A standalone server reports 6 (UNKNOWN) without a set: not a replica set state.
          note: PERCONA_COMPAT,
          expr: (q) => sel('mongodb_mongod_replset_my_state', q, 'set!=""'),
        },
      ],
      legend: '{{instance}} {{rs_nm}}{{set}}',
      optional: REPLSET,
    },
    {
      id: 'writablePrimary',
      requires: DIAGNOSTIC_DATA,
      title: 'Writable primary',
      description: 'Whether this member accepts writes (1 = it is the primary).',
      unit: 'bool_yes_no',
      variants: [
        {
          note: `${PERCONA}, MongoDB ≥ 4.4 (isWritablePrimary)`,
          expr: (q) => sel('mongodb_ss_repl_isWritablePrimary', q),
        },
      ],
      legend: '{{instance}} {{rs_nm}}',
      optional: 'only replica set members on MongoDB ≥ 4.4 report repl.isWritablePrimary in serverStatus',
    },
    {
      id: 'memberHealth',
      requires: DIAGNOSTIC_DATA_REPLSET,
      title: 'Member health',
      description: 'Health of each replica set member as this member sees it (1 = up, 0 = down).',
      unit: 'bool_yes_no',
      variants: [{ note: PERCONA, expr: (q) => sel('mongodb_rs_members_health', q) }],
      legend: '{{member_idx}} ({{member_state}})',
      optional: REPLSET,
    },
    {
      id: 'replicationLag',
      requires: DIAGNOSTIC_DATA_REPLSET,
      title: 'Replication lag',
      description:
        'How far each secondary’s last applied operation is behind the primary’s; reads from a lagging secondary are stale and failover loses writes.',
      unit: 's',
      variants: [
        {
          note: `${PERCONA} (optimeDate in milliseconds)`,
          expr: lagSeconds,
        },
      ],
      legend: '{{member_idx}}',
      threshold: 'replicationLag',
      min: 0,
      optional: REPLSET,
    },
    {
      id: 'connectionsUsed',
      requires: DIAGNOSTIC_DATA,
      title: 'Connections used',
      description:
        'Open client connections as a share of the server’s connection limit (current / (current + available)).',
      unit: 'percent',
      variants: [
        {
          note: PERCONA,
          expr: (q) =>
            `100 * sum by (${q.by}) (${sel('mongodb_ss_connections', q, 'conn_type="current"')}) / sum by (${q.by}) (${sel('mongodb_ss_connections', q, 'conn_type=~"current|available"')})`,
        },
        {
          note: PERCONA_COMPAT,
          expr: (q) =>
            `100 * sum by (${q.by}) (${sel('mongodb_connections', q, 'state="current"')}) / sum by (${q.by}) (${sel('mongodb_connections', q, 'state=~"current|available"')})`,
        },
      ],
      threshold: 'connectionsUsed',
    },
    {
      id: 'connections',
      requires: DIAGNOSTIC_DATA,
      title: 'Connections',
      description: 'Open client connections, and how many of them are running an operation (active).',
      unit: 'short',
      variants: [
        { note: PERCONA, expr: (q) => sel('mongodb_ss_connections', q, 'conn_type=~"current|active"') },
        { note: PERCONA_COMPAT, expr: (q) => sel('mongodb_connections', q, 'state="current"') },
      ],
      legend: '{{instance}} {{conn_type}}{{state}}',
      min: 0,
    },
    {
      id: 'operations',
      requires: DIAGNOSTIC_DATA,
      title: 'Operations',
      description:
        'Operations per second by type (insert, query, update, delete, getmore, command) received by this member.',
      unit: 'ops',
      variants: [
        { note: PERCONA, expr: (q) => `rate(${sel('mongodb_ss_opcounters', q)}[${q.range}])` },
        { note: PERCONA_COMPAT, expr: (q) => `rate(${sel('mongodb_op_counters_total', q)}[${q.range}])` },
      ],
      legend: '{{instance}} {{legacy_op_type}}{{type}}',
      min: 0,
    },
    {
      id: 'operationLatency',
      requires: DIAGNOSTIC_DATA,
      title: 'Average operation latency',
      description: 'Average server-side latency of reads, writes, commands and transactions over the window.',
      unit: 's',
      variants: [
        {
          note: `${PERCONA} (latency counters in microseconds)`,
          expr: (q) =>
            `rate(${sel('mongodb_ss_opLatencies_latency', q)}[${q.range}]) / rate(${sel('mongodb_ss_opLatencies_ops', q)}[${q.range}]) / 1e6`,
        },
      ],
      legend: '{{instance}} {{op_type}}',
      min: 0,
    },
    {
      id: 'queuedOperations',
      requires: DIAGNOSTIC_DATA,
      title: 'Operations waiting for locks',
      description:
        'Operations queued waiting for a lock, readers and writers; a growing queue means lock contention or a saturated storage engine.',
      unit: 'short',
      variants: [
        { note: PERCONA, expr: (q) => sel('mongodb_ss_globalLock_currentQueue', q, 'count_type=~"readers|writers"') },
        {
          note: PERCONA_COMPAT,
          expr: (q) => sel('mongodb_mongod_global_lock_current_queue', q, 'type=~"reader|writer"'),
        },
      ],
      legend: '{{instance}} {{count_type}}{{type}}',
      min: 0,
    },
    {
      id: 'wtTicketsAvailable',
      requires: DIAGNOSTIC_DATA,
      title: 'WiredTiger tickets available',
      description:
        'Free read and write tickets (concurrent operations the storage engine admits); near 0, operations queue.',
      unit: 'short',
      variants: [
        { note: PERCONA, expr: (q) => sel('mongodb_ss_wt_concurrentTransactions_available', q) },
        {
          note: PERCONA_COMPAT,
          expr: (q) => sel('mongodb_mongod_wiredtiger_concurrent_transactions_available_tickets', q),
        },
      ],
      legend: '{{instance}} {{txn_rw}}',
      threshold: 'wtTicketsAvailable',
      min: 0,
    },
    {
      id: 'wtCacheUsage',
      requires: DIAGNOSTIC_DATA,
      title: 'WiredTiger cache used',
      description: 'Data in the WiredTiger cache as a share of its configured maximum.',
      unit: 'percent',
      variants: [
        {
          note: PERCONA,
          expr: (q) =>
            `100 * ${sel('mongodb_ss_wt_cache_bytes_currently_in_the_cache', q)} / ${sel('mongodb_ss_wt_cache_maximum_bytes_configured', q)}`,
        },
        {
          note: PERCONA_COMPAT,
          expr: (q) =>
            `100 * sum by (${q.by}) (${sel('mongodb_mongod_wiredtiger_cache_bytes', q, 'type="total"')}) / sum by (${q.by}) (${sel('mongodb_mongod_wiredtiger_cache_max_bytes', q)})`,
        },
      ],
      threshold: 'wtCacheUsage',
    },
    {
      id: 'wtCacheDirty',
      requires: DIAGNOSTIC_DATA,
      title: 'WiredTiger dirty cache',
      description:
        'Modified data not yet written to disk, as a share of the cache; above 20% application threads help with eviction and latency rises.',
      unit: 'percent',
      variants: [
        {
          note: PERCONA,
          expr: (q) =>
            `100 * ${sel('mongodb_ss_wt_cache_tracked_dirty_bytes_in_the_cache', q)} / ${sel('mongodb_ss_wt_cache_maximum_bytes_configured', q)}`,
        },
      ],
    },
    {
      id: 'residentMemory',
      requires: DIAGNOSTIC_DATA,
      title: 'Resident memory',
      description: 'Physical memory used by the mongod process.',
      unit: 'bytes',
      variants: [{ note: `${PERCONA} (MiB)`, expr: (q) => `${sel('mongodb_ss_mem_resident', q)} * ${MIB}` }],
    },
    {
      id: 'networkTraffic',
      requires: DIAGNOSTIC_DATA,
      title: 'Network traffic',
      description: 'Bytes per second received from and sent to clients and other members.',
      unit: 'Bps',
      variants: [
        {
          note: PERCONA,
          expr: (q) =>
            `label_replace(rate(${sel('mongodb_ss_network_bytesIn', q)}[${q.range}]), "direction", "in", "", "") or label_replace(rate(${sel('mongodb_ss_network_bytesOut', q)}[${q.range}]), "direction", "out", "", "")`,
        },
      ],
      legend: '{{instance}} {{direction}}',
      min: 0,
    },
    {
      id: 'asserts',
      requires: DIAGNOSTIC_DATA,
      title: 'Asserts',
      description:
        'Assertions raised per second by type; regular and msg asserts indicate server-side errors, user asserts are usually failed application operations.',
      unit: 'ops',
      variants: [
        { note: PERCONA, expr: (q) => `rate(${sel('mongodb_ss_asserts', q)}[${q.range}])` },
        { note: PERCONA_COMPAT, expr: (q) => `rate(${sel('mongodb_asserts_total', q)}[${q.range}])` },
      ],
      legend: '{{instance}} {{assert_type}}{{type}}',
      min: 0,
    },
    {
      id: 'documents',
      requires: DIAGNOSTIC_DATA,
      title: 'Documents',
      description: 'Documents inserted, updated, deleted and returned per second.',
      unit: 'ops',
      variants: [{ note: PERCONA, expr: (q) => `rate(${sel('mongodb_ss_metrics_document', q)}[${q.range}])` }],
      legend: '{{instance}} {{doc_op_type}}',
      min: 0,
    },
    {
      id: 'databaseSize',
      requires: DBSTATS,
      title: 'Database size',
      description: 'Uncompressed data size of each database (dbStats dataSize).',
      unit: 'bytes',
      variants: [{ note: PERCONA, expr: (q) => sel('mongodb_dbstats_dataSize', q) }],
      legend: '{{instance}} {{database}}',
      optional: 'needs the dbstats collector (--collector.dbstats, or --collect-all from 0.31)',
    },
    {
      id: 'filesystemUsage',
      requires: DBSTATS,
      title: 'Data filesystem used',
      description: 'Share of the filesystem holding the data directory in use, as dbStats reports it.',
      unit: 'percent',
      variants: [
        {
          note: `${PERCONA}, MongoDB ≥ 3.6`,
          expr: (q) =>
            `100 * max by (${q.by}) (${sel('mongodb_dbstats_fsUsedSize', q)}) / max by (${q.by}) (${sel('mongodb_dbstats_fsTotalSize', q)})`,
        },
      ],
      optional: 'needs the dbstats collector (--collector.dbstats, or --collect-all from 0.31)',
    },
  ],
  alerts: [
    {
      id: 'down',
      name: 'MongodbDown',
      severity: 'critical',
      for: '1m',
      signal: 'up',
      overWindow: 'max',
      window: '1m',
      comparison: '<',
      threshold: 1,
      summary: 'MongoDB behind {{ $labels.instance }} is down.',
      description:
        'mongodb_exporter at {{ $labels.instance }} cannot reach its mongod/mongos. Check that the server runs (systemctl status mongod, its log) and that the exporter’s URI and credentials still work.',
    },
    {
      id: 'member-unhealthy',
      name: 'MongodbReplicaMemberUnhealthy',
      severity: 'warning',
      for: '2m',
      // Per member, not per series: replSetGetStatus reports a member with health 0 under stateStr
      // "(not reachable/healthy)" (mongodb/mongo src/mongo/db/repl/topology_coordinator.cpp,
      // prepareStatusResponse) and the exporter makes stateStr the member_state label (exporter/metrics.go,
      // processSlice), so a member going down starts a series that holds only 0. Read per series, one
      // missed heartbeat paged and kept paging for the window after the member was back.
      query: (q) =>
        `max by (${q.by}, rs_nm, member_idx) (max_over_time(${sel('mongodb_rs_members_health', q)}[${q.range}]))`,
      comparison: '<',
      threshold: 1,
      summary: 'Replica set member {{ $labels.member_idx }} is unreachable.',
      description:
        '{{ $labels.instance }} has seen replica set member {{ $labels.member_idx }} as down for 7 minutes; the set has less redundancy and may lose its majority. Check that member’s mongod, host and network (rs.status() on any member).',
      optional: REPLSET,
    },
    {
      id: 'no-primary',
      name: 'MongodbNoPrimary',
      severity: 'critical',
      for: '2m',
      query: (q) => healthyPrimary(q),
      comparison: '<',
      threshold: 1,
      summary: 'Replica set {{ $labels.rs_nm }} has no primary.',
      description:
        'As seen from {{ $labels.instance }}, no healthy member of replica set {{ $labels.rs_nm }} is PRIMARY: writes fail. Check rs.status(): a lost majority needs its members back (or a forced reconfiguration as a last resort).',
      optional: REPLSET,
    },
    {
      id: 'member-state',
      name: 'MongodbMemberNotServing',
      severity: 'warning',
      for: '10m',
      // 3 RECOVERING, 5 STARTUP2, 6 UNKNOWN, 8 DOWN, 9 ROLLBACK, 10 REMOVED; 7 (ARBITER) is a normal role.
      // Only the diagnosticdata series: --compatible-mode's mongodb_mongod_replset_my_state is 6
      // (UNKNOWN) on every standalone server (exporter/v1_compatibility.go, myState, since 0.20.9).
      query: (q) => `${sel('mongodb_rs_myState', q)} != 7`,
      comparison: '>',
      threshold: 2,
      summary: 'MongoDB at {{ $labels.instance }} is neither primary nor secondary.',
      description:
        'The member behind {{ $labels.instance }} has been in a replica set state other than PRIMARY, SECONDARY or ARBITER (recovering, initial sync, rollback, removed) for 10 minutes; it serves no reads. Check its log and rs.status(); a member too stale to catch up needs a resync.',
      optional: REPLSET,
    },
    {
      id: 'primary-changed',
      name: 'MongodbPrimaryElected',
      severity: 'warning',
      for: '0s',
      // Compared by replica set, not per series: every diagnosticdata series carries the member's state as
      // the rs_state label (exporter/topology_info.go, re-read at each scrape), so a member that becomes
      // primary starts new series and changes() over mongodb_rs_myState never sees the step. Members without
      // a state ten minutes ago (an exporter just started) stay quiet.
      query: (q) =>
        `(max by (${q.by}, rs_nm) (${sel('mongodb_rs_myState', q)} == 1) unless on (${q.by}, rs_nm) max by (${q.by}, rs_nm) (${sel('mongodb_rs_myState', q)} offset 10m == 1)) and on (${q.by}, rs_nm) max by (${q.by}, rs_nm) (${sel('mongodb_rs_myState', q)} offset 10m)`,
      comparison: '>',
      threshold: 0,
      summary: '{{ $labels.instance }} became primary of {{ $labels.rs_nm }}.',
      description:
        'The member behind {{ $labels.instance }} was elected primary of replica set {{ $labels.rs_nm }} within the last 10 minutes: the set failed over. Check first why the old primary stepped down (its log: crash, restart, lost network to the majority, or a planned rs.stepDown()); writes it had not replicated were rolled back, and clients without retryable writes saw errors. Elections repeating point at a flapping network or an overloaded primary.',
      optional: REPLSET,
    },
    {
      id: 'replication-lag',
      name: 'MongodbReplicationLag',
      severity: 'warning',
      for: '5m',
      signal: 'replicationLag',
      threshold: 'replicationLag',
      summary: 'Secondary {{ $labels.member_idx }} lags behind its primary.',
      description:
        'Secondary {{ $labels.member_idx }} (seen from {{ $labels.instance }}) applies operations more than the warning threshold after the primary; reads from it are stale and a failover would roll back writes. Check its disk, network and oplog window.',
      optional: REPLSET,
    },
    {
      id: 'replication-lag-crit',
      name: 'MongodbReplicationLagCritical',
      severity: 'critical',
      for: '5m',
      signal: 'replicationLag',
      threshold: 'replicationLag',
      summary: 'Secondary {{ $labels.member_idx }} is far behind its primary.',
      description:
        'Secondary {{ $labels.member_idx }} (seen from {{ $labels.instance }}) is more than the critical threshold behind. If it falls off the end of the primary’s oplog it needs a full resync: check rs.printSecondaryReplicationInfo() and the oplog window now.',
      optional: REPLSET,
    },
    {
      id: 'connections-high',
      name: 'MongodbConnectionsHigh',
      severity: 'warning',
      for: '10m',
      query: connectionsPeak,
      threshold: 'connectionsUsed',
      summary: 'MongoDB at {{ $labels.instance }} is running out of connections.',
      description:
        'Open connections on {{ $labels.instance }} use more than the warning share of the connection limit (net.maxIncomingConnections and the process’ file limit). Look for clients with oversized or leaking connection pools, or raise the limits.',
    },
    {
      id: 'connections-critical',
      name: 'MongodbConnectionsExhausted',
      severity: 'critical',
      for: '2m',
      query: connectionsPeak,
      threshold: 'connectionsUsed',
      summary: 'MongoDB at {{ $labels.instance }} is about to refuse connections.',
      description:
        'Open connections on {{ $labels.instance }} nearly reach the connection limit; new clients will be refused. Find the client flooding the server (db.currentOp(), the log’s “connection accepted” lines) now.',
    },
    {
      id: 'tickets-low',
      name: 'MongodbWiredTigerTicketsLow',
      severity: 'warning',
      for: '5m',
      signal: 'wtTicketsAvailable',
      overWindow: 'min',
      summary: 'MongoDB at {{ $labels.instance }} runs short of {{ $labels.txn_rw }} tickets.',
      description:
        'Free WiredTiger {{ $labels.txn_rw }} tickets on {{ $labels.instance }} have stayed below the threshold: the storage engine is saturated and operations start to queue. Look for slow operations (db.currentOp()), cache pressure and disk latency.',
    },
    {
      id: 'tickets-exhausted',
      name: 'MongodbWiredTigerTicketsExhausted',
      severity: 'critical',
      for: '5m',
      signal: 'wtTicketsAvailable',
      overWindow: 'min',
      summary: 'MongoDB at {{ $labels.instance }} has almost no {{ $labels.txn_rw }} tickets left.',
      description:
        'WiredTiger {{ $labels.txn_rw }} tickets on {{ $labels.instance }} are nearly exhausted; operations wait inside the server and latency climbs. Kill runaway operations and check disk and cache now.',
    },
    {
      id: 'cache-pressure',
      name: 'MongodbWiredTigerCachePressure',
      severity: 'warning',
      for: '15m',
      query: (q) =>
        `(100 * min_over_time(${sel('mongodb_ss_wt_cache_bytes_currently_in_the_cache', q)}[${q.range}]) / ${sel('mongodb_ss_wt_cache_maximum_bytes_configured', q)}) or (100 * sum by (${q.by}) (min_over_time(${sel('mongodb_mongod_wiredtiger_cache_bytes', q, 'type="total"')}[${q.range}])) / sum by (${q.by}) (${sel('mongodb_mongod_wiredtiger_cache_max_bytes', q)}))`,
      threshold: 'wtCacheUsage',
      summary: 'The WiredTiger cache of {{ $labels.instance }} stays full.',
      description:
        'The WiredTiger cache on {{ $labels.instance }} has stayed fuller than the threshold for 15 minutes; eviction cannot keep up and application threads help evict, which slows every operation. Give the cache more memory or reduce the working set (indexes, projections).',
    },
    {
      id: 'restarted',
      name: 'MongodbRestarted',
      severity: 'info',
      for: '0s',
      query: (q) => `${sel('mongodb_ss_uptime', q)} or ${sel('mongodb_instance_uptime_seconds', q)}`,
      comparison: '<',
      // 15 minutes: long enough to be seen after the exporter itself comes back up.
      threshold: 900,
      summary: 'MongoDB at {{ $labels.instance }} restarted.',
      description:
        'The server behind {{ $labels.instance }} started within the last 15 minutes. Expected after an upgrade; otherwise look for a crash or an OOM kill in its log and the kernel log.',
    },
  ],
  overview: ['connectionsUsed', 'replicationLag', 'wtCacheUsage', 'wtTicketsAvailable'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['up'], kind: 'stat', width: 4 },
        { signals: ['uptime'], kind: 'stat', width: 4 },
        { signals: ['replicaState'], kind: 'stat', width: 4 },
        { signals: ['connectionsUsed'], kind: 'gauge', width: 4 },
        { signals: ['wtCacheUsage'], kind: 'gauge', width: 4 },
        { signals: ['replicationLag'], kind: 'stat', width: 4 },
      ],
    },
    {
      title: 'Replication',
      panels: [
        { signals: ['memberHealth'], kind: 'table', width: 8 },
        { signals: ['writablePrimary'], kind: 'stat', width: 4 },
        { signals: ['replicationLag'], width: 12 },
      ],
    },
    {
      title: 'Connections and operations',
      panels: [
        { signals: ['connections'], width: 8 },
        { signals: ['operations'], stack: true, width: 8 },
        { signals: ['operationLatency'], width: 8 },
        { signals: ['documents'], width: 12 },
        { signals: ['queuedOperations'], width: 12 },
      ],
    },
    {
      title: 'WiredTiger and memory',
      panels: [
        { signals: ['wtTicketsAvailable'], width: 6 },
        {
          signals: ['wtCacheUsage', 'wtCacheDirty'],
          title: 'WiredTiger cache',
          description: 'Cache fill and dirty share of the configured cache size.',
          width: 6,
        },
        { signals: ['residentMemory'], width: 6 },
        { signals: ['networkTraffic'], width: 6 },
      ],
    },
    {
      title: 'Errors and storage',
      panels: [
        { signals: ['asserts'], width: 8 },
        { signals: ['databaseSize'], width: 8 },
        { signals: ['filesystemUsage'], width: 8 },
      ],
    },
  ],
});
