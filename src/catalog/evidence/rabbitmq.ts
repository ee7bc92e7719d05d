import type { ExporterEvidence, MetricEvidence, SourceRef } from './types';

// rabbitmq-server's rabbitmq_prometheus plugin, read at v3.10.0 (oldest: Debian bookworm ships
// 3.10.8, which the stack runs) and v4.3.5 (current), with v4.0.1 and v4.3.0 where a name went away.
const ref = (file: string, ...tags: [string, ...string[]]): SourceRef => ({ tags, file });
const BOTH: [string, ...string[]] = ['v3.10.0', 'v4.3.5'];
const DIR = 'deps/rabbitmq_prometheus/src/collectors';
const CORE = ref(`${DIR}/prometheus_rabbitmq_core_metrics_collector.erl`, ...BOTH);
const GLOBAL = [
  ref(`${DIR}/prometheus_rabbitmq_global_metrics_collector.erl`, ...BOTH),
  ref('deps/rabbit/src/rabbit_global_counters.erl', ...BOTH),
];
const ALARM = ref(`${DIR}/prometheus_rabbitmq_alarm_metrics_collector.erl`, 'v3.10.0', 'v4.2.0');

const core = (extra: Partial<MetricEvidence> = {}): MetricEvidence => ({ labels: [], sources: [CORE], ...extra });
// In the default aggregated output (/metrics, return_per_object_metrics = false) the object
// metrics are summed over every object and carry no label; /metrics/per-object adds the object's
// labels, which every query of the pack sums away by target.
const PER_OBJECT = 'aggregated: no labels on /metrics; one series per object on /metrics/per-object';
const perObject = (labels: string[]): MetricEvidence => core({ labels, note: PER_OBJECT });
const CHANNEL = ['channel', 'vhost', 'exchange'];
const CHANNEL_QUEUE = ['channel', 'vhost', 'queue'];
const global = (labels: string[]): MetricEvidence => ({
  labels,
  sources: GLOBAL as [SourceRef, ...SourceRef[]],
  note: 'rabbit_global_counters, one series per protocol (and queue type for deliveries), since 3.9; protocol mqtt310, mqtt311 (and mqtt50 from 3.13) with the MQTT plugin from 3.12 (deps/rabbitmq_mqtt/src/rabbit_mqtt.erl init_global_counters, v3.12.0 v3.13.7 v4.3.5)',
});
const alarm = (extra: Partial<MetricEvidence> = {}): MetricEvidence => ({ labels: [], sources: [ALARM], ...extra });

