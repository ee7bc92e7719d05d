import { sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext } from '../types';

// kafka_exporter talks to the whole cluster, so one target usually stands for one Kafka cluster
// and its series describe topics and consumer groups, not the broker process it connects to.

// kafka_exporter (every version, kafka_exporter.go) reports kafka_consumergroup_lag = -1 for a
// partition on which the group never committed an offset while it did on another partition of the
// topic. Counting that sentinel would lower a group's lag by one per such partition (and hide a
// backlog of one message from KafkaConsumerGroupEmpty), so only real lags are summed.
const kafkaLag = (q: QueryContext) => `${sel('kafka_consumergroup_lag', q)} >= 0`;

// Lag per group and topic, from Kafka-committed or (old consumers) ZooKeeper-committed offsets. The
// ZooKeeper series exist only with --use.consumelag.zookeeper (off by default, kafka_exporter ≥ 1.3),
// and only for offsets > 0, so they carry no sentinel.
const consumerLag = (q: QueryContext) =>
  `sum by (${q.by}, consumergroup, topic) (${kafkaLag(q)}) or sum by (${q.by}, consumergroup, topic) (${sel('kafka_consumergroupzookeeper_lag_zookeeper', q)})`;

// Offsets are gauges (prometheus.GaugeValue in kafka_exporter.go, every version), and a group's offsets
// go back when they are reset (kafka-consumer-groups --reset-offsets): rate() would take the fall for a
// counter reset and draw the whole offset as one burst of millions of messages a second. The slope of
// the offsets, never below 0, shows a reset as a pause instead.
const offsetGrowth = (offsets: string, q: QueryContext) => `clamp_min(deriv(${offsets}[${q.range}]), 0)`;

// A partition without a leader has no kafka_topic_partition_leader series at all: kafka_exporter
// emits it only when sarama's Leader() succeeds, and sarama returns ErrLeaderNotAvailable for a
// partition whose metadata leader is -1 (kafka_exporter.go, every version; sarama client.go
// cachedLeader). The value is a broker id and is never -1. kafka_topic_partition_leader_is_preferred
// is emitted for every partition, leader or not, so a partition it lists without a leader series
// is offline. Both carry the same labels (topic, partition and the exporter's --kafka.labels).
const leaderlessPartitions = (q: QueryContext) =>
  `${sel('kafka_topic_partition_leader_is_preferred', q)} unless ${sel('kafka_topic_partition_leader', q)}`;

