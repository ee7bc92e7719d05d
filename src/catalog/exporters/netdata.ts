import { sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext } from '../types';

// Netdata exports each chart as netdata_<context>_<units>_average (the default source=average) with one
// series per dimension, labelled chart, family and dimension. Chart labels (device, mount_point, cpu) join
// them only from Netdata 1.40 (netdata/netdata #15099); Debian 12's 1.37 has none. So the queries group and
// name series by chart and family, which every version has: family is the mount point of a disk_space
// chart and the interface of a net chart in 1.37 and 2.x alike, and chart ids are unique per disk and core.
const MIB = 1024 * 1024;
const GIB = 1024 * 1024 * 1024;

// Netdata draws sent, outbound and write dimensions below the axis: their values are negative.
// abs() turns them into the magnitudes panels and thresholds expect.
const magnitude = (metric: string, q: QueryContext, extra = '') => `abs(${sel(metric, q, extra)})`;

const ramBytes = (dimension: string) => (q: QueryContext) =>
  `${sel('netdata_system_ram_MiB_average', q, `dimension="${dimension}"`)} * ${MIB}`;

// Worst values of the window: a failed scrape marks series stale and would reset an alert's `for`.
const memoryUsedPeak = (q: QueryContext) =>
  `100 * (1 - sum by (${q.by}) (min_over_time(${sel('netdata_mem_available_MiB_average', q)}[${q.range}])) / sum by (${q.by}) (${sel('netdata_system_ram_MiB_average', q)}))`;
const diskUsedPeak = (q: QueryContext) =>
  `100 * sum by (${q.by}, family) (max_over_time(${sel('netdata_disk_space_GiB_average', q, 'dimension="used"')}[${q.range}])) / sum by (${q.by}, family) (${sel('netdata_disk_space_GiB_average', q, 'dimension=~"used|avail"')})`;

const INODES = 'netdata_disk_inodes_inodes_average';
const inodesUsedPeak = (q: QueryContext) =>
  `100 * sum by (${q.by}, family) (max_over_time(${sel(INODES, q, 'dimension="used"')}[${q.range}])) / (sum by (${q.by}, family) (${sel(INODES, q, 'dimension=~"used|avail"')}) > 0)`;

const DROPS = 'netdata_net_drops_drops_persec_average';
const PACKETS = 'netdata_net_packets_packets_persec_average';
// Netdata's inbound/outbound_packets_dropped_ratio (health.d/net.conf) rate an interface's drops against its packets
// of the same direction over 10 minutes, and only above 10,000 received or 1,000 sent packets in them, so the odd
// drop on an idle interface is no ratio. net.packets names the directions received/sent and net.drops
// inbound/outbound: the packets take the drops' names, so the two divide series by series.
const packetsPerSecond = (
  q: QueryContext,
  window: string,
  iface: string,
  dimension: string,
  as: string,
  floor: number
) =>
  `label_replace(sum by (${q.by}, family) (abs(avg_over_time(${sel(PACKETS, q, [`dimension="${dimension}"`, iface].filter(Boolean).join(','))}[${window}]))) > ${floor} / 600, "dimension", "${as}", "", "")`;
const dropPercent = (q: QueryContext, window: string, iface = '') =>
  `100 * sum by (${q.by}, family, dimension) (abs(avg_over_time(${sel(DROPS, q, ['dimension=~"inbound|outbound"', iface].filter(Boolean).join(','))}[${window}]))) / (${packetsPerSecond(q, window, iface, 'received', 'inbound', 10000)} or ${packetsPerSecond(q, window, iface, 'sent', 'outbound', 1000)})`;
// Wireless interfaces (wl*) lose frames to interference and roaming whatever the host does: Netdata's
// wifi_*_packets_dropped_ratio alarms hold them to 10 % where wired ones warn at 2 %. The alert compares the wired
// ratio with the threshold, the wireless one only from that fixed 10 % on.
const DROP_WINDOW = '10m';
const WIRELESS_DROP_PERCENT = 10;

