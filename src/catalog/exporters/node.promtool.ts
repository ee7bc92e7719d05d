/**
 * promtool cases for the node alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';
import type { NicDirection } from './node';

const fsSeries = (metric: string) =>
  `${metric}{job="node",instance="host-1:9100",device="/dev/sda1",fstype="ext4",mountpoint="/"}`;

/**
 * promtool input: eth0 moving 1,000 packets a minute, with errors following `errors`, under the
 * error counter's name of each family: `errors` from 1.4 (netlink), `errs` in 1.3 (/proc/net/dev).
 */
const nicTraffic = (direction: NicDirection, errors: string, name: 'errors' | 'errs' = 'errors') => [
  {
    series: `node_network_${direction}_${name}_total{job="node",instance="host-1:9100",device="eth0"}`,
    values: errors,
  },
  {
    series: `node_network_${direction}_packets_total{job="node",instance="host-1:9100",device="eth0"}`,
    values: '0+1000x90',
  },
];
const NIC_LABELS = { job: 'node', instance: 'host-1:9100', device: 'eth0' };
const nicCases = (direction: NicDirection) => ({
  family: 'node_exporter ≥ 1.4',
  fires: { series: nicTraffic(direction, '0+50x90'), evalTime: '80m', labels: NIC_LABELS },
  quiet: { series: nicTraffic(direction, '0x90'), evalTime: '80m' },
  otherFamilies: [
    {
      family: 'node_exporter 1.3',
      fires: { series: nicTraffic(direction, '0+50x90', 'errs'), evalTime: '80m', labels: NIC_LABELS },
      quiet: { series: nicTraffic(direction, '0x90', 'errs'), evalTime: '80m' },
    },
  ],
});

const fsLabels = { job: 'node', instance: 'host-1:9100', device: '/dev/sda1', fstype: 'ext4', mountpoint: '/' };

/** promtool input: a writable 1,000-byte filesystem whose free bytes follow `avail`, for `points` minutes. */
const writableFs = (avail: string, points: number) => [
  { series: fsSeries('node_filesystem_avail_bytes'), values: avail },
  { series: fsSeries('node_filesystem_size_bytes'), values: `1000x${points}` },
  { series: fsSeries('node_filesystem_readonly'), values: `0x${points}` },
];

