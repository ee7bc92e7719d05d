import type { ExporterEvidence, MetricEvidence, SourceRef } from './types';

// Netdata names a series netdata_<context>_<units>_average (source=average, the default of
// /api/v1/allmetrics?format=prometheus) in the exporting engine, from the context and units each
// collector gives its chart. Sources moved under src/ in 2.x. The 1.37 output was also read live
// from Debian 12's netdata 1.37.1-2 (the integration stack runs it).
const OLD = 'v1.37.1';
const NEW = 'v2.11.0';
const EXPORTING: [SourceRef, SourceRef] = [
  { tags: [OLD], file: 'exporting/prometheus/prometheus.c' },
  { tags: [NEW], file: 'src/exporting/prometheus/prometheus.c' },
];
const collector = (oldFile: string, newFile = `src/${oldFile}`): [SourceRef, ...SourceRef[]] => [
  { tags: [OLD], file: oldFile },
  { tags: [NEW], file: newFile },
  ...EXPORTING,
];

// In 2.x some charts are defined in a header shared by the collectors (src/collectors/common-contexts/).
const commonContext = (oldFile: string, header: string): [SourceRef, ...SourceRef[]] => [
  { tags: [OLD], file: oldFile },
  { tags: [NEW], file: `src/collectors/common-contexts/${header}` },
  ...EXPORTING,
];

// Every exported chart's series: chart (id), family, dimension. Chart labels follow from 1.40 on.
const CHART = ['chart', 'family', 'dimension'];
const DISK_LABELS = ['device', 'mount_point', 'id', 'model', 'serial', 'device_type'];
const CHART_LABELS_NOTE = 'chart labels (device, mount_point, …) only from 1.40 (prometheus.c, #15099); 1.37 has none';

const metric = (labels: string[], sources: [SourceRef, ...SourceRef[]], note?: string): MetricEvidence => ({
  labels,
  sources,
  ...(note ? { note } : {}),
});

