/**
 * promtool cases for the grafana alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';

const GF_LABELS = { job: 'grafana', instance: 'grafana-1:3000' };

// promtool test series for one Grafana server.
const GF = 'job="grafana",instance="grafana-1:3000"';

export const grafanaPromtoolCases: PromtoolCases = {
  'http-5xx': {
    fires: {
      series: [
        {
          series: `grafana_http_request_duration_seconds_count{${GF},handler="/api/search",method="GET",status_code="500",status_source="server"}`,
          values: '0+10x30',
        },
        {
          series: `grafana_http_request_duration_seconds_count{${GF},handler="/api/search",method="GET",status_code="200",status_source="server"}`,
          values: '0+90x30',
        },
      ],
      evalTime: '25m',
      labels: { ...GF_LABELS, handler: '/api/search' },
    },
    quiet: {
      // Downstream failures (a data source erroring) are not Grafana's own errors.
      series: [
        {
          series: `grafana_http_request_duration_seconds_count{${GF},handler="/api/search",method="GET",status_code="500",status_source="downstream"}`,
          values: '0+10x30',
        },
        {
          series: `grafana_http_request_duration_seconds_count{${GF},handler="/api/search",method="GET",status_code="200",status_source="server"}`,
          values: '0+90x30',
        },
      ],
      evalTime: '25m',
    },
  },
  'datasource-errors': {
    fires: {
      series: [
        {
          series: `grafana_datasource_request_total{${GF},datasource="prom",datasource_type="prometheus",code="502",method="POST"}`,
          values: '0+20x30',
        },
        {
          series: `grafana_datasource_request_total{${GF},datasource="prom",datasource_type="prometheus",code="200",method="POST"}`,
          values: '0+80x30',
        },
      ],
      evalTime: '25m',
      labels: { ...GF_LABELS, datasource: 'prom' },
    },
    quiet: {
      series: [
        {
          series: `grafana_datasource_request_total{${GF},datasource="prom",datasource_type="prometheus",code="502",method="POST"}`,
          values: '3x30',
        },
        {
          series: `grafana_datasource_request_total{${GF},datasource="prom",datasource_type="prometheus",code="200",method="POST"}`,
          values: '0+80x30',
        },
      ],
      evalTime: '25m',
    },
  },
  'rule-eval-failures': {
    fires: {
      series: [
        { series: `grafana_alerting_rule_evaluation_failures_total{${GF},org="1"}`, values: '0+5x30' },
        { series: `grafana_alerting_rule_evaluations_total{${GF},org="1"}`, values: '0+100x30' },
      ],
      evalTime: '25m',
      labels: { ...GF_LABELS, org: '1' },
    },
    quiet: {
      series: [
        { series: `grafana_alerting_rule_evaluation_failures_total{${GF},org="1"}`, values: '212x30' },
        { series: `grafana_alerting_rule_evaluations_total{${GF},org="1"}`, values: '0+100x30' },
      ],
      evalTime: '25m',
    },
  },
  'rule-eval-failures-crit': {
    fires: {
      series: [
        { series: `grafana_alerting_rule_evaluation_failures_total{${GF},org="1"}`, values: '0+30x30' },
        { series: `grafana_alerting_rule_evaluations_total{${GF},org="1"}`, values: '0+100x30' },
      ],
      evalTime: '25m',
      labels: { ...GF_LABELS, org: '1' },
    },
    quiet: {
      series: [
        { series: `grafana_alerting_rule_evaluation_failures_total{${GF},org="1"}`, values: '0+5x30' },
        { series: `grafana_alerting_rule_evaluations_total{${GF},org="1"}`, values: '0+100x30' },
      ],
      evalTime: '25m',
    },
  },
  'scheduler-behind': {
    fires: {
      series: [{ series: `grafana_alerting_scheduler_behind_seconds{${GF}}`, values: '45x30' }],
      evalTime: '25m',
      labels: GF_LABELS,
    },
    quiet: {
      series: [
        {
          series: `grafana_alerting_scheduler_behind_seconds{${GF}}`,
          values: '0 60 0 60 0 60 0 60 0 60 0 60 0 60 0 60 0 60 0 60 0 60 0 60 0 60 0 60 0 60 0',
        },
      ],
      evalTime: '25m',
    },
  },
  'missed-evaluations': {
    fires: {
      series: [
        {
          series: `grafana_alerting_schedule_rule_evaluations_missed_total{${GF},org="1",name="Disk full",rule_uid="abc"}`,
          values: '0+1x30',
        },
      ],
      evalTime: '25m',
      labels: { ...GF_LABELS, org: '1', name: 'Disk full' },
    },
    quiet: {
      series: [
        {
          series: `grafana_alerting_schedule_rule_evaluations_missed_total{${GF},org="1",name="Disk full",rule_uid="abc"}`,
          values: '2x30',
        },
      ],
      evalTime: '25m',
    },
  },
  'notification-failures': {
    fires: {
      series: [
        { series: `grafana_alerting_notifications_failed_total{${GF},integration="email"}`, values: '0+5x30' },
        { series: `grafana_alerting_notifications_total{${GF},integration="email"}`, values: '0+100x30' },
      ],
      evalTime: '25m',
      labels: { ...GF_LABELS, integration: 'email' },
    },
    quiet: {
      series: [
        { series: `grafana_alerting_notifications_failed_total{${GF},integration="email"}`, values: '0x30' },
        { series: `grafana_alerting_notifications_total{${GF},integration="email"}`, values: '0+100x30' },
      ],
      evalTime: '25m',
    },
  },
};
