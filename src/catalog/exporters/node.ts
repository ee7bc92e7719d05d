import { sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext, Requirement, SignalVariant } from '../types';

// Pseudo and container filesystems that would flood panels and fire no useful alert.
const REAL_FS = 'fstype!~"tmpfs|ramfs|devtmpfs|squashfs|nsfs|autofs|fuse.lxcfs",mountpoint!=""';
// The loopback device carries the host's own traffic, not the network's.
const REAL_NIC = 'device!="lo"';

const cpuCount = (q: QueryContext) => `count by (${q.by}) (${sel('node_cpu_seconds_total', q, 'mode="idle"')})`;

const fsFreePercent = (q: QueryContext) =>
  `100 * ${sel('node_filesystem_avail_bytes', q, REAL_FS)} / ${sel('node_filesystem_size_bytes', q, REAL_FS)}`;
// Read-only filesystems (e.g. remounted after errors) cannot fill up: their alerts would be noise.
const fsWritable = (q: QueryContext) => `${sel('node_filesystem_readonly', q, REAL_FS)} == 0`;
const fsPredictedFullWithin = (hours: number) => (q: QueryContext) =>
  `predict_linear(${sel('node_filesystem_avail_bytes', q, REAL_FS)}[6h], ${hours} * 3600) < 0`;

export type NicDirection = 'receive' | 'transmit';
/**
 * The netdev counters' names: every release keeps /proc/net/dev's column names (`errs`, `drop`) by
 * default, also after 1.4 moved the collector to netlink (legacy() in collector/netdev_common.go
 * renames them back); only --collector.netdev.enable-detailed-metrics (≥ 1.4) sends the netlink
 * names `errors`, `dropped` (collector/netdev_linux.go). Debian's 1.5 on the test stack sends `errs`.
 */
const NIC_NAMES = [
  {
    note: 'node_exporter ≥ 1.4 with --collector.netdev.enable-detailed-metrics (netlink names)',
    errors: 'errors',
    drops: 'dropped',
  },
  { note: 'node_exporter ≥ 1.3 by default (/proc/net/dev column names)', errors: 'errs', drops: 'drop' },
] as const;
const nicRate = (metric: string, q: QueryContext) => `rate(${sel(metric, q, REAL_NIC)}[${q.range}])`;
const nicErrorPercent = (direction: NicDirection) => (q: QueryContext) =>
  NIC_NAMES.map(
    (n) =>
      `(100 * ${nicRate(`node_network_${direction}_${n.errors}_total`, q)} / ${nicRate(`node_network_${direction}_packets_total`, q)})`
  ).join(' or ');

/** Receive + transmit rate of one netdev counter, under each version's name. */
const nicSumVariants = (kind: 'errors' | 'drops'): [SignalVariant, ...SignalVariant[]] => {
  const [current, ...older] = NIC_NAMES.map((n) => ({
    note: n.note,
    expr: (q: QueryContext) =>
      `${nicRate(`node_network_receive_${n[kind]}_total`, q)} + ${nicRate(`node_network_transmit_${n[kind]}_total`, q)}`,
  }));
  return [current, ...older];
};

const SYSTEMD: Requirement = { kind: 'collector', enable: '--collector.systemd', offByDefault: true };

