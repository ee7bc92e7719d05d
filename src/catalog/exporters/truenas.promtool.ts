/**
 * promtool cases for the truenas alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 * Every series comes from a family fixture (tests/fixtures/exporters/truenas-*.prom). The mapping puts job and
 * instance inside the exposition (scraped with honor_labels), so they are the fixture's labels, not a target's.
 * The families differ only in the dataset series, which mapping 2.0 – 2.1 does not make: the dataset alerts have
 * nothing to fire on there, and every other alert reads the same series in both.
 */
import { familyFixture, type Labels } from '../../../tests/support/fixture-families';
import type { FireAndQuiet, PromtoolCases } from '../promtool-cases';

const FAMILY = 'truenas-graphite-to-prometheus 2.2';
const series = familyFixture('truenas', FAMILY).at({}).series;
const HOST = { job: 'truenas', instance: 'truenas01' };
// The 2.0 – 2.1 fixture's host, for the alerts proven on both families.
const OLD_FAMILY = 'truenas-graphite-to-prometheus 2.0 – 2.1';
const oldSeries = familyFixture('truenas', OLD_FAMILY).at({}).series;
const OLD_HOST = { job: 'truenas', instance: 'truenas02' };
// A store holding several clusters (Thanos, Mimir, a Grafana-managed rule over one datasource): each cluster's
// TrueNAS under the same host name, and dev's graphite_exporter (its `up`) with no TrueNAS sending to it.
const oldInCluster = (cluster: string) =>
  familyFixture('truenas', OLD_FAMILY).at({ cluster }).series('uptime', OLD_HOST);
const DEV_GRAPHITE = familyFixture('truenas', OLD_FAMILY)
  .at({ cluster: 'dev', job: 'graphite', instance: 'graphite:9108' })
  .scrape('up');
const DATASET = { ...HOST, mountpoint: '_mnt_tank', unit: 'GiB' };

/** One gauge, `fires` and `quiet` being its values; the alert's labels are the series' own. */
function gauge(metric: string, labels: Labels, fires: string, quiet: string, evalTime: string): FireAndQuiet {
  return {
    fires: { series: [{ series: series(metric, labels), values: fires }], evalTime, labels },
    quiet: { series: [{ series: series(metric, labels), values: quiet }], evalTime },
  };
}

const dataset = (used: string, avail: string, samples: number) => [
  { series: series('disk_bytes_used', DATASET), values: `${used}x${samples}` },
  { series: series('disk_bytes_avail', DATASET), values: `${avail}x${samples}` },
];

const memory = (available: string, used: string, free: string) => [
  { series: series('memory_available', { ...HOST, kind: 'avail' }), values: `${available}x30` },
  { series: series('physical_memory', { ...HOST, kind: 'used' }), values: `${used}x30` },
  { series: series('physical_memory', { ...HOST, kind: 'free' }), values: `${free}x30` },
];

const pool = (state: string) => series('zfs_pool', { ...HOST, pool: 'tank', state });
const CPU = { ...HOST, cpu: 'cpu0' };
const DISK = { ...HOST, serial: 'WD-WX12D71ABCDE' };

