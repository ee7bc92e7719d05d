/**
 * promtool cases for the jmx alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';

export const jmxPromtoolCases: PromtoolCases = {
  'scrape-error': {
    fires: {
      series: [{ series: 'jmx_scrape_error{job="jmx",instance="app-1:9404"}', values: '0x5 1x25' }],
      evalTime: '25m',
      labels: { job: 'jmx', instance: 'app-1:9404' },
    },
    quiet: {
      series: [
        {
          series: 'jmx_scrape_error{job="jmx",instance="app-1:9404"}',
          values: '0x5 1 0 0 0 1 0 0 0 1 0 0 0 1 0 0 0 1 0 0 0 1 0 0 0 1',
        },
      ],
      evalTime: '25m',
    },
  },
  'heap-high': {
    fires: {
      series: [
        {
          series: 'jvm_memory_used_bytes{job="jmx",instance="app-1:9404",area="heap"}',
          values: '850 900 870 880 860 890x30',
        },
        { series: 'jvm_memory_max_bytes{job="jmx",instance="app-1:9404",area="heap"}', values: '1000x35' },
      ],
      evalTime: '30m',
      labels: { job: 'jmx', instance: 'app-1:9404', area: 'heap' },
    },
    quiet: {
      // The saw-tooth of a healthy heap: high before each collection, low after it.
      series: [
        {
          series: 'jvm_memory_bytes_used{job="jmx",instance="app-1:9404",area="heap"}',
          values:
            '900 300 900 300 900 300 900 300 900 300 900 300 900 300 900 300 900 300 900 300 900 300 900 300 900 300 900 300 900 300 900 300 900 300 900',
        },
        { series: 'jvm_memory_bytes_max{job="jmx",instance="app-1:9404",area="heap"}', values: '1000x35' },
      ],
      evalTime: '30m',
    },
  },
  'heap-critical': {
    fires: {
      series: [
        { series: 'jvm_memory_bytes_used{job="jmx",instance="app-1:9404",area="heap"}', values: '950x30' },
        { series: 'jvm_memory_bytes_max{job="jmx",instance="app-1:9404",area="heap"}', values: '1000x30' },
      ],
      evalTime: '20m',
      labels: { job: 'jmx', instance: 'app-1:9404', area: 'heap' },
    },
    quiet: {
      series: [
        { series: 'jvm_memory_bytes_used{job="jmx",instance="app-1:9404",area="heap"}', values: '850x30' },
        { series: 'jvm_memory_bytes_max{job="jmx",instance="app-1:9404",area="heap"}', values: '1000x30' },
      ],
      evalTime: '20m',
    },
  },
  'gc-time-high': {
    fires: {
      series: [
        {
          series: 'jvm_gc_collection_seconds_sum{job="jmx",instance="app-1:9404",gc="G1 Young Generation"}',
          values: '0+6x30',
        },
      ],
      evalTime: '25m',
      labels: { job: 'jmx', instance: 'app-1:9404' },
    },
    quiet: {
      series: [
        {
          series: 'jvm_gc_collection_seconds_sum{job="jmx",instance="app-1:9404",gc="G1 Young Generation"}',
          values: '0+0.6x30',
        },
      ],
      evalTime: '25m',
    },
  },
  'gc-time-critical': {
    fires: {
      series: [
        {
          series: 'jvm_gc_collection_seconds_sum{job="jmx",instance="app-1:9404",gc="G1 Old Generation"}',
          values: '0+18x30',
        },
      ],
      evalTime: '25m',
      labels: { job: 'jmx', instance: 'app-1:9404' },
    },
    quiet: {
      series: [
        {
          series: 'jvm_gc_collection_seconds_sum{job="jmx",instance="app-1:9404",gc="G1 Old Generation"}',
          values: '0+6x30',
        },
      ],
      evalTime: '25m',
    },
  },
  'deadlocked-threads': {
    fires: {
      series: [{ series: 'jvm_threads_deadlocked{job="jmx",instance="app-1:9404"}', values: '0x5 2x20' }],
      evalTime: '20m',
      labels: { job: 'jmx', instance: 'app-1:9404' },
    },
    quiet: {
      series: [{ series: 'jvm_threads_deadlocked{job="jmx",instance="app-1:9404"}', values: '0x25' }],
      evalTime: '20m',
    },
  },
  'fds-high': {
    fires: {
      series: [
        { series: 'process_open_fds{job="jmx",instance="app-1:9404"}', values: '850x30' },
        { series: 'process_max_fds{job="jmx",instance="app-1:9404"}', values: '1000x30' },
        { series: 'jmx_scrape_error{job="jmx",instance="app-1:9404"}', values: '0x30' },
      ],
      evalTime: '25m',
      labels: { job: 'jmx', instance: 'app-1:9404' },
    },
    quiet: {
      series: [
        { series: 'process_open_fds{job="jmx",instance="app-1:9404"}', values: '400x30' },
        { series: 'process_max_fds{job="jmx",instance="app-1:9404"}', values: '1000x30' },
        { series: 'jmx_scrape_error{job="jmx",instance="app-1:9404"}', values: '0x30' },
      ],
      evalTime: '25m',
    },
  },
  'fds-critical': {
    fires: {
      series: [
        { series: 'process_open_fds{job="jmx",instance="app-1:9404"}', values: '950x30' },
        { series: 'process_max_fds{job="jmx",instance="app-1:9404"}', values: '1000x30' },
        { series: 'jmx_scrape_error{job="jmx",instance="app-1:9404"}', values: '0x30' },
      ],
      evalTime: '25m',
      labels: { job: 'jmx', instance: 'app-1:9404' },
    },
    quiet: {
      series: [
        { series: 'process_open_fds{job="jmx",instance="app-1:9404"}', values: '850x30' },
        { series: 'process_max_fds{job="jmx",instance="app-1:9404"}', values: '1000x30' },
        { series: 'jmx_scrape_error{job="jmx",instance="app-1:9404"}', values: '0x30' },
      ],
      evalTime: '25m',
    },
  },
  restarted: {
    fires: {
      series: [
        { series: 'process_start_time_seconds{job="jmx",instance="app-1:9404"}', values: '1000x10 1700x10' },
        { series: 'jmx_scrape_error{job="jmx",instance="app-1:9404"}', values: '0x20' },
      ],
      evalTime: '15m',
      labels: { job: 'jmx', instance: 'app-1:9404' },
    },
    quiet: {
      series: [
        { series: 'process_start_time_seconds{job="jmx",instance="app-1:9404"}', values: '1000x20' },
        { series: 'jmx_scrape_error{job="jmx",instance="app-1:9404"}', values: '0x20' },
      ],
      evalTime: '15m',
    },
  },
};
