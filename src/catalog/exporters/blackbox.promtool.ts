/**
 * promtool cases for the blackbox alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';

// promtool test series for one probed endpoint.
const PROBE = { job: 'blackbox_http', instance: 'https://shop.example.com' };

const probeSeries = (metric: string) => `${metric}{job="blackbox_http",instance="https://shop.example.com"}`;

export const blackboxPromtoolCases: PromtoolCases = {
  'probe-failed': {
    fires: {
      series: [
        { series: probeSeries('probe_success'), values: '1x5 0x15' },
        { series: probeSeries('probe_ip_protocol'), values: '4x20' },
      ],
      evalTime: '12m',
      labels: PROBE,
    },
    quiet: {
      series: [
        { series: probeSeries('probe_success'), values: '1x5 0 1 0 1 0 1 0 1 0 1 0 1' },
        { series: probeSeries('probe_ip_protocol'), values: '4x20' },
        { series: 'probe_ip_protocol{job="blackbox_dns",instance="ns1:53"}', values: '4x20' },
        { series: 'probe_success{job="blackbox_dns",instance="ns1:53"}', values: '0x20' },
        { series: 'probe_dns_query_succeeded{job="blackbox_dns",instance="ns1:53"}', values: '0x20' },
      ],
      evalTime: '12m',
    },
  },
  'probe-unreliable': {
    fires: {
      series: [
        { series: probeSeries('probe_success'), values: '1 0 1 1 1 0 1 1 1 1 0 1 1 1 1 0 1 1 1 1' },
        { series: probeSeries('probe_ip_protocol'), values: '4x20' },
      ],
      evalTime: '18m',
      labels: PROBE,
    },
    quiet: {
      series: [
        { series: probeSeries('probe_success'), values: '1x20' },
        { series: probeSeries('probe_ip_protocol'), values: '4x20' },
      ],
      evalTime: '18m',
    },
  },
  'http-status': {
    fires: {
      series: [{ series: probeSeries('probe_http_status_code'), values: '200x5 503x20' }],
      evalTime: '20m',
      labels: PROBE,
    },
    quiet: {
      series: [{ series: probeSeries('probe_http_status_code'), values: '200x5 503 200 503 200x20' }],
      evalTime: '20m',
    },
  },
  'slow-probe': {
    fires: {
      series: [
        { series: probeSeries('probe_duration_seconds'), values: '0.1x5 2.5x20' },
        { series: probeSeries('probe_ip_protocol'), values: '4x25' },
      ],
      evalTime: '20m',
      labels: PROBE,
    },
    quiet: {
      series: [
        { series: probeSeries('probe_duration_seconds'), values: '0.1x5 0.3x20' },
        { series: probeSeries('probe_ip_protocol'), values: '4x25' },
        // Another multi-target exporter's probe (fortigate_exporter): not a blackbox probe.
        { series: 'probe_duration_seconds{job="fortigate",instance="fw-1"}', values: '2.5x25' },
      ],
      evalTime: '20m',
    },
  },
  'cert-expiring': {
    fires: {
      // Expiry at 10 days after the epoch; promtool's clock starts at 0.
      series: [{ series: probeSeries('probe_ssl_earliest_cert_expiry'), values: '864000x30' }],
      evalTime: '20m',
      labels: PROBE,
    },
    quiet: {
      series: [{ series: probeSeries('probe_ssl_earliest_cert_expiry'), values: '5184000x30' }],
      evalTime: '20m',
    },
  },
  'cert-expiry-critical': {
    fires: {
      series: [{ series: probeSeries('probe_ssl_earliest_cert_expiry'), values: '86400x30' }],
      evalTime: '20m',
      labels: PROBE,
    },
    quiet: {
      series: [{ series: probeSeries('probe_ssl_earliest_cert_expiry'), values: '864000x30' }],
      evalTime: '20m',
    },
  },
};
