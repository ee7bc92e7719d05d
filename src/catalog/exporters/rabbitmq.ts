import { sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext } from '../types';

// RabbitMQ 3.9 added protocol-wide "global" counters; 3.8 only has per-channel ones, which the
// plugin aggregates by default (prometheus.return_per_object_metrics = false).
const GLOBAL = 'RabbitMQ ≥ 3.9 (global counters)';
const PER_CHANNEL = 'RabbitMQ 3.8 (channel counters)';

const total = (metric: string, q: QueryContext, extra = '') => `sum by (${q.by}) (${sel(metric, q, extra)})`;
const totalRate = (metric: string, q: QueryContext) => `sum by (${q.by}) (rate(${sel(metric, q)}[${q.range}]))`;
const tagged = (expr: string, label: string, value: string) => `label_replace(${expr}, "${label}", "${value}", "", "")`;

// The resource alarms rabbitmq_prometheus exports, one gauge each (1 = raised), this node's own
// (rabbit_alarm:get_local_alarms); 4.3 dropped the file descriptor alarm
// (prometheus_rabbitmq_alarm_metrics_collector.erl). Only memory and disk alarms block publishers, cluster-wide;
// the file descriptor alarm is local and informational: raised when the socket limit is reached
// (file_handle_cache.erl adjust_alarm), it logs that new connections are refused (rabbit_alarm.erl v3.10.8).
const ALARMS = ['memory_used_watermark', 'free_disk_space_watermark', 'file_descriptor_limit'];
const fdPeak = (q: QueryContext) =>
  `100 * max_over_time(${sel('rabbitmq_process_open_fds', q)}[${q.range}]) / ${sel('rabbitmq_process_max_fds', q)}`;
// Dropped plus returned unroutable messages over the window, per node.
const unroutable = (prefix: string, q: QueryContext, extra = '') =>
  `sum by (${q.by}) (increase(${sel(`${prefix}_dropped_total`, q, extra)}[${q.range}])) + sum by (${q.by}) (increase(${sel(`${prefix}_returned_total`, q, extra)}[${q.range}]))`;
// From 3.12 the MQTT plugin counts its own messages under protocol mqtt310/mqtt311/mqtt50 (rabbit_mqtt.erl
// init_global_counters), and a PUBLISH on a topic no client subscribes to is unroutable there
// (rabbit_mqtt_processor.erl process_routing_confirm, v3.12.0 – v4.3.5): normal MQTT, no missing binding.
// Before 3.12 the plugin published through AMQP 0-9-1 channels, so such messages count as amqp091 and
// cannot be told apart.
const NOT_MQTT = 'protocol!~"mqtt.*"';

