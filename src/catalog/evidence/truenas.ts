import type { ExporterEvidence, MetricEvidence } from './types';

// Supporterino/truenas-graphite-to-prometheus: a graphite_exporter mapping (graphite_mapping.conf) for the
// Netdata charts TrueNAS SCALE pushes over Graphite (prefix "truenas"). Oldest supported v2.0.0, the first
// mapping for TrueNAS 25.04 (v1.x is for 24.04/24.10); current v2.2.1. Read at v2.0.0, v2.1.0, v2.2.0 and v2.2.1.
// graphite_exporter (prometheus/statsd_exporter pkg/mapper/mapper.go v0.28.0) compiles each `match` as an
// unanchored regex and takes the first rule that matches, in file order; every mapped series is a gauge, and
// the rules set job="truenas" and instance=<the TrueNAS hostname> inside the exposition (honor_labels).
const ALL: [string, ...string[]] = ['v2.0.0', 'v2.1.0', 'v2.2.0', 'v2.2.1'];
const MAPPING = 'graphite_mapping.conf';
const TARGET = ['job', 'instance'];

/** A series one mapping rule makes from one Netdata chart. */
const rule = (labels: string[], note: string, tags = ALL, extra: Partial<MetricEvidence> = {}): MetricEvidence => ({
  labels: [...TARGET, ...labels],
  sources: [{ tags, file: MAPPING }],
  note,
  ...extra,
});

/**
 * graphite_exporter's own series, read in prometheus/graphite_exporter (not the mapping repository, so the
 * file names that repository and the tags are its own).
 */
const exporterOwn = (labels: string[], file: string, note: string): MetricEvidence => ({
  labels,
  sources: [{ tags: ['v0.13.0', 'v0.16.0', 'v0.17.0'], file: `prometheus/graphite_exporter ${file}` }],
  versions: 'graphite_exporter 0.13 – 0.17 (any mapping version)',
  note,
});

