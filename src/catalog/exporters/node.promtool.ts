/**
 * promtool cases for the node alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 * Every series is built from a family's fixture (tests/fixtures/exporters/node-*.prom), so a case can only use
 * the names, label sets and label values that node_exporter family really sends.
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import type { FireAndQuiet, PromtoolCases } from '../promtool-cases';
import type { NicDirection } from './node';

const DEFAULT = 'node_exporter ≥ 1.3';
const DETAILED = 'node_exporter ≥ 1.4 with --collector.netdev.enable-detailed-metrics';
const TARGET = { job: 'node', instance: 'host-1:9100' };
const node = familyFixture('node', DEFAULT).at(TARGET);
const host2 = familyFixture('node', DEFAULT).at({ ...TARGET, instance: 'host-2:9100' });

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

/** Two cores whose idle seconds grow by `perMinute` each minute (and their iowait seconds by `iowait`). */
const idleCpus = (perMinute: number, points: number, iowait?: number) =>
  ['0', '1'].flatMap((cpu) => [
    { series: node.series('node_cpu_seconds_total', { cpu, mode: 'idle' }), values: `0+${perMinute}x${points}` },
    ...(iowait === undefined
      ? []
      : [{ series: node.series('node_cpu_seconds_total', { cpu, mode: 'iowait' }), values: `0+${iowait}x${points}` }]),
  ]);

const one = (metric: string, values: string) => [{ series: node.series(metric), values }];

type At = { series: (metric: string, labels?: Record<string, string>) => string };
/**
 * The same fire/quiet pair on both families, each built from its own fixture: their series differ
 * only in the netdev counters, so every other alert must hold on both alike.
 */
const onBothFamilies = (pair: (at: At) => FireAndQuiet) => ({
  family: DEFAULT,
  ...pair(node),
  otherFamilies: [{ family: DETAILED, ...pair(familyFixture('node', DETAILED).at(TARGET)) }],
});
const gauge = (at: At, metric: string, values: string, labels?: Record<string, string>) => ({
  series: at.series(metric, labels),
  values,
});

/** A writable filesystem of 1,000 inodes whose free inodes follow `free`, for `points` minutes. */
const inodeFs = (at: At, free: string, points: number) => [
  gauge(at, 'node_filesystem_files_free', free, FS),
  gauge(at, 'node_filesystem_files', `1000x${points}`, FS),
  gauge(at, 'node_filesystem_readonly', `0x${points}`, FS),
];
const inodePair = (free: { fires: string; quiet: string }, points: number, evalTime: string) =>
  onBothFamilies((at) => ({
    fires: { series: inodeFs(at, free.fires, points), evalTime, labels: fsLabels },
    quiet: { series: inodeFs(at, free.quiet, points), evalTime },
  }));

/** One counter or gauge of the host, firing on `fires` and quiet on `quiet` at `evalTime`. */
const hostPair = (
  metric: string,
  fires: string,
  quiet: string,
  evalTime: string,
  labels: Record<string, string> = {}
) =>
  onBothFamilies((at) => ({
    fires: { series: [gauge(at, metric, fires, labels)], evalTime, labels: { ...TARGET, ...labels } },
    quiet: { series: [gauge(at, metric, quiet, labels)], evalTime },
  }));

// md: one series per array and state (active, failed, spare) plus the disks it is built for
// (collector/mdadm_linux.go); `md0` built for 2 disks.
const md = (at: At, active: string, failed: string, spare: string, points: number) => [
  gauge(at, 'node_md_disks', active, { device: 'md0', state: 'active' }),
  gauge(at, 'node_md_disks', failed, { device: 'md0', state: 'failed' }),
  gauge(at, 'node_md_disks', spare, { device: 'md0', state: 'spare' }),
  gauge(at, 'node_md_disks_required', `2x${points}`, { device: 'md0' }),
];
const bond = (at: At, active: string) => [
  gauge(at, 'node_bonding_slaves', '2x20', { master: 'bond0' }),
  gauge(at, 'node_bonding_active', active, { master: 'bond0' }),
];
const conntrack = (at: At, entries: string) => [
  gauge(at, 'node_nf_conntrack_entries', entries),
  gauge(at, 'node_nf_conntrack_entries_limit', '262144x30'),
];

