import { sel } from '../promql';
import type { ExporterDefinition, QueryContext } from '../types';

const MIB = 1024 * 1024;
const REPLSET =
  'needs a replica set member and the replicasetstatus collector (--collector.replicasetstatus or --collect-all); standalone servers have none';
const PERCONA = 'percona/mongodb_exporter ≥ 0.20';
const PERCONA_COMPAT = 'percona/mongodb_exporter < 0.20, or ≥ 0.20 with --compatible-mode';
const DCU = 'dcu/mongodb_exporter (the original exporter)';

/**
 * How far each secondary's last applied operation is behind the primary's, in seconds. Computed
 * per replica set so members of different sets are never compared.
 */
const lagSeconds = (q: QueryContext, metric: string, setLabel: string, stateLabel: string, toSeconds: string) =>
  `(max by (${q.by}, ${setLabel}) (${sel(metric, q, `${stateLabel}="PRIMARY"`)}) - on (${q.by}, ${setLabel}) group_right ${sel(metric, q, `${stateLabel}="SECONDARY"`)})${toSeconds}`;

export const mongodbExporter: ExporterDefinition = {
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
      title: 'Replication lag',
      unit: 's',
      direction: 'above',
      warning: 30,
      critical: 300,
      min: 1,
      max: 86400,
      description: 'How far a secondary’s last applied operation is behind the primary’s.',
    },
    {
      id: 'connectionsUsed',
      title: 'Connections used',
      unit: 'percent',
      direction: 'above',
      warning: 80,
      critical: 95,
      min: 1,
      max: 100,
      description: 'Current connections as a share of current + available (the net.maxIncomingConnections limit).',
    },
    {
      id: 'wtTicketsAvailable',
      title: 'WiredTiger tickets available',
      unit: 'short',
      direction: 'below',
      warning: 50,
      critical: 10,
      min: 1,
      max: 1000,
      description: 'Free read or write tickets; when they run out, operations queue inside the storage engine.',
    },
    {
      id: 'wtCacheUsage',
      title: 'WiredTiger cache used',
      unit: 'percent',
      direction: 'above',
      warning: 90,
      critical: 95,
      min: 1,
      max: 100,
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
      variants: [{ expr: (q) => sel('mongodb_up', q) }],
      legend: '{{instance}}',
      min: 0,
      max: 1,
    },
    {
      id: 'uptime',
      title: 'Uptime',
      description: 'Time since the mongod process started; a reset means it restarted.',
      unit: 'dtdurations',
      variants: [
        { note: PERCONA, expr: (q) => sel('mongodb_ss_uptime', q) },
        { note: `${DCU}; ${PERCONA_COMPAT}`, expr: (q) => sel('mongodb_instance_uptime_seconds', q) },
      ],
      legend: '{{instance}}',
    },
    {
      id: 'replicaState',
      title: 'Replica set state',
      description:
        'This member’s replica set state: 1 PRIMARY, 2 SECONDARY, 7 ARBITER; 3 RECOVERING, 6 UNKNOWN and 8 DOWN need attention.',
      unit: 'none',
      variants: [
        { note: PERCONA, expr: (q) => sel('mongodb_rs_myState', q) },
        { note: PERCONA_COMPAT, expr: (q) => sel('mongodb_mongod_replset_my_state', q) },
        { note: DCU, expr: (q) => sel('mongodb_replset_my_state', q) },
      ],
      legend: '{{instance}} {{rs_nm}}{{set}}',
      optional: REPLSET,
    },
    {
      id: 'writablePrimary',
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
      min: 0,
      max: 1,
      optional: 'only replica set members on MongoDB ≥ 4.4 report repl.isWritablePrimary in serverStatus',
    },
    {
      id: 'memberHealth',
      title: 'Member health',
      description: 'Health of each replica set member as this member sees it (1 = up, 0 = down).',
      unit: 'bool_yes_no',
      variants: [
        { note: PERCONA, expr: (q) => sel('mongodb_rs_members_health', q) },
        { note: PERCONA_COMPAT, expr: (q) => sel('mongodb_mongod_replset_member_health', q) },
        { note: DCU, expr: (q) => sel('mongodb_replset_member_health', q) },
      ],
      legend: '{{member_idx}}{{name}} ({{member_state}}{{state}})',
      min: 0,
      max: 1,
      optional: REPLSET,
    },
    {
      id: 'replicationLag',
      title: 'Replication lag',
      description:
        'How far each secondary’s last applied operation is behind the primary’s; reads from a lagging secondary are stale and failover loses writes.',
      unit: 's',
      variants: [
        {
          note: `${PERCONA} (optimeDate in milliseconds)`,
          expr: (q) => lagSeconds(q, 'mongodb_rs_members_optimeDate', 'rs_nm', 'member_state', ' / 1000'),
        },
        {
          note: `${PERCONA_COMPAT} (seconds)`,
          expr: (q) => lagSeconds(q, 'mongodb_mongod_replset_member_optime_date', 'set', 'state', ''),
        },
        {
          note: `${DCU} (seconds)`,
          expr: (q) => lagSeconds(q, 'mongodb_replset_member_optime_date', 'set', 'state', ''),
        },
      ],
      legend: '{{member_idx}}{{name}}',
      threshold: 'replicationLag',
      min: 0,
      optional: REPLSET,
    },
    {
      id: 'connectionsUsed',
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
          note: `${DCU}; ${PERCONA_COMPAT}`,
          expr: (q) =>
            `100 * sum by (${q.by}) (${sel('mongodb_connections', q, 'state="current"')}) / sum by (${q.by}) (${sel('mongodb_connections', q, 'state=~"current|available"')})`,
        },
      ],
      legend: '{{instance}}',
      threshold: 'connectionsUsed',
      min: 0,
      max: 100,
    },
    {
      id: 'connections',
      title: 'Connections',
      description: 'Open client connections, and how many of them are running an operation (active).',
      unit: 'short',
      variants: [
        { note: PERCONA, expr: (q) => sel('mongodb_ss_connections', q, 'conn_type=~"current|active"') },
        { note: `${DCU}; ${PERCONA_COMPAT}`, expr: (q) => sel('mongodb_connections', q, 'state="current"') },
      ],
      legend: '{{instance}} {{conn_type}}{{state}}',
      min: 0,
    },
    {
      id: 'operations',
      title: 'Operations',
      description:
        'Operations per second by type (insert, query, update, delete, getmore, command) received by this member.',
      unit: 'ops',
      variants: [
        { note: PERCONA, expr: (q) => `rate(${sel('mongodb_ss_opcounters', q)}[${q.range}])` },
        { note: PERCONA_COMPAT, expr: (q) => `rate(${sel('mongodb_mongod_op_counters_total', q)}[${q.range}])` },
        { note: DCU, expr: (q) => `rate(${sel('mongodb_op_counters_total', q)}[${q.range}])` },
      ],
      legend: '{{instance}} {{legacy_op_type}}{{type}}',
      min: 0,
    },
    {
      id: 'operationLatency',
      title: 'Average operation latency',
      description: 'Average server-side latency of reads, writes, commands and transactions over the window.',
      unit: 's',
      variants: [
        {
          note: `${PERCONA} (latency counters in microseconds)`,
          expr: (q) =>
            `rate(${sel('mongodb_ss_opLatencies_latency', q)}[${q.range}]) / (rate(${sel('mongodb_ss_opLatencies_ops', q)}[${q.range}]) > 0) / 1e6`,
        },
      ],
      legend: '{{instance}} {{op_type}}',
      min: 0,
    },
    {
      id: 'queuedOperations',
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
      legend: '{{instance}}',
      threshold: 'wtCacheUsage',
      min: 0,
      max: 100,
    },
    {
      id: 'wtCacheDirty',
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
      legend: '{{instance}}',
      min: 0,
      max: 100,
    },
    {
      id: 'residentMemory',
      title: 'Resident memory',
      description: 'Physical memory used by the mongod process.',
      unit: 'bytes',
      variants: [
        { note: `${PERCONA} (MiB)`, expr: (q) => `${sel('mongodb_ss_mem_resident', q)} * ${MIB}` },
        {
          note: `${DCU}; ${PERCONA_COMPAT} (MiB)`,
          expr: (q) => `${sel('mongodb_memory', q, 'type="resident"')} * ${MIB}`,
        },
      ],
      legend: '{{instance}}',
    },
    {
      id: 'networkTraffic',
      title: 'Network traffic',
      description: 'Bytes per second received from and sent to clients and other members.',
      unit: 'Bps',
      variants: [
        {
          note: PERCONA,
          expr: (q) =>
            `label_replace(rate(${sel('mongodb_ss_network_bytesIn', q)}[${q.range}]), "direction", "in", "", "") or label_replace(rate(${sel('mongodb_ss_network_bytesOut', q)}[${q.range}]), "direction", "out", "", "")`,
        },
        {
          note: `${DCU}; ${PERCONA_COMPAT}`,
          expr: (q) =>
            `label_replace(rate(${sel('mongodb_network_bytes_total', q)}[${q.range}]), "direction", "$1", "state", "(in|out)_bytes")`,
        },
      ],
      legend: '{{instance}} {{direction}}',
      min: 0,
    },
    {
      id: 'asserts',
      title: 'Asserts',
      description:
        'Assertions raised per second by type; regular and msg asserts indicate server-side errors, user asserts are usually failed application operations.',
      unit: 'ops',
      variants: [
        { note: PERCONA, expr: (q) => `rate(${sel('mongodb_ss_asserts', q)}[${q.range}])` },
        { note: `${DCU}; ${PERCONA_COMPAT}`, expr: (q) => `rate(${sel('mongodb_asserts_total', q)}[${q.range}])` },
      ],
      legend: '{{instance}} {{assert_type}}{{type}}',
      min: 0,
    },
    {
      id: 'documents',
      title: 'Documents',
      description: 'Documents inserted, updated, deleted and returned per second.',
      unit: 'ops',
      variants: [{ note: PERCONA, expr: (q) => `rate(${sel('mongodb_ss_metrics_document', q)}[${q.range}])` }],
      legend: '{{instance}} {{doc_op_type}}',
      min: 0,
    },
    {
      id: 'databaseSize',
      title: 'Database size',
      description: 'Uncompressed data size of each database (dbStats dataSize).',
      unit: 'bytes',
      variants: [{ note: PERCONA, expr: (q) => sel('mongodb_dbstats_dataSize', q) }],
      legend: '{{instance}} {{database}}',
      optional: 'needs the dbstats collector (--collector.dbstats or --collect-all)',
    },
    {
      id: 'filesystemUsage',
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
      legend: '{{instance}}',
      min: 0,
      max: 100,
      optional: 'needs the dbstats collector (--collector.dbstats or --collect-all)',
    },
  ],
  alerts: [],
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
};
