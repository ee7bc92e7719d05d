import type { ExporterEvidence, MetricEvidence, SourceRef } from './types';

// The collectors moved from pkg/collector/<name>/ (≤ 0.29) to internal/collector/<name>/ (≥ 0.30).
const collector = (name: string, from = 'v0.25.0', until = 'v0.31.8'): [SourceRef, ...SourceRef[]] => {
  const PKG = ['v0.25.0', 'v0.28.0', 'v0.29.0'];
  const INTERNAL = ['v0.30.0', 'v0.31.8'];
  const all = [...PKG, ...INTERNAL];
  const inRange = (tag: string) => all.indexOf(tag) >= all.indexOf(from) && all.indexOf(tag) <= all.indexOf(until);
  const refs: SourceRef[] = [];
  const pkg = PKG.filter(inRange);
  const internal = INTERNAL.filter(inRange);
  if (pkg.length > 0) {
    refs.push({ tags: pkg as [string, ...string[]], file: `pkg/collector/${name}/${name}.go` });
  }
  if (internal.length > 0) {
    refs.push({ tags: internal as [string, ...string[]], file: `internal/collector/${name}/${name}.go` });
  }
  return refs as [SourceRef, ...SourceRef[]];
};

const metric = (labels: string[], sources: [SourceRef, ...SourceRef[]], extra: Partial<MetricEvidence> = {}) => ({
  labels,
  sources,
  ...extra,
});

const VOLUME = ['volume'];
const NIC = ['nic'];

