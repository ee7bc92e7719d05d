/**
 * promtool cases for the windows alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';

// promtool test series for one Windows host.
const HOST = { job: 'windows', instance: 'win-1:9182' };

const hostSeries = (metric: string, labels = '') =>
  `${metric}{job="windows",instance="win-1:9182"${labels ? `,${labels}` : ''}}`;

export const windowsPromtoolCases: PromtoolCases = {
  'cpu-high': {
    fires: {
      series: [
        { series: hostSeries('windows_cpu_time_total', 'core="0,0",mode="idle"'), values: '0+3x30' },
        { series: hostSeries('windows_cpu_time_total', 'core="0,0",mode="user"'), values: '0+57x30' },
      ],
      evalTime: '25m',
      labels: HOST,
    },
    quiet: {
      series: [
        { series: hostSeries('windows_cpu_time_total', 'core="0,0",mode="idle"'), values: '0+45x30' },
        { series: hostSeries('windows_cpu_time_total', 'core="0,0",mode="user"'), values: '0+15x30' },
      ],
      evalTime: '25m',
    },
  },
  'memory-high': {
    fires: {
      series: [
        { series: hostSeries('windows_memory_available_bytes'), values: '700x30' },
        { series: hostSeries('windows_memory_physical_total_bytes'), values: '8000x30' },
      ],
      evalTime: '25m',
      labels: HOST,
    },
    quiet: {
      series: [
        { series: hostSeries('windows_memory_available_bytes'), values: '4000x30' },
        { series: hostSeries('windows_memory_physical_total_bytes'), values: '8000x30' },
      ],
      evalTime: '25m',
    },
  },
  'memory-critical': {
    fires: {
      series: [
        { series: 'windows_os_physical_memory_free_bytes{job="windows",instance="win-1:9182"}', values: '100x20' },
        { series: 'windows_cs_physical_memory_bytes{job="windows",instance="win-1:9182"}', values: '8000x20' },
      ],
      evalTime: '15m',
      labels: HOST,
    },
    quiet: {
      series: [
        { series: 'windows_os_physical_memory_free_bytes{job="windows",instance="win-1:9182"}', values: '700x20' },
        { series: 'windows_cs_physical_memory_bytes{job="windows",instance="win-1:9182"}', values: '8000x20' },
      ],
      evalTime: '15m',
    },
  },
  'volume-full': {
    fires: {
      series: [
        { series: hostSeries('windows_logical_disk_free_bytes', 'volume="C:"'), values: '70x30' },
        { series: hostSeries('windows_logical_disk_size_bytes', 'volume="C:"'), values: '1000x30' },
      ],
      evalTime: '25m',
      labels: { ...HOST, volume: 'C:' },
    },
    quiet: {
      series: [
        { series: hostSeries('windows_logical_disk_free_bytes', 'volume="HarddiskVolume1"'), values: '10x30' },
        { series: hostSeries('windows_logical_disk_size_bytes', 'volume="HarddiskVolume1"'), values: '1000x30' },
        { series: hostSeries('windows_logical_disk_free_bytes', 'volume="C:"'), values: '300x30' },
        { series: hostSeries('windows_logical_disk_size_bytes', 'volume="C:"'), values: '1000x30' },
      ],
      evalTime: '25m',
    },
  },
  'volume-critical': {
    fires: {
      series: [
        { series: hostSeries('windows_logical_disk_free_bytes', 'volume="D:"'), values: '20x20' },
        { series: hostSeries('windows_logical_disk_size_bytes', 'volume="D:"'), values: '1000x20' },
      ],
      evalTime: '15m',
      labels: { ...HOST, volume: 'D:' },
    },
    quiet: {
      series: [
        { series: hostSeries('windows_logical_disk_free_bytes', 'volume="D:"'), values: '70x20' },
        { series: hostSeries('windows_logical_disk_size_bytes', 'volume="D:"'), values: '1000x20' },
      ],
      evalTime: '15m',
    },
  },
  'service-down': {
    fires: {
      series: [
        { series: hostSeries('windows_service_state', 'name="Spooler",state="running"'), values: '0x20' },
        { series: hostSeries('windows_service_start_mode', 'name="Spooler",start_mode="auto"'), values: '1x20' },
      ],
      evalTime: '15m',
      labels: { ...HOST, name: 'Spooler' },
    },
    quiet: {
      series: [
        { series: hostSeries('windows_service_state', 'name="Spooler",state="running"'), values: '0x20' },
        { series: hostSeries('windows_service_start_mode', 'name="Spooler",start_mode="auto"'), values: '0x20' },
        { series: hostSeries('windows_service_state', 'name="W32Time",state="running"'), values: '1x20' },
        { series: hostSeries('windows_service_start_mode', 'name="W32Time",start_mode="auto"'), values: '1x20' },
      ],
      evalTime: '15m',
    },
  },
  'clock-skew': {
    fires: {
      series: [{ series: hostSeries('windows_time_computed_time_offset_seconds'), values: '2.5x20' }],
      evalTime: '15m',
      labels: HOST,
    },
    quiet: {
      series: [{ series: hostSeries('windows_time_computed_time_offset_seconds'), values: '0.01x20' }],
      evalTime: '15m',
    },
  },
  'processor-queue': {
    fires: {
      series: [
        { series: hostSeries('windows_system_processor_queue_length'), values: '10x30' },
        { series: hostSeries('windows_cpu_time_total', 'core="0,0",mode="idle"'), values: '0+1x30' },
        { series: hostSeries('windows_cpu_time_total', 'core="0,1",mode="idle"'), values: '0+1x30' },
      ],
      evalTime: '25m',
      labels: HOST,
    },
    quiet: {
      series: [
        { series: hostSeries('windows_system_processor_queue_length'), values: '2x30' },
        { series: hostSeries('windows_cpu_time_total', 'core="0,0",mode="idle"'), values: '0+1x30' },
        { series: hostSeries('windows_cpu_time_total', 'core="0,1",mode="idle"'), values: '0+1x30' },
      ],
      evalTime: '25m',
    },
  },
  rebooted: {
    fires: {
      series: [{ series: hostSeries('windows_system_boot_time_timestamp'), values: '1500x30' }],
      evalTime: '30m',
      labels: HOST,
    },
    quiet: {
      series: [{ series: hostSeries('windows_system_boot_time_timestamp'), values: '60x40' }],
      evalTime: '30m',
    },
  },
};
