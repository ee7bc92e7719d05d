import type { ExporterEvidence, MetricEvidence, SourceRef } from './types';

const BOTH: [string, ...string[]] = ['v0.25.0', 'v0.34.0'];
const at = (file: string, tags: [string, ...string[]] = BOTH): SourceRef => ({ tags, file });
const metric = (labels: string[], sources: SourceRef[], extra: Partial<MetricEvidence> = {}): MetricEvidence => ({
  labels,
  sources: sources as [SourceRef, ...SourceRef[]],
  ...extra,
});

// Files that moved between the supported versions (read at 0.25.0, 0.26.0, 0.27.0, 0.32.0, 0.33.0, 0.34.0).
const NOTIFY = [at('notify/notify.go', ['v0.25.0', 'v0.26.0', 'v0.27.0']), at('notify/metrics.go', ['v0.34.0'])];
const CONFIG = [at('config/coordinator.go')];
const API = [at('api/metrics/metrics.go')];
const INTEGRATION_LABELS = ['integration', 'receiver_name'];
const RECEIVER_NAME =
  'receiver_name only with --enable-feature=receiver-name-in-metrics (≥ 0.27); the packs sum it away by integration';
const CLUSTER_NOTE =
  'only when clustering is on: --cluster.listen-address defaults to 0.0.0.0:9094, empty turns it off';

export const alertmanagerEvidence: ExporterEvidence = {
  exporter: 'alertmanager',
  repository: 'prometheus/alertmanager',
  // Debian bookworm ships 0.25.
  supported: { oldest: 'v0.25.0', current: 'v0.34.0' },
  families: [
    {
      name: 'Alertmanager 0.25',
      differs: 'notifications_failed_total labelled by integration only',
    },
    {
      name: 'Alertmanager ≥ 0.26',
      differs:
        'notifications_failed_total also split by reason (other, clientError, serverError, …; every reason pre-set to 0 for every integration)',
    },
    {
      name: 'Alertmanager ≥ 0.27 with --enable-feature=receiver-name-in-metrics',
      differs: 'the integration-labelled notification metrics also carry receiver_name',
    },
    {
      name: 'Alertmanager ≥ 0.33 with --enable-feature=group-key-in-metrics',
      differs: 'alertmanager_alerts split by aggregation group (group_key)',
    },
  ],
  metrics: {
    alertmanager_build_info: metric(['version'], [at('cmd/alertmanager/main.go')], {
      note: 'prometheus/common version collector registered as "alertmanager"',
    }),
    alertmanager_config_hash: metric([], CONFIG, { note: 'hash of the loaded configuration file as a float' }),
    alertmanager_config_last_reload_successful: metric([], CONFIG),
    alertmanager_config_last_reload_success_timestamp_seconds: metric([], CONFIG),
    alertmanager_notifications_total: metric(INTEGRATION_LABELS, NOTIFY, {
      note: `pre-set to 0 for every integration; ${RECEIVER_NAME}`,
    }),
    alertmanager_notifications_failed_total: metric([...INTEGRATION_LABELS, 'reason'], NOTIFY, {
      note: `reason only since 0.26 (one series per failure reason): sum it before dividing by notifications_total; ${RECEIVER_NAME}`,
    }),
    alertmanager_notification_requests_failed_total: metric(INTEGRATION_LABELS, NOTIFY, { note: RECEIVER_NAME }),
    alertmanager_notification_latency_seconds_bucket: metric([...INTEGRATION_LABELS, 'le'], NOTIFY, {
      note: `classic buckets 1, 5, 10, 15, 20 s, so the p99 cannot read above 20 s; ${RECEIVER_NAME}`,
    }),
    alertmanager_alerts: metric(
      ['state', 'group_key'],
      [at('provider/mem/mem.go', ['v0.25.0', 'v0.32.0']), at('dispatch/metric.go', ['v0.33.0', 'v0.34.0'])],
      {
        note: 'states active, suppressed, unprocessed; group_key only with --enable-feature=group-key-in-metrics (≥ 0.33), so the panel sums by state',
      }
    ),
    alertmanager_alerts_received_total: metric(['status', 'version'], API, {
      note: 'status firing|resolved; `version` is the API version ("v2"), not the release',
    }),
    alertmanager_alerts_invalid_total: metric(['version'], API),
    alertmanager_silences: metric(['state'], [at('silence/silence.go')], { note: 'states active, pending, expired' }),
    alertmanager_dispatcher_aggregation_groups: metric(
      [],
      [at('dispatch/dispatch.go', ['v0.25.0']), at('dispatch/metric.go', ['v0.34.0'])]
    ),
    alertmanager_cluster_enabled: metric(
      [],
      [at('cmd/alertmanager/main.go', ['v0.25.0']), at('app/metrics.go', ['v0.34.0'])]
    ),
    alertmanager_cluster_members: metric([], [at('cluster/delegate.go')], { note: CLUSTER_NOTE }),
    alertmanager_cluster_health_score: metric([], [at('cluster/delegate.go')], { note: CLUSTER_NOTE }),
    alertmanager_cluster_failed_peers: metric([], [at('cluster/cluster.go')], { note: CLUSTER_NOTE }),
  },
};
