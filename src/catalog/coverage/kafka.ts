import { apaReference } from './references';
import { jsonnetLibsMixin } from './shared';
import type { ExporterCoverage } from './types';

// kafka-mixin builds on kafka-observ-lib, whose broker signals come from the JMX exporter on each broker
// (kafka_server_*, kafka_controller_*); kafka_exporter sees the cluster from outside and has none of them.
const BROKER_JMX =
  'reads a broker’s own JMX metrics (kafka-observ-lib’s broker signals), which kafka_exporter cannot see from outside; watch the brokers with the JMX exporter for it';

/**
 * kafka_exporter (danielqsj) against grafana/jsonnet-libs kafka-mixin (alerts and views in kafka-observ-lib)
 * and awesome-prometheus-alerts' danielqsj/kafka_exporter rules. Read 2026-12-07 at the versions below.
 */
export const kafkaCoverage: ExporterCoverage = {
  exporter: 'kafka',
  references: [
    jsonnetLibsMixin(
      'kafka-mixin (grafana/jsonnet-libs; alerts and panels in kafka-observ-lib)',
      'kafka-observ-lib/alerts.libsonnet'
    ),
    apaReference('Kafka (danielqsj/kafka_exporter)'),
  ],
  fewerAlertsBecause:
    'kafka-mixin has 12 alerts, we have 6: seven of its alerts read the brokers’ own JMX metrics (ISR shrink and expand, under-min-ISR, preferred-replica imbalance, active controller, unclean election, ZooKeeper session), which kafka_exporter does not expose; the rest map one to one. Each row says which.',
  rows: [
    // kafka-observ-lib alerts (12, the ZooKeeper one only where ZooKeeper is used).
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'KafkaLagKeepsIncreasing',
      status: { covered: ['alert:consumer-lag'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'KafkaLagIsTooHigh',
      status: { covered: ['alert:consumer-lag', 'alert:consumer-lag-crit'] },
    },
    { reference: 'mixin', kind: 'alert', item: 'KafkaISRExpandRate', status: { notTaken: BROKER_JMX } },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'KafkaISRShrinkRate',
      status: {
        notTaken: `${BROKER_JMX}; its outcome, a partition with fewer in-sync replicas than assigned, is KafkaUnderReplicatedPartition (under-replicated)`,
      },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'KafkaOfflinePartitionCount',
      status: { covered: ['alert:offline-partitions'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'KafkaUnderReplicatedPartitionCount',
      status: { covered: ['alert:under-replicated'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'KafkaUnderMinISRPartitionCount',
      status: {
        notTaken: `${BROKER_JMX}; kafka_exporter does not read min.insync.replicas, and an under-min-ISR partition is under-replicated first, so KafkaUnderReplicatedPartition (under-replicated) fires before it`,
      },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'KafkaPreferredReplicaImbalance',
      status: {
        notTaken:
          'a balance concern, not a failure: brokers rebalance leadership themselves (auto.leader.rebalance.enable, on by default); the count is drawn in Partitions led by a non-preferred broker (nonPreferredLeaders)',
      },
    },
    { reference: 'mixin', kind: 'alert', item: 'KafkaNoActiveController', status: { notTaken: BROKER_JMX } },
    { reference: 'mixin', kind: 'alert', item: 'KafkaUncleanLeaderElection', status: { notTaken: BROKER_JMX } },
    { reference: 'mixin', kind: 'alert', item: 'KafkaBrokerCount', status: { covered: ['alert:broker-lost'] } },
    { reference: 'mixin', kind: 'alert', item: 'KafkaZookeeperSyncConnect', status: { notTaken: BROKER_JMX } },
    // awesome-prometheus-alerts (3 for kafka_exporter).
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Kafka topics replicas (in-sync replicas < 3)',
      status: { covered: ['alert:under-replicated'] },
    },
    { reference: 'apa', kind: 'alert', item: 'Kafka consumer group lag', status: { covered: ['alert:consumer-lag'] } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Kafka consumer group lag increasing',
      status: { covered: ['alert:consumer-lag'] },
    },
    // kafka-observ-lib views that kafka_exporter's data can answer.
    { reference: 'mixin', kind: 'view', item: 'Brokers count', status: { covered: ['panel:brokers'] } },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Offline / under-replicated partitions',
      status: { covered: ['panel:partitionsWithoutLeader', 'panel:underReplicatedPartitions'] },
    },
    { reference: 'mixin', kind: 'view', item: 'Online partitions', status: { covered: ['panel:partitions'] } },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Preferred replica imbalance',
      status: { covered: ['panel:nonPreferredLeaders'] },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Topic table / topic messages per second',
      status: { covered: ['panel:topics', 'panel:produceRate', 'panel:retainedMessages'] },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Consumer group table, consume rate and lag',
      status: {
        covered: ['panel:consumerLag', 'panel:consumerLagMax', 'panel:consumeRate', 'panel:consumerMembers'],
      },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Consumer group lag in time',
      status: {
        notTaken:
          'kafka_exporter reports lag in messages only; the trend of that lag (consumerLagTrend) shows whether a group catches up',
      },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Bytes in/out, request times, ISR shrinks/expands, message conversion, ZooKeeper client (per broker)',
      status: { notTaken: BROKER_JMX },
    },
  ],
};