// systemd reports one series per unit and state (active, activating, deactivating, inactive, failed),
// 1 for the current one (collector/systemd_linux.go; only with --collector.systemd).
const failedUnit = { name: 'backup.service', state: 'failed', type: 'oneshot' };

export const nodePromtoolCases: PromtoolCases = {
  'fs-filling-up': {
    family: 'node_exporter ≥ 1.3',
    fires: { series: writableFs('390-1x120', 120), evalTime: '90m', labels: fsLabels },
    quiet: { series: writableFs('390x120', 120), evalTime: '90m' },
  },
  'fs-filling-up-fast': {
    family: 'node_exporter ≥ 1.3',
    fires: { series: writableFs('190-1x120', 120), evalTime: '90m', labels: fsLabels },
    quiet: { series: writableFs('190-0.1x120', 120), evalTime: '90m' },
  },
  'fs-almost-full': {
    family: 'node_exporter ≥ 1.3',
    fires: { series: writableFs('40x60', 60), evalTime: '40m', labels: fsLabels },
    quiet: { series: writableFs('60x60', 60), evalTime: '40m' },
  },
  'fs-full': {
    family: 'node_exporter ≥ 1.3',
    fires: { series: writableFs('20x60', 60), evalTime: '40m', labels: fsLabels },
    quiet: { series: writableFs('40x60', 60), evalTime: '40m' },
  },
  'memory-high': {
    family: 'node_exporter ≥ 1.3',
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
    family: 'node_exporter ≥ 1.3',
    // 2 cores, each idle 3 s and waiting on I/O 1 s of every 60 s: 93% busy.
    fires: { series: idleCpus(3, 40, 1), evalTime: '30m', labels: TARGET },
    // A disk-bound host: each core idle 3 s and in iowait 50 s of every 60 s, so busy 12%. iowait is its own mode
    // beside idle (collector/cpu_linux.go, v1.3.0 – v1.12.1); read as busy, these CPUs were "95% utilised".
    quiet: { series: idleCpus(3, 40, 50), evalTime: '30m' },
  },
  'load-high': {
    family: 'node_exporter ≥ 1.3',
    fires: { series: [...one('node_load1', '5x30'), ...idleCpus(10, 30)], evalTime: '20m', labels: TARGET },
    quiet: { series: [...one('node_load1', '3x30'), ...idleCpus(10, 30)], evalTime: '20m' },
  },
  'disk-io-saturated': {
    family: 'node_exporter ≥ 1.3',
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
    family: 'node_exporter ≥ 1.3',
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
    family: 'node_exporter ≥ 1.3',
    fires: { series: one('node_timex_offset_seconds', '-0.2x30'), evalTime: '20m', labels: TARGET },
    quiet: { series: one('node_timex_offset_seconds', '0.001x30'), evalTime: '20m' },
  },
  'network-receive-errors': nicCases('receive'),
  'network-transmit-errors': nicCases('transmit'),
  'file-descriptors': {
    family: 'node_exporter ≥ 1.3',
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
    family: 'node_exporter ≥ 1.3',
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
  'inodes-filling-up': inodePair({ fires: '390-1x120', quiet: '390x120' }, 120, '90m'),
  'inodes-filling-up-fast': inodePair({ fires: '190-1x120', quiet: '190-0.1x120' }, 120, '90m'),
  'inodes-almost-out': inodePair({ fires: '40x90', quiet: '60x90' }, 90, '70m'),
  'inodes-out': inodePair({ fires: '20x90', quiet: '40x90' }, 90, '70m'),
  // 600 major faults a second: the counter grows by 36,000 a minute; 60 a second is a busy but healthy host.
  'major-page-faults': hostPair('node_vmstat_pgmajfault', '0+36000x30', '0+3600x30', '25m'),
  // A kill while the host answered no scrapes (minutes 11 – 30): at minute 35 the last 15 minutes hold only the new
  // count, where increase() read 0. Quiet: rebooted in the gap, the count starts again below the last one seen.
  'oom-kill': hostPair('node_vmstat_oom_kill', '0x10 _x20 1x10', '3x10 _x20 0x10', '35m'),
  'conntrack-high': onBothFamilies((at) => ({
    fires: { series: conntrack(at, '230000x30'), evalTime: '20m', labels: TARGET },
    quiet: { series: conntrack(at, '10000x30'), evalTime: '20m' },
  })),
  'textfile-error': hostPair('node_textfile_scrape_error', '1x30', '0x30', '20m'),
  'raid-degraded': onBothFamilies((at) => ({
    // One of two disks failed, no spare: 1 active of 2 required.
    fires: { series: md(at, '1x30', '1x30', '0x30', 30), evalTime: '20m', labels: { ...TARGET, device: 'md0' } },
    // A spare took over the failed disk: 2 active again (raid-disk-failed still fires, at warning).
    quiet: { series: md(at, '2x30', '1x30', '0x30', 30), evalTime: '20m' },
  })),
  'raid-disk-failed': onBothFamilies((at) => ({
    fires: {
      series: md(at, '2x20', '1x20', '0x20', 20),
      evalTime: '10m',
      labels: { ...TARGET, device: 'md0', state: 'failed' },
    },
    quiet: { series: md(at, '2x20', '0x20', '1x20', 20), evalTime: '10m' },
  })),
  'bond-degraded': onBothFamilies((at) => ({
    fires: { series: bond(at, '1x20'), evalTime: '10m', labels: { ...TARGET, master: 'bond0' } },
    quiet: { series: bond(at, '2x20'), evalTime: '10m' },
  })),
  // Counted errors stay in the counter until reboot; the alert fires for the hour after one is added.
  // Counted while the host was not scraped (minutes 11 – 80): at minute 85 the last hour holds only the new count.
  // Quiet: rebooted in the gap, the count starts again below the last one seen.
  'edac-uncorrectable': hostPair('node_edac_uncorrectable_errors_total', '0x10 _x70 1x10', '2x10 _x70 0x10', '85m', {
    controller: '0',
  }),
  // Restarted every minute (5 per 5 minutes) vs. once in the whole window.
  'systemd-crashlooping': hostPair('node_systemd_service_restart_total', '0+1x40', '0x10 1x30', '30m', {
    name: 'backup.service',
  }),
  // node_boot_time_seconds is /proc/stat btime, a Unix time in seconds (collector/stat_linux.go), node_time_seconds the
  // host's time.Now() (collector/time.go), both v1.3.0 – v1.12.1 and by the host's clock; promtool's clock starts at 0.
  rebooted: {
    family: 'node_exporter ≥ 1.3',
    // Booted at minute 1 and scraped to minute 10; then down 30 minutes, booted again at minute 40 with its clock 20
    // minutes behind (a hardware clock read at boot): btime 1200, scraped from minute 41. At minute 45 it has been up
    // 5 minutes, by its own clock as by Prometheus'; Prometheus' time() − btime read 25 minutes, and changes() over
    // the last 15 minutes 0.
    fires: {
      series: [
        ...one('node_boot_time_seconds', '60x10 _x30 1200x10'),
        ...one('node_time_seconds', '0+60x10 _x30 1260+60x10'),
      ],
      evalTime: '45m',
      labels: TARGET,
    },
    // Booted at minute 1, 29 minutes before the evaluation; host-2 booted at minute 10 with its clock 20 minutes
    // ahead (btime 1800): up 20 minutes, where Prometheus' time() − btime read 0.
    quiet: {
      series: [
        ...one('node_boot_time_seconds', '60x40'),
        ...one('node_time_seconds', '0+60x40'),
        { series: host2.series('node_boot_time_seconds'), values: '_x10 1800x30' },
        { series: host2.series('node_time_seconds'), values: '_x10 1800+60x30' },
      ],
      evalTime: '30m',
      afterFault: 'the alert is about a boot in the last 15 minutes: both boots are older, by the hosts’ clocks',
    },
  },
};