export const nodePromtoolCases: PromtoolCases = {
  'fs-filling-up': {
    fires: {
      series: writableFs('390-1x120', 120),
      evalTime: '90m',
      labels: fsLabels,
    },
    quiet: {
      series: writableFs('390x120', 120),
      evalTime: '90m',
    },
  },
  'fs-filling-up-fast': {
    fires: {
      series: writableFs('190-1x120', 120),
      evalTime: '90m',
      labels: fsLabels,
    },
    quiet: {
      series: writableFs('190-0.1x120', 120),
      evalTime: '90m',
    },
  },
  'fs-almost-full': {
    fires: {
      series: writableFs('40x60', 60),
      evalTime: '40m',
      labels: fsLabels,
    },
    quiet: {
      series: writableFs('60x60', 60),
      evalTime: '40m',
    },
  },
  'fs-full': {
    fires: {
      series: writableFs('20x60', 60),
      evalTime: '40m',
      labels: fsLabels,
    },
    quiet: {
      series: writableFs('40x60', 60),
      evalTime: '40m',
    },
  },
  'memory-high': {
    fires: {
      series: [
        { series: 'node_memory_MemAvailable_bytes{job="node",instance="host-1:9100"}', values: '50x30' },
        { series: 'node_memory_MemTotal_bytes{job="node",instance="host-1:9100"}', values: '1000x30' },
      ],
      evalTime: '20m',
      labels: { job: 'node', instance: 'host-1:9100' },
    },
    quiet: {
      series: [
        { series: 'node_memory_MemAvailable_bytes{job="node",instance="host-1:9100"}', values: '500x30' },
        { series: 'node_memory_MemTotal_bytes{job="node",instance="host-1:9100"}', values: '1000x30' },
      ],
      evalTime: '20m',
    },
  },
  'cpu-high': {
    fires: {
      series: [
        // 2 cores, each idle 3 s of every 60 s: 95% busy.
        {
          series: 'node_cpu_seconds_total{job="node",instance="host-1:9100",cpu="0",mode="idle"}',
          values: '0+3x40',
        },
        {
          series: 'node_cpu_seconds_total{job="node",instance="host-1:9100",cpu="1",mode="idle"}',
          values: '0+3x40',
        },
      ],
      evalTime: '30m',
      labels: { job: 'node', instance: 'host-1:9100' },
    },
    quiet: {
      series: [
        {
          series: 'node_cpu_seconds_total{job="node",instance="host-1:9100",cpu="0",mode="idle"}',
          values: '0+30x40',
        },
        {
          series: 'node_cpu_seconds_total{job="node",instance="host-1:9100",cpu="1",mode="idle"}',
          values: '0+30x40',
        },
      ],
      evalTime: '30m',
    },
  },
  'load-high': {
    fires: {
      series: [
        { series: 'node_load1{job="node",instance="host-1:9100"}', values: '5x30' },
        {
          series: 'node_cpu_seconds_total{job="node",instance="host-1:9100",cpu="0",mode="idle"}',
          values: '0+10x30',
        },
        {
          series: 'node_cpu_seconds_total{job="node",instance="host-1:9100",cpu="1",mode="idle"}',
          values: '0+10x30',
        },
      ],
      evalTime: '20m',
      labels: { job: 'node', instance: 'host-1:9100' },
    },
    quiet: {
      series: [
        { series: 'node_load1{job="node",instance="host-1:9100"}', values: '3x30' },
        {
          series: 'node_cpu_seconds_total{job="node",instance="host-1:9100",cpu="0",mode="idle"}',
          values: '0+10x30',
        },
        {
          series: 'node_cpu_seconds_total{job="node",instance="host-1:9100",cpu="1",mode="idle"}',
          values: '0+10x30',
        },
      ],
      evalTime: '20m',
    },
  },
  'disk-io-saturated': {
    fires: {
      series: [
        {
          series: 'node_disk_io_time_weighted_seconds_total{job="node",instance="host-1:9100",device="sda"}',
          values: '0+900x60',
        },
      ],
      evalTime: '45m',
      labels: { job: 'node', instance: 'host-1:9100', device: 'sda' },
    },
    quiet: {
      series: [
        {
          series: 'node_disk_io_time_weighted_seconds_total{job="node",instance="host-1:9100",device="sda"}',
          values: '0+60x60',
        },
      ],
      evalTime: '45m',
    },
  },
  'clock-not-synced': {
    fires: {
      series: [
        { series: 'node_timex_sync_status{job="node",instance="host-1:9100"}', values: '0x30' },
        { series: 'node_timex_maxerror_seconds{job="node",instance="host-1:9100"}', values: '16x30' },
      ],
      evalTime: '20m',
      labels: { job: 'node', instance: 'host-1:9100' },
    },
    quiet: {
      series: [
        { series: 'node_timex_sync_status{job="node",instance="host-1:9100"}', values: '1x30' },
        { series: 'node_timex_maxerror_seconds{job="node",instance="host-1:9100"}', values: '0.01x30' },
      ],
      evalTime: '20m',
    },
  },
  'clock-skew': {
    fires: {
      series: [{ series: 'node_timex_offset_seconds{job="node",instance="host-1:9100"}', values: '-0.2x30' }],
      evalTime: '20m',
      labels: { job: 'node', instance: 'host-1:9100' },
    },
    quiet: {
      series: [{ series: 'node_timex_offset_seconds{job="node",instance="host-1:9100"}', values: '0.001x30' }],
      evalTime: '20m',
    },
  },
  'network-receive-errors': nicCases('receive'),
  'network-transmit-errors': nicCases('transmit'),
  'file-descriptors': {
    fires: {
      series: [
        { series: 'node_filefd_allocated{job="node",instance="host-1:9100"}', values: '950x30' },
        { series: 'node_filefd_maximum{job="node",instance="host-1:9100"}', values: '1000x30' },
      ],
      evalTime: '20m',
      labels: { job: 'node', instance: 'host-1:9100' },
    },
    quiet: {
      series: [
        { series: 'node_filefd_allocated{job="node",instance="host-1:9100"}', values: '100x30' },
        { series: 'node_filefd_maximum{job="node",instance="host-1:9100"}', values: '1000x30' },
      ],
      evalTime: '20m',
    },
  },
  'systemd-unit-failed': {
    fires: {
      series: [
        {
          series:
            'node_systemd_unit_state{job="node",instance="host-1:9100",name="backup.service",state="failed",type="simple"}',
          values: '1x20',
        },
      ],
      evalTime: '10m',
      labels: { job: 'node', instance: 'host-1:9100', name: 'backup.service', state: 'failed', type: 'simple' },
    },
    quiet: {
      series: [
        {
          series:
            'node_systemd_unit_state{job="node",instance="host-1:9100",name="backup.service",state="failed",type="simple"}',
          values: '0x20',
        },
      ],
      evalTime: '10m',
    },
  },
  rebooted: {
    fires: {
      series: [{ series: 'node_boot_time_seconds{job="node",instance="host-1:9100"}', values: '1000x10 2000x10' }],
      evalTime: '12m',
      labels: { job: 'node', instance: 'host-1:9100' },
    },
    quiet: {
      series: [{ series: 'node_boot_time_seconds{job="node",instance="host-1:9100"}', values: '1000x20' }],
      evalTime: '12m',
    },
  },
};
