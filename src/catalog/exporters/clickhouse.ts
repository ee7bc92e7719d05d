import { sel } from '../promql';
import type { ExporterDefinition, QueryContext } from '../types';

// The built-in endpoint has no labels: disk names, connection protocols and error codes are part of
// metric names. Selecting by name pattern and copying the varying part into a label lets one query
// cover every disk (or protocol, or code) a server happens to have.
const byNameSuffix = (q: QueryContext, prefix: string, suffixPattern: string, label: string) =>
  `label_replace(${sel('', q, `__name__=~"${prefix}${suffixPattern}"`)}, "${label}", "$1", "__name__", "${prefix}(${suffixPattern})")`;

const perSecond = (metric: string, q: QueryContext) => `rate(${sel(metric, q)}[${q.range}])`;
// Tags one counter's rate with a fixed label value, so several counters can share one panel.
const tagged = (metric: string, q: QueryContext, label: string, value: string) =>
  `label_replace(${perSecond(metric, q)}, "${label}", "${value}", "", "")`;

export const clickhouseExporter: ExporterDefinition = {
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
      title: 'Replica delay',
      unit: 's',
      direction: 'above',
      warning: 300,
      critical: 1800,
      min: 1,
      max: 86400,
      description: 'Largest delay of any replicated table on the server behind its freshest replica.',
    },
    {
      id: 'partsPerPartition',
      title: 'Parts per partition',
      unit: 'short',
      direction: 'above',
      warning: 100,
      critical: 250,
      min: 10,
      max: 10000,
      description:
        'Most active parts in any one partition; inserts are delayed and then rejected (“too many parts”) when merges cannot keep up.',
    },
    {
      id: 'memoryUsage',
      title: 'Memory used',
      unit: 'percent',
      direction: 'above',
      warning: 80,
      critical: 90,
      min: 1,
      max: 100,
      description: 'Resident memory of the server as a share of the host’s RAM.',
    },
    {
      id: 'diskUsage',
      title: 'Disk used',
      unit: 'percent',
      direction: 'above',
      warning: 85,
      critical: 95,
      min: 1,
      max: 100,
      description: 'Share of each ClickHouse disk in use.',
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'Endpoint up',
      description: 'Whether Prometheus reached the server’s metrics endpoint at its last scrape (1 = up).',
      unit: 'bool_yes_no',
      variants: [{ expr: (q) => `${sel('up', q)} and on (${q.by}) ${sel('ClickHouseAsyncMetrics_Uptime', q)}` }],
      legend: '{{instance}}',
      min: 0,
      max: 1,
    },
    {
      id: 'uptime',
      title: 'Uptime',
      description: 'Time since the server started; a reset means it restarted.',
      unit: 'dtdurations',
      variants: [{ expr: (q) => sel('ClickHouseAsyncMetrics_Uptime', q) }],
      legend: '{{instance}}',
    },
    {
      id: 'runningQueries',
      title: 'Running queries',
      description: 'Queries executing right now.',
      unit: 'short',
      variants: [{ expr: (q) => sel('ClickHouseMetrics_Query', q) }],
      legend: '{{instance}}',
      min: 0,
    },
    {
      id: 'queries',
      title: 'Queries',
      description: 'SELECT and INSERT queries started per second.',
      unit: 'ops',
      variants: [
        {
          expr: (q) =>
            `${tagged('ClickHouseProfileEvents_SelectQuery', q, 'kind', 'select')} or ${tagged('ClickHouseProfileEvents_InsertQuery', q, 'kind', 'insert')}`,
        },
      ],
      legend: '{{instance}} {{kind}}',
      min: 0,
    },
    {
      id: 'failedQueries',
      title: 'Failed queries',
      description:
        'SELECT and INSERT queries that failed per second (syntax errors, timeouts, limits, missing tables).',
      unit: 'ops',
      variants: [
        {
          expr: (q) =>
            `${tagged('ClickHouseProfileEvents_FailedSelectQuery', q, 'kind', 'select')} or ${tagged('ClickHouseProfileEvents_FailedInsertQuery', q, 'kind', 'insert')}`,
        },
      ],
      legend: '{{instance}} {{kind}} failed',
      min: 0,
    },
    {
      id: 'queryDuration',
      title: 'Average query time',
      description: 'Average wall-clock time of the queries that finished over the window.',
      unit: 's',
      variants: [
        {
          expr: (q) =>
            `${perSecond('ClickHouseProfileEvents_QueryTimeMicroseconds', q)} / (${perSecond('ClickHouseProfileEvents_Query', q)} > 0) / 1e6`,
        },
      ],
      legend: '{{instance}}',
      min: 0,
    },
    {
      id: 'connections',
      title: 'Connections by protocol',
      description:
        'Open client connections per protocol (TCP native, HTTP, MySQL, PostgreSQL) and between replicas (Interserver).',
      unit: 'short',
      variants: [
        {
          expr: (q) =>
            byNameSuffix(q, 'ClickHouseMetrics_', '(?:TCP|HTTP|MySQL|PostgreSQL|Interserver)Connection', 'protocol'),
        },
      ],
      legend: '{{instance}} {{protocol}}',
      min: 0,
    },
    {
      id: 'memoryTracked',
      title: 'Memory tracked',
      description: 'Memory ClickHouse itself accounts for across queries, merges and caches (MemoryTracking).',
      unit: 'bytes',
      variants: [{ expr: (q) => sel('ClickHouseMetrics_MemoryTracking', q) }],
      legend: '{{instance}}',
    },
    {
      id: 'memoryUsage',
      title: 'Memory used',
      description: 'Resident memory of the server process as a share of the host’s total RAM.',
      unit: 'percent',
      variants: [
        {
          expr: (q) =>
            `100 * ${sel('ClickHouseAsyncMetrics_MemoryResident', q)} / ${sel('ClickHouseAsyncMetrics_OSMemoryTotal', q)}`,
        },
      ],
      legend: '{{instance}}',
      threshold: 'memoryUsage',
      min: 0,
      max: 100,
    },
    {
      id: 'readonlyReplicas',
      title: 'Read-only replicas',
      description:
        'Replicated tables in read-only mode, usually because the ZooKeeper/Keeper session is lost; they reject inserts.',
      unit: 'short',
      variants: [{ expr: (q) => sel('ClickHouseMetrics_ReadonlyReplica', q) }],
      legend: '{{instance}}',
      min: 0,
    },
    {
      id: 'replicaDelay',
      title: 'Replica delay',
      description: 'Largest delay of any replicated table on this server behind the freshest replica.',
      unit: 's',
      variants: [{ expr: (q) => sel('ClickHouseAsyncMetrics_ReplicasMaxAbsoluteDelay', q) }],
      legend: '{{instance}}',
      threshold: 'replicaDelay',
      min: 0,
    },
    {
      id: 'replicationQueue',
      title: 'Replication queue',
      description: 'Largest replication queue (fetches and merges waiting) of any replicated table.',
      unit: 'short',
      variants: [{ expr: (q) => sel('ClickHouseAsyncMetrics_ReplicasMaxQueueSize', q) }],
      legend: '{{instance}}',
      min: 0,
    },
    {
      id: 'partsPerPartition',
      title: 'Max parts per partition',
      description: 'Most active parts in any single partition; high values mean inserts are too small or merges lag.',
      unit: 'short',
      variants: [{ expr: (q) => sel('ClickHouseAsyncMetrics_MaxPartCountForPartition', q) }],
      legend: '{{instance}}',
      threshold: 'partsPerPartition',
      min: 0,
    },
    {
      id: 'runningMerges',
      title: 'Running merges',
      description: 'Background merges executing right now.',
      unit: 'short',
      variants: [{ expr: (q) => sel('ClickHouseMetrics_Merge', q) }],
      legend: '{{instance}}',
      min: 0,
    },
    {
      id: 'insertedRows',
      title: 'Inserted rows',
      description: 'Rows inserted per second into all tables.',
      unit: 'rps',
      variants: [{ expr: (q) => perSecond('ClickHouseProfileEvents_InsertedRows', q) }],
      legend: '{{instance}}',
      min: 0,
    },
    {
      id: 'delayedInserts',
      title: 'Delayed inserts',
      description: 'INSERTs being throttled right now because a partition has too many parts.',
      unit: 'short',
      variants: [{ expr: (q) => sel('ClickHouseMetrics_DelayedInserts', q) }],
      legend: '{{instance}}',
      min: 0,
    },
    {
      id: 'rejectedInserts',
      title: 'Rejected inserts',
      description: 'INSERTs refused with “too many parts” over the window; each one is data the client has to resend.',
      unit: 'short',
      variants: [{ expr: (q) => `increase(${sel('ClickHouseProfileEvents_RejectedInserts', q)}[${q.range}])` }],
      legend: '{{instance}}',
      min: 0,
    },
    {
      id: 'diskUsage',
      title: 'Disk used',
      description: 'Share of each configured ClickHouse disk in use.',
      unit: 'percent',
      variants: [
        {
          expr: (q) =>
            `100 * ${byNameSuffix(q, 'ClickHouseAsyncMetrics_DiskUsed_', '.+', 'disk')} / ${byNameSuffix(q, 'ClickHouseAsyncMetrics_DiskTotal_', '.+', 'disk')}`,
        },
      ],
      legend: '{{instance}} {{disk}}',
      threshold: 'diskUsage',
      min: 0,
      max: 100,
    },
    {
      id: 'zooKeeperExceptions',
      title: 'ZooKeeper/Keeper errors',
      description:
        'Connection-level ZooKeeper/Keeper exceptions per second; replicated tables go read-only when the session cannot be kept.',
      unit: 'ops',
      variants: [{ expr: (q) => perSecond('ClickHouseProfileEvents_ZooKeeperHardwareExceptions', q) }],
      legend: '{{instance}}',
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
          expr: (q) =>
            `label_replace(rate(${sel('', q, '__name__=~"ClickHouseErrorMetric_.+"')}[${q.range}]) > 0, "code", "$1", "__name__", "ClickHouseErrorMetric_(.+)")`,
        },
      ],
      legend: '{{instance}} {{code}}',
      min: 0,
      optional: 'only servers that export ClickHouseErrorMetric_* counters, and only codes that occurred in the window',
    },
  ],
  alerts: [],
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
};
