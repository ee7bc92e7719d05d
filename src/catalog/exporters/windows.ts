import { joinLabels, sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext, Requirement } from '../types';

// Volumes without a drive letter (HarddiskVolume1, recovery partitions) are not what operators fill up.
const REAL_VOLUME = 'volume!~"HarddiskVolume.*"';
// Virtual adapters (ISATAP, Teredo, loopback pseudo-interfaces) carry no real traffic.
const REAL_NIC = 'nic!~"isatap.*|Teredo.*|.*Loopback.*"';

const cpuIdle = (q: QueryContext) =>
  `avg by (${q.by}) (rate(${sel('windows_cpu_time_total', q, 'mode="idle"')}[${q.range}]))`;

// The worst value of the window: a failed scrape (an overloaded host often times out) marks the
// series stale and would otherwise reset the alert's `for` timer.
const memoryUsedPeak = (q: QueryContext) =>
  `(100 * (1 - min_over_time(${sel('windows_memory_available_bytes', q)}[${q.range}]) / ${sel('windows_memory_physical_total_bytes', q)})) or (100 * (1 - min_over_time(${sel('windows_os_physical_memory_free_bytes', q)}[${q.range}]) / ${sel('windows_cs_physical_memory_bytes', q)}))`;
const volumeUsedPeak = (q: QueryContext) =>
  `100 * (1 - min_over_time(${sel('windows_logical_disk_free_bytes', q, REAL_VOLUME)}[${q.range}]) / ${sel('windows_logical_disk_size_bytes', q, REAL_VOLUME)})`;

// Stock services that are automatic but stopped on a healthy host most of the time. windows_exporter reports
// start_mode="auto" for every SERVICE_AUTO_START service (internal/collector/service/service.go v0.31.8
// apiStartModeValues; the lowercased WMI StartMode in v0.25.0 pkg/collector/service/service.go), delayed-start and
// trigger-start alike, so the alert cannot tell them from a service that died. Each is left out with its reason:
// - sppsvc (Software Protection): startup type Automatic ("Guidance on disabling system services on Windows Server
//   2016 with Desktop Experience", MicrosoftDocs/windowsserverdocs security-guidelines-for-disabling-system-services-
//   in-windows-server.md); delayed and trigger start, it runs a licensing check, stops and schedules its own restart
//   (opinkerfi/okconfig#80, ConSol-Monitoring/snclient#87: "sppsvc=stopped (delayed)").
// - RemoteRegistry: Automatic in the same guidance; on Windows Server 2012 and later it starts on a trigger (the
//   winreg named pipe) and stops again when idle (SigmaHQ/sigma#6191, seen on Server 2025 Core; okconfig#80;
//   mickem/nscp#424).
// - MapsBroker (Downloaded Maps Manager): Automatic in the same guidance, which also says it "is started on-demand
//   by application accessing downloaded maps".
// - edgeupdate (Microsoft Edge Update): automatic, stopped between update checks (snclient#87, on Windows Server).
// - gupdate (Google Update, installed with Chrome): "activated by COM runtime as needed … nor run all the time"
//   (google/omaha#117, a maintainer).
// Names are matched case-insensitively: windows_exporter < 0.29 lowercases them (WMI), ≥ 0.29 keeps the SCM's case.
const STOPPED_BY_DESIGN_SERVICES = ['sppsvc', 'RemoteRegistry', 'MapsBroker', 'edgeupdate', 'gupdate'] as const;
const STOPPED_BY_DESIGN_LIST = STOPPED_BY_DESIGN_SERVICES.join(', ');
const AUTO_START_WATCHED = `start_mode="auto",name!~"(?i:${STOPPED_BY_DESIGN_SERVICES.join('|')})"`;

// The releases whose windows_system_boot_time_timestamp_seconds is the uptime, not the boot time. The version
// label is `git describe --tags` without its v (.github/workflows/release.yml), so builds past a tag match too.
const uptimeReleases = (q: QueryContext) => sel('windows_exporter_build_info', q, 'version=~"0[.]30[.][2-5](-.*)?"');

// Default collectors: pkg/types/const.go (0.25 – 0.30), pkg/collector/types.go (0.31): memory joined them in 0.29, time never.
const MEMORY_COLLECTOR: Requirement = {
  kind: 'collector',
  enable: '--collectors.enabled "[defaults],memory"',
  versions: 'windows_exporter < 0.29',
  offByDefault: true,
};
const TIME_COLLECTOR: Requirement = {
  kind: 'collector',
  enable: '--collectors.enabled "[defaults],time"',
  offByDefault: true,
};

