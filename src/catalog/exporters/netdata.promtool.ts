/**
 * promtool cases for the netdata alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 * Every series comes from a family fixture (tests/fixtures/exporters/netdata-*.prom): the 1.37 one is captured from
 * Debian's agent, the 2.x one derived from the source.
 */
import { familyFixture, type Labels } from '../../../tests/support/fixture-families';
import type { PromtoolCases } from '../promtool-cases';

const OLD = 'Netdata 1.37 – 1.39, source=average';
const NEW = 'Netdata 1.40 – 2.11, source=average';

// promtool test series for one agent.
const ND = { job: 'netdata', instance: 'web01:19999' };
const old = familyFixture('netdata', OLD).at(ND).series;
const current = familyFixture('netdata', NEW).at(ND).series;

const CPU = 'netdata_system_cpu_percentage_average';
const cpu = (dimension: string) => old(CPU, { chart: 'system.cpu', family: 'cpu', dimension });
const RAM = { chart: 'system.ram', family: 'ram' };
const AVAILABLE = { chart: 'mem.available', family: 'system', dimension: 'avail' };

const SPACE = 'netdata_disk_space_GiB_average';
// The same filesystem in each family: 1.37 has only chart, family (the mount point) and dimension; 1.40+ adds
// the chart labels, which the alert groups away.
const oldVar = { chart: 'disk_space._var', family: '/var' };
const newVar = { chart: 'disk_space./var', family: '/var', mount_point: '/var', filesystem: 'xfs', mount_root: '/' };
const diskSpace = (series: typeof old, fs: Labels, used: string, avail: string) => [
  { series: series(SPACE, { ...fs, dimension: 'used' }), values: used },
  { series: series(SPACE, { ...fs, dimension: 'avail' }), values: avail },
  // reserved for root counts for neither side (used / (used + avail), as df)
  { series: series(SPACE, { ...fs, dimension: 'reserved for root' }), values: '5x45' },
];

const BUSY = 'netdata_disk_busy_milliseconds_average';
const oldBusy = { chart: 'disk_busy.vda', family: '/', dimension: 'busy' };
const newBusy = {
  chart: 'disk_busy.sda',
  dimension: 'busy',
  family: 'utilization',
  device: 'sda',
  mount_point: '/',
  id: 'wwn-0x5002538e40a1b2c3',
  model: 'Samsung SSD 870 EVO 500GB',
  serial: 'S62ANJ0R812345',
  device_type: 'physical',
};