export const truenasEvidence: ExporterEvidence = {
  exporter: 'truenas',
  repository: 'Supporterino/truenas-graphite-to-prometheus',
  supported: { oldest: 'v2.0.0', current: 'v2.2.1' },
  families: [
    {
      name: 'truenas-graphite-to-prometheus 2.0 – 2.1',
      differs:
        'no rule for the disk_space charts: dataset space arrives unmapped (graphite_exporter names it from the path), so no disk_bytes_used / disk_bytes_avail',
    },
    {
      name: 'truenas-graphite-to-prometheus 2.2',
      differs:
        'disk_space.<mount point>.{used,avail} map to disk_bytes_used / disk_bytes_avail{mountpoint, unit="GiB"}',
    },
  ],
  metrics: {
    uptime: rule([], 'system.uptime.uptime, seconds'),
    clock_synced: rule([], 'system.clock_sync_state.state: 1 synchronised, 0 not'),
    physical_memory: rule(['kind'], 'system.ram.<dimension> (free, used, cached, buffers), MiB'),
    memory_available: rule(['kind'], 'mem.available.avail (the `memory_${2}` rule), MiB'),
    cpu_total: rule(
      ['kind'],
      'system.cpu.<dimension>, percent of all CPUs; never kind="softirq": the system.cpu.softirq rule (→ interrupts) comes first'
    ),
    interrupts: rule(
      ['kind'],
      'kind="soft" is system.cpu.softirq (percent of all CPUs, like cpu_total); kind="hard" is system.intr (interrupts/s)'
    ),
    cpu_temperature: rule(['cpu'], 'cputemp.temperatures.<n> → cpu="cpu<n>", °C'),
    cpu_throttling: rule(
      ['cpu'],
      'cpu.core_throttling.<cpuN>: thermal throttling events/s per core (Netdata proc.plugin proc_stat.c reads the kernel’s thermal_throttle/core_throttle_count, which Intel CPUs have; no chart without it)'
    ),
    system_load: rule(['kind'], 'system.load.<load1|load5|load15>'),
    zfs_pool: rule(
      ['pool', 'state'],
      'zfspool.state_<pool>.<state>: one series per state (online, degraded, faulted, offline, removed, unavail, suspended), 1 for the current one, 0 for the rest'
    ),
    zfs_arc_size: rule(['op'], 'zfs.arc_size.<dimension> (the `zfs_${2}` rule), MiB; needs the arcstats module'),
    zfs_hits: rule(['op'], 'zfs.hits.<hits|misses> (the `zfs_${2}` rule), percent'),
    disk_io: rule(
      ['disk', 'op'],
      'disk.<dev>.<reads|writes> and disk_ext.*, KiB/s, writes negative (Netdata sign); the truenas_disk_stats rule (≥ v2.0.0) adds unit="KiB/s", but a chart path with ".io." is taken first by the cgroup_io_usage rule'
    ),
    disk_utilization: rule(['disk'], 'disk_util.<dev>.utilization, percent'),
    disk_io_ops: rule(
      ['disk', 'op'],
      'disk_ops.<dev>.<reads|writes> and disk_ext_ops.*, operations/s, writes negative (Netdata common-contexts/disk-ops.h); the truenas_disk_stats rule adds unit="op/s" with op read_ops|write_ops (its disk label keeps an "ops." prefix before v2.1.0)'
    ),
    disk_await: rule(
      ['disk', 'op'],
      'disk_await.<dev>.<reads|writes> and disk_ext_await.*, milliseconds/operation, writes negative (disk-await.h)'
    ),
    disk_io_size: rule(
      ['disk', 'op'],
      'disk_avgsz.<dev>.<reads|writes> and disk_ext_avgsz.*, KiB/operation, writes negative (disk-avgsz.h)'
    ),
    disk_iotime: rule(
      ['disk', 'op'],
      'disk_iotime.<dev>.<reads|writes> and disk_ext_iotime.*, milliseconds/s, writes negative (disk-iotime.h)'
    ),
    disk_io_backlog: rule(
      ['disk'],
      'disk_backlog.<dev>.backlog, milliseconds per second of queued I/O weighted by its count (proc_diskstats.c)'
    ),
    disk_qops: rule(['disk'], 'disk_qops.<dev>.operations: I/O operations in flight (disk-qops.h)'),
    disk_temperature: rule(['serial'], 'smart.log.smart.disktemp.* or smart_log_smart.disktemp.<serial>.*, °C'),
    disk_bytes_used: rule(
      ['mountpoint', 'unit'],
      'disk_space.<mount point>.used, GiB (unit="GiB")',
      ['v2.2.0', 'v2.2.1'],
      {
        versions: '≥ v2.2.0',
      }
    ),
    disk_bytes_avail: rule(
      ['mountpoint', 'unit'],
      'disk_space.<mount point>.avail, GiB (unit="GiB")',
      ['v2.2.0', 'v2.2.1'],
      { versions: '≥ v2.2.0' }
    ),
    nfs_io: rule(
      ['op'],
      'nfsd.io.<read|write> (the `nfs_${2}` rule), kilobytes/s (1000 bytes), write negative; Netdata proc_net_rpc_nfsd.c draws it only once the kernel has counted NFS I/O'
    ),
    nfs_rpc: rule(['op'], 'nfsd.rpc.<calls|bad_format|bad_auth>, calls/s, bad_format and bad_auth negative'),
    nfs_proc4ops: rule(
      ['op'],
      'nfsd.proc4ops.<operation> (access, close, getattr, open, putfh, read, sequence, write, …, one per operation the kernel lists), operations/s'
    ),
    interface_io: rule(['interface', 'op'], 'net.<iface>.<received|sent>, kilobits/s, sent negative (Netdata sign)'),
    interface_errors: rule(
      ['interface', 'op'],
      'net_errors.<iface>.<inbound|outbound>, errors/s, outbound negative (Netdata sign)'
    ),
    interface_operationstate: rule(
      ['interface', 'state'],
      'net_operstate.<iface>.<state>: one series per operstate, 1 for the current one'
    ),
    graphite_exporter_build_info: exporterOwn(
      ['branch', 'goarch', 'goos', 'goversion', 'revision', 'tags', 'version'],
      'cmd/graphite_exporter/main.go',
      'client_golang version collector; carries the scrape target’s job/instance, not TrueNAS’s'
    ),
    graphite_last_processed_timestamp_seconds: exporterOwn(
      [],
      'collector/collector.go',
      'unix time of the last Graphite line accepted, the scrape target’s job/instance'
    ),
  },
};
