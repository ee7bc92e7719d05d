/**
 * promtool cases for the telegraf alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';

// promtool test series for one agent on host app01, Telegraf 1.39.
const TG = 'job="telegraf",instance="app01:9273",host="app01"';

const DISK_LABELS = { device: 'sdb1', fstype: 'xfs', mode: 'rw', path: '/var/lib/docker' };

const DISK = 'device="sdb1",fstype="xfs",mode="rw",path="/var/lib/docker"';

const HOST_LABELS = { job: 'telegraf', instance: 'app01:9273', host: 'app01' };

const TG_LABELS = { ...HOST_LABELS, version: '1.39.3' };

const tgSeries = (metric: string, labels = '') =>
  metric.startsWith('internal_')
    ? `${metric}{${TG},version="1.39.3"${labels ? `,${labels}` : ''}}`
    : `${metric}{${TG}${labels ? `,${labels}` : ''}}`;

export const telegrafPromtoolCases: PromtoolCases = {
  'gather-errors': {
    fires: {
      series: [{ series: tgSeries('internal_gather_errors', 'input="mysql"'), values: '0+2x30' }],
      evalTime: '25m',
      labels: { ...TG_LABELS, input: 'mysql' },
    },
    quiet: {
      series: [{ series: tgSeries('internal_gather_errors', 'input="mysql"'), values: '3x30' }],
      evalTime: '25m',
    },
  },
  'write-errors': {
    fires: {
      series: [{ series: tgSeries('internal_write_errors', 'output="influxdb_v2"'), values: '0+1x30' }],
      evalTime: '25m',
      labels: { ...TG_LABELS, output: 'influxdb_v2' },
    },
    quiet: {
      series: [{ series: tgSeries('internal_write_errors', 'output="influxdb_v2"'), values: '14x30' }],
      evalTime: '25m',
    },
  },
  'metrics-dropped': {
    fires: {
      series: [{ series: tgSeries('internal_write_metrics_dropped', 'output="influxdb_v2"'), values: '0x10 500x10' }],
      evalTime: '12m',
      labels: { ...TG_LABELS, output: 'influxdb_v2' },
    },
    quiet: {
      series: [{ series: tgSeries('internal_write_metrics_dropped', 'output="influxdb_v2"'), values: '500x20' }],
      evalTime: '12m',
    },
  },
  'buffer-filling': {
    fires: {
      series: [
        { series: tgSeries('internal_write_buffer_size', 'output="influxdb_v2"'), values: '8500x30' },
        { series: tgSeries('internal_write_buffer_limit', 'output="influxdb_v2"'), values: '10000x30' },
      ],
      evalTime: '20m',
      labels: { ...TG_LABELS, output: 'influxdb_v2' },
    },
    quiet: {
      series: [
        { series: tgSeries('internal_write_buffer_size', 'output="influxdb_v2"'), values: '1742x30' },
        { series: tgSeries('internal_write_buffer_limit', 'output="influxdb_v2"'), values: '10000x30' },
      ],
      evalTime: '20m',
    },
  },
  'buffer-full': {
    fires: {
      series: [
        { series: tgSeries('internal_write_buffer_size', 'output="influxdb_v2"'), values: '9990x20' },
        { series: tgSeries('internal_write_buffer_limit', 'output="influxdb_v2"'), values: '10000x20' },
      ],
      evalTime: '15m',
      labels: { ...TG_LABELS, output: 'influxdb_v2' },
    },
    quiet: {
      series: [
        { series: tgSeries('internal_write_buffer_size', 'output="influxdb_v2"'), values: '8500x20' },
        { series: tgSeries('internal_write_buffer_limit', 'output="influxdb_v2"'), values: '10000x20' },
      ],
      evalTime: '15m',
    },
  },
  'not-gathering': {
    fires: {
      series: [
        { series: tgSeries('internal_agent_metrics_gathered', 'go_version="1.25.4"'), values: '0+100x10 1000x30' },
      ],
      evalTime: '35m',
      labels: { ...TG_LABELS, go_version: '1.25.4' },
    },
    quiet: {
      series: [{ series: tgSeries('internal_agent_metrics_gathered', 'go_version="1.25.4"'), values: '0+100x40' }],
      evalTime: '35m',
    },
  },
  'host-memory': {
    fires: {
      series: [{ series: tgSeries('mem_used_percent'), values: '95x30' }],
      evalTime: '25m',
      labels: HOST_LABELS,
    },
    quiet: {
      series: [{ series: tgSeries('mem_used_percent'), values: '55x30' }],
      evalTime: '25m',
    },
  },
  'host-disk': {
    fires: {
      series: [{ series: tgSeries('disk_used_percent', DISK), values: '92x30' }],
      evalTime: '25m',
      labels: { ...HOST_LABELS, ...DISK_LABELS },
    },
    quiet: {
      series: [{ series: tgSeries('disk_used_percent', DISK), values: '88.6x30' }],
      evalTime: '25m',
    },
  },
  'host-disk-full': {
    fires: {
      series: [{ series: tgSeries('disk_used_percent', DISK), values: '97x20' }],
      evalTime: '15m',
      labels: { ...HOST_LABELS, ...DISK_LABELS },
    },
    quiet: {
      series: [{ series: tgSeries('disk_used_percent', DISK), values: '92x20' }],
      evalTime: '15m',
    },
  },
};
