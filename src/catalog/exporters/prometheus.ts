import { acrossTargets, fleetContext, joinLabels, lazyCounterIncrease, sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext, SignalVariant } from '../types';

// Scrape counters without labels (scrape/scrape.go until 2.49, scrape/metrics.go from 2.50): always
// present, so a plain sum of their increases.
const SAMPLE_REJECTIONS = [
  'prometheus_target_scrapes_sample_duplicate_timestamp_total',
  'prometheus_target_scrapes_sample_out_of_order_total',
];
const LIMIT_REJECTIONS = [
  'prometheus_target_scrapes_exceeded_sample_limit_total',
  'prometheus_target_scrapes_exceeded_body_size_limit_total',
  'prometheus_target_scrape_pool_exceeded_target_limit_total',
  'prometheus_target_scrape_pool_exceeded_label_limits_total',
];
const increaseSum = (metrics: string[], q: QueryContext, range = q.range) =>
  metrics.map((metric) => `sum by (${q.by}) (increase(${sel(metric, q)}[${range}]))`).join(' + ');
const samplesRejected = (q: QueryContext) => increaseSum(SAMPLE_REJECTIONS, q);
const limitsHit = (q: QueryContext) => increaseSum(LIMIT_REJECTIONS, q);
// prometheus_sd_refresh_failures_total exists only for refresh-based mechanisms (dns, http, ec2, …)
// and carries mechanism (and from 3.9 config), the sync counter scrape_job: their label sets never
// coincide, so `or` keeps both and the sum adds them, and a server without such a mechanism still
// gets the sync failures. The refresh counter is created at 0 with its discoverer; a job's sync
// series is created by the pool's first sync, with Add(failures of the first target group), so a job
// whose targets fail from the start appears already counting them (scrape/scrape.go Sync, v2.42.0 –
// v3.14.0).
const discoveryFailures = (q: QueryContext) =>
  `sum by (${q.by}) (${lazyCounterIncrease('prometheus_target_sync_failed_total', q)} or increase(${sel('prometheus_sd_refresh_failures_total', q)}[${q.range}]))`;
const scrapeProblems = (q: QueryContext) => `${samplesRejected(q)} + ${limitsHit(q)} + ${discoveryFailures(q)}`;

// One term per counter: increase() drops metric names, so a single name regex would yield
// clashing series.
export const TSDB_FAILURES = [
  'prometheus_tsdb_wal_writes_failed_total',
  'prometheus_tsdb_wal_corruptions_total',
  'prometheus_tsdb_wal_truncations_failed_total',
  'prometheus_tsdb_checkpoint_creations_failed_total',
  'prometheus_tsdb_head_truncations_failed_total',
  'prometheus_tsdb_reloads_failures_total',
];

// Until 3.0 a failed send added 1 to prometheus_notifications_errors_total (one per request, a batch
// of up to 64 alerts: maxBatchSize) while sent_total added the batch's alerts (notifier/notifier.go,
// v2.42.0 – v3.0.1; "notifier: fix increment of metric prometheus_notifications_errors_total", v3.1.0):
// errors / sent was the failed share divided by the batch size. A Debian 2.42.0 with 931 alerts firing
// and its second Alertmanager on a closed port read 1.7 % (never the 3 % critical), and an Alertmanager
// refusing half the requests reads under the 1 % warning. There the share is of requests, each
// observed once in the latency summary; from 3.1 both counters count alerts. The build's version says
// which applies.
const ERRORS_COUNT_REQUESTS = 'version=~"2[.].*|3[.]0[.].*"';
const notificationErrorShare = (denominator: string, gate: 'and' | 'unless', q: QueryContext) =>
  `100 * rate(${sel('prometheus_notifications_errors_total', q)}[${q.range}]) / rate(${sel(denominator, q)}[${q.range}]) ${gate} on (${joinLabels(q)}) ${sel('prometheus_build_info', q, ERRORS_COUNT_REQUESTS)}`;
