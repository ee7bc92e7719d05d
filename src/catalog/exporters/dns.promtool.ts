/**
 * promtool cases for the dns alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';

export const dnsPromtoolCases: PromtoolCases = {
  'probe-failed': {
    fires: {
      series: [
        { series: 'probe_success{job="dns",instance="ns1:53"}', values: '1x10 0x20' },
        { series: 'probe_dns_query_succeeded{job="dns",instance="ns1:53"}', values: '1x10 0x20' },
      ],
      evalTime: '25m',
      labels: { job: 'dns', instance: 'ns1:53' },
    },
    quiet: {
      series: [
        {
          series: 'probe_success{job="dns",instance="ns1:53"}',
          values: '1x10 0 1 0 1 0 1 0 1 0 1 0 1 0 1 0 1 0 1 0 1',
        },
        { series: 'probe_dns_query_succeeded{job="dns",instance="ns1:53"}', values: '1x30' },
      ],
      evalTime: '25m',
    },
  },
  'availability-low': {
    fires: {
      series: [
        {
          series: 'probe_success{job="dns",instance="ns1:53"}',
          values: '1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1',
        },
        { series: 'probe_dns_query_succeeded{job="dns",instance="ns1:53"}', values: '1x40' },
      ],
      evalTime: '35m',
      labels: { job: 'dns', instance: 'ns1:53' },
    },
    quiet: {
      series: [
        { series: 'probe_success{job="dns",instance="ns1:53"}', values: '1x40' },
        { series: 'probe_dns_query_succeeded{job="dns",instance="ns1:53"}', values: '1x40' },
      ],
      evalTime: '35m',
    },
  },
  'no-answer': {
    fires: {
      series: [
        { series: 'probe_dns_answer_rrs{job="dns",instance="ns1:53"}', values: '0x20' },
        { series: 'probe_dns_query_succeeded{job="dns",instance="ns1:53"}', values: '1x20' },
      ],
      evalTime: '15m',
      labels: { job: 'dns', instance: 'ns1:53' },
    },
    quiet: {
      series: [
        { series: 'probe_dns_answer_rrs{job="dns",instance="ns1:53"}', values: '0x20' },
        { series: 'probe_dns_query_succeeded{job="dns",instance="ns1:53"}', values: '0x20' },
      ],
      evalTime: '15m',
    },
  },
  slow: {
    fires: {
      series: [
        { series: 'probe_duration_seconds{job="dns",instance="ns1:53"}', values: '1.5x30' },
        { series: 'probe_dns_query_succeeded{job="dns",instance="ns1:53"}', values: '1x30' },
      ],
      evalTime: '20m',
      labels: { job: 'dns', instance: 'ns1:53' },
    },
    quiet: {
      series: [
        { series: 'probe_duration_seconds{job="dns",instance="ns1:53"}', values: '0.02x30' },
        { series: 'probe_dns_query_succeeded{job="dns",instance="ns1:53"}', values: '1x30' },
      ],
      evalTime: '20m',
    },
  },
  'very-slow': {
    fires: {
      series: [
        { series: 'probe_duration_seconds{job="dns",instance="ns1:53"}', values: '4x30' },
        { series: 'probe_dns_query_succeeded{job="dns",instance="ns1:53"}', values: '1x30' },
      ],
      evalTime: '20m',
      labels: { job: 'dns', instance: 'ns1:53' },
    },
    quiet: {
      series: [
        { series: 'probe_duration_seconds{job="dns",instance="ns1:53"}', values: '1.5x30' },
        { series: 'probe_dns_query_succeeded{job="dns",instance="ns1:53"}', values: '1x30' },
      ],
      evalTime: '20m',
    },
  },
};
