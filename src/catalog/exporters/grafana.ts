import { lazyCounterIncrease, sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext } from '../types';

// Only metrics current Grafana (11/12, unified alerting) exposes. The legacy alerting engine's
// result, active-alert and notification-sent counters went with that engine in Grafana 11:
// panels built on them stay empty, so none are used here.

const rateSum = (metric: string, q: QueryContext, by: string, extra = '') =>
  `sum by (${q.by}${by ? `, ${by}` : ''}) (rate(${sel(metric, q, extra)}[${q.range}]))`;

/**
 * Failures as a percentage of all, both sides aggregated by the same labels. Failure series are
 * created lazily (or omitted while zero), so the numerator falls back to 0 wherever there is
 * traffic: quiet groups show 0%, not a gap.
 */
const failurePercent = (failed: string, all: string) => `100 * (${failed} or ${all} * 0) / ${all}`;

// Shared by panels and alerts, so a panel's red line and its alert read the same ratio.
const httpServerErrors = (q: QueryContext) =>
  failurePercent(
    rateSum(
      'grafana_http_request_duration_seconds_count',
      q,
      'handler',
      'status_code=~"5..",status_source!="downstream"'
    ),
    rateSum('grafana_http_request_duration_seconds_count', q, 'handler')
  );
const datasourceErrors = (q: QueryContext) =>
  failurePercent(
    rateSum('grafana_datasource_request_total', q, 'datasource', 'code!~"2.."'),
    rateSum('grafana_datasource_request_total', q, 'datasource')
  );
const ruleEvaluationFailures = (q: QueryContext) =>
  failurePercent(
    rateSum('grafana_alerting_rule_evaluation_failures_total', q, 'org'),
    rateSum('grafana_alerting_rule_evaluations_total', q, 'org')
  );
const notificationFailures = (q: QueryContext) =>
  failurePercent(
    rateSum('grafana_alerting_notifications_failed_total', q, 'integration'),
    rateSum('grafana_alerting_notifications_total', q, 'integration')
  );

