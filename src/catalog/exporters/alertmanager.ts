import { acrossTargets, sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext } from '../types';

const perIntegration = (metric: string, q: QueryContext) =>
  `sum by (${q.by}, integration) (rate(${sel(metric, q)}[${q.range}]))`;

const failureRatio = (q: QueryContext) =>
  `100 * ${perIntegration('alertmanager_notifications_failed_total', q)} / ${perIntegration('alertmanager_notifications_total', q)}`;

export const alertmanagerExporter = defineExporter({
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
      description: 'Share of notifications to one integration (Slack, e-mail, PagerDuty, …) that failed.',
    },
    {
      id: 'notificationLatency',
      direction: 'above',
      warning: 10,
      min: 0.1,
      // The latency histogram's buckets end at 20 s (notify/notify.go v0.25.0, notify/metrics.go v0.34.0:
      // 1, 5, 10, 15, 20): histogram_quantile never returns more than 20, so a level of 20 or above
      // could never fire.
      max: 19,
      description: 'Time to deliver a notification; slow receivers delay every alert behind them.',
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'Alertmanager up',
      description: 'Whether Prometheus reached the Alertmanager at its last scrape (1 = up).',
      unit: 'bool_yes_no',
      expr: (q) => `${sel('up', q)} and on (${q.by}) ${sel('alertmanager_build_info', q)}`,
    },
    {
      id: 'configReloadSuccessful',
      title: 'Config reload successful',
      description:
        'Whether the last configuration reload worked (1 = yes); after a failed reload the previous routing tree stays in force.',
      unit: 'bool_yes_no',
      expr: (q) => sel('alertmanager_config_last_reload_successful', q),
    },
    {
      id: 'configAge',
      title: 'Time since config reload',
      description: 'Time since the configuration was last loaded successfully.',
      unit: 'dtdurations',
      expr: (q) => `time() - ${sel('alertmanager_config_last_reload_success_timestamp_seconds', q)}`,
    },
    {
      id: 'notificationsSent',
      title: 'Notifications sent',
      description: 'Notifications attempted per second, per integration.',
      unit: 'ops',
      expr: (q) => perIntegration('alertmanager_notifications_total', q),
      legend: '{{instance}} {{integration}}',
    },
    {
      id: 'notificationsFailed',
      title: 'Notifications failed',
      description:
        'Notifications per second that failed after all retries, per integration: alerts that reached nobody.',
      unit: 'ops',
      expr: (q) => perIntegration('alertmanager_notifications_failed_total', q),
      legend: '{{instance}} {{integration}}',
    },
    {
      id: 'notificationFailureRatio',
      title: 'Notification failure ratio',
      description: 'Share of notifications to each integration that failed.',
      unit: 'percent',
      expr: failureRatio,
      legend: '{{instance}} {{integration}}',
      threshold: 'notificationFailures',
    },
    {
      id: 'notificationRequestsFailed',
      title: 'Failed notification requests',
      description:
        'Individual requests to receivers that failed per second, retries included: a rising rate warns before notifications fail for good.',
      unit: 'ops',
      expr: (q) => perIntegration('alertmanager_notification_requests_failed_total', q),
      legend: '{{instance}} {{integration}}',
    },
    {
      id: 'notificationLatency',
      title: 'Notification latency (p99)',
      description: '99th percentile of the time to deliver a notification, per integration.',
      unit: 's',
      expr: (q) =>
        `histogram_quantile(0.99, sum by (${q.by}, integration, le) (rate(${sel('alertmanager_notification_latency_seconds_bucket', q)}[${q.range}])))`,
      legend: '{{instance}} {{integration}}',
      threshold: 'notificationLatency',
    },
    {
      id: 'alerts',
      title: 'Alerts by state',
      description: 'Alerts held right now: active, suppressed (silenced or inhibited) and unprocessed.',
      unit: 'short',
      // Alertmanager ≥ 0.33 with --enable-feature=group-key-in-metrics splits alertmanager_alerts by
      // aggregation group (group_key label, dispatch/metric.go): summed per state, the panel keeps one
      // line per state and instance on every version.
      expr: (q) => `sum by (${q.by}, state) (${sel('alertmanager_alerts', q)})`,
      legend: '{{instance}} {{state}}',
    },
    {
      id: 'alertsReceived',
      title: 'Alerts received',
      description: 'Alerts received per second from Prometheus and Grafana, firing and resolved.',
      unit: 'ops',
      expr: (q) => `sum by (${q.by}, status) (rate(${sel('alertmanager_alerts_received_total', q)}[${q.range}]))`,
      legend: '{{instance}} {{status}}',
    },
    {
      id: 'alertsInvalid',
      title: 'Invalid alerts',
      description: 'Alerts per second rejected as invalid: a sender posts malformed alerts.',
      unit: 'ops',
      expr: (q) => `sum by (${q.by}) (rate(${sel('alertmanager_alerts_invalid_total', q)}[${q.range}]))`,
    },
    {
      id: 'silences',
      title: 'Silences by state',
      description: 'Silences that are active, pending (start in the future) or expired.',
      unit: 'short',
      expr: (q) => sel('alertmanager_silences', q),
      legend: '{{instance}} {{state}}',
    },
    {
      id: 'aggregationGroups',
      title: 'Aggregation groups',
      description: 'Alert groups the dispatcher tracks (one per route and group_by value set).',
      unit: 'short',
      expr: (q) => sel('alertmanager_dispatcher_aggregation_groups', q),
    },
    {
      id: 'clusterEnabled',
      title: 'Clustering enabled',
      description: 'Whether this Alertmanager runs in a gossip cluster (1 = yes).',
      unit: 'bool_yes_no',
      expr: (q) => sel('alertmanager_cluster_enabled', q),
    },
    {
      id: 'clusterMembers',
      title: 'Cluster members',
      description: 'Peers this Alertmanager sees in its cluster; every member should report the same number.',
      unit: 'short',
      expr: (q) => sel('alertmanager_cluster_members', q),
      optional: 'only when clustering is enabled (--cluster.listen-address)',
    },
    {
      id: 'clusterFailedPeers',
      title: 'Failed cluster peers',
      description: 'Peers in the failed state; above 0 notifications may be duplicated or missed.',
      unit: 'short',
      expr: (q) => sel('alertmanager_cluster_failed_peers', q),
      optional: 'only when clustering is enabled (--cluster.listen-address)',
    },
    {
      id: 'clusterHealth',
      title: 'Cluster health score',
      description: 'Gossip health as memberlist rates it: 0 is healthy, higher is worse.',
      unit: 'short',
      expr: (q) => sel('alertmanager_cluster_health_score', q),
      optional: 'only when clustering is enabled (--cluster.listen-address)',
    },
  ],
  alerts: [
    {
      id: 'config-reload-failed',
      name: 'AlertmanagerConfigReloadFailed',
      severity: 'critical',
      for: '10m',
      signal: 'configReloadSuccessful',
      overWindow: 'max',
      comparison: '<',
      threshold: 1,
      summary: 'Alertmanager {{ $labels.instance }} failed to reload its configuration.',
      description:
        'The last configuration reload of Alertmanager {{ $labels.instance }} failed: the previous routes and receivers stay in force, so recent routing changes are not applied, and a restart would fail. Run `amtool check-config` on the file and read the reload error in the log.',
    },
    {
      id: 'config-inconsistent',
      name: 'AlertmanagerConfigInconsistent',
      severity: 'critical',
      for: '20m',
      // Distinct configuration hashes among the Alertmanagers of one job: members of one cluster
      // must run the same configuration. Counted per job within one cluster (the app's cluster
      // label) and one HA replica's view: on a global store, prod's and staging's Alertmanagers of
      // the same job name run different configurations by design, and merged they fired for ever.
      query: (q) => {
        const perCluster = acrossTargets(q, 'job');
        return `count by (${perCluster}) (count_values by (${perCluster}) ("config_hash", ${sel('alertmanager_config_hash', q)}))`;
      },
      comparison: '>',
      threshold: 1,
      summary: 'Alertmanagers of job {{ $labels.job }} run different configurations.',
      description:
        'The Alertmanagers of job {{ $labels.job }} report different configuration hashes for 20 minutes: they route and silence alerts differently depending on which one gets them. Deploy the same configuration file to every member and reload them.',
    },
    {
      id: 'members-inconsistent',
      name: 'AlertmanagerClusterMembersInconsistent',
      severity: 'critical',
      for: '15m',
      // How many peers each member sees minus how many members its job has: below 0, a member
      // does not see all the others (never compared with a fixed cluster size). Counted per HA
      // replica (the app's replica labels: with others than the defaults, a store holding both Prometheus servers of
      // a pair counted every member twice, and the alert fired for ever).
      query: (q) => {
        const perCluster = acrossTargets(q, 'job');
        return `max_over_time(${sel('alertmanager_cluster_members', q)}[${q.range}]) - on (${perCluster}) group_left count by (${perCluster}) (max_over_time(${sel('alertmanager_cluster_members', q)}[${q.range}]))`;
      },
      comparison: '<',
      threshold: 0,
      summary: 'Alertmanager {{ $labels.instance }} does not see every member of its cluster.',
      description:
        'Alertmanager {{ $labels.instance }} sees fewer cluster peers than Prometheus scrapes in job {{ $labels.job }}: the gossip cluster is split, so notifications may be sent twice and silences do not propagate. Check the cluster port (9094, TCP and UDP) between the members and their --cluster.peer flags.',
      optional: 'only when clustering is enabled (--cluster.listen-address)',
    },
    {
      id: 'failed-peers',
      name: 'AlertmanagerClusterFailedPeers',
      severity: 'warning',
      for: '15m',
      signal: 'clusterFailedPeers',
      overWindow: 'min',
      comparison: '>',
      threshold: 0,
      summary: 'Alertmanager {{ $labels.instance }} has failed cluster peers.',
      description:
        'Alertmanager {{ $labels.instance }} has marked cluster peers as failed for 15 minutes: notifications may be duplicated or missed and silences may not reach every member. Check that every peer runs and that the cluster port is open between them; remove retired peers from --cluster.peer.',
      optional: 'only when clustering is enabled (--cluster.listen-address)',
    },
    {
      id: 'notify-failing',
      name: 'AlertmanagerNotificationsFailing',
      severity: 'warning',
      for: '5m',
      signal: 'notificationFailureRatio',
      summary: 'Alertmanager {{ $labels.instance }} fails to send {{ $labels.integration }} notifications.',
      description:
        'More {{ $labels.integration }} notifications from Alertmanager {{ $labels.instance }} fail after all retries than the threshold allows: those alerts reach nobody. Read the notify errors in the Alertmanager log (credentials, URL, rate limits, the receiver being down).',
    },
    {
      id: 'notify-failing-crit',
      name: 'AlertmanagerNotificationsFailingCritical',
      severity: 'critical',
      for: '5m',
      signal: 'notificationFailureRatio',
      summary: 'Most {{ $labels.integration }} notifications from {{ $labels.instance }} fail.',
      description:
        'A large share of {{ $labels.integration }} notifications from Alertmanager {{ $labels.instance }} fail after all retries: on-call is not being told about alerts. Fix the receiver now (credentials, URL, network) and check alerts in the Alertmanager UI meanwhile.',
    },
    {
      id: 'notifications-slow',
      name: 'AlertmanagerNotificationsSlow',
      severity: 'warning',
      for: '15m',
      signal: 'notificationLatency',
      summary: '{{ $labels.integration }} notifications from {{ $labels.instance }} are slow.',
      description:
        'The slowest 1% of {{ $labels.integration }} notifications from Alertmanager {{ $labels.instance }} take longer than the threshold: the receiver is slow or times out, delaying alerts. Check the receiver’s health and the network path to it.',
    },
    {
      id: 'invalid-alerts',
      name: 'AlertmanagerInvalidAlerts',
      severity: 'warning',
      for: '15m',
      query: (q) => `sum by (${q.by}) (increase(${sel('alertmanager_alerts_invalid_total', q)}[${q.range}]))`,
      comparison: '>',
      threshold: 0,
      summary: 'Alertmanager {{ $labels.instance }} rejects invalid alerts.',
      description:
        'Alertmanager {{ $labels.instance }} keeps receiving alerts it rejects as invalid (missing labels, bad label names, end before start): some sender’s alerts are lost. Find the sender in the Alertmanager debug log and fix its alert payloads.',
    },
  ],
  overview: ['up', 'notificationFailureRatio', 'notificationLatency', 'configReloadSuccessful'],
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
});
