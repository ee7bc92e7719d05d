/**
 * promtool cases for the windows alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import type { PromtoolCases } from '../promtool-cases';

// promtool test series for one Windows host, each built from its family's fixture
// (tests/fixtures/exporters/windows-<family>.prom).
const HOST = { job: 'windows', instance: 'win-1:9182' };
const V025 = 'windows_exporter 0.25 – 0.28';
const V029 = 'windows_exporter 0.29';
const V030 = 'windows_exporter 0.30';
const V0302 = 'windows_exporter 0.30.2 – 0.30.5';
const V031 = 'windows_exporter 0.31';
const v025 = familyFixture('windows', V025).at(HOST);
const v029 = familyFixture('windows', V029).at(HOST);
const v030 = familyFixture('windows', V030).at(HOST);
const v0302 = familyFixture('windows', V0302).at(HOST);
const host = familyFixture('windows', V031).at(HOST);

type At = typeof host;
const idle = (at: At, core: string) => at.series('windows_cpu_time_total', { core, mode: 'idle' });
// Memory as the alert reads it: the memory collector (≥ 0.29) and the os/cs pair (< 0.31).
const memoryCollector = (at: At, available: string, total: string) => [
  { series: at.series('windows_memory_available_bytes'), values: available },
  { series: at.series('windows_memory_physical_total_bytes'), values: total },
];
const osAndCs = (at: At, free: string, total: string) => [
  { series: at.series('windows_os_physical_memory_free_bytes'), values: free },
  { series: at.series('windows_cs_physical_memory_bytes'), values: total },
];
const volume = (at: At, name: string, free: string, size: string) => [
  { series: at.series('windows_logical_disk_free_bytes', { volume: name }), values: free },
  { series: at.series('windows_logical_disk_size_bytes', { volume: name }), values: size },
];
const service = (at: At, name: string, running: string, auto: string) => [
  { series: at.series('windows_service_state', { name, state: 'running' }), values: running },
  { series: at.series('windows_service_start_mode', { name, start_mode: 'auto' }), values: auto },
];

// One collector failing at every scrape fires; one failing once among successes (a timeout) stays quiet.
const collectorCases = (at: At) => ({
  fires: {
    series: [
      { series: at.series('windows_exporter_collector_success', { collector: 'logical_disk' }), values: '0x30' },
      { series: at.series('windows_exporter_collector_success', { collector: 'cpu' }), values: '1x30' },
    ],
    evalTime: '25m',
    labels: { ...HOST, collector: 'logical_disk' },
  },
  quiet: {
    series: [
      { series: at.series('windows_exporter_collector_success', { collector: 'logical_disk' }), values: '1x20 0 1x9' },
      { series: at.series('windows_exporter_collector_success', { collector: 'cpu' }), values: '1x30' },
    ],
    evalTime: '25m',
  },
});

// The exporter's build info as each 0.30 fixture has it: which 0.30 release decides how the boot time is read.
const buildInfo = (at: At, version: string) => ({
  series: at.series('windows_exporter_build_info', {
    branch: 'HEAD',
    goarch: 'amd64',
    goos: 'windows',
    goversion: 'go1.23.4',
    revision: '3c4e1a9b7f',
    tags: 'unknown',
    version,
  }),
  values: '1x40',
});

// Every boot is a reboot to this alert for its first 15 minutes (up to minute 15 of the quiet series, whose boot is at
// minute 1): past them, it must have forgotten it.
const BOOTED_29_MINUTES_AGO = 'the alert is about a boot in the last 15 minutes: one 29 minutes ago must have left it';

export const windowsPromtoolCases: PromtoolCases = {
  'cpu-high': {
    family: V031,
    fires: {
      series: [
        { series: idle(host, '0,0'), values: '0+3x30' },
        { series: host.series('windows_cpu_time_total', { core: '0,0', mode: 'user' }), values: '0+57x30' },
      ],
      evalTime: '25m',
      labels: HOST,
    },
    quiet: {
      series: [
        { series: idle(host, '0,0'), values: '0+45x30' },
        { series: host.series('windows_cpu_time_total', { core: '0,0', mode: 'user' }), values: '0+15x30' },
      ],
      evalTime: '25m',
    },
  },
  // The memory collector is default from 0.29 on and the cs collector is gone in 0.31, so 0.25 – 0.28
  // have only the os/cs pair, 0.29 – 0.30 both, 0.31 only the memory collector.
  'memory-high': {
    family: V031,
    fires: { series: memoryCollector(host, '700x30', '8000x30'), evalTime: '25m', labels: HOST },
    quiet: { series: memoryCollector(host, '4000x30', '8000x30'), evalTime: '25m' },
    otherFamilies: [
      {
        family: V025,
        fires: { series: osAndCs(v025, '700x30', '8000x30'), evalTime: '25m', labels: HOST },
        quiet: { series: osAndCs(v025, '4000x30', '8000x30'), evalTime: '25m' },
      },
      {
        // Both pairs at once: one alert per host, not two.
        family: V029,
        fires: {
          series: [...memoryCollector(v029, '700x30', '8000x30'), ...osAndCs(v029, '700x30', '8000x30')],
          evalTime: '25m',
          labels: HOST,
        },
        quiet: {
          series: [...memoryCollector(v029, '4000x30', '8000x30'), ...osAndCs(v029, '4000x30', '8000x30')],
          evalTime: '25m',
        },
      },
    ],
  },
  'memory-critical': {
    family: V025,
    fires: { series: osAndCs(v025, '100x20', '8000x20'), evalTime: '15m', labels: HOST },
    quiet: { series: osAndCs(v025, '700x20', '8000x20'), evalTime: '15m' },
    otherFamilies: [
      {
        family: V031,
        fires: { series: memoryCollector(host, '100x20', '8000x20'), evalTime: '15m', labels: HOST },
        quiet: { series: memoryCollector(host, '700x20', '8000x20'), evalTime: '15m' },
      },
      {
        family: V029,
        fires: {
          series: [...memoryCollector(v029, '100x20', '8000x20'), ...osAndCs(v029, '100x20', '8000x20')],
          evalTime: '15m',
          labels: HOST,
        },
        quiet: {
          series: [...memoryCollector(v029, '700x20', '8000x20'), ...osAndCs(v029, '700x20', '8000x20')],
          evalTime: '15m',
        },
      },
    ],
  },
  'volume-full': {
    family: V031,
    fires: { series: volume(host, 'C:', '70x30', '1000x30'), evalTime: '25m', labels: { ...HOST, volume: 'C:' } },
    quiet: {
      series: [...volume(host, 'HarddiskVolume1', '10x30', '1000x30'), ...volume(host, 'C:', '300x30', '1000x30')],
      evalTime: '25m',
    },
  },
  'volume-critical': {
    family: V031,
    fires: { series: volume(host, 'D:', '20x20', '1000x20'), evalTime: '15m', labels: { ...HOST, volume: 'D:' } },
    quiet: { series: volume(host, 'D:', '70x20', '1000x20'), evalTime: '15m' },
  },
  // 0.25 – 0.28 read services through WMI and lowercase their names; 0.29 on use the service API. Fires: a stopped
  // automatic Spooler beside a stopped automatic sppsvc, and only Spooler's alert comes. Quiet, evaluated inside the
  // fault the rule had before it left them out: sppsvc and RemoteRegistry stopped, automatic, as on a healthy host
  // (they start on a trigger and stop by design); RemoteRegistry in the case each family writes, so the match ignores it.
  'service-down': {
    family: V031,
    fires: {
      series: [...service(host, 'Spooler', '0x20', '1x20'), ...service(host, 'sppsvc', '0x20', '1x20')],
      evalTime: '15m',
      labels: { ...HOST, name: 'Spooler' },
    },
    quiet: {
      series: [
        ...service(host, 'sppsvc', '0x20', '1x20'),
        ...service(host, 'RemoteRegistry', '0x20', '1x20'),
        ...service(host, 'Spooler', '0x20', '0x20'),
        ...service(host, 'W32Time', '1x20', '1x20'),
      ],
      evalTime: '15m',
    },
    otherFamilies: [
      {
        family: V025,
        fires: {
          series: [...service(v025, 'spooler', '0x20', '1x20'), ...service(v025, 'sppsvc', '0x20', '1x20')],
          evalTime: '15m',
          labels: { ...HOST, name: 'spooler' },
        },
        quiet: {
          series: [
            ...service(v025, 'sppsvc', '0x20', '1x20'),
            ...service(v025, 'remoteregistry', '0x20', '1x20'),
            ...service(v025, 'spooler', '0x20', '0x20'),
            ...service(v025, 'w32time', '1x20', '1x20'),
          ],
          evalTime: '15m',
        },
      },
    ],
  },
  'clock-skew': {
    family: V031,
    fires: {
      series: [{ series: host.series('windows_time_computed_time_offset_seconds'), values: '2.5x20' }],
      evalTime: '15m',
      labels: HOST,
    },
    quiet: {
      series: [{ series: host.series('windows_time_computed_time_offset_seconds'), values: '0.01x20' }],
      evalTime: '15m',
    },
  },
  'processor-queue': {
    family: V031,
    fires: {
      series: [
        { series: host.series('windows_system_processor_queue_length'), values: '10x30' },
        { series: idle(host, '0,0'), values: '0+1x30' },
        { series: idle(host, '0,1'), values: '0+1x30' },
      ],
      evalTime: '25m',
      labels: HOST,
    },
    quiet: {
      series: [
        { series: host.series('windows_system_processor_queue_length'), values: '2x30' },
        { series: idle(host, '0,0'), values: '0+1x30' },
        { series: idle(host, '0,1'), values: '0+1x30' },
      ],
      evalTime: '25m',
    },
  },
  // The same series in every family (windows_exporter_collector_success since before 0.25); each family proven.
  'collector-failed': {
    family: V031,
    ...collectorCases(host),
    otherFamilies: [
      { family: V030, ...collectorCases(v030) },
      { family: V029, ...collectorCases(v029) },
      { family: V025, ...collectorCases(v025) },
    ],
  },
  // The boot time has a name per family: system_up_time (< 0.30), boot_time_timestamp_seconds (0.30.0 – 0.30.5),
  // boot_time_timestamp (0.30.6 on). Quiet: booted at minute 1, evaluated at 30. 0.30.2 – 0.30.5 write the seconds
  // since boot under boot_time_timestamp_seconds instead: the same boots, as the uptime that family reports.
  rebooted: {
    family: V031,
    fires: {
      series: [{ series: host.series('windows_system_boot_time_timestamp'), values: '1500x30' }],
      evalTime: '30m',
      labels: HOST,
    },
    quiet: {
      series: [{ series: host.series('windows_system_boot_time_timestamp'), values: '60x40' }],
      evalTime: '30m',
      afterFault: BOOTED_29_MINUTES_AGO,
    },
    otherFamilies: [
      {
        family: V030,
        fires: {
          series: [
            { series: v030.series('windows_system_boot_time_timestamp_seconds'), values: '1500x30' },
            buildInfo(v030, '0.30.0'),
          ],
          evalTime: '30m',
          labels: HOST,
        },
        quiet: {
          series: [
            { series: v030.series('windows_system_boot_time_timestamp_seconds'), values: '60x40' },
            buildInfo(v030, '0.30.0'),
          ],
          evalTime: '30m',
          afterFault: BOOTED_29_MINUTES_AGO,
        },
      },
      {
        family: V0302,
        fires: {
          series: [
            { series: v0302.series('windows_system_boot_time_timestamp_seconds'), values: '_x25 0+60x5' },
            buildInfo(v0302, '0.30.5'),
          ],
          evalTime: '30m',
          labels: HOST,
        },
        quiet: {
          series: [
            { series: v0302.series('windows_system_boot_time_timestamp_seconds'), values: '_ 0+60x40' },
            buildInfo(v0302, '0.30.5'),
          ],
          evalTime: '30m',
          afterFault: BOOTED_29_MINUTES_AGO,
        },
      },
      {
        family: V025,
        fires: {
          series: [{ series: v025.series('windows_system_system_up_time'), values: '1500x30' }],
          evalTime: '30m',
          labels: HOST,
        },
        quiet: {
          series: [{ series: v025.series('windows_system_system_up_time'), values: '60x40' }],
          evalTime: '30m',
          afterFault: BOOTED_29_MINUTES_AGO,
        },
      },
    ],
  },
};