export const rabbitmqEvidence: ExporterEvidence = {
  exporter: 'rabbitmq',
  repository: 'rabbitmq/rabbitmq-server',
  supported: { oldest: 'v3.10.0', current: 'v4.3.5' },
  families: [
    {
      name: 'RabbitMQ 3.10 – 4.3, /metrics (aggregated)',
      differs:
        'the default endpoint: object metrics summed per node, no object labels; 4.0 drops the TCP socket gauges, 4.3 the file descriptor alarm',
    },
    {
      name: 'RabbitMQ 3.12 – 4.3 with the MQTT plugin, /metrics (aggregated)',
      differs:
        'the global counters also carry protocol mqtt310 and mqtt311 (mqtt50 from 3.13): the MQTT plugin counts its own messages, a publish on a topic no one subscribes to as unroutable',
    },
  ],
  metrics: {
    rabbitmq_identity_info: core({
      labels: ['rabbitmq_node', 'rabbitmq_cluster', 'rabbitmq_cluster_permanent_id', 'rabbitmq_endpoint'],
      note: 'rabbitmq_endpoint (aggregated, per-object, detailed, memory-breakdown) only in 4.x',
    }),
    rabbitmq_build_info: core({
      labels: ['rabbitmq_version', 'prometheus_plugin_version', 'prometheus_client_version', 'erlang_version'],
    }),
    rabbitmq_alarms_memory_used_watermark: alarm({ sources: [ref(ALARM.file, ...BOTH)] }),
    rabbitmq_alarms_free_disk_space_watermark: alarm({ sources: [ref(ALARM.file, ...BOTH)] }),
    rabbitmq_alarms_file_descriptor_limit: alarm({
      versions: '< 4.3',
      note: 'gone in 4.3.0 (no file descriptor alarm any more)',
    }),
    rabbitmq_process_resident_memory_bytes: core(),
    rabbitmq_resident_memory_limit_bytes: core(),
    rabbitmq_disk_space_available_bytes: core(),
    rabbitmq_disk_space_available_limit_bytes: core(),
    rabbitmq_process_open_fds: core(),
    rabbitmq_process_max_fds: core(),
    rabbitmq_process_open_tcp_sockets: core({
      sources: [ref(CORE.file, 'v3.10.0', 'v3.13.0')],
      versions: '< 4.0',
      note: 'the file handle cache socket limit; gone in 4.0 with the cache',
    }),
    rabbitmq_process_max_tcp_sockets: core({
      sources: [ref(CORE.file, 'v3.10.0', 'v3.13.0')],
      versions: '< 4.0',
      note: 'gone in 4.0 with the file handle cache',
    }),
    rabbitmq_erlang_processes_used: core(),
    rabbitmq_erlang_processes_limit: core(),
    rabbitmq_erlang_uptime_seconds: core(),
    rabbitmq_unreachable_cluster_peers_count: {
      labels: [],
      sources: [
        ref(`${DIR}/prometheus_rabbitmq_dynamic_collector.erl`, 'v3.12.5', 'v3.13.0', 'v4.3.5'),
        ref('deps/rabbit/src/rabbit_nodes.erl', 'v3.12.5', 'v3.13.0', 'v4.3.5'),
      ],
      versions: '≥ 3.12.5',
      note: 'length(rabbit_nodes:list_unreachable()): cluster members, stopped ones included, that are not in nodes() (no distribution link to this node); on /metrics since 3.12.5 (2b29976239 on v3.12.x, e009a0af on main, the dynamic collector registered in rabbit_prometheus_dispatcher.erl; release-notes/3.12.5.md), absent in 3.12.4 and older',
    },
    rabbitmq_connections: core({ note: 'TOTALS: a count per node, never per object' }),
    rabbitmq_channels: core({ note: 'TOTALS: a count per node, never per object' }),
    rabbitmq_consumers: core({ note: 'TOTALS: a count per node, never per object' }),
    rabbitmq_queues: core({ note: 'TOTALS: a count per node, never per object' }),
    rabbitmq_connections_opened_total: core(),
    rabbitmq_connections_closed_total: core(),
    rabbitmq_queue_messages_ready: perObject(['vhost', 'queue']),
    rabbitmq_queue_messages_unacked: perObject(['vhost', 'queue']),
    rabbitmq_channel_messages_published_total: perObject(CHANNEL),
    rabbitmq_channel_messages_unroutable_dropped_total: perObject(CHANNEL),
    rabbitmq_channel_messages_unroutable_returned_total: perObject(CHANNEL),
    rabbitmq_channel_messages_delivered_total: perObject(CHANNEL_QUEUE),
    rabbitmq_channel_messages_delivered_ack_total: perObject(CHANNEL_QUEUE),
    rabbitmq_channel_get_total: perObject(CHANNEL_QUEUE),
    rabbitmq_channel_get_ack_total: perObject(CHANNEL_QUEUE),
    rabbitmq_channel_messages_redelivered_total: perObject(CHANNEL_QUEUE),
    rabbitmq_global_messages_received_total: global(['protocol']),
    rabbitmq_global_messages_delivered_total: global(['protocol', 'queue_type']),
    rabbitmq_global_messages_redelivered_total: global(['protocol', 'queue_type']),
    rabbitmq_global_messages_unroutable_dropped_total: global(['protocol']),
    rabbitmq_global_messages_unroutable_returned_total: global(['protocol']),
  },
};
