import type { ExporterEvidence, MetricEvidence, SourceRef } from './types';

const BOTH: [string, ...string[]] = ['v2.42.0', 'v3.14.0'];
const at = (file: string): SourceRef => ({ tags: BOTH, file });
const metric = (labels: string[], sources: SourceRef[], extra: Partial<MetricEvidence> = {}): MetricEvidence => ({
  labels,
  sources: sources as [SourceRef, ...SourceRef[]],
  ...extra,
});

// Files that moved between the supported versions.
const RULES = [
  { tags: ['v2.42.0'], file: 'rules/manager.go' },
  { tags: ['v3.14.0'], file: 'rules/group.go' },
] satisfies SourceRef[];
const NOTIFIER = [
  { tags: ['v2.42.0', 'v3.0.0'], file: 'notifier/notifier.go' },
  { tags: ['v3.10.0', 'v3.14.0'], file: 'notifier/metric.go' },
] satisfies SourceRef[];
// Scrape counters moved from scrape/scrape.go to scrape/metrics.go in 2.50, names unchanged.
const SCRAPE = [
  { tags: ['v2.42.0'], file: 'scrape/scrape.go' },
  { tags: ['v2.50.0', 'v3.0.0', 'v3.14.0'], file: 'scrape/metrics.go' },
] satisfies SourceRef[];
const SD_REFRESH = [
  { tags: ['v2.42.0'], file: 'discovery/refresh/refresh.go' },
  { tags: ['v2.50.0', 'v3.9.0', 'v3.14.0'], file: 'discovery/metrics_refresh.go' },
] satisfies SourceRef[];
const REMOTE = [at('storage/remote/queue_manager.go'), at('storage/remote/storage.go')];
const REMOTE_LABELS = ['remote_name', 'url'];