const NOTIFICATION_ERROR_SHARE: [SignalVariant, ...SignalVariant[]] = [
  {
    note: 'Prometheus 2.42 – 3.0: failed send requests / send requests (each a batch of alerts)',
    expr: (q) => notificationErrorShare('prometheus_notifications_latency_seconds_count', 'and', q),
  },
  {
    note: 'Prometheus ≥ 3.1: failed alerts / alerts sent',
    expr: (q) => notificationErrorShare('prometheus_notifications_sent_total', 'unless', q),
  },
];

// Shared by the remote write panels and alerts, so both read the same series. Every supported
// Prometheus (≥ 2.42) has these names; the pre-2.23 ones (failed_samples_total, …) are gone.
// samples_total grows by a batch's samples at every send attempt, before the result is known, and
// samples_failed_total by the same samples when the attempt fails for good (storage/remote/
// queue_manager.go, v2.42.0 sendSamplesWithBackoff, v3.10.0 recordBatchAttempt): the failed samples
// are already in samples_total. Adding them again (as the mixin does, from the succeeded_samples
// era) halved the share: everything failing read 50 %, and a threshold above 50 % could never fire.
const REMOTE_WRITE_FAILURE_SHARE: [SignalVariant, ...SignalVariant[]] = [
  {
    note: 'Prometheus ≥ 2.23 (samples_total counts every attempted sample, failed ones included)',
    expr: (q) =>
      `100 * rate(${sel('prometheus_remote_storage_samples_failed_total', q)}[${q.range}]) / rate(${sel('prometheus_remote_storage_samples_total', q)}[${q.range}])`,
  },
];

// Since Prometheus 3.10 every Alertmanager has its own send queue: queue_length (and dropped_total)
// carry `alertmanager`, queue_capacity (the per-queue capacity) does not (notifier/metric.go,
// sendloop.go). Before 3.10 neither has it. `ignoring … group_left` matches both families; a plain
// `/` returned nothing on ≥ 3.10. The empty `group_left ()` keeps the parenthesised divisor from
// being read as its label list.
const notificationQueueShare = (length: string, q: QueryContext) =>
  `${length} / ignoring (alertmanager) group_left () (${sel('prometheus_notifications_queue_capacity', q)} > 0)`;
// `expr` on the servers that have rule groups loaded (prometheus_rule_group_rules exists per group,
// rules/manager.go v2.42.0, rules/group.go v3.14.0; absent without rule files), now or, given a window,
// at any scrape of it: an alert's filter read at the instant loses both series to one failed scrape,
// which would reset the alert's `for`.
export const serversWithRules = (expr: string, q: QueryContext, window?: string) => {
  const rules = sel('prometheus_rule_group_rules', q);
  return `${expr} and on (${joinLabels(q)}) (sum by (${joinLabels(q)}) (${window ? `max_over_time(${rules}[${window}])` : rules}) > 0)`;
};
const remoteWriteLag = (q: QueryContext) =>
  `${sel('prometheus_remote_storage_highest_timestamp_in_seconds', q)} - ignoring (remote_name, url) group_right ${sel('prometheus_remote_storage_queue_highest_sent_timestamp_seconds', q)}`;

