/**
 * promtool cases for the truenas alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';

export const truenasPromtoolCases: PromtoolCases = {
  'no-data': {
    fires: {
      series: [{ series: 'uptime{job="truenas",instance="truenas01"}', values: '100+60x10 _x40' }],
      evalTime: '45m',
      labels: {},
    },
    quiet: {
      series: [{ series: 'uptime{job="truenas",instance="truenas01"}', values: '100+60x50' }],
      evalTime: '45m',
    },
  },
  'host-silent': {
    fires: {
      series: [{ series: 'uptime{job="truenas",instance="truenas01"}', values: '100+60x10 _x40' }],
      evalTime: '45m',
      labels: { job: 'truenas', instance: 'truenas01' },
    },
    quiet: {
      series: [{ series: 'uptime{job="truenas",instance="truenas01"}', values: '100+60x50' }],
      evalTime: '45m',
    },
  },
  'pool-not-online': {
    fires: {
      series: [
        { series: 'zfs_pool{job="truenas",instance="truenas01",pool="tank",state="online"}', values: '1x5 0x15' },
        { series: 'zfs_pool{job="truenas",instance="truenas01",pool="tank",state="degraded"}', values: '0x5 1x15' },
      ],
      evalTime: '15m',
      labels: { job: 'truenas', instance: 'truenas01', pool: 'tank', state: 'degraded' },
    },
    quiet: {
      series: [
        { series: 'zfs_pool{job="truenas",instance="truenas01",pool="tank",state="online"}', values: '1x20' },
        { series: 'zfs_pool{job="truenas",instance="truenas01",pool="tank",state="degraded"}', values: '0x20' },
      ],
      evalTime: '15m',
    },
  },
  'dataset-almost-full': {
    fires: {
      series: [
        {
          series: 'disk_bytes_used{job="truenas",instance="truenas01",mountpoint="_mnt_tank",unit="GiB"}',
          values: '850x40',
        },
        {
          series: 'disk_bytes_avail{job="truenas",instance="truenas01",mountpoint="_mnt_tank",unit="GiB"}',
          values: '150x40',
        },
      ],
      evalTime: '35m',
      labels: { job: 'truenas', instance: 'truenas01', mountpoint: '_mnt_tank', unit: 'GiB' },
    },
    quiet: {
      series: [
        {
          series: 'disk_bytes_used{job="truenas",instance="truenas01",mountpoint="_mnt_tank",unit="GiB"}',
          values: '500x40',
        },
        {
          series: 'disk_bytes_avail{job="truenas",instance="truenas01",mountpoint="_mnt_tank",unit="GiB"}',
          values: '500x40',
        },
      ],
      evalTime: '35m',
    },
  },
  'dataset-full': {
    fires: {
      series: [
        {
          series: 'disk_bytes_used{job="truenas",instance="truenas01",mountpoint="_mnt_tank",unit="GiB"}',
          values: '950x30',
        },
        {
          series: 'disk_bytes_avail{job="truenas",instance="truenas01",mountpoint="_mnt_tank",unit="GiB"}',
          values: '50x30',
        },
      ],
      evalTime: '25m',
      labels: { job: 'truenas', instance: 'truenas01', mountpoint: '_mnt_tank', unit: 'GiB' },
    },
    quiet: {
      series: [
        {
          series: 'disk_bytes_used{job="truenas",instance="truenas01",mountpoint="_mnt_tank",unit="GiB"}',
          values: '850x30',
        },
        {
          series: 'disk_bytes_avail{job="truenas",instance="truenas01",mountpoint="_mnt_tank",unit="GiB"}',
          values: '150x30',
        },
      ],
      evalTime: '25m',
    },
  },
  'memory-high': {
    fires: {
      series: [
        { series: 'memory_available{job="truenas",instance="truenas01",kind="avail"}', values: '3000x30' },
        { series: 'physical_memory{job="truenas",instance="truenas01",kind="used"}', values: '60000x30' },
        { series: 'physical_memory{job="truenas",instance="truenas01",kind="free"}', values: '4000x30' },
      ],
      evalTime: '25m',
      labels: { job: 'truenas', instance: 'truenas01' },
    },
    quiet: {
      series: [
        { series: 'memory_available{job="truenas",instance="truenas01",kind="avail"}', values: '40000x30' },
        { series: 'physical_memory{job="truenas",instance="truenas01",kind="used"}', values: '20000x30' },
        { series: 'physical_memory{job="truenas",instance="truenas01",kind="free"}', values: '44000x30' },
      ],
      evalTime: '25m',
    },
  },
  'cpu-temperature': {
    fires: {
      series: [{ series: 'cpu_temperature{job="truenas",instance="truenas01",cpu="cpu0"}', values: '85x30' }],
      evalTime: '20m',
      labels: { job: 'truenas', instance: 'truenas01', cpu: 'cpu0' },
    },
    quiet: {
      series: [{ series: 'cpu_temperature{job="truenas",instance="truenas01",cpu="cpu0"}', values: '50x30' }],
      evalTime: '20m',
    },
  },
  'disk-temperature': {
    fires: {
      series: [{ series: 'disk_temperature{job="truenas",instance="truenas01",serial="WD-1"}', values: '55x30' }],
      evalTime: '25m',
      labels: { job: 'truenas', instance: 'truenas01', serial: 'WD-1' },
    },
    quiet: {
      series: [{ series: 'disk_temperature{job="truenas",instance="truenas01",serial="WD-1"}', values: '36x30' }],
      evalTime: '25m',
    },
  },
  'disk-temperature-critical': {
    fires: {
      series: [{ series: 'disk_temperature{job="truenas",instance="truenas01",serial="WD-1"}', values: '65x20' }],
      evalTime: '15m',
      labels: { job: 'truenas', instance: 'truenas01', serial: 'WD-1' },
    },
    quiet: {
      series: [{ series: 'disk_temperature{job="truenas",instance="truenas01",serial="WD-1"}', values: '55x20' }],
      evalTime: '15m',
    },
  },
  'clock-not-synced': {
    fires: {
      series: [{ series: 'clock_synced{job="truenas",instance="truenas01"}', values: '0x30' }],
      evalTime: '25m',
      labels: { job: 'truenas', instance: 'truenas01' },
    },
    quiet: {
      series: [{ series: 'clock_synced{job="truenas",instance="truenas01"}', values: '1x30' }],
      evalTime: '25m',
    },
  },
};
