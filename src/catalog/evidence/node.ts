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
// vmstat: node_vmstat_<field of /proc/vmstat>, untyped, for fields matching --collector.vmstat.fields, whose
// default ^(oom_kill|pgpg|pswp|pg.*fault).* is the same in 1.3 and 1.12 (collector/vmstat_linux.go).
const VMSTAT = [at('collector/vmstat_linux.go')];
const VMSTAT_NOTE = '/proc/vmstat field, untyped but a counter; in the default --collector.vmstat.fields';
const PRESSURE = [at('collector/pressure_linux.go')];
const PRESSURE_NOTE =
  'from /proc/pressure/<resource> (Linux ≥ 4.20 with PSI on; absent otherwise); the "some" line total, µs scaled to seconds';
const SOCKSTAT = [at('collector/sockstat_linux.go')];
// netstat: node_netstat_<Proto>_<field> for fields matching --collector.netstat.fields; these fields are in the
// default regex of 1.3 and 1.12 alike (collector/netstat_linux.go).
const NETSTAT = [at('collector/netstat_linux.go')];
const NETSTAT_NOTE = '/proc/net/snmp counter, untyped; in the default --collector.netstat.fields';
const MD = [at('collector/mdadm_linux.go')];
const MD_NOTE = 'mdadm collector (on by default), from /proc/mdstat: only hosts with md arrays have it';
const HWMON = [at('collector/hwmon_linux.go')];

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
    node_memory_SReclaimable_bytes: metric([], MEMINFO, { note: MEMINFO_NOTE }),
    node_memory_SUnreclaim_bytes: metric([], MEMINFO, { note: MEMINFO_NOTE }),
    node_vmstat_pgmajfault: metric([], VMSTAT, { note: VMSTAT_NOTE }),
    node_vmstat_pswpin: metric([], VMSTAT, { note: `${VMSTAT_NOTE}; pages` }),
    node_vmstat_pswpout: metric([], VMSTAT, { note: `${VMSTAT_NOTE}; pages` }),
    node_vmstat_oom_kill: metric([], VMSTAT, { note: `${VMSTAT_NOTE}; the kernel counts it from Linux 4.13` }),
    node_pressure_cpu_waiting_seconds_total: metric([], PRESSURE, { note: PRESSURE_NOTE }),
    node_pressure_memory_waiting_seconds_total: metric([], PRESSURE, { note: PRESSURE_NOTE }),
    node_pressure_io_waiting_seconds_total: metric([], PRESSURE, { note: PRESSURE_NOTE }),
    node_procs_running: metric([], [at('collector/stat_linux.go')], { note: 'procs_running of /proc/stat' }),
    node_procs_blocked: metric([], [at('collector/stat_linux.go')], { note: 'procs_blocked of /proc/stat' }),
    node_disk_read_time_seconds_total: metric(['device'], DISK, { note: DISK_NOTE }),
    node_disk_write_time_seconds_total: metric(['device'], DISK, { note: DISK_NOTE }),
    node_nf_conntrack_entries: metric([], [at('collector/conntrack_linux.go')], {
      note: 'conntrack collector (on by default); absent while the nf_conntrack module is not loaded',
    }),
    node_nf_conntrack_entries_limit: metric([], [at('collector/conntrack_linux.go')], {
      note: 'net.netfilter.nf_conntrack_max; absent while the nf_conntrack module is not loaded',
    }),
    node_sockstat_sockets_used: metric([], SOCKSTAT, { note: '"sockets: used" of /proc/net/sockstat' }),
    node_sockstat_TCP_inuse: metric([], SOCKSTAT, { note: 'node_sockstat_<protocol>_<field> of /proc/net/sockstat' }),
    node_sockstat_TCP_tw: metric([], SOCKSTAT, { note: 'node_sockstat_<protocol>_<field> of /proc/net/sockstat' }),
    node_sockstat_TCP_orphan: metric([], SOCKSTAT, { note: 'node_sockstat_<protocol>_<field> of /proc/net/sockstat' }),
    node_netstat_Tcp_CurrEstab: metric([], NETSTAT, { note: `${NETSTAT_NOTE} (a gauge in fact)` }),
    node_netstat_Tcp_OutSegs: metric([], NETSTAT, { note: NETSTAT_NOTE }),
    node_netstat_Tcp_RetransSegs: metric([], NETSTAT, { note: NETSTAT_NOTE }),
    node_tcp_connection_states: metric(['state'], [at('collector/tcpstat_linux.go')], {
      note: 'tcpstat collector: off by default in every release (--collector.tcpstat); state is established, syn_sent, … (lower case), plus rx_queued_bytes and tx_queued_bytes, which count bytes',
    }),
    node_textfile_scrape_error: metric([], [at('collector/textfile.go')], {
      note: '1 when a *.prom file of --collector.textfile.directory could not be read or parsed; sent on every scrape',
    }),
    node_md_disks: metric(['device', 'state'], MD, { note: `${MD_NOTE}; state is active, failed or spare` }),
    node_md_disks_required: metric(['device'], MD, { note: `${MD_NOTE}; the disks the array is built for` }),
    node_bonding_slaves: metric(['master'], [at('collector/bonding_linux.go')], {
      note: 'bonding collector (on by default), from /sys/class/net/<bond>/bonding: only hosts with bonds have it',
    }),
    node_bonding_active: metric(['master'], [at('collector/bonding_linux.go')], {
      note: 'slaves whose mii_status is up',
    }),
    node_edac_correctable_errors_total: metric(['controller'], [at('collector/edac_linux.go')], {
      note: 'edac collector (on by default), from /sys/devices/system/edac/mc: only ECC hardware with an EDAC driver has it',
    }),
    node_edac_uncorrectable_errors_total: metric(['controller'], [at('collector/edac_linux.go')], {
      note: 'edac collector, as above',
    }),
    node_hwmon_temp_celsius: metric(['chip', 'sensor'], HWMON, {
      note: 'temp<N>_input of /sys/class/hwmon (millidegrees / 1000); absent where the host exposes no sensors (VMs)',
    }),
    node_systemd_service_restart_total: metric(['name'], [at('collector/systemd_linux.go')], {
      note: 'only with --collector.systemd and --collector.systemd.enable-restarts-metrics, for .service units (systemd ≥ 235: NRestarts)',
    }),
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
    node_time_seconds: metric([], [at('collector/time.go')], {
      note: 'time.Now() of the host, Unix seconds with fractions (time collector, on by default; every OS)',
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
