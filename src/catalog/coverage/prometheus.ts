import { APA_COMMIT, APA_URL } from './references';
import type { ExporterCoverage } from './types';

const HA_GROUP =
  'needs the HA group labels the mixin is configured with (prometheusHAGroupLabels); our rules drop the replica labels and fire once per target, so a member that is down or not ingesting is PrometheusTargetDown or PrometheusNotIngestingSamples of that member';
const ALERTMANAGER_PACK = 'an Alertmanager failure, alerted by the Alertmanager pack:';

export const prometheusCoverage: ExporterCoverage = {
  exporter: 'prometheus',
  references: [
    {
      id: 'mixin',
      title: 'prometheus-mixin',
      kind: 'mixin',
      url: 'https://github.com/prometheus/prometheus/tree/v3.14.0/documentation/prometheus-mixin',
      version: 'v3.14.0',
    },
    {
      id: 'apa',
      title: 'awesome-prometheus-alerts: Prometheus self-monitoring',
      kind: 'alert collection',
      url: APA_URL,
      version: `commit ${APA_COMMIT.slice(0, 12)}`,
    },
  ],
  fewerAlertsBecause:
    'awesome-prometheus-alerts lists 36 self-monitoring rules and the mixin 27: several are one failure at several thresholds or split by counter (we alert once per failure with the counters summed: seven TSDB failure rules are PrometheusTSDBFailures, four scrape-limit rules PrometheusScrapeLimitHit), six are Alertmanager failures the Alertmanager pack alerts on, three need the mixin’s HA-group labels, and a few are expensive or noisy (cardinality over every series, scrape interval quantiles).',
  rows: [
    // prometheus-mixin alerts.libsonnet
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusBadConfig',
      status: { covered: ['alert:config-reload-failed'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusSDRefreshFailure',
      status: { added: ['alert:discovery-failing'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusKubernetesListWatchFailures',
      status: {
        notTaken:
          'Kubernetes service discovery only; the pack monitors Prometheus servers discovering any way, and a Kubernetes API that fails shows as targets disappearing (PrometheusTargetDown)',
      },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusNotificationQueueRunningFull',
      status: { covered: ['alert:notification-queue'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusErrorSendingAlertsToSomeAlertmanagers',
      status: { covered: ['alert:notification-errors'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusNotConnectedToAlertmanagers',
      status: { covered: ['alert:no-alertmanager'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusTSDBReloadsFailing',
      status: { covered: ['alert:tsdb-failures'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusTSDBCompactionsFailing',
      status: { covered: ['alert:compactions-failing'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusNotIngestingSamples',
      status: { covered: ['alert:not-ingesting'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusDuplicateTimestamps',
      status: { added: ['alert:samples-rejected'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusOutOfOrderTimestamps',
      status: { added: ['alert:samples-rejected'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusRemoteStorageFailures',
      status: { covered: ['alert:remote-write-failing'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusRemoteWriteBehind',
      status: { covered: ['alert:remote-write-behind'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusRemoteWriteDesiredShards',
      status: {
        notTaken:
          'wanting more shards than max_shards is a cause; its effect, samples falling behind, is PrometheusRemoteWriteBehind, and the Remote write row draws shards beside desired shards',
      },
    },
    { reference: 'mixin', kind: 'alert', item: 'PrometheusRuleFailures', status: { covered: ['alert:rule-failures'] } },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusMissingRuleEvaluations',
      status: { covered: ['alert:missed-evaluations'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusTargetLimitHit',
      status: { added: ['alert:scrape-limit-hit'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusLabelLimitHit',
      status: { added: ['alert:scrape-limit-hit'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusScrapeBodySizeLimitHit',
      status: { added: ['alert:scrape-limit-hit'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusScrapeSampleLimitHit',
      status: { added: ['alert:scrape-limit-hit'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusTargetSyncFailure',
      status: { added: ['alert:discovery-failing'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusHighQueryLoad',
      status: { added: ['alert:query-load-high'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusErrorSendingAlertsToAnyAlertmanager (per server)',
      status: { covered: ['alert:notification-errors', 'alert:notifications-dropped'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'PrometheusErrorSendingAlertsToAnyAlertmanager (per HA group)',
      status: { notTaken: HA_GROUP },
    },
    { reference: 'mixin', kind: 'alert', item: 'PrometheusHAGroupNotIngestingSamples', status: { notTaken: HA_GROUP } },
    { reference: 'mixin', kind: 'alert', item: 'PrometheusHAGroupDown', status: { notTaken: HA_GROUP } },
    { reference: 'mixin', kind: 'alert', item: 'PrometheusHAGroupCrashlooping', status: { notTaken: HA_GROUP } },
    // awesome-prometheus-alerts, Prometheus self-monitoring
    { reference: 'apa', kind: 'alert', item: 'Prometheus target missing', status: { covered: ['alert:target-down'] } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus all targets missing',
      status: {
        notTaken:
          'duplicates PrometheusTargetDown, which already fires for every target of the job; a second rule per job would page twice for one failure',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus target missing with warmup time',
      status: {
        notTaken:
          'joins up with node_exporter’s boot time, so it only works where every target runs on a host with node_exporter under the same instance label; PrometheusTargetDown waits 5 minutes instead',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus not connected to alertmanager',
      status: { covered: ['alert:no-alertmanager'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus job missing',
      status: {
        notTaken:
          'absent(up{job="prometheus"}) evaluated by the Prometheus it watches cannot fire when that server is down; the Watchdog, silent at the receiver, is the dead man’s switch for it',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus AlertManager job missing',
      status: {
        notTaken: `${ALERTMANAGER_PACK} a stopped Alertmanager is PrometheusTargetDown of its target and PrometheusNotConnectedToAlertmanagers`,
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus target scrape out of order',
      status: { added: ['alert:samples-rejected'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus AlertManager E2E dead man switch',
      status: { covered: ['alert:watchdog'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus rule evaluation failures',
      status: { covered: ['alert:rule-failures'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus template text expansion failures',
      status: {
        notTaken:
          'a broken annotation template still delivers the alert (with an error text in place of the value); the rule files are generated and promtool-tested, so no template of ours can fail',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus AlertManager notification failing',
      status: { notTaken: `${ALERTMANAGER_PACK} AlertmanagerNotificationsFailing` },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus target empty',
      status: {
        notTaken:
          'a service discovery returning no targets is the normal state of an unused job (a scaled-down group); a discovery that fails is PrometheusDiscoveryFailing',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus TSDB checkpoint creation failures',
      status: { covered: ['alert:tsdb-failures'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus TSDB checkpoint deletion failures',
      status: {
        notTaken:
          'a checkpoint left behind only costs disk space until the next one succeeds; the creation failures that lose data are in PrometheusTSDBFailures',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus TSDB compactions failed',
      status: { covered: ['alert:compactions-failing'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus TSDB head truncations failed',
      status: { covered: ['alert:tsdb-failures'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus TSDB reload failures',
      status: { covered: ['alert:tsdb-failures'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus TSDB WAL corruptions',
      status: { covered: ['alert:tsdb-failures'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus TSDB WAL truncations failed',
      status: { covered: ['alert:tsdb-failures'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus error sending alerts to any AlertManager',
      status: { covered: ['alert:notification-errors', 'alert:notifications-dropped'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus not ingesting samples',
      status: { covered: ['alert:not-ingesting'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus target sync failure',
      status: { added: ['alert:discovery-failing'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus too many restarts',
      status: {
        notTaken:
          'a crash-looping Prometheus evaluates rules only between crashes; its target going down (seen by a peer) and the Watchdog falling silent at the receiver catch it, the Alertmanager pack’s rules its Alertmanagers',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus rule evaluation slow',
      status: { covered: ['alert:missed-evaluations'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus notifications backlog',
      status: { covered: ['alert:notification-queue'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus target scraping slow',
      status: {
        notTaken:
          'compares the p90 and median of the actual scrape interval, which jitter by more than 5% on a busy but healthy server; scrapes that really fail are PrometheusTargetDown',
      },
    },
    { reference: 'apa', kind: 'alert', item: 'Prometheus large scrape', status: { added: ['alert:scrape-limit-hit'] } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus target scrape duplicate',
      status: { added: ['alert:samples-rejected'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus timeseries cardinality',
      status: {
        notTaken:
          'counts every series of the server by metric name at every evaluation, itself one of the most expensive queries a Prometheus can run; the Head series panel shows the total',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus error sending alerts to AlertManager',
      status: { covered: ['alert:notification-errors'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus service discovery refresh failure',
      status: { added: ['alert:discovery-failing'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus rule evaluations missed',
      status: { covered: ['alert:missed-evaluations'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus high query load',
      status: { added: ['alert:query-load-high'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus configuration reload failure',
      status: { covered: ['alert:config-reload-failed'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus AlertManager configuration reload failure',
      status: { notTaken: `${ALERTMANAGER_PACK} AlertmanagerConfigReloadFailed` },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Prometheus AlertManager config not synced',
      status: { notTaken: `${ALERTMANAGER_PACK} AlertmanagerConfigInconsistent` },
    },
    // prometheus-mixin dashboards.libsonnet: Overview and Remote Write
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Prometheus Stats (version, uptime)',
      status: { covered: ['panel:up', 'panel:configReloadSuccessful'] },
    },
    { reference: 'mixin', kind: 'view', item: 'Target Sync', status: { added: ['panel:scrapeProblems'] } },
    { reference: 'mixin', kind: 'view', item: 'Targets', status: { covered: ['panel:targetsDown'] } },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Average Scrape Interval Duration',
      status: {
        notTaken:
          'a per-interval summary of how late scrapes start, useful when tuning a saturated server; failed scrapes (Targets down) and rejected ones (Rejected scrapes and samples) are what break data',
      },
    },
    { reference: 'mixin', kind: 'view', item: 'Scrape failures', status: { added: ['panel:scrapeProblems'] } },
    { reference: 'mixin', kind: 'view', item: 'Appended Samples', status: { covered: ['panel:ingestionRate'] } },
    { reference: 'mixin', kind: 'view', item: 'Head Series', status: { covered: ['panel:headSeries'] } },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Head Chunks',
      status: {
        notTaken: 'follows Head series closely (chunks per series vary little); the Head series panel shows the growth',
      },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Query Rate',
      status: { added: ['panel:queryLoad'] },
    },
    { reference: 'mixin', kind: 'view', item: 'Stage Duration', status: { covered: ['panel:queryLatency'] } },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Remote Write: Highest Enqueued Timestamp vs. Highest Timestamp Sent',
      status: { covered: ['panel:remoteWriteLag'] },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Remote Write: Current, Max, Min and Desired Shards, Shard Capacity',
      status: { covered: ['panel:remoteWriteShards'] },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Remote Write: Pending Samples',
      status: { covered: ['panel:remoteWritePending'] },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Remote Write: Dropped, Failed and Retried Samples, Enqueue Retries',
      status: { covered: ['panel:remoteWriteFailures'] },
    },
    {
      reference: 'mixin',
      kind: 'view',
      item: 'Remote Write: TSDB and Remote Write Current Segment',
      status: {
        notTaken:
          'WAL segment numbers are an internal position; how far remote write trails is the lag in seconds, drawn by Remote write lag',
      },
    },
  ],
};