export const netdataPromtoolCases: PromtoolCases = {
  'cpu-high': {
    family: OLD,
    fires: {
      series: [
        { series: cpu('user'), values: '80x30' },
        { series: cpu('system'), values: '15x30' },
        { series: cpu('idle'), values: '5x30' },
      ],
      evalTime: '25m',
      labels: ND,
    },
    quiet: {
      series: [
        { series: cpu('user'), values: '20x30' },
        { series: cpu('system'), values: '5x30' },
        { series: cpu('idle'), values: '75x30' },
      ],
      evalTime: '25m',
    },
  },
  'memory-high': {
    family: OLD,
    fires: {
      series: [
        { series: old('netdata_mem_available_MiB_average', AVAILABLE), values: '500x30' },
        { series: old('netdata_system_ram_MiB_average', { ...RAM, dimension: 'used' }), values: '7000x30' },
        { series: old('netdata_system_ram_MiB_average', { ...RAM, dimension: 'free' }), values: '1000x30' },
      ],
      evalTime: '25m',
      labels: ND,
    },
    quiet: {
      series: [
        { series: old('netdata_mem_available_MiB_average', AVAILABLE), values: '3000x30' },
        { series: old('netdata_system_ram_MiB_average', { ...RAM, dimension: 'used' }), values: '5000x30' },
        { series: old('netdata_system_ram_MiB_average', { ...RAM, dimension: 'free' }), values: '3000x30' },
      ],
      evalTime: '25m',
    },
  },
  'memory-critical': {
    family: OLD,
    fires: {
      series: [
        { series: old('netdata_mem_available_MiB_average', AVAILABLE), values: '100x20' },
        { series: old('netdata_system_ram_MiB_average', { ...RAM, dimension: 'used' }), values: '7900x20' },
        { series: old('netdata_system_ram_MiB_average', { ...RAM, dimension: 'free' }), values: '100x20' },
      ],
      evalTime: '15m',
      labels: ND,
    },
    quiet: {
      series: [
        { series: old('netdata_mem_available_MiB_average', AVAILABLE), values: '500x20' },
        { series: old('netdata_system_ram_MiB_average', { ...RAM, dimension: 'used' }), values: '7500x20' },
        { series: old('netdata_system_ram_MiB_average', { ...RAM, dimension: 'free' }), values: '500x20' },
      ],
      evalTime: '15m',
    },
  },
  // Grouped by family, the mount point in every version: 1.37 has no mount_point label, and grouping by it
  // summed every filesystem of a host into one.
  'disk-full': {
    family: OLD,
    fires: {
      series: diskSpace(old, oldVar, '92x30', '8x30'),
      evalTime: '25m',
      labels: { ...ND, family: '/var' },
    },
    quiet: {
      series: diskSpace(old, oldVar, '55x30', '45x30'),
      evalTime: '25m',
    },
    otherFamilies: [
      {
        family: NEW,
        fires: {
          series: diskSpace(current, newVar, '92x30', '8x30'),
          evalTime: '25m',
          labels: { ...ND, family: '/var' },
        },
        quiet: {
          series: diskSpace(current, newVar, '55x30', '45x30'),
          evalTime: '25m',
        },
      },
    ],
  },
  'disk-filling-up': {
    family: OLD,
    fires: {
      // 40 GiB free losing 0.1 GiB a minute: 6 GiB an hour, empty within 7 hours
      series: diskSpace(old, oldVar, '60+0.1x90', '40-0.1x90'),
      evalTime: '90m',
      labels: { ...ND, family: '/var' },
    },
    quiet: {
      // the same filesystem filling a tenth as fast: 66 hours left
      series: diskSpace(old, oldVar, '60+0.01x90', '40-0.01x90'),
      evalTime: '90m',
    },
    otherFamilies: [
      {
        family: NEW,
        fires: {
          series: diskSpace(current, newVar, '60+0.1x90', '40-0.1x90'),
          evalTime: '90m',
          labels: { ...ND, family: '/var' },
        },
        quiet: {
          series: diskSpace(current, newVar, '60+0.01x90', '40-0.01x90'),
          evalTime: '90m',
        },
      },
    ],
  },
  'disk-critical': {
    family: OLD,
    fires: {
      series: diskSpace(old, oldVar, '97x20', '3x20'),
      evalTime: '15m',
      labels: { ...ND, family: '/var' },
    },
    quiet: {
      series: diskSpace(old, oldVar, '92x20', '8x20'),
      evalTime: '15m',
    },
    otherFamilies: [
      {
        family: NEW,
        fires: {
          series: diskSpace(current, newVar, '97x20', '3x20'),
          evalTime: '15m',
          labels: { ...ND, family: '/var' },
        },
        quiet: {
          series: diskSpace(current, newVar, '92x20', '8x20'),
          evalTime: '15m',
        },
      },
    ],
  },
  // Per disk chart: 1.37 has no device label, so `max by (device)` named no disk there.
  'disk-busy': {
    family: OLD,
    fires: {
      series: [{ series: old(BUSY, oldBusy), values: '950x45' }],
      evalTime: '40m',
      labels: { ...ND, chart: 'disk_busy.vda' },
    },
    quiet: {
      series: [{ series: old(BUSY, oldBusy), values: '586x45' }],
      evalTime: '40m',
    },
    otherFamilies: [
      {
        family: NEW,
        fires: {
          series: [{ series: current(BUSY, newBusy), values: '950x45' }],
          evalTime: '40m',
          labels: { ...ND, chart: 'disk_busy.sda' },
        },
        quiet: {
          series: [{ series: current(BUSY, newBusy), values: '586x45' }],
          evalTime: '40m',
        },
      },
    ],
  },
  rebooted: {
    family: OLD,
    fires: {
      series: [
        {
          series: old('netdata_system_uptime_seconds_average', {
            chart: 'system.uptime',
            family: 'uptime',
            dimension: 'uptime',
          }),
          values: '60+60x20',
        },
      ],
      evalTime: '5m',
      labels: { ...ND, chart: 'system.uptime', family: 'uptime', dimension: 'uptime' },
    },
    quiet: {
      series: [
        {
          series: old('netdata_system_uptime_seconds_average', {
            chart: 'system.uptime',
            family: 'uptime',
            dimension: 'uptime',
          }),
          values: '86400+60x20',
        },
      ],
      evalTime: '5m',
    },
  },
};
