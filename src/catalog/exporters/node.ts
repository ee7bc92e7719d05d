import { increasedWithin, sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext, Requirement, SignalVariant } from '../types';

// Pseudo and container filesystems that would flood panels and fire no useful alert.
const REAL_FS = 'fstype!~"tmpfs|ramfs|devtmpfs|squashfs|nsfs|autofs|fuse.lxcfs",mountpoint!=""';
// The loopback device carries the host's own traffic, not the network's.
const REAL_NIC = 'device!="lo"';

const cpuCount = (q: QueryContext) => `count by (${q.by}) (${sel('node_cpu_seconds_total', q, 'mode="idle"')})`;
/**
 * Per CPU, the share of time it had nothing to run: idle and iowait. node_exporter sends iowait as a mode of its
 * own beside idle (collector/cpu_linux.go, v1.3.0 – v1.12.1), and it is idle time (the CPU waits on a disk, it
 * does not work): counted as busy, a disk-bound host with idle CPUs read as "CPU saturated".
 */
const cpuUnused = (q: QueryContext) =>
  `sum without (mode) (rate(${sel('node_cpu_seconds_total', q, 'mode=~"idle|iowait"')}[${q.range}]))`;

const fsFreePercent = (q: QueryContext) =>
  `100 * ${sel('node_filesystem_avail_bytes', q, REAL_FS)} / ${sel('node_filesystem_size_bytes', q, REAL_FS)}`;
// Read-only filesystems (e.g. remounted after errors) cannot fill up: their alerts would be noise.
const fsWritable = (q: QueryContext) => `${sel('node_filesystem_readonly', q, REAL_FS)} == 0`;
const fsPredictedFullWithin = (hours: number) => (q: QueryContext) =>
  `predict_linear(${sel('node_filesystem_avail_bytes', q, REAL_FS)}[6h], ${hours} * 3600) < 0`;
// A filesystem out of inodes refuses new files with space to spare. Filesystems with dynamic inodes
// (btrfs, some network filesystems) report 0 files: the division gives NaN there, which no rule matches.
const inodesFreePercent = (q: QueryContext) =>
  `100 * ${sel('node_filesystem_files_free', q, REAL_FS)} / ${sel('node_filesystem_files', q, REAL_FS)}`;
const inodesPredictedOutWithin = (hours: number) => (q: QueryContext) =>
  `predict_linear(${sel('node_filesystem_files_free', q, REAL_FS)}[6h], ${hours} * 3600) < 0`;
const psiShare = (resource: 'cpu' | 'memory' | 'io') => (q: QueryContext) =>
  `rate(${sel(`node_pressure_${resource}_waiting_seconds_total`, q)}[${q.range}])`;
