import { acrossTargets, fleetContext, sel } from '../promql';
import type { QueryContext } from '../types';
import { defineExporter } from '../define';

// TrueNAS pushes Netdata charts over Graphite; graphite_exporter maps them with the
// truenas-graphite-to-prometheus mapping. Series keep Netdata's units and signs: memory and ARC in
// MiB, dataset space in GiB, disk I/O in KiB/s, network in kilobits/s, clock offset in ms, and
// writes/sent/outbound dimensions are negative.
const MIB = '* 1048576';
const GIB = '* 1073741824';
const KIB = '* 1024';
const KILOBITS = '* 1000';
// The mapping sends Netdata's system.cpu.softirq dimension to `interrupts{kind="soft"}` (its rule
// for it comes before the cpu_total rule, and graphite_exporter takes the first rule that matches),
// so the busy modes are cpu_total's plus that series, renamed back to Netdata's dimension.
const cpuBusy = (q: QueryContext) =>
  `(${sel('cpu_total', q, 'kind!="idle"')} or label_replace(${sel('interrupts', q, 'kind="soft"')}, "kind", "softirq", "", ""))`;
// disk_space.* charts are mapped only from truenas-graphite-to-prometheus 2.2.0 on.
const DATASETS_OPTIONAL = 'needs the truenas-graphite-to-prometheus mapping 2.2 or later (disk_space charts)';
// Netdata draws its nfsd charts only once the kernel has counted NFS traffic (proc_net_rpc_nfsd.c).
// The mapping's README (v2.1.0 on): TrueNAS 25.04 dropped many default Netdata charts, and the repository's
// netdata.conf turns /proc/diskstats' operation, latency and queue charts back on.
const DISKSTATS_OPTIONAL =
  'TrueNAS 25.04 and later send this disk chart only with the truenas-graphite-to-prometheus netdata.conf (its README: 25.04 dropped many default charts)';
// graphite_mapping.conf (v2.2.1) maps Netdata's disk_X and disk_ext_X charts into one metric, so `op` also takes
// discards and flushes (kernel 4.18+ / 5.5+, proc_diskstats.c), and its truenas_disk_stats rule adds
// disk_io_ops{op=~"read_ops|write_ops", unit="op/s"}, TrueNAS's own count of the same operations: reading every
// `op` would draw each disk's reads and writes twice where both arrive (the repository's netdata.conf applied).
const NETDATA_DISK_OPS = 'op=~"reads|writes|discards|flushes"';
const NFS_OPTIONAL = 'only on a TrueNAS that serves NFS shares';

