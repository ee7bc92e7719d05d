/**
 * promtool cases for the clickhouse alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 *
 * Every series comes from a family fixture (tests/fixtures/exporters/clickhouse-*.prom). The families
 * differ in the disk names the disk alerts read (DiskUsed_<disk> before 26.8, DiskUsed{disk} from 26.8,
 * src/catalog/evidence/clickhouse.ts), so those are proven on both forms; every other name is the same
 * in every family and is proven on 23.12 – 26.7.
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import { CH_23_12, CH_26_8 } from '../evidence/clickhouse';
import type { FireAndQuiet, PromtoolCases } from '../promtool-cases';

// promtool test series for one server.
const CH = { job: 'clickhouse', instance: 'ch-1:9363' };
const legacy = familyFixture('clickhouse', CH_23_12).at(CH);
const keyed = familyFixture('clickhouse', CH_26_8).at(CH);

const chSeries = (metric: string) => legacy.series(metric);

/** Used and total bytes (per cent of 100) of one disk, in each family's form. */
const disk = (family: typeof CH_23_12 | typeof CH_26_8, name: string, used: string, total: string) =>
  family === CH_23_12
    ? [
        { series: legacy.series(`ClickHouseAsyncMetrics_DiskUsed_${name}`), values: used },
        { series: legacy.series(`ClickHouseAsyncMetrics_DiskTotal_${name}`), values: total },
      ]
    : [
        { series: keyed.series('ClickHouseAsyncMetrics_DiskUsed', { disk: name }), values: used },
        { series: keyed.series('ClickHouseAsyncMetrics_DiskTotal', { disk: name }), values: total },
      ];
const diskCases = (build: (family: typeof CH_23_12 | typeof CH_26_8) => FireAndQuiet) => ({
  family: CH_23_12,
  ...build(CH_23_12),
  otherFamilies: [{ family: CH_26_8, ...build(CH_26_8) }],
});

export const clickhousePromtoolCases: PromtoolCases = {
  'readonly-replica': {
    family: CH_23_12,
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
    family: CH_23_12,
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
    family: CH_23_12,
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
  // Since 23.6 (every supported version) MergeTree delays inserts from parts_to_delay_insert = 1000 active
  // parts in a partition and refuses them above parts_to_throw_insert = 3000 (src/Storages/MergeTree/
  // MergeTreeSettings.h): 300 parts is a busy but unthrottled partition, 1500 a delayed one, not yet refused.
  'too-many-parts': {
    family: CH_23_12,
    fires: {
      series: [{ series: chSeries('ClickHouseAsyncMetrics_MaxPartCountForPartition'), values: '20x5 700x30' }],
      evalTime: '30m',
      labels: CH,
    },
    quiet: {
      series: [{ series: chSeries('ClickHouseAsyncMetrics_MaxPartCountForPartition'), values: '20x5 300x30' }],
      evalTime: '30m',
    },
  },
  'parts-critical': {
    family: CH_23_12,
    fires: {
      series: [{ series: chSeries('ClickHouseAsyncMetrics_MaxPartCountForPartition'), values: '20x5 2800x20' }],
      evalTime: '20m',
      labels: CH,
    },
    quiet: {
      series: [{ series: chSeries('ClickHouseAsyncMetrics_MaxPartCountForPartition'), values: '20x5 1500x20' }],
      evalTime: '20m',
    },
  },
  // A counter that stays at its value after a loss: only a new loss in the window fires.
  'data-loss': {
    family: CH_23_12,
    // Counted while the server was not scraped (minutes 11 – 20): at minute 25 the last 5 minutes hold only the new
    // count, where increase() read 0.
    fires: {
      series: [{ series: chSeries('ClickHouseProfileEvents_ReplicatedDataLoss'), values: '0x10 _x10 1x10' }],
      evalTime: '25m',
      labels: CH,
    },
    quiet: {
      series: [{ series: chSeries('ClickHouseProfileEvents_ReplicatedDataLoss'), values: '1x30' }],
      evalTime: '25m',
    },
  },
  'rejected-inserts': {
    family: CH_23_12,
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
    family: CH_23_12,
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
    family: CH_23_12,
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
  'disk-full': diskCases((family) => ({
    fires: {
      series: disk(family, 'backups', '90x30', '100x30'),
      evalTime: '25m',
      labels: { ...CH, disk: 'backups' },
    },
    quiet: { series: disk(family, 'backups', '50x30', '100x30'), evalTime: '25m' },
  })),
  'disk-critical': diskCases((family) => ({
    fires: {
      series: disk(family, 'default', '97x20', '100x20'),
      evalTime: '15m',
      labels: { ...CH, disk: 'default' },
    },
    quiet: { series: disk(family, 'default', '90x20', '100x20'), evalTime: '15m' },
  })),
  restarted: {
    family: CH_23_12,
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