export const grafanaExporter = defineExporter({
  id: 'grafana',
  title: 'Grafana',
  layer: 'core',
  defaultPort: 3000,
  docsUrl: 'https://grafana.com/docs/grafana/latest/setup-grafana/set-up-grafana-monitoring/',
  description:
    'Grafana server’s own /metrics: HTTP API, data source requests, alert rule evaluation and notifications, usage.',
  detection: { metrics: ['grafana_build_info'] },
  infoMetrics: ['grafana_build_info'],
  versionMetric: { metric: 'grafana_build_info', label: 'version' },
  thresholds: [
    {
      id: 'httpServerErrors',
      direction: 'above',
      warning: 5,
      critical: 25,
      min: 0.01,
    },
    {
      id: 'datasourceErrors',
      direction: 'above',
      warning: 5,
      critical: 20,
      min: 0.01,
    },
    {
      id: 'ruleEvaluationFailures',
      direction: 'above',
      warning: 1,
      critical: 10,
      min: 0.01,
    },
    {
      id: 'schedulerBehind',
      direction: 'above',
      warning: 30,
      critical: 120,
      min: 1,
      max: 3600,
    },
    {
      id: 'notificationFailures',
      direction: 'above',
      warning: 1,
      critical: 10,
      min: 0.01,
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'Grafana up',
      description: 'Whether Prometheus reached Grafana’s /metrics at its last scrape (1 = up).',
      unit: 'bool_yes_no',
      expr: (q) => `${sel('up', q)} and on (${q.by}) ${sel('grafana_build_info', q)}`,
    },
    {
      id: 'httpRequests',
      title: 'HTTP requests',
      description: 'Requests per second served by Grafana, per status code.',
      unit: 'reqps',
      expr: (q) => rateSum('grafana_http_request_duration_seconds_count', q, 'status_code'),
      legend: '{{instance}} {{status_code}}',
    },
    {
      id: 'httpServerErrors',
      title: 'HTTP server errors',
      description:
        'Share of requests per handler that Grafana answered with 5xx; errors whose cause is downstream (a failing data source) are left out where Grafana labels them.',
      unit: 'percent',
      expr: httpServerErrors,
      legend: '{{instance}} {{handler}}',
      threshold: 'httpServerErrors',
    },
    {
      id: 'httpLatency',
      title: 'HTTP latency (p99)',
      description: '99th percentile of request duration per API handler.',
      unit: 's',
      expr: (q) =>
        `histogram_quantile(0.99, sum by (${q.by}, handler, le) (rate(${sel('grafana_http_request_duration_seconds_bucket', q)}[${q.range}])))`,
      legend: '{{instance}} {{handler}}',
    },
    {
      id: 'httpInFlight',
      title: 'Requests in flight',
      description: 'HTTP requests being served right now; a steady climb means requests pile up.',
      unit: 'short',
      expr: (q) => sel('grafana_http_request_in_flight', q),
    },
    {
      id: 'dashboardLoadTime',
      title: 'Dashboard load time (p90)',
      description: '90th percentile of the time to load a dashboard through the API.',
      unit: 'ms',
      expr: (q) => sel('grafana_api_dashboard_get_milliseconds', q, 'quantile="0.9"'),
    },
    {
      id: 'datasourceRequests',
      title: 'Data source requests',
      description: 'Requests per second Grafana sends to each data source, per response code.',
      unit: 'reqps',
      expr: (q) => rateSum('grafana_datasource_request_total', q, 'datasource, code'),
      legend: '{{instance}} {{datasource}} {{code}}',
    },
    {
      id: 'datasourceErrors',
      title: 'Data source errors',
      // promhttp counts a data source request only when a response came back: refused connections and
      // timeouts leave grafana_datasource_request_total untouched (datasource_metrics_middleware.go).
      description:
        'Share of requests to each data source answered with a non-2xx status. A data source that does not answer at all (connection refused, timeout) is not counted here: alert rules on it fail instead.',
      unit: 'percent',
      expr: datasourceErrors,
      legend: '{{instance}} {{datasource}}',
      threshold: 'datasourceErrors',
    },
    {
      id: 'datasourceLatency',
      title: 'Data source latency (p95)',
      description: '95th percentile of request duration per data source.',
      unit: 's',
      expr: (q) =>
        `histogram_quantile(0.95, sum by (${q.by}, datasource, le) (rate(${sel('grafana_datasource_request_duration_seconds_bucket', q)}[${q.range}])))`,
      legend: '{{instance}} {{datasource}}',
    },
    {
      id: 'ruleEvaluations',
      title: 'Rule evaluations',
      description: 'Alert rule evaluations per second, per org.',
      unit: 'ops',
      expr: (q) => rateSum('grafana_alerting_rule_evaluations_total', q, 'org'),
      legend: '{{instance}} org {{org}}',
    },
    {
      id: 'ruleEvaluationFailures',
      title: 'Rule evaluation failures',
      description:
        'Share of alert rule evaluations that failed, per org: broken queries or an unreachable data source.',
      unit: 'percent',
      expr: ruleEvaluationFailures,
      legend: '{{instance}} org {{org}}',
      threshold: 'ruleEvaluationFailures',
    },
    {
      id: 'ruleEvaluationDuration',
      title: 'Rule evaluation duration (p99)',
      description: '99th percentile of the time one alert rule evaluation takes, per org.',
      unit: 's',
      expr: (q) =>
        `histogram_quantile(0.99, sum by (${q.by}, org, le) (rate(${sel('grafana_alerting_rule_evaluation_duration_seconds_bucket', q)}[${q.range}])))`,
      legend: '{{instance}} org {{org}}',
    },
    {
      id: 'schedulerBehind',
      title: 'Alert scheduler behind',
      description: 'How far the alert rule scheduler runs behind its ticks.',
      unit: 's',
      expr: (q) => sel('grafana_alerting_scheduler_behind_seconds', q),
      threshold: 'schedulerBehind',
    },
    {
      id: 'missedEvaluations',
      title: 'Missed evaluations',
      description:
        'Evaluations skipped in the interval because the previous one of the same rule was still running, per rule.',
      unit: 'short',
      // A rule's series appears at its first missed evaluation, at 1: nothing creates it earlier than
      // EvaluationMissed.WithLabelValues(org, rule title).Inc() on a dropped tick (grafana/grafana
      // pkg/services/ngalert/schedule/schedule.go in every stored version, also group.go in the newest;
      // read through the code index, Grafana 11.6 – 12.3).
      expr: (q) =>
        `sum by (${q.by}, org, name) (${lazyCounterIncrease('grafana_alerting_schedule_rule_evaluations_missed_total', q)})`,
      legend: '{{instance}} org {{org}} {{name}}',
    },
    {
      id: 'alertInstances',
      title: 'Alert instances by state',
      description:
        'Alert instances of all rules per state: normal, pending, alerting, nodata, error, and recovering in newer releases.',
      unit: 'short',
      expr: (q) => sel('grafana_alerting_alerts', q),
      legend: '{{instance}} {{state}}',
    },
    {
      id: 'alertRules',
      title: 'Alert rules',
      description: 'Alert rules scheduled for evaluation; paused rules are left out.',
      unit: 'short',
      // The gauge counts paused rules too (state="paused"); they are scheduled but never evaluated.
      expr: (q) => `sum by (${q.by}) (${sel('grafana_alerting_rule_group_rules', q, 'state="active"')})`,
    },
    {
      id: 'notificationsSent',
      title: 'Notifications sent',
      description: 'Notifications attempted per second by the embedded Alertmanager, per integration.',
      unit: 'ops',
      expr: (q) => rateSum('grafana_alerting_notifications_total', q, 'integration'),
      legend: '{{instance}} {{integration}}',
    },
    {
      id: 'notificationFailures',
      title: 'Notification failures',
      description: 'Share of notifications per integration that failed: alerts that reached nobody.',
      unit: 'percent',
      expr: notificationFailures,
      legend: '{{instance}} {{integration}}',
      threshold: 'notificationFailures',
    },
    {
      id: 'notificationLatency',
      title: 'Notification latency (p99)',
      description: '99th percentile of the time to deliver a notification.',
      unit: 's',
      expr: (q) =>
        `histogram_quantile(0.99, sum by (${q.by}, le) (rate(${sel('grafana_alerting_notification_latency_seconds_bucket', q)}[${q.range}])))`,
    },
    {
      id: 'activeUsers',
      title: 'Active users',
      description: 'Users active recently, out of all users.',
      unit: 'short',
      expr: (q) => sel('grafana_stat_active_users', q),
      legend: '{{instance}} active',
    },
  ],
  alerts: [
    {
      id: 'http-5xx',
      name: 'GrafanaHTTPServerErrors',
      severity: 'warning',
      for: '15m',
      signal: 'httpServerErrors',
      summary: 'Grafana {{ $labels.instance }} answers {{ $labels.handler }} with server errors.',
      description:
        'More requests to {{ $labels.handler }} on Grafana {{ $labels.instance }} end in a 5xx caused by Grafana itself than the threshold allows (errors caused by data sources are left out). Read the Grafana server log for that handler: database problems, plugin crashes or timeouts are the usual causes.',
    },
    {
      id: 'datasource-errors',
      name: 'GrafanaDatasourceErrors',
      severity: 'warning',
      for: '15m',
      signal: 'datasourceErrors',
      summary: 'Requests from Grafana {{ $labels.instance }} to data source {{ $labels.datasource }} fail.',
      description:
        'More requests from Grafana {{ $labels.instance }} to data source {{ $labels.datasource }} are answered with an error status than the threshold allows: panels and alert rules using it show errors or no data. Test the data source in Connections → Data sources and check the backend it points to. A data source that does not answer at all is not counted by this alert; GrafanaRuleEvaluationFailures catches it where alert rules use it.',
    },
    {
      id: 'rule-eval-failures',
      name: 'GrafanaRuleEvaluationFailures',
      severity: 'warning',
      for: '15m',
      signal: 'ruleEvaluationFailures',
      summary: 'Grafana {{ $labels.instance }} fails to evaluate alert rules in org {{ $labels.org }}.',
      description:
        'More alert rule evaluations in org {{ $labels.org }} on Grafana {{ $labels.instance }} fail than the threshold allows: those rules go to their error state and cannot fire. Open Alerting → Alert rules, filter by state Error and fix the queries or data sources they use.',
    },
    {
      id: 'rule-eval-failures-crit',
      name: 'GrafanaRuleEvaluationFailuresCritical',
      severity: 'critical',
      for: '10m',
      signal: 'ruleEvaluationFailures',
      summary: 'Many alert rules in org {{ $labels.org }} on {{ $labels.instance }} cannot be evaluated.',
      description:
        'A large share of alert rule evaluations in org {{ $labels.org }} on Grafana {{ $labels.instance }} fail: alerting there is largely blind, often because a shared data source is down. Fix the data source or the failing queries now.',
    },
    {
      id: 'scheduler-behind',
      name: 'GrafanaAlertSchedulerBehind',
      severity: 'warning',
      for: '10m',
      // The lowest lag in the window: behind on every tick, not one slow one.
      signal: 'schedulerBehind',
      overWindow: 'min',
      threshold: 'schedulerBehind',
      summary: 'The alert scheduler of Grafana {{ $labels.instance }} runs behind.',
      description:
        'The alert rule scheduler of Grafana {{ $labels.instance }} lags behind its ticks by more than the threshold: every rule is evaluated late and alerts fire late. Grafana is overloaded (CPU, database) or has more rules than it can evaluate; scale it or lengthen rule intervals.',
    },
    {
      id: 'missed-evaluations',
      name: 'GrafanaMissedRuleEvaluations',
      severity: 'warning',
      for: '15m',
      signal: 'missedEvaluations',
      comparison: '>',
      threshold: 0,
      summary: 'Grafana {{ $labels.instance }} skips evaluations of rule {{ $labels.name }}.',
      description:
        'Rule {{ $labels.name }} in org {{ $labels.org }} on Grafana {{ $labels.instance }} takes longer to evaluate than its interval, so evaluations are skipped and it alerts late or not at all. Make its query cheaper or lengthen its group’s interval.',
    },
    {
      id: 'notification-failures',
      name: 'GrafanaNotificationsFailing',
      severity: 'warning',
      for: '15m',
      signal: 'notificationFailures',
      summary: 'Grafana {{ $labels.instance }} fails to send {{ $labels.integration }} notifications.',
      description:
        'More {{ $labels.integration }} notifications from Grafana {{ $labels.instance }} fail than the threshold allows: those alerts reach nobody. Test the contact point in Alerting → Contact points and read the notifier errors in the Grafana log.',
    },
  ],
  overview: ['up', 'httpServerErrors', 'ruleEvaluationFailures', 'schedulerBehind'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['up'], kind: 'stat', width: 4 },
        { signals: ['httpInFlight'], kind: 'stat', width: 4 },
        { signals: ['activeUsers'], kind: 'stat', width: 4 },
        { signals: ['alertRules'], kind: 'stat', width: 4 },
        { signals: ['schedulerBehind'], kind: 'stat', width: 4 },
        { signals: ['ruleEvaluationFailures'], kind: 'stat', width: 4 },
      ],
    },
    {
      title: 'HTTP API',
      panels: [
        { signals: ['httpRequests'], width: 6 },
        { signals: ['httpServerErrors'], width: 6 },
        { signals: ['httpLatency'], width: 6 },
        { signals: ['dashboardLoadTime'], width: 6 },
      ],
    },
    {
      title: 'Data sources',
      panels: [
        { signals: ['datasourceRequests'], width: 8 },
        { signals: ['datasourceErrors'], width: 8 },
        { signals: ['datasourceLatency'], width: 8 },
      ],
    },
    {
      title: 'Alert rules',
      panels: [
        { signals: ['ruleEvaluations'], width: 6 },
        { signals: ['ruleEvaluationFailures'], width: 6 },
        { signals: ['ruleEvaluationDuration'], width: 6 },
        { signals: ['missedEvaluations'], width: 6 },
        { signals: ['alertInstances'], width: 12 },
        { signals: ['schedulerBehind'], width: 12 },
      ],
    },
    {
      title: 'Notifications',
      panels: [
        { signals: ['notificationsSent'], width: 8 },
        { signals: ['notificationFailures'], width: 8 },
        { signals: ['notificationLatency'], width: 8 },
      ],
    },
  ],
});
