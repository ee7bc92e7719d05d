/**
 * promtool cases for the netdata alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 * Every series comes from a family fixture (tests/fixtures/exporters/netdata-*.prom): the 1.37 one is captured from
 * Debian's agent, the 2.x one derived from the source.
 */
import { familyFixture, type Labels } from '../../../tests/support/fixture-families';
import type { PromtoolCases } from '../promtool-cases';
import type { AlertTestCase } from '../types';

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

const INODES = 'netdata_disk_inodes_inodes_average';
const oldVarInodes = { chart: 'disk_inodes._var', family: '/var' };
const newVarInodes = {
  chart: 'disk_inodes./var',
  family: '/var',
  mount_point: '/var',
  filesystem: 'xfs',
  mount_root: '/',
};
const inodes = (series: typeof old, fs: Labels, used: string, avail: string) => [
  { series: series(INODES, { ...fs, dimension: 'used' }), values: used },
  { series: series(INODES, { ...fs, dimension: 'avail' }), values: avail },
  { series: series(INODES, { ...fs, dimension: 'reserved for root' }), values: '0x90' },
];
/** Fires and quiet cases of an inode alert on /var, in each family. */
const inodeCases = (fires: [string, string], quiet: [string, string], evalTime: string) => ({
  family: OLD,
  fires: { series: inodes(old, oldVarInodes, ...fires), evalTime, labels: { ...ND, family: '/var' } },
  quiet: { series: inodes(old, oldVarInodes, ...quiet), evalTime },
  otherFamilies: [
    {
      family: NEW,
      fires: { series: inodes(current, newVarInodes, ...fires), evalTime, labels: { ...ND, family: '/var' } },
      quiet: { series: inodes(current, newVarInodes, ...quiet), evalTime },
    },
  ],
});

const OOM = 'netdata_mem_oom_kill_kills_persec_average';
const oldOom = { chart: 'mem.oom_kill', family: 'system', dimension: 'kills' };
const newOom = { chart: 'mem.oom_kill', family: 'OOM kills', dimension: 'kills' };

// One interface's drops and packets per second, in the directions Netdata names them (sent and outbound negative).
const DROPS = 'netdata_net_drops_drops_persec_average';
const PACKETS = 'netdata_net_packets_packets_persec_average';
const ERRORS = 'netdata_net_errors_errors_persec_average';
const oldNic = (iface: string) => ({ family: iface });
const newNic = (iface: string) => ({ family: iface, device: iface, interface_type: 'real' });
const nicSeries =
  (series: typeof old, nic: (iface: string) => Labels) =>
  (metric: string, chart: string, iface: string, dimension: string) =>
    series(metric, { ...nic(iface), chart: `${chart}.${iface}`, dimension });
const traffic = (
  series: typeof old,
  nic: (iface: string) => Labels,
  iface: string,
  [received, sent, dropsIn, dropsOut]: [string, string, string, string]
) => {
  const s = nicSeries(series, nic);
  return [
    { series: s(PACKETS, 'net_packets', iface, 'received'), values: received },
    { series: s(PACKETS, 'net_packets', iface, 'sent'), values: sent },
    { series: s(DROPS, 'net_drops', iface, 'inbound'), values: dropsIn },
    { series: s(DROPS, 'net_drops', iface, 'outbound'), values: dropsOut },
  ];
};
/**
 * Quiet: eth0 busy with 0.5 % of its received packets dropped; wlan0 dropping 5 % (it would fire if it were wired,
 * but a wireless interface alerts only from 10 %); eth1 dropping a fifth of what it receives, below Netdata's floor
 * of 10,000 received packets in 10 minutes.
 */
