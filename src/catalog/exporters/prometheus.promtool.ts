/**
 * promtool cases for the prometheus alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import { firstEventCounts, type FireAndQuiet, type PromtoolCases } from '../promtool-cases';
import { TSDB_FAILURES } from './prometheus';

// Every series comes from a family's fixture (tests/fixtures/exporters/prometheus-*.prom); `up` is Prometheus' own.
const BEFORE_3_10 = 'Prometheus 2.42 – 3.9';
const FROM_3_10 = 'Prometheus ≥ 3.10';
const TARGET = { job: 'prometheus', instance: 'prom-1:9090' };
const prom = familyFixture('prometheus', BEFORE_3_10).at(TARGET);
const prom310 = familyFixture('prometheus', FROM_3_10).at(TARGET);
const promWithRules = familyFixture('prometheus', BEFORE_3_10).at({ ...TARGET, instance: 'prom-2:9090' });
const AM1 = { alertmanager: 'http://am-1:9093/api/v2/alerts' };
const AM2 = { alertmanager: 'http://am-2:9093/api/v2/alerts' };
const RULES = { rule_group: '/etc/prometheus/rules.yml;node' };
const LTS = { remote_name: 'lts', url: 'http://lts/write' };

// Build info as each family's fixture exposes it: the version says which count errors_total keeps.
const buildInfo242 = prom.series('prometheus_build_info', {
  branch: 'debian/sid',
  goarch: 'amd64',
  goos: 'linux',
  goversion: 'go1.19.8',
  revision: '2.42.0+ds-5+deb12u1',
  version: '2.42.0+ds',
});
const buildInfo310 = prom310.series('prometheus_build_info', {
  branch: 'HEAD',
  goarch: 'amd64',
  goos: 'linux',
  goversion: 'go1.25.5',
  revision: '0000000000000000000000000000000000000000',
  tags: 'netgo,builtinassets',
  version: '3.10.0',
});

/**
 * One server's sends to one Alertmanager, as promtool values: failed sends, send requests (the latency summary's
 * count, which the 2.42 – 3.0 share divides by) and alerts sent.
 */
const deliveryTo = (
  at: typeof prom,
  alertmanager: Record<string, string>,
  values: { errors: string; requests?: string; sent: string }
) => [
  { series: at.series('prometheus_notifications_errors_total', alertmanager), values: values.errors },
  ...(values.requests === undefined
    ? []
    : [{ series: at.series('prometheus_notifications_latency_seconds_count', alertmanager), values: values.requests }]),
  { series: at.series('prometheus_notifications_sent_total', alertmanager), values: values.sent },
];

/** Alerts dropped at 5 a minute, or a counter standing at 7, on one target's series of `labels`. */
const droppedPair = (at: typeof prom, labels: Record<string, string>) => ({
  fires: {
    series: [{ series: at.series('prometheus_notifications_dropped_total', labels), values: '0+5x30' }],
    evalTime: '25m',
    labels: { ...TARGET, ...labels },
  },
  quiet: {
    series: [{ series: at.series('prometheus_notifications_dropped_total', labels), values: '7x30' }],
    evalTime: '25m',
  },
});

/** The same fire and quiet cases built from each family's fixture: these names did not change in 2.42 – 3.14. */
const bothFamilies = (build: (at: typeof prom) => FireAndQuiet) => ({
  family: BEFORE_3_10,
  ...build(prom),
  otherFamilies: [{ family: FROM_3_10, ...build(prom310) }],
});