export const netdataEvidence: ExporterEvidence = {
  exporter: 'netdata',
  repository: 'netdata/netdata',
  // Debian 12 packages 1.37.1; chart labels, the disk family change and the src/ layout came later.
  supported: { oldest: OLD, current: NEW },
  families: [
    {
      name: 'Netdata 1.37 – 1.39, source=average',
      differs:
        'series carry only chart, family and dimension (no chart labels such as device, mount_point or cpu); a disk chart’s family is its mount point or disk name',
    },
    {
      name: 'Netdata 1.40 – 2.11, source=average',
      differs:
        'chart labels follow chart, dimension and family (disk charts: device, mount_point, id, model, serial, device_type; net: device, interface_type; disk_space: mount_point, filesystem, mount_root); disk chart families are io, ops, utilization',
    },
  ],
  metrics: {
    netdata_info: metric(
      ['instance', 'application', 'version'],
      EXPORTING,
      'instance is the agent’s host name, so Prometheus keeps it as exported_instance; host labels (_is_ephemeral, …) follow'
    ),
    netdata_system_cpu_percentage_average: metric(
      CHART,
      collector('collectors/proc.plugin/proc_stat.c'),
      'dimensions user, system, nice, iowait, irq, softirq, steal, guest, guest_nice, idle'
    ),
    netdata_cpu_cpu_percentage_average: metric(
      [...CHART, 'cpu'],
      collector('collectors/proc.plugin/proc_stat.c'),
      'chart cpu.cpuN per core; the cpu label only ≥ 1.40'
    ),
    netdata_system_load_load_average: metric(
      CHART,
      collector('collectors/proc.plugin/proc_loadavg.c'),
      'updated every 5 s at most often (MIN_LOADAVG_UPDATE_EVERY): a scrape within 5 s of the last one may omit it'
    ),
    netdata_system_ram_MiB_average: metric(
      CHART,
      commonContext('collectors/proc.plugin/proc_meminfo.c', 'system-ram.h')
    ),
    netdata_mem_available_MiB_average: metric(
      CHART,
      commonContext('collectors/proc.plugin/proc_meminfo.c', 'mem-available.h')
    ),
    netdata_mem_swap_MiB_average: metric(
      CHART,
      commonContext('collectors/proc.plugin/proc_meminfo.c', 'mem-swap.h'),
      'no chart on a host without swap'
    ),
    netdata_mem_oom_kill_kills_persec_average: metric(
      CHART,
      collector('collectors/proc.plugin/proc_vmstat.c'),
      'chart mem.oom_kill, dimension kills (incremental: kills/s); only where /proc/vmstat has oom_kill (Linux ≥ 4.13), from the first collection in every version: 1.37 reads its "out of memory kills" option with config_get_boolean, which turns the auto default into yes (the stack’s 1.37 shows it with no kill); family system in 1.37, OOM kills in 2.x'
    ),
    netdata_system_uptime_seconds_average: metric(CHART, collector('collectors/proc.plugin/proc_uptime.c')),
    netdata_system_active_processes_processes_average: metric(
      CHART,
      collector('collectors/proc.plugin/proc_loadavg.c')
    ),
    netdata_disk_space_GiB_average: metric(
      [...CHART, 'mount_point', 'filesystem', 'mount_root'],
      collector('collectors/diskspace.plugin/plugin_diskspace.c'),
      `family is the mount point in every version (plugin_diskspace.c); dimensions avail, used, "reserved for root"; ${CHART_LABELS_NOTE}`
    ),
    netdata_disk_inodes_inodes_average: metric(
      [...CHART, 'mount_point', 'filesystem', 'mount_root'],
      collector('collectors/diskspace.plugin/plugin_diskspace.c'),
      `chart disk_inodes.<mount>, context disk.inodes, units inodes; family is the mount point; dimensions avail, used, "reserved for root". 1.37 draws it once a filesystem reports inodes (auto), 2.x unless statvfs says it has none or the filesystem is excluded (vfat, overlayfs, … by default); ${CHART_LABELS_NOTE}`
    ),
    netdata_disk_io_KiB_persec_average: metric(
      [...CHART, ...DISK_LABELS],
      commonContext('collectors/proc.plugin/proc_diskstats.c', 'disk-io.h'),
      `writes negative; ${CHART_LABELS_NOTE}`
    ),
    netdata_disk_ops_operations_persec_average: metric(
      [...CHART, ...DISK_LABELS],
      commonContext('collectors/proc.plugin/proc_diskstats.c', 'disk-ops.h'),
      `writes negative; ${CHART_LABELS_NOTE}`
    ),
    netdata_disk_busy_milliseconds_average: metric(
      [...CHART, ...DISK_LABELS],
      commonContext('collectors/proc.plugin/proc_diskstats.c', 'disk-busy.h'),
      `busy ms per second (chart disk_busy.<disk>); ${CHART_LABELS_NOTE}`
    ),
    netdata_net_net_kilobits_persec_average: metric(
      [...CHART, 'device', 'interface_type'],
      collector('collectors/proc.plugin/proc_net_dev.c'),
      `family is the interface name; sent negative; ${CHART_LABELS_NOTE}`
    ),
    netdata_net_packets_packets_persec_average: metric(
      [...CHART, 'device', 'interface_type'],
      collector('collectors/proc.plugin/proc_net_dev.c'),
      `family is the interface name; sent negative; ${CHART_LABELS_NOTE}`
    ),
    netdata_net_errors_errors_persec_average: metric(
      [...CHART, 'device', 'interface_type'],
      collector('collectors/proc.plugin/proc_net_dev.c'),
      'chart net_errors.<iface>, dimensions inbound, outbound (negative); family is the interface name. 1.37 draws it only once a counter has moved since the agent started (auto, proc_net_dev.c), 2.x for every interface'
    ),
    netdata_net_drops_drops_persec_average: metric(
      [...CHART, 'device', 'interface_type'],
      collector('collectors/proc.plugin/proc_net_dev.c'),
      'chart net_drops.<iface>, dimensions inbound, outbound (negative); family is the interface name. 1.37 draws it only once a counter has moved since the agent started (auto, proc_net_dev.c), 2.x for every interface'
    ),
  },
};