export const windowsEvidence: ExporterEvidence = {
  exporter: 'windows',
  repository: 'prometheus-community/windows_exporter',
  supported: { oldest: 'v0.25.0', current: 'v0.31.8' },
  families: [
    {
      name: 'windows_exporter 0.25 – 0.28',
      differs:
        'memory collector off by default; logical processors and memory from the cs/os collectors; windows_system_system_up_time; services read through WMI: windows_service_status still emitted, service names lowercased, an "unknown" state',
    },
    {
      name: 'windows_exporter 0.29',
      differs:
        'memory collector on by default; windows_memory_physical_total_bytes and windows_cpu_logical_processor added; windows_service_status removed',
    },
    {
      name: 'windows_exporter 0.30',
      differs:
        '0.30.0 – 0.30.1 and 0.30.6 – 0.30.9: windows_system_boot_time_timestamp_seconds, the boot time, replaces windows_system_system_up_time (0.30.6 adds windows_system_boot_time_timestamp beside it)',
    },
    {
      name: 'windows_exporter 0.30.2 – 0.30.5',
      differs:
        'windows_system_boot_time_timestamp_seconds holds the seconds since boot, not the boot time (internal/pdh/collector.go v0.30.2 reads the elapsed-time counter as SecondValue − FirstValue; 0.30.6 restores the timestamp)',
    },
    {
      name: 'windows_exporter 0.31',
      differs:
        'cs collector, windows_os_physical_memory_free_bytes and windows_system_boot_time_timestamp_seconds removed',
    },
  ],
  metrics: {
    windows_exporter_build_info: metric(
      // version.NewCollector in the files below: prometheus/common's (< 0.29), client_golang's (≥ 0.29).
      ['version', 'revision', 'branch', 'goversion', 'goos', 'goarch', 'tags'],
      [
        { tags: ['v0.25.0', 'v0.28.0'], file: 'pkg/collector/handler.go' },
        { tags: ['v0.29.0'], file: 'pkg/httphandler/httphandler.go' },
        { tags: ['v0.30.0', 'v0.31.8'], file: 'internal/httphandler/httphandler.go' },
      ],
      {
        note: 'version is `git describe --tags` without its v (.github/workflows/release.yml at v0.30.5: 0.30.5); the uptime and processor utility queries read it to tell 0.30 releases apart',
      }
    ),
    windows_exporter_collector_success: metric(
      ['collector'],
      [
        { tags: ['v0.25.0', 'v0.28.0', 'v0.29.0'], file: 'pkg/collector/prometheus.go' },
        { tags: ['v0.30.0', 'v0.31.8'], file: 'pkg/collector/collection.go' },
      ]
    ),
    windows_os_info: metric([], collector('os'), {
      note: 'product and version in labels (variable labels at 0.25, constant labels at 0.31); os is a default collector',
    }),
    windows_cpu_time_total: metric(['core', 'mode'], collector('cpu'), {
      note: 'seconds: the 100 ns timer counters are scaled to seconds by perflib / pdh',
    }),
    windows_cpu_processor_utility_total: metric(['core'], collector('cpu'), {
      note: 'raw "% Processor Utility"; its rate over the rate of processor_rtc_total is already a percentage. A constant 0 in 0.30.0 – 0.30.5: internal/pdh/collector.go NewCollectorWithReflection files the ",secondvalue" field under a new counter that replaces the one holding the value field (fixed in 0.30.6, upstream PR #1966)',
    }),
    windows_cpu_processor_rtc_total: metric(['core'], collector('cpu'), {
      note: 'the second value (base) of "% Processor Utility"',
    }),
    windows_cpu_logical_processor: metric([], collector('cpu', 'v0.29.0'), { versions: '≥ 0.29' }),
    windows_cs_logical_processors: metric([], collector('cs', 'v0.25.0', 'v0.30.0'), { versions: '< 0.31' }),
    windows_cs_physical_memory_bytes: metric([], collector('cs', 'v0.25.0', 'v0.30.0'), { versions: '< 0.31' }),
    windows_os_physical_memory_free_bytes: metric([], collector('os', 'v0.25.0', 'v0.30.0'), { versions: '< 0.31' }),
    windows_memory_available_bytes: metric([], collector('memory'), {
      note: 'memory collector: not a default collector before 0.29',
    }),
    windows_memory_physical_total_bytes: metric([], collector('memory', 'v0.29.0'), { versions: '≥ 0.29' }),
    windows_memory_committed_bytes: metric([], collector('memory'), {
      note: 'memory collector: not a default collector before 0.29',
    }),
    windows_memory_commit_limit: metric([], collector('memory'), {
      note: 'memory collector: not a default collector before 0.29',
    }),
    windows_system_boot_time_timestamp: metric(
      [],
      [{ tags: ['v0.30.6', 'v0.30.9', 'v0.31.0', 'v0.31.8'], file: 'internal/collector/system/system.go' }],
      { versions: '≥ 0.30.6' }
    ),
    windows_system_boot_time_timestamp_seconds: metric(
      [],
      [{ tags: ['v0.30.0', 'v0.30.2', 'v0.30.5', 'v0.30.6', 'v0.30.9'], file: 'internal/collector/system/system.go' }],
      {
        versions: '0.30',
        note: 'the only boot time name in 0.30.0 – 0.30.5; deprecated beside windows_system_boot_time_timestamp from 0.30.6; gone in 0.31. Its value is the "System Up Time" elapsed-time counter read raw through PDH: the boot time as a Unix timestamp in 0.30.0 – 0.30.1, the seconds since boot in 0.30.2 – 0.30.5 (internal/pdh/collector.go v0.30.2 collectWorkerRaw: (SecondValue − FirstValue) / Frequency instead of (FirstValue − Windows epoch) / Frequency; upstream issues #1963, #1995), the boot time again from 0.30.6 (GetTickCount64)',
      }
    ),
    windows_system_system_up_time: metric([], collector('system', 'v0.25.0', 'v0.29.0'), {
      versions: '< 0.30',
      note: 'despite the name, the boot time as a Unix timestamp (perflib converts PERF_ELAPSED_TIME)',
    }),
    windows_system_processor_queue_length: metric([], collector('system')),
    windows_logical_disk_free_bytes: metric(VOLUME, collector('logical_disk')),
    windows_logical_disk_size_bytes: metric(VOLUME, collector('logical_disk')),
    windows_logical_disk_idle_seconds_total: metric(VOLUME, collector('logical_disk'), {
      note: 'seconds (100 ns timer scaled), so its rate is the idle share 0–1',
    }),
    windows_logical_disk_read_bytes_total: metric(VOLUME, collector('logical_disk')),
    windows_logical_disk_write_bytes_total: metric(VOLUME, collector('logical_disk')),
    windows_logical_disk_requests_queued: metric(VOLUME, collector('logical_disk')),
    windows_net_bytes_received_total: metric(NIC, collector('net')),
    windows_net_bytes_sent_total: metric(NIC, collector('net')),
    windows_net_packets_received_errors_total: metric(NIC, collector('net')),
    windows_net_packets_outbound_discarded_total: metric(NIC, collector('net')),
    windows_service_state: metric(['name', 'state'], collector('service'), {
      note: 'one series per state, 1 for the current one; "running" among the states',
    }),
    windows_service_start_mode: metric(['name', 'start_mode'], collector('service'), {
      note: 'one series per mode, 1 for the configured one; "auto" among the modes',
    }),
    windows_service_status: metric(['name', 'status'], collector('service', 'v0.25.0', 'v0.28.0'), {
      versions: '< 0.29',
    }),
    windows_time_computed_time_offset_seconds: metric([], collector('time'), {
      note: 'time collector: in no version’s default collectors',
    }),
  },
};
