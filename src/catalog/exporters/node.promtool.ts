/**
 * promtool cases for the node alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 * Every series is built from a family's fixture (tests/fixtures/exporters/node-*.prom), so a case can only use
 * the names, label sets and label values that node_exporter family really sends.
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import type { PromtoolCases } from '../promtool-cases';
import type { NicDirection } from './node';

const DEFAULT = 'node_exporter ≥ 1.3';
const DETAILED = 'node_exporter ≥ 1.4 with --collector.netdev.enable-detailed-metrics';
const TARGET = { job: 'node', instance: 'host-1:9100' };
const node = familyFixture('node', DEFAULT).at(TARGET);

const FS = { device: '/dev/sda1', fstype: 'ext4', mountpoint: '/' };
const fsLabels = { ...TARGET, ...FS };

/**
 * promtool input: eth0 moving 1,000 packets a minute, with errors following `errors`, under each family's
 * error counter name: `errs` by default in every release (legacy() renames the netlink counters back),
 * `errors` only with --collector.netdev.enable-detailed-metrics (collector/netdev_common.go).
 */
const nicTraffic = (family: string, direction: NicDirection, errors: string) => {
  const at = familyFixture('node', family).at(TARGET);
  const name = family === DETAILED ? 'errors' : 'errs';
  return [
    { series: at.series(`node_network_${direction}_${name}_total`, { device: 'eth0' }), values: errors },
    { series: at.series(`node_network_${direction}_packets_total`, { device: 'eth0' }), values: '0+1000x90' },
  ];
};
const NIC_LABELS = { ...TARGET, device: 'eth0' };
const nicPair = (family: string, direction: NicDirection) => ({
  fires: { series: nicTraffic(family, direction, '0+50x90'), evalTime: '80m', labels: NIC_LABELS },
  quiet: { series: nicTraffic(family, direction, '0x90'), evalTime: '80m' },
});
const nicCases = (direction: NicDirection) => ({
  family: DEFAULT,
  ...nicPair(DEFAULT, direction),
  otherFamilies: [{ family: DETAILED, ...nicPair(DETAILED, direction) }],
});

/** promtool input: a writable 1,000-byte filesystem whose free bytes follow `avail`, for `points` minutes. */
const writableFs = (avail: string, points: number) => [
  { series: node.series('node_filesystem_avail_bytes', FS), values: avail },
  { series: node.series('node_filesystem_size_bytes', FS), values: `1000x${points}` },
  { series: node.series('node_filesystem_readonly', FS), values: `0x${points}` },
];

/** Two cores whose idle seconds grow by `perMinute` each minute. */
const idleCpus = (perMinute: number, points: number) =>
  ['0', '1'].map((cpu) => ({
    series: node.series('node_cpu_seconds_total', { cpu, mode: 'idle' }),
    values: `0+${perMinute}x${points}`,
  }));

const one = (metric: string, values: string) => [{ series: node.series(metric), values }];

// systemd reports one series per unit and state (active, activating, deactivating, inactive, failed),
// 1 for the current one (collector/systemd_linux.go; only with --collector.systemd).
const failedUnit = { name: 'backup.service', state: 'failed', type: 'oneshot' };

export const nodePromtoolCases: PromtoolCases = {
  'fs-filling-up': {
    fires: { series: writableFs('390-1x120', 120), evalTime: '90m', labels: fsLabels },
    quiet: { series: writableFs('390x120', 120), evalTime: '90m' },
  },
  'fs-filling-up-fast': {
    fires: { series: writableFs('190-1x120', 120), evalTime: '90m', labels: fsLabels },
    quiet: { series: writableFs('190-0.1x120', 120), evalTime: '90m' },
  },
  'fs-almost-full': {
    fires: { series: writableFs('40x60', 60), evalTime: '40m', labels: fsLabels },
    quiet: { series: writableFs('60x60', 60), evalTime: '40m' },
  },
  'fs-full': {
    fires: { series: writableFs('20x60', 60), evalTime: '40m', labels: fsLabels },
    quiet: { series: writableFs('40x60', 60), evalTime: '40m' },
  },
  'memory-high': {
    fires: {
      series: [...one('node_memory_MemAvailable_bytes', '50x30'), ...one('node_memory_MemTotal_bytes', '1000x30')],
      evalTime: '20m',
      labels: TARGET,
    },
    quiet: {
      series: [...one('node_memory_MemAvailable_bytes', '500x30'), ...one('node_memory_MemTotal_bytes', '1000x30')],
      evalTime: '20m',
    },
  },
  'cpu-high': {
    // 2 cores, each idle 3 s of every 60 s: 95% busy.
    fires: { series: idleCpus(3, 40), evalTime: '30m', labels: TARGET },
    quiet: { series: idleCpus(30, 40), evalTime: '30m' },
  },
  'load-high': {
    fires: { series: [...one('node_load1', '5x30'), ...idleCpus(10, 30)], evalTime: '20m', labels: TARGET },
    quiet: { series: [...one('node_load1', '3x30'), ...idleCpus(10, 30)], evalTime: '20m' },
  },
  'disk-io-saturated': {
    fires: {
      series: [
        { series: node.series('node_disk_io_time_weighted_seconds_total', { device: 'sda' }), values: '0+900x60' },
      ],
      evalTime: '45m',
      labels: { ...TARGET, device: 'sda' },
    },
    quiet: {
      series: [
        { series: node.series('node_disk_io_time_weighted_seconds_total', { device: 'sda' }), values: '0+60x60' },
      ],
      evalTime: '45m',
    },
  },
  'clock-not-synced': {
    fires: {
      series: [...one('node_timex_sync_status', '0x30'), ...one('node_timex_maxerror_seconds', '16x30')],
      evalTime: '20m',
      labels: TARGET,
    },
    quiet: {
      series: [...one('node_timex_sync_status', '1x30'), ...one('node_timex_maxerror_seconds', '0.01x30')],
      evalTime: '20m',
    },
  },
  'clock-skew': {
    fires: { series: one('node_timex_offset_seconds', '-0.2x30'), evalTime: '20m', labels: TARGET },
    quiet: { series: one('node_timex_offset_seconds', '0.001x30'), evalTime: '20m' },
  },
  'network-receive-errors': nicCases('receive'),
  'network-transmit-errors': nicCases('transmit'),
  'file-descriptors': {
    fires: {
      series: [...one('node_filefd_allocated', '950x30'), ...one('node_filefd_maximum', '1000x30')],
      evalTime: '20m',
      labels: TARGET,
    },
    quiet: {
      series: [...one('node_filefd_allocated', '100x30'), ...one('node_filefd_maximum', '1000x30')],
      evalTime: '20m',
    },
  },
  'systemd-unit-failed': {
    fires: {
      series: [{ series: node.series('node_systemd_unit_state', failedUnit), values: '1x20' }],
      evalTime: '10m',
      labels: { ...TARGET, ...failedUnit },
    },
    quiet: {
      series: [{ series: node.series('node_systemd_unit_state', failedUnit), values: '0x20' }],
      evalTime: '10m',
    },
  },
  rebooted: {
    fires: { series: one('node_boot_time_seconds', '1000x10 2000x10'), evalTime: '12m', labels: TARGET },
    quiet: { series: one('node_boot_time_seconds', '1000x20'), evalTime: '12m' },
  },
};