const diskLatency = (op: 'read' | 'write', done: 'reads' | 'writes') => (q: QueryContext) =>
  `rate(${sel(`node_disk_${op}_time_seconds_total`, q)}[${q.range}]) / rate(${sel(`node_disk_${done}_completed_total`, q)}[${q.range}])`;

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
// NRestarts is read only with this flag as well (collector/systemd_linux.go, 1.3 – 1.12), and systemd ≥ 235 has it.
const SYSTEMD_RESTARTS: Requirement = {
  kind: 'flag',
  enable: '--collector.systemd --collector.systemd.enable-restarts-metrics',
  offByDefault: true,
};
const TCPSTAT: Requirement = { kind: 'collector', enable: '--collector.tcpstat', offByDefault: true };
// Default collectors whose series exist only where the hardware or kernel feature does.
const NO_MD = 'the host has no Linux software RAID (md) arrays';
const NO_BOND = 'the host has no bonded network interfaces';
const NO_EDAC = 'the host has no ECC memory with an EDAC driver (most VMs)';
const NO_HWMON = 'the host exposes no hardware sensors (most VMs)';
const NO_CONNTRACK = 'the nf_conntrack kernel module is not loaded (no stateful firewall or NAT)';
const NO_PSI = 'the kernel is older than 4.20 or runs without pressure stall information (psi=0)';

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
    },
    {
      id: 'memoryUtilisation',
      direction: 'above',
      warning: 90,
      critical: 97,
      min: 1,
    },
    {
      id: 'loadPerCore',
      direction: 'above',
      warning: 2,
      critical: 4,
      min: 0.1,
      max: 100,
    },
    {
      id: 'filesystemFillingUp',
      title: 'Filesystem free space, filling up',
      unit: 'percent',
      direction: 'below',
      warning: 40,
      critical: 20,
      min: 0,
      description:
        'Free space below which a filesystem that is predicted to fill up alerts (24 h ahead for warning, 4 h for critical).',
    },
    {
      id: 'filesystemFree',
      direction: 'below',
      warning: 5,
      critical: 3,
      min: 0,
      description: 'Free space below which a filesystem alerts whatever its trend.',
    },
    {
      id: 'inodesFillingUp',
      title: 'Inodes free, filling up',
      unit: 'percent',
      direction: 'below',
      warning: 40,
      critical: 20,
      min: 0,
      description:
        'Free inodes below which a filesystem that is predicted to run out of them alerts (24 h ahead for warning, 4 h for critical).',
    },
    {
      id: 'inodesFree',
      title: 'Inodes free',
      unit: 'percent',
      direction: 'below',
      warning: 5,
      critical: 3,
      min: 0,
      description: 'Free inodes below which a filesystem alerts whatever its trend.',
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
    },
    {
      id: 'networkErrors',
      unit: 'percent',
      direction: 'above',
      warning: 1,
      min: 0.001,
      description: 'Share of packets with errors on an interface.',
    },
    {
      id: 'conntrackUsage',
      direction: 'above',
      warning: 75,
      min: 1,
    },
    {
      id: 'majorPageFaults',
      direction: 'above',
      warning: 500,
      min: 1,
      max: 1000000,
      description:
        'Major page faults per second (pages read back from disk or swap) above which the host is thrashing.',
    },
    {
      id: 'fileDescriptors',
      direction: 'above',
      warning: 90,
      min: 1,
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'Exporter up',
      description: 'Whether Prometheus reached node_exporter at its last scrape (1 = up).',
      unit: 'bool_yes_no',
      expr: (q) => `up{${q.selector}} and on (${q.by}) ${sel('node_uname_info', q)}`,
    },
    {
      id: 'uptime',
      title: 'Uptime',
      description: 'Time since the host booted, by its own clock.',
      unit: 'dtdurations',
      // The host's clock (node_time_seconds) minus the boot time it reports, not Prometheus' time(): btime of
      // /proc/stat is read in the host's clock too, so a host whose clock runs behind Prometheus' by more than 15
      // minutes (a hardware clock read at boot) never fired NodeRebooted, and one ahead by D kept it firing for D past
      // the 15 minutes after each boot. On node_exporter 1.5 (the test stack) node_time_seconds −
      // node_boot_time_seconds was /proc/uptime to the second. Prometheus' clock only where the time collector is
      // switched off (--no-collector.time).
      variants: [
        {
          note: 'node_exporter ≥ 1.3 (the time collector, on by default)',
          expr: (q) => `${sel('node_time_seconds', q)} - ${sel('node_boot_time_seconds', q)}`,
        },
        {
          note: 'node_exporter with --no-collector.time',
          expr: (q) => `time() - ${sel('node_boot_time_seconds', q)}`,
        },
      ],
    },
    {
      id: 'cpuCores',
      title: 'CPU cores',
      description: 'Number of logical CPUs the kernel reports.',
      unit: 'short',
      expr: cpuCount,
    },
    {
      id: 'cpuUtilisation',
      title: 'CPU utilisation',
      description: 'Share of CPU time spent working (neither idle nor waiting on I/O), averaged over all cores.',
      unit: 'percent',
      expr: (q) => `100 * (1 - avg by (${q.by}) (${cpuUnused(q)}))`,
      threshold: 'cpuUtilisation',
    },
    {
      id: 'cpuByMode',
      title: 'CPU time by mode',
      description:
        'Share of CPU time per mode (user, system, iowait, steal, …), averaged over all cores; idle is left out.',
      unit: 'percentunit',
      expr: (q) => `avg by (${q.by}, mode) (rate(${sel('node_cpu_seconds_total', q, 'mode!="idle"')}[${q.range}]))`,
      legend: '{{instance}} {{mode}}',
    },
    {
      id: 'loadPerCore',
      title: 'Load per core',
      description: '1-minute load average divided by the number of cores; above 1, runnable work waits for a CPU.',
      unit: 'short',
      expr: (q) => `sum by (${q.by}) (${sel('node_load1', q)}) / ${cpuCount(q)}`,
      threshold: 'loadPerCore',
      min: 0,
    },
    {
      id: 'load1',
      title: 'Load average 1m',
      description: 'Runnable and uninterruptible tasks, averaged over 1 minute.',
      unit: 'short',
      expr: (q) => sel('node_load1', q),
      legend: '{{instance}} 1m',
    },
    {
      id: 'load5',
      title: 'Load average 5m',
      description: 'Runnable and uninterruptible tasks, averaged over 5 minutes.',
      unit: 'short',
      expr: (q) => sel('node_load5', q),
      legend: '{{instance}} 5m',
    },
    {
      id: 'load15',
      title: 'Load average 15m',
      description: 'Runnable and uninterruptible tasks, averaged over 15 minutes.',
      unit: 'short',
      expr: (q) => sel('node_load15', q),
      legend: '{{instance}} 15m',
    },
    {
      id: 'memoryUtilisation',
      title: 'Memory utilisation',
      description: 'Share of memory not available to new processes without swapping (1 − MemAvailable / MemTotal).',
      unit: 'percent',
      expr: (q) => `100 * (1 - ${sel('node_memory_MemAvailable_bytes', q)} / ${sel('node_memory_MemTotal_bytes', q)})`,
      threshold: 'memoryUtilisation',
    },
    {
      id: 'memoryTotal',
      title: 'Memory total',
      description: 'Physical memory the kernel manages.',
      unit: 'bytes',
      expr: (q) => sel('node_memory_MemTotal_bytes', q),
    },
    {
      id: 'memoryUsed',
      title: 'Memory used',
      description: 'Memory in use by processes and the kernel (MemTotal − MemAvailable).',
      unit: 'bytes',
      expr: (q) => `${sel('node_memory_MemTotal_bytes', q)} - ${sel('node_memory_MemAvailable_bytes', q)}`,
      legend: '{{instance}} used',
    },
    {
      id: 'memoryCached',
      title: 'Page cache and buffers',
      description: 'Memory holding file data (Cached + Buffers); the kernel gives it back under pressure.',
      unit: 'bytes',
      expr: (q) => `${sel('node_memory_Cached_bytes', q)} + ${sel('node_memory_Buffers_bytes', q)}`,
      legend: '{{instance}} cache + buffers',
    },
    {
      id: 'swapUsed',
      title: 'Swap used',
      description: 'Swap space in use (SwapTotal − SwapFree); steady growth means memory pressure.',
      unit: 'bytes',
      expr: (q) => `${sel('node_memory_SwapTotal_bytes', q)} - ${sel('node_memory_SwapFree_bytes', q)}`,
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
    },
    {
      id: 'filesystemAvailable',
      title: 'Filesystem space available',
      description: 'Bytes free for unprivileged users on each filesystem.',
      unit: 'bytes',
      expr: (q) => sel('node_filesystem_avail_bytes', q, REAL_FS),
      legend: '{{instance}} {{mountpoint}}',
    },
    {
      id: 'inodesFree',
      title: 'Inodes free',
      description: 'Share of inodes still free; a filesystem out of inodes refuses new files even with space left.',
      unit: 'percent',
      // The same value the inode alerts compare.
      expr: inodesFreePercent,
      legend: '{{instance}} {{mountpoint}}',
      threshold: 'inodesFree',
    },
    {
      id: 'diskIoUtilisation',
      title: 'Disk busy time',
      description: 'Share of time each block device had I/O in progress; near 100% the device is the bottleneck.',
      unit: 'percentunit',
      expr: (q) => `rate(${sel('node_disk_io_time_seconds_total', q)}[${q.range}])`,
      legend: '{{instance}} {{device}}',
    },
    {
      id: 'diskIoQueue',
      title: 'Disk I/O queue',
      description: 'Average I/O requests in flight per device (weighted I/O time per second).',
      unit: 'short',
      expr: (q) => `rate(${sel('node_disk_io_time_weighted_seconds_total', q)}[${q.range}])`,
      legend: '{{instance}} {{device}}',
      threshold: 'diskIoQueue',
    },
    {
      id: 'diskReadBytes',
      title: 'Disk read throughput',
      description: 'Bytes read per second from each block device.',
      unit: 'Bps',
      expr: (q) => `rate(${sel('node_disk_read_bytes_total', q)}[${q.range}])`,
      legend: '{{instance}} {{device}} read',
    },
    {
      id: 'diskWriteBytes',
      title: 'Disk write throughput',
      description: 'Bytes written per second to each block device.',
      unit: 'Bps',
      expr: (q) => `rate(${sel('node_disk_written_bytes_total', q)}[${q.range}])`,
      legend: '{{instance}} {{device}} written',
    },
    {
      id: 'diskReadOps',
      title: 'Disk reads',
      description: 'Read operations completed per second on each block device.',
      unit: 'iops',
      expr: (q) => `rate(${sel('node_disk_reads_completed_total', q)}[${q.range}])`,
      legend: '{{instance}} {{device}} reads',
    },
    {
      id: 'diskWriteOps',
      title: 'Disk writes',
      description: 'Write operations completed per second on each block device.',
      unit: 'iops',
      expr: (q) => `rate(${sel('node_disk_writes_completed_total', q)}[${q.range}])`,
      legend: '{{instance}} {{device}} writes',
    },
    {
      id: 'networkReceive',
      title: 'Network received',
      description: 'Bytes received per second on each interface (loopback left out).',
      unit: 'Bps',
      expr: (q) => `rate(${sel('node_network_receive_bytes_total', q, REAL_NIC)}[${q.range}])`,
      legend: '{{instance}} {{device}} in',
    },
    {
      id: 'networkTransmit',
      title: 'Network sent',
      description: 'Bytes sent per second on each interface (loopback left out).',
      unit: 'Bps',
      expr: (q) => `rate(${sel('node_network_transmit_bytes_total', q, REAL_NIC)}[${q.range}])`,
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
      expr: (q) => `100 * ${sel('node_filefd_allocated', q)} / ${sel('node_filefd_maximum', q)}`,
      threshold: 'fileDescriptors',
    },
    {
      id: 'clockOffset',
      title: 'Clock offset',
      // node_timex_offset_seconds is adjtimex's offset (collector/timex.go, v1.3.0 – v1.12.1): what the kernel's
      // PLL still has to correct. chronyd zeroes it and turns the PLL off at start (initialise_timex in
      // sys_timex.c, chrony 3.0 – 4.8) and slews by frequency instead, so on chrony hosts it reads 0 for ever.
      description:
        'Offset the kernel still has to correct between the host clock and its time source (adjtimex). chronyd does not use the kernel’s correction: on chrony hosts this reads 0 whatever the clock does (the chrony pack reads chronyd’s own offset).',
      unit: 's',
      expr: (q) => sel('node_timex_offset_seconds', q),
      threshold: 'clockOffset',
    },
    {
      id: 'clockSynchronised',
      title: 'Clock synchronised',
      // chronyd clears the kernel's unsynchronised flag only with rtcsync in its configuration (set_sync_status in
      // sys_timex.c, chrony 3.0 – 4.8); it still keeps maxerror small, which is why NodeClockNotSynchronising also
      // needs maxerror at its 16 s ceiling.
      description:
        'Whether the kernel considers the clock synchronised to a time source (1 = yes). chronyd sets it only with rtcsync in its configuration: without it this reads No on a synchronised chrony host.',
      unit: 'bool_yes_no',
      expr: (q) => sel('node_timex_sync_status', q),
    },
    {
      id: 'cpuPerCore',
      title: 'CPU utilisation per core',
      description:
        'Share of time each logical CPU is working (neither idle nor waiting on I/O); one core pinned at 100% while the average is low points at a single-threaded bottleneck or an IRQ bound to one core.',
      unit: 'percentunit',
      expr: (q) => `1 - ${cpuUnused(q)}`,
      legend: '{{instance}} cpu {{cpu}}',
    },
    {
      id: 'cpuPressure',
      title: 'CPU pressure',
      description:
        'Share of time at least one runnable task waited for a CPU (PSI "some"); sustained values mean the host needs more CPU than it has.',
      unit: 'percentunit',
      expr: psiShare('cpu'),
      legend: '{{instance}} cpu',
      optional: NO_PSI,
    },
    {
      id: 'memoryPressure',
      title: 'Memory pressure',
      description:
        'Share of time at least one task stalled waiting for memory (reclaim, swap-in, refaults; PSI "some"): the earliest sign of memory shortage.',
      unit: 'percentunit',
      expr: psiShare('memory'),
      legend: '{{instance}} memory',
      optional: NO_PSI,
    },
    {
      id: 'ioPressure',
      title: 'I/O pressure',
      description: 'Share of time at least one task stalled waiting for block I/O (PSI "some").',
      unit: 'percentunit',
      expr: psiShare('io'),
      legend: '{{instance}} io',
      optional: NO_PSI,
    },
    {
      id: 'memorySlabReclaimable',
      title: 'Kernel slab memory, reclaimable',
      description: 'Kernel object caches the kernel gives back under pressure (dentries, inodes).',
      unit: 'bytes',
      expr: (q) => sel('node_memory_SReclaimable_bytes', q),
      legend: '{{instance}} slab reclaimable',
    },
    {
      id: 'memorySlabUnreclaimable',
      title: 'Kernel slab memory, unreclaimable',
      description:
        'Kernel slab memory the kernel cannot reclaim under pressure; growth without end is a kernel-side leak (a driver, or millions of sockets).',
      unit: 'bytes',
      expr: (q) => sel('node_memory_SUnreclaim_bytes', q),
      legend: '{{instance}} slab unreclaimable',
    },
    {
      id: 'swapIn',
      title: 'Swap-in',
      description:
        'Pages read back from swap per second; steady swap-in means the working set no longer fits in memory.',
      unit: 'short',
      expr: (q) => `rate(${sel('node_vmstat_pswpin', q)}[${q.range}])`,
      legend: '{{instance}} pages in',
    },
    {
      id: 'swapOut',
      title: 'Swap-out',
      description: 'Pages written to swap per second.',
      unit: 'short',
      expr: (q) => `rate(${sel('node_vmstat_pswpout', q)}[${q.range}])`,
      legend: '{{instance}} pages out',
    },
    {
      id: 'majorPageFaults',
      title: 'Major page faults',
      description:
        'Page faults per second that had to read from disk or swap; sustained high rates mean the host is thrashing.',
      unit: 'short',
      expr: (q) => `rate(${sel('node_vmstat_pgmajfault', q)}[${q.range}])`,
      legend: '{{instance}} major faults',
    },
    {
      id: 'oomKills',
      title: 'OOM kills',
      description: 'Processes the kernel killed for lack of memory, per interval (Linux ≥ 4.13 counts them).',
      unit: 'short',
      expr: (q) => `increase(${sel('node_vmstat_oom_kill', q)}[${q.range}])`,
      legend: '{{instance}} OOM kills',
    },
    {
      id: 'diskReadLatency',
      title: 'Disk read latency',
      description: 'Average time a read took on each device, queueing included (iostat r_await).',
      unit: 's',
      expr: diskLatency('read', 'reads'),
      legend: '{{instance}} {{device}} read',
    },
    {
      id: 'diskWriteLatency',
      title: 'Disk write latency',
      description: 'Average time a write took on each device, queueing included (iostat w_await).',
      unit: 's',
      expr: diskLatency('write', 'writes'),
      legend: '{{instance}} {{device}} write',
    },
    {
      id: 'conntrackUsage',
      title: 'Conntrack table use',
      description:
        'Connections the netfilter connection tracker holds as a share of its limit (nf_conntrack_max); when full, new connections are dropped.',
      unit: 'percent',
      expr: (q) => `100 * ${sel('node_nf_conntrack_entries', q)} / ${sel('node_nf_conntrack_entries_limit', q)}`,
      threshold: 'conntrackUsage',
      optional: NO_CONNTRACK,
    },
    {
      id: 'socketsUsed',
      title: 'Sockets in use',
      description: 'Sockets of every protocol the kernel has allocated.',
      unit: 'short',
      expr: (q) => sel('node_sockstat_sockets_used', q),
      legend: '{{instance}} sockets',
    },
    {
      id: 'tcpInUse',
      title: 'TCP sockets in use',
      description: 'IPv4 TCP sockets in use (listening and connected).',
      unit: 'short',
      expr: (q) => sel('node_sockstat_TCP_inuse', q),
      legend: '{{instance}} in use',
    },
    {
      id: 'tcpTimeWait',
      title: 'TCP sockets in TIME_WAIT',
      description:
        'Closed connections the kernel keeps for 60 s; tens of thousands mean many short connections and a risk of running out of local ports.',
      unit: 'short',
      expr: (q) => sel('node_sockstat_TCP_tw', q),
      legend: '{{instance}} time-wait',
    },
    {
      id: 'tcpOrphan',
      title: 'TCP orphan sockets',
      description: 'TCP sockets no process holds any more, still closing.',
      unit: 'short',
      expr: (q) => sel('node_sockstat_TCP_orphan', q),
      legend: '{{instance}} orphan',
    },
    {
      id: 'tcpEstablished',
      title: 'TCP connections established',
      description: 'TCP connections currently in the ESTABLISHED or CLOSE_WAIT state (IPv4 and IPv6).',
      unit: 'short',
      expr: (q) => sel('node_netstat_Tcp_CurrEstab', q),
      legend: '{{instance}} established',
    },
    {
      id: 'tcpRetransmits',
      title: 'TCP retransmitted segments',
      description:
        'Share of sent TCP segments that were retransmissions; a few percent points at packet loss on the path.',
      unit: 'percentunit',
      expr: (q) =>
        `rate(${sel('node_netstat_Tcp_RetransSegs', q)}[${q.range}]) / rate(${sel('node_netstat_Tcp_OutSegs', q)}[${q.range}])`,
      legend: '{{instance}} retransmitted',
      axisFitsData: 'read near 0: a few percent already means packet loss',
    },
    {
      id: 'tcpStates',
      requires: TCPSTAT,
      title: 'TCP connections by state',
      description: 'TCP connections per state (established, time_wait, close_wait, syn_recv, …).',
      unit: 'short',
      // tcpstat also reports the bytes queued on all sockets as state="rx_queued_bytes"/"tx_queued_bytes"
      // (collector/tcpstat_linux.go, 1.3 – 1.12): bytes, not connections, so they stay off this panel.
      expr: (q) => sel('node_tcp_connection_states', q, 'state!~"rx_queued_bytes|tx_queued_bytes"'),
      legend: '{{instance}} {{state}}',
      optional: 'the tcpstat collector is not enabled (it is off by default: --collector.tcpstat)',
    },
    {
      id: 'procsRunning',
      title: 'Processes running',
      description: 'Tasks runnable or running right now; more than the core count means tasks wait for a CPU.',
      unit: 'short',
      expr: (q) => sel('node_procs_running', q),
      legend: '{{instance}} running',
    },
    {
      id: 'procsBlocked',
      title: 'Processes blocked',
      description: 'Tasks blocked waiting for I/O (state D); a steady count points at slow storage or a hung mount.',
      unit: 'short',
      expr: (q) => sel('node_procs_blocked', q),
      legend: '{{instance}} blocked',
    },
    {
      id: 'hwmonTemperature',
      title: 'Hardware temperatures',
      description: 'Temperature of each hardware sensor the kernel exposes (CPU packages, cores, disks, boards).',
      unit: 'celsius',
      expr: (q) => sel('node_hwmon_temp_celsius', q),
      legend: '{{instance}} {{chip}} {{sensor}}',
      optional: NO_HWMON,
    },
    {
      id: 'edacCorrectable',
      title: 'Memory errors corrected',
      description:
        'ECC errors the memory controller corrected, per interval; a rising count on one controller is a DIMM wearing out.',
      unit: 'short',
      expr: (q) => `increase(${sel('node_edac_correctable_errors_total', q)}[${q.range}])`,
      legend: '{{instance}} {{controller}} corrected',
      optional: NO_EDAC,
    },
    {
      id: 'edacUncorrectable',
      title: 'Memory errors not corrected',
      description: 'ECC errors the memory controller could not correct, per interval: data was lost.',
      unit: 'short',
      expr: (q) => `increase(${sel('node_edac_uncorrectable_errors_total', q)}[${q.range}])`,
      legend: '{{instance}} {{controller}} uncorrected',
      optional: NO_EDAC,
    },
    {
      id: 'raidDisksMissing',
      title: 'RAID disks missing',
      description:
        'Per md array, the disks it is built for minus the active ones: above 0 the array runs degraded (or rebuilds).',
      unit: 'short',
      expr: (q) =>
        `${sel('node_md_disks_required', q)} - ignoring (state) ${sel('node_md_disks', q, 'state="active"')}`,
      legend: '{{instance}} {{device}} missing',
      optional: NO_MD,
    },
    {
      id: 'raidDisksFailed',
      title: 'RAID disks failed',
      description: 'Per md array, member disks marked failed (F in /proc/mdstat).',
      unit: 'short',
      expr: (q) => sel('node_md_disks', q, 'state="failed"'),
      legend: '{{instance}} {{device}} failed',
      optional: NO_MD,
    },
    {
      id: 'bondSlavesDown',
      title: 'Bond members down',
      description:
        'Per bonded interface, member links configured minus those up: above 0 the bond has lost redundancy.',
      unit: 'short',
      expr: (q) => `${sel('node_bonding_slaves', q)} - ${sel('node_bonding_active', q)}`,
      legend: '{{instance}} {{master}}',
      optional: NO_BOND,
    },
    {
      id: 'textfileError',
      title: 'Textfile collector error',
      description:
        'Whether node_exporter failed to read or parse a *.prom file of its textfile directory (1 = failed): the metrics of that file are missing.',
      unit: 'bool_yes_no',
      expr: (q) => sel('node_textfile_scrape_error', q),
    },
    {
      id: 'systemdRestarts',
      requires: SYSTEMD_RESTARTS,
      title: 'Service restarts',
      description: 'Automatic restarts of each systemd service per interval (systemd’s NRestarts, systemd ≥ 235).',
      unit: 'short',
      expr: (q) => `increase(${sel('node_systemd_service_restart_total', q)}[${q.range}])`,
      legend: '{{instance}} {{name}}',
      optional:
        'the systemd collector runs without --collector.systemd.enable-restarts-metrics (both are off by default), or systemd is older than 235',
    },
    {
      id: 'systemdFailedUnits',
      requires: SYSTEMD,
      title: 'Failed systemd units',
      // The systemd collector is not a default collector in any node_exporter release (1.3 – 1.12,
      // collector/systemd_linux.go): the panel says so (from `requires`), or an empty panel reads as "no failed units".
      description: 'Units in the failed state, per host.',
      unit: 'short',
      expr: (q) => `sum by (${q.by}) (${sel('node_systemd_unit_state', q, 'state="failed"')})`,
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
      signal: 'filesystemFree',
      filters: [fsPredictedFullWithin(24), fsWritable],
      threshold: 'filesystemFillingUp',
      summary: 'Filesystem {{ $labels.mountpoint }} on {{ $labels.instance }} is predicted to fill up within 24 hours.',
      description:
        'Filesystem {{ $labels.mountpoint }} ({{ $labels.device }}) on {{ $labels.instance }} has little space left and at its current rate of growth will be full within a day. Free space or grow the volume.',
    },
    {
      id: 'fs-filling-up-fast',
      name: 'NodeFilesystemSpaceFillingUpFast',
      severity: 'critical',
      for: '1h',
      signal: 'filesystemFree',
      filters: [fsPredictedFullWithin(4), fsWritable],
      threshold: 'filesystemFillingUp',
      summary: 'Filesystem {{ $labels.mountpoint }} on {{ $labels.instance }} is predicted to fill up within 4 hours.',
      description:
        'Filesystem {{ $labels.mountpoint }} ({{ $labels.device }}) on {{ $labels.instance }} is nearly full and filling fast: at its current rate it will be full within 4 hours. Act now: free space or grow the volume.',
    },
    {
      id: 'fs-almost-full',
      name: 'NodeFilesystemAlmostOutOfSpace',
      severity: 'warning',
      for: '30m',
      signal: 'filesystemFree',
      filters: [fsWritable],
      threshold: 'filesystemFree',
      summary: 'Filesystem {{ $labels.mountpoint }} on {{ $labels.instance }} is almost full.',
      description:
        'Filesystem {{ $labels.mountpoint }} ({{ $labels.device }}) on {{ $labels.instance }} has less free space than the warning threshold. Free space or grow the volume before writes start failing.',
    },
    {
      id: 'fs-full',
      name: 'NodeFilesystemOutOfSpace',
      severity: 'critical',
      for: '30m',
      signal: 'filesystemFree',
      filters: [fsWritable],
      threshold: 'filesystemFree',
      summary: 'Filesystem {{ $labels.mountpoint }} on {{ $labels.instance }} is out of space.',
      description:
        'Filesystem {{ $labels.mountpoint }} ({{ $labels.device }}) on {{ $labels.instance }} has less free space than the critical threshold; writes will fail soon. Free space now.',
    },
    {
      id: 'inodes-filling-up',
      name: 'NodeFilesystemFilesFillingUp',
      severity: 'warning',
      for: '1h',
      signal: 'inodesFree',
      filters: [inodesPredictedOutWithin(24), fsWritable],
      threshold: 'inodesFillingUp',
      summary:
        'Filesystem {{ $labels.mountpoint }} on {{ $labels.instance }} is predicted to run out of inodes within 24 hours.',
      description:
        'Filesystem {{ $labels.mountpoint }} ({{ $labels.device }}) on {{ $labels.instance }} has few inodes left and at the current rate of file creation will have none within a day; then no new file can be created, whatever the free space. Check first which directory gains files (`du --inodes -x {{ $labels.mountpoint }} | sort -n | tail`): often a cache, mail or session directory nobody cleans.',
    },
    {
      id: 'inodes-filling-up-fast',
      name: 'NodeFilesystemFilesFillingUpFast',
      severity: 'critical',
      for: '1h',
      signal: 'inodesFree',
      filters: [inodesPredictedOutWithin(4), fsWritable],
      threshold: 'inodesFillingUp',
      summary:
        'Filesystem {{ $labels.mountpoint }} on {{ $labels.instance }} is predicted to run out of inodes within 4 hours.',
      description:
        'Filesystem {{ $labels.mountpoint }} ({{ $labels.device }}) on {{ $labels.instance }} is running out of inodes fast: within 4 hours no new file can be created. Check first which process creates small files (`df -i`, then the busiest directories), stop it or delete what it wrote.',
    },
    {
      id: 'inodes-almost-out',
      name: 'NodeFilesystemAlmostOutOfFiles',
      severity: 'warning',
      for: '1h',
      signal: 'inodesFree',
      filters: [fsWritable],
      threshold: 'inodesFree',
      summary: 'Filesystem {{ $labels.mountpoint }} on {{ $labels.instance }} has almost no inodes left.',
      description:
        'Filesystem {{ $labels.mountpoint }} ({{ $labels.device }}) on {{ $labels.instance }} has fewer free inodes than the warning threshold. Check `df -i {{ $labels.mountpoint }}` and find the directories holding millions of small files; delete them, or recreate the filesystem with more inodes.',
    },
    {
      id: 'inodes-out',
      name: 'NodeFilesystemOutOfFiles',
      severity: 'critical',
      for: '1h',
      signal: 'inodesFree',
      filters: [fsWritable],
      threshold: 'inodesFree',
      summary: 'Filesystem {{ $labels.mountpoint }} on {{ $labels.instance }} is out of inodes.',
      description:
        'Filesystem {{ $labels.mountpoint }} ({{ $labels.device }}) on {{ $labels.instance }} has fewer free inodes than the critical threshold; creating files fails with "No space left on device" although `df -h` shows space. Delete small files now (`df -i`, then the directory that holds most).',
    },
    {
      id: 'memory-high',
      name: 'NodeMemoryHighUtilisation',
      severity: 'warning',
      for: '15m',
      // The lowest MemAvailable in the window: one missed scrape must not reset `for`.
      query: (q) =>
        `100 * (1 - min_over_time(${sel('node_memory_MemAvailable_bytes', q)}[${q.range}]) / ${sel('node_memory_MemTotal_bytes', q)})`,
      threshold: 'memoryUtilisation',
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
      summary: 'CPU on {{ $labels.instance }} is saturated.',
      description:
        'CPU utilisation on {{ $labels.instance }} has stayed above the threshold; work is queueing. Check the busiest processes or add capacity. Time the CPUs only wait on disks (iowait) is not counted: a host waiting on its disks shows in the Disks row and NodeDiskIOSaturation.',
    },
    {
      id: 'load-high',
      name: 'NodeHighLoad',
      severity: 'warning',
      for: '15m',
      query: (q) => `sum by (${q.by}) (max_over_time(${sel('node_load1', q)}[${q.range}])) / ${cpuCount(q)}`,
      threshold: 'loadPerCore',
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
      summary: 'Disk {{ $labels.device }} on {{ $labels.instance }} is saturated.',
      description:
        'The I/O queue of {{ $labels.device }} on {{ $labels.instance }} has stayed deep: requests wait for the device. Look for heavy writers or move load to faster storage.',
    },
    {
      id: 'clock-not-synced',
      name: 'NodeClockNotSynchronising',
      severity: 'warning',
      for: '10m',
      signal: 'clockSynchronised',
      overWindow: 'min',
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
      threshold: 'clockOffset',
      summary: 'The clock on {{ $labels.instance }} is off.',
      description:
        'The clock of {{ $labels.instance }} differs from its time source by more than the threshold. Time-based checks, TLS and log correlation suffer; check the time daemon. (This reads the kernel’s offset, which chronyd keeps at 0: on chrony hosts it cannot fire; watch them with chrony_exporter and the chrony pack’s ChronyClockErrorHigh.)',
    },
    {
      id: 'network-receive-errors',
      name: 'NodeNetworkReceiveErrors',
      severity: 'warning',
      for: '1h',
      query: nicErrorPercent('receive'),
      threshold: 'networkErrors',
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
      threshold: 'networkErrors',
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
      id: 'major-page-faults',
      name: 'NodeMemoryMajorPagesFaults',
      severity: 'warning',
      for: '15m',
      signal: 'majorPageFaults',
      threshold: 'majorPageFaults',
      summary: '{{ $labels.instance }} is reading memory pages back from disk at a high rate.',
      description:
        'Major page faults on {{ $labels.instance }} have stayed above the threshold: the working set no longer fits in memory and pages are read back from swap or disk, so everything slows down. Check first the Memory row (memory pressure, swap-in) and the processes with the largest resident size; add memory or move load.',
    },
    {
      id: 'oom-kill',
      name: 'NodeOOMKillDetected',
      severity: 'warning',
      for: '0s',
      // A kill is an event: the counter's increase keeps it firing for the window after it, then it resolves. A host
      // thrashing before the kill often answers no scrape for longer than the window: compared with the count last
      // seen before it too (increasedWithin), or the kill that ended the thrashing was never reported.
      query: (q) => increasedWithin(sel('node_vmstat_oom_kill', q), '15m'),
      comparison: '>',
      threshold: 0,
      summary: 'The kernel killed a process on {{ $labels.instance }} for lack of memory.',
      description:
        'The OOM killer ran on {{ $labels.instance }} within the last 15 minutes, or while the host answered no scrapes before them (a thrashing host often does). Check first which process it killed (`journalctl -k | grep -i "killed process"`) and whether a service restarted; then the memory limits of that service or the host’s memory.',
      optional: 'the kernel is older than 4.13 (it does not count OOM kills in /proc/vmstat)',
    },
    {
      id: 'conntrack-high',
      name: 'NodeConntrackTableFilling',
      severity: 'warning',
      for: '10m',
      signal: 'conntrackUsage',
      summary: 'The connection-tracking table of {{ $labels.instance }} is filling up.',
      description:
        'The netfilter conntrack table on {{ $labels.instance }} holds more entries than the threshold allows of nf_conntrack_max; when it is full the kernel drops new connections ("nf_conntrack: table full, dropping packet"). Check first `conntrack -S` and which peers hold most entries (`conntrack -L`), then raise net.netfilter.nf_conntrack_max or shorten the timeouts.',
      optional: NO_CONNTRACK,
    },
    {
      id: 'textfile-error',
      name: 'NodeTextFileCollectorScrapeError',
      severity: 'warning',
      for: '15m',
      signal: 'textfileError',
      comparison: '>',
      threshold: 0,
      // The error is also set when the directory itself cannot be read (missing, no permission): ReadDir's
      // error sets it like a bad file's (collector/textfile.go Update, v1.3.0 – v1.12.1), with its own log line;
      // and from v1.8.0 when two files give one metric different HELP texts ("inconsistent metric help text").
      summary: 'node_exporter on {{ $labels.instance }} cannot read its textfile-collector directory or a file in it.',
      description:
        'The textfile collector of {{ $labels.instance }} cannot read its directory (--collector.textfile.directory) or fails to read or parse a *.prom file in it, so the metrics those files carry (often backup or cron job results) are missing and their alerts are blind. Check first the node_exporter log. "failed to read textfile collector directory" names a directory that is missing or unreadable by node_exporter’s user. "failed to collect textfile data" names the file: look at the job writing it, which must write to a temporary file and rename it, never write in place. From node_exporter 1.8, "inconsistent metric help text" names a metric that two files describe with different HELP lines: make them agree.',
    },
    {
      id: 'raid-degraded',
      name: 'NodeRAIDDegraded',
      severity: 'critical',
      for: '15m',
      signal: 'raidDisksMissing',
      comparison: '>',
      threshold: 0,
      summary: 'RAID array {{ $labels.device }} on {{ $labels.instance }} is degraded.',
      description:
        'The md array {{ $labels.device }} on {{ $labels.instance }} has fewer active disks than it is built for, and no spare has taken over: one more failure may lose data. Check first `cat /proc/mdstat` and `mdadm --detail /dev/{{ $labels.device }}` (a rebuild in progress also shows here), then replace the failed disk.',
      optional: NO_MD,
    },
    {
      id: 'raid-disk-failed',
      name: 'NodeRAIDDiskFailure',
      severity: 'warning',
      for: '5m',
      signal: 'raidDisksFailed',
      comparison: '>',
      threshold: 0,
      summary: 'A disk of RAID array {{ $labels.device }} on {{ $labels.instance }} failed.',
      description:
        'The md array {{ $labels.device }} on {{ $labels.instance }} has a member marked failed. While a spare covers it the array is still whole (NodeRAIDDegraded fires when not). Check first `mdadm --detail /dev/{{ $labels.device }}` and the disk’s SMART data, then replace the disk and re-add it.',
      optional: NO_MD,
    },
    {
      id: 'bond-degraded',
      name: 'NodeBondingDegraded',
      severity: 'warning',
      for: '5m',
      signal: 'bondSlavesDown',
      comparison: '>',
      threshold: 0,
      summary: 'Bonded interface {{ $labels.master }} on {{ $labels.instance }} has lost a member link.',
      description:
        'One or more member links of {{ $labels.master }} on {{ $labels.instance }} are down: traffic still flows but without redundancy. Check first `cat /proc/net/bonding/{{ $labels.master }}` (which slave is down) and the cable, switch port and NIC of that slave.',
      optional: NO_BOND,
    },
    {
      id: 'edac-uncorrectable',
      name: 'NodeMemoryUncorrectableErrors',
      severity: 'critical',
      for: '0s',
      // Compared with the count last seen before the hour too (increasedWithin): errors counted while the exporter was
      // not scraped for longer than that were otherwise never reported.
      query: (q) => increasedWithin(sel('node_edac_uncorrectable_errors_total', q), '1h'),
      comparison: '>',
      threshold: 0,
      summary: 'Memory controller {{ $labels.controller }} on {{ $labels.instance }} reported uncorrectable errors.',
      description:
        'ECC memory on controller {{ $labels.controller }} of {{ $labels.instance }} reported errors it could not correct within the last hour, or while the host was not scraped before it: data in memory was corrupted and processes may have crashed. Check first `journalctl -k | grep -i edac` (or `edac-util -v`) for the DIMM, then drain the host and replace that module.',
      optional: NO_EDAC,
    },
    {
      id: 'systemd-crashlooping',
      name: 'NodeSystemdServiceCrashlooping',
      severity: 'warning',
      for: '15m',
      signal: 'systemdRestarts',
      comparison: '>',
      threshold: 2,
      summary: 'Systemd service {{ $labels.name }} on {{ $labels.instance }} keeps restarting.',
      description:
        'systemd has restarted {{ $labels.name }} on {{ $labels.instance }} more than twice every 5 minutes for a quarter of an hour: it is crash-looping and never reaches the failed state NodeSystemdServiceFailed watches. Check first `journalctl -u {{ $labels.name }} -n 100` for why it exits.',
      optional:
        'the systemd collector runs without --collector.systemd.enable-restarts-metrics (both are off by default), or systemd is older than 235',
    },
    {
      id: 'rebooted',
      name: 'NodeRebooted',
      severity: 'info',
      for: '0s',
      // The time since boot (by the host's clock: the uptime signal), not changes() of the boot time over 15m: a host
      // (or its exporter) down for longer than that window came back with only the new boot time in it, so changes()
      // read 0 and a crash with a long outage never fired. 15 minutes: long enough to be seen after the exporter
      // itself comes back up.
      signal: 'uptime',
      comparison: '<',
      threshold: 900,
      summary: '{{ $labels.instance }} rebooted.',
      description:
        '{{ $labels.instance }} booted within the last 15 minutes, by its own clock. Expected if it was patched; otherwise look for a crash or power loss.',
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
        { signals: ['cpuPerCore'], width: 12 },
        {
          signals: ['procsRunning', 'procsBlocked'],
          title: 'Processes running and blocked',
          description:
            'Tasks running or runnable, and tasks blocked on I/O (state D); many blocked tasks point at slow storage or a hung mount.',
          width: 12,
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
        {
          signals: ['memorySlabReclaimable', 'memorySlabUnreclaimable'],
          title: 'Kernel slab memory',
          description:
            'Kernel object caches: reclaimable (dentries, inodes) and unreclaimable; unreclaimable growth without end is a kernel-side leak.',
          width: 6,
        },
        {
          signals: ['swapIn', 'swapOut'],
          title: 'Swap activity',
          description: 'Pages read from and written to swap per second; steady swap-in means memory is short.',
          width: 6,
        },
        { signals: ['majorPageFaults'], width: 6 },
        { signals: ['oomKills'], width: 6 },
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
        {
          signals: ['diskReadLatency', 'diskWriteLatency'],
          title: 'Disk latency',
          description:
            'Average time a read and a write took on each device, queueing included (iostat r_await / w_await); compare with what the device type can do (ms for spinning disks, well under 1 ms for NVMe).',
          width: 24,
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
      title: 'Sockets and TCP',
      panels: [
        {
          signals: ['tcpInUse', 'tcpTimeWait', 'tcpOrphan', 'socketsUsed'],
          title: 'Sockets',
          description: 'TCP sockets in use, in TIME_WAIT and orphaned, and sockets of every protocol.',
          width: 8,
        },
        { signals: ['tcpEstablished'], width: 8 },
        { signals: ['tcpRetransmits'], width: 8 },
        { signals: ['tcpStates'], width: 12 },
        { signals: ['conntrackUsage'], width: 12 },
      ],
    },
    {
      title: 'Pressure (PSI)',
      panels: [
        { signals: ['cpuPressure'], width: 8 },
        { signals: ['memoryPressure'], width: 8 },
        { signals: ['ioPressure'], width: 8 },
      ],
    },
    {
      title: 'Hardware',
      panels: [
        { signals: ['hwmonTemperature'], width: 12 },
        {
          signals: ['edacCorrectable', 'edacUncorrectable'],
          title: 'Memory (ECC) errors',
          description:
            'Memory errors the controllers corrected and could not correct, per interval; corrected errors rising on one controller announce a failing DIMM.',
          width: 12,
        },
        {
          signals: ['raidDisksMissing', 'raidDisksFailed'],
          title: 'Software RAID (md)',
          description: 'Per md array: disks missing from the active set, and member disks marked failed.',
          width: 12,
        },
        { signals: ['bondSlavesDown'], width: 12 },
      ],
    },
    {
      title: 'System',
      panels: [
        { signals: ['fileDescriptors'], width: 6 },
        { signals: ['clockOffset'], width: 6 },
        { signals: ['clockSynchronised'], kind: 'stat', width: 6 },
        { signals: ['systemdFailedUnits'], kind: 'stat', width: 6 },
        { signals: ['textfileError'], kind: 'stat', width: 6 },
        { signals: ['systemdRestarts'], width: 18 },
      ],
    },
  ],
});
