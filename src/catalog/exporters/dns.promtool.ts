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
// A server that stopped answering: each probe waits out the module's timeout (5 s here) with no answer
// (prober/dns.go, v0.23.0 and v0.28.0; seen on the stack's blackbox_exporter, tests/integration/probes.test.ts).
const SILENT = { job: 'dns', instance: 'ns2:53' };
const silent = familyFixture('dns', BLACKBOX_FAMILY).at(SILENT);

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
    // A fast server, and one that does not answer at all: DNSProbeFailed's, not slow.
    quiet: {
      series: [
        { series: ns.series('probe_duration_seconds'), values: '0.02x30' },
        { series: ns.series('probe_dns_query_succeeded'), values: '1x30' },
        { series: silent.series('probe_duration_seconds'), values: '0.02x5 5x25' },
        { series: silent.series('probe_dns_query_succeeded'), values: '1x5 0x25' },
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
    // Slow but under the critical bound, and silent: DNSProbeFailed's, not very slow.
    quiet: {
      series: [
        { series: ns.series('probe_duration_seconds'), values: '1.5x30' },
        { series: ns.series('probe_dns_query_succeeded'), values: '1x30' },
        { series: silent.series('probe_duration_seconds'), values: '0.02x5 5x25' },
        { series: silent.series('probe_dns_query_succeeded'), values: '1x5 0x25' },
      ],
      evalTime: '20m',
    },
  },
};
