/**
 * promtool cases for the clickhouse alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';

// promtool test series for one server.
const CH = { job: 'clickhouse', instance: 'ch-1:9363' };

const chSeries = (metric: string) => `${metric}{job="clickhouse",instance="ch-1:9363"}`;

export const clickhousePromtoolCases: PromtoolCases = {
  'readonly-replica': {
    fires: {
      series: [{ series: chSeries('ClickHouseMetrics_ReadonlyReplica'), values: '0x5 2x20' }],
      evalTime: '15m',
      labels: CH,
    },
    quiet: {
      series: [{ series: chSeries('ClickHouseMetrics_ReadonlyReplica'), values: '0x25' }],
      evalTime: '15m',
    },
  },
  'replica-delay': {
    fires: {
      series: [{ series: chSeries('ClickHouseAsyncMetrics_ReplicasMaxAbsoluteDelay'), values: '0x5 600x25' }],
      evalTime: '25m',
      labels: CH,
    },
    quiet: {
      series: [{ series: chSeries('ClickHouseAsyncMetrics_ReplicasMaxAbsoluteDelay'), values: '0x5 60x25' }],
      evalTime: '25m',
    },
  },
  'replica-delay-crit': {
    fires: {
      series: [{ series: chSeries('ClickHouseAsyncMetrics_ReplicasMaxAbsoluteDelay'), values: '0x5 3600x25' }],
      evalTime: '25m',
      labels: CH,
    },
    quiet: {
      series: [{ series: chSeries('ClickHouseAsyncMetrics_ReplicasMaxAbsoluteDelay'), values: '0x5 600x25' }],
      evalTime: '25m',
    },
  },
  'too-many-parts': {
    fires: {
      series: [{ series: chSeries('ClickHouseAsyncMetrics_MaxPartCountForPartition'), values: '20x5 150x30' }],
      evalTime: '30m',
      labels: CH,
    },
    quiet: {
      series: [{ series: chSeries('ClickHouseAsyncMetrics_MaxPartCountForPartition'), values: '20x5 80x30' }],
      evalTime: '30m',
    },
  },
  'parts-critical': {
    fires: {
      series: [{ series: chSeries('ClickHouseAsyncMetrics_MaxPartCountForPartition'), values: '20x5 280x20' }],
      evalTime: '20m',
      labels: CH,
    },
    quiet: {
      series: [{ series: chSeries('ClickHouseAsyncMetrics_MaxPartCountForPartition'), values: '20x5 150x20' }],
      evalTime: '20m',
    },
  },
  'rejected-inserts': {
    fires: {
      series: [{ series: chSeries('ClickHouseProfileEvents_RejectedInserts'), values: '2x10 5x10' }],
      evalTime: '12m',
      labels: CH,
    },
    quiet: {
      series: [{ series: chSeries('ClickHouseProfileEvents_RejectedInserts'), values: '2x20' }],
      evalTime: '12m',
    },
  },
  'memory-high': {
    fires: {
      series: [
        { series: chSeries('ClickHouseAsyncMetrics_MemoryResident'), values: '85x30' },
        { series: chSeries('ClickHouseAsyncMetrics_OSMemoryTotal'), values: '100x30' },
      ],
      evalTime: '25m',
      labels: CH,
    },
    quiet: {
      series: [
        { series: chSeries('ClickHouseAsyncMetrics_MemoryResident'), values: '50x30' },
        { series: chSeries('ClickHouseAsyncMetrics_OSMemoryTotal'), values: '100x30' },
      ],
      evalTime: '25m',
    },
  },
  'memory-critical': {
    fires: {
      series: [
        { series: chSeries('ClickHouseAsyncMetrics_MemoryResident'), values: '95x20' },
        { series: chSeries('ClickHouseAsyncMetrics_OSMemoryTotal'), values: '100x20' },
      ],
      evalTime: '15m',
      labels: CH,
    },
    quiet: {
      series: [
        { series: chSeries('ClickHouseAsyncMetrics_MemoryResident'), values: '85x20' },
        { series: chSeries('ClickHouseAsyncMetrics_OSMemoryTotal'), values: '100x20' },
      ],
      evalTime: '15m',
    },
  },
  'disk-full': {
    fires: {
      series: [
        { series: chSeries('ClickHouseAsyncMetrics_DiskUsed_backups'), values: '90x30' },
        { series: chSeries('ClickHouseAsyncMetrics_DiskTotal_backups'), values: '100x30' },
      ],
      evalTime: '25m',
      labels: { ...CH, disk: 'backups' },
    },
    quiet: {
      series: [
        { series: chSeries('ClickHouseAsyncMetrics_DiskUsed_backups'), values: '50x30' },
        { series: chSeries('ClickHouseAsyncMetrics_DiskTotal_backups'), values: '100x30' },
      ],
      evalTime: '25m',
    },
  },
  'disk-critical': {
    fires: {
      series: [
        { series: chSeries('ClickHouseAsyncMetrics_DiskUsed_default'), values: '97x20' },
        { series: chSeries('ClickHouseAsyncMetrics_DiskTotal_default'), values: '100x20' },
      ],
      evalTime: '15m',
      labels: { ...CH, disk: 'default' },
    },
    quiet: {
      series: [
        { series: chSeries('ClickHouseAsyncMetrics_DiskUsed_default'), values: '90x20' },
        { series: chSeries('ClickHouseAsyncMetrics_DiskTotal_default'), values: '100x20' },
      ],
      evalTime: '15m',
    },
  },
  restarted: {
    fires: {
      series: [{ series: chSeries('ClickHouseAsyncMetrics_Uptime'), values: '60+60x20' }],
      evalTime: '5m',
      labels: CH,
    },
    quiet: {
      series: [{ series: chSeries('ClickHouseAsyncMetrics_Uptime'), values: '86400+60x20' }],
      evalTime: '5m',
    },
  },
};
