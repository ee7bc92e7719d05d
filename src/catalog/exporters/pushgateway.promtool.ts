/**
 * promtool cases for the pushgateway alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';

export const pushgatewayPromtoolCases: PromtoolCases = {
  'push-stale': {
    fires: {
      // promtool's clock starts at 0: a push at t=1000 s is about 25.7 h old at 26 h.
      series: [{ series: 'push_time_seconds{job="nightly_backup",instance="db-1"}', values: '1000x1600' }],
      evalTime: '26h',
      labels: { job: 'nightly_backup', instance: 'db-1' },
    },
    quiet: {
      series: [{ series: 'push_time_seconds{job="nightly_backup",instance="db-1"}', values: '0+60x1600' }],
      evalTime: '26h',
    },
  },
  'push-stale-critical': {
    fires: {
      series: [{ series: 'push_time_seconds{job="nightly_backup",instance="db-1"}', values: '1000x3100' }],
      evalTime: '51h',
      labels: { job: 'nightly_backup', instance: 'db-1' },
    },
    quiet: {
      series: [{ series: 'push_time_seconds{job="nightly_backup",instance="db-1"}', values: '90000x3100' }],
      evalTime: '51h',
    },
  },
  'push-failed': {
    fires: {
      series: [
        { series: 'push_time_seconds{job="nightly_backup",instance="db-1"}', values: '600x20' },
        { series: 'push_failure_time_seconds{job="nightly_backup",instance="db-1"}', values: '0x5 900x15' },
      ],
      evalTime: '15m',
      labels: { job: 'nightly_backup', instance: 'db-1' },
    },
    quiet: {
      series: [
        { series: 'push_time_seconds{job="nightly_backup",instance="db-1"}', values: '600x5 1200x15' },
        { series: 'push_failure_time_seconds{job="nightly_backup",instance="db-1"}', values: '0x5 900x15' },
      ],
      evalTime: '15m',
    },
  },
  'http-errors': {
    fires: {
      series: [
        {
          series:
            'pushgateway_http_requests_total{job="pushgateway",instance="pgw:9091",handler="push",code="400",method="put"}',
          values: '0+6x40',
        },
        {
          series:
            'pushgateway_http_requests_total{job="pushgateway",instance="pgw:9091",handler="push",code="202",method="put"}',
          values: '0+60x40',
        },
      ],
      evalTime: '30m',
      labels: { job: 'pushgateway', instance: 'pgw:9091', handler: 'push' },
    },
    quiet: {
      series: [
        {
          series:
            'pushgateway_http_requests_total{job="pushgateway",instance="pgw:9091",handler="push",code="400",method="put"}',
          values: '3x40',
        },
        {
          series:
            'pushgateway_http_requests_total{job="pushgateway",instance="pgw:9091",handler="push",code="202",method="put"}',
          values: '0+60x40',
        },
      ],
      evalTime: '30m',
    },
  },
};
