/**
 * promtool cases for the alertmanager alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';

const AM_LABELS = { job: 'alertmanager', instance: 'am-1:9093' };

// promtool test series for one Alertmanager.
const AM = 'job="alertmanager",instance="am-1:9093"';

/**
 * Slack notifications, 100 a minute, with failures following `failed`: in Alertmanager 0.25 one
 * failure counter per integration; from 0.26 one per integration and reason, every reason pre-set
 * to 0 (notify/notify.go, notify/util.go), so the failures sit on one reason among zeros.
 */
const notifyFailing = (firing: string, quiet: string) => {
  const sent = { series: `alertmanager_notifications_total{${AM},integration="slack"}`, values: '0+100x30' };
  const failed025 = (values: string) => [
    { series: `alertmanager_notifications_failed_total{${AM},integration="slack"}`, values },
    sent,
  ];
  const failedByReason = (values: string) => [
    { series: `alertmanager_notifications_failed_total{${AM},integration="slack",reason="serverError"}`, values },
    {
      series: `alertmanager_notifications_failed_total{${AM},integration="slack",reason="clientError"}`,
      values: '0x30',
    },
    { series: `alertmanager_notifications_failed_total{${AM},integration="slack",reason="other"}`, values: '0x30' },
    sent,
  ];
  return {
    family: 'Alertmanager ≥ 0.26',
    fires: { series: failedByReason(firing), evalTime: '25m', labels: { ...AM_LABELS, integration: 'slack' } },
    quiet: { series: failedByReason(quiet), evalTime: '25m' },
    otherFamilies: [
      {
        family: 'Alertmanager 0.25',
        fires: { series: failed025(firing), evalTime: '25m', labels: { ...AM_LABELS, integration: 'slack' } },
        quiet: { series: failed025(quiet), evalTime: '25m' },
      },
    ],
  };
};

/** Every bucket Alertmanager exposes for the notification latency (1, 5, 10, 15, 20 s and +Inf; notify/metrics.go). */
const latencyBuckets = (integration: string, counts: Record<1 | 5 | 10 | 15 | 20, string>) => [
  ...([1, 5, 10, 15, 20] as const).map((le) => ({
    series: `alertmanager_notification_latency_seconds_bucket{${AM},integration="${integration}",le="${le}"}`,
    values: counts[le],
  })),
  {
    series: `alertmanager_notification_latency_seconds_bucket{${AM},integration="${integration}",le="+Inf"}`,
    values: counts[20],
  },
];

export const alertmanagerPromtoolCases: PromtoolCases = {
  'config-reload-failed': {
    fires: {
      series: [{ series: `alertmanager_config_last_reload_successful{${AM}}`, values: '1x5 0x25' }],
      evalTime: '25m',
      labels: AM_LABELS,
    },
    quiet: {
      series: [{ series: `alertmanager_config_last_reload_successful{${AM}}`, values: '1x30' }],
      evalTime: '25m',
    },
  },
  'config-inconsistent': {
    fires: {
      series: [
        { series: 'alertmanager_config_hash{job="alertmanager",instance="am-1:9093"}', values: '111x30' },
        { series: 'alertmanager_config_hash{job="alertmanager",instance="am-2:9093"}', values: '222x30' },
      ],
      evalTime: '25m',
      labels: { job: 'alertmanager' },
    },
    quiet: {
      series: [
        { series: 'alertmanager_config_hash{job="alertmanager",instance="am-1:9093"}', values: '111x30' },
        { series: 'alertmanager_config_hash{job="alertmanager",instance="am-2:9093"}', values: '111x30' },
      ],
      evalTime: '25m',
    },
  },
  'members-inconsistent': {
    fires: {
      series: [
        { series: 'alertmanager_cluster_members{job="alertmanager",instance="am-1:9093"}', values: '1x30' },
        { series: 'alertmanager_cluster_members{job="alertmanager",instance="am-2:9093"}', values: '2x30' },
      ],
      evalTime: '25m',
      labels: { job: 'alertmanager', instance: 'am-1:9093' },
    },
    quiet: {
      series: [
        { series: 'alertmanager_cluster_members{job="alertmanager",instance="am-1:9093"}', values: '2x30' },
        { series: 'alertmanager_cluster_members{job="alertmanager",instance="am-2:9093"}', values: '2x30' },
      ],
      evalTime: '25m',
    },
  },
  'failed-peers': {
    fires: {
      series: [{ series: `alertmanager_cluster_failed_peers{${AM}}`, values: '1x30' }],
      evalTime: '25m',
      labels: AM_LABELS,
    },
    quiet: {
      series: [{ series: `alertmanager_cluster_failed_peers{${AM}}`, values: '0x30' }],
      evalTime: '25m',
    },
  },
  'notify-failing': notifyFailing('0+5x30', '0x30'),
  'notify-failing-crit': notifyFailing('0+50x30', '0+5x30'),
  'notifications-slow': {
    // Half of the email notifications take 15–20 s: the p99 is near 20 s.
    fires: {
      series: latencyBuckets('email', { 1: '0x30', 5: '0x30', 10: '0x30', 15: '0+1x30', 20: '0+2x30' }),
      evalTime: '25m',
      labels: { ...AM_LABELS, integration: 'email' },
    },
    // Every notification within 1 s.
    quiet: {
      series: latencyBuckets('email', { 1: '0+2x30', 5: '0+2x30', 10: '0+2x30', 15: '0+2x30', 20: '0+2x30' }),
      evalTime: '25m',
    },
  },
  'invalid-alerts': {
    fires: {
      series: [{ series: `alertmanager_alerts_invalid_total{${AM},version="v2"}`, values: '0+3x30' }],
      evalTime: '25m',
      labels: AM_LABELS,
    },
    quiet: {
      series: [{ series: `alertmanager_alerts_invalid_total{${AM},version="v2"}`, values: '4x30' }],
      evalTime: '25m',
    },
  },
};