export const windowsExporter = defineExporter({
  id: 'windows',
  title: 'Windows exporter',
  layer: 'infrastructure',
  defaultPort: 9182,
  docsUrl: 'https://github.com/prometheus-community/windows_exporter',
  description: 'Windows hosts: CPU, memory, volumes, network, services and time synchronisation.',
  detection: { metrics: ['windows_os_info', 'windows_exporter_build_info'] },
  infoMetrics: ['windows_os_info'],
  versionMetric: { metric: 'windows_exporter_build_info', label: 'version' },
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
      id: 'volumeUsage',
      direction: 'above',
      warning: 90,
      critical: 95,
      min: 1,
    },
    {
      id: 'clockOffset',
      direction: 'above',
      warning: 1,
      min: 0.001,
      max: 60,
    },
    {
      id: 'processorQueue',
      direction: 'above',
      warning: 2,
      min: 0.1,
      max: 100,
      description: 'Threads waiting for a CPU per logical processor; sustained values above 2 mean CPU starvation.',
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'Exporter up',
      description: 'Whether Prometheus reached windows_exporter at its last scrape (1 = up).',
      unit: 'bool_yes_no',
      expr: (q) => `${sel('up', q)} and on (${q.by}) ${sel('windows_os_info', q)}`,
    },
    {
      id: 'uptime',
      title: 'Uptime',
      description: 'Time since Windows booted.',
      unit: 'dtdurations',
      variants: [
        {
          note: 'windows_exporter ≥ 0.30.6 (system collector boot time)',
          expr: (q) => `time() - ${sel('windows_system_boot_time_timestamp', q)}`,
        },
        {
          // 0.30.0 – 0.30.5 have only this name (internal/collector/system/system.go); 0.30.6 added the
          // one above beside it and 0.31 dropped it. Without it WindowsRebooted never fired on those releases.
          note: 'windows_exporter 0.30.0 – 0.30.1, 0.30.6 – 0.30.9: windows_system_boot_time_timestamp_seconds holds the boot time (the only boot time name in 0.30.0 – 0.30.5)',
          expr: (q) =>
            `time() - (${sel('windows_system_boot_time_timestamp_seconds', q)} unless on (${joinLabels(q)}) ${uptimeReleases(q)})`,
        },
        {
          // v0.30.2 changed the PDH raw reading of the elapsed-time counter to SecondValue − FirstValue
          // (internal/pdh/collector.go), so the same name held the uptime until 0.30.6: read as a boot time, it
          // put every boot 55 years back and WindowsRebooted never fired (upstream issues #1963, #1995).
          note: 'windows_exporter 0.30.2 – 0.30.5: windows_system_boot_time_timestamp_seconds holds the seconds since boot',
          expr: (q) =>
            `${sel('windows_system_boot_time_timestamp_seconds', q)} and on (${joinLabels(q)}) ${uptimeReleases(q)}`,
        },
        {
          note: 'windows_exporter < 0.30: windows_system_system_up_time, which despite its name holds the boot timestamp (perflib converts the elapsed-time counter to a Unix time)',
          expr: (q) => `time() - ${sel('windows_system_system_up_time', q)}`,
        },
      ],
    },
    {
      id: 'cpuCount',
      title: 'Logical processors',
      description: 'Number of logical processors Windows reports.',
      unit: 'short',
      variants: [
        { note: 'windows_exporter ≥ 0.29 (cpu collector)', expr: (q) => sel('windows_cpu_logical_processor', q) },
        {
          note: 'windows_exporter < 0.31 (cs collector, removed in 0.31)',
          expr: (q) => sel('windows_cs_logical_processors', q),
        },
      ],
    },
    {
      id: 'cpuUtilisation',
      title: 'CPU utilisation',
      description: 'Share of CPU time spent not idle, averaged over all logical processors.',
      unit: 'percent',
      expr: (q) => `100 * (1 - ${cpuIdle(q)})`,
      threshold: 'cpuUtilisation',
    },
    {
      id: 'cpuUtility',
      title: 'Processor utility',
      description:
        'CPU load as Task Manager shows it (Processor Utility, scaled by frequency); can exceed 100% with turbo boost.',
      unit: 'percent',
      variants: [
        {
          // "% Processor Utility" is read raw with its RTC base as the second value (cpu collector,
          // every supported version): the ratio of their rates is already a percentage, as Task
          // Manager shows it, so it is not multiplied by 100 (that drew 1,400% for a 14% load).
          // 0.30.0 – 0.30.5 send the utility as a constant 0 (internal/pdh/collector.go: the RTC's ",secondvalue"
          // field replaces the counter that held the utility's field; fixed in 0.30.6, upstream PR #1966): left out
          // there rather than drawn as an idle CPU.
          note: 'windows_exporter ≥ 0.25 on Windows 8 / Server 2012 and later, except 0.30.0 – 0.30.5',
          expr: (q) =>
            `sum by (${q.by}) (rate(${sel('windows_cpu_processor_utility_total', q)}[${q.range}])) / sum by (${q.by}) (rate(${sel('windows_cpu_processor_rtc_total', q)}[${q.range}])) unless on (${joinLabels(q)}) ${sel('windows_exporter_build_info', q, 'version=~"0[.]30[.][0-5](-.*)?"')}`,
        },
      ],
      axisFitsData: 'turbo boost takes it past 100 %',
      optional:
        'older windows_exporter releases and Windows versions before 8 / Server 2012 have no processor utility counters, and windows_exporter 0.30.0 – 0.30.5 send it as a constant 0',
    },
    {
      id: 'cpuByMode',
      title: 'CPU time by mode',
      description:
        'Share of CPU time per mode (user, privileged, interrupt, dpc), averaged over all processors; idle is left out.',
      unit: 'percentunit',
      expr: (q) => `avg by (${q.by}, mode) (rate(${sel('windows_cpu_time_total', q, 'mode!="idle"')}[${q.range}]))`,
      legend: '{{instance}} {{mode}}',
    },
    {
      id: 'processorQueue',
      title: 'Processor queue per core',
      description: 'Threads ready to run but waiting for a processor, per logical processor.',
      unit: 'short',
      expr: (q) =>
        `sum by (${q.by}) (${sel('windows_system_processor_queue_length', q)}) / count by (${q.by}) (${sel('windows_cpu_time_total', q, 'mode="idle"')})`,
      threshold: 'processorQueue',
      min: 0,
    },
    {
      id: 'memoryUtilisation',
      title: 'Memory utilisation',
      description: 'Share of physical memory not available to processes (1 − available / total).',
      unit: 'percent',
      variants: [
        {
          note: 'windows_exporter ≥ 0.29 (memory collector, default since 0.29)',
          expr: (q) =>
            `100 * (1 - ${sel('windows_memory_available_bytes', q)} / ${sel('windows_memory_physical_total_bytes', q)})`,
        },
        {
          note: 'windows_exporter < 0.31: os collector free memory over the cs collector total (both removed in 0.31)',
          expr: (q) =>
            `100 * (1 - ${sel('windows_os_physical_memory_free_bytes', q)} / ${sel('windows_cs_physical_memory_bytes', q)})`,
        },
      ],
      threshold: 'memoryUtilisation',
    },
    {
      id: 'commitUtilisation',
      requires: MEMORY_COLLECTOR,
      title: 'Commit charge',
      description:
        'Committed virtual memory as a share of the commit limit (RAM + page files); at 100% allocations fail.',
      unit: 'percent',
      expr: (q) => `100 * ${sel('windows_memory_committed_bytes', q)} / ${sel('windows_memory_commit_limit', q)}`,
      // The memory collector joined the default collectors in 0.29 (DefaultCollectors in 0.28 vs 0.29).
      optional: 'windows_exporter < 0.29: needs the memory collector, which those versions do not enable by default',
    },
    {
      id: 'volumeUsage',
      title: 'Volume used',
      description: 'Share of each volume in use.',
      unit: 'percent',
      expr: (q) =>
        `100 * (1 - ${sel('windows_logical_disk_free_bytes', q, REAL_VOLUME)} / ${sel('windows_logical_disk_size_bytes', q, REAL_VOLUME)})`,
      legend: '{{instance}} {{volume}}',
      threshold: 'volumeUsage',
    },
    {
      id: 'volumeFree',
      title: 'Volume free space',
      description: 'Bytes free on each volume.',
      unit: 'bytes',
      expr: (q) => sel('windows_logical_disk_free_bytes', q, REAL_VOLUME),
      legend: '{{instance}} {{volume}}',
    },
    {
      id: 'diskBusy',
      title: 'Volume busy time',
      description: 'Share of time each volume was busy (1 − idle time); near 100% the storage is the bottleneck.',
      unit: 'percentunit',
      expr: (q) => `1 - rate(${sel('windows_logical_disk_idle_seconds_total', q, REAL_VOLUME)}[${q.range}])`,
      legend: '{{instance}} {{volume}}',
    },
    {
      id: 'diskThroughput',
      title: 'Volume throughput',
      description: 'Bytes read plus written per second on each volume.',
      unit: 'Bps',
      expr: (q) =>
        `rate(${sel('windows_logical_disk_read_bytes_total', q, REAL_VOLUME)}[${q.range}]) + rate(${sel('windows_logical_disk_write_bytes_total', q, REAL_VOLUME)}[${q.range}])`,
      legend: '{{instance}} {{volume}}',
    },
    {
      id: 'diskQueue',
      title: 'Volume queue',
      description: 'I/O requests queued on each volume at the moment of the scrape.',
      unit: 'short',
      expr: (q) => sel('windows_logical_disk_requests_queued', q, REAL_VOLUME),
      legend: '{{instance}} {{volume}}',
      min: 0,
    },
    {
      id: 'networkReceive',
      title: 'Network received',
      description: 'Bytes received per second on each network adapter.',
      unit: 'Bps',
      expr: (q) => `rate(${sel('windows_net_bytes_received_total', q, REAL_NIC)}[${q.range}])`,
      legend: '{{instance}} {{nic}} in',
    },
    {
      id: 'networkTransmit',
      title: 'Network sent',
      description: 'Bytes sent per second on each network adapter.',
      unit: 'Bps',
      expr: (q) => `rate(${sel('windows_net_bytes_sent_total', q, REAL_NIC)}[${q.range}])`,
      legend: '{{instance}} {{nic}} out',
    },
    {
      id: 'networkProblems',
      title: 'Network errors and discards',
      description:
        'Received packets with errors plus outbound packets discarded, per second; sustained values point at drivers, cabling or full queues.',
      unit: 'pps',
      expr: (q) =>
        `rate(${sel('windows_net_packets_received_errors_total', q, REAL_NIC)}[${q.range}]) + rate(${sel('windows_net_packets_outbound_discarded_total', q, REAL_NIC)}[${q.range}])`,
      legend: '{{instance}} {{nic}}',
      min: 0,
    },
    {
      id: 'autoServicesNotRunning',
      title: 'Auto-start services not running',
      description: `Services set to start automatically that are not in the running state; each one is a service that should be up and is not. Stock services that start on demand and stop by design (${STOPPED_BY_DESIGN_LIST}) are not counted.`,
      unit: 'short',
      variants: [
        {
          note: 'all versions: windows_service_state{state} and windows_service_start_mode{start_mode}',
          expr: (q) =>
            `sum by (${q.by}) ((1 - ${sel('windows_service_state', q, 'state="running"')}) * on (${joinLabels(q, 'name')}) ${sel('windows_service_start_mode', q, AUTO_START_WATCHED)})`,
        },
      ],
      min: 0,
    },
    {
      id: 'serviceState',
      title: 'Service state',
      description:
        'Current state of each service (running, stopped, paused, pending); one series per service in its present state.',
      unit: 'none',
      variants: [
        {
          note: 'windows_exporter: windows_service_state (the only one left in ≥ 0.29)',
          expr: (q) => `${sel('windows_service_state', q)} > 0`,
        },
        {
          note: 'windows_exporter < 0.29: windows_service_status{status} (ok, degraded, error, …), removed in 0.29',
          expr: (q) => `${sel('windows_service_status', q)} > 0`,
        },
      ],
      legend: '{{instance}} {{name}} {{state}}{{status}}',
    },
    {
      id: 'collectorFailures',
      title: 'Failed collectors',
      description:
        'Collectors whose last run failed (a WMI or performance-counter query erroring or timing out); their metrics are missing from this scrape while the exporter itself stays up.',
      unit: 'short',
      variants: [
        {
          note: 'all versions: windows_exporter_collector_success{collector}',
          expr: (q) => `${sel('windows_exporter_collector_success', q)} == 0`,
        },
      ],
      legend: '{{instance}} {{collector}}',
      optional: 'empty while every collector succeeds (the query keeps only failed ones)',
    },
    {
      id: 'clockOffset',
      requires: TIME_COLLECTOR,
      title: 'Clock offset',
      description: 'Offset between the system clock and its time source as computed by the Windows Time service.',
      unit: 's',
      expr: (q) => sel('windows_time_computed_time_offset_seconds', q),
      threshold: 'clockOffset',
      optional: 'needs the time collector, which is not on by default',
    },
  ],
  alerts: [
    {
      id: 'cpu-high',
      name: 'WindowsCpuHigh',
      severity: 'warning',
      for: '15m',
      signal: 'cpuUtilisation',
      summary: 'CPU of {{ $labels.instance }} is busy.',
      description:
        'CPU utilisation of {{ $labels.instance }} has stayed above the warning threshold for 15 minutes. Find the busy processes (Task Manager, Get-Process | Sort CPU) and add capacity if the load is legitimate.',
    },
    {
      id: 'memory-high',
      name: 'WindowsMemoryHigh',
      severity: 'warning',
      for: '15m',
      query: memoryUsedPeak,
      threshold: 'memoryUtilisation',
      summary: 'Memory of {{ $labels.instance }} is nearly exhausted.',
      description:
        'Less than the threshold of physical memory on {{ $labels.instance }} has been available for 15 minutes; Windows pages to disk and slows down. Find the process using the memory or add RAM.',
    },
    {
      id: 'memory-critical',
      name: 'WindowsMemoryCritical',
      severity: 'critical',
      for: '5m',
      query: memoryUsedPeak,
      threshold: 'memoryUtilisation',
      summary: '{{ $labels.instance }} is out of memory.',
      description:
        'Almost no physical memory is available on {{ $labels.instance }}; allocations start to fail and services crash. Stop or restart the process using the memory now, then add RAM or move load away.',
    },
    {
      id: 'volume-full',
      name: 'WindowsVolumeAlmostFull',
      severity: 'warning',
      for: '15m',
      query: volumeUsedPeak,
      threshold: 'volumeUsage',
      summary: 'Volume {{ $labels.volume }} on {{ $labels.instance }} is almost full.',
      description:
        'Volume {{ $labels.volume }} on {{ $labels.instance }} is fuller than the warning threshold. Clean up (logs, temp files, WinSxS with DISM) or extend the volume before writes fail.',
    },
    {
      id: 'volume-critical',
      name: 'WindowsVolumeFull',
      severity: 'critical',
      for: '5m',
      query: volumeUsedPeak,
      threshold: 'volumeUsage',
      summary: 'Volume {{ $labels.volume }} on {{ $labels.instance }} is full.',
      description:
        'Volume {{ $labels.volume }} on {{ $labels.instance }} is fuller than the critical threshold; services writing to it are about to fail. Free space now or extend the volume.',
    },
    {
      id: 'service-down',
      name: 'WindowsAutoServiceNotRunning',
      severity: 'warning',
      for: '5m',
      // Not running at any scrape of the window: a service restarting within it stays quiet.
      query: (q) =>
        `max without (state) ((1 - max_over_time(${sel('windows_service_state', q, 'state="running"')}[${q.range}])) * on (${joinLabels(q, 'name')}) ${sel('windows_service_start_mode', q, AUTO_START_WATCHED)})`,
      comparison: '>',
      threshold: 0,
      summary: 'Service {{ $labels.name }} on {{ $labels.instance }} should run but does not.',
      description: `The automatic-start service {{ $labels.name }} on {{ $labels.instance }} has not been running for 10 minutes. Check its event log entries and start it (Start-Service {{ $labels.name }}). Stock services that are automatic but start on demand and stop by design are left out: ${STOPPED_BY_DESIGN_LIST}. If this one is also meant to stop, set it to manual, or keep it out of the exporter’s scope with --collector.service.exclude (windows_exporter ≥ 0.29; --collector.service.services-where before).`,
    },
    {
      id: 'clock-skew',
      name: 'WindowsClockSkew',
      severity: 'warning',
      for: '5m',
      query: (q) => `abs(${sel('windows_time_computed_time_offset_seconds', q)})`,
      threshold: 'clockOffset',
      summary: 'The clock on {{ $labels.instance }} is off.',
      description:
        'The Windows Time service of {{ $labels.instance }} reports an offset above the threshold. Kerberos fails beyond 5 minutes of skew; check w32tm /query /status and the time source (domain hierarchy or NTP).',
      optional: 'needs the time collector, which is not on by default',
    },
    {
      id: 'processor-queue',
      name: 'WindowsProcessorQueueHigh',
      severity: 'warning',
      for: '15m',
      query: (q) =>
        `sum by (${q.by}) (avg_over_time(${sel('windows_system_processor_queue_length', q)}[${q.range}])) / count by (${q.by}) (${sel('windows_cpu_time_total', q, 'mode="idle"')})`,
      threshold: 'processorQueue',
      summary: 'Threads on {{ $labels.instance }} wait for a CPU.',
      description:
        'More threads per logical processor than the threshold have been waiting to run on {{ $labels.instance }} for 15 minutes: the host is CPU-starved. Find the busy processes or add cores.',
    },
    {
      id: 'collector-failed',
      name: 'WindowsCollectorFailed',
      severity: 'warning',
      for: '15m',
      // Failed at every scrape of the window: one collector timing out once on a busy host stays quiet.
      query: (q) => `1 - max_over_time(${sel('windows_exporter_collector_success', q)}[${q.range}])`,
      comparison: '>',
      threshold: 0,
      summary: 'Collector {{ $labels.collector }} on {{ $labels.instance }} fails.',
      description:
        'The {{ $labels.collector }} collector of windows_exporter on {{ $labels.instance }} has failed at every scrape for 15 minutes, so its metrics and the alerts built on them are silent while the exporter looks up. Check the exporter log (Application event log, source windows_exporter) for the collector error first; WMI or performance-counter failures usually clear with a restart of the winmgmt or pla service, or of the exporter.',
    },
    {
      id: 'rebooted',
      name: 'WindowsRebooted',
      severity: 'info',
      for: '0s',
      signal: 'uptime',
      comparison: '<',
      // 15 minutes: long enough to be seen after the exporter itself comes back up.
      threshold: 900,
      summary: '{{ $labels.instance }} rebooted.',
      description:
        '{{ $labels.instance }} booted within the last 15 minutes. Expected after patching (Windows Update); otherwise check the System event log for event 41 (unexpected shutdown) or a bugcheck.',
    },
  ],
  overview: ['cpuUtilisation', 'memoryUtilisation', 'volumeUsage', 'autoServicesNotRunning'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['up'], kind: 'stat', width: 4 },
        { signals: ['uptime'], kind: 'stat', width: 4 },
        { signals: ['cpuCount'], kind: 'stat', width: 4 },
        { signals: ['cpuUtilisation'], kind: 'gauge', width: 4 },
        { signals: ['memoryUtilisation'], kind: 'gauge', width: 4 },
        { signals: ['autoServicesNotRunning'], kind: 'stat', width: 4 },
      ],
    },
    {
      title: 'CPU',
      panels: [
        {
          signals: ['cpuUtilisation', 'cpuUtility'],
          title: 'CPU utilisation',
          description: 'Non-idle CPU time and Task Manager’s processor utility.',
          width: 8,
        },
        { signals: ['cpuByMode'], stack: true, width: 8 },
        { signals: ['processorQueue'], width: 8 },
      ],
    },
    {
      title: 'Memory',
      panels: [
        { signals: ['memoryUtilisation'], width: 12 },
        { signals: ['commitUtilisation'], width: 12 },
      ],
    },
    {
      title: 'Volumes',
      panels: [
        { signals: ['volumeUsage'], kind: 'bargauge', width: 8 },
        { signals: ['volumeFree'], width: 8 },
        { signals: ['diskBusy'], width: 8 },
        { signals: ['diskThroughput'], width: 12 },
        { signals: ['diskQueue'], width: 12 },
      ],
    },
    {
      title: 'Network',
      panels: [
        {
          signals: ['networkReceive', 'networkTransmit'],
          title: 'Network traffic',
          description: 'Bytes received and sent per second on each adapter.',
          width: 12,
        },
        { signals: ['networkProblems'], width: 12 },
      ],
    },
    {
      title: 'Services and time',
      panels: [
        { signals: ['serviceState'], kind: 'table', width: 12 },
        { signals: ['clockOffset'], width: 12 },
      ],
    },
    {
      title: 'Exporter collectors',
      panels: [{ signals: ['collectorFailures'], kind: 'table', width: 24 }],
    },
  ],
});
