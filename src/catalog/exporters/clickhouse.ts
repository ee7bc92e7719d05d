import { increasedWithin, sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext } from '../types';

// The built-in endpoint has no labels of its own: error codes, and disk names before ClickHouse 26.8,
// are part of metric names. Selecting by name pattern and copying the varying part into a label lets
// one query cover every disk (or code) a server happens to have.
const byNameSuffix = (q: QueryContext, prefix: string, label: string) =>
  `label_replace(${sel('', q, `__name__=~"${prefix}.+"`)}, "${label}", "$1", "__name__", "${prefix}(.+)")`;
// CurrentMetrics of the client connections per protocol (src/Common/CurrentMetrics.cpp).
const PROTOCOLS = ['TCP', 'HTTP', 'MySQL', 'PostgreSQL', 'Interserver'];

const perSecond = (metric: string, q: QueryContext) => `rate(${sel(metric, q)}[${q.range}])`;
// Tags one counter's rate with a fixed label value, so several counters can share one panel.
const tagged = (metric: string, q: QueryContext, label: string, value: string) =>
  `label_replace(${perSecond(metric, q)}, "${label}", "${value}", "", "")`;

// Peaks of the window: a failed scrape marks series stale and would otherwise reset an alert's `for`.
const memoryPeak = (q: QueryContext) =>
  `100 * max_over_time(${sel('ClickHouseAsyncMetrics_MemoryResident', q)}[${q.range}]) / ${sel('ClickHouseAsyncMetrics_OSMemoryTotal', q)}`;

