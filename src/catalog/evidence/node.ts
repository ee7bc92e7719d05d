import type { ExporterEvidence, MetricEvidence, SourceRef } from './types';

// Read at 1.3.0 (oldest supported), 1.4.0 (netdev switched to netlink, names kept by legacy()), 1.5.0 (Debian bookworm),
// 1.8.0 (filesystem device_error label) and 1.12.1 (current).
const BOTH: [string, ...string[]] = ['v1.3.0', 'v1.12.1'];
const at = (file: string, tags: [string, ...string[]] = BOTH): SourceRef => ({ tags, file });
const metric = (labels: string[], sources: SourceRef[], extra: Partial<MetricEvidence> = {}): MetricEvidence => ({
  labels,
  sources: sources as [SourceRef, ...SourceRef[]],
  ...extra,
});

const MEMINFO = [at('collector/meminfo.go'), at('collector/meminfo_linux.go')];
const MEMINFO_NOTE = '/proc/meminfo field name with _bytes appended to the kB fields';
// Every filesystem metric has the same labels, so avail / size and `and readonly == 0` match one to one.
const FS = [at('collector/filesystem_common.go')];
const FS_LABELS = ['device', 'mountpoint', 'fstype', 'device_error'];
const FS_NOTE =
  'device_error only since 1.8 (empty unless statfs failed, when only readonly and device_error are sent)';
const DISK = [at('collector/diskstats_common.go'), at('collector/diskstats_linux.go')];
const DISK_NOTE = 'kernel ticks (ms) scaled to seconds (collector/diskstats_linux.go)';
const NETDEV = [at('collector/netdev_common.go'), at('collector/netdev_linux.go')];
// 1.3 names the counters after /proc/net/dev's columns (errs, drop). From 1.4 the collector reads
// netlink (errors, dropped) but legacy() in netdev_common.go renames them back to errs/drop unless
// --collector.netdev.enable-detailed-metrics is set: the default names never changed (Debian's 1.5
// on the test stack sends node_network_receive_errs_total).
const NETDEV_LEGACY = [
  at('collector/netdev_linux.go', ['v1.3.0']),
  at('collector/netdev_common.go', ['v1.4.0', 'v1.5.0', 'v1.12.1']),
];
const NETLINK = [
  at('collector/netdev_common.go', ['v1.4.0', 'v1.5.0', 'v1.12.1']),
  at('collector/netdev_linux.go', ['v1.4.0', 'v1.5.0', 'v1.12.1']),
];
const DETAILED = { versions: '≥ 1.4', note: 'only with --collector.netdev.enable-detailed-metrics (off by default)' };
const LEGACY = { note: 'the default in every release; gone with --collector.netdev.enable-detailed-metrics (≥ 1.4)' };
const TIMEX = [at('collector/timex.go')];

