import { sel } from '../promql';
import type { ExporterDefinition, QueryContext } from '../types';

const perIntegration = (metric: string, q: QueryContext) =>
  `sum by (${q.by}, integration) (rate(${sel(metric, q)}[${q.range}]))`;

export const alertmanagerExporter: ExporterDefinition = {
  id: 'alertmanager',
  title: 'Alertmanager',
  layer: 'core',
  defaultPort: 9093,
  docsUrl: 'https://github.com/prometheus/alertmanager',
  description:
    'The Prometheus Alertmanager: notifications sent and failed per integration, latency, alerts and silences, config reloads and clustering.',
  detection: { metrics: ['alertmanager_build_info'] },
  infoMetrics: ['alertmanager_build_info'],
  versionMetric: { metric: 'alertmanager_build_info', label: 'version' },
  thresholds: [
    {
      id: 'notificationFailures',
      title: 'Notification failures',
      unit: 'percent',
      direction: 'above',
      warning: 1,
      critical: 10,
      min: 0.01,
      max: 100,
      description: 'Share of notifications to one integration (Slack, e-mail, PagerDuty, …) that failed.',
    },
    {
      id: 'notificationLatency',
      title: 'Notification latency (p99)',
      unit: 's',
      direction: 'above',
      warning: 10,
      min: 0.1,
      max: 300,
      description: 'Time to deliver a notification; slow receivers delay every alert behind them.',
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'Alertmanager up',
      description: 'Whether Prometheus reached the Alertmanager at its last scrape (1 = up).',
      unit: 'bool_yes_no',
      variants: [{ expr: (q) => `${sel('up', q)} and on (${q.by}) ${sel('alertmanager_build_info', q)}` }],
      legend: '{{instance}}',
    },
    {
      id: 'configReloadSuccessful',
      title: 'Config reload successful',
      description:
        'Whether the last configuration reload worked (1 = yes); after a failed reload the previous routing tree stays in force.',
      unit: 'bool_yes_no',
      variants: [{ expr: (q) => sel('alertmanager_config_last_reload_successful', q) }],
      legend: '{{instance}}',
    },
    {
      id: 'configAge',
      title: 'Time since config reload',
      description: 'Time since the configuration was last loaded successfully.',
      unit: 'dtdurations',
      variants: [{ expr: (q) => `time() - ${sel('alertmanager_config_last_reload_success_timestamp_seconds', q)}` }],
      legend: '{{instance}}',
    },
    {
      id: 'notificationsSent',
      title: 'Notifications sent',
      description: 'Notifications attempted per second, per integration.',
      unit: 'ops',
      variants: [{ expr: (q) => perIntegration('alertmanager_notifications_total', q) }],
      legend: '{{instance}} {{integration}}',
    },
    {
      id: 'notificationsFailed',
      title: 'Notifications failed',
      description:
        'Notifications per second that failed after all retries, per integration: alerts that reached nobody.',
      unit: 'ops',
      variants: [{ expr: (q) => perIntegration('alertmanager_notifications_failed_total', q) }],
      legend: '{{instance}} {{integration}}',
    },
    {
      id: 'notificationFailureRatio',
      title: 'Notification failure ratio',
      description: 'Share of notifications to each integration that failed.',
      unit: 'percent',
      variants: [
        {
          expr: (q) =>
            `100 * ${perIntegration('alertmanager_notifications_failed_total', q)} / ${perIntegration('alertmanager_notifications_total', q)}`,
        },
      ],
      legend: '{{instance}} {{integration}}',
      threshold: 'notificationFailures',
      min: 0,
      max: 100,
    },
    {
      id: 'notificationRequestsFailed',
      title: 'Failed notification requests',
      description:
        'Individual requests to receivers that failed per second, retries included: a rising rate warns before notifications fail for good.',
      unit: 'ops',
      variants: [{ expr: (q) => perIntegration('alertmanager_notification_requests_failed_total', q) }],
      legend: '{{instance}} {{integration}}',
    },
    {
      id: 'notificationLatency',
      title: 'Notification latency (p99)',
      description: '99th percentile of the time to deliver a notification, per integration.',
      unit: 's',
      variants: [
        {
          expr: (q) =>
            `histogram_quantile(0.99, sum by (${q.by}, integration, le) (rate(${sel('alertmanager_notification_latency_seconds_bucket', q)}[${q.range}])))`,
        },
      ],
      legend: '{{instance}} {{integration}}',
      threshold: 'notificationLatency',
    },
    {
      id: 'alerts',
      title: 'Alerts by state',
      description: 'Alerts held right now: active, suppressed (silenced or inhibited) and unprocessed.',
      unit: 'short',
      variants: [{ expr: (q) => sel('alertmanager_alerts', q) }],
      legend: '{{instance}} {{state}}',
    },
    {
      id: 'alertsReceived',
      title: 'Alerts received',
      description: 'Alerts received per second from Prometheus and Grafana, firing and resolved.',
      unit: 'ops',
      variants: [
        { expr: (q) => `sum by (${q.by}, status) (rate(${sel('alertmanager_alerts_received_total', q)}[${q.range}]))` },
      ],
      legend: '{{instance}} {{status}}',
    },
    {
      id: 'alertsInvalid',
      title: 'Invalid alerts',
      description: 'Alerts per second rejected as invalid: a sender posts malformed alerts.',
      unit: 'ops',
      variants: [
        { expr: (q) => `sum by (${q.by}) (rate(${sel('alertmanager_alerts_invalid_total', q)}[${q.range}]))` },
      ],
      legend: '{{instance}}',
    },
    {
      id: 'silences',
      title: 'Silences by state',
      description: 'Silences that are active, pending (start in the future) or expired.',
      unit: 'short',
      variants: [{ expr: (q) => sel('alertmanager_silences', q) }],
      legend: '{{instance}} {{state}}',
    },
    {
      id: 'aggregationGroups',
      title: 'Aggregation groups',
      description: 'Alert groups the dispatcher tracks (one per route and group_by value set).',
      unit: 'short',
      variants: [{ expr: (q) => sel('alertmanager_dispatcher_aggregation_groups', q) }],
      legend: '{{instance}}',
    },
    {
      id: 'clusterEnabled',
      title: 'Clustering enabled',
      description: 'Whether this Alertmanager runs in a gossip cluster (1 = yes).',
      unit: 'bool_yes_no',
      variants: [{ expr: (q) => sel('alertmanager_cluster_enabled', q) }],
      legend: '{{instance}}',
    },
    {
      id: 'clusterMembers',
      title: 'Cluster members',
      description: 'Peers this Alertmanager sees in its cluster; every member should report the same number.',
      unit: 'short',
      variants: [{ expr: (q) => sel('alertmanager_cluster_members', q) }],
      legend: '{{instance}}',
      optional: 'only when clustering is enabled (--cluster.listen-address)',
    },
    {
      id: 'clusterFailedPeers',
      title: 'Failed cluster peers',
      description: 'Peers in the failed state; above 0 notifications may be duplicated or missed.',
      unit: 'short',
      variants: [{ expr: (q) => sel('alertmanager_cluster_failed_peers', q) }],
      legend: '{{instance}}',
      optional: 'only when clustering is enabled (--cluster.listen-address)',
    },
    {
      id: 'clusterHealth',
      title: 'Cluster health score',
      description: 'Gossip health as memberlist rates it: 0 is healthy, higher is worse.',
      unit: 'short',
      variants: [{ expr: (q) => sel('alertmanager_cluster_health_score', q) }],
      legend: '{{instance}}',
      optional: 'only when clustering is enabled (--cluster.listen-address)',
    },
  ],
  alerts: [],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['up'], kind: 'stat', width: 4 },
        { signals: ['configReloadSuccessful'], kind: 'stat', width: 4 },
        { signals: ['configAge'], kind: 'stat', width: 4 },
        { signals: ['notificationFailureRatio'], kind: 'stat', width: 4 },
        { signals: ['clusterEnabled'], kind: 'stat', width: 4 },
        { signals: ['clusterMembers'], kind: 'stat', width: 4 },
      ],
    },
    {
      title: 'Notifications',
      panels: [
        { signals: ['notificationsSent'], width: 6 },
        { signals: ['notificationsFailed'], width: 6 },
        { signals: ['notificationRequestsFailed'], width: 6 },
        { signals: ['notificationLatency'], width: 6 },
        { signals: ['notificationFailureRatio'], width: 24 },
      ],
    },
    {
      title: 'Alerts and silences',
      panels: [
        { signals: ['alerts'], width: 6 },
        { signals: ['alertsReceived'], width: 6 },
        { signals: ['alertsInvalid'], width: 4 },
        { signals: ['silences'], width: 4 },
        { signals: ['aggregationGroups'], width: 4 },
      ],
    },
    {
      title: 'Cluster',
      panels: [
        { signals: ['clusterMembers'], width: 8 },
        { signals: ['clusterFailedPeers'], width: 8 },
        { signals: ['clusterHealth'], width: 8 },
      ],
    },
  ],
};