export const prometheusExporter = defineExporter({
  id: 'prometheus',
  title: 'Prometheus',
  layer: 'core',
  defaultPort: 9090,
  docsUrl: 'https://prometheus.io/docs/prometheus/latest/',
  description:
    'The Prometheus server itself: scraping, ingestion, TSDB health, queries, rule evaluation, alert delivery and remote write.',
  detection: { metrics: ['prometheus_build_info'] },
  infoMetrics: ['prometheus_build_info'],
  versionMetric: { metric: 'prometheus_build_info', label: 'version' },
  thresholds: [
    {
      id: 'targetsDown',
      direction: 'above',
      warning: 0,
      min: 0,
      max: 10000,
      description: 'Targets of one job whose last scrape failed; above the threshold the job is (partly) blind.',
    },
    {
      id: 'queryLoad',
      direction: 'above',
      warning: 80,
      min: 1,
    },
    {
      id: 'ruleGroupLoad',
      direction: 'above',
      warning: 0.8,
      critical: 1,
      min: 0.1,
      max: 10,
    },
    {
      id: 'notificationErrors',
      direction: 'above',
      warning: 1,
      critical: 3,
      min: 0.01,
    },
    {
      id: 'notificationQueue',
      direction: 'above',
      warning: 0.5,
      critical: 0.9,
      min: 0.01,
      description: 'Alert notification queue length as a share of its capacity; a full queue drops alerts.',
    },
    {
      id: 'remoteWriteFailures',
      direction: 'above',
      warning: 1,
      critical: 10,
      min: 0.01,
    },
    {
      id: 'remoteWriteLag',
      direction: 'above',
      warning: 120,
      critical: 600,
      min: 10,
      max: 86400,
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'Prometheus up',
      description: 'Whether this Prometheus was reachable at its last self-scrape (1 = up).',
      unit: 'bool_yes_no',
      expr: (q) => `${sel('up', q)} and on (${q.by}) ${sel('prometheus_build_info', q)}`,
    },
    {
      id: 'configReloadSuccessful',
      title: 'Config reload successful',
      description:
        'Whether the last configuration reload worked (1 = yes); after a failed reload Prometheus keeps running the previous configuration.',
      unit: 'bool_yes_no',
      expr: (q) => sel('prometheus_config_last_reload_successful', q),
    },
    {
      id: 'targetsDown',
      title: 'Scrape targets down',
      description:
        'Targets whose last scrape failed, per job, across every target the queried Prometheus scrapes (not only the selected job).',
      unit: 'short',
      expr: (q) => `sum by (${acrossTargets(q, 'job')}) (${sel('up', fleetContext(q))} == bool 0)`,
      legend: '{{job}}',
      threshold: 'targetsDown',
      min: 0,
    },
    {
      id: 'ingestionRate',
      title: 'Samples ingested',
      description: 'Samples appended to the head block per second; a drop to 0 means Prometheus stopped ingesting.',
      unit: 'ops',
      variants: [
        {
          // Since 2.40 the counter is split by `type` (float, histogram; tsdb/head.go): summed per
          // target so the panel shows one rate and joins on the target's labels work.
          expr: (q) => `sum by (${q.by}) (rate(${sel('prometheus_tsdb_head_samples_appended_total', q)}[${q.range}]))`,
        },
      ],
    },
    {
      id: 'headSeries',
      title: 'Head series',
      description:
        'Active series in the head block: the main driver of memory use; sudden jumps point at a cardinality explosion.',
      unit: 'short',
      expr: (q) => sel('prometheus_tsdb_head_series', q),
    },
    {
      id: 'storageSize',
      title: 'Block storage used',
      description: 'Bytes used by persisted TSDB blocks (the WAL and head chunks come on top).',
      unit: 'bytes',
      expr: (q) => sel('prometheus_tsdb_storage_blocks_bytes', q),
    },
    {
      id: 'compactionsFailed',
      title: 'Failed compactions',
      description: 'TSDB compactions that failed in the interval; repeated failures fill the disk and slow queries.',
      unit: 'short',
      expr: (q) => `increase(${sel('prometheus_tsdb_compactions_failed_total', q)}[${q.range}])`,
      min: 0,
    },
    {
      id: 'tsdbFailures',
      title: 'WAL and TSDB failures',
      description:
        'Failed WAL writes, WAL corruptions, failed WAL/head truncations, checkpoints and block reloads in the interval: data may be lost or the disk is failing.',
      unit: 'short',
      expr: (q) =>
        TSDB_FAILURES.map((metric) => `sum by (${q.by}) (increase(${sel(metric, q)}[${q.range}]))`).join(' + '),
      min: 0,
    },
    {
      id: 'queryLatency',
      title: 'Query latency (p90)',
      description:
        '90th percentile of query time per stage (queue wait, preparation, inner evaluation, result sorting).',
      unit: 's',
      expr: (q) => sel('prometheus_engine_query_duration_seconds', q, 'quantile="0.9"'),
      legend: '{{instance}} {{slice}}',
    },
    {
      id: 'queryLoad',
      title: 'Query concurrency used',
      description:
        'Queries running or waiting, as a share of the concurrent queries allowed (--query.max-concurrency); near 100% queries queue.',
      unit: 'percent',
      expr: (q) =>
        `100 * ${sel('prometheus_engine_queries', q)} / (${sel('prometheus_engine_queries_concurrent_max', q)} > 0)`,
      threshold: 'queryLoad',
    },
    {
      id: 'scrapeProblems',
      title: 'Rejected scrapes and samples',
      description:
        'In the interval: samples dropped for duplicate or out-of-order timestamps, scrapes rejected for exceeding a sample, body-size, target or label limit, failed target syncs and service discovery refreshes. Each one is data that never reached the TSDB.',
      unit: 'short',
      expr: scrapeProblems,
      min: 0,
    },
    {
      id: 'ruleGroupLoad',
      title: 'Rule group duration / interval',
      description:
        'Time each rule group’s last evaluation took as a share of its interval; at 100% evaluations are skipped.',
      unit: 'percentunit',
      expr: (q) =>
        `${sel('prometheus_rule_group_last_duration_seconds', q)} / (${sel('prometheus_rule_group_interval_seconds', q)} > 0)`,
      legend: '{{instance}} {{rule_group}}',
      threshold: 'ruleGroupLoad',
      axisFitsData: 'an evaluation may take longer than its interval',
      optional: 'only when rule files are loaded',
    },
    {
      id: 'ruleEvaluationFailures',
      title: 'Rule evaluation failures',
      description: 'Failed rule evaluations per second per rule group: broken expressions, or queries that time out.',
      unit: 'ops',
      expr: (q) => `rate(${sel('prometheus_rule_evaluation_failures_total', q)}[${q.range}])`,
      legend: '{{instance}} {{rule_group}}',
      optional: 'only when rule files are loaded',
    },
    {
      id: 'ruleGroupsMissed',
      title: 'Missed rule evaluations',
      description: 'Rule group evaluations skipped in the interval because the previous one was still running.',
      unit: 'short',
      expr: (q) => `increase(${sel('prometheus_rule_group_iterations_missed_total', q)}[${q.range}])`,
      legend: '{{instance}} {{rule_group}}',
      optional: 'only when rule files are loaded',
    },
    {
      id: 'alertmanagersDiscovered',
      title: 'Alertmanagers discovered',
      description: 'Alertmanagers this Prometheus sends alerts to; 0 means firing alerts reach nobody.',
      unit: 'short',
      expr: (q) => sel('prometheus_notifications_alertmanagers_discovered', q),
    },
    {
      id: 'notificationErrors',
      title: 'Alert delivery errors',
      description:
        'Share of alerts that failed to reach each Alertmanager (before Prometheus 3.1: share of send requests, each a batch of alerts).',
      unit: 'percent',
      variants: NOTIFICATION_ERROR_SHARE,
      legend: '{{instance}} → {{alertmanager}}',
      threshold: 'notificationErrors',
    },
    {
      id: 'notificationsDropped',
      title: 'Alerts dropped',
      description: 'Alerts per second dropped before delivery (queue full or no Alertmanager configured).',
      unit: 'ops',
      expr: (q) => `rate(${sel('prometheus_notifications_dropped_total', q)}[${q.range}])`,
      // Per Alertmanager since Prometheus 3.10 (notifier/metric.go); empty before.
      legend: '{{instance}} {{alertmanager}}',
    },
    {
      id: 'notificationQueue',
      title: 'Alert queue fill',
      description:
        'Alerts waiting to be sent as a share of the queue capacity (one queue per Alertmanager since Prometheus 3.10).',
      unit: 'percentunit',
      expr: (q) => notificationQueueShare(sel('prometheus_notifications_queue_length', q), q),
      legend: '{{instance}} {{alertmanager}}',
      threshold: 'notificationQueue',
    },
    {
      id: 'remoteWritePending',
      title: 'Remote write pending samples',
      description: 'Samples buffered in memory waiting to be sent to each remote write endpoint.',
      unit: 'short',
      variants: [{ note: 'Prometheus ≥ 2.23', expr: (q) => sel('prometheus_remote_storage_samples_pending', q) }],
      legend: '{{instance}} {{remote_name}}',
      optional: 'only when remote_write is configured',
    },
    {
      id: 'remoteWriteFailures',
      title: 'Remote write failures',
      description: 'Share of samples that could not be delivered to each remote write endpoint.',
      unit: 'percent',
      variants: REMOTE_WRITE_FAILURE_SHARE,
      legend: '{{instance}} {{remote_name}}',
      threshold: 'remoteWriteFailures',
      optional: 'only when remote_write is configured',
    },
    {
      id: 'remoteWriteShards',
      title: 'Remote write shards',
      description:
        'Shards sending to each endpoint now, the number wanted and the configured maximum; desired above max means remote write cannot keep up.',
      unit: 'short',
      variants: [
        {
          // Three selectors rather than one `__name__` regex, so every name is visible to the evidence test.
          expr: (q) =>
            [
              'prometheus_remote_storage_shards',
              'prometheus_remote_storage_shards_desired',
              'prometheus_remote_storage_shards_max',
            ]
              .map((metric) => sel(metric, q))
              .join(' or '),
        },
      ],
      legend: '{{instance}} {{remote_name}} {{__name__}}',
      optional: 'only when remote_write is configured',
    },
    {
      id: 'remoteWriteLag',
      title: 'Remote write lag',
      description: 'Seconds between the newest sample ingested and the newest sample sent to each remote endpoint.',
      unit: 's',
      expr: remoteWriteLag,
      legend: '{{instance}} {{remote_name}}',
      threshold: 'remoteWriteLag',
      optional: 'only when remote_write is configured and has sent at least once',
    },
  ],
  alerts: [
    {
      id: 'watchdog',
      name: 'PrometheusWatchdog',
      severity: 'info',
      for: '1m',
      // Always firing by design: a dead-man's switch. Its silence is the alert.
      query: () => 'vector(1)',
      comparison: '>',
      threshold: 0,
      noDataState: 'Alerting',
      summary: 'Dead-man’s switch: the alerting pipeline is alive.',
      description:
        'This alert always fires so that the whole pipeline (Prometheus or Grafana rule evaluation, Alertmanager, notifications) is proven to work end to end. Route it to a heartbeat receiver (a dead-man’s-switch service such as Healthchecks.io, PagerDuty or Opsgenie heartbeats, or a webhook that expects it every few minutes) that pages you when it STOPS arriving; never route it to people, and do not silence it.',
    },
    {
      id: 'target-down',
      name: 'PrometheusTargetDown',
      severity: 'warning',
      for: '5m',
      // Every scrape target of every job, not only Prometheus' own: `up` is written by Prometheus
      // at each scrape attempt, so it is never missing while Prometheus runs.
      query: (q) => sel('up', fleetContext(q)),
      comparison: '<',
      threshold: 1,
      summary: 'Target {{ $labels.instance }} of job {{ $labels.job }} is down.',
      description:
        'Prometheus has failed to scrape {{ $labels.instance }} (job {{ $labels.job }}) for 5 minutes, so every dashboard and alert built on it is blind. Open the Targets page of Prometheus for the error (connection refused, timeout, TLS, 401) and check that the exporter runs and is reachable.',
    },
    {
      id: 'discovery-failing',
      name: 'PrometheusDiscoveryFailing',
      severity: 'warning',
      for: '15m',
      query: (q) => discoveryFailures(q),
      comparison: '>',
      threshold: 0,
      summary: 'Prometheus {{ $labels.instance }} cannot refresh its list of targets.',
      description:
        'Service discovery refreshes or target syncs of Prometheus {{ $labels.instance }} keep failing: new targets are not scraped and removed ones linger. Check first the discovery errors in its log (DNS, the cloud or HTTP SD endpoint, credentials), then the scrape job named on the Targets and Service Discovery pages.',
    },
    {
      id: 'samples-rejected',
      name: 'PrometheusScrapeSamplesRejected',
      severity: 'warning',
      for: '15m',
      query: (q) => samplesRejected(q),
      comparison: '>',
      threshold: 0,
      summary: 'Prometheus {{ $labels.instance }} rejects scraped samples.',
      description:
        'Prometheus {{ $labels.instance }} drops scraped samples with duplicate or out-of-order timestamps: two targets write the same series (a relabelling that merges them, an exporter behind two jobs) or an exporter sends its own timestamps wrongly. Check first its log, which names the series, then the relabelling of that job.',
    },
    {
      id: 'scrape-limit-hit',
      name: 'PrometheusScrapeLimitHit',
      severity: 'warning',
      for: '15m',
      query: (q) => limitsHit(q),
      comparison: '>',
      threshold: 0,
      summary: 'Scrapes of Prometheus {{ $labels.instance }} exceed their configured limits.',
      description:
        'Prometheus {{ $labels.instance }} rejects whole scrapes, or whole scrape pools, because they exceed a sample_limit, body_size_limit, target_limit or label limit of their job: those targets have no data at all. Check first which job on the Targets page shows the limit error; raise the limit or cut the exporter’s series (collectors, relabelling).',
    },
    {
      id: 'query-load-high',
      name: 'PrometheusHighQueryLoad',
      severity: 'warning',
      for: '15m',
      query: (q) =>
        `100 * max_over_time(${sel('prometheus_engine_queries', q)}[${q.range}]) / (${sel('prometheus_engine_queries_concurrent_max', q)} > 0)`,
      threshold: 'queryLoad',
      summary: 'Prometheus {{ $labels.instance }} is running out of query capacity.',
      description:
        'Queries on Prometheus {{ $labels.instance }} use more than the warning share of --query.max-concurrency for 15 minutes: new queries queue, dashboards time out and rule evaluations slow down. Check first the query log or the slowest dashboards and recording rules (Query latency panel); then raise --query.max-concurrency if the CPU has headroom.',
    },
    {
      id: 'config-reload-failed',
      name: 'PrometheusConfigReloadFailed',
      severity: 'warning',
      for: '10m',
      signal: 'configReloadSuccessful',
      overWindow: 'max',
      comparison: '<',
      threshold: 1,
      summary: 'Prometheus {{ $labels.instance }} failed to reload its configuration.',
      description:
        'The last configuration reload of Prometheus {{ $labels.instance }} failed: it keeps running the previous configuration, and a restart would fail to start. Run `promtool check config` on the configuration file and read the reload error in the log.',
    },
    {
      id: 'rule-failures',
      name: 'PrometheusRuleEvaluationFailures',
      severity: 'critical',
      for: '15m',
      query: (q) => `increase(${sel('prometheus_rule_evaluation_failures_total', q)}[${q.range}])`,
      comparison: '>',
      threshold: 0,
      summary: 'Prometheus {{ $labels.instance }} fails to evaluate rules of {{ $labels.rule_group }}.',
      description:
        'Rules in group {{ $labels.rule_group }} on Prometheus {{ $labels.instance }} keep failing to evaluate: their alerts cannot fire and their recorded series have gaps. Read the rule error in the log or on the Rules page (many-to-many matching, timeouts) and fix the expression.',
      optional: 'only when rule files are loaded',
    },
    {
      id: 'missed-evaluations',
      name: 'PrometheusMissedRuleEvaluations',
      severity: 'warning',
      for: '15m',
      signal: 'ruleGroupsMissed',
      comparison: '>',
      threshold: 0,
      summary: 'Prometheus {{ $labels.instance }} skips evaluations of {{ $labels.rule_group }}.',
      description:
        'Group {{ $labels.rule_group }} on Prometheus {{ $labels.instance }} takes longer to evaluate than its interval, so evaluations are skipped and alerts fire late or not at all. Speed its rules up (recording rules, fewer series), split the group or lengthen its interval.',
      optional: 'only when rule files are loaded',
    },
    {
      id: 'not-ingesting',
      name: 'PrometheusNotIngestingSamples',
      severity: 'critical',
      for: '10m',
      signal: 'ingestionRate',
      // Only a Prometheus that has something to ingest: scrape targets or rules.
      filters: [
        (q) =>
          `sum by (${q.by}) (${sel('prometheus_target_metadata_cache_entries', q)}) > 0 or sum by (${q.by}) (${sel('prometheus_rule_group_rules', q)}) > 0`,
      ],
      comparison: '<',
      // Less than one sample a second: even a Prometheus scraping only itself appends hundreds.
      threshold: 1,
      summary: 'Prometheus {{ $labels.instance }} is not ingesting samples.',
      description:
        'Prometheus {{ $labels.instance }} has targets or rules but appends (almost) no samples to its TSDB: no new data is stored and alerts evaluate stale data. Check its log for TSDB errors (disk full, read-only filesystem, out-of-order or WAL errors) and the Targets page.',
    },
    {
      id: 'compactions-failing',
      name: 'PrometheusTSDBCompactionsFailing',
      severity: 'warning',
      for: '15m',
      query: (q) => `increase(${sel('prometheus_tsdb_compactions_failed_total', q)}[3h])`,
      comparison: '>',
      threshold: 0,
      summary: 'Prometheus {{ $labels.instance }} fails to compact its TSDB.',
      description:
        'TSDB compactions of Prometheus {{ $labels.instance }} failed in the last 3 hours: the head block and WAL keep growing, memory use rises and the disk fills. Read the compaction error in the log; usually the disk is full or a block is corrupt.',
    },
    {
      id: 'tsdb-failures',
      name: 'PrometheusTSDBFailures',
      severity: 'warning',
      for: '0s',
      query: (q) => TSDB_FAILURES.map((metric) => `sum by (${q.by}) (increase(${sel(metric, q)}[3h]))`).join(' + '),
      comparison: '>',
      threshold: 0,
      summary: 'Prometheus {{ $labels.instance }} reports WAL or TSDB failures.',
      description:
        'Prometheus {{ $labels.instance }} counted failed WAL writes, WAL corruptions, failed truncations, checkpoints or block reloads in the last 3 hours: samples may be lost and the disk may be failing or full. Read the TSDB errors in its log and check the data volume.',
    },
    {
      id: 'no-alertmanager',
      name: 'PrometheusNotConnectedToAlertmanagers',
      severity: 'warning',
      for: '10m',
      signal: 'alertmanagersDiscovered',
      overWindow: 'max',
      // Only a server with rules has alerts to send: a scrape-only edge that remote-writes to a store
      // evaluating the rules (Thanos, Mimir, a global Prometheus), or one whose alerts Grafana
      // evaluates, runs without `alerting:` by design and reports 0 for ever.
      filters: [
        (q) =>
          serversWithRules(
            `max_over_time(${sel('prometheus_notifications_alertmanagers_discovered', q)}[${q.range}])`,
            q,
            q.range
          ),
      ],
      comparison: '<',
      threshold: 1,
      summary: 'Prometheus {{ $labels.instance }} is not connected to any Alertmanager.',
      description:
        'Prometheus {{ $labels.instance }} has rules loaded but has discovered no Alertmanager for 10 minutes: its alerts fire but reach nobody. Check the `alerting:` section of its configuration and the Alertmanagers’ service discovery; a server with only recording rules needs none, and this alert can be silenced there.',
    },
    {
      id: 'notification-errors',
      name: 'PrometheusErrorSendingAlerts',
      severity: 'warning',
      for: '15m',
      signal: 'notificationErrors',
      summary: 'Prometheus {{ $labels.instance }} fails to send alerts to {{ $labels.alertmanager }}.',
      description:
        'More alerts than the threshold allows fail to reach Alertmanager {{ $labels.alertmanager }} from Prometheus {{ $labels.instance }}. Check that Alertmanager runs and is reachable, and the notifier errors in the Prometheus log.',
    },
    {
      id: 'notification-queue',
      name: 'PrometheusNotificationQueueFilling',
      severity: 'warning',
      for: '15m',
      query: (q) =>
        notificationQueueShare(`max_over_time(${sel('prometheus_notifications_queue_length', q)}[${q.range}])`, q),
      threshold: 'notificationQueue',
      summary: 'The alert queue of Prometheus {{ $labels.instance }} is filling up.',
      description:
        'Alerts wait in the notification queue of Prometheus {{ $labels.instance }} faster than they are sent; when it is full, alerts are dropped. Alertmanager is slow or unreachable, or far too many alerts fire at once.',
    },
    {
      id: 'notifications-dropped',
      name: 'PrometheusNotificationsDropped',
      severity: 'warning',
      for: '5m',
      query: (q) => `increase(${sel('prometheus_notifications_dropped_total', q)}[${q.range}])`,
      comparison: '>',
      threshold: 0,
      summary: 'Prometheus {{ $labels.instance }} drops alerts.',
      description:
        'Prometheus {{ $labels.instance }} dropped alerts instead of delivering them (queue full, or sending failed for good): some alerts never reached Alertmanager. Check Alertmanager’s health and the notifier errors in the Prometheus log.',
    },
    {
      id: 'remote-write-behind',
      name: 'PrometheusRemoteWriteBehind',
      severity: 'warning',
      for: '15m',
      signal: 'remoteWriteLag',
      summary: 'Remote write of Prometheus {{ $labels.instance }} to {{ $labels.remote_name }} falls behind.',
      description:
        'Samples sent by Prometheus {{ $labels.instance }} to {{ $labels.url }} trail the newest ingested sample by more than the threshold: the remote store is slow or unreachable, or there are too few shards. If the lag exceeds the WAL retention, data is lost; check the endpoint and the shard count.',
      optional: 'only when remote_write is configured',
    },
    {
      id: 'remote-write-failing',
      name: 'PrometheusRemoteWriteFailing',
      severity: 'warning',
      for: '15m',
      signal: 'remoteWriteFailures',
      summary: 'Remote write of Prometheus {{ $labels.instance }} to {{ $labels.remote_name }} is failing.',
      description:
        'More samples than the threshold allows fail for good on their way from Prometheus {{ $labels.instance }} to {{ $labels.url }}: they are lost for the remote store. Read the remote write errors in the log (4xx: rejected data or auth; 5xx: the store is failing).',
      optional: 'only when remote_write is configured',
    },
  ],
  overview: ['up', 'targetsDown', 'ingestionRate', 'notificationErrors'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['up'], kind: 'stat', width: 4 },
        { signals: ['configReloadSuccessful'], kind: 'stat', width: 4 },
        { signals: ['targetsDown'], kind: 'stat', width: 4 },
        { signals: ['ingestionRate'], kind: 'stat', width: 4 },
        { signals: ['headSeries'], kind: 'stat', width: 4 },
        { signals: ['alertmanagersDiscovered'], kind: 'stat', width: 4 },
      ],
    },
    {
      title: 'Scraping and ingestion',
      panels: [
        { signals: ['targetsDown'], width: 8 },
        { signals: ['ingestionRate'], width: 8 },
        { signals: ['headSeries'], width: 8 },
        { signals: ['scrapeProblems'], width: 24 },
      ],
    },
    {
      title: 'Storage',
      panels: [
        { signals: ['storageSize'], width: 8 },
        { signals: ['compactionsFailed'], width: 8 },
        { signals: ['tsdbFailures'], width: 8 },
      ],
    },
    {
      title: 'Queries and rules',
      panels: [
        { signals: ['queryLatency'], width: 8 },
        { signals: ['queryLoad'], width: 8 },
        { signals: ['ruleGroupLoad'], width: 8 },
        { signals: ['ruleEvaluationFailures'], width: 12 },
        { signals: ['ruleGroupsMissed'], width: 12 },
      ],
    },
    {
      title: 'Alert delivery',
      panels: [
        { signals: ['notificationErrors'], width: 8 },
        { signals: ['notificationsDropped'], width: 8 },
        { signals: ['notificationQueue'], width: 8 },
      ],
    },
    {
      title: 'Remote write',
      panels: [
        { signals: ['remoteWritePending'], width: 6 },
        { signals: ['remoteWriteFailures'], width: 6 },
        { signals: ['remoteWriteShards'], width: 6 },
        { signals: ['remoteWriteLag'], width: 6 },
      ],
    },
  ],
});