export const kafkaExporter = defineExporter({
  id: 'kafka',
  title: 'Kafka (kafka_exporter)',
  layer: 'message',
  defaultPort: 9308,
  docsUrl: 'https://github.com/danielqsj/kafka_exporter',
  description:
    'Kafka clusters seen from the outside: brokers, partition replication and leadership, topic throughput and consumer group lag.',
  detection: { metrics: ['kafka_brokers'] },
  infoMetrics: ['kafka_brokers'],
  versionMetric: { metric: 'kafka_exporter_build_info', label: 'version' },
  thresholds: [
    {
      id: 'consumerLag',
      direction: 'above',
      warning: 10000,
      critical: 100000,
      min: 1,
      max: 1000000000,
      description:
        'Messages a consumer group still has to read on a topic; what is normal depends on the workload, so tune it per org.',
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'Exporter up',
      description: 'Whether Prometheus reached kafka_exporter at its last scrape (1 = up).',
      unit: 'bool_yes_no',
      expr: (q) => `${sel('up', q)} and on (${q.by}) ${sel('kafka_brokers', q)}`,
    },
    {
      id: 'brokers',
      title: 'Brokers',
      description:
        'Brokers in the cluster as the exporter’s metadata request sees them; a drop means a broker left the cluster.',
      unit: 'short',
      expr: (q) => sel('kafka_brokers', q),
      min: 0,
    },
    {
      id: 'topics',
      title: 'Topics',
      description: 'Number of topics the exporter watches (after its topic filter).',
      unit: 'short',
      expr: (q) => `count by (${q.by}) (${sel('kafka_topic_partitions', q)})`,
      min: 0,
    },
    {
      id: 'partitions',
      title: 'Partitions',
      description: 'Partitions of each topic.',
      unit: 'short',
      expr: (q) => sel('kafka_topic_partitions', q),
      legend: '{{instance}} {{topic}}',
      min: 0,
    },
    {
      id: 'underReplicatedPartitions',
      title: 'Under-replicated partitions',
      description:
        'Partitions with fewer in-sync replicas than assigned replicas, per topic; data on them has less redundancy than configured.',
      unit: 'short',
      variants: [
        {
          // Every kafka_exporter since 1.0.0 emits the flag for every partition (0 when replicas or
          // in-sync replicas could not be read), so no fallback on the replica counts is needed.
          note: 'all kafka_exporter versions (under_replicated_partition flag)',
          expr: (q) => `sum by (${q.by}, topic) (${sel('kafka_topic_partition_under_replicated_partition', q)})`,
        },
      ],
      legend: '{{instance}} {{topic}}',
      min: 0,
    },
    {
      id: 'missingReplicas',
      title: 'Replicas out of sync',
      description:
        'Assigned replicas not in the in-sync set, per topic; unlike a fixed replication factor this compares each partition with its own assignment.',
      unit: 'short',
      expr: (q) =>
        `sum by (${q.by}, topic) (${sel('kafka_topic_partition_replicas', q)} - ${sel('kafka_topic_partition_in_sync_replica', q)})`,
      legend: '{{instance}} {{topic}}',
      min: 0,
    },
    {
      id: 'partitionsWithoutLeader',
      title: 'Partitions without leader',
      description:
        'Partitions the exporter lists without a leader (offline): nobody can produce to or consume from them.',
      unit: 'short',
      variants: [
        {
          // `or 0 * count`: 0 rather than no data while every partition has a leader.
          expr: (q) =>
            `count by (${q.by}) (${leaderlessPartitions(q)}) or 0 * count by (${q.by}) (${sel('kafka_topic_partition_leader_is_preferred', q)})`,
        },
      ],
      min: 0,
    },
    {
      id: 'nonPreferredLeaders',
      title: 'Partitions led by a non-preferred broker',
      description:
        'Partitions whose leader is not their preferred replica; load is unbalanced until a preferred leader election runs. Offline partitions count here too (the exporter reports them as not preferred).',
      unit: 'short',
      expr: (q) => `sum by (${q.by}, topic) (1 - ${sel('kafka_topic_partition_leader_is_preferred', q)})`,
      legend: '{{instance}} {{topic}}',
      min: 0,
    },
    {
      id: 'produceRate',
      title: 'Messages produced',
      description: 'Messages appended per second to each topic (growth of the partitions’ newest offsets).',
      unit: 'ops',
      expr: (q) => `sum by (${q.by}, topic) (${offsetGrowth(sel('kafka_topic_partition_current_offset', q), q)})`,
      legend: '{{instance}} {{topic}}',
      min: 0,
    },
    {
      id: 'retainedMessages',
      title: 'Messages retained',
      description:
        'Messages currently kept on each topic (newest − oldest offset); it shrinks when retention deletes segments.',
      unit: 'short',
      expr: (q) =>
        `sum by (${q.by}, topic) (${sel('kafka_topic_partition_current_offset', q)} - ${sel('kafka_topic_partition_oldest_offset', q)})`,
      legend: '{{instance}} {{topic}}',
      min: 0,
    },
    {
      id: 'consumeRate',
      title: 'Messages consumed',
      description: 'Offsets committed per second by each consumer group on each topic.',
      unit: 'ops',
      expr: (q) =>
        `sum by (${q.by}, consumergroup, topic) (${offsetGrowth(sel('kafka_consumergroup_current_offset', q), q)})`,
      legend: '{{consumergroup}} {{topic}}',
      min: 0,
    },
    {
      id: 'consumerLag',
      title: 'Consumer group lag',
      description: 'Messages each consumer group still has to read on each topic, summed over partitions.',
      unit: 'short',
      variants: [
        {
          note: 'Kafka-committed offsets (all kafka_exporter versions)',
          expr: (q) => `sum by (${q.by}, consumergroup, topic) (${kafkaLag(q)})`,
        },
        {
          note: 'ZooKeeper-committed offsets (--use.consumelag.zookeeper, old consumers)',
          expr: (q) =>
            `sum by (${q.by}, consumergroup, topic) (${sel('kafka_consumergroupzookeeper_lag_zookeeper', q)})`,
        },
      ],
      legend: '{{consumergroup}} {{topic}}',
      threshold: 'consumerLag',
      min: 0,
    },
    {
      id: 'consumerLagMax',
      title: 'Worst partition lag',
      description:
        'Largest lag of any single partition per consumer group; one stuck partition hides in the sum but not here.',
      unit: 'short',
      expr: (q) => `max by (${q.by}, consumergroup) (${kafkaLag(q)})`,
      legend: '{{consumergroup}}',
      min: 0,
    },
    {
      id: 'consumerLagTrend',
      title: 'Lag trend',
      description:
        'How fast each group’s lag changes, in messages per second; positive for long means consumers are falling behind.',
      unit: 'short',
      expr: (q) => `sum by (${q.by}, consumergroup, topic) (deriv(${sel('kafka_consumergroup_lag', q)}[${q.range}]))`,
      legend: '{{consumergroup}} {{topic}}',
    },
    {
      id: 'consumerMembers',
      title: 'Consumer group members',
      description: 'Members in each consumer group; 0 means nobody consumes and lag will grow.',
      unit: 'short',
      expr: (q) => sel('kafka_consumergroup_members', q),
      legend: '{{consumergroup}}',
      min: 0,
    },
  ],
  alerts: [
    {
      id: 'under-replicated',
      name: 'KafkaUnderReplicatedPartition',
      severity: 'warning',
      for: '10m',
      // The exporter's own flag compares each partition with its own replica assignment (in-sync <
      // assigned), so no replication factor is assumed; every kafka_exporter version emits it.
      query: (q) => `max_over_time(${sel('kafka_topic_partition_under_replicated_partition', q)}[${q.range}])`,
      comparison: '>',
      threshold: 0,
      summary: 'Partition {{ $labels.partition }} of topic {{ $labels.topic }} is under-replicated.',
      description:
        'Partition {{ $labels.partition }} of {{ $labels.topic }} (cluster seen by {{ $labels.instance }}) has fewer in-sync replicas than assigned replicas; one more broker failure may make it unavailable or lose data. Check the brokers hosting its replicas (down, disk full, slow network) with kafka-topics --describe --under-replicated-partitions.',
    },
    {
      id: 'offline-partitions',
      name: 'KafkaPartitionOffline',
      severity: 'critical',
      for: '1m',
      // Counted from the missing leader series, not a -1 value the exporter never emits.
      query: (q) => `count by (${q.by}, topic) (${leaderlessPartitions(q)})`,
      comparison: '>',
      threshold: 0,
      summary: 'Topic {{ $labels.topic }} has partitions without a leader.',
      description:
        'Partitions of {{ $labels.topic }} (cluster seen by {{ $labels.instance }}) have no leader: nobody can produce to or consume from them. Bring back the brokers holding their replicas; if none of the in-sync replicas can return, an unclean leader election is the last resort and loses data.',
    },
    {
      id: 'consumer-lag',
      name: 'KafkaConsumerLagHigh',
      severity: 'warning',
      for: '15m',
      query: consumerLag,
      // Only while the lag does not shrink: a group working off a backlog stays quiet, one whose
      // consumers are stuck or too slow does not.
      filters: [
        (q) =>
          `sum by (${q.by}, consumergroup, topic) (deriv(${sel('kafka_consumergroup_lag', q)}[15m])) >= 0 or sum by (${q.by}, consumergroup, topic) (deriv(${sel('kafka_consumergroupzookeeper_lag_zookeeper', q)}[15m])) >= 0`,
      ],
      threshold: 'consumerLag',
      summary: 'Consumer group {{ $labels.consumergroup }} falls behind on {{ $labels.topic }}.',
      description:
        'Consumer group {{ $labels.consumergroup }} has more unread messages on {{ $labels.topic }} than the threshold and the backlog is not shrinking. Check that its consumers run and are not erroring, and add consumers (up to the partition count) if they are too slow.',
    },
    {
      id: 'consumer-lag-crit',
      name: 'KafkaConsumerLagCritical',
      severity: 'critical',
      for: '15m',
      query: consumerLag,
      threshold: 'consumerLag',
      summary: 'Consumer group {{ $labels.consumergroup }} is far behind on {{ $labels.topic }}.',
      description:
        'Consumer group {{ $labels.consumergroup }} has more unread messages on {{ $labels.topic }} than the critical threshold. If the lag outgrows the topic’s retention, messages are deleted before they are read: scale or fix the consumers now.',
    },
    {
      id: 'no-consumers',
      name: 'KafkaConsumerGroupEmpty',
      severity: 'warning',
      for: '15m',
      // Only groups with unread messages: an empty group with nothing to read is not a problem. Joined
      // on the group's own labels, so extra target labels (env, region) on the series do not matter.
      query: (q) =>
        `max_over_time(${sel('kafka_consumergroup_members', q)}[${q.range}]) and on (${q.by}, consumergroup) (sum by (${q.by}, consumergroup) (${kafkaLag(q)}) > 0)`,
      comparison: '<',
      threshold: 1,
      summary: 'Consumer group {{ $labels.consumergroup }} has no members.',
      description:
        'Nobody in consumer group {{ $labels.consumergroup }} (cluster seen by {{ $labels.instance }}) is consuming although messages wait for it. Start its consumers, or delete the group if it is no longer used.',
    },
    {
      id: 'broker-lost',
      name: 'KafkaBrokerLost',
      severity: 'warning',
      for: '5m',
      // Compared with the cluster's own recent size, so no broker count is assumed.
      query: (q) => `max_over_time(${sel('kafka_brokers', q)}[1h]) - ${sel('kafka_brokers', q)}`,
      comparison: '>',
      threshold: 0,
      summary: 'A Kafka broker left the cluster seen by {{ $labels.instance }}.',
      description:
        'The cluster behind {{ $labels.instance }} has fewer brokers than in the last hour. Check the missing broker’s process, host and log; if it was decommissioned on purpose, this clears after an hour.',
    },
  ],
  overview: ['consumerLag', 'underReplicatedPartitions', 'partitionsWithoutLeader'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['up'], kind: 'stat', width: 4 },
        { signals: ['brokers'], kind: 'stat', width: 4 },
        { signals: ['topics'], kind: 'stat', width: 4 },
        { signals: ['underReplicatedPartitions'], kind: 'stat', width: 4 },
        { signals: ['partitionsWithoutLeader'], kind: 'stat', width: 4 },
        { signals: ['consumerLag'], kind: 'stat', width: 4 },
      ],
    },
    {
      title: 'Replication and leadership',
      panels: [
        { signals: ['underReplicatedPartitions'], width: 8 },
        { signals: ['missingReplicas'], width: 8 },
        { signals: ['nonPreferredLeaders'], width: 8 },
      ],
    },
    {
      title: 'Topics',
      panels: [
        { signals: ['produceRate'], width: 8 },
        { signals: ['retainedMessages'], width: 8 },
        { signals: ['partitions'], kind: 'table', width: 8 },
      ],
    },
    {
      title: 'Consumer groups',
      panels: [
        { signals: ['consumerLag'], width: 12 },
        { signals: ['consumerLagTrend'], width: 12 },
        { signals: ['consumerLagMax'], width: 8 },
        { signals: ['consumeRate'], width: 8 },
        { signals: ['consumerMembers'], width: 8 },
      ],
    },
  ],
});
