/**
 * promtool cases for the rabbitmq alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import type { PromtoolCases } from '../promtool-cases';

// promtool test series for one node, from the fixture captured from Debian's RabbitMQ 3.10 (the
// alerts read only names every supported release sends, with the same labels).
const RMQ = { job: 'rabbitmq', instance: 'rabbit-1:15692' };

const F310 = 'RabbitMQ 3.10 – 4.3, /metrics (aggregated)';
const MQTT = 'RabbitMQ 3.12 – 4.3 with the MQTT plugin, /metrics (aggregated)';
const rmqSeries = familyFixture('rabbitmq', F310).at(RMQ).series;
const mqttSeries = familyFixture('rabbitmq', MQTT).at(RMQ).series;
const youngSeries = familyFixture('rabbitmq', F310).at({ ...RMQ, instance: 'rabbit-2:15692' }).series;
// The unroutable counters of one protocol: messages dropped (no mandatory flag, MQTT QoS 0) and returned.
const unroutableSeries = (seriesOf: typeof rmqSeries, protocol: string, dropped: string, returned: string) => [
  { series: seriesOf('rabbitmq_global_messages_unroutable_dropped_total', { protocol }), values: dropped },
  { series: seriesOf('rabbitmq_global_messages_unroutable_returned_total', { protocol }), values: returned },
];

export const rabbitmqPromtoolCases: PromtoolCases = {
  // A member stops at minute 3 (or the network cuts it off), and this node counts it unreachable from then on.
  // Quiet: a member restarted in a rolling upgrade, unreachable from minute 3 to 7; evaluated at minute 6, inside
  // the outage, where the count is 1 and has been for 3 minutes, so a rule without the 2-minute minimum would fire.
  'cluster-peers-unreachable': {
    family: F310,
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
    family: F310,
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
    family: F310,
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
  // Fires: a day of flat free space (3 MB), then a fill of 5 kB a minute from minute 1500 that would reach the
  // 50 kB limit at minute 2090 (~10 h). The last 6 hours' trend crosses at minute ~1645 and the alert fires from
  // ~1675, 7 hours before the alarm; the day's crossing, which the rule also needed (for 1 h), came at ~1960 and
  // fired at ~2020, 70 minutes before it.
  // Beside it, the young stack the rule once paged on: a node up for 110 minutes (from minute 1570) whose disk a
  // build fills at 100 kB a minute from 100 MB free; without a day of samples behind it the rule does not
  // extrapolate (the 6-hour prediction alone fired there after 30 minutes).
  // Quiet: a day-long fill (1.5 kB a minute from 3 MB) that stopped at 840 kB free 6 h 50 min before: the day
  // still falls, but the last 6 hours are flat.
  'disk-filling': {
    family: F310,
    fires: {
      series: [
        { series: rmqSeries('rabbitmq_disk_space_available_bytes'), values: '3000000x1500 2995000-5000x200' },
        { series: rmqSeries('rabbitmq_disk_space_available_limit_bytes'), values: '50000x1700' },
        { series: youngSeries('rabbitmq_disk_space_available_bytes'), values: '_x1570 100000000-100000x120' },
        { series: youngSeries('rabbitmq_disk_space_available_limit_bytes'), values: '_x1570 50000x120' },
      ],
      evalTime: '1680m',
      labels: RMQ,
    },
    quiet: {
      series: [
        { series: rmqSeries('rabbitmq_disk_space_available_bytes'), values: '3000000-1500x1440 840000x420' },
        { series: rmqSeries('rabbitmq_disk_space_available_limit_bytes'), values: '50000x1860' },
      ],
      evalTime: '1850m',
      afterFault: 'the alert must clear once a fill stops: the fill has left the 6-hour trend, not the day',
    },
  },
  'file-descriptors': {
    family: F310,
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
    family: F310,
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
    family: F310,
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
    family: F310,
    fires: { series: unroutableSeries(rmqSeries, 'amqp091', '0+10x20', '0x20'), evalTime: '15m', labels: RMQ },
    quiet: { series: unroutableSeries(rmqSeries, 'amqp091', '5x20', '0x20'), evalTime: '15m' },
    // With the MQTT plugin (3.12+): AMQP 0-9-1 messages without a binding fire; MQTT telemetry on a topic no
    // client subscribes to (dropped at QoS 0, returned at QoS 1) is MQTT working as specified and stays quiet.
    otherFamilies: [
      {
        family: MQTT,
        fires: {
          series: [
            ...unroutableSeries(mqttSeries, 'amqp091', '0+10x20', '0x20'),
            ...unroutableSeries(mqttSeries, 'mqtt311', '0+120x20', '0x20'),
          ],
          evalTime: '15m',
          labels: RMQ,
        },
        quiet: {
          series: [
            ...unroutableSeries(mqttSeries, 'amqp091', '0x20', '0x20'),
            ...unroutableSeries(mqttSeries, 'mqtt311', '0+120x20', '0x20'),
            ...unroutableSeries(mqttSeries, 'mqtt50', '0x20', '0+30x20'),
          ],
          evalTime: '15m',
        },
      },
    ],
  },
  'connection-churn': {
    family: F310,
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
