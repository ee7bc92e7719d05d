/**
 * promtool cases for the alertmanager alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';

const AM_LABELS = { job: 'alertmanager', instance: 'am-1:9093' };

// promtool test series for one Alertmanager.
const AM = 'job="alertmanager",instance="am-1:9093"';

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
  'notify-failing': {
    fires: {
      series: [
        { series: `alertmanager_notifications_failed_total{${AM},integration="slack"}`, values: '0+5x30' },
        { series: `alertmanager_notifications_total{${AM},integration="slack"}`, values: '0+100x30' },
      ],
      evalTime: '25m',
      labels: { ...AM_LABELS, integration: 'slack' },
    },
    quiet: {
      series: [
        { series: `alertmanager_notifications_failed_total{${AM},integration="slack"}`, values: '0x30' },
        { series: `alertmanager_notifications_total{${AM},integration="slack"}`, values: '0+100x30' },
      ],
      evalTime: '25m',
    },
  },
  'notify-failing-crit': {
    fires: {
      series: [
        { series: `alertmanager_notifications_failed_total{${AM},integration="slack"}`, values: '0+50x30' },
        { series: `alertmanager_notifications_total{${AM},integration="slack"}`, values: '0+100x30' },
      ],
      evalTime: '25m',
      labels: { ...AM_LABELS, integration: 'slack' },
    },
    quiet: {
      series: [
        { series: `alertmanager_notifications_failed_total{${AM},integration="slack"}`, values: '0+5x30' },
        { series: `alertmanager_notifications_total{${AM},integration="slack"}`, values: '0+100x30' },
      ],
      evalTime: '25m',
    },
  },
  'notifications-slow': {
    fires: {
      series: [
        {
          series: `alertmanager_notification_latency_seconds_bucket{${AM},integration="email",le="1"}`,
          values: '0x30',
        },
        {
          series: `alertmanager_notification_latency_seconds_bucket{${AM},integration="email",le="20"}`,
          values: '0+1x30',
        },
        {
          series: `alertmanager_notification_latency_seconds_bucket{${AM},integration="email",le="+Inf"}`,
          values: '0+1x30',
        },
      ],
      evalTime: '25m',
      labels: { ...AM_LABELS, integration: 'email' },
    },
    quiet: {
      series: [
        {
          series: `alertmanager_notification_latency_seconds_bucket{${AM},integration="email",le="1"}`,
          values: '0+1x30',
        },
        {
          series: `alertmanager_notification_latency_seconds_bucket{${AM},integration="email",le="20"}`,
          values: '0+1x30',
        },
        {
          series: `alertmanager_notification_latency_seconds_bucket{${AM},integration="email",le="+Inf"}`,
          values: '0+1x30',
        },
      ],
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
