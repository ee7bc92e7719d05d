import { apaReference } from './references';
import { jsonnetLibsMixin } from './shared';
import type { ExporterCoverage } from './types';

const RABBITMQ_COMMIT = '5b09e556da53b8473f26843a2493d8460ced8c8e';

const PER_QUEUE =
  'per-queue series come only from /metrics/per-object or /metrics/detailed, which the pack does not scrape (they grow with the number of queues); on /metrics the count is the node’s total, and no bound on it fits every workload. Queued messages are drawn in Messages ready (messagesReady) and Messages unacknowledged (messagesUnacked)';
// rabbitmq_unreachable_cluster_peers_count came with 3.12.5 (release-notes/3.12.5.md); the stack's 3.10 has no such series.
const PEERS_NEED = 'needs RabbitMQ ≥ 3.12.5: older brokers do not export the count, and get nothing from this alert';

/**
 * RabbitMQ's built-in exporter (rabbitmq_prometheus, /metrics aggregated) against grafana/jsonnet-libs
 * rabbitmq-mixin, awesome-prometheus-alerts' rabbitmq-prometheus rules and RabbitMQ-Overview, the dashboard
 * the RabbitMQ team ships (grafana.com 10991). Read 2026-12-07 at the versions below.
 */
export const rabbitmqCoverage: ExporterCoverage = {
  exporter: 'rabbitmq',
  references: [
    jsonnetLibsMixin(
      'rabbitmq-mixin (grafana/jsonnet-libs)',
      'rabbitmq-mixin/prometheus_rules_out/prometheus_alerts.yaml'
    ),
    apaReference('RabbitMQ (rabbitmq/rabbitmq-prometheus)'),
    {
      id: 'overview',
      title: 'RabbitMQ-Overview (the RabbitMQ team’s dashboard, grafana.com 10991)',
      kind: 'dashboard',
      url: `https://github.com/rabbitmq/rabbitmq-server/blob/${RABBITMQ_COMMIT}/deps/rabbitmq_prometheus/docker/grafana/dashboards/RabbitMQ-Overview.json`,
      version: `${RABBITMQ_COMMIT.slice(0, 7)} (main of 2026-08-21)`,
    },
  ],
  fewerAlertsBecause:
    'awesome-prometheus-alerts lists 14 rules, we have 9 alerts: its per-queue rules (ready, unacknowledged, no consumer) need per-object metrics the pack does not scrape, its connection count assumes a fixed size, differing versions are the normal state of a rolling upgrade, its node count and distribution-link rules are one failure that RabbitmqClusterPeersUnreachable alerts on once, and it alerts on each resource alarm separately where we alert once. Each row says which.',
  rows: [
    // rabbitmq-mixin alerts (4).
    { reference: 'mixin', kind: 'alert', item: 'RabbitMQMemoryHigh', status: { covered: ['alert:memory-high'] } },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'RabbitMQFileDescriptorsUsage',
      status: { covered: ['alert:file-descriptors', 'alert:file-descriptors-crit'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'RabbitMQUnroutableMessages',
      status: { covered: ['alert:unroutable'] },
    },
    // The mixin's expression (erlang_vm_dist_node_state < 3) sees only a link being set up: prometheus.erl's dist
    // collector lists connected nodes (net_kernel:nodes_info/0), so a lost peer takes its series with it. The node's
    // own count of cluster members it cannot reach (3.12.5+) sees the failure the rule is named after.
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'RabbitMQNodeNotDistributed',
      status: { added: ['alert:cluster-peers-unreachable', 'panel:unreachablePeers'] },
      note: PEERS_NEED,
    },
    // awesome-prometheus-alerts (14 for rabbitmq-prometheus).
    {
      reference: 'apa',
      kind: 'alert',
      item: 'RabbitMQ node down (fewer than 3 nodes)',
      status: { added: ['alert:cluster-peers-unreachable'] },
      note: PEERS_NEED,
    },
    { reference: 'apa', kind: 'alert', item: 'RabbitMQ memory alarm active', status: { covered: ['alert:alarm'] } },
    { reference: 'apa', kind: 'alert', item: 'RabbitMQ memory high', status: { covered: ['alert:memory-high'] } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'RabbitMQ disk space alarm active',
      status: { covered: ['alert:alarm'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'RabbitMQ predicted low disk watermark',
      status: { covered: ['alert:disk-filling'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'RabbitMQ file descriptors usage',
      status: { covered: ['alert:file-descriptors', 'alert:file-descriptors-crit'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'RabbitMQ too many connections (> 1000)',
      status: {
        notTaken:
          'no connection count fits every broker; what connections cost (memory, file descriptors, Erlang processes) is alerted by RabbitmqMemoryHigh, RabbitmqFileDescriptorsHigh and RabbitmqErlangProcessesHigh, and the count is drawn in Connections',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'RabbitMQ high connection churn',
      status: { covered: ['alert:connection-churn'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'RabbitMQ node not distributed',
      status: { added: ['alert:cluster-peers-unreachable'] },
      note: PEERS_NEED,
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'RabbitMQ instances different versions',
      status: {
        notTaken:
          'the normal state during a rolling upgrade, and no failure after one: nodes of one minor series interoperate, and a node that cannot join fails on its own (PrometheusTargetDown, its resource alarms)',
      },
    },
    { reference: 'apa', kind: 'alert', item: 'RabbitMQ too many ready messages', status: { notTaken: PER_QUEUE } },
    { reference: 'apa', kind: 'alert', item: 'RabbitMQ too many unack messages', status: { notTaken: PER_QUEUE } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'RabbitMQ no queue consumer',
      status: {
        notTaken: `${PER_QUEUE}; many queues rightly have no consumer (dead-letter queues, queues read by shovels on demand)`,
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'RabbitMQ unroutable messages',
      status: { covered: ['alert:unroutable'] },
    },
    // RabbitMQ-Overview views.
    {
      reference: 'overview',
      kind: 'view',
      item: 'Ready / unacknowledged messages (stats and graphs)',
      status: { covered: ['panel:messagesReady', 'panel:messagesUnacked'] },
    },
    {
      reference: 'overview',
      kind: 'view',
      item: 'Incoming / outgoing messages per second',
      status: { covered: ['panel:published', 'panel:delivered'] },
    },
    {
      reference: 'overview',
      kind: 'view',
      item: 'Connections, channels, queues, consumers (stats and totals)',
      status: { covered: ['panel:connections', 'panel:channels', 'panel:queues', 'panel:consumers'] },
    },
    {
      reference: 'overview',
      kind: 'view',
      item: 'Memory available before publishers blocked',
      status: { covered: ['panel:memoryUsage'] },
    },
    {
      reference: 'overview',
      kind: 'view',
      item: 'Disk space available before publishers blocked',
      status: { covered: ['panel:diskSpaceAvailable', 'panel:diskSpaceLimit'] },
    },
    {
      reference: 'overview',
      kind: 'view',
      item: 'File descriptors available',
      status: { covered: ['panel:fileDescriptors'] },
    },
    {
      reference: 'overview',
      kind: 'view',
      item: 'Nodes table (uptime, alarms)',
      status: { covered: ['panel:uptime', 'panel:alarms'] },
    },
    {
      reference: 'overview',
      kind: 'view',
      item: 'Messages redelivered / s',
      status: { covered: ['panel:redelivered'] },
    },
    {
      reference: 'overview',
      kind: 'view',
      item: 'Unroutable messages dropped & returned / s',
      status: { covered: ['panel:unroutable'] },
    },
    {
      reference: 'overview',
      kind: 'view',
      item: 'Connections opened / closed per second',
      status: { covered: ['panel:connectionChurn'] },
    },
    {
      reference: 'overview',
      kind: 'view',
      item: 'Confirmed / unconfirmed / routed messages, message sizes, acknowledgements, polling operations, queues and channels declared or closed per second',
      status: {
        notTaken:
          'throughput detail for tuning clients; the failure modes they hint at (unroutable messages, redeliveries, churn) have their own panels and alerts, and the rest would double the dashboard’s queries',
      },
    },
  ],
};