// CPU modes that are work. Waiting on I/O is not: a disk-bound host with idle CPUs is no CPU shortage (as the node
// pack's CPU utilisation; Netdata's own 10min_cpu_usage leaves iowait out too, health/health.d/cpu.conf v1.37.1).
const WORKING = 'dimension!~"idle|iowait"';

export const netdataExporter = defineExporter({
  id: 'netdata',
  title: 'Netdata',
  layer: 'infrastructure',
  defaultPort: 19999,
  docsUrl: 'https://learn.netdata.cloud/docs/exporting-metrics/prometheus',
  description:
    'Hosts monitored by a Netdata agent, scraped from /api/v1/allmetrics?format=prometheus: CPU, memory, disks and network.',
  detection: { metrics: ['netdata_info', 'netdata_system_cpu_percentage_average'] },
  infoMetrics: ['netdata_info', 'netdata_system_uptime_seconds_average'],
  versionMetric: { metric: 'netdata_info', label: 'version' },
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
      id: 'diskSpaceUsed',
      direction: 'above',
      warning: 90,
      critical: 95,
      min: 1,
    },
    {
      id: 'inodesUsed',
      direction: 'above',
      warning: 90,
      critical: 95,
      min: 1,
    },
    {
      id: 'packetsDropped',
      title: 'Packet drop ratio',
      unit: 'percent',
      direction: 'above',
      warning: 2,
      min: 0.1,
      max: 50,
      description:
        'Share of an interface’s packets dropped in one direction over 10 minutes (wireless interfaces alert from 10 % whatever this says).',
    },
    {
      // Not `networkErrors`: that signal draws errors and drops per second, this counts errors alone in 10 minutes.
      id: 'interfaceErrors10m',
      title: 'Interface errors in 10 minutes',
      unit: 'short',
      direction: 'above',
      warning: 5,
      min: 1,
      max: 100000,
      description: 'Errors an interface counted in one direction within 10 minutes.',
    },
    {
      id: 'diskBusy',
      direction: 'above',
      warning: 0.9,
      min: 0.01,
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'Agent up',
      description: 'Whether Prometheus reached the Netdata agent at its last scrape (1 = up).',
      unit: 'bool_yes_no',
      expr: (q) =>
        `${sel('up', q)} and on (${q.by}) (${sel('netdata_info', q)} or ${sel('netdata_system_uptime_seconds_average', q)})`,
    },
    {
      id: 'uptime',
      title: 'Uptime',
      description: 'Time since the host booted.',
      unit: 'dtdurations',
      expr: (q) => sel('netdata_system_uptime_seconds_average', q),
    },
    {
      id: 'cpuUtilisation',
      title: 'CPU utilisation',
      description:
        'Share of CPU time spent working (neither idle nor waiting on I/O), over all cores (Netdata’s system.cpu chart).',
      unit: 'percent',
      expr: (q) => `sum by (${q.by}) (${sel('netdata_system_cpu_percentage_average', q, WORKING)})`,
      threshold: 'cpuUtilisation',
    },
    {
      id: 'cpuByMode',
      title: 'CPU time by mode',
      description: 'Share of CPU time per mode (user, system, iowait, steal, …); idle is left out.',
      unit: 'percent',
      expr: (q) => sel('netdata_system_cpu_percentage_average', q, 'dimension!="idle"'),
      legend: '{{instance}} {{dimension}}',
    },
    {
      id: 'cpuPerCore',
      title: 'CPU utilisation per core',
      description:
        'Share of each core’s time working (neither idle nor waiting on I/O); one saturated core can throttle a single-threaded service while the average looks fine.',
      unit: 'percent',
      expr: (q) =>
        `100 - sum without (dimension) (${sel('netdata_cpu_cpu_percentage_average', q, 'dimension=~"idle|iowait"')})`,
      legend: '{{instance}} {{chart}}',
      optional:
        'per-core charts only exist where Netdata’s proc plugin collects /proc/stat per CPU (not in some containers)',
    },
    {
      id: 'load',
      title: 'Load average',
      description: 'Runnable and uninterruptible tasks averaged over 1, 5 and 15 minutes.',
      unit: 'short',
      expr: (q) => sel('netdata_system_load_load_average', q),
      legend: '{{instance}} {{dimension}}',
      min: 0,
    },
    {
      id: 'memoryUtilisation',
      title: 'Memory utilisation',
      description: 'Share of RAM not available to new processes without swapping (1 − available / total).',
      unit: 'percent',
      expr: (q) =>
        `100 * (1 - sum by (${q.by}) (${sel('netdata_mem_available_MiB_average', q)}) / sum by (${q.by}) (${sel('netdata_system_ram_MiB_average', q)}))`,
      threshold: 'memoryUtilisation',
    },
    {
      id: 'memoryUsed',
      title: 'Memory used',
      description: 'RAM used by processes and the kernel (excluding cache and buffers).',
      unit: 'bytes',
      expr: ramBytes('used'),
      legend: '{{instance}} used',
    },
    {
      id: 'memoryCached',
      title: 'Page cache',
      description: 'RAM holding cached file data; the kernel gives it back under pressure.',
      unit: 'bytes',
      expr: ramBytes('cached'),
      legend: '{{instance}} cached',
    },
    {
      id: 'swapUsed',
      title: 'Swap used',
      description: 'Swap space in use; steady growth means memory pressure.',
      unit: 'bytes',
      expr: (q) => `${sel('netdata_mem_swap_MiB_average', q, 'dimension="used"')} * ${MIB}`,
      legend: '{{instance}} swap',
      optional: 'hosts without swap have no mem.swap chart',
    },
    {
      id: 'oomKills',
      title: 'OOM kills',
      description:
        'Processes the kernel killed for lack of memory, per second as Netdata averages them over each scrape interval: any value above zero is a kill.',
      unit: 'ops',
      expr: (q) => sel('netdata_mem_oom_kill_kills_persec_average', q),
      legend: '{{instance}} OOM kills',
      min: 0,
      optional:
        'the kernel is older than 4.13 (no oom_kill line in /proc/vmstat, so Netdata draws no mem.oom_kill chart)',
    },
    {
      id: 'diskSpaceUsed',
      title: 'Disk space used',
      description:
        'Share of each filesystem in use (used / (used + available)); space reserved for root is left out, as df does.',
      unit: 'percent',
      expr: (q) =>
        `100 * sum by (${q.by}, family) (${sel('netdata_disk_space_GiB_average', q, 'dimension="used"')}) / sum by (${q.by}, family) (${sel('netdata_disk_space_GiB_average', q, 'dimension=~"used|avail"')})`,
      legend: '{{instance}} {{family}}',
      threshold: 'diskSpaceUsed',
    },
    {
      id: 'diskSpaceAvailable',
      title: 'Disk space available',
      description: 'Bytes available to unprivileged users on each filesystem.',
      unit: 'bytes',
      expr: (q) => `${sel('netdata_disk_space_GiB_average', q, 'dimension="avail"')} * ${GIB}`,
      legend: '{{instance}} {{family}}',
    },
    {
      id: 'inodesUsed',
      title: 'Inodes used',
      description:
        'Share of each filesystem’s inodes (file and directory entries) in use; at 100 % no file can be created whatever the free space.',
      unit: 'percent',
      expr: (q) =>
        `100 * sum by (${q.by}, family) (${sel(INODES, q, 'dimension="used"')}) / (sum by (${q.by}, family) (${sel(INODES, q, 'dimension=~"used|avail"')}) > 0)`,
      legend: '{{instance}} {{family}}',
      threshold: 'inodesUsed',
      // diskspace.plugin (plugin_diskspace.c, v1.42.0 and v2.11.0) skips the inode chart where statvfs reports no
      // inode count (f_favail of -1, e.g. cephfs) and, by default, on msdos/vfat, overlayfs, aufs and unionfs; btrfs
      // allocates inodes dynamically and reports a total of 0, which the `> 0` leaves out.
      optional:
        'filesystems without a fixed inode table report no inodes (btrfs, cephfs), and Netdata by default charts none for vfat, overlayfs, aufs or unionfs',
    },
    {
      id: 'diskThroughput',
      title: 'Disk throughput',
      description:
        'Bytes read and written per second on each disk (Netdata reports writes as negative; shown as magnitudes).',
      unit: 'Bps',
      expr: (q) => `${magnitude('netdata_disk_io_KiB_persec_average', q)} * 1024`,
      legend: '{{instance}} {{chart}} {{dimension}}',
      min: 0,
    },
    {
      id: 'diskOps',
      title: 'Disk operations',
      description: 'Read and write operations completed per second on each disk.',
      unit: 'iops',
      expr: (q) => magnitude('netdata_disk_ops_operations_persec_average', q),
      legend: '{{instance}} {{chart}} {{dimension}}',
      min: 0,
    },
    {
      id: 'diskBusy',
      title: 'Disk busy time',
      description:
        'Share of time each disk had I/O in progress (busy milliseconds per second); near 100% the disk is the bottleneck.',
      unit: 'percentunit',
      expr: (q) => `${sel('netdata_disk_busy_milliseconds_average', q)} / 1000`,
      legend: '{{instance}} {{chart}}',
      threshold: 'diskBusy',
    },
    {
      id: 'networkTraffic',
      title: 'Network traffic',
      description:
        'Bits received and sent per second on each interface (Netdata reports sent as negative; shown as magnitudes).',
      unit: 'bps',
      expr: (q) => `${magnitude('netdata_net_net_kilobits_persec_average', q)} * 1000`,
      legend: '{{instance}} {{family}} {{dimension}}',
      min: 0,
    },
    {
      id: 'networkPackets',
      title: 'Network packets',
      description: 'Packets received and sent per second on each interface.',
      unit: 'pps',
      expr: (q) => magnitude('netdata_net_packets_packets_persec_average', q),
      legend: '{{instance}} {{family}} {{dimension}}',
      min: 0,
    },
    {
      id: 'networkErrors',
      title: 'Network errors and drops',
      description:
        'Inbound and outbound errors plus dropped packets per second on each interface; sustained values point at drivers, cabling or full queues.',
      unit: 'pps',
      expr: (q) =>
        `sum by (${q.by}, family) (${magnitude('netdata_net_errors_errors_persec_average', q)}) + sum by (${q.by}, family) (${magnitude('netdata_net_drops_drops_persec_average', q)})`,
      legend: '{{instance}} {{family}}',
      min: 0,
      optional: 'interfaces without error or drop counters (some virtual ones) have no net_errors / net_drops charts',
    },
    {
      id: 'packetsDropped',
      title: 'Packet drop ratio',
      description:
        'Share of each interface’s received (inbound) and sent (outbound) packets that were dropped; drawn only while an interface moves more than 10,000 received or 1,000 sent packets per 10 minutes, as Netdata’s own alarm counts.',
      unit: 'percent',
      expr: (q) => dropPercent(q, q.range),
      legend: '{{instance}} {{family}} {{dimension}}',
      axisFitsData: 'read near 0: drops are a small share of the packets',
      optional:
        'no interface moves enough packets, or (Netdata 1.37 – 1.39) none has dropped a packet since the agent started: those create net_drops charts only once a counter moves',
    },
    {
      id: 'processes',
      title: 'Active processes',
      description: 'Number of processes on the host; runaway growth points at a fork loop or leaked workers.',
      unit: 'short',
      expr: (q) => sel('netdata_system_active_processes_processes_average', q),
      min: 0,
    },
  ],
  alerts: [
    {
      id: 'cpu-high',
      name: 'NetdataCpuHigh',
      severity: 'warning',
      for: '15m',
      query: (q) =>
        `sum by (${q.by}) (avg_over_time(${sel('netdata_system_cpu_percentage_average', q, WORKING)}[${q.range}]))`,
      threshold: 'cpuUtilisation',
      summary: 'CPU of {{ $labels.instance }} is busy.',
      description:
        'CPU utilisation of {{ $labels.instance }} has stayed above the warning threshold for 15 minutes. Netdata’s apps charts show which processes use it; add capacity if the load is legitimate. Time the CPUs only wait on disks (iowait) is not counted.',
    },
    {
      id: 'memory-high',
      name: 'NetdataMemoryHigh',
      severity: 'warning',
      for: '15m',
      query: memoryUsedPeak,
      threshold: 'memoryUtilisation',
      summary: 'Memory of {{ $labels.instance }} is nearly exhausted.',
      description:
        'Less than the threshold of RAM has been available on {{ $labels.instance }} for 15 minutes; the host will swap or the OOM killer will step in. Find the process using the memory (Netdata’s apps.mem chart) or add RAM.',
    },
    {
      id: 'memory-critical',
      name: 'NetdataMemoryCritical',
      severity: 'critical',
      for: '5m',
      query: memoryUsedPeak,
      threshold: 'memoryUtilisation',
      summary: '{{ $labels.instance }} is out of memory.',
      description:
        'Almost no RAM is available on {{ $labels.instance }}; the OOM killer is about to end processes. Stop or restart the process using the memory now, then add RAM or move load away.',
    },
    {
      id: 'disk-full',
      name: 'NetdataDiskAlmostFull',
      severity: 'warning',
      for: '15m',
      query: diskUsedPeak,
      threshold: 'diskSpaceUsed',
      summary: 'Filesystem {{ $labels.family }} on {{ $labels.instance }} is almost full.',
      description:
        'Filesystem {{ $labels.family }} on {{ $labels.instance }} is fuller than the warning threshold. Free space (logs, caches, old packages) or grow the volume before writes fail.',
    },
    {
      id: 'disk-critical',
      name: 'NetdataDiskFull',
      severity: 'critical',
      for: '5m',
      query: diskUsedPeak,
      threshold: 'diskSpaceUsed',
      summary: 'Filesystem {{ $labels.family }} on {{ $labels.instance }} is full.',
      description:
        'Filesystem {{ $labels.family }} on {{ $labels.instance }} is fuller than the critical threshold; writes are about to fail. Free space now or grow the volume.',
    },
    {
      id: 'disk-filling-up',
      name: 'NetdataDiskFillingUp',
      severity: 'warning',
      for: '30m',
      // Netdata's own out_of_disk_space_time alarm (health.d/disks.conf) warns when the last hour's fill rate
      // would exhaust the space within 8 hours; predict_linear over the same hour asks the same question. The
      // 30 minutes hold it back from a single large copy that is deleted again.
      query: (q) =>
        `sum by (${q.by}, family) (predict_linear(${sel('netdata_disk_space_GiB_average', q, 'dimension="avail"')}[1h], 8 * 3600))`,
      comparison: '<',
      threshold: 0,
      summary: 'Filesystem {{ $labels.family }} on {{ $labels.instance }} will be full within 8 hours.',
      description:
        'At the rate it has filled over the last hour, filesystem {{ $labels.family }} on {{ $labels.instance }} runs out of space within 8 hours. Check first what is writing (Netdata’s apps and disk charts: a runaway log, a dump, a backup to the wrong volume), then free space or grow the volume before writes fail.',
    },
    {
      id: 'disk-busy',
      name: 'NetdataDiskBusy',
      severity: 'warning',
      for: '30m',
      query: (q) =>
        `max by (${q.by}, chart) (avg_over_time(${sel('netdata_disk_busy_milliseconds_average', q)}[${q.range}])) / 1000`,
      threshold: 'diskBusy',
      summary: 'Disk {{ $labels.chart }} on {{ $labels.instance }} is saturated.',
      description:
        'Disk {{ $labels.chart }} on {{ $labels.instance }} has had I/O in progress more than the threshold share of the time for 30 minutes: it is the bottleneck. Find the processes doing the I/O (Netdata’s apps charts) and move load or use faster storage.',
    },
    {
      id: 'inodes-almost-full',
      name: 'NetdataInodesAlmostFull',
      severity: 'warning',
      for: '15m',
      query: inodesUsedPeak,
      threshold: 'inodesUsed',
      summary: 'Filesystem {{ $labels.family }} on {{ $labels.instance }} is running out of inodes.',
      description:
        'More of the inodes of filesystem {{ $labels.family }} on {{ $labels.instance }} are in use than the warning threshold allows; when none is left, creating a file fails with “No space left on device” although space remains. Check first which directory holds the most files (`du --inodes -x {{ $labels.family }} | sort -n | tail`): usually a cache, spool, session or mail directory nobody cleans.',
    },
    {
      id: 'inodes-full',
      name: 'NetdataInodesFull',
      severity: 'critical',
      for: '5m',
      query: inodesUsedPeak,
      threshold: 'inodesUsed',
      summary: 'Filesystem {{ $labels.family }} on {{ $labels.instance }} is out of inodes.',
      description:
        'Filesystem {{ $labels.family }} on {{ $labels.instance }} has almost no free inodes: new files, sockets and locks fail although `df -h` shows space. Check first `df -i {{ $labels.family }}`, then delete the small files of the directory holding most (or stop the process writing them); a filesystem that needs more inodes must be recreated with more.',
    },
    {
      id: 'inodes-filling-up',
      name: 'NetdataInodesFillingUp',
      severity: 'warning',
      for: '30m',
      // As out_of_disk_inodes_time (health.d/disks.conf; commented out up to 1.41, active but silenced from 1.42, and
      // notifying here: coverage/netdata.ts says why): the last hour's
      // rate of allocation would leave no free inode within 8 hours.
      query: (q) => `sum by (${q.by}, family) (predict_linear(${sel(INODES, q, 'dimension="avail"')}[1h], 8 * 3600))`,
      comparison: '<',
      threshold: 0,
      summary: 'Filesystem {{ $labels.family }} on {{ $labels.instance }} will run out of inodes within 8 hours.',
      description:
        'At the rate files were created on filesystem {{ $labels.family }} of {{ $labels.instance }} over the last hour, no inode is left within 8 hours, and then no file can be created. Check first which process creates the files (a runaway cache, a mail queue, a job writing one file per item), stop it or clean up after it.',
    },
    {
      id: 'oom-kill',
      name: 'NetdataOomKill',
      severity: 'warning',
      for: '0s',
      // A kill is an event: Netdata's oom_kill alarm (health.d/ram.conf) warns on any in the last 30 minutes, and so
      // does this, then it resolves. Netdata ships its alarm silenced (`to: silent`); we notify (coverage/netdata.ts). The value is kills per second averaged over one scrape interval, so above 0 is a kill.
      query: (q) => `max by (${q.by}) (max_over_time(${sel('netdata_mem_oom_kill_kills_persec_average', q)}[30m]))`,
      comparison: '>',
      threshold: 0,
      summary: 'The kernel killed a process on {{ $labels.instance }} for lack of memory.',
      description:
        'The OOM killer ended a process on {{ $labels.instance }} within the last 30 minutes. Check first which one and why (`journalctl -k | grep -i "killed process"` names it and the memory cgroup it ran in), and whether its service restarted; then the memory limit of that service or container, or the host’s memory (the Memory row).',
      optional: 'the kernel is older than 4.13 (no oom_kill line in /proc/vmstat)',
    },
    {
      id: 'packets-dropped',
      name: 'NetdataPacketsDropped',
      severity: 'warning',
      for: '5m',
      query: (q) =>
        `${dropPercent(q, DROP_WINDOW, 'family!~"wl.*"')} or (${dropPercent(q, DROP_WINDOW, 'family=~"wl.*"')} >= ${WIRELESS_DROP_PERCENT})`,
      threshold: 'packetsDropped',
      summary: 'Interface {{ $labels.family }} on {{ $labels.instance }} drops {{ $labels.dimension }} packets.',
      description:
        'Interface {{ $labels.family }} on {{ $labels.instance }} dropped more of its {{ $labels.dimension }} packets over 10 minutes than the threshold allows: the host did not keep up (full NIC ring or backlog queue), or traffic it does not want (unknown VLAN or protocol) arrives. Check first `ip -s link show {{ $labels.family }}` and `ethtool -S {{ $labels.family }}` for which counter grows (missed or fifo: raise the ring with `ethtool -G`; backlog: softnet processing), and whether the drops started with a traffic peak.',
    },
    {
      id: 'network-errors',
      name: 'NetdataNetworkErrors',
      severity: 'warning',
      for: '5m',
      // Netdata alarms on interface errors (interface_inbound/outbound_errors, health.d/net.conf) at 5 in 10
      // minutes, on FreeBSD hosts only; the net.errors chart is the same on Linux, where the errors mean the same.
      query: (q) =>
        `600 * max by (${q.by}, family, dimension) (abs(avg_over_time(${sel('netdata_net_errors_errors_persec_average', q)}[${DROP_WINDOW}])))`,
      threshold: 'interfaceErrors10m',
      summary: 'Interface {{ $labels.family }} on {{ $labels.instance }} has {{ $labels.dimension }} errors.',
      description:
        'Interface {{ $labels.family }} on {{ $labels.instance }} counted more {{ $labels.dimension }} errors in 10 minutes than the threshold allows: damaged frames (CRC, length, alignment) point at the cable, the transceiver or a duplex mismatch, transmit errors at the link or the driver. Check first `ethtool -S {{ $labels.family }}` for which error counter grows and `ethtool {{ $labels.family }}` for speed and duplex, then the cable and the switch port.',
    },
    {
      id: 'rebooted',
      name: 'NetdataHostRebooted',
      severity: 'info',
      for: '0s',
      signal: 'uptime',
      comparison: '<',
      // 15 minutes: long enough to be seen after the agent itself comes back up.
      threshold: 900,
      summary: '{{ $labels.instance }} rebooted.',
      description:
        '{{ $labels.instance }} booted within the last 15 minutes. Expected if it was patched; otherwise look for a crash or power loss in the system log.',
    },
  ],
  overview: ['cpuUtilisation', 'memoryUtilisation', 'diskSpaceUsed', 'diskBusy'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['up'], kind: 'stat', width: 4 },
        { signals: ['uptime'], kind: 'stat', width: 4 },
        { signals: ['cpuUtilisation'], kind: 'gauge', width: 4 },
        { signals: ['memoryUtilisation'], kind: 'gauge', width: 4 },
        { signals: ['diskSpaceUsed'], kind: 'bargauge', width: 8 },
      ],
    },
    {
      title: 'CPU and load',
      panels: [
        { signals: ['cpuByMode'], stack: true, width: 8 },
        { signals: ['cpuPerCore'], width: 8 },
        { signals: ['load'], width: 8 },
      ],
    },
    {
      title: 'Memory',
      panels: [
        { signals: ['memoryUtilisation'], width: 8 },
        {
          signals: ['memoryUsed', 'memoryCached', 'swapUsed'],
          title: 'Memory breakdown',
          description: 'RAM used, page cache and swap in use, in bytes.',
          width: 8,
        },
        { signals: ['oomKills'], width: 8 },
      ],
    },
    {
      title: 'Disks',
      panels: [
        { signals: ['diskSpaceAvailable'], width: 12 },
        { signals: ['inodesUsed'], width: 12 },
        { signals: ['diskThroughput'], width: 8 },
        { signals: ['diskOps'], width: 8 },
        { signals: ['diskBusy'], width: 8 },
      ],
    },
    {
      title: 'Network and processes',
      panels: [
        { signals: ['networkTraffic'], width: 8 },
        { signals: ['networkPackets'], width: 8 },
        { signals: ['processes'], width: 8 },
        { signals: ['networkErrors'], width: 12 },
        { signals: ['packetsDropped'], width: 12 },
      ],
    },
  ],
});