export const prometheusEvidence: ExporterEvidence = {
  exporter: 'prometheus',
  repository: 'prometheus/prometheus',
  // Debian bookworm ships 2.42; the packs must work there and on the current 3.x.
  supported: { oldest: 'v2.42.0', current: 'v3.14.0' },
  families: [
    {
      name: 'Prometheus 2.42 – 3.9',
      differs: 'one alert queue for all Alertmanagers: notification queue_length and dropped_total have no labels',
    },
    {
      name: 'Prometheus ≥ 3.10',
      differs:
        'one queue per Alertmanager: queue_length and dropped_total carry `alertmanager`, queue_capacity does not',
    },
  ],
  metrics: {
    prometheus_build_info: metric(
      ['version', 'revision', 'branch', 'goversion', 'goarch', 'goos', 'tags'],
      [at('cmd/prometheus/main.go')],
      {
        note: 'prometheus/common version collector registered under the app name "prometheus"; `tags` from the client_golang version collector of 3.x (v3.10.0 go.mod: client_golang v1.23.2). `version` is the release without v, Debian’s with +ds ("2.42.0+ds")',
      }
    ),
    prometheus_config_last_reload_successful: metric([], [at('cmd/prometheus/main.go')]),
    prometheus_tsdb_head_samples_appended_total: metric(['type'], [at('tsdb/head.go')], {
      note: 'split by type="float|histogram" since 2.40: sum it before joining on the target',
    }),
    prometheus_tsdb_head_series: metric([], [at('tsdb/head.go')]),
    prometheus_tsdb_storage_blocks_bytes: metric([], [at('tsdb/db.go')]),
    prometheus_tsdb_compactions_failed_total: metric([], [at('tsdb/db.go')]),
    prometheus_tsdb_reloads_failures_total: metric([], [at('tsdb/db.go')]),
    prometheus_tsdb_wal_writes_failed_total: metric([], [at('tsdb/wlog/wlog.go')], {
      note: 'name "writes_failed_total" registered with the prefix prometheus_tsdb_wal_ (the out-of-order WBL uses prometheus_tsdb_out_of_order_wbl_)',
    }),
    prometheus_tsdb_wal_truncations_failed_total: metric([], [at('tsdb/wlog/wlog.go')], {
      note: 'name "truncations_failed_total" with the prefix prometheus_tsdb_wal_',
    }),
    prometheus_tsdb_wal_corruptions_total: metric([], [at('tsdb/head.go')]),
    prometheus_tsdb_checkpoint_creations_failed_total: metric([], [at('tsdb/head.go')]),
    prometheus_tsdb_head_truncations_failed_total: metric([], [at('tsdb/head.go')]),
    prometheus_engine_query_duration_seconds: metric(['slice', 'quantile'], [at('promql/engine.go')], {
      note: 'a summary with objectives 0.5, 0.9, 0.99 (the quantile label is the summary’s)',
    }),
    prometheus_rule_group_last_duration_seconds: metric(['rule_group'], RULES),
    prometheus_rule_group_interval_seconds: metric(['rule_group'], RULES),
    prometheus_rule_evaluation_failures_total: metric(['rule_group'], RULES),
    prometheus_rule_group_iterations_missed_total: metric(['rule_group'], RULES),
    prometheus_rule_group_rules: metric(['rule_group'], RULES),
    prometheus_target_metadata_cache_entries: metric(
      ['scrape_job'],
      [
        { tags: ['v2.42.0'], file: 'scrape/manager.go' },
        { tags: ['v3.14.0'], file: 'scrape/metrics.go' },
      ]
    ),
    prometheus_engine_queries: metric([], [at('promql/engine.go')], { note: 'queries running or waiting for a slot' }),
    prometheus_engine_queries_concurrent_max: metric([], [at('promql/engine.go')], {
      note: '--query.max-concurrency (20 by default)',
    }),
    prometheus_sd_refresh_failures_total: metric(['mechanism', 'config'], SD_REFRESH, {
      note: 'only refresh-based discovery mechanisms (dns, http, ec2, …) register it: absent on a server with only static and file discovery; `config` (the scrape or alerting config name) only from 3.9',
    }),
    prometheus_target_sync_failed_total: metric(['scrape_job'], SCRAPE, {
      note: "a job's series is created by its scrape pool's first sync, Add(failures of a target group) in scrape/scrape.go Sync in every supported version: at 0 where the first group's targets are fine, already counting where they fail; deleted when the pool stops",
    }),
    prometheus_target_scrapes_sample_duplicate_timestamp_total: metric([], SCRAPE),
    prometheus_target_scrapes_sample_out_of_order_total: metric([], SCRAPE),
    prometheus_target_scrapes_exceeded_sample_limit_total: metric([], SCRAPE),
    prometheus_target_scrapes_exceeded_body_size_limit_total: metric([], SCRAPE),
    prometheus_target_scrape_pool_exceeded_target_limit_total: metric([], SCRAPE),
    prometheus_target_scrape_pool_exceeded_label_limits_total: metric([], SCRAPE),
    prometheus_notifications_alertmanagers_discovered: metric([], NOTIFIER),
    prometheus_notifications_errors_total: metric(['alertmanager'], NOTIFIER, {
      note: 'until 3.0 +1 per failed send request (a batch of up to 64 alerts, maxBatchSize; 256 only from v3.4.0), from 3.1 + the alerts of that request (v3.1.0 notifier.go): divide by requests before 3.1 and by alerts from 3.1, by build version',
    }),
    prometheus_notifications_latency_seconds_count: metric(['alertmanager'], NOTIFIER, {
      note: 'the latency summary’s count: one observation per send request, failed or not (sendAll); created at the first send',
    }),
    prometheus_notifications_sent_total: metric(['alertmanager'], NOTIFIER, {
      note: 'the alerts of each send request, failed or not',
    }),
    prometheus_notifications_dropped_total: metric(['alertmanager'], NOTIFIER, {
      note: '`alertmanager` only since 3.10 (per-Alertmanager send loops, notifier/sendloop.go)',
    }),
    prometheus_notifications_queue_length: metric(['alertmanager'], NOTIFIER, {
      note: '`alertmanager` only since 3.10, while queue_capacity never has it: divide with ignoring (alertmanager) group_left',
    }),
    prometheus_notifications_queue_capacity: metric([], NOTIFIER),
    prometheus_remote_storage_samples_pending: metric(REMOTE_LABELS, REMOTE),
    prometheus_remote_storage_samples_failed_total: metric(REMOTE_LABELS, REMOTE),
    prometheus_remote_storage_samples_total: metric(REMOTE_LABELS, REMOTE, {
      note: 'grows at every send attempt, before its result: samples_failed_total is a part of it, not beside it',
    }),
    prometheus_remote_storage_shards: metric(REMOTE_LABELS, REMOTE),
    prometheus_remote_storage_shards_desired: metric(REMOTE_LABELS, REMOTE),
    prometheus_remote_storage_shards_max: metric(REMOTE_LABELS, REMOTE),
    prometheus_remote_storage_queue_highest_sent_timestamp_seconds: metric(REMOTE_LABELS, REMOTE),
    prometheus_remote_storage_highest_timestamp_in_seconds: metric([], [at('storage/remote/write.go')], {
      note: 'one series per Prometheus, without remote_name/url; deprecated in 3.x but still emitted at 3.14',
    }),
  },
};
