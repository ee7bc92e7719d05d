/**
 * promtool cases for the prometheus alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';
import { TSDB_FAILURES } from './prometheus';

export const prometheusPromtoolCases: PromtoolCases = {
  watchdog: {
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
    fires: {
      series: [
        {
          series: 'prometheus_config_last_reload_successful{job="prometheus",instance="prom-1:9090"}',
          values: '1x5 0x25',
        },
      ],
      evalTime: '25m',
      labels: { job: 'prometheus', instance: 'prom-1:9090' },
    },
    quiet: {
      series: [
        {
          series: 'prometheus_config_last_reload_successful{job="prometheus",instance="prom-1:9090"}',
          values: '1x30',
        },
      ],
      evalTime: '25m',
    },
  },
  'rule-failures': {
    fires: {
      series: [
        {
          series:
            'prometheus_rule_evaluation_failures_total{job="prometheus",instance="prom-1:9090",rule_group="/etc/prometheus/rules.yml;node"}',
          values: '0+2x40',
        },
      ],
      evalTime: '30m',
      labels: { job: 'prometheus', instance: 'prom-1:9090', rule_group: '/etc/prometheus/rules.yml;node' },
    },
    quiet: {
      series: [
        {
          series:
            'prometheus_rule_evaluation_failures_total{job="prometheus",instance="prom-1:9090",rule_group="/etc/prometheus/rules.yml;node"}',
          values: '3x40',
        },
      ],
      evalTime: '30m',
    },
  },
  'missed-evaluations': {
    fires: {
      series: [
        {
          series:
            'prometheus_rule_group_iterations_missed_total{job="prometheus",instance="prom-1:9090",rule_group="/etc/prometheus/rules.yml;node"}',
          values: '0+1x40',
        },
      ],
      evalTime: '30m',
      labels: { job: 'prometheus', instance: 'prom-1:9090', rule_group: '/etc/prometheus/rules.yml;node' },
    },
    quiet: {
      series: [
        {
          series:
            'prometheus_rule_group_iterations_missed_total{job="prometheus",instance="prom-1:9090",rule_group="/etc/prometheus/rules.yml;node"}',
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
    family: 'Prometheus ≥ 2.40',
    fires: {
      series: [
        {
          series: 'prometheus_tsdb_head_samples_appended_total{job="prometheus",instance="prom-1:9090",type="float"}',
          values: '0+6000x10 60000x30',
        },
        {
          series:
            'prometheus_tsdb_head_samples_appended_total{job="prometheus",instance="prom-1:9090",type="histogram"}',
          values: '0x40',
        },
        {
          series: 'prometheus_target_metadata_cache_entries{job="prometheus",instance="prom-1:9090",scrape_job="node"}',
          values: '100x40',
        },
      ],
      evalTime: '35m',
      labels: { job: 'prometheus', instance: 'prom-1:9090' },
    },
    // Only native histograms are being appended: the float series is flat, the total is not.
    quiet: {
      series: [
        {
          series: 'prometheus_tsdb_head_samples_appended_total{job="prometheus",instance="prom-1:9090",type="float"}',
          values: '60000x40',
        },
        {
          series:
            'prometheus_tsdb_head_samples_appended_total{job="prometheus",instance="prom-1:9090",type="histogram"}',
          values: '0+6000x40',
        },
        {
          series: 'prometheus_target_metadata_cache_entries{job="prometheus",instance="prom-1:9090",scrape_job="node"}',
          values: '100x40',
        },
      ],
      evalTime: '35m',
    },
  },
  'compactions-failing': {
    fires: {
      series: [
        {
          series: 'prometheus_tsdb_compactions_failed_total{job="prometheus",instance="prom-1:9090"}',
          values: '0x10 1x30',
        },
      ],
      evalTime: '35m',
      labels: { job: 'prometheus', instance: 'prom-1:9090' },
    },
    quiet: {
      series: [
        {
          series: 'prometheus_tsdb_compactions_failed_total{job="prometheus",instance="prom-1:9090"}',
          values: '0x40',
        },
      ],
      evalTime: '35m',
    },
  },
  'tsdb-failures': {
    fires: {
      series: TSDB_FAILURES.map((metric) => ({
        series: `${metric}{job="prometheus",instance="prom-1:9090"}`,
        values: metric === 'prometheus_tsdb_wal_writes_failed_total' ? '0x10 4x30' : '0x40',
      })),
      evalTime: '35m',
      labels: { job: 'prometheus', instance: 'prom-1:9090' },
    },
    quiet: {
      series: TSDB_FAILURES.map((metric) => ({
        series: `${metric}{job="prometheus",instance="prom-1:9090"}`,
        values: '0x40',
      })),
      evalTime: '35m',
    },
  },
  'no-alertmanager': {
    fires: {
      series: [
        {
          series: 'prometheus_notifications_alertmanagers_discovered{job="prometheus",instance="prom-1:9090"}',
          values: '1x5 0x25',
        },
      ],
      evalTime: '25m',
      labels: { job: 'prometheus', instance: 'prom-1:9090' },
    },
    quiet: {
      series: [
        {
          series: 'prometheus_notifications_alertmanagers_discovered{job="prometheus",instance="prom-1:9090"}',
          values: '2x30',
        },
      ],
      evalTime: '25m',
    },
  },
  'notification-errors': {
    fires: {
      series: [
        {
          series:
            'prometheus_notifications_errors_total{job="prometheus",instance="prom-1:9090",alertmanager="http://am-1:9093/api/v2/alerts"}',
          values: '0+10x40',
        },
        {
          series:
            'prometheus_notifications_sent_total{job="prometheus",instance="prom-1:9090",alertmanager="http://am-1:9093/api/v2/alerts"}',
          values: '0+100x40',
        },
      ],
      evalTime: '30m',
      labels: { job: 'prometheus', instance: 'prom-1:9090', alertmanager: 'http://am-1:9093/api/v2/alerts' },
    },
    quiet: {
      series: [
        {
          series:
            'prometheus_notifications_errors_total{job="prometheus",instance="prom-1:9090",alertmanager="http://am-1:9093/api/v2/alerts"}',
          values: '0x40',
        },
        {
          series:
            'prometheus_notifications_sent_total{job="prometheus",instance="prom-1:9090",alertmanager="http://am-1:9093/api/v2/alerts"}',
          values: '0+100x40',
        },
      ],
      evalTime: '30m',
    },
  },
  // Prometheus 3.10 gave every Alertmanager its own queue: queue_length gained `alertmanager`,
  // queue_capacity did not (notifier/metric.go). Before 3.10 neither has it.
  'notification-queue': {
    family: 'Prometheus 2.42 – 3.9',
    fires: {
      series: [
        {
          series: 'prometheus_notifications_queue_length{job="prometheus",instance="prom-1:9090"}',
          values: '8000x30',
        },
        {
          series: 'prometheus_notifications_queue_capacity{job="prometheus",instance="prom-1:9090"}',
          values: '10000x30',
        },
      ],
      evalTime: '25m',
      labels: { job: 'prometheus', instance: 'prom-1:9090' },
    },
    quiet: {
      series: [
        {
          series: 'prometheus_notifications_queue_length{job="prometheus",instance="prom-1:9090"}',
          values: '0x30',
        },
        {
          series: 'prometheus_notifications_queue_capacity{job="prometheus",instance="prom-1:9090"}',
          values: '10000x30',
        },
      ],
      evalTime: '25m',
    },
    otherFamilies: [
      {
        family: 'Prometheus ≥ 3.10',
        fires: {
          series: [
            {
              series:
                'prometheus_notifications_queue_length{job="prometheus",instance="prom-1:9090",alertmanager="http://am-1:9093/api/v2/alerts"}',
              values: '8000x30',
            },
            {
              series:
                'prometheus_notifications_queue_length{job="prometheus",instance="prom-1:9090",alertmanager="http://am-2:9093/api/v2/alerts"}',
              values: '0x30',
            },
            {
              series: 'prometheus_notifications_queue_capacity{job="prometheus",instance="prom-1:9090"}',
              values: '10000x30',
            },
          ],
          evalTime: '25m',
          labels: { job: 'prometheus', instance: 'prom-1:9090', alertmanager: 'http://am-1:9093/api/v2/alerts' },
        },
        quiet: {
          series: [
            {
              series:
                'prometheus_notifications_queue_length{job="prometheus",instance="prom-1:9090",alertmanager="http://am-1:9093/api/v2/alerts"}',
              values: '10x30',
            },
            {
              series:
                'prometheus_notifications_queue_length{job="prometheus",instance="prom-1:9090",alertmanager="http://am-2:9093/api/v2/alerts"}',
              values: '0x30',
            },
            {
              series: 'prometheus_notifications_queue_capacity{job="prometheus",instance="prom-1:9090"}',
              values: '10000x30',
            },
          ],
          evalTime: '25m',
        },
      },
    ],
  },
  'notifications-dropped': {
    fires: {
      series: [
        {
          series: 'prometheus_notifications_dropped_total{job="prometheus",instance="prom-1:9090"}',
          values: '0+5x30',
        },
      ],
      evalTime: '25m',
      labels: { job: 'prometheus', instance: 'prom-1:9090' },
    },
    quiet: {
      series: [
        {
          series: 'prometheus_notifications_dropped_total{job="prometheus",instance="prom-1:9090"}',
          values: '7x30',
        },
      ],
      evalTime: '25m',
    },
  },
  'remote-write-behind': {
    fires: {
      series: [
        {
          series: 'prometheus_remote_storage_highest_timestamp_in_seconds{job="prometheus",instance="prom-1:9090"}',
          values: '10000+60x30',
        },
        {
          series:
            'prometheus_remote_storage_queue_highest_sent_timestamp_seconds{job="prometheus",instance="prom-1:9090",remote_name="lts",url="http://lts/write"}',
          values: '9000+30x30',
        },
      ],
      evalTime: '25m',
      labels: { job: 'prometheus', instance: 'prom-1:9090', remote_name: 'lts', url: 'http://lts/write' },
    },
    quiet: {
      series: [
        {
          series: 'prometheus_remote_storage_highest_timestamp_in_seconds{job="prometheus",instance="prom-1:9090"}',
          values: '10000+60x30',
        },
        {
          series:
            'prometheus_remote_storage_queue_highest_sent_timestamp_seconds{job="prometheus",instance="prom-1:9090",remote_name="lts",url="http://lts/write"}',
          values: '9990+60x30',
        },
      ],
      evalTime: '25m',
    },
  },
  'remote-write-failing': {
    fires: {
      series: [
        {
          series:
            'prometheus_remote_storage_samples_failed_total{job="prometheus",instance="prom-1:9090",remote_name="lts",url="http://lts/write"}',
          values: '0+100x40',
        },
        {
          series:
            'prometheus_remote_storage_samples_total{job="prometheus",instance="prom-1:9090",remote_name="lts",url="http://lts/write"}',
          values: '0+1000x40',
        },
      ],
      evalTime: '30m',
      labels: { job: 'prometheus', instance: 'prom-1:9090', remote_name: 'lts', url: 'http://lts/write' },
    },
    quiet: {
      series: [
        {
          series:
            'prometheus_remote_storage_samples_failed_total{job="prometheus",instance="prom-1:9090",remote_name="lts",url="http://lts/write"}',
          values: '0x40',
        },
        {
          series:
            'prometheus_remote_storage_samples_total{job="prometheus",instance="prom-1:9090",remote_name="lts",url="http://lts/write"}',
          values: '0+1000x40',
        },
      ],
      evalTime: '30m',
    },
  },
};
