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
      max: 100,
      description: 'Share of CPU time not idle, over all cores.',
    },
    {
      id: 'memoryUtilisation',
      direction: 'above',
      warning: 90,
      critical: 97,
      min: 1,
      max: 100,
      description: 'Share of RAM not available to new processes.',
    },
    {
      id: 'diskSpaceUsed',
      direction: 'above',
      warning: 90,
      critical: 95,
      min: 1,
      max: 100,
      description: 'Share of a filesystem in use, as unprivileged users see it (used / (used + available)).',
    },
    {
      id: 'diskBusy',
      direction: 'above',
      warning: 0.9,
      min: 0.01,
      max: 1,
      description: 'Share of time a disk had I/O in progress.',
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'Agent up',
      description: 'Whether Prometheus reached the Netdata agent at its last scrape (1 = up).',
      unit: 'bool_yes_no',
      variants: [
        {
          expr: (q) =>
            `${sel('up', q)} and on (${q.by}) (${sel('netdata_info', q)} or ${sel('netdata_system_uptime_seconds_average', q)})`,
        },
      ],
      min: 0,
      max: 1,
    },
    {
      id: 'uptime',
      title: 'Uptime',
      description: 'Time since the host booted.',
      unit: 'dtdurations',
      variants: [{ expr: (q) => sel('netdata_system_uptime_seconds_average', q) }],
    },
    {
      id: 'cpuUtilisation',
      title: 'CPU utilisation',
      description: 'Share of CPU time spent not idle, over all cores (Netdata’s system.cpu chart).',
      unit: 'percent',
      variants: [
        { expr: (q) => `sum by (${q.by}) (${sel('netdata_system_cpu_percentage_average', q, 'dimension!="idle"')})` },
      ],
      threshold: 'cpuUtilisation',
      min: 0,
      max: 100,
    },
    {
      id: 'cpuByMode',
      title: 'CPU time by mode',
      description: 'Share of CPU time per mode (user, system, iowait, steal, …); idle is left out.',
      unit: 'percent',
      variants: [{ expr: (q) => sel('netdata_system_cpu_percentage_average', q, 'dimension!="idle"') }],
      legend: '{{instance}} {{dimension}}',
      min: 0,
      max: 100,
    },
    {
      id: 'cpuPerCore',
      title: 'CPU utilisation per core',
      description:
        'Share of each core’s time not idle; one saturated core can throttle a single-threaded service while the average looks fine.',
      unit: 'percent',
      variants: [{ expr: (q) => `100 - ${sel('netdata_cpu_cpu_percentage_average', q, 'dimension="idle"')}` }],
      legend: '{{instance}} {{chart}}',
      min: 0,
      max: 100,
      optional:
        'per-core charts only exist where Netdata’s proc plugin collects /proc/stat per CPU (not in some containers)',
    },
    {
      id: 'load',
      title: 'Load average',
      description: 'Runnable and uninterruptible tasks averaged over 1, 5 and 15 minutes.',
      unit: 'short',
      variants: [{ expr: (q) => sel('netdata_system_load_load_average', q) }],
      legend: '{{instance}} {{dimension}}',
      min: 0,
    },
    {
      id: 'memoryUtilisation',
      title: 'Memory utilisation',
      description: 'Share of RAM not available to new processes without swapping (1 − available / total).',
      unit: 'percent',
      variants: [
        {
          expr: (q) =>
            `100 * (1 - sum by (${q.by}) (${sel('netdata_mem_available_MiB_average', q)}) / sum by (${q.by}) (${sel('netdata_system_ram_MiB_average', q)}))`,
        },
      ],
      threshold: 'memoryUtilisation',
      min: 0,
      max: 100,
    },
    {
      id: 'memoryUsed',
      title: 'Memory used',
      description: 'RAM used by processes and the kernel (excluding cache and buffers).',
      unit: 'bytes',
      variants: [{ expr: ramBytes('used') }],
      legend: '{{instance}} used',
    },
    {
      id: 'memoryCached',
      title: 'Page cache',
      description: 'RAM holding cached file data; the kernel gives it back under pressure.',
      unit: 'bytes',
      variants: [{ expr: ramBytes('cached') }],
      legend: '{{instance}} cached',
    },
    {
      id: 'swapUsed',
      title: 'Swap used',
      description: 'Swap space in use; steady growth means memory pressure.',
      unit: 'bytes',
      variants: [{ expr: (q) => `${sel('netdata_mem_swap_MiB_average', q, 'dimension="used"')} * ${MIB}` }],
      legend: '{{instance}} swap',
      optional: 'hosts without swap have no mem.swap chart',
    },
    {
      id: 'diskSpaceUsed',
      title: 'Disk space used',
      description:
        'Share of each filesystem in use (used / (used + available)); space reserved for root is left out, as df does.',
      unit: 'percent',
      variants: [
        {
          expr: (q) =>
            `100 * sum by (${q.by}, family) (${sel('netdata_disk_space_GiB_average', q, 'dimension="used"')}) / sum by (${q.by}, family) (${sel('netdata_disk_space_GiB_average', q, 'dimension=~"used|avail"')})`,
        },
      ],
      legend: '{{instance}} {{family}}',
      threshold: 'diskSpaceUsed',
      min: 0,
      max: 100,
    },
    {
      id: 'diskSpaceAvailable',
      title: 'Disk space available',
      description: 'Bytes available to unprivileged users on each filesystem.',
      unit: 'bytes',
      variants: [{ expr: (q) => `${sel('netdata_disk_space_GiB_average', q, 'dimension="avail"')} * ${GIB}` }],
      legend: '{{instance}} {{family}}',
    },
    {
      id: 'diskThroughput',
      title: 'Disk throughput',
      description:
        'Bytes read and written per second on each disk (Netdata reports writes as negative; shown as magnitudes).',
      unit: 'Bps',
      variants: [{ expr: (q) => `${magnitude('netdata_disk_io_KiB_persec_average', q)} * 1024` }],
      legend: '{{instance}} {{chart}} {{dimension}}',
      min: 0,
    },
    {
      id: 'diskOps',
      title: 'Disk operations',
      description: 'Read and write operations completed per second on each disk.',
      unit: 'iops',
      variants: [{ expr: (q) => magnitude('netdata_disk_ops_operations_persec_average', q) }],
      legend: '{{instance}} {{chart}} {{dimension}}',
      min: 0,
    },
    {
      id: 'diskBusy',
      title: 'Disk busy time',
      description:
        'Share of time each disk had I/O in progress (busy milliseconds per second); near 100% the disk is the bottleneck.',
      unit: 'percentunit',
      variants: [{ expr: (q) => `${sel('netdata_disk_busy_milliseconds_average', q)} / 1000` }],
      legend: '{{instance}} {{chart}}',
      threshold: 'diskBusy',
      min: 0,
      max: 1,
    },
    {
      id: 'networkTraffic',
      title: 'Network traffic',
      description:
        'Bits received and sent per second on each interface (Netdata reports sent as negative; shown as magnitudes).',
      unit: 'bps',
      variants: [{ expr: (q) => `${magnitude('netdata_net_net_kilobits_persec_average', q)} * 1000` }],
      legend: '{{instance}} {{family}} {{dimension}}',
      min: 0,
    },
    {
      id: 'networkPackets',
      title: 'Network packets',
      description: 'Packets received and sent per second on each interface.',
      unit: 'pps',
      variants: [{ expr: (q) => magnitude('netdata_net_packets_packets_persec_average', q) }],
      legend: '{{instance}} {{family}} {{dimension}}',
      min: 0,
    },
    {
      id: 'networkErrors',
      title: 'Network errors and drops',
      description:
        'Inbound and outbound errors plus dropped packets per second on each interface; sustained values point at drivers, cabling or full queues.',
      unit: 'pps',
      variants: [
        {
          expr: (q) =>
            `sum by (${q.by}, family) (${magnitude('netdata_net_errors_errors_persec_average', q)}) + sum by (${q.by}, family) (${magnitude('netdata_net_drops_drops_persec_average', q)})`,
        },
      ],
      legend: '{{instance}} {{family}}',
      min: 0,
      optional: 'interfaces without error or drop counters (some virtual ones) have no net_errors / net_drops charts',
    },
    {
      id: 'processes',
      title: 'Active processes',
      description: 'Number of processes on the host; runaway growth points at a fork loop or leaked workers.',
      unit: 'short',
      variants: [{ expr: (q) => sel('netdata_system_active_processes_processes_average', q) }],
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
        `sum by (${q.by}) (avg_over_time(${sel('netdata_system_cpu_percentage_average', q, 'dimension!="idle"')}[${q.range}]))`,
      comparison: '>',
      threshold: { threshold: 'cpuUtilisation', level: 'warning' },
      summary: 'CPU of {{ $labels.instance }} is busy.',
      description:
        'CPU utilisation of {{ $labels.instance }} has stayed above the warning threshold for 15 minutes. Netdata’s apps charts show which processes use it; add capacity if the load is legitimate.',
    },
    {
      id: 'memory-high',
      name: 'NetdataMemoryHigh',
      severity: 'warning',
      for: '15m',
      query: memoryUsedPeak,
      comparison: '>',
      threshold: { threshold: 'memoryUtilisation', level: 'warning' },
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
      comparison: '>',
      threshold: { threshold: 'memoryUtilisation', level: 'critical' },
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
      comparison: '>',
      threshold: { threshold: 'diskSpaceUsed', level: 'warning' },
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
      comparison: '>',
      threshold: { threshold: 'diskSpaceUsed', level: 'critical' },
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
      comparison: '>',
      threshold: { threshold: 'diskBusy', level: 'warning' },
      summary: 'Disk {{ $labels.chart }} on {{ $labels.instance }} is saturated.',
      description:
        'Disk {{ $labels.chart }} on {{ $labels.instance }} has had I/O in progress more than the threshold share of the time for 30 minutes: it is the bottleneck. Find the processes doing the I/O (Netdata’s apps charts) and move load or use faster storage.',
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
        { signals: ['memoryUtilisation'], width: 12 },
        {
          signals: ['memoryUsed', 'memoryCached', 'swapUsed'],
          title: 'Memory breakdown',
          description: 'RAM used, page cache and swap in use, in bytes.',
          width: 12,
        },
      ],
    },
    {
      title: 'Disks',
      panels: [
        { signals: ['diskSpaceAvailable'], width: 6 },
        { signals: ['diskThroughput'], width: 6 },
        { signals: ['diskOps'], width: 6 },
        { signals: ['diskBusy'], width: 6 },
      ],
    },
    {
      title: 'Network and processes',
      panels: [
        { signals: ['networkTraffic'], width: 6 },
        { signals: ['networkPackets'], width: 6 },
        { signals: ['networkErrors'], width: 6 },
        { signals: ['processes'], width: 6 },
      ],
    },
  ],
});
