import type { ExporterEvidence, MetricEvidence, SourceRef } from './types';

// ClickHouse/ClickHouse is too large to mirror here (several GB): each file was read through the code
// index, which holds several stored versions of it side by side, not a checkout at a tag. The tags
// are the supported range. Releases were dated by the changelogs in the index (CHANGELOG.md and
// docs/changelogs/*): ClickHouseErrorMetric_ALL is "Expose the total number of errors … as a
// ClickHouseErrorMetric_ALL metric", PR #57627, in the 23.12 release; the key-value form of the
// per-disk asynchronous metrics is "the default since version 26.8" (src/Common/
// AsynchronousMetricsKeyValuesMode.h, the newest stored version).
const OLDEST = 'v23.8.1.2992-lts';
const CURRENT = 'v26.8.1.1-lts';
const ALL: [string, ...string[]] = [OLDEST, CURRENT];
const ref = (file: string, tags = ALL): SourceRef => ({ tags, file });
const WRITER = ref('src/Server/PrometheusMetricsWriter.cpp');
const CURRENT_METRICS = ref('src/Common/CurrentMetrics.cpp');
const EVENTS = ref('src/Common/ProfileEvents.cpp');
const ASYNC = ref('src/Common/AsynchronousMetrics.cpp');
const SERVER_ASYNC = ref('src/Interpreters/ServerAsynchronousMetrics.cpp');

export const CH_23_8 = 'ClickHouse 23.8 – 23.11';
export const CH_23_12 = 'ClickHouse 23.12 – 26.7';
export const CH_26_8 = 'ClickHouse ≥ 26.8';

// Every sample of the built-in endpoint is written without labels, unless the newest servers are
// given constant labels in <prometheus> (off by default; the same labels on every series).
const NO_LABELS = 'no labels of its own (optional constant labels in the newest servers are on every series alike)';
const gauge = (sources: [SourceRef, ...SourceRef[]], note?: string): MetricEvidence => ({
  labels: [],
  sources,
  note: note ? `${NO_LABELS}; ${note}` : NO_LABELS,
});
const metric = (note?: string) =>
  gauge([WRITER, CURRENT_METRICS], `ClickHouseMetrics_ prefix, gauge${note ? `; ${note}` : ''}`);
const event = (note?: string) =>
  gauge(
    [WRITER, EVENTS],
    `ClickHouseProfileEvents_ prefix, counter without _total, every event written even at 0${note ? `; ${note}` : ''}`
  );
const async = (file: SourceRef, note?: string) =>
  gauge([WRITER, file], `ClickHouseAsyncMetrics_ prefix, gauge${note ? `; ${note}` : ''}`);
const REPLICAS =
  'computed over the Replicated tables on every refresh (0 with none); the name is the same in every stored version';
const DISK_NAME =
  'the disk name is in the metric name (invalid characters become _): the only form before 26.8, and in 26.8 only with asynchronous_metrics_key_values_mode legacy_names or both';
const DISK_KEY =
  'one family with the disk as the label disk: the default from 26.8 (asynchronous_metrics_key_values_mode key_values; both writes it beside the old names)';