export const clickhouseExporter = defineExporter({
  id: 'clickhouse',
  title: 'ClickHouse',
  layer: 'data',
  defaultPort: 9363,
  docsUrl: 'https://clickhouse.com/docs/en/operations/server-configuration-parameters/settings#prometheus',
  description:
    'ClickHouse servers through their built-in Prometheus endpoint: queries, inserts, parts, replication, memory and disks.',
  detection: {
    metrics: ['ClickHouseMetrics_TCPConnection', 'ClickHouseMetrics_Query', 'ClickHouseAsyncMetrics_Uptime'],
  },
  infoMetrics: ['ClickHouseAsyncMetrics_Uptime', 'ClickHouseMetrics_TCPConnection'],
  thresholds: [
    {
      id: 'replicaDelay',
      direction: 'above',
      warning: 300,
      critical: 1800,
      min: 1,
      max: 86400,
    },
    // MergeTree delays inserts into a partition from parts_to_delay_insert active parts and refuses them
    // above parts_to_throw_insert: 1000 and 3000 by default since 23.6, 150 and 300 before
    // (src/Storages/MergeTree/MergeTreeSettings.h, MergeTreeSettings.cpp in newer versions; the docs'
    // "Prior to version 23.6 this setting was set to 300"). Every supported server has the new defaults:
    // warn well before the delays start, page when the refusals are near.
    {
      id: 'partsPerPartition',
      title: 'Parts per partition',
      direction: 'above',
      warning: 500,
      critical: 2500,
      min: 10,
      max: 10000,
      description:
        'Most active parts in any one partition; inserts are delayed and then rejected (“too many parts”) when merges cannot keep up.',
    },
    {
      id: 'memoryUsage',
      direction: 'above',
      warning: 80,
      critical: 90,
      min: 1,
    },
    {
      id: 'diskUsage',
      direction: 'above',
      warning: 85,
      critical: 95,
      min: 1,
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'Endpoint up',
      description: 'Whether Prometheus reached the server’s metrics endpoint at its last scrape (1 = up).',
      unit: 'bool_yes_no',
      expr: (q) => `${sel('up', q)} and on (${q.by}) ${sel('ClickHouseAsyncMetrics_Uptime', q)}`,
    },
    {
      id: 'uptime',
      title: 'Uptime',
      description: 'Time since the server started; a reset means it restarted.',
      unit: 'dtdurations',
      expr: (q) => sel('ClickHouseAsyncMetrics_Uptime', q),
    },
    {
      id: 'runningQueries',
      title: 'Running queries',
      description: 'Queries executing right now.',
      unit: 'short',
      expr: (q) => sel('ClickHouseMetrics_Query', q),
      min: 0,
    },
    {
      id: 'queries',
      title: 'Queries',
      description: 'SELECT and INSERT queries started per second.',
      unit: 'ops',
      expr: (q) =>
        `${tagged('ClickHouseProfileEvents_SelectQuery', q, 'kind', 'select')} or ${tagged('ClickHouseProfileEvents_InsertQuery', q, 'kind', 'insert')}`,
      legend: '{{instance}} {{kind}}',
      min: 0,
    },
    {
      id: 'failedQueries',
      title: 'Failed queries',
      description:
        'SELECT and INSERT queries that failed per second (syntax errors, timeouts, limits, missing tables).',
      unit: 'ops',
      expr: (q) =>
        `${tagged('ClickHouseProfileEvents_FailedSelectQuery', q, 'kind', 'select')} or ${tagged('ClickHouseProfileEvents_FailedInsertQuery', q, 'kind', 'insert')}`,
      legend: '{{instance}} {{kind}} failed',
      min: 0,
    },
    {
      id: 'queryDuration',
      title: 'Average query time',
      description: 'Average wall-clock time of the queries that finished over the window.',
      unit: 's',
      expr: (q) =>
        `${perSecond('ClickHouseProfileEvents_QueryTimeMicroseconds', q)} / ${perSecond('ClickHouseProfileEvents_Query', q)} / 1e6`,
      min: 0,
    },
    {
      id: 'connections',
      title: 'Connections by protocol',
      description:
        'Open client connections per protocol (TCP native, HTTP, MySQL, PostgreSQL) and between replicas (Interserver).',
      unit: 'short',
      expr: (q) =>
        PROTOCOLS.map(
          (p) => `label_replace(${sel(`ClickHouseMetrics_${p}Connection`, q)}, "protocol", "${p}", "", "")`
        ).join(' or '),
      legend: '{{instance}} {{protocol}}',
      min: 0,
    },
    {
      id: 'memoryTracked',
      title: 'Memory tracked',
      description: 'Memory ClickHouse itself accounts for across queries, merges and caches (MemoryTracking).',
      unit: 'bytes',
      expr: (q) => sel('ClickHouseMetrics_MemoryTracking', q),
    },
    {
      id: 'memoryUsage',
      title: 'Memory used',
      description: 'Resident memory of the server process as a share of the host’s total RAM.',
      unit: 'percent',
      expr: (q) =>
        `100 * ${sel('ClickHouseAsyncMetrics_MemoryResident', q)} / ${sel('ClickHouseAsyncMetrics_OSMemoryTotal', q)}`,
      threshold: 'memoryUsage',
    },
    {
      id: 'readonlyReplicas',
      title: 'Read-only replicas',
      description:
        'Replicated tables in read-only mode, usually because the ZooKeeper/Keeper session is lost; they reject inserts.',
      unit: 'short',
      expr: (q) => sel('ClickHouseMetrics_ReadonlyReplica', q),
      min: 0,
    },
    {
      id: 'replicaDelay',
      title: 'Replica delay',
      description: 'Largest delay of any replicated table on this server behind the freshest replica.',
      unit: 's',
      expr: (q) => sel('ClickHouseAsyncMetrics_ReplicasMaxAbsoluteDelay', q),
      threshold: 'replicaDelay',
      min: 0,
    },
    {
      id: 'replicationQueue',
      title: 'Replication queue',
      description: 'Largest replication queue (fetches and merges waiting) of any replicated table.',
      unit: 'short',
      expr: (q) => sel('ClickHouseAsyncMetrics_ReplicasMaxQueueSize', q),
      min: 0,
    },
    {
      id: 'partsPerPartition',
      title: 'Max parts per partition',
      description: 'Most active parts in any single partition; high values mean inserts are too small or merges lag.',
      unit: 'short',
      expr: (q) => sel('ClickHouseAsyncMetrics_MaxPartCountForPartition', q),
      threshold: 'partsPerPartition',
      min: 0,
    },
    {
      id: 'runningMerges',
      title: 'Running merges',
      description: 'Background merges executing right now.',
      unit: 'short',
      expr: (q) => sel('ClickHouseMetrics_Merge', q),
      min: 0,
    },
    {
      id: 'insertedRows',
      title: 'Inserted rows',
      description: 'Rows inserted per second into all tables.',
      unit: 'rps',
      expr: (q) => perSecond('ClickHouseProfileEvents_InsertedRows', q),
      min: 0,
    },
    {
      id: 'delayedInserts',
      title: 'Delayed inserts',
      description: 'INSERTs being throttled right now because a partition has too many parts.',
      unit: 'short',
      expr: (q) => sel('ClickHouseMetrics_DelayedInserts', q),
      min: 0,
    },
    {
      id: 'rejectedInserts',
      title: 'Rejected inserts',
      description: 'INSERTs refused with “too many parts” over the window; each one is data the client has to resend.',
      unit: 'short',
      expr: (q) => `increase(${sel('ClickHouseProfileEvents_RejectedInserts', q)}[${q.range}])`,
      min: 0,
    },
    {
      id: 'diskUsage',
      title: 'Disk used',
      description: 'Share of each configured ClickHouse disk in use.',
      unit: 'percent',
      // ClickHouse ≥ 26.8 labels the disk (DiskUsed{disk="default"}, asynchronous_metrics_key_values_mode
      // key_values, the default); older servers, and 26.8 with legacy_names, put it in the name
      // (DiskUsed_default). With `both` each disk is in both forms, and `or` keeps one.
      // Before 26.8 the disk lives in the metric name, so a range function cannot wrap it (it drops
      // __name__ first); disks fill slowly, and the alert's `for` is long enough to ride out a missed scrape.
      variants: [
        {
          note: 'ClickHouse ≥ 26.8 (disk label)',
          expr: (q) =>
            `100 * ${sel('ClickHouseAsyncMetrics_DiskUsed', q)} / ${sel('ClickHouseAsyncMetrics_DiskTotal', q)}`,
        },
        {
          note: 'ClickHouse < 26.8, or 26.8 with legacy_names (disk in the name)',
          expr: (q) =>
            `100 * ${byNameSuffix(q, 'ClickHouseAsyncMetrics_DiskUsed_', 'disk')} / ${byNameSuffix(q, 'ClickHouseAsyncMetrics_DiskTotal_', 'disk')}`,
        },
      ],
      legend: '{{instance}} {{disk}}',
      threshold: 'diskUsage',
    },
    {
      id: 'zooKeeperExceptions',
      title: 'ZooKeeper/Keeper errors',
      description:
        'Connection-level ZooKeeper/Keeper exceptions per second; replicated tables go read-only when the session cannot be kept.',
      unit: 'ops',
      expr: (q) => perSecond('ClickHouseProfileEvents_ZooKeeperHardwareExceptions', q),
      min: 0,
      optional: 'servers without ZooKeeper/Keeper (no replicated tables) never count these events',
    },
    {
      id: 'errorsByCode',
      title: 'Errors by code',
      description: 'Server errors per second by error code (TOO_MANY_PARTS, MEMORY_LIMIT_EXCEEDED, …).',
      unit: 'ops',
      variants: [
        {
          // The code lives in the metric name, and rate() drops names: with two or more codes a plain
          // rate() over the name regex fails ("vector cannot contain metrics with the same labelset").
          // So the name is copied into `code` first and the rate taken over a 15 s subquery.
          // ClickHouseErrorMetric_ALL (≥ 23.12, ClickHouse PR #57627) is the sum of every code, not a code.
          expr: (q) =>
            `rate(label_replace(${sel('', q, '__name__=~"ClickHouseErrorMetric_.+",__name__!="ClickHouseErrorMetric_ALL"')}, "code", "$1", "__name__", "ClickHouseErrorMetric_(.+)")[${q.range}:15s]) > 0`,
        },
      ],
      legend: '{{instance}} {{code}}',
      min: 0,
      optional: 'only servers that export ClickHouseErrorMetric_* counters, and only codes that occurred in the window',
    },
  ],
  alerts: [
    {
      id: 'readonly-replica',
      name: 'ClickhouseReadonlyReplica',
      severity: 'critical',
      for: '5m',
      signal: 'readonlyReplicas',
      overWindow: 'max',
      comparison: '>',
      threshold: 0,
      summary: 'Replicated tables on {{ $labels.instance }} are read-only.',
      description:
        'Replicated tables on {{ $labels.instance }} went read-only, almost always because the ZooKeeper/Keeper session is lost; inserts into them fail. Check Keeper’s health and the server’s connection to it (system.zookeeper_connection), then SYSTEM RESTART REPLICA if tables stay read-only.',
    },
    {
      id: 'replica-delay',
      name: 'ClickhouseReplicaDelay',
      severity: 'warning',
      for: '10m',
      signal: 'replicaDelay',
      overWindow: 'max',
      threshold: 'replicaDelay',
      summary: 'Replicas on {{ $labels.instance }} lag behind.',
      description:
        'A replicated table on {{ $labels.instance }} is more than the warning threshold behind its freshest replica; queries on this server return stale data. Check system.replication_queue for stuck fetches or merges, and the network and disks between replicas.',
    },
    {
      id: 'replica-delay-crit',
      name: 'ClickhouseReplicaDelayCritical',
      severity: 'critical',
      for: '10m',
      signal: 'replicaDelay',
      overWindow: 'max',
      threshold: 'replicaDelay',
      summary: 'Replicas on {{ $labels.instance }} are far behind.',
      description:
        'A replicated table on {{ $labels.instance }} is more than the critical threshold behind its freshest replica. Look for errors in system.replication_queue (last_exception) and take the server out of query routing until it catches up.',
    },
    {
      id: 'too-many-parts',
      name: 'ClickhouseTooManyParts',
      severity: 'warning',
      for: '15m',
      signal: 'partsPerPartition',
      overWindow: 'max',
      threshold: 'partsPerPartition',
      summary: 'A partition on {{ $labels.instance }} has many parts.',
      description:
        'The busiest partition on {{ $labels.instance }} holds more active parts than the warning threshold: inserts are too small or too frequent, or merges lag. Batch inserts (or use async_insert) and check system.merges; at parts_to_delay_insert (1000 by default) ClickHouse starts to slow inserts down.',
    },
    {
      id: 'parts-critical',
      name: 'ClickhouseTooManyPartsCritical',
      severity: 'critical',
      for: '5m',
      signal: 'partsPerPartition',
      overWindow: 'max',
      threshold: 'partsPerPartition',
      summary: 'Inserts on {{ $labels.instance }} are about to be rejected.',
      description:
        'A partition on {{ $labels.instance }} is close to parts_to_throw_insert (3000 by default): inserts into it will fail with TOO_MANY_PARTS. Stop or batch the inserting clients now and let merges catch up.',
    },
    {
      id: 'data-loss',
      name: 'ClickhouseReplicatedDataLoss',
      severity: 'critical',
      for: '0s',
      // ProfileEvents.cpp: counted when a part this replica wants exists on no replica at all, offline ones
      // included; with asynchronous replication that is a written part whose only replica failed first. Compared with
      // the count last seen before the window too (increasedWithin): a loss counted while the server was not scraped
      // for longer than the window (Prometheus restarting, a network partition) left increase() at 0 afterwards.
      query: (q) => increasedWithin(sel('ClickHouseProfileEvents_ReplicatedDataLoss', q), q.range),
      comparison: '>',
      threshold: 0,
      summary: 'ClickHouse at {{ $labels.instance }} found data parts lost on every replica.',
      description:
        '{{ $labels.instance }} looked for data parts of a replicated table that no replica has, offline ones included: that data is gone. Check first which tables and parts (system.part_log and the server log, "No active replica has part"), then which replica failed before replicating them; reload the lost rows from the source and consider insert_quorum for tables that cannot lose writes.',
    },
    {
      id: 'rejected-inserts',
      name: 'ClickhouseRejectedInserts',
      severity: 'warning',
      for: '0s',
      signal: 'rejectedInserts',
      comparison: '>',
      threshold: 0,
      summary: 'ClickHouse at {{ $labels.instance }} rejected inserts.',
      description:
        '{{ $labels.instance }} refused INSERTs in the last 5 minutes with TOO_MANY_PARTS; clients must resend that data. Batch inserts and check why merges cannot keep up (system.merges, disk throughput).',
    },
    {
      id: 'memory-high',
      name: 'ClickhouseMemoryHigh',
      severity: 'warning',
      for: '15m',
      query: memoryPeak,
      threshold: 'memoryUsage',
      summary: 'ClickHouse at {{ $labels.instance }} uses much of the host’s memory.',
      description:
        'The server process on {{ $labels.instance }} holds more than the warning share of the host’s RAM. Large queries start failing with MEMORY_LIMIT_EXCEEDED; look for heavy queries in system.processes and check max_server_memory_usage and cache sizes.',
    },
    {
      id: 'memory-critical',
      name: 'ClickhouseMemoryCritical',
      severity: 'critical',
      for: '5m',
      query: memoryPeak,
      threshold: 'memoryUsage',
      summary: 'ClickHouse at {{ $labels.instance }} is close to running out of memory.',
      description:
        'The server process on {{ $labels.instance }} holds more than the critical share of the host’s RAM; the kernel’s OOM killer may stop it. Kill the heaviest queries (KILL QUERY) and lower max_server_memory_usage_to_ram_ratio.',
    },
    {
      id: 'disk-full',
      name: 'ClickhouseDiskAlmostFull',
      severity: 'warning',
      for: '15m',
      signal: 'diskUsage',
      summary: 'ClickHouse disk {{ $labels.disk }} on {{ $labels.instance }} is almost full.',
      description:
        'Disk {{ $labels.disk }} of {{ $labels.instance }} is fuller than the warning threshold. Merges need free space to run; drop old partitions, shorten TTLs or add a disk to the storage policy.',
    },
    {
      id: 'disk-critical',
      name: 'ClickhouseDiskFull',
      severity: 'critical',
      for: '5m',
      signal: 'diskUsage',
      summary: 'ClickHouse disk {{ $labels.disk }} on {{ $labels.instance }} is full.',
      description:
        'Disk {{ $labels.disk }} of {{ $labels.instance }} is fuller than the critical threshold; merges and inserts are about to fail. Free space now (ALTER TABLE … DROP PARTITION, system.detached_parts) or move data to another disk.',
    },
    {
      id: 'restarted',
      name: 'ClickhouseRestarted',
      severity: 'info',
      for: '0s',
      signal: 'uptime',
      comparison: '<',
      // 15 minutes: long enough to be seen after the endpoint comes back up.
      threshold: 900,
      summary: 'ClickHouse at {{ $labels.instance }} restarted.',
      description:
        'The server behind {{ $labels.instance }} started within the last 15 minutes. Expected after an upgrade; otherwise look for a crash or OOM kill in clickhouse-server.err.log and the kernel log.',
    },
  ],
  overview: ['memoryUsage', 'partsPerPartition', 'replicaDelay', 'diskUsage'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['up'], kind: 'stat', width: 4 },
        { signals: ['uptime'], kind: 'stat', width: 4 },
        { signals: ['runningQueries'], kind: 'stat', width: 4 },
        { signals: ['memoryUsage'], kind: 'gauge', width: 4 },
        { signals: ['readonlyReplicas'], kind: 'stat', width: 4 },
        { signals: ['partsPerPartition'], kind: 'stat', width: 4 },
      ],
    },
    {
      title: 'Queries',
      panels: [
        { signals: ['queries'], width: 8 },
        { signals: ['failedQueries'], width: 8 },
        { signals: ['queryDuration'], width: 8 },
        { signals: ['runningQueries'], width: 8 },
        { signals: ['connections'], stack: true, width: 8 },
        { signals: ['errorsByCode'], width: 8 },
      ],
    },
    {
      title: 'Inserts and parts',
      panels: [
        { signals: ['insertedRows'], width: 6 },
        {
          signals: ['delayedInserts', 'rejectedInserts'],
          title: 'Throttled inserts',
          description: 'INSERTs delayed right now, and INSERTs rejected over the window, because of too many parts.',
          width: 6,
        },
        { signals: ['partsPerPartition'], width: 6 },
        { signals: ['runningMerges'], width: 6 },
      ],
    },
    {
      title: 'Replication',
      panels: [
        { signals: ['replicaDelay'], width: 6 },
        { signals: ['replicationQueue'], width: 6 },
        { signals: ['readonlyReplicas'], width: 6 },
        { signals: ['zooKeeperExceptions'], width: 6 },
      ],
    },
    {
      title: 'Memory and disks',
      panels: [
        { signals: ['memoryUsage'], width: 8 },
        { signals: ['memoryTracked'], width: 8 },
        { signals: ['diskUsage'], kind: 'bargauge', width: 8 },
      ],
    },
  ],
});
