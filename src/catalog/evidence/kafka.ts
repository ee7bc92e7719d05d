import type { ExporterEvidence, MetricEvidence } from './types';

// Every metric lives in the single kafka_exporter.go; read at these tags (definitions and the code
// that emits them).
const KE = { tags: ['v1.3.0', 'v1.4.0', 'v1.6.0', 'v1.9.0'] as [string, ...string[]], file: 'kafka_exporter.go' };
const PARTITION = ['topic', 'partition'];
const GROUP_PARTITION = ['consumergroup', 'topic', 'partition'];

const metric = (labels: string[], extra: Partial<MetricEvidence> = {}): MetricEvidence => ({
  labels,
  sources: [KE],
  ...extra,
});

export const kafkaEvidence: ExporterEvidence = {
  exporter: 'kafka',
  repository: 'danielqsj/kafka_exporter',
  // v1.2.0 has no kafka_consumergroup_members (added in 1.3.0), which an alert needs.
  supported: { oldest: 'v1.3.0', current: 'v1.9.0' },
  families: [
    {
      name: 'kafka_exporter 1.3 – 1.9, default flags',
      differs: 'Kafka-committed offsets only; the metric names and labels the pack uses are the same in every release',
    },
    {
      name: 'kafka_exporter 1.3 – 1.9 with --use.consumelag.zookeeper',
      differs: 'adds kafka_consumergroupzookeeper_lag_zookeeper for consumers that commit to ZooKeeper',
    },
  ],
  metrics: {
    kafka_brokers: metric([], { note: 'brokers in the client metadata; emitted even when listing topics fails' }),
    kafka_topic_partitions: metric(['topic']),
    kafka_topic_partition_current_offset: metric(PARTITION, {
      note: 'absent for a partition whose leader is unknown (the offset request goes to the leader)',
    }),
    kafka_topic_partition_oldest_offset: metric(PARTITION),
    kafka_topic_partition_leader: metric(PARTITION, {
      note: 'value is the leader broker id; no series at all when sarama finds no leader (never -1): Leader() returns ErrLeaderNotAvailable (IBM/sarama v1.45.0 client.go, cachedLeader)',
    }),
    kafka_topic_partition_leader_is_preferred: metric(PARTITION, {
      note: 'emitted for every partition; 0 when the partition has no leader',
    }),
    kafka_topic_partition_replicas: metric(PARTITION),
    kafka_topic_partition_in_sync_replica: metric(PARTITION),
    kafka_topic_partition_under_replicated_partition: metric(PARTITION, {
      note: 'emitted for every partition since 1.0.0: 1 when in-sync < assigned replicas, else 0',
    }),
    kafka_consumergroup_current_offset: metric(GROUP_PARTITION),
    kafka_consumergroup_lag: metric(GROUP_PARTITION, {
      note: '-1 for a partition the group never committed on while it did on another partition of the topic',
    }),
    kafka_consumergroupzookeeper_lag_zookeeper: metric(GROUP_PARTITION, {
      note: 'only with --use.consumelag.zookeeper (default false), only for offsets > 0',
    }),
    kafka_consumergroup_members: metric(['consumergroup'], { versions: '≥ 1.3.0' }),
    kafka_exporter_build_info: metric(['version'], {
      note: 'prometheus/common version collector registered as "kafka_exporter" (also revision, branch, goversion)',
    }),
  },
};
