/**
 * promtool cases for the kafka alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';

// promtool test series for one kafka_exporter (one cluster).
const KAFKA = { job: 'kafka', instance: 'kafka-exporter:9308' };

const kafkaSeries = (metric: string, labels = '') =>
  `${metric}{job="kafka",instance="kafka-exporter:9308"${labels ? `,${labels}` : ''}}`;

export const kafkaPromtoolCases: PromtoolCases = {
  // kafka_exporter emits the under-replicated flag for every partition beside the replica counts it
  // is computed from (kafka_exporter.go, every version): the series come together.
  'under-replicated': {
    fires: {
      series: [
        {
          series: kafkaSeries('kafka_topic_partition_under_replicated_partition', 'partition="2",topic="payments"'),
          values: '0x5 1x25',
        },
        { series: kafkaSeries('kafka_topic_partition_replicas', 'partition="2",topic="payments"'), values: '3x30' },
        {
          series: kafkaSeries('kafka_topic_partition_in_sync_replica', 'partition="2",topic="payments"'),
          values: '3x5 2x25',
        },
      ],
      evalTime: '20m',
      labels: { ...KAFKA, partition: '2', topic: 'payments' },
    },
    quiet: {
      series: [
        {
          series: kafkaSeries('kafka_topic_partition_under_replicated_partition', 'partition="2",topic="payments"'),
          values: '0x30',
        },
        { series: kafkaSeries('kafka_topic_partition_replicas', 'partition="2",topic="payments"'), values: '2x30' },
        {
          series: kafkaSeries('kafka_topic_partition_in_sync_replica', 'partition="2",topic="payments"'),
          values: '2x30',
        },
      ],
      evalTime: '20m',
    },
  },
  // A partition that loses its leader loses its kafka_topic_partition_leader series (the exporter
  // skips it when sarama finds no leader; Prometheus marks it stale) while
  // kafka_topic_partition_leader_is_preferred goes on, at 0 (kafka_exporter.go, every version).
  'offline-partitions': {
    fires: {
      series: [
        { series: kafkaSeries('kafka_topic_partition_leader', 'partition="0",topic="orders"'), values: '1x5 stale' },
        {
          series: kafkaSeries('kafka_topic_partition_leader_is_preferred', 'partition="0",topic="orders"'),
          values: '1x5 0x10',
        },
        { series: kafkaSeries('kafka_topic_partition_leader', 'partition="1",topic="orders"'), values: '2x15' },
        {
          series: kafkaSeries('kafka_topic_partition_leader_is_preferred', 'partition="1",topic="orders"'),
          values: '1x15',
        },
      ],
      evalTime: '10m',
      labels: { ...KAFKA, topic: 'orders' },
    },
    // Leadership moved to a non-preferred broker: not preferred, but led, so not offline.
    quiet: {
      series: [
        { series: kafkaSeries('kafka_topic_partition_leader', 'partition="0",topic="orders"'), values: '1x5 3x10' },
        {
          series: kafkaSeries('kafka_topic_partition_leader_is_preferred', 'partition="0",topic="orders"'),
          values: '1x5 0x10',
        },
        { series: kafkaSeries('kafka_topic_partition_leader', 'partition="1",topic="orders"'), values: '2x15' },
        {
          series: kafkaSeries('kafka_topic_partition_leader_is_preferred', 'partition="1",topic="orders"'),
          values: '1x15',
        },
      ],
      evalTime: '10m',
    },
  },
  'consumer-lag': {
    family: 'Kafka-committed offsets',
    fires: {
      series: [
        {
          series: kafkaSeries('kafka_consumergroup_lag', 'consumergroup="billing",partition="0",topic="orders"'),
          values: '5000+500x40',
        },
      ],
      evalTime: '35m',
      labels: { ...KAFKA, consumergroup: 'billing', topic: 'orders' },
    },
    quiet: {
      series: [
        {
          series: kafkaSeries('kafka_consumergroup_lag', 'consumergroup="billing",partition="0",topic="orders"'),
          values: '50000-500x40',
        },
      ],
      evalTime: '35m',
    },
    // 6000 on each replica of an HA pair, steady: under the 10000 warning; added up, 12000 would fire.
    haQuiet: {
      series: [
        {
          series: kafkaSeries('kafka_consumergroup_lag', 'consumergroup="billing",partition="0",topic="orders"'),
          values: '6000x40',
        },
      ],
      evalTime: '35m',
    },
    otherFamilies: [
      {
        // Only with --use.consumelag.zookeeper (kafka_exporter ≥ 1.3): same labels, another name.
        family: 'ZooKeeper-committed offsets',
        fires: {
          series: [
            {
              series: kafkaSeries(
                'kafka_consumergroupzookeeper_lag_zookeeper',
                'consumergroup="legacy",partition="0",topic="orders"'
              ),
              values: '5000+500x40',
            },
          ],
          evalTime: '35m',
          labels: { ...KAFKA, consumergroup: 'legacy', topic: 'orders' },
        },
        quiet: {
          series: [
            {
              series: kafkaSeries(
                'kafka_consumergroupzookeeper_lag_zookeeper',
                'consumergroup="legacy",partition="0",topic="orders"'
              ),
              values: '50000-500x40',
            },
          ],
          evalTime: '35m',
        },
      },
    ],
  },
  'consumer-lag-crit': {
    family: 'ZooKeeper-committed offsets',
    fires: {
      series: [
        {
          series: kafkaSeries(
            'kafka_consumergroupzookeeper_lag_zookeeper',
            'consumergroup="legacy",partition="0",topic="orders"'
          ),
          values: '150000x30',
        },
      ],
      evalTime: '20m',
      labels: { ...KAFKA, consumergroup: 'legacy', topic: 'orders' },
    },
    quiet: {
      series: [
        {
          series: kafkaSeries(
            'kafka_consumergroupzookeeper_lag_zookeeper',
            'consumergroup="legacy",partition="0",topic="orders"'
          ),
          values: '50000x30',
        },
      ],
      evalTime: '20m',
    },
    // 60000 on each replica of an HA pair: under the 100000 critical; added up, 120000 would fire.
    haQuiet: {
      series: [
        {
          series: kafkaSeries(
            'kafka_consumergroupzookeeper_lag_zookeeper',
            'consumergroup="legacy",partition="0",topic="orders"'
          ),
          values: '60000x30',
        },
      ],
      evalTime: '20m',
    },
    otherFamilies: [
      {
        // With the -1 kafka_exporter reports for a partition the group never committed on (kafka_exporter.go).
        family: 'Kafka-committed offsets',
        fires: {
          series: [
            {
              series: kafkaSeries('kafka_consumergroup_lag', 'consumergroup="billing",partition="0",topic="orders"'),
              values: '150000x30',
            },
            {
              series: kafkaSeries('kafka_consumergroup_lag', 'consumergroup="billing",partition="1",topic="orders"'),
              values: '-1x30',
            },
          ],
          evalTime: '20m',
          labels: { ...KAFKA, consumergroup: 'billing', topic: 'orders' },
        },
        quiet: {
          series: [
            {
              series: kafkaSeries('kafka_consumergroup_lag', 'consumergroup="billing",partition="0",topic="orders"'),
              values: '50000x30',
            },
            {
              series: kafkaSeries('kafka_consumergroup_lag', 'consumergroup="billing",partition="1",topic="orders"'),
              values: '-1x30',
            },
          ],
          evalTime: '20m',
        },
      },
    ],
  },
  'no-consumers': {
    // Partition 1 was never committed by the group: the exporter reports its lag as -1, which must not
    // cancel the one message waiting on partition 0.
    fires: {
      series: [
        {
          series: kafkaSeries('kafka_consumergroup_members', 'consumergroup="billing",env="prod"'),
          values: '2x5 0x30',
        },
        {
          series: kafkaSeries(
            'kafka_consumergroup_lag',
            'consumergroup="billing",env="prod",partition="0",topic="orders"'
          ),
          values: '1x35',
        },
        {
          series: kafkaSeries(
            'kafka_consumergroup_lag',
            'consumergroup="billing",env="prod",partition="1",topic="orders"'
          ),
          values: '-1x35',
        },
      ],
      evalTime: '30m',
      labels: { ...KAFKA, consumergroup: 'billing', env: 'prod' },
    },
    quiet: {
      series: [
        { series: kafkaSeries('kafka_consumergroup_members', 'consumergroup="billing"'), values: '2x5 0x30' },
        {
          series: kafkaSeries('kafka_consumergroup_lag', 'consumergroup="billing",partition="0",topic="orders"'),
          values: '0x35',
        },
      ],
      evalTime: '30m',
    },
  },
  'broker-lost': {
    fires: {
      series: [{ series: kafkaSeries('kafka_brokers'), values: '3x10 2x20' }],
      evalTime: '20m',
      labels: KAFKA,
    },
    quiet: {
      series: [{ series: kafkaSeries('kafka_brokers'), values: '2x10 3x20' }],
      evalTime: '20m',
    },
  },
};