export const prometheusPromtoolCases: PromtoolCases = {
  // Sync failures alone on 2.42 (no refresh-based discovery there): a job added by a reload whose one
  // target fails from its first sync, re-synced by its discovery every third minute, its series created
  // by that first sync at 1 (prometheus.ts); on 3.10 a dns refresh failing. A single failed sync that
  // recovers stays quiet: it is in the 5-minute increase from minute 6 to 10, and evaluated at 10 only
  // the 15-minute `for` keeps it quiet.
  'discovery-failing': bothFamilies((at) => ({
    fires:
      at === prom
        ? {
            ...firstEventCounts(
              at.series('prometheus_target_sync_failed_total', { scrape_job: 'node' }),
              at.scrape('scrape_samples_scraped')
            ),
            labels: TARGET,
          }
        : {
            series: [
              { series: at.series('prometheus_target_sync_failed_total', { scrape_job: 'node' }), values: '0x30' },
              {
                series: at.series('prometheus_sd_refresh_failures_total', { config: 'node', mechanism: 'dns' }),
                values: '0+2x30',
              },
            ],
            evalTime: '25m',
            labels: TARGET,
          },
    quiet: {
      series: [
        { series: at.series('prometheus_target_sync_failed_total', { scrape_job: 'node' }), values: '0x5 1x25' },
      ],
      evalTime: '10m',
    },
  })),
  'samples-rejected': bothFamilies((at) => ({
    fires: {
      series: [
        { series: at.series('prometheus_target_scrapes_sample_duplicate_timestamp_total'), values: '0+30x30' },
        { series: at.series('prometheus_target_scrapes_sample_out_of_order_total'), values: '0x30' },
      ],
      evalTime: '25m',
      labels: TARGET,
    },
    quiet: {
      series: [
        { series: at.series('prometheus_target_scrapes_sample_duplicate_timestamp_total'), values: '4x30' },
        { series: at.series('prometheus_target_scrapes_sample_out_of_order_total'), values: '2x30' },
      ],
      evalTime: '25m',
    },
  })),
  'scrape-limit-hit': bothFamilies((at) => ({
    fires: {
      series: [
        { series: at.series('prometheus_target_scrapes_exceeded_sample_limit_total'), values: '0+1x30' },
        { series: at.series('prometheus_target_scrapes_exceeded_body_size_limit_total'), values: '0x30' },
        { series: at.series('prometheus_target_scrape_pool_exceeded_target_limit_total'), values: '0x30' },
        { series: at.series('prometheus_target_scrape_pool_exceeded_label_limits_total'), values: '0x30' },
      ],
      evalTime: '25m',
      labels: TARGET,
    },
    quiet: {
      series: [
        { series: at.series('prometheus_target_scrapes_exceeded_sample_limit_total'), values: '3x30' },
        { series: at.series('prometheus_target_scrapes_exceeded_body_size_limit_total'), values: '0x30' },
        { series: at.series('prometheus_target_scrape_pool_exceeded_target_limit_total'), values: '1x30' },
        { series: at.series('prometheus_target_scrape_pool_exceeded_label_limits_total'), values: '0x30' },
      ],
      evalTime: '25m',
    },
  })),
  'query-load-high': bothFamilies((at) => ({
    fires: {
      series: [
        { series: at.series('prometheus_engine_queries'), values: '18x30' },
        { series: at.series('prometheus_engine_queries_concurrent_max'), values: '20x30' },
      ],
      evalTime: '25m',
      labels: TARGET,
    },
    // A burst that fills the slots for a minute, then drains: evaluated at minute 16, its last in the 5-minute
    // maximum, where only the 15-minute `for` keeps it quiet.
    quiet: {
      series: [
        { series: at.series('prometheus_engine_queries'), values: '2x10 20 2x20' },
        { series: at.series('prometheus_engine_queries_concurrent_max'), values: '20x30' },
      ],
      evalTime: '16m',
    },
  })),
  watchdog: {
    family: 'Prometheus 2.42 – 3.9',
    fires: {
      series: [{ series: 'up{job="prometheus",instance="prom-1:9090"}', values: '1x10' }],
      evalTime: '5m',
      labels: {},
    },
    // A switch is never quiet once running; the only quiet moment is its first minute, before
    // `for` elapses, which also proves the rule waits as declared.
    quiet: {
      series: [{ series: 'up{job="prometheus",instance="prom-1:9090"}', values: '1x10' }],
      evalTime: '0m',
    },
  },
  'target-down': {
    family: 'Prometheus 2.42 – 3.9',
    fires: {
      series: [{ series: 'up{job="node",instance="host-1:9100"}', values: '1x5 0x20' }],
      evalTime: '20m',
      labels: { job: 'node', instance: 'host-1:9100' },
    },
    quiet: {
      series: [{ series: 'up{job="node",instance="host-1:9100"}', values: '1x25' }],
      evalTime: '20m',
    },
  },
  'config-reload-failed': {
    family: 'Prometheus 2.42 – 3.9',
    fires: {
      series: [
        {
          series: prom.series('prometheus_config_last_reload_successful'),
          values: '1x5 0x25',
        },
      ],
      evalTime: '25m',
      labels: TARGET,
    },
    quiet: {
      series: [
        {
          series: prom.series('prometheus_config_last_reload_successful'),
          values: '1x30',
        },
      ],
      evalTime: '25m',
    },
  },
  'rule-failures': {
    family: 'Prometheus 2.42 – 3.9',
    fires: {
      series: [
        {
          series: prom.series('prometheus_rule_evaluation_failures_total', RULES),
          values: '0+2x40',
        },
      ],
      evalTime: '30m',
      labels: { job: 'prometheus', instance: 'prom-1:9090', rule_group: '/etc/prometheus/rules.yml;node' },
    },
    quiet: {
      series: [
        {
          series: prom.series('prometheus_rule_evaluation_failures_total', RULES),
          values: '3x40',
        },
      ],
      evalTime: '30m',
    },
  },
  'missed-evaluations': {
    family: 'Prometheus 2.42 – 3.9',
    fires: {
      series: [
        {
          series: prom.series('prometheus_rule_group_iterations_missed_total', RULES),
          values: '0+1x40',
        },
      ],
      evalTime: '30m',
      labels: { job: 'prometheus', instance: 'prom-1:9090', rule_group: '/etc/prometheus/rules.yml;node' },
    },
    quiet: {
      series: [
        {
          series: prom.series('prometheus_rule_group_iterations_missed_total', RULES),
          values: '2x40',
        },
      ],
      evalTime: '30m',
    },
  },
  // Since 2.40 (so every supported version, 2.42 on) the appended-samples counter has one series per
  // sample type, type="float" and type="histogram" (tsdb/head.go): the alert must sum them before it
  // joins on the target, or it never fires.
  'not-ingesting': {
    family: 'Prometheus 2.42 – 3.9',
    fires: {
      series: [
        {
          series: prom.series('prometheus_tsdb_head_samples_appended_total', { type: 'float' }),
          values: '0+6000x10 60000x30',
        },
        {
          series: prom.series('prometheus_tsdb_head_samples_appended_total', { type: 'histogram' }),
          values: '0x40',
        },
        {
          series: prom.series('prometheus_target_metadata_cache_entries', { scrape_job: 'node' }),
          values: '100x40',
        },
      ],
      evalTime: '35m',
      labels: TARGET,
    },
    // Only native histograms are being appended: the float series is flat, the total is not.
    quiet: {
      series: [
        {
          series: prom.series('prometheus_tsdb_head_samples_appended_total', { type: 'float' }),
          values: '60000x40',
        },
        {
          series: prom.series('prometheus_tsdb_head_samples_appended_total', { type: 'histogram' }),
          values: '0+6000x40',
        },
        {
          series: prom.series('prometheus_target_metadata_cache_entries', { scrape_job: 'node' }),
          values: '100x40',
        },
      ],
      evalTime: '35m',
    },
  },
  'compactions-failing': {
    family: 'Prometheus 2.42 – 3.9',
    fires: {
      series: [
        {
          series: prom.series('prometheus_tsdb_compactions_failed_total'),
          values: '0x10 1x30',
        },
      ],
      evalTime: '35m',
      labels: TARGET,
    },
    quiet: {
      series: [
        {
          series: prom.series('prometheus_tsdb_compactions_failed_total'),
          values: '0x40',
        },
      ],
      evalTime: '35m',
    },
  },
  'tsdb-failures': {
    family: 'Prometheus 2.42 – 3.9',
    fires: {
      series: TSDB_FAILURES.map((metric) => ({
        series: prom.series(metric),
        values: metric === 'prometheus_tsdb_wal_writes_failed_total' ? '0x10 4x30' : '0x40',
      })),
      evalTime: '35m',
      labels: TARGET,
    },
    quiet: {
      series: TSDB_FAILURES.map((metric) => ({
        series: prom.series(metric),
        values: '0x40',
      })),
      evalTime: '35m',
    },
  },
  // A server without rule groups has no alerts to send: an edge remote-writing to a store that evaluates the
  // rules reports 0 Alertmanagers for ever (the stack's dc1/dc2 edges do) and must stay quiet.
  // One failed self-scrape at minute 18 marks both series stale: read at the instant, the filter lost the
  // server there and the `for` started again (firing at 29m, not 21m).
  'no-alertmanager': {
    family: BEFORE_3_10,
    fires: {
      series: [
        { series: prom.series('prometheus_notifications_alertmanagers_discovered'), values: '1x5 0x12 stale 0x12' },
        { series: prom.series('prometheus_rule_group_rules', RULES), values: '12x18 stale 12x12' },
      ],
      evalTime: '25m',
      labels: TARGET,
    },
    // An edge without rules (nothing to send) beside a server with rules that reaches its Alertmanager.
    quiet: {
      series: [
        { series: prom.series('prometheus_notifications_alertmanagers_discovered'), values: '0x30' },
        { series: promWithRules.series('prometheus_notifications_alertmanagers_discovered'), values: '1x30' },
        { series: promWithRules.series('prometheus_rule_group_rules', RULES), values: '12x30' },
      ],
      evalTime: '25m',
    },
  },
  // Half the requests to one Alertmanager failing (an Alertmanager pair behind one address, one of them down),
  // at the rates a Debian 2.42.0 with 931 alerts firing sent to each Alertmanager: 8 requests a minute of 485
  // alerts in all (batches of at most 64, notifier/notifier.go v2.42.0). It counted 1 error per failed request
  // but every alert as sent (v2.42.0 sendAll), so errors / sent read 0.82 %, under the 1 % threshold, while half
  // the alerts were lost. From 3.1 both counters count alerts (v3.1.0: "notifier: fix increment of metric
  // prometheus_notifications_errors_total").
  'notification-errors': {
    family: BEFORE_3_10,
    fires: {
      series: [
        { series: buildInfo242, values: '1x40' },
        ...deliveryTo(prom, AM1, { errors: '0x40', requests: '0+8x40', sent: '0+485x40' }),
        ...deliveryTo(prom, AM2, { errors: '0+4x40', requests: '0+8x40', sent: '0+485x40' }),
      ],
      evalTime: '30m',
      labels: { ...TARGET, ...AM2 },
    },
    // A failed request now and then: 0.06 of 8 a minute is 0.75 % of requests, under the 1 % warning.
    quiet: {
      series: [
        { series: buildInfo242, values: '1x40' },
        ...deliveryTo(prom, AM1, { errors: '0+0.06x40', requests: '0+8x40', sent: '0+485x40' }),
      ],
      evalTime: '30m',
    },
    otherFamilies: [
      {
        family: FROM_3_10,
        fires: {
          series: [
            { series: buildInfo310, values: '1x40' },
            ...deliveryTo(prom310, AM2, { errors: '0+242x40', sent: '0+485x40' }),
          ],
          evalTime: '30m',
          labels: { ...TARGET, ...AM2 },
        },
        quiet: {
          series: [
            { series: buildInfo310, values: '1x40' },
            ...deliveryTo(prom310, AM2, { errors: '0+4x40', sent: '0+485x40' }),
          ],
          evalTime: '30m',
        },
      },
    ],
  },
  // Prometheus 3.10 gave every Alertmanager its own queue: queue_length gained `alertmanager`,
  // queue_capacity did not (notifier/metric.go). Before 3.10 neither has it.
  'notification-queue': {
    family: BEFORE_3_10,
    fires: {
      series: [
        {
          series: prom.series('prometheus_notifications_queue_length'),
          values: '8000x30',
        },
        {
          series: prom.series('prometheus_notifications_queue_capacity'),
          values: '10000x30',
        },
      ],
      evalTime: '25m',
      labels: TARGET,
    },
    quiet: {
      series: [
        {
          series: prom.series('prometheus_notifications_queue_length'),
          values: '0x30',
        },
        {
          series: prom.series('prometheus_notifications_queue_capacity'),
          values: '10000x30',
        },
      ],
      evalTime: '25m',
    },
    otherFamilies: [
      {
        family: FROM_3_10,
        fires: {
          series: [
            {
              series: prom310.series('prometheus_notifications_queue_length', AM1),
              values: '8000x30',
            },
            {
              series: prom310.series('prometheus_notifications_queue_length', AM2),
              values: '0x30',
            },
            {
              series: prom310.series('prometheus_notifications_queue_capacity'),
              values: '10000x30',
            },
          ],
          evalTime: '25m',
          labels: { job: 'prometheus', instance: 'prom-1:9090', alertmanager: 'http://am-1:9093/api/v2/alerts' },
        },
        quiet: {
          series: [
            {
              series: prom310.series('prometheus_notifications_queue_length', AM1),
              values: '10x30',
            },
            {
              series: prom310.series('prometheus_notifications_queue_length', AM2),
              values: '0x30',
            },
            {
              series: prom310.series('prometheus_notifications_queue_capacity'),
              values: '10000x30',
            },
          ],
          evalTime: '25m',
        },
      },
    ],
  },
  // From 3.10 each Alertmanager's send loop drops into its own series, labelled `alertmanager`
  // (notifier/sendloop.go); before, one unlabelled counter.
  'notifications-dropped': {
    family: BEFORE_3_10,
    ...droppedPair(prom, {}),
    otherFamilies: [{ family: FROM_3_10, ...droppedPair(prom310, AM1) }],
  },
  'remote-write-behind': {
    family: 'Prometheus 2.42 – 3.9',
    fires: {
      series: [
        {
          series: prom.series('prometheus_remote_storage_highest_timestamp_in_seconds'),
          values: '10000+60x30',
        },
        {
          series: prom.series('prometheus_remote_storage_queue_highest_sent_timestamp_seconds', LTS),
          values: '9000+30x30',
        },
      ],
      evalTime: '25m',
      labels: { job: 'prometheus', instance: 'prom-1:9090', remote_name: 'lts', url: 'http://lts/write' },
    },
    quiet: {
      series: [
        {
          series: prom.series('prometheus_remote_storage_highest_timestamp_in_seconds'),
          values: '10000+60x30',
        },
        {
          series: prom.series('prometheus_remote_storage_queue_highest_sent_timestamp_seconds', LTS),
          values: '9990+60x30',
        },
      ],
      evalTime: '25m',
    },
  },
  // samples_total counts every attempted sample, the failed ones too (storage/remote/queue_manager.go): 101
  // failed of 10,000 attempted a minute is 1.01 %, over the 1 % threshold; failed / (failed + total) read 0.9999 %.
  'remote-write-failing': {
    family: 'Prometheus 2.42 – 3.9',
    fires: {
      series: [
        {
          series: prom.series('prometheus_remote_storage_samples_failed_total', LTS),
          values: '0+101x40',
        },
        {
          series: prom.series('prometheus_remote_storage_samples_total', LTS),
          values: '0+10000x40',
        },
      ],
      evalTime: '30m',
      labels: { job: 'prometheus', instance: 'prom-1:9090', remote_name: 'lts', url: 'http://lts/write' },
    },
    quiet: {
      series: [
        {
          series: prom.series('prometheus_remote_storage_samples_failed_total', LTS),
          values: '0x40',
        },
        {
          series: prom.series('prometheus_remote_storage_samples_total', LTS),
          values: '0+1000x40',
        },
      ],
      evalTime: '30m',
    },
  },
};