export const nodeEvidence: ExporterEvidence = {
  exporter: 'node',
  repository: 'prometheus/node_exporter',
  // Debian bookworm ships 1.5; 1.3 is the oldest release the packs support.
  supported: { oldest: 'v1.3.0', current: 'v1.12.1' },
  families: [
    {
      name: 'node_exporter ≥ 1.3',
      differs:
        'netdev error and drop counters under /proc/net/dev column names in every release by default: node_network_*_errs_total, node_network_*_drop_total (filesystem metrics gain an empty device_error label from 1.8, which changes no series)',
    },
    {
      name: 'node_exporter ≥ 1.4 with --collector.netdev.enable-detailed-metrics',
      differs:
        'netlink names: node_network_*_errors_total, node_network_*_dropped_total (receive drops without missed errors)',
    },
  ],
  metrics: {
    node_exporter_build_info: metric(['version'], [at('node_exporter.go')], {
      note: 'prometheus/common version collector registered as "node_exporter"',
    }),
    node_uname_info: metric(
      ['sysname', 'release', 'version', 'machine', 'nodename', 'domainname'],
      [at('collector/uname.go')]
    ),
    node_boot_time_seconds: metric([], [at('collector/stat_linux.go')], {
      note: 'btime of /proc/stat, a Unix timestamp (stat collector, on by default)',
    }),
    node_cpu_seconds_total: metric(['cpu', 'mode'], [at('collector/cpu_linux.go'), at('collector/cpu_common.go')], {
      note: 'one series per cpu and mode; "idle" among the modes',
    }),
    node_load1: metric([], [at('collector/loadavg.go')]),
    node_load5: metric([], [at('collector/loadavg.go')]),
    node_load15: metric([], [at('collector/loadavg.go')]),
    node_memory_MemAvailable_bytes: metric([], MEMINFO, { note: `${MEMINFO_NOTE}; needs Linux ≥ 3.14` }),
    node_memory_MemTotal_bytes: metric([], MEMINFO, { note: MEMINFO_NOTE }),
    node_memory_Cached_bytes: metric([], MEMINFO, { note: MEMINFO_NOTE }),
    node_memory_Buffers_bytes: metric([], MEMINFO, { note: MEMINFO_NOTE }),
    node_memory_SwapTotal_bytes: metric([], MEMINFO, { note: MEMINFO_NOTE }),
    node_memory_SwapFree_bytes: metric([], MEMINFO, { note: MEMINFO_NOTE }),
    node_filesystem_avail_bytes: metric(FS_LABELS, FS, { note: FS_NOTE }),
    node_filesystem_size_bytes: metric(FS_LABELS, FS, { note: FS_NOTE }),
    node_filesystem_readonly: metric(FS_LABELS, FS, { note: FS_NOTE }),
    node_filesystem_files: metric(FS_LABELS, FS, { note: FS_NOTE }),
    node_filesystem_files_free: metric(FS_LABELS, FS, { note: FS_NOTE }),
    node_disk_io_time_seconds_total: metric(['device'], DISK, { note: DISK_NOTE }),
    node_disk_io_time_weighted_seconds_total: metric(['device'], DISK, { note: DISK_NOTE }),
    node_disk_read_bytes_total: metric(['device'], DISK, {
      note: 'sectors × the device’s logical block size (512 when sysfs does not say)',
    }),
    node_disk_written_bytes_total: metric(['device'], DISK, {
      note: 'sectors × the device’s logical block size (512 when sysfs does not say)',
    }),
    node_disk_reads_completed_total: metric(['device'], DISK),
    node_disk_writes_completed_total: metric(['device'], DISK),
    node_network_receive_bytes_total: metric(['device'], NETDEV),
    node_network_transmit_bytes_total: metric(['device'], NETDEV),
    node_network_receive_packets_total: metric(['device'], NETDEV),
    node_network_transmit_packets_total: metric(['device'], NETDEV),
    node_network_receive_errs_total: metric(['device'], NETDEV_LEGACY, LEGACY),
    node_network_transmit_errs_total: metric(['device'], NETDEV_LEGACY, LEGACY),
    node_network_receive_drop_total: metric(['device'], NETDEV_LEGACY, LEGACY),
    node_network_transmit_drop_total: metric(['device'], NETDEV_LEGACY, LEGACY),
    node_network_receive_errors_total: metric(['device'], NETLINK, DETAILED),
    node_network_transmit_errors_total: metric(['device'], NETLINK, DETAILED),
    node_network_receive_dropped_total: metric(['device'], NETLINK, DETAILED),
    node_network_transmit_dropped_total: metric(['device'], NETLINK, DETAILED),
    node_filefd_allocated: metric([], [at('collector/filefd_linux.go')], {
      note: 'first field of /proc/sys/fs/file-nr',
    }),
    node_filefd_maximum: metric([], [at('collector/filefd_linux.go')], { note: 'third field of /proc/sys/fs/file-nr' }),
    node_timex_offset_seconds: metric([], TIMEX, {
      note: 'adjtimex offset divided by 1e9 or 1e6 depending on STA_NANO, so always seconds',
    }),
    node_timex_sync_status: metric([], TIMEX, { note: '1 unless the kernel sets STA_UNSYNC' }),
    node_timex_maxerror_seconds: metric([], TIMEX, {
      note: 'adjtimex maxerror (µs) / 1e6; the kernel caps it at 16 s (NTP_PHASE_LIMIT) once sync is lost',
    }),
    node_systemd_unit_state: metric(['name', 'state', 'type'], [at('collector/systemd_linux.go')], {
      note: 'systemd collector: off by default in every release (--collector.systemd); one series per unit and state (active, activating, deactivating, inactive, failed), 1 for the current one',
    }),
  },
};