const dropsQuiet = (series: typeof old, nic: (iface: string) => Labels) => [
  ...traffic(series, nic, 'eth0', ['2000x30', '-1500x30', '10x30', '0x30']),
  ...traffic(series, nic, 'wlan0', ['400x30', '-300x30', '20x30', '0x30']),
  ...traffic(series, nic, 'eth1', ['5x30', '-5x30', '1x30', '0x30']),
];
const errors = (series: typeof old, nic: (iface: string) => Labels, inbound: string, outbound: string) => {
  const s = nicSeries(series, nic);
  return [
    { series: s(ERRORS, 'net_errors', 'eth0', 'inbound'), values: inbound },
    { series: s(ERRORS, 'net_errors', 'eth0', 'outbound'), values: outbound },
  ];
};

type Series = AlertTestCase['series'];
/**
 * A network alert's cases on eth0 in each family: it fires on inbound series in 1.37 and on outbound ones in 2.x,
 * so each direction is proven once; `quiet` builds the quiet series of either family.
 */
const nicCases = (
  fires: { old: Series; current: Series },
  quiet: (series: typeof old, nic: (iface: string) => Labels) => Series
) => ({
  family: OLD,
  fires: { series: fires.old, evalTime: '20m', labels: { ...ND, family: 'eth0', dimension: 'inbound' } },
  quiet: { series: quiet(old, oldNic), evalTime: '20m' },
  otherFamilies: [
    {
      family: NEW,
      fires: { series: fires.current, evalTime: '20m', labels: { ...ND, family: 'eth0', dimension: 'outbound' } },
      quiet: { series: quiet(current, newNic), evalTime: '20m' },
    },
  ],
});

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
    // A host waiting on its disks: the CPUs are idle with I/O outstanding, not busy.
    quiet: {
      series: [
        { series: cpu('user'), values: '4x30' },
        { series: cpu('system'), values: '3x30' },
        { series: cpu('iowait'), values: '90x30' },
        { series: cpu('idle'), values: '3x30' },
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
  'inodes-almost-full': inodeCases(['92x30', '8x30'], ['55x30', '45x30'], '25m'),
  'inodes-full': inodeCases(['97x20', '3x20'], ['92x20', '8x20'], '15m'),
  'inodes-filling-up': inodeCases(
    // 40,000 inodes free, 100 more used a minute: none left within 7 hours
    ['60000+100x90', '40000-100x90'],
    // the same filesystem a tenth as fast: 66 hours
    ['60000+10x90', '40000-10x90'],
    '90m'
  ),
  // One kill at minute 10: the value is kills per second over that scrape interval. Quiet: no kill, or one more
  // than 30 minutes before the evaluation (minute 41: the 30-minute window holds the kill up to minute 40).
  'oom-kill': {
    family: OLD,
    fires: { series: [{ series: old(OOM, oldOom), values: '0x9 0.0166667 0x30' }], evalTime: '25m', labels: ND },
    quiet: {
      series: [{ series: old(OOM, oldOom), values: '0x9 0.0166667 0x40' }],
      evalTime: '41m',
      afterFault: 'the alert is about a kill in the last 30 minutes: one 31 minutes ago must have left it',
    },
    otherFamilies: [
      {
        family: NEW,
        fires: {
          series: [{ series: current(OOM, newOom), values: '0x9 0.0166667 0x30' }],
          evalTime: '25m',
          labels: ND,
        },
        quiet: { series: [{ series: current(OOM, newOom), values: '0x40' }], evalTime: '25m' },
      },
    ],
  },
  'packets-dropped': nicCases(
    {
      // 1.37: eth0 drops 5 % of what it receives; 2.x: 3 % of what it sends (Netdata draws both negative)
      old: traffic(old, oldNic, 'eth0', ['2000x30', '-1500x30', '100x30', '0x30']),
      current: traffic(current, newNic, 'eth0', ['2000x30', '-1500x30', '0x30', '-45x30']),
    },
    dropsQuiet
  ),
  // 0.05 errors a second: 30 in 10 minutes. Quiet: 0.005 each way, 3 in 10 minutes.
  'network-errors': nicCases(
    { old: errors(old, oldNic, '0.05x30', '0x30'), current: errors(current, newNic, '0x30', '-0.05x30') },
    (series, nic) => errors(series, nic, '0.005x30', '-0.005x30')
  ),
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
