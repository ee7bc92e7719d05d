/**
 * promtool cases for the kafka alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import type { PromtoolCases } from '../promtool-cases';

// promtool test series for one kafka_exporter (one cluster), each built from its family's fixture
// (tests/fixtures/exporters/kafka-default.prom, kafka-zookeeper.prom).
const KAFKA = { job: 'kafka', instance: 'kafka-exporter:9308' };
const DEFAULT = 'kafka_exporter 1.3 – 1.9, default flags';
const ZOOKEEPER = 'kafka_exporter 1.3 – 1.9 with --use.consumelag.zookeeper';
const plain = familyFixture('kafka', DEFAULT).at(KAFKA);
const zk = familyFixture('kafka', ZOOKEEPER).at(KAFKA);
// The same exporter with the cluster label the user's relabelling adds (a target label, as job and instance).
const PROD = { ...KAFKA, cluster: 'prod' };
const prod = familyFixture('kafka', DEFAULT).at(PROD);

const partition = (topic: string, p: string) => ({ topic, partition: p });
const groupPartition = (consumergroup: string, topic: string, p: string) => ({ consumergroup, topic, partition: p });

export const kafkaPromtoolCases: PromtoolCases = {
  // kafka_exporter emits the under-replicated flag for every partition beside the replica counts it
  // is computed from (kafka_exporter.go, every version): the series come together.
  'under-replicated': {
    family: DEFAULT,
    fires: {
      series: [
        {
          series: plain.series('kafka_topic_partition_under_replicated_partition', partition('payments', '2')),
          values: '0x5 1x25',
        },
        { series: plain.series('kafka_topic_partition_replicas', partition('payments', '2')), values: '3x30' },
        {
          series: plain.series('kafka_topic_partition_in_sync_replica', partition('payments', '2')),
          values: '3x5 2x25',
        },
      ],
      evalTime: '20m',
      labels: { ...KAFKA, partition: '2', topic: 'payments' },
    },
    quiet: {
      series: [
        {
          series: plain.series('kafka_topic_partition_under_replicated_partition', partition('payments', '2')),
          values: '0x30',
        },
        { series: plain.series('kafka_topic_partition_replicas', partition('payments', '2')), values: '2x30' },
        {
          series: plain.series('kafka_topic_partition_in_sync_replica', partition('payments', '2')),
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
    family: DEFAULT,
    fires: {
      series: [
        { series: plain.series('kafka_topic_partition_leader', partition('orders', '0')), values: '1x5 stale' },
        {
          series: plain.series('kafka_topic_partition_leader_is_preferred', partition('orders', '0')),
          values: '1x5 0x10',
        },
        { series: plain.series('kafka_topic_partition_leader', partition('orders', '1')), values: '2x15' },
        {
          series: plain.series('kafka_topic_partition_leader_is_preferred', partition('orders', '1')),
          values: '1x15',
        },
      ],
      evalTime: '10m',
      labels: { ...KAFKA, topic: 'orders' },
    },
    // Leadership moved to a non-preferred broker: not preferred, but led, so not offline.
    quiet: {
      series: [
        { series: plain.series('kafka_topic_partition_leader', partition('orders', '0')), values: '1x5 3x10' },
        {
          series: plain.series('kafka_topic_partition_leader_is_preferred', partition('orders', '0')),
          values: '1x5 0x10',
        },
        { series: plain.series('kafka_topic_partition_leader', partition('orders', '1')), values: '2x15' },
        {
          series: plain.series('kafka_topic_partition_leader_is_preferred', partition('orders', '1')),
          values: '1x15',
        },
      ],
      evalTime: '10m',
    },
  },
  'consumer-lag': {
    family: DEFAULT,
    fires: {
      series: [
        {
          series: plain.series('kafka_consumergroup_lag', groupPartition('billing', 'orders', '0')),
          values: '5000+500x40',
        },
      ],
      evalTime: '35m',
      labels: { ...KAFKA, consumergroup: 'billing', topic: 'orders' },
    },
    quiet: {
      series: [
        {
          series: plain.series('kafka_consumergroup_lag', groupPartition('billing', 'orders', '0')),
          values: '50000-500x40',
        },
      ],
      evalTime: '35m',
    },
    // 6000 on each replica of an HA pair, steady: under the 10000 warning; added up, 12000 would fire.
    haQuiet: {
      series: [
        {
          series: plain.series('kafka_consumergroup_lag', groupPartition('billing', 'orders', '0')),
          values: '6000x40',
        },
      ],
      evalTime: '35m',
    },
    otherFamilies: [
      {
        // Only with --use.consumelag.zookeeper (kafka_exporter ≥ 1.3): same labels, another name.
        family: ZOOKEEPER,
        fires: {
          series: [
            {
              series: zk.series('kafka_consumergroupzookeeper_lag_zookeeper', groupPartition('legacy', 'orders', '0')),
              values: '5000+500x40',
            },
          ],
          evalTime: '35m',
          labels: { ...KAFKA, consumergroup: 'legacy', topic: 'orders' },
        },
        quiet: {
          series: [
            {
              series: zk.series('kafka_consumergroupzookeeper_lag_zookeeper', groupPartition('legacy', 'orders', '0')),
              values: '50000-500x40',
            },
          ],
          evalTime: '35m',
        },
      },
    ],
  },
  'consumer-lag-crit': {
    family: ZOOKEEPER,
    fires: {
      series: [
        {
          series: zk.series('kafka_consumergroupzookeeper_lag_zookeeper', groupPartition('legacy', 'orders', '0')),
          values: '150000x30',
        },
      ],
      evalTime: '20m',
      labels: { ...KAFKA, consumergroup: 'legacy', topic: 'orders' },
    },
    quiet: {
      series: [
        {
          series: zk.series('kafka_consumergroupzookeeper_lag_zookeeper', groupPartition('legacy', 'orders', '0')),
          values: '50000x30',
        },
      ],
      evalTime: '20m',
    },
    // 60000 on each replica of an HA pair: under the 100000 critical; added up, 120000 would fire.
    haQuiet: {
      series: [
        {
          series: zk.series('kafka_consumergroupzookeeper_lag_zookeeper', groupPartition('legacy', 'orders', '0')),
          values: '60000x30',
        },
      ],
      evalTime: '20m',
    },
    otherFamilies: [
      {
        // With the -1 kafka_exporter reports for a partition the group never committed on (kafka_exporter.go).
        family: DEFAULT,
        fires: {
          series: [
            {
              series: plain.series('kafka_consumergroup_lag', groupPartition('billing', 'orders', '0')),
              values: '150000x30',
            },
            {
              series: plain.series('kafka_consumergroup_lag', groupPartition('billing', 'orders', '1')),
              values: '-1x30',
            },
          ],
          evalTime: '20m',
          labels: { ...KAFKA, consumergroup: 'billing', topic: 'orders' },
        },
        quiet: {
          series: [
            {
              series: plain.series('kafka_consumergroup_lag', groupPartition('billing', 'orders', '0')),
              values: '50000x30',
            },
            {
              series: plain.series('kafka_consumergroup_lag', groupPartition('billing', 'orders', '1')),
              values: '-1x30',
            },
          ],
          evalTime: '20m',
        },
      },
    ],
  },
  'no-consumers': {
    family: DEFAULT,
    // Partition 1 was never committed by the group: the exporter reports its lag as -1, which must not
    // cancel the one message waiting on partition 0.
    fires: {
      series: [
        {
          series: prod.series('kafka_consumergroup_members', { consumergroup: 'billing' }),
          values: '2x5 0x30',
        },
        {
          series: prod.series('kafka_consumergroup_lag', groupPartition('billing', 'orders', '0')),
          values: '1x35',
        },
        {
          series: prod.series('kafka_consumergroup_lag', groupPartition('billing', 'orders', '1')),
          values: '-1x35',
        },
      ],
      evalTime: '30m',
      labels: { ...PROD, consumergroup: 'billing' },
    },
    quiet: {
      series: [
        { series: plain.series('kafka_consumergroup_members', { consumergroup: 'billing' }), values: '2x5 0x30' },
        {
          series: plain.series('kafka_consumergroup_lag', groupPartition('billing', 'orders', '0')),
          values: '0x35',
        },
      ],
      evalTime: '30m',
    },
  },
  'broker-lost': {
    family: DEFAULT,
    fires: {
      series: [{ series: plain.series('kafka_brokers'), values: '3x10 2x20' }],
      evalTime: '20m',
      labels: KAFKA,
    },
    quiet: {
      series: [{ series: plain.series('kafka_brokers'), values: '2x10 3x20' }],
      evalTime: '20m',
    },
  },
};
