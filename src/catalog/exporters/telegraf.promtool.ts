/**
 * promtool cases for the telegraf alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import type { PromtoolCases } from '../promtool-cases';

// Every series comes from a family fixture (tests/fixtures/exporters/telegraf-1.39.prom, telegraf-1.20-1.38.prom).
const NEW = 'Telegraf 1.39';
const OLD = 'Telegraf 1.20 – 1.38';
const TARGET = { job: 'telegraf', instance: 'app01:9273' };
const app01 = familyFixture('telegraf', NEW).at(TARGET);
const app01Old = familyFixture('telegraf', OLD).at(TARGET);

const HOST = { host: 'app01' };
const HOST_LABELS = { ...TARGET, ...HOST };
const TG_LABELS = { ...HOST_LABELS, version: '1.39.3' };
const DISK_LABELS = { device: 'sdb1', fstype: 'xfs', mode: 'rw', path: '/var/lib/docker' };
const INFLUX = { ...HOST, output: 'influxdb_v2', version: '1.39.3' };
const INFLUX_OLD = { ...INFLUX, version: '1.38.4' };
const MYSQL = { ...HOST, input: 'mysql', version: '1.39.3' };
const AGENT = { ...HOST, go_version: '1.26.0', version: '1.39.3' };
const tgSeries = (metric: string, labels: Record<string, string> = {}) => app01.series(metric, { ...HOST, ...labels });
const influx = (metric: string) => app01.series(metric, INFLUX);

export const telegrafPromtoolCases: PromtoolCases = {
  'gather-errors': {
    family: 'Telegraf 1.20 – 1.38',
    fires: {
      series: [{ series: app01.series('internal_gather_errors', MYSQL), values: '0+2x30' }],
      evalTime: '25m',
      labels: { ...TG_LABELS, input: 'mysql' },
    },
    quiet: {
      series: [{ series: app01.series('internal_gather_errors', MYSQL), values: '3x30' }],
      evalTime: '25m',
    },
  },
  'write-errors': {
    // 1.39 counts failed writes in internal_write_write_errors; older agents only the output's error log lines.
    family: NEW,
    fires: {
      series: [
        { series: influx('internal_write_write_errors'), values: '0+1x30' },
        { series: influx('internal_write_errors'), values: '0x30' },
      ],
      evalTime: '25m',
      labels: { ...TG_LABELS, output: 'influxdb_v2' },
    },
    quiet: {
      series: [
        { series: influx('internal_write_write_errors'), values: '9x30' },
        { series: influx('internal_write_errors'), values: '0+1x30' },
      ],
      evalTime: '25m',
    },
    otherFamilies: [
      {
        family: OLD,
        fires: {
          series: [{ series: app01Old.series('internal_write_errors', INFLUX_OLD), values: '0+1x30' }],
          evalTime: '25m',
          labels: { ...HOST_LABELS, output: 'influxdb_v2', version: '1.38.4' },
        },
        quiet: {
          series: [{ series: app01Old.series('internal_write_errors', INFLUX_OLD), values: '14x30' }],
          evalTime: '25m',
        },
      },
    ],
  },
  'metrics-dropped': {
    family: 'Telegraf 1.20 – 1.38',
    fires: {
      series: [{ series: influx('internal_write_metrics_dropped'), values: '0x10 500x10' }],
      evalTime: '12m',
      labels: { ...TG_LABELS, output: 'influxdb_v2' },
    },
    quiet: {
      series: [{ series: influx('internal_write_metrics_dropped'), values: '500x20' }],
      evalTime: '12m',
    },
  },
  'buffer-filling': {
    family: 'Telegraf 1.20 – 1.38',
    fires: {
      series: [
        { series: influx('internal_write_buffer_size'), values: '8500x30' },
        { series: influx('internal_write_buffer_limit'), values: '10000x30' },
      ],
      evalTime: '20m',
      labels: { ...TG_LABELS, output: 'influxdb_v2' },
    },
    quiet: {
      series: [
        { series: influx('internal_write_buffer_size'), values: '1742x30' },
        { series: influx('internal_write_buffer_limit'), values: '10000x30' },
      ],
      evalTime: '20m',
    },
  },
  'buffer-full': {
    family: 'Telegraf 1.20 – 1.38',
    fires: {
      series: [
        { series: influx('internal_write_buffer_size'), values: '9990x20' },
        { series: influx('internal_write_buffer_limit'), values: '10000x20' },
      ],
      evalTime: '15m',
      labels: { ...TG_LABELS, output: 'influxdb_v2' },
    },
    quiet: {
      series: [
        { series: influx('internal_write_buffer_size'), values: '8500x20' },
        { series: influx('internal_write_buffer_limit'), values: '10000x20' },
      ],
      evalTime: '15m',
    },
  },
  'not-gathering': {
    // An agent that gathers nothing sends its prometheus_client output nothing new, and the output drops each
    // series expiration_interval (60 s by default) after its last sample (v1/collector.go Collect, v1.20.0 –
    // v1.39.3), while the endpoint still answers: the counter is gone, not flat.
    family: OLD,
    fires: {
      series: [
        { series: app01.series('internal_agent_metrics_gathered', AGENT), values: '0+100x10 _x30' },
        // the output's Go and process collectors still answer
        { series: 'scrape_samples_scraped{job="telegraf",instance="app01:9273"}', values: '412x40' },
      ],
      evalTime: '30m',
      labels: TARGET,
    },
    quiet: {
      series: [
        { series: app01.series('internal_agent_metrics_gathered', AGENT), values: '0+100x40' },
        { series: 'scrape_samples_scraped{job="telegraf",instance="app01:9273"}', values: '412x40' },
      ],
      evalTime: '30m',
    },
    otherFamilies: [
      {
        // With expiration_interval = "0" the output keeps the last value: the counter stays flat.
        family: NEW,
        fires: {
          series: [{ series: app01.series('internal_agent_metrics_gathered', AGENT), values: '0+100x10 1000x30' }],
          evalTime: '35m',
          labels: { ...TG_LABELS, go_version: '1.26.0' },
        },
        quiet: {
          series: [{ series: app01.series('internal_agent_metrics_gathered', AGENT), values: '0+100x40' }],
          evalTime: '35m',
        },
      },
    ],
  },
  'host-memory': {
    family: 'Telegraf 1.20 – 1.38',
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
    family: 'Telegraf 1.20 – 1.38',
    fires: {
      series: [{ series: tgSeries('disk_used_percent', DISK_LABELS), values: '92x30' }],
      evalTime: '25m',
      labels: { ...HOST_LABELS, ...DISK_LABELS },
    },
    quiet: {
      series: [{ series: tgSeries('disk_used_percent', DISK_LABELS), values: '88.6x30' }],
      evalTime: '25m',
    },
  },
  'host-disk-full': {
    family: 'Telegraf 1.20 – 1.38',
    fires: {
      series: [{ series: tgSeries('disk_used_percent', DISK_LABELS), values: '97x20' }],
      evalTime: '15m',
      labels: { ...HOST_LABELS, ...DISK_LABELS },
    },
    quiet: {
      series: [{ series: tgSeries('disk_used_percent', DISK_LABELS), values: '92x20' }],
      evalTime: '15m',
    },
  },
};