export const truenasExporter = defineExporter({
  id: 'truenas',
  title: 'TrueNAS',
  layer: 'specialized',
  defaultPort: 9108,
  docsUrl: 'https://github.com/Supporterino/truenas-graphite-to-prometheus',
  description:
    'TrueNAS SCALE through its Graphite reporter and graphite_exporter: ZFS pools and ARC, datasets, disks and their latency, temperatures, network, NFS.',
  // job/instance come from the mapping inside the exposition (scrape with honor_labels: true),
  // so the variables read them from mapped series, never from the exporter's own metrics.
  detection: { metrics: ['zfs_pool', 'zfs_arc_size', 'physical_memory'] },
  infoMetrics: ['uptime', 'zfs_pool'],
  versionMetric: { metric: 'graphite_exporter_build_info', label: 'version' },
  thresholds: [
    {
      id: 'memoryUtilisation',
      direction: 'above',
      warning: 90,
      critical: 97,
      min: 1,
      description: 'Share of RAM not available to new allocations (the ZFS ARC counts as available).',
    },
    {
      id: 'datasetUsed',
      direction: 'above',
      warning: 80,
      critical: 90,
      min: 1,
      description: 'Space used on a mounted dataset; ZFS slows down sharply above 80–90% full.',
    },
    {
      id: 'cpuTemperature',
      direction: 'above',
      warning: 80,
      critical: 90,
      min: 30,
      max: 120,
    },
    {
      id: 'diskTemperature',
      direction: 'above',
      warning: 50,
      critical: 60,
      min: 20,
      max: 100,
      description: 'Drive temperature as SMART reports it; most drives are rated to 55–60 °C.',
    },
    {
      id: 'dataAge',
      direction: 'above',
      warning: 300,
      critical: 900,
      min: 30,
      max: 86400,
    },
  ],
  signals: [
    {
      id: 'uptime',
      title: 'Uptime',
      description: 'Time since the TrueNAS system booted.',
      unit: 'dtdurations',
      expr: (q) => sel('uptime', q),
    },
    {
      id: 'dataAge',
      title: 'Data age',
      description:
        'Seconds since graphite_exporter last accepted a sample; its series expire a few minutes after TrueNAS stops sending.',
      unit: 's',
      // This metric carries the exporter's own scrape labels, not the TrueNAS host's: match on the cluster only.
      expr: (q) => `time() - ${sel('graphite_last_processed_timestamp_seconds', fleetContext(q))}`,
      threshold: 'dataAge',
    },
    {
      id: 'poolsNotOnline',
      title: 'Pools not online',
      description: 'ZFS pools in any state but ONLINE (DEGRADED, FAULTED, OFFLINE, REMOVED, UNAVAIL, SUSPENDED).',
      unit: 'short',
      expr: (q) => `sum by (${q.by}) (${sel('zfs_pool', q, 'state!="online"')})`,
      min: 0,
    },
    {
      id: 'poolState',
      title: 'Pool state',
      description: 'Current state of each ZFS pool.',
      unit: 'short',
      expr: (q) => `${sel('zfs_pool', q)} == 1`,
      legend: '{{instance}} {{pool}} {{state}}',
    },
    {
      id: 'cpuUtilisation',
      title: 'CPU utilisation',
      description: 'Share of CPU time not idle, all cores together (sum of the busy modes).',
      unit: 'percent',
      expr: (q) => `sum by (${q.by}) (${cpuBusy(q)})`,
    },
    {
      id: 'cpuByMode',
      title: 'CPU by mode',
      description: 'Share of CPU time per mode (user, system, iowait, softirq, …).',
      unit: 'percent',
      expr: cpuBusy,
      legend: '{{instance}} {{kind}}',
      axisFitsData: 'an idle NAS draws its modes near 0',
    },
    {
      id: 'cpuTemperature',
      title: 'CPU temperature',
      description: 'Temperature of each CPU core.',
      unit: 'celsius',
      expr: (q) => sel('cpu_temperature', q),
      legend: '{{instance}} {{cpu}}',
      threshold: 'cpuTemperature',
    },
    {
      id: 'cpuThrottling',
      title: 'CPU throttling',
      description:
        'Thermal throttling events per second on each core: the CPU slowed itself down because it reached its temperature limit.',
      unit: 'short',
      expr: (q) => sel('cpu_throttling', q),
      legend: '{{instance}} {{cpu}}',
      min: 0,
      // Netdata reads the kernel's per-core thermal_throttle counters (proc_stat.c), which AMD CPUs do not have.
      optional: 'Intel CPUs only (the kernel’s thermal_throttle counters)',
    },
    {
      id: 'load',
      title: 'Load average',
      description: 'Runnable and uninterruptible tasks averaged over 1, 5 and 15 minutes.',
      unit: 'short',
      expr: (q) => sel('system_load', q),
      legend: '{{instance}} {{kind}}',
    },
    {
      id: 'memoryUtilisation',
      title: 'Memory utilisation',
      description: 'Share of RAM not available to new allocations (converted from Netdata’s MiB).',
      unit: 'percent',
      expr: (q) =>
        `100 * (1 - sum by (${q.by}) (${sel('memory_available', q)}) / sum by (${q.by}) (${sel('physical_memory', q)}))`,
      threshold: 'memoryUtilisation',
    },
    {
      id: 'memoryByKind',
      title: 'Memory breakdown',
      description: 'RAM used, cached (including most of the ZFS ARC), buffers and free.',
      unit: 'bytes',
      expr: (q) => `${sel('physical_memory', q)} ${MIB}`,
      legend: '{{instance}} {{kind}}',
    },
    {
      id: 'arcSize',
      title: 'ZFS ARC size',
      description: 'Current size of the ZFS adaptive replacement cache and its target size.',
      unit: 'bytes',
      expr: (q) => `${sel('zfs_arc_size', q)} ${MIB}`,
      legend: '{{instance}} {{op}}',
    },
    {
      id: 'arcHitRatio',
      title: 'ZFS ARC hit ratio',
      description: 'Share of reads answered from the ARC; a low ratio means the working set does not fit in RAM.',
      unit: 'percent',
      expr: (q) => sel('zfs_hits', q, 'op="hits"'),
    },
    {
      id: 'datasetUsed',
      title: 'Dataset space used',
      description: 'Space used on each mounted dataset (mount points are sanitised: /mnt/tank shows as _mnt_tank).',
      unit: 'percent',
      expr: (q) =>
        `100 * ${sel('disk_bytes_used', q)} / (${sel('disk_bytes_used', q)} + ${sel('disk_bytes_avail', q)} > 0)`,
      legend: '{{instance}} {{mountpoint}}',
      threshold: 'datasetUsed',
      optional: DATASETS_OPTIONAL,
    },
    {
      id: 'datasetAvailable',
      title: 'Dataset space available',
      description: 'Bytes still free on each mounted dataset (converted from GiB).',
      unit: 'bytes',
      expr: (q) => `${sel('disk_bytes_avail', q)} ${GIB}`,
      legend: '{{instance}} {{mountpoint}}',
      optional: DATASETS_OPTIONAL,
    },
    {
      id: 'diskRead',
      title: 'Disk reads',
      description: 'Bytes read per second from each disk (converted from KiB/s).',
      unit: 'Bps',
      expr: (q) => `${sel('disk_io', q, 'op="reads"')} ${KIB}`,
      legend: '{{instance}} {{disk}} read',
    },
    {
      id: 'diskWrite',
      title: 'Disk writes',
      description: 'Bytes written per second to each disk (Netdata reports writes as negative; made positive).',
      unit: 'Bps',
      expr: (q) => `abs(${sel('disk_io', q, 'op="writes"')}) ${KIB}`,
      legend: '{{instance}} {{disk}} written',
    },
    {
      id: 'diskUtilisation',
      title: 'Disk busy time',
      description: 'Share of time each disk had I/O in progress; near 100% the disk is the bottleneck.',
      unit: 'percent',
      expr: (q) => sel('disk_utilization', q),
      legend: '{{instance}} {{disk}}',
    },
    {
      id: 'diskOps',
      title: 'Disk operations',
      description:
        'Read, write, discard (TRIM) and flush operations per second on each disk (Netdata’s negative writes made positive); discards and flushes appear where the kernel counts them.',
      unit: 'iops',
      expr: (q) => `abs(${sel('disk_io_ops', q, NETDATA_DISK_OPS)})`,
      legend: '{{instance}} {{disk}} {{op}}',
      min: 0,
      optional: DISKSTATS_OPTIONAL,
    },
    {
      id: 'diskAwait',
      title: 'Disk await',
      description:
        'Average time a read, write, discard or flush took on each disk, queueing included; a disk far slower than its pool neighbours under the same load is often failing.',
      unit: 'ms',
      expr: (q) => `abs(${sel('disk_await', q)})`,
      legend: '{{instance}} {{disk}} {{op}}',
      min: 0,
      optional: DISKSTATS_OPTIONAL,
    },
    {
      id: 'diskIoSize',
      title: 'Disk average I/O size',
      description: 'Average size of a completed read, write or discard on each disk (converted from KiB).',
      unit: 'bytes',
      expr: (q) => `abs(${sel('disk_io_size', q)}) ${KIB}`,
      legend: '{{instance}} {{disk}} {{op}}',
      min: 0,
      optional: DISKSTATS_OPTIONAL,
    },
    {
      id: 'diskIoTime',
      title: 'Disk I/O time',
      description:
        'Milliseconds per second spent on completed reads, writes, discards and flushes on each disk, summed over the operations in flight (so above 1000 with a deep queue).',
      unit: 'ms',
      expr: (q) => `abs(${sel('disk_iotime', q)})`,
      legend: '{{instance}} {{disk}} {{op}}',
      min: 0,
      optional: DISKSTATS_OPTIONAL,
    },
    {
      id: 'diskBacklog',
      title: 'Disk backlog',
      description:
        'Milliseconds per second of I/O waiting on each disk, weighted by how many waited: it climbs when requests arrive faster than the disk completes them.',
      unit: 'ms',
      expr: (q) => sel('disk_io_backlog', q),
      legend: '{{instance}} {{disk}}',
      min: 0,
      optional: DISKSTATS_OPTIONAL,
    },
    {
      id: 'diskInFlight',
      title: 'Disk operations in flight',
      description: 'I/O operations each disk had in progress when sampled.',
      unit: 'short',
      expr: (q) => sel('disk_qops', q),
      legend: '{{instance}} {{disk}}',
      min: 0,
      optional: DISKSTATS_OPTIONAL,
    },
    {
      id: 'diskTemperature',
      title: 'Disk temperature',
      description: 'Temperature of each drive, by serial number.',
      unit: 'celsius',
      expr: (q) => sel('disk_temperature', q),
      legend: '{{instance}} {{serial}}',
      threshold: 'diskTemperature',
    },
    {
      id: 'nfsIo',
      title: 'NFS server I/O',
      description:
        'Bytes per second the NFS server read and wrote for its clients (Netdata’s kilobytes converted, its negative writes made positive).',
      unit: 'Bps',
      expr: (q) => `abs(${sel('nfs_io', q)}) * 1000`,
      legend: '{{instance}} {{op}}',
      min: 0,
      optional: NFS_OPTIONAL,
    },
    {
      id: 'nfsRpc',
      title: 'NFS server RPC calls',
      description:
        'RPC calls per second the NFS server answered, and those it rejected as malformed (bad_format) or unauthenticated (bad_auth): rejections point at a client’s configuration or its Kerberos setup.',
      unit: 'reqps',
      expr: (q) => `abs(${sel('nfs_rpc', q)})`,
      legend: '{{instance}} {{op}}',
      min: 0,
      optional: NFS_OPTIONAL,
    },
    {
      id: 'nfsV4Operations',
      title: 'NFS v4 operations',
      description: 'NFS v4 operations per second by kind (read, write, getattr, …); kinds no client used are left out.',
      unit: 'ops',
      expr: (q) => `${sel('nfs_proc4ops', q)} > 0`,
      legend: '{{instance}} {{op}}',
      optional: NFS_OPTIONAL,
    },
    {
      id: 'networkTraffic',
      title: 'Network traffic',
      description:
        'Bits per second received and sent per interface (Netdata’s negative “sent” made positive, kilobits converted).',
      unit: 'bps',
      expr: (q) => `abs(${sel('interface_io', q)}) ${KILOBITS}`,
      legend: '{{instance}} {{interface}} {{op}}',
    },
    {
      id: 'networkErrors',
      title: 'Network errors',
      description:
        'Receive and transmit errors per second on each interface (Netdata’s negative outbound made positive); sustained errors point at a cable, a transceiver or a failing NIC.',
      unit: 'short',
      expr: (q) => `abs(${sel('interface_errors', q)})`,
      legend: '{{instance}} {{interface}} {{op}}',
      min: 0,
    },
    {
      id: 'interfaceUp',
      title: 'Interface up',
      description: 'Whether each network interface is operationally up (1 = yes).',
      unit: 'bool_yes_no',
      expr: (q) => sel('interface_operationstate', q, 'state="up"'),
      legend: '{{instance}} {{interface}}',
    },
  ],
  alerts: [
    {
      id: 'no-data',
      name: 'TrueNASNoData',
      severity: 'critical',
      for: '5m',
      // graphite_exporter stops exposing a series once its last Graphite sample is older than
      // --graphite.sample-expiry (default 5m; prometheus/graphite_exporter v0.16.0 – v0.17.0 collector/collector.go
      // Collect and its garbage collection), so a TrueNAS that stops reporting leaves no series to compare: only
      // absence or memory can show it. absent_over_time() takes its labels from the selector's equality matchers
      // alone (prometheus promql/functions.go createLabelsForAbsentFunction): on a store holding several clusters
      // it fired only once every cluster's TrueNAS was silent, and named none. So each cluster (and HA replica) that
      // sent TrueNAS metrics during the last day and none for 15 minutes fires, with its cluster label; a cluster
      // that never had a TrueNAS has nothing to remember and stays quiet. Silent for longer than a day (or never
      // heard from), the whole store fires without a cluster, as absent_over_time did. Where no series carries a
      // cluster label (a Prometheus server evaluating its own rule file) the two parts add up to the old rule:
      // samples within the day but not the last 15 minutes, or none within the day, is none within 15 minutes.
      query: (q) => {
        const above = acrossTargets(q);
        const uptime = sel('uptime', q);
        return `(group by (${above}) (max_over_time(${uptime}[1d])) unless group by (${above}) (max_over_time(${uptime}[15m]))) or absent_over_time(${uptime}[1d])`;
      },
      comparison: '>',
      threshold: 0,
      summary: 'No TrueNAS metrics arrive.',
      description:
        'No TrueNAS system has sent metrics to graphite_exporter for 15 minutes (on a store holding several clusters: none of the cluster the alert names, where TrueNAS reported during the last day), so every other TrueNAS alert is blind there. Check the Graphite reporting exporter in the TrueNAS UI (Reporting → Exporters), that it points at graphite_exporter’s port, and that graphite_exporter runs.',
      optional: 'returns a series only while no TrueNAS data arrives',
    },
    {
      id: 'host-silent',
      name: 'TrueNASHostSilent',
      severity: 'warning',
      for: '5m',
      // Seconds since each host's last sample, remembered for a day: per host, unlike
      // TrueNASNoData, which sees only when every host is silent.
      query: (q) => `time() - max by (${q.by}) (max_over_time(timestamp(${sel('uptime', q)})[1d:1m]))`,
      threshold: 'dataAge',
      summary: 'TrueNAS {{ $labels.instance }} stopped sending metrics.',
      description:
        'TrueNAS {{ $labels.instance }} has sent no metrics for longer than the data-age threshold while it reported during the last day: it is down, rebooting, or its Graphite reporter stopped. Check the system and its Reporting → Exporters settings.',
    },
    {
      id: 'pool-not-online',
      name: 'TrueNASPoolNotOnline',
      severity: 'critical',
      for: '2m',
      query: (q) => `max_over_time(${sel('zfs_pool', q, 'state!="online"')}[${q.range}])`,
      comparison: '>',
      threshold: 0,
      summary: 'ZFS pool {{ $labels.pool }} on {{ $labels.instance }} is {{ $labels.state }}.',
      description:
        'ZFS pool {{ $labels.pool }} on TrueNAS {{ $labels.instance }} is {{ $labels.state }}: a disk failed or went missing, and the pool has less or no redundancy left. Run `zpool status {{ $labels.pool }}`, replace the failed disk and let it resilver.',
    },
    {
      id: 'dataset-almost-full',
      name: 'TrueNASDatasetAlmostFull',
      severity: 'warning',
      for: '30m',
      signal: 'datasetUsed',
      optional: DATASETS_OPTIONAL,
      summary: 'Dataset {{ $labels.mountpoint }} on {{ $labels.instance }} is filling up.',
      description:
        'Dataset {{ $labels.mountpoint }} on TrueNAS {{ $labels.instance }} is fuller than the warning threshold; ZFS writes slow down as pools fill. Delete old snapshots or data, or add a vdev.',
    },
    {
      id: 'dataset-full',
      name: 'TrueNASDatasetFull',
      severity: 'critical',
      for: '15m',
      signal: 'datasetUsed',
      optional: DATASETS_OPTIONAL,
      summary: 'Dataset {{ $labels.mountpoint }} on {{ $labels.instance }} is almost full.',
      description:
        'Dataset {{ $labels.mountpoint }} on TrueNAS {{ $labels.instance }} is fuller than the critical threshold: ZFS performance collapses and writes will fail when it is full. Free space now (snapshots first).',
    },
    {
      id: 'memory-high',
      name: 'TrueNASHighMemory',
      severity: 'warning',
      for: '15m',
      signal: 'memoryUtilisation',
      summary: 'TrueNAS {{ $labels.instance }} is short of memory.',
      description:
        'Less memory than the threshold allows is available on TrueNAS {{ $labels.instance }} even counting the ZFS ARC as reclaimable: apps or VMs use most of the RAM and the ARC shrinks, so reads slow down. Stop or limit apps and VMs, or add RAM.',
    },
    {
      id: 'cpu-temperature',
      name: 'TrueNASCPUTemperatureHigh',
      severity: 'warning',
      for: '10m',
      signal: 'cpuTemperature',
      overWindow: 'avg',
      threshold: 'cpuTemperature',
      summary: 'CPU {{ $labels.cpu }} of TrueNAS {{ $labels.instance }} runs hot.',
      description:
        'CPU {{ $labels.cpu }} of TrueNAS {{ $labels.instance }} has stayed above the temperature threshold: check fans, airflow and dust, and the room temperature, before the CPU throttles.',
    },
    {
      id: 'disk-temperature',
      name: 'TrueNASDiskTemperatureHigh',
      severity: 'warning',
      for: '15m',
      signal: 'diskTemperature',
      overWindow: 'avg',
      threshold: 'diskTemperature',
      summary: 'Disk {{ $labels.serial }} in TrueNAS {{ $labels.instance }} runs hot.',
      description:
        'Drive {{ $labels.serial }} in TrueNAS {{ $labels.instance }} has stayed above the warning temperature; heat shortens drive life. Check the enclosure fans and airflow.',
    },
    {
      id: 'disk-temperature-critical',
      name: 'TrueNASDiskTemperatureCritical',
      severity: 'critical',
      for: '5m',
      signal: 'diskTemperature',
      overWindow: 'avg',
      threshold: 'diskTemperature',
      summary: 'Disk {{ $labels.serial }} in TrueNAS {{ $labels.instance }} is overheating.',
      description:
        'Drive {{ $labels.serial }} in TrueNAS {{ $labels.instance }} is above its critical temperature: it may fail or shut down. Fix cooling now, or power the system down.',
    },
    {
      id: 'network-errors',
      name: 'TrueNASNetworkErrors',
      severity: 'warning',
      for: '10m',
      // Netdata's own interface_inbound_errors / interface_outbound_errors alarms (health.d/net.conf, v2.11.0)
      // warn at 5 errors in 10 minutes; the mapped series is Netdata's per-second rate, so 0.01/s over the
      // window is about 6. Outbound errors arrive negative (Netdata's sign), hence abs().
      query: (q) => `max by (${q.by}, interface) (abs(avg_over_time(${sel('interface_errors', q)}[10m])))`,
      comparison: '>',
      threshold: 0.01,
      summary: 'Interface {{ $labels.interface }} of TrueNAS {{ $labels.instance }} has network errors.',
      description:
        'Interface {{ $labels.interface }} of TrueNAS {{ $labels.instance }} has counted receive or transmit errors for 10 minutes. Check first the cable and switch port (errors on the switch side too mean the link itself), then the NIC’s negotiated speed and duplex in Network → Interfaces; errors on one port of a NIC only point at that port or its transceiver.',
    },
    {
      id: 'clock-not-synced',
      name: 'TrueNASClockNotSynchronised',
      severity: 'warning',
      for: '15m',
      query: (q) => `max_over_time(${sel('clock_synced', q)}[${q.range}])`,
      comparison: '<',
      threshold: 1,
      summary: 'The clock of TrueNAS {{ $labels.instance }} is not synchronised.',
      description:
        'TrueNAS {{ $labels.instance }} reports its clock as unsynchronised: snapshots, replication schedules, Kerberos/AD joins and certificates depend on it. Check the NTP servers in System → General.',
    },
  ],
  overview: ['poolsNotOnline', 'datasetUsed', 'memoryUtilisation', 'dataAge'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['uptime'], kind: 'stat', width: 4 },
        { signals: ['dataAge'], kind: 'stat', width: 4 },
        { signals: ['poolsNotOnline'], kind: 'stat', width: 4 },
        { signals: ['cpuUtilisation'], kind: 'gauge', width: 4 },
        { signals: ['memoryUtilisation'], kind: 'gauge', width: 4 },
        { signals: ['arcHitRatio'], kind: 'stat', width: 4 },
      ],
    },
    {
      title: 'ZFS',
      panels: [
        { signals: ['poolState'], kind: 'table', width: 8 },
        { signals: ['arcSize'], width: 8 },
        { signals: ['arcHitRatio'], width: 8 },
      ],
    },
    {
      title: 'Datasets',
      panels: [
        { signals: ['datasetUsed'], kind: 'bargauge', width: 12 },
        { signals: ['datasetAvailable'], width: 12 },
      ],
    },
    {
      title: 'CPU and memory',
      panels: [
        { signals: ['cpuByMode'], stack: true, width: 8 },
        { signals: ['load'], width: 8 },
        { signals: ['memoryByKind'], stack: true, width: 8 },
        { signals: ['cpuTemperature'], width: 12 },
        { signals: ['cpuThrottling'], width: 12 },
      ],
    },
    {
      title: 'Disks',
      panels: [
        {
          signals: ['diskRead', 'diskWrite'],
          title: 'Disk throughput',
          description: 'Bytes read and written per second on each disk.',
          width: 8,
        },
        { signals: ['diskUtilisation'], width: 8 },
        { signals: ['diskTemperature'], width: 8 },
      ],
    },
    {
      title: 'Disk latency and queues',
      panels: [
        { signals: ['diskOps'], width: 8 },
        { signals: ['diskAwait'], width: 8 },
        { signals: ['diskIoSize'], width: 8 },
        { signals: ['diskIoTime'], width: 8 },
        { signals: ['diskBacklog'], width: 8 },
        { signals: ['diskInFlight'], width: 8 },
      ],
    },
    {
      title: 'Network',
      panels: [
        { signals: ['networkTraffic'], width: 12 },
        { signals: ['networkErrors'], width: 12 },
        { signals: ['interfaceUp'], kind: 'table', width: 24 },
      ],
    },
    {
      title: 'NFS',
      panels: [
        { signals: ['nfsIo'], width: 8 },
        { signals: ['nfsRpc'], width: 8 },
        { signals: ['nfsV4Operations'], width: 8 },
      ],
    },
  ],
});