export const rabbitmqExporter = defineExporter({
  id: 'rabbitmq',
  title: 'RabbitMQ',
  layer: 'message',
  defaultPort: 15692,
  docsUrl: 'https://www.rabbitmq.com/docs/prometheus',
  description:
    'RabbitMQ nodes through the built-in rabbitmq_prometheus plugin: alarms, resources, queues and message rates.',
  detection: { metrics: ['rabbitmq_identity_info', 'rabbitmq_build_info'] },
  infoMetrics: ['rabbitmq_identity_info', 'rabbitmq_build_info'],
  versionMetric: { metric: 'rabbitmq_build_info', label: 'rabbitmq_version' },
  thresholds: [
    {
      id: 'memoryUsage',
      direction: 'above',
      warning: 80,
      critical: 90,
      min: 1,
    },
    {
      id: 'fileDescriptors',
      direction: 'above',
      warning: 90,
      critical: 95,
      min: 1,
      description:
        'Open file descriptors as a share of the process limit; when exhausted, new connections are refused.',
    },
    {
      id: 'connectionChurn',
      title: 'Connections opened per second',
      direction: 'above',
      warning: 10,
      min: 0.1,
      max: 100000,
    },
    {
      id: 'erlangProcesses',
      direction: 'above',
      warning: 80,
      critical: 90,
      min: 1,
      description: 'Erlang processes as a share of the VM limit; at the limit the node crashes.',
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'Node up',
      description: 'Whether Prometheus reached the node’s rabbitmq_prometheus endpoint at its last scrape (1 = up).',
      unit: 'bool_yes_no',
      expr: (q) =>
        `${sel('up', q)} and on (${q.by}) (${sel('rabbitmq_identity_info', q)} or ${sel('rabbitmq_build_info', q)})`,
    },
    {
      id: 'uptime',
      title: 'Uptime',
      description: 'Time since the node’s Erlang VM started.',
      unit: 'dtdurations',
      expr: (q) => sel('rabbitmq_erlang_uptime_seconds', q),
    },
    {
      id: 'alarms',
      title: 'Resource alarms',
      description:
        'Memory, disk and file-descriptor alarms (1 = in alarm); a memory or disk alarm blocks publishers across the cluster, the file-descriptor alarm (the socket limit reached) refuses new connections to the node.',
      unit: 'short',
      variants: [
        {
          // One selector per alarm, not a __name__ regex: a name the plugin renames or drops (the file
          // descriptor alarm is gone in 4.3) must show up as a missing series, not vanish from a regex.
          expr: (q) =>
            ALARMS.map(
              (alarm) => `label_replace(${sel(`rabbitmq_alarms_${alarm}`, q)}, "alarm", "${alarm}", "", "")`
            ).join(' or '),
        },
      ],
      legend: '{{instance}} {{alarm}}',
      min: 0,
      max: 1,
    },
    {
      id: 'unreachablePeers',
      title: 'Unreachable cluster peers',
      description:
        'Members of the node’s cluster it has no Erlang distribution link to: a stopped node, or one cut off by the network (a partition).',
      unit: 'short',
      expr: (q) => sel('rabbitmq_unreachable_cluster_peers_count', q),
      min: 0,
      optional: 'RabbitMQ is older than 3.12.5 (it does not export rabbitmq_unreachable_cluster_peers_count)',
    },
    {
      id: 'memoryUsage',
      title: 'Memory used of high watermark',
      description:
        'Resident memory as a share of the memory high watermark; at 100% the memory alarm blocks publishers.',
      unit: 'percent',
      expr: (q) =>
        `100 * ${sel('rabbitmq_process_resident_memory_bytes', q)} / ${sel('rabbitmq_resident_memory_limit_bytes', q)}`,
      threshold: 'memoryUsage',
    },
    {
      id: 'diskSpaceAvailable',
      title: 'Disk space available',
      description: 'Free disk space on the node’s data partition.',
      unit: 'bytes',
      expr: (q) => sel('rabbitmq_disk_space_available_bytes', q),
      legend: '{{instance}} free',
    },
    {
      id: 'diskSpaceLimit',
      title: 'Disk free limit',
      description: 'The disk_free_limit: below this much free space the disk alarm blocks publishers.',
      unit: 'bytes',
      expr: (q) => sel('rabbitmq_disk_space_available_limit_bytes', q),
      legend: '{{instance}} limit',
    },
    {
      id: 'fileDescriptors',
      title: 'File descriptors used',
      description: 'Open file descriptors as a share of the process limit.',
      unit: 'percent',
      expr: (q) => `100 * ${sel('rabbitmq_process_open_fds', q)} / ${sel('rabbitmq_process_max_fds', q)}`,
      threshold: 'fileDescriptors',
    },
    {
      id: 'tcpSockets',
      title: 'TCP sockets used',
      description: 'Open TCP sockets as a share of the limit the node allows for client connections.',
      unit: 'percent',
      variants: [
        {
          note: 'RabbitMQ releases with the file handle cache socket limit (3.10 has it)',
          expr: (q) =>
            `100 * ${sel('rabbitmq_process_open_tcp_sockets', q)} / ${sel('rabbitmq_process_max_tcp_sockets', q)}`,
        },
      ],
      optional: 'newer RabbitMQ releases dropped the separate socket limit together with the file handle cache',
    },
    {
      id: 'erlangProcesses',
      title: 'Erlang processes used',
      description: 'Erlang processes as a share of the VM’s process limit.',
      unit: 'percent',
      expr: (q) => `100 * ${sel('rabbitmq_erlang_processes_used', q)} / ${sel('rabbitmq_erlang_processes_limit', q)}`,
      threshold: 'erlangProcesses',
    },
    {
      id: 'connections',
      title: 'Connections',
      description: 'Client connections open on the node.',
      unit: 'short',
      expr: (q) => total('rabbitmq_connections', q),
      legend: '{{instance}} connections',
      min: 0,
    },
    {
      id: 'channels',
      title: 'Channels',
      description:
        'Channels open on the node; many more channels than connections often means a channel leak in a client.',
      unit: 'short',
      expr: (q) => total('rabbitmq_channels', q),
      legend: '{{instance}} channels',
      min: 0,
    },
    {
      id: 'queues',
      title: 'Queues',
      description: 'Queues whose leader runs on the node.',
      unit: 'short',
      expr: (q) => total('rabbitmq_queues', q),
      legend: '{{instance}} queues',
      min: 0,
    },
    {
      id: 'consumers',
      title: 'Consumers',
      description: 'Consumers attached to queues on the node; a drop to 0 means messages pile up.',
      unit: 'short',
      expr: (q) => total('rabbitmq_consumers', q),
      legend: '{{instance}} consumers',
      min: 0,
    },
    {
      id: 'messagesReady',
      title: 'Messages ready',
      description: 'Messages waiting in queues to be delivered; a steady climb means consumers cannot keep up.',
      unit: 'short',
      expr: (q) => total('rabbitmq_queue_messages_ready', q),
      legend: '{{instance}} ready',
      min: 0,
    },
    {
      id: 'messagesUnacked',
      title: 'Messages unacknowledged',
      description:
        'Messages delivered to consumers but not yet acknowledged; high values mean slow or stuck consumers.',
      unit: 'short',
      expr: (q) => total('rabbitmq_queue_messages_unacked', q),
      legend: '{{instance}} unacked',
      min: 0,
    },
    {
      id: 'published',
      title: 'Messages published',
      description: 'Messages received from publishers per second.',
      unit: 'ops',
      variants: [
        { note: GLOBAL, expr: (q) => totalRate('rabbitmq_global_messages_received_total', q) },
        { note: PER_CHANNEL, expr: (q) => totalRate('rabbitmq_channel_messages_published_total', q) },
      ],
      legend: '{{instance}} published',
      min: 0,
    },
    {
      id: 'delivered',
      title: 'Messages delivered',
      description: 'Messages delivered to consumers (push and basic.get) per second.',
      unit: 'ops',
      variants: [
        { note: GLOBAL, expr: (q) => totalRate('rabbitmq_global_messages_delivered_total', q) },
        {
          note: PER_CHANNEL,
          expr: (q) =>
            `${totalRate('rabbitmq_channel_messages_delivered_total', q)} + ${totalRate('rabbitmq_channel_messages_delivered_ack_total', q)} + ${totalRate('rabbitmq_channel_get_total', q)} + ${totalRate('rabbitmq_channel_get_ack_total', q)}`,
        },
      ],
      legend: '{{instance}} delivered',
      min: 0,
    },
    {
      id: 'redelivered',
      title: 'Messages redelivered',
      description:
        'Messages delivered again after a consumer rejected them or died without acknowledging; a high share points at failing consumers.',
      unit: 'ops',
      variants: [
        { note: GLOBAL, expr: (q) => totalRate('rabbitmq_global_messages_redelivered_total', q) },
        { note: PER_CHANNEL, expr: (q) => totalRate('rabbitmq_channel_messages_redelivered_total', q) },
      ],
      legend: '{{instance}} redelivered',
      min: 0,
    },
    {
      id: 'unroutable',
      title: 'Unroutable messages',
      description:
        'Published messages no queue was bound to receive, dropped or returned to the publisher, per second; usually a missing binding. MQTT publishes on a topic no client subscribes to count too, which is normal in MQTT.',
      unit: 'ops',
      variants: [
        {
          note: GLOBAL,
          expr: (q) =>
            `${totalRate('rabbitmq_global_messages_unroutable_dropped_total', q)} + ${totalRate('rabbitmq_global_messages_unroutable_returned_total', q)}`,
        },
        {
          note: PER_CHANNEL,
          expr: (q) =>
            `${totalRate('rabbitmq_channel_messages_unroutable_dropped_total', q)} + ${totalRate('rabbitmq_channel_messages_unroutable_returned_total', q)}`,
        },
      ],
      legend: '{{instance}} unroutable',
      min: 0,
    },
    {
      id: 'connectionChurn',
      title: 'Connection churn',
      description:
        'Connections opened and closed per second; high churn costs CPU and memory and usually means clients that do not reuse connections.',
      unit: 'ops',
      expr: (q) =>
        `${tagged(totalRate('rabbitmq_connections_opened_total', q), 'event', 'opened')} or ${tagged(totalRate('rabbitmq_connections_closed_total', q), 'event', 'closed')}`,
      legend: '{{instance}} {{event}}',
      threshold: 'connectionChurn',
      min: 0,
    },
  ],
  alerts: [
    {
      id: 'alarm',
      name: 'RabbitmqResourceAlarm',
      severity: 'critical',
      for: '0s',
      query: (q) =>
        ALARMS.map(
          (alarm) =>
            `label_replace(max_over_time(${sel(`rabbitmq_alarms_${alarm}`, q)}[2m]), "alarm", "${alarm}", "", "")`
        ).join(' or '),
      comparison: '>',
      threshold: 0,
      summary: 'RabbitMQ {{ $labels.instance }} raised the {{ $labels.alarm }} alarm.',
      description:
        'The {{ $labels.alarm }} alarm is raised on {{ $labels.instance }}. A memory or disk alarm blocks every publishing connection in the cluster until it clears; the file_descriptor_limit alarm means the node reached its socket limit and refuses new connections. Free the resource (drain or purge large queues, add memory or disk, close leaking connections or raise the file limit) and check the node’s log.',
    },
    {
      id: 'cluster-peers-unreachable',
      name: 'RabbitmqClusterPeersUnreachable',
      severity: 'critical',
      for: '3m',
      // The node's own count of cluster members it cannot reach (3.12.5+), whatever the cluster's size. Five
      // minutes in all (every sample of 2 minutes, then 3 pending) let a member restart (a rolling upgrade)
      // without paging; one sample of 0 (the member back) starts the count again.
      signal: 'unreachablePeers',
      overWindow: 'min',
      window: '2m',
      comparison: '>',
      threshold: 0,
      summary: 'RabbitMQ {{ $labels.instance }} cannot reach members of its cluster.',
      description:
        'RabbitMQ on {{ $labels.instance }} has had no connection to one or more members of its cluster for 5 minutes: a member is down, or the network has split the cluster (a partition). Queues led by the missing members are unavailable here, and quorum queues lose a replica. Check first whether every member runs (`rabbitmq-diagnostics cluster_status` on each lists running nodes and partitions); if all run, the network between them (port 25672, DNS of the node names). A member removed for good must be forgotten (`rabbitmqctl forget_cluster_node`).',
      optional: 'RabbitMQ is older than 3.12.5 (it does not export rabbitmq_unreachable_cluster_peers_count)',
    },
    {
      id: 'memory-high',
      name: 'RabbitmqMemoryHigh',
      severity: 'warning',
      for: '10m',
      query: (q) =>
        `100 * max_over_time(${sel('rabbitmq_process_resident_memory_bytes', q)}[${q.range}]) / ${sel('rabbitmq_resident_memory_limit_bytes', q)}`,
      threshold: 'memoryUsage',
      summary: 'RabbitMQ {{ $labels.instance }} nears its memory high watermark.',
      description:
        'Memory of {{ $labels.instance }} is above the warning share of the high watermark; at 100% the memory alarm blocks all publishers. Find the queues holding messages in memory (long or unconsumed queues, large messages) and add consumers or make them lazy / quorum queues.',
    },
    {
      id: 'disk-filling',
      name: 'RabbitmqDiskFillingUp',
      severity: 'warning',
      // 30 minutes, as before the 24-hour guards: the day of samples behind the node is what turns a young node
      // away, so `for` need only ride out a brief burst (a queue paged to disk, then consumed).
      for: '30m',
      // Free space predicted 24 h ahead from the last 6 hours' trend, minus the limit below which the disk alarm
      // blocks publishers. RabbitMQ exports no disk size (prometheus_rabbitmq_core_metrics_collector.erl,
      // v3.10.0 – v4.3.5: only disk_free and disk_free_limit), so node's "already below N % of the size" guard
      // has no counterpart, and the limit is no scale either (50 MB by default, deps/rabbit/Makefile).
      // What keeps a young node's first hours (a build writing to the disk) from being extrapolated a day ahead
      // is a day of samples behind it, the guard of RabbitMQ's own rule (rabbitmq/cluster-operator v2.22.3
      // observability/prometheus/rules/rabbitmq/low-disk-watermark-predicted.yml, which counts disk_free_limit's
      // samples). That rule also predicts from the whole day: requiring its crossing held a fill that starts fast
      // after a flat day back until about an hour before the alarm (the day's regression catches up late). The
      // day need only agree on the direction, so a dip on a disk that grows over the day stays quiet, and a fill
      // that has stopped clears once it leaves the 6-hour window.
      query: (q) =>
        `predict_linear(${sel('rabbitmq_disk_space_available_bytes', q)}[6h], 24 * 3600) - ${sel('rabbitmq_disk_space_available_limit_bytes', q)}`,
      filters: [
        (q) => `count_over_time(${sel('rabbitmq_disk_space_available_bytes', q)}[2h] offset 22h) > 0`,
        (q) => `deriv(${sel('rabbitmq_disk_space_available_bytes', q)}[24h]) < 0`,
      ],
      comparison: '<',
      threshold: 0,
      summary: 'RabbitMQ {{ $labels.instance }} will hit its disk free limit within a day.',
      description:
        'Free disk space on {{ $labels.instance }} has been falling over the last day, and over the last 6 hours at a rate that reaches disk_free_limit within 24 hours; the disk alarm will then block all publishers. Find what grows (message store of long queues, logs) and free or add space.',
    },
    {
      id: 'file-descriptors',
      name: 'RabbitmqFileDescriptorsHigh',
      severity: 'warning',
      for: '10m',
      query: fdPeak,
      threshold: 'fileDescriptors',
      summary: 'RabbitMQ {{ $labels.instance }} is running out of file descriptors.',
      description:
        'Open file descriptors of {{ $labels.instance }} exceed the warning share of the process limit; when they run out, new connections are refused. Look for clients leaking connections, or raise the limit (LimitNOFILE in the service unit).',
    },
    {
      id: 'file-descriptors-crit',
      name: 'RabbitmqFileDescriptorsExhausted',
      severity: 'critical',
      for: '5m',
      query: fdPeak,
      threshold: 'fileDescriptors',
      summary: 'RabbitMQ {{ $labels.instance }} has almost no file descriptors left.',
      description:
        'Open file descriptors of {{ $labels.instance }} nearly reach the process limit; connections are refused and queues cannot open files. Close leaking clients now and raise the limit.',
    },
    {
      id: 'erlang-processes',
      name: 'RabbitmqErlangProcessesHigh',
      severity: 'warning',
      for: '10m',
      query: (q) =>
        `100 * max_over_time(${sel('rabbitmq_erlang_processes_used', q)}[${q.range}]) / ${sel('rabbitmq_erlang_processes_limit', q)}`,
      threshold: 'erlangProcesses',
      summary: 'RabbitMQ {{ $labels.instance }} uses most of its Erlang process limit.',
      description:
        'Erlang processes on {{ $labels.instance }} exceed the warning share of the VM limit; at the limit the node crashes. Every connection, channel and queue is a process: look for connection or channel leaks, or raise +P.',
    },
    {
      id: 'unroutable',
      name: 'RabbitmqUnroutableMessages',
      severity: 'warning',
      for: '5m',
      query: (q) =>
        `(${unroutable('rabbitmq_global_messages_unroutable', q, NOT_MQTT)}) or (${unroutable('rabbitmq_channel_messages_unroutable', q)})`,
      comparison: '>',
      threshold: 0,
      summary: 'RabbitMQ {{ $labels.instance }} receives messages no queue takes.',
      description:
        'Publishers keep sending messages to {{ $labels.instance }} that no queue is bound to receive; they are dropped or returned (MQTT publishes on topics nobody subscribes to are not counted from RabbitMQ 3.12 on). Usually a binding or queue is missing, or a publisher uses the wrong exchange or routing key. Add an alternate exchange to catch them while you look.',
    },
    {
      id: 'connection-churn',
      name: 'RabbitmqConnectionChurn',
      severity: 'warning',
      for: '10m',
      query: (q) => `sum by (${q.by}) (rate(${sel('rabbitmq_connections_opened_total', q)}[${q.range}]))`,
      threshold: 'connectionChurn',
      summary: 'Clients open many connections to RabbitMQ {{ $labels.instance }}.',
      description:
        'More connections per second than the threshold are opened on {{ $labels.instance }}; each costs CPU, memory and a TLS handshake. Find the clients that connect per message (the management UI lists connections by client) and make them reuse long-lived connections.',
    },
  ],
  overview: ['memoryUsage', 'fileDescriptors', 'messagesReady', 'alarms'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['up'], kind: 'stat', width: 4 },
        { signals: ['uptime'], kind: 'stat', width: 4 },
        { signals: ['alarms'], kind: 'stat', width: 4 },
        { signals: ['memoryUsage'], kind: 'gauge', width: 4 },
        { signals: ['messagesReady'], kind: 'stat', width: 4 },
        { signals: ['consumers'], kind: 'stat', width: 4 },
      ],
    },
    {
      title: 'Messages',
      panels: [
        {
          signals: ['messagesReady', 'messagesUnacked'],
          title: 'Queued messages',
          description: 'Messages ready for delivery and delivered but unacknowledged, over all queues on the node.',
          width: 8,
        },
        {
          signals: ['published', 'delivered', 'redelivered'],
          title: 'Message rates',
          description: 'Messages published, delivered and redelivered per second.',
          width: 8,
        },
        { signals: ['unroutable'], width: 8 },
      ],
    },
    {
      title: 'Clients',
      panels: [
        {
          signals: ['connections', 'channels', 'consumers', 'queues'],
          title: 'Connections, channels, consumers and queues',
          description: 'Open client connections and channels, attached consumers and queues led by the node.',
          width: 12,
        },
        { signals: ['connectionChurn'], width: 12 },
      ],
    },
    {
      title: 'Resources',
      panels: [
        { signals: ['memoryUsage'], width: 6 },
        {
          signals: ['diskSpaceAvailable', 'diskSpaceLimit'],
          title: 'Disk space',
          description: 'Free disk space and the limit below which the disk alarm blocks publishers.',
          width: 6,
        },
        {
          signals: ['fileDescriptors', 'tcpSockets'],
          title: 'File descriptors and sockets',
          description: 'File descriptors and TCP sockets in use as a share of their limits.',
          width: 6,
        },
        { signals: ['erlangProcesses'], width: 6 },
        { signals: ['alarms'], width: 24 },
      ],
    },
    {
      title: 'Cluster',
      panels: [{ signals: ['unreachablePeers'], width: 24 }],
    },
  ],
});
