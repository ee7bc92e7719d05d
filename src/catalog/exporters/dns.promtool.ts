/**
 * promtool cases for the dns alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import { BLACKBOX_FAMILY } from '../evidence/blackbox';
import type { PromtoolCases } from '../promtool-cases';

// promtool test series for one probed DNS server; every series comes from the family's fixture
// (tests/fixtures/exporters/dns-0.23-0.28.prom).
const NS = { job: 'dns', instance: 'ns1:53' };
const ns = familyFixture('dns', BLACKBOX_FAMILY).at(NS);

export const dnsPromtoolCases: PromtoolCases = {
  'probe-failed': {
    family: BLACKBOX_FAMILY,
    fires: {
      series: [
        { series: ns.series('probe_success'), values: '1x10 0x20' },
        { series: ns.series('probe_dns_query_succeeded'), values: '1x10 0x20' },
      ],
      evalTime: '25m',
      labels: NS,
    },
    quiet: {
      series: [
        {
          series: ns.series('probe_success'),
          values: '1x10 0 1 0 1 0 1 0 1 0 1 0 1 0 1 0 1 0 1 0 1',
        },
        { series: ns.series('probe_dns_query_succeeded'), values: '1x30' },
      ],
      evalTime: '25m',
    },
  },
  'availability-low': {
    family: BLACKBOX_FAMILY,
    fires: {
      series: [
        {
          series: ns.series('probe_success'),
          values: '1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1 0 1 1',
        },
        { series: ns.series('probe_dns_query_succeeded'), values: '1x40' },
      ],
      evalTime: '35m',
      labels: NS,
    },
    quiet: {
      series: [
        { series: ns.series('probe_success'), values: '1x40' },
        { series: ns.series('probe_dns_query_succeeded'), values: '1x40' },
      ],
      evalTime: '35m',
    },
  },
  'no-answer': {
    family: BLACKBOX_FAMILY,
    fires: {
      series: [
        { series: ns.series('probe_dns_answer_rrs'), values: '0x20' },
        { series: ns.series('probe_dns_query_succeeded'), values: '1x20' },
      ],
      evalTime: '15m',
      labels: NS,
    },
    quiet: {
      series: [
        { series: ns.series('probe_dns_answer_rrs'), values: '0x20' },
        { series: ns.series('probe_dns_query_succeeded'), values: '0x20' },
      ],
      evalTime: '15m',
    },
  },
  slow: {
    family: BLACKBOX_FAMILY,
    fires: {
      series: [
        { series: ns.series('probe_duration_seconds'), values: '1.5x30' },
        { series: ns.series('probe_dns_query_succeeded'), values: '1x30' },
      ],
      evalTime: '20m',
      labels: NS,
    },
    quiet: {
      series: [
        { series: ns.series('probe_duration_seconds'), values: '0.02x30' },
        { series: ns.series('probe_dns_query_succeeded'), values: '1x30' },
      ],
      evalTime: '20m',
    },
  },
  'very-slow': {
    family: BLACKBOX_FAMILY,
    fires: {
      series: [
        { series: ns.series('probe_duration_seconds'), values: '4x30' },
        { series: ns.series('probe_dns_query_succeeded'), values: '1x30' },
      ],
      evalTime: '20m',
      labels: NS,
    },
    quiet: {
      series: [
        { series: ns.series('probe_duration_seconds'), values: '1.5x30' },
        { series: ns.series('probe_dns_query_succeeded'), values: '1x30' },
      ],
      evalTime: '20m',
    },
  },
};
