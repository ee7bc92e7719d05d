/**
 * promtool cases for the rabbitmq alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import type { PromtoolCases } from '../promtool-cases';

// promtool test series for one node, from the fixture captured from Debian's RabbitMQ 3.10 (the
// alerts read only names every supported release sends, with the same labels).
const RMQ = { job: 'rabbitmq', instance: 'rabbit-1:15692' };

const rmqSeries = familyFixture('rabbitmq', 'RabbitMQ 3.10 – 4.3, /metrics (aggregated)').at(RMQ).series;

export const rabbitmqPromtoolCases: PromtoolCases = {
  // A member stops at minute 3 (or the network cuts it off), and this node counts it unreachable from then on.
  // Quiet: a member restarted in a rolling upgrade, unreachable from minute 3 to 7; evaluated at minute 6, inside
  // the outage, where the count is 1 and has been for 3 minutes, so a rule without the 2-minute minimum would fire.
  'cluster-peers-unreachable': {
    fires: {
      series: [{ series: rmqSeries('rabbitmq_unreachable_cluster_peers_count'), values: '0x2 1x20' }],
      evalTime: '15m',
      labels: RMQ,
    },
    quiet: {
      series: [{ series: rmqSeries('rabbitmq_unreachable_cluster_peers_count'), values: '0x2 1x4 0x10' }],
      evalTime: '6m',
    },
  },
  alarm: {
    fires: {
      series: [
        { series: rmqSeries('rabbitmq_alarms_memory_used_watermark'), values: '0x5 1x10' },
        { series: rmqSeries('rabbitmq_alarms_free_disk_space_watermark'), values: '0x15' },
      ],
      evalTime: '10m',
      labels: { ...RMQ, alarm: 'memory_used_watermark' },
    },
    quiet: {
      series: [
        { series: rmqSeries('rabbitmq_alarms_memory_used_watermark'), values: '0x15' },
        { series: rmqSeries('rabbitmq_alarms_free_disk_space_watermark'), values: '0x15' },
      ],
      evalTime: '10m',
    },
  },
  'memory-high': {
    fires: {
      series: [
        { series: rmqSeries('rabbitmq_process_resident_memory_bytes'), values: '850x30' },
        { series: rmqSeries('rabbitmq_resident_memory_limit_bytes'), values: '1000x30' },
      ],
      evalTime: '20m',
      labels: RMQ,
    },
    quiet: {
      series: [
        { series: rmqSeries('rabbitmq_process_resident_memory_bytes'), values: '400x30' },
        { series: rmqSeries('rabbitmq_resident_memory_limit_bytes'), values: '1000x30' },
      ],
      evalTime: '20m',
    },
  },
  'disk-filling': {
    fires: {
      series: [
        { series: rmqSeries('rabbitmq_disk_space_available_bytes'), values: '100000-100x120' },
        { series: rmqSeries('rabbitmq_disk_space_available_limit_bytes'), values: '50000x120' },
      ],
      evalTime: '90m',
      labels: RMQ,
    },
    quiet: {
      series: [
        { series: rmqSeries('rabbitmq_disk_space_available_bytes'), values: '100000-1x120' },
        { series: rmqSeries('rabbitmq_disk_space_available_limit_bytes'), values: '50000x120' },
      ],
      evalTime: '90m',
    },
  },
  'file-descriptors': {
    fires: {
      series: [
        { series: rmqSeries('rabbitmq_process_open_fds'), values: '920x30' },
        { series: rmqSeries('rabbitmq_process_max_fds'), values: '1000x30' },
      ],
      evalTime: '20m',
      labels: RMQ,
    },
    quiet: {
      series: [
        { series: rmqSeries('rabbitmq_process_open_fds'), values: '100x30' },
        { series: rmqSeries('rabbitmq_process_max_fds'), values: '1000x30' },
      ],
      evalTime: '20m',
    },
  },
  'file-descriptors-crit': {
    fires: {
      series: [
        { series: rmqSeries('rabbitmq_process_open_fds'), values: '990x20' },
        { series: rmqSeries('rabbitmq_process_max_fds'), values: '1000x20' },
      ],
      evalTime: '15m',
      labels: RMQ,
    },
    quiet: {
      series: [
        { series: rmqSeries('rabbitmq_process_open_fds'), values: '920x20' },
        { series: rmqSeries('rabbitmq_process_max_fds'), values: '1000x20' },
      ],
      evalTime: '15m',
    },
  },
  'erlang-processes': {
    fires: {
      series: [
        { series: rmqSeries('rabbitmq_erlang_processes_used'), values: '900x30' },
        { series: rmqSeries('rabbitmq_erlang_processes_limit'), values: '1000x30' },
      ],
      evalTime: '20m',
      labels: RMQ,
    },
    quiet: {
      series: [
        { series: rmqSeries('rabbitmq_erlang_processes_used'), values: '300x30' },
        { series: rmqSeries('rabbitmq_erlang_processes_limit'), values: '1000x30' },
      ],
      evalTime: '20m',
    },
  },
  unroutable: {
    fires: {
      series: [
        {
          series: rmqSeries('rabbitmq_global_messages_unroutable_dropped_total', { protocol: 'amqp091' }),
          values: '0+10x20',
        },
        {
          series: rmqSeries('rabbitmq_global_messages_unroutable_returned_total', { protocol: 'amqp091' }),
          values: '0x20',
        },
      ],
      evalTime: '15m',
      labels: RMQ,
    },
    quiet: {
      series: [
        {
          series: rmqSeries('rabbitmq_global_messages_unroutable_dropped_total', { protocol: 'amqp091' }),
          values: '5x20',
        },
        {
          series: rmqSeries('rabbitmq_global_messages_unroutable_returned_total', { protocol: 'amqp091' }),
          values: '0x20',
        },
      ],
      evalTime: '15m',
    },
  },
  'connection-churn': {
    fires: {
      series: [{ series: rmqSeries('rabbitmq_connections_opened_total'), values: '0+1200x30' }],
      evalTime: '20m',
      labels: RMQ,
    },
    quiet: {
      series: [{ series: rmqSeries('rabbitmq_connections_opened_total'), values: '0+6x30' }],
      evalTime: '20m',
    },
  },
};