export const nodeExporter = defineExporter({
  id: 'node',
  title: 'Node exporter',
  layer: 'infrastructure',
  defaultPort: 9100,
  docsUrl: 'https://github.com/prometheus/node_exporter',
  description: 'Linux and Unix hosts: CPU, memory, filesystems, disks, network, time sync and systemd units.',
  detection: { metrics: ['node_uname_info', 'node_exporter_build_info'] },
  overview: ['cpuUtilisation', 'memoryUtilisation', 'loadPerCore', 'filesystemFree'],
  infoMetrics: ['node_uname_info'],
  versionMetric: { metric: 'node_exporter_build_info', label: 'version' },
  thresholds: [
    {
      id: 'cpuUtilisation',
      direction: 'above',
      warning: 90,
      critical: 98,
      min: 1,
      max: 100,
      description: 'Share of CPU time not idle, averaged over all cores.',
    },
    {
      id: 'memoryUtilisation',
      direction: 'above',
      warning: 90,
      critical: 97,
      min: 1,
      max: 100,
      description: 'Share of memory not available to new processes (MemAvailable).',
    },
    {
      id: 'loadPerCore',
      direction: 'above',
      warning: 2,
      critical: 4,
      min: 0.1,
      max: 100,
      description: '1-minute load average divided by the number of cores; above 1 means work is waiting.',
    },
    {
      id: 'filesystemFillingUp',
      title: 'Filesystem free space, filling up',
      unit: 'percent',
      direction: 'below',
      warning: 40,
      critical: 20,
      min: 0,
      max: 100,
      description:
        'Free space below which a filesystem that is predicted to fill up alerts (24 h ahead for warning, 4 h for critical).',
    },
    {
      id: 'filesystemFree',
      direction: 'below',
      warning: 5,
      critical: 3,
      min: 0,
      max: 100,
      description: 'Free space below which a filesystem alerts whatever its trend.',
    },
    {
      id: 'diskIoQueue',
      direction: 'above',
      warning: 10,
      min: 0.1,
      max: 1000,
      description:
        'Average number of I/O requests in flight (weighted I/O time per second); sustained high values mean the device is saturated.',
    },
    {
      id: 'clockOffset',
      direction: 'above',
      warning: 0.05,
      min: 0.001,
      max: 60,
      description: 'Absolute offset between the host clock and its time source.',
    },
    {
      id: 'networkErrors',
      unit: 'percent',
      direction: 'above',
      warning: 1,
      min: 0.001,
      max: 100,
      description: 'Share of packets with errors on an interface.',
    },
    {
      id: 'fileDescriptors',
      direction: 'above',
      warning: 90,
      min: 1,
      max: 100,
      description: 'Kernel-wide allocated file handles as a share of fs.file-max.',
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'Exporter up',
      description: 'Whether Prometheus reached node_exporter at its last scrape (1 = up).',
      unit: 'bool_yes_no',
      variants: [{ expr: (q) => `up{${q.selector}} and on (${q.by}) ${sel('node_uname_info', q)}` }],
    },
    {
      id: 'uptime',
      title: 'Uptime',
      description: 'Time since the host booted.',
      unit: 'dtdurations',
      variants: [{ expr: (q) => `time() - ${sel('node_boot_time_seconds', q)}` }],
    },
    {
      id: 'cpuCores',
      title: 'CPU cores',
      description: 'Number of logical CPUs the kernel reports.',
      unit: 'short',
      variants: [{ expr: cpuCount }],
    },
    {
      id: 'cpuUtilisation',
      title: 'CPU utilisation',
      description: 'Share of CPU time spent not idle, averaged over all cores.',
      unit: 'percent',
      variants: [
        {
          expr: (q) =>
            `100 * (1 - avg by (${q.by}) (rate(${sel('node_cpu_seconds_total', q, 'mode="idle"')}[${q.range}])))`,
        },
      ],
      threshold: 'cpuUtilisation',
      min: 0,
      max: 100,
    },
    {
      id: 'cpuByMode',
      title: 'CPU time by mode',
      description:
        'Share of CPU time per mode (user, system, iowait, steal, …), averaged over all cores; idle is left out.',
      unit: 'percentunit',
      variants: [
        {
          expr: (q) => `avg by (${q.by}, mode) (rate(${sel('node_cpu_seconds_total', q, 'mode!="idle"')}[${q.range}]))`,
        },
      ],
      legend: '{{instance}} {{mode}}',
      min: 0,
      max: 1,
    },
    {
      id: 'loadPerCore',
      title: 'Load per core',
      description: '1-minute load average divided by the number of cores; above 1, runnable work waits for a CPU.',
      unit: 'short',
      variants: [{ expr: (q) => `sum by (${q.by}) (${sel('node_load1', q)}) / ${cpuCount(q)}` }],
      threshold: 'loadPerCore',
      min: 0,
    },
    {
      id: 'load1',
      title: 'Load average 1m',
      description: 'Runnable and uninterruptible tasks, averaged over 1 minute.',
      unit: 'short',
      variants: [{ expr: (q) => sel('node_load1', q) }],
      legend: '{{instance}} 1m',
    },
    {
      id: 'load5',
      title: 'Load average 5m',
      description: 'Runnable and uninterruptible tasks, averaged over 5 minutes.',
      unit: 'short',
      variants: [{ expr: (q) => sel('node_load5', q) }],
      legend: '{{instance}} 5m',
    },
    {
      id: 'load15',
      title: 'Load average 15m',
      description: 'Runnable and uninterruptible tasks, averaged over 15 minutes.',
      unit: 'short',
      variants: [{ expr: (q) => sel('node_load15', q) }],
      legend: '{{instance}} 15m',
    },
    {
      id: 'memoryUtilisation',
      title: 'Memory utilisation',
      description: 'Share of memory not available to new processes without swapping (1 − MemAvailable / MemTotal).',
      unit: 'percent',
      variants: [
        {
          expr: (q) =>
            `100 * (1 - ${sel('node_memory_MemAvailable_bytes', q)} / ${sel('node_memory_MemTotal_bytes', q)})`,
        },
      ],
      threshold: 'memoryUtilisation',
      min: 0,
      max: 100,
    },
    {
      id: 'memoryTotal',
      title: 'Memory total',
      description: 'Physical memory the kernel manages.',
      unit: 'bytes',
      variants: [{ expr: (q) => sel('node_memory_MemTotal_bytes', q) }],
    },
    {
      id: 'memoryUsed',
      title: 'Memory used',
      description: 'Memory in use by processes and the kernel (MemTotal − MemAvailable).',
      unit: 'bytes',
      variants: [
        {
          expr: (q) => `${sel('node_memory_MemTotal_bytes', q)} - ${sel('node_memory_MemAvailable_bytes', q)}`,
        },
      ],
      legend: '{{instance}} used',
    },
    {
      id: 'memoryCached',
      title: 'Page cache and buffers',
      description: 'Memory holding file data (Cached + Buffers); the kernel gives it back under pressure.',
      unit: 'bytes',
      variants: [
        {
          expr: (q) => `${sel('node_memory_Cached_bytes', q)} + ${sel('node_memory_Buffers_bytes', q)}`,
        },
      ],
      legend: '{{instance}} cache + buffers',
    },
    {
      id: 'swapUsed',
      title: 'Swap used',
      description: 'Swap space in use (SwapTotal − SwapFree); steady growth means memory pressure.',
      unit: 'bytes',
      variants: [
        {
          expr: (q) => `${sel('node_memory_SwapTotal_bytes', q)} - ${sel('node_memory_SwapFree_bytes', q)}`,
        },
      ],
      legend: '{{instance}} swap',
    },
    {
      id: 'filesystemFree',
      title: 'Filesystem free space',
      description: 'Share of each filesystem still free for unprivileged users; alerts fire below the thresholds.',
      unit: 'percent',
      variants: [
        {
          // The same value the filesystem alerts compare, so the panel's red line is theirs.
          expr: fsFreePercent,
        },
      ],
      legend: '{{instance}} {{mountpoint}}',
      threshold: 'filesystemFree',
      min: 0,
      max: 100,
    },
    {
      id: 'filesystemAvailable',
      title: 'Filesystem space available',
      description: 'Bytes free for unprivileged users on each filesystem.',
      unit: 'bytes',
      variants: [{ expr: (q) => sel('node_filesystem_avail_bytes', q, REAL_FS) }],
      legend: '{{instance}} {{mountpoint}}',
    },
    {
      id: 'inodesFree',
      title: 'Inodes free',
      description: 'Share of inodes still free; a filesystem out of inodes refuses new files even with space left.',
      unit: 'percent',
      variants: [
        {
          expr: (q) =>
            `100 * ${sel('node_filesystem_files_free', q, REAL_FS)} / ${sel('node_filesystem_files', q, REAL_FS)}`,
        },
      ],
      legend: '{{instance}} {{mountpoint}}',
      min: 0,
      max: 100,
    },
    {
      id: 'diskIoUtilisation',
      title: 'Disk busy time',
      description: 'Share of time each block device had I/O in progress; near 100% the device is the bottleneck.',
      unit: 'percentunit',
      variants: [{ expr: (q) => `rate(${sel('node_disk_io_time_seconds_total', q)}[${q.range}])` }],
      legend: '{{instance}} {{device}}',
      min: 0,
      max: 1,
    },
    {
      id: 'diskIoQueue',
      title: 'Disk I/O queue',
      description: 'Average I/O requests in flight per device (weighted I/O time per second).',
      unit: 'short',
      variants: [{ expr: (q) => `rate(${sel('node_disk_io_time_weighted_seconds_total', q)}[${q.range}])` }],
      legend: '{{instance}} {{device}}',
      threshold: 'diskIoQueue',
    },
    {
      id: 'diskReadBytes',
      title: 'Disk read throughput',
      description: 'Bytes read per second from each block device.',
      unit: 'Bps',
      variants: [{ expr: (q) => `rate(${sel('node_disk_read_bytes_total', q)}[${q.range}])` }],
      legend: '{{instance}} {{device}} read',
    },
    {
      id: 'diskWriteBytes',
      title: 'Disk write throughput',
      description: 'Bytes written per second to each block device.',
      unit: 'Bps',
      variants: [{ expr: (q) => `rate(${sel('node_disk_written_bytes_total', q)}[${q.range}])` }],
      legend: '{{instance}} {{device}} written',
    },
    {
      id: 'diskReadOps',
      title: 'Disk reads',
      description: 'Read operations completed per second on each block device.',
      unit: 'iops',
      variants: [{ expr: (q) => `rate(${sel('node_disk_reads_completed_total', q)}[${q.range}])` }],
      legend: '{{instance}} {{device}} reads',
    },
    {
      id: 'diskWriteOps',
      title: 'Disk writes',
      description: 'Write operations completed per second on each block device.',
      unit: 'iops',
      variants: [
        {
          expr: (q) => `rate(${sel('node_disk_writes_completed_total', q)}[${q.range}])`,
        },
      ],
      legend: '{{instance}} {{device}} writes',
    },
    {
      id: 'networkReceive',
      title: 'Network received',
      description: 'Bytes received per second on each interface (loopback left out).',
      unit: 'Bps',
      variants: [
        {
          expr: (q) => `rate(${sel('node_network_receive_bytes_total', q, REAL_NIC)}[${q.range}])`,
        },
      ],
      legend: '{{instance}} {{device}} in',
    },
    {
      id: 'networkTransmit',
      title: 'Network sent',
      description: 'Bytes sent per second on each interface (loopback left out).',
      unit: 'Bps',
      variants: [
        {
          expr: (q) => `rate(${sel('node_network_transmit_bytes_total', q, REAL_NIC)}[${q.range}])`,
        },
      ],
      legend: '{{instance}} {{device}} out',
    },
    {
      id: 'networkErrors',
      title: 'Network errors',
      description:
        'Receive and transmit errors per second on each interface; any sustained rate points at cabling, drivers or duplex mismatches.',
      unit: 'pps',
      variants: nicSumVariants('errors'),
      legend: '{{instance}} {{device}}',
    },
    {
      id: 'networkDrops',
      title: 'Network drops',
      description: 'Packets dropped per second on each interface (receive + transmit), often full queues or buffers.',
      unit: 'pps',
      variants: nicSumVariants('drops'),
      legend: '{{instance}} {{device}}',
    },
    {
      id: 'fileDescriptors',
      title: 'File descriptors in use',
      description: 'Kernel-wide allocated file handles as a share of the maximum (fs.file-max).',
      unit: 'percent',
      variants: [{ expr: (q) => `100 * ${sel('node_filefd_allocated', q)} / ${sel('node_filefd_maximum', q)}` }],
      threshold: 'fileDescriptors',
      min: 0,
      max: 100,
    },
    {
      id: 'clockOffset',
      title: 'Clock offset',
      description: 'Offset between the host clock and its time source, as the kernel reports it (adjtimex).',
      unit: 's',
      variants: [{ expr: (q) => sel('node_timex_offset_seconds', q) }],
      threshold: 'clockOffset',
    },
    {
      id: 'clockSynchronised',
      title: 'Clock synchronised',
      description: 'Whether the kernel considers the clock synchronised to a time source (1 = yes).',
      unit: 'bool_yes_no',
      variants: [{ expr: (q) => sel('node_timex_sync_status', q) }],
    },
    {
      id: 'systemdFailedUnits',
      requires: SYSTEMD,
      title: 'Failed systemd units',
      // The systemd collector is not a default collector in any node_exporter release (1.3 – 1.12,
      // collector/systemd_linux.go): the panel says so (from `requires`), or an empty panel reads as "no failed units".
      description: 'Units in the failed state, per host.',
      unit: 'short',
      variants: [{ expr: (q) => `sum by (${q.by}) (${sel('node_systemd_unit_state', q, 'state="failed"')})` }],
      optional:
        'the systemd collector is not enabled (it is off by default: --collector.systemd) or the host does not run systemd',
    },
  ],
  alerts: [
    {
      id: 'fs-filling-up',
      name: 'NodeFilesystemSpaceFillingUp',
      severity: 'warning',
      for: '1h',
      query: fsFreePercent,
      filters: [fsPredictedFullWithin(24), fsWritable],
      comparison: '<',
      threshold: { threshold: 'filesystemFillingUp', level: 'warning' },
      summary: 'Filesystem {{ $labels.mountpoint }} on {{ $labels.instance }} is predicted to fill up within 24 hours.',
      description:
        'Filesystem {{ $labels.mountpoint }} ({{ $labels.device }}) on {{ $labels.instance }} has little space left and at its current rate of growth will be full within a day. Free space or grow the volume.',
    },
    {
      id: 'fs-filling-up-fast',
      name: 'NodeFilesystemSpaceFillingUpFast',
      severity: 'critical',
      for: '1h',
      query: fsFreePercent,
      filters: [fsPredictedFullWithin(4), fsWritable],
      comparison: '<',
      threshold: { threshold: 'filesystemFillingUp', level: 'critical' },
      summary: 'Filesystem {{ $labels.mountpoint }} on {{ $labels.instance }} is predicted to fill up within 4 hours.',
      description:
        'Filesystem {{ $labels.mountpoint }} ({{ $labels.device }}) on {{ $labels.instance }} is nearly full and filling fast: at its current rate it will be full within 4 hours. Act now: free space or grow the volume.',
    },
    {
      id: 'fs-almost-full',
      name: 'NodeFilesystemAlmostOutOfSpace',
      severity: 'warning',
      for: '30m',
      query: fsFreePercent,
      filters: [fsWritable],
      comparison: '<',
      threshold: { threshold: 'filesystemFree', level: 'warning' },
      summary: 'Filesystem {{ $labels.mountpoint }} on {{ $labels.instance }} is almost full.',
      description:
        'Filesystem {{ $labels.mountpoint }} ({{ $labels.device }}) on {{ $labels.instance }} has less free space than the warning threshold. Free space or grow the volume before writes start failing.',
    },
    {
      id: 'fs-full',
      name: 'NodeFilesystemOutOfSpace',
      severity: 'critical',
      for: '30m',
      query: fsFreePercent,
      filters: [fsWritable],
      comparison: '<',
      threshold: { threshold: 'filesystemFree', level: 'critical' },
      summary: 'Filesystem {{ $labels.mountpoint }} on {{ $labels.instance }} is out of space.',
      description:
        'Filesystem {{ $labels.mountpoint }} ({{ $labels.device }}) on {{ $labels.instance }} has less free space than the critical threshold; writes will fail soon. Free space now.',
    },
    {
      id: 'memory-high',
      name: 'NodeMemoryHighUtilisation',
      severity: 'warning',
      for: '15m',
      // The lowest MemAvailable in the window: one missed scrape must not reset `for`.
      query: (q) =>
        `100 * (1 - min_over_time(${sel('node_memory_MemAvailable_bytes', q)}[${q.range}]) / ${sel('node_memory_MemTotal_bytes', q)})`,
      comparison: '>',
      threshold: { threshold: 'memoryUtilisation', level: 'warning' },
      summary: 'Memory on {{ $labels.instance }} is almost used up.',
      description:
        'Less memory is available on {{ $labels.instance }} than the threshold allows; processes may be killed by the OOM killer. Find the biggest consumers or add memory.',
    },
    {
      id: 'cpu-high',
      name: 'NodeCPUHighUtilisation',
      severity: 'warning',
      for: '15m',
      signal: 'cpuUtilisation',
      comparison: '>',
      threshold: { threshold: 'cpuUtilisation', level: 'warning' },
      summary: 'CPU on {{ $labels.instance }} is saturated.',
      description:
        'CPU utilisation on {{ $labels.instance }} has stayed above the threshold; work is queueing. Check the busiest processes or add capacity.',
    },
    {
      id: 'load-high',
      name: 'NodeHighLoad',
      severity: 'warning',
      for: '15m',
      query: (q) => `sum by (${q.by}) (max_over_time(${sel('node_load1', q)}[${q.range}])) / ${cpuCount(q)}`,
      comparison: '>',
      threshold: { threshold: 'loadPerCore', level: 'warning' },
      summary: 'Load on {{ $labels.instance }} is high for its number of cores.',
      description:
        'The 1-minute load average per core on {{ $labels.instance }} has stayed above the threshold: more work is runnable than the CPUs can serve, or tasks are stuck on I/O.',
    },
    {
      id: 'disk-io-saturated',
      name: 'NodeDiskIOSaturation',
      severity: 'warning',
      for: '30m',
      signal: 'diskIoQueue',
      comparison: '>',
      threshold: { threshold: 'diskIoQueue', level: 'warning' },
      summary: 'Disk {{ $labels.device }} on {{ $labels.instance }} is saturated.',
      description:
        'The I/O queue of {{ $labels.device }} on {{ $labels.instance }} has stayed deep: requests wait for the device. Look for heavy writers or move load to faster storage.',
    },
    {
      id: 'clock-not-synced',
      name: 'NodeClockNotSynchronising',
      severity: 'warning',
      for: '10m',
      query: (q) => `min_over_time(${sel('node_timex_sync_status', q)}[${q.range}])`,
      // 16 s is the kernel's ceiling for maxerror: it is only reached once synchronisation is lost.
      filters: [(q) => `${sel('node_timex_maxerror_seconds', q)} >= 16`],
      comparison: '<',
      threshold: 1,
      summary: 'The clock on {{ $labels.instance }} is not synchronising.',
      description:
        'The kernel reports the clock of {{ $labels.instance }} as unsynchronised with its maximum error at the ceiling. Check that chronyd/ntpd/timesyncd runs and reaches its servers.',
    },
    {
      id: 'clock-skew',
      name: 'NodeClockSkewDetected',
      severity: 'warning',
      for: '10m',
      query: (q) => `abs(${sel('node_timex_offset_seconds', q)})`,
      comparison: '>',
      threshold: { threshold: 'clockOffset', level: 'warning' },
      summary: 'The clock on {{ $labels.instance }} is off.',
      description:
        'The clock of {{ $labels.instance }} differs from its time source by more than the threshold. Time-based checks, TLS and log correlation suffer; check the time daemon.',
    },
    {
      id: 'network-receive-errors',
      name: 'NodeNetworkReceiveErrors',
      severity: 'warning',
      for: '1h',
      query: nicErrorPercent('receive'),
      comparison: '>',
      threshold: { threshold: 'networkErrors', level: 'warning' },
      summary: 'Interface {{ $labels.device }} on {{ $labels.instance }} receives many errored packets.',
      description:
        'More received packets than the threshold allows are errored on {{ $labels.device }} of {{ $labels.instance }}. Check cabling, the NIC driver and duplex settings.',
    },
    {
      id: 'network-transmit-errors',
      name: 'NodeNetworkTransmitErrors',
      severity: 'warning',
      for: '1h',
      query: nicErrorPercent('transmit'),
      comparison: '>',
      threshold: { threshold: 'networkErrors', level: 'warning' },
      summary: 'Interface {{ $labels.device }} on {{ $labels.instance }} fails to send many packets.',
      description:
        'More sent packets than the threshold allows are errored on {{ $labels.device }} of {{ $labels.instance }}. Check cabling, the NIC driver and duplex settings.',
    },
    {
      id: 'file-descriptors',
      name: 'NodeFileDescriptorLimit',
      severity: 'warning',
      for: '15m',
      signal: 'fileDescriptors',
      comparison: '>',
      threshold: { threshold: 'fileDescriptors', level: 'warning' },
      summary: '{{ $labels.instance }} is running out of file descriptors.',
      description:
        'Allocated file handles on {{ $labels.instance }} are close to fs.file-max; new files and sockets will fail to open. Find the process leaking descriptors or raise the limit.',
    },
    {
      id: 'systemd-unit-failed',
      name: 'NodeSystemdServiceFailed',
      severity: 'warning',
      for: '5m',
      query: (q) => `max_over_time(${sel('node_systemd_unit_state', q, 'state="failed"')}[${q.range}])`,
      comparison: '>',
      threshold: 0,
      summary: 'Systemd unit {{ $labels.name }} failed on {{ $labels.instance }}.',
      description:
        'The systemd unit {{ $labels.name }} on {{ $labels.instance }} is in the failed state. Check `systemctl status {{ $labels.name }}` and its journal.',
      optional:
        'the systemd collector is not enabled (it is off by default: --collector.systemd) or the host does not run systemd',
    },
    {
      id: 'rebooted',
      name: 'NodeRebooted',
      severity: 'info',
      for: '0s',
      query: (q) => `changes(${sel('node_boot_time_seconds', q)}[15m])`,
      comparison: '>',
      threshold: 0,
      summary: '{{ $labels.instance }} rebooted.',
      description:
        '{{ $labels.instance }} booted within the last 15 minutes. Expected if it was patched; otherwise look for a crash or power loss.',
    },
  ],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['up'], kind: 'stat', width: 4 },
        { signals: ['uptime'], kind: 'stat', width: 4 },
        { signals: ['cpuCores'], kind: 'stat', width: 4 },
        { signals: ['cpuUtilisation'], kind: 'gauge', width: 4 },
        { signals: ['memoryUtilisation'], kind: 'gauge', width: 4 },
        { signals: ['loadPerCore'], kind: 'stat', width: 4 },
      ],
    },
    {
      title: 'CPU and load',
      panels: [
        { signals: ['cpuUtilisation'], width: 8 },
        { signals: ['cpuByMode'], stack: true, width: 8 },
        {
          signals: ['load1', 'load5', 'load15'],
          title: 'Load average',
          description:
            'Runnable and uninterruptible tasks averaged over 1, 5 and 15 minutes; compare with the core count.',
          width: 8,
        },
      ],
    },
    {
      title: 'Memory',
      panels: [
        { signals: ['memoryUtilisation'], width: 12 },
        {
          signals: ['memoryUsed', 'memoryCached', 'swapUsed', 'memoryTotal'],
          title: 'Memory breakdown',
          description: 'Used memory, page cache and buffers, swap in use, and the total, in bytes.',
          width: 12,
        },
      ],
    },
    {
      title: 'Filesystems',
      panels: [
        { signals: ['filesystemFree'], width: 8 },
        { signals: ['filesystemAvailable'], width: 8 },
        { signals: ['inodesFree'], width: 8 },
      ],
    },
    {
      title: 'Disks',
      panels: [
        { signals: ['diskIoUtilisation'], width: 6 },
        { signals: ['diskIoQueue'], width: 6 },
        {
          signals: ['diskReadBytes', 'diskWriteBytes'],
          title: 'Disk throughput',
          description: 'Bytes read and written per second on each block device.',
          width: 6,
        },
        {
          signals: ['diskReadOps', 'diskWriteOps'],
          title: 'Disk IOPS',
          description: 'Read and write operations completed per second on each block device.',
          width: 6,
        },
      ],
    },
    {
      title: 'Network',
      panels: [
        {
          signals: ['networkReceive', 'networkTransmit'],
          title: 'Network traffic',
          description: 'Bytes received and sent per second on each interface (loopback left out).',
          width: 12,
        },
        { signals: ['networkErrors'], width: 6 },
        { signals: ['networkDrops'], width: 6 },
      ],
    },
    {
      title: 'System',
      panels: [
        { signals: ['fileDescriptors'], width: 6 },
        { signals: ['clockOffset'], width: 6 },
        { signals: ['clockSynchronised'], kind: 'stat', width: 6 },
        { signals: ['systemdFailedUnits'], kind: 'stat', width: 6 },
      ],
    },
  ],
});