export const clickhouseEvidence: ExporterEvidence = {
  exporter: 'clickhouse',
  repository: 'ClickHouse/ClickHouse',
  readAt: 'code index',
  // 23.8 is the oldest LTS the pack's names are proven for; 26.8 LTS the newest stored form.
  supported: { oldest: OLDEST, current: CURRENT },
  families: [
    {
      name: CH_23_8,
      differs: 'no ClickHouseErrorMetric_ALL; disks in metric names (ClickHouseAsyncMetrics_DiskUsed_<disk>)',
    },
    {
      name: CH_23_12,
      differs: 'adds ClickHouseErrorMetric_ALL, the sum of every error code; disks still in metric names',
    },
    {
      name: CH_26_8,
      differs:
        'disks as a label by default (ClickHouseAsyncMetrics_DiskUsed{disk="default"}), the _<disk> names gone unless asynchronous_metrics_key_values_mode is legacy_names or both; adds ClickHouse_Info{version,…}',
    },
  ],
  metrics: {
    ClickHouseMetrics_Query: metric(),
    ClickHouseMetrics_Merge: metric(),
    ClickHouseMetrics_TCPConnection: metric(),
    ClickHouseMetrics_HTTPConnection: metric(),
    ClickHouseMetrics_MySQLConnection: metric(),
    ClickHouseMetrics_PostgreSQLConnection: metric(),
    ClickHouseMetrics_InterserverConnection: metric('connections from other replicas fetching parts'),
    ClickHouseMetrics_ReadonlyReplica: metric(),
    ClickHouseMetrics_MemoryTracking: metric(),
    ClickHouseMetrics_DelayedInserts: metric(),
    ClickHouseProfileEvents_Query: event(),
    ClickHouseProfileEvents_SelectQuery: event(),
    ClickHouseProfileEvents_InsertQuery: event(),
    ClickHouseProfileEvents_FailedSelectQuery: event(),
    ClickHouseProfileEvents_FailedInsertQuery: event(),
    ClickHouseProfileEvents_QueryTimeMicroseconds: event('microseconds'),
    ClickHouseProfileEvents_InsertedRows: event(),
    ClickHouseProfileEvents_RejectedInserts: event('INSERT blocks refused with TOO_MANY_PARTS'),
    ClickHouseProfileEvents_ZooKeeperHardwareExceptions: event(),
    ClickHouseProfileEvents_ReplicatedDataLoss: event('a wanted part that exists on no replica, offline ones included'),
    ClickHouseAsyncMetrics_Uptime: async(SERVER_ASYNC, 'seconds'),
    ClickHouseAsyncMetrics_ReplicasMaxAbsoluteDelay: async(SERVER_ASYNC, `seconds; ${REPLICAS}`),
    ClickHouseAsyncMetrics_ReplicasMaxQueueSize: async(SERVER_ASYNC, REPLICAS),
    ClickHouseAsyncMetrics_MaxPartCountForPartition: async(
      SERVER_ASYNC,
      'the same name in every stored version; inserts are delayed from parts_to_delay_insert and refused above parts_to_throw_insert, 1000 and 3000 by default since 23.6 (150 and 300 before; src/Storages/MergeTree/MergeTreeSettings.h)'
    ),
    ClickHouseAsyncMetrics_MemoryResident: async(ASYNC, 'bytes (RSS of the server process)'),
    ClickHouseAsyncMetrics_OSMemoryTotal: async(ASYNC, 'bytes, from /proc/meminfo (Linux only)'),
    'ClickHouseAsyncMetrics_DiskUsed_.+': { ...async(SERVER_ASYNC, `bytes; ${DISK_NAME}`), versions: '< 26.8' },
    'ClickHouseAsyncMetrics_DiskTotal_.+': {
      ...async(SERVER_ASYNC, `bytes; remote disks may report a huge total (16 EiB); ${DISK_NAME}`),
      versions: '< 26.8',
    },
    ClickHouseAsyncMetrics_DiskUsed: {
      labels: ['disk'],
      sources: [
        ref('src/Server/PrometheusMetricsWriter.cpp', [CURRENT]),
        ref('src/Interpreters/ServerAsynchronousMetrics.cpp', [CURRENT]),
      ],
      versions: '≥ 26.8',
      note: `bytes; ${DISK_KEY}`,
    },
    ClickHouseAsyncMetrics_DiskTotal: {
      labels: ['disk'],
      sources: [
        ref('src/Server/PrometheusMetricsWriter.cpp', [CURRENT]),
        ref('src/Interpreters/ServerAsynchronousMetrics.cpp', [CURRENT]),
      ],
      versions: '≥ 26.8',
      note: `bytes; ${DISK_KEY}`,
    },
    'ClickHouseErrorMetric_.+': gauge(
      [WRITER, ref('src/Common/ErrorCodes.cpp')],
      'ClickHouseErrorMetric_<CODE NAME>, counter of errors raised on this server since start, every code written even at 0 (<errors> on by default); from 23.12 also ClickHouseErrorMetric_ALL, the sum of all codes (not a code; codes such as ALL_REPLICAS_LOST also start with ALL)'
    ),
  },
};
