/**
 * promtool cases for the netdata alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';

// promtool test series for one agent.
const ND = { job: 'netdata', instance: 'web01:19999' };

const ndSeries = (metric: string, labels = '') =>
  `${metric}{job="netdata",instance="web01:19999"${labels ? `,${labels}` : ''}}`;

export const netdataPromtoolCases: PromtoolCases = {
  'cpu-high': {
    fires: {
      series: [
        { series: ndSeries('netdata_system_cpu_percentage_average', 'dimension="user"'), values: '80x30' },
        { series: ndSeries('netdata_system_cpu_percentage_average', 'dimension="system"'), values: '15x30' },
        { series: ndSeries('netdata_system_cpu_percentage_average', 'dimension="idle"'), values: '5x30' },
      ],
      evalTime: '25m',
      labels: ND,
    },
    quiet: {
      series: [
        { series: ndSeries('netdata_system_cpu_percentage_average', 'dimension="user"'), values: '20x30' },
        { series: ndSeries('netdata_system_cpu_percentage_average', 'dimension="system"'), values: '5x30' },
        { series: ndSeries('netdata_system_cpu_percentage_average', 'dimension="idle"'), values: '75x30' },
      ],
      evalTime: '25m',
    },
  },
  'memory-high': {
    fires: {
      series: [
        { series: ndSeries('netdata_mem_available_MiB_average', 'dimension="avail"'), values: '500x30' },
        { series: ndSeries('netdata_system_ram_MiB_average', 'dimension="used"'), values: '7000x30' },
        { series: ndSeries('netdata_system_ram_MiB_average', 'dimension="free"'), values: '1000x30' },
      ],
      evalTime: '25m',
      labels: ND,
    },
    quiet: {
      series: [
        { series: ndSeries('netdata_mem_available_MiB_average', 'dimension="avail"'), values: '3000x30' },
        { series: ndSeries('netdata_system_ram_MiB_average', 'dimension="used"'), values: '5000x30' },
        { series: ndSeries('netdata_system_ram_MiB_average', 'dimension="free"'), values: '3000x30' },
      ],
      evalTime: '25m',
    },
  },
  'memory-critical': {
    fires: {
      series: [
        { series: ndSeries('netdata_mem_available_MB_average', 'dimension="avail"'), values: '100x20' },
        { series: ndSeries('netdata_system_ram_MB_average', 'dimension="used"'), values: '7900x20' },
        { series: ndSeries('netdata_system_ram_MB_average', 'dimension="free"'), values: '100x20' },
      ],
      evalTime: '15m',
      labels: ND,
    },
    quiet: {
      series: [
        { series: ndSeries('netdata_mem_available_MB_average', 'dimension="avail"'), values: '500x20' },
        { series: ndSeries('netdata_system_ram_MB_average', 'dimension="used"'), values: '7500x20' },
        { series: ndSeries('netdata_system_ram_MB_average', 'dimension="free"'), values: '500x20' },
      ],
      evalTime: '15m',
    },
  },
  'disk-full': {
    fires: {
      series: [
        {
          series: ndSeries('netdata_disk_space_GiB_average', 'dimension="used",mount_point="/var"'),
          values: '92x30',
        },
        {
          series: ndSeries('netdata_disk_space_GiB_average', 'dimension="avail",mount_point="/var"'),
          values: '8x30',
        },
      ],
      evalTime: '25m',
      labels: { ...ND, mount_point: '/var' },
    },
    quiet: {
      series: [
        {
          series: ndSeries('netdata_disk_space_GiB_average', 'dimension="used",mount_point="/var"'),
          values: '55x30',
        },
        {
          series: ndSeries('netdata_disk_space_GiB_average', 'dimension="avail",mount_point="/var"'),
          values: '45x30',
        },
      ],
      evalTime: '25m',
    },
  },
  'disk-critical': {
    fires: {
      series: [
        { series: ndSeries('netdata_disk_space_GB_average', 'dimension="used",mount_point="/"'), values: '97x20' },
        { series: ndSeries('netdata_disk_space_GB_average', 'dimension="avail",mount_point="/"'), values: '3x20' },
      ],
      evalTime: '15m',
      labels: { ...ND, mount_point: '/' },
    },
    quiet: {
      series: [
        { series: ndSeries('netdata_disk_space_GB_average', 'dimension="used",mount_point="/"'), values: '92x20' },
        { series: ndSeries('netdata_disk_space_GB_average', 'dimension="avail",mount_point="/"'), values: '8x20' },
      ],
      evalTime: '15m',
    },
  },
  'disk-busy': {
    fires: {
      series: [
        {
          series: ndSeries('netdata_disk_busy_milliseconds_average', 'device="sda",dimension="busy"'),
          values: '950x45',
        },
      ],
      evalTime: '40m',
      labels: { ...ND, device: 'sda' },
    },
    quiet: {
      series: [
        {
          series: ndSeries('netdata_disk_busy_milliseconds_average', 'device="sda",dimension="busy"'),
          values: '586x45',
        },
      ],
      evalTime: '40m',
    },
  },
  rebooted: {
    fires: {
      series: [{ series: ndSeries('netdata_system_uptime_seconds_average', 'dimension="uptime"'), values: '60+60x20' }],
      evalTime: '5m',
      labels: { ...ND, dimension: 'uptime' },
    },
    quiet: {
      series: [
        { series: ndSeries('netdata_system_uptime_seconds_average', 'dimension="uptime"'), values: '86400+60x20' },
      ],
      evalTime: '5m',
    },
  },
};
