import type { ExporterEvidence, MetricEvidence, SourceRef } from './types';

// grafana/grafana is too large to mirror here: each file was read through the code index, which
// holds several stored versions of it (old and new side by side), not a checkout at a tag. The
// tags are the supported range; where stored versions differ, the note says so and which shape
// is the newer one (told by other changes in the same file, not by a tag).
const TAGS: [string, ...string[]] = ['v11.6.0', 'v12.3.0'];
const ref = (file: string): SourceRef => ({ tags: TAGS, file });
const METRICS = ref('pkg/infra/metrics/metrics.go');
const REQUEST = ref('pkg/middleware/request_metrics.go');
const DATASOURCE = ref('pkg/infra/httpclient/httpclientprovider/datasource_metrics_middleware.go');
const SCHEDULER = ref('pkg/services/ngalert/metrics/scheduler.go');
const MOA = ref('pkg/services/ngalert/metrics/multi_org_alertmanager.go');

const HTTP_LABELS = ['handler', 'status_code', 'method', 'status_source', 'slo_group'];
const HTTP_NOTE =
  'handler is the route template ("unknown" when no route matched); status_source is "server" or "downstream" (a data source failed the request); a grafana_team label joins only with [metrics] include_team_label';
const DS_LABELS = ['datasource', 'datasource_type', 'code', 'method', 'secure_socks_ds_proxy_enabled'];
const DS_NOTE =
  'promhttp round-tripper instrumentation: code is the HTTP status as a number string, method lowercased ("post"); a request that fails without a response (connection refused, timeout) is not counted at all, since promhttp only counts a round trip that returned a response';
const scheduler = (labels: string[], note?: string): MetricEvidence => ({
  labels,
  sources: [SCHEDULER],
  ...(note ? { note } : {}),
});
const notifications = (note: string): MetricEvidence => ({ labels: ['org', 'integration'], sources: [MOA], note });

export const grafanaEvidence: ExporterEvidence = {
  exporter: 'grafana',
  repository: 'grafana/grafana',
  readAt: 'code index',
  // The plugin needs Grafana ≥ 11.6 (plugin.json grafanaDependency), so that is the oldest Grafana
  // whose own /metrics the pack reads.
  supported: { oldest: 'v11.6.0', current: 'v12.3.0' },
  families: [
    {
      name: 'Grafana 11.6 – 12',
      differs:
        'one family: stored versions differ only in labels the pack aggregates away (secure_socks_ds_proxy_enabled on the data source counter, type and rule_group on the rule gauge, the recovering rule state)',
    },
  ],
  metrics: {
    grafana_build_info: {
      labels: ['version', 'revision', 'branch', 'goversion', 'edition'],
      sources: [METRICS],
      note: 'edition is "oss" or "enterprise"',
    },
    grafana_http_request_duration_seconds_bucket: {
      labels: [...HTTP_LABELS, 'le'],
      sources: [REQUEST],
      note: HTTP_NOTE,
    },
    grafana_http_request_duration_seconds_count: { labels: HTTP_LABELS, sources: [REQUEST], note: HTTP_NOTE },
    grafana_http_request_in_flight: { labels: [], sources: [REQUEST] },
    grafana_api_dashboard_get_milliseconds: {
      labels: ['quantile'],
      sources: [METRICS],
      note: 'summary with objectives 0.5, 0.9, 0.99 in milliseconds; observed by the legacy /api/dashboards/uid handler only',
    },
    grafana_datasource_request_total: {
      labels: DS_LABELS,
      sources: [DATASOURCE],
      note: `${DS_NOTE}; the older stored version has no secure_socks_ds_proxy_enabled on the counter (only on the histogram)`,
    },
    grafana_datasource_request_duration_seconds_bucket: {
      labels: [...DS_LABELS, 'le'],
      sources: [DATASOURCE],
      note: DS_NOTE,
    },
    grafana_alerting_rule_evaluations_total: scheduler(['org']),
    grafana_alerting_rule_evaluation_failures_total: scheduler(['org']),
    grafana_alerting_rule_evaluation_duration_seconds_bucket: scheduler(
      ['org', 'le'],
      'buckets .01 … 300 s in the newer stored version, .005 … in the older'
    ),
    grafana_alerting_scheduler_behind_seconds: scheduler([]),
    grafana_alerting_schedule_rule_evaluations_missed_total: scheduler(
      ['org', 'name'],
      'name is the rule title; the series appears at the first missed evaluation'
    ),
    grafana_alerting_rule_group_rules: scheduler(
      ['org', 'type', 'state', 'rule_group'],
      'state is "active" or "paused" (AlertRuleActiveLabelValue / AlertRulePausedLabelValue): the gauge counts paused rules too; the older stored version has only org and state'
    ),
    grafana_alerting_alerts: {
      labels: ['state'],
      sources: [ref('pkg/services/ngalert/state/cache.go')],
      note: 'collected from the state cache: the lowercased rule state, normal, pending, alerting, nodata, error, and recovering in the newer versions (cache_test.go)',
    },
    grafana_alerting_notifications_total: notifications(
      'per-org Alertmanager registries summed per org; zero series are skipped (WithSkipZeroValueMetrics)'
    ),
    grafana_alerting_notifications_failed_total: notifications(
      'per-org Alertmanager registries summed per org; zero series are skipped, so an integration that never failed has no series'
    ),
    grafana_alerting_notification_latency_seconds_bucket: {
      labels: ['le'],
      sources: [MOA],
      note: 'sum of the per-org histograms (SendSumOfHistograms): no org or integration label',
    },
    grafana_stat_active_users: {
      labels: [],
      sources: [METRICS, ref('pkg/infra/usagestats/statscollector/service.go')],
      note: 'set by the stats collector from the database; absent with [metrics] disable_total_stats',
    },
  },
};