export const truenasPromtoolCases: PromtoolCases = {
  'no-data': {
    family: FAMILY,
    fires: { series: [{ series: series('uptime', HOST), values: '100+60x10 _x40' }], evalTime: '45m', labels: {} },
    quiet: { series: [{ series: series('uptime', HOST), values: '100+60x50' }], evalTime: '45m' },
    // Proven on the 2.0 – 2.1 family (the same `uptime`) on a store holding three clusters: prod's TrueNAS went silent
    // while staging's still reports, and dev has none. absent_over_time fired for none of them (staging's series
    // are there); only prod may fire, and dev, with nothing to have lost, never.
    otherFamilies: [
      {
        family: OLD_FAMILY,
        fires: {
          series: [
            { series: oldInCluster('prod'), values: '100+60x10 _x40' },
            { series: oldInCluster('staging'), values: '100+60x50' },
            { series: DEV_GRAPHITE, values: '1x50' },
          ],
          evalTime: '45m',
          labels: { cluster: 'prod' },
        },
        quiet: {
          series: [
            { series: oldInCluster('prod'), values: '100+60x50' },
            { series: oldInCluster('staging'), values: '100+60x50' },
            { series: DEV_GRAPHITE, values: '1x50' },
          ],
          evalTime: '45m',
        },
      },
    ],
  },
  'host-silent': { family: FAMILY, ...gauge('uptime', HOST, '100+60x10 _x40', '100+60x50', '45m') },
  'pool-not-online': {
    family: FAMILY,
    fires: {
      series: [
        { series: pool('online'), values: '1x5 0x15' },
        { series: pool('degraded'), values: '0x5 1x15' },
      ],
      evalTime: '15m',
      labels: { ...HOST, pool: 'tank', state: 'degraded' },
    },
    quiet: {
      series: [
        { series: pool('online'), values: '1x20' },
        { series: pool('degraded'), values: '0x20' },
      ],
      evalTime: '15m',
    },
  },
  'dataset-almost-full': {
    family: FAMILY,
    fires: { series: dataset('850', '150', 40), evalTime: '35m', labels: DATASET },
    quiet: { series: dataset('500', '500', 40), evalTime: '35m' },
  },
  'dataset-full': {
    family: FAMILY,
    fires: { series: dataset('950', '50', 30), evalTime: '25m', labels: DATASET },
    quiet: { series: dataset('850', '150', 30), evalTime: '25m' },
  },
  'memory-high': {
    family: FAMILY,
    fires: { series: memory('3000', '60000', '4000'), evalTime: '25m', labels: HOST },
    quiet: { series: memory('40000', '20000', '44000'), evalTime: '25m' },
  },
  'cpu-temperature': { family: FAMILY, ...gauge('cpu_temperature', CPU, '85x30', '50x30', '20m') },
  'disk-temperature': { family: FAMILY, ...gauge('disk_temperature', DISK, '55x30', '36x30', '25m') },
  'disk-temperature-critical': { family: FAMILY, ...gauge('disk_temperature', DISK, '65x20', '55x20', '15m') },
  'network-errors': {
    family: FAMILY,
    fires: {
      series: [
        // 0.05 errors/s inbound (30 in 10 minutes); outbound arrives negative, as Netdata draws it
        { series: series('interface_errors', { ...HOST, interface: 'enp3s0', op: 'inbound' }), values: '0.05x30' },
        { series: series('interface_errors', { ...HOST, interface: 'enp3s0', op: 'outbound' }), values: '-0.02x30' },
      ],
      evalTime: '25m',
      labels: { ...HOST, interface: 'enp3s0' },
    },
    quiet: {
      series: [
        // a trickle of 0.005 errors/s, 3 in 10 minutes: under Netdata's bound of 5
        {
          series: series('interface_errors', { ...HOST, interface: 'enp3s0', op: 'inbound' }),
          values: '0.005x30',
        },
        { series: series('interface_errors', { ...HOST, interface: 'enp3s0', op: 'outbound' }), values: '0x30' },
      ],
      evalTime: '25m',
    },
    otherFamilies: [
      {
        family: OLD_FAMILY,
        fires: {
          series: [
            {
              series: oldSeries('interface_errors', { ...OLD_HOST, interface: 'enp4s0', op: 'outbound' }),
              values: '-0.05x30',
            },
          ],
          evalTime: '25m',
          labels: { ...OLD_HOST, interface: 'enp4s0' },
        },
        quiet: {
          series: [
            {
              series: oldSeries('interface_errors', { ...OLD_HOST, interface: 'enp4s0', op: 'outbound' }),
              values: '0x30',
            },
          ],
          evalTime: '25m',
        },
      },
    ],
  },
  'clock-not-synced': { family: FAMILY, ...gauge('clock_synced', HOST, '0x30', '1x30', '25m') },
};
