/**
 * promtool cases for the blackbox alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 * Every series comes from a family's fixture (tests/fixtures/exporters/blackbox-0.23-0.28.prom, and for the
 * probes the blackbox pack must leave to others, dns-0.23-0.28.prom and fortigate-1.17-1.24.prom).
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import { BLACKBOX_FAMILY } from '../evidence/blackbox';
import type { PromtoolCases } from '../promtool-cases';

// promtool test series for one probed endpoint.
const PROBE = { job: 'blackbox_http', instance: 'https://shop.example.com' };
const probeSeries = familyFixture('blackbox', BLACKBOX_FAMILY).at(PROBE).series;
// A DNS-module probe of the same exporter: the dns pack's to alert on, not this one's.
const dnsProbe = familyFixture('dns', BLACKBOX_FAMILY).at({ job: 'blackbox_dns', instance: 'ns1:53' });
// Another multi-target exporter's probe (fortigate_exporter): not a blackbox probe.
const fortigate = familyFixture('fortigate', 'fortigate_exporter 1.17 – 1.24').at({
  job: 'fortigate',
  instance: 'fw-1',
});

// A module with valid_status_codes: [404] (a path that must stay gone): its probe succeeds on the 404
// (prober/http.go, v0.23.0 and v0.28.0; the stack's module http_404_expected, tests/integration/probes.test.ts).
const GONE = { job: 'blackbox_http', instance: 'https://shop.example.com/old-admin' };
const goneSeries = familyFixture('blackbox', BLACKBOX_FAMILY).at(GONE).series;
// An endpoint that accepts the connection and never answers: each probe fails at the module's timeout (3 s here),
// as the stack's blackbox_exporter shows (tests/integration/probes.test.ts).
const HUNG = { job: 'blackbox_http', instance: 'https://hung.example.com' };
const hungSeries = familyFixture('blackbox', BLACKBOX_FAMILY).at(HUNG).series;

// Certificates, in promtool's clock (it starts at the epoch, so a value is seconds from the test's start).
// The shop's probe verifies its chain (ca_file or the system roots), and the server still sends an extra certificate
// that expired before the test began and that no verified chain uses (Let's Encrypt's cross-signed DST Root CA X3
// after 2021-09-30): the verified chain runs out at `verified`, the earliest presented certificate has expired
// (as tests/integration/certificate-chain.test.ts shows on the stack's blackbox_exporter).
const expiredExtraCertificate = (verified: string) => [
  { series: probeSeries('probe_ssl_last_chain_expiry_timestamp_seconds'), values: `${verified}x30` },
  { series: probeSeries('probe_ssl_earliest_cert_expiry'), values: '1x30' },
];
// A module with insecure_skip_verify: true verifies nothing, so its verified-chain expiry is the zero time's
// -62135596800 (prober/tls.go, v0.23.0 – v0.28.0; the stack's https_2xx probe), and its presented certificates
// run out at `presented`.
const INSECURE = { job: 'blackbox_http', instance: 'https://intranet.example.com' };
const insecureSeries = familyFixture('blackbox', BLACKBOX_FAMILY).at(INSECURE).series;
const unverified = (presented: string) => [
  { series: insecureSeries('probe_ssl_last_chain_expiry_timestamp_seconds'), values: '-62135596800x30' },
  { series: insecureSeries('probe_ssl_earliest_cert_expiry'), values: `${presented}x30` },
];
// gRPC probes (0.23 – 0.25): no verified-chain series, and a presented expiry registered before the connection,
// left at 0 by a plaintext or failed probe (prober/grpc.go v0.23.0; after a handshake only from v0.26.0).
const GRPC = { job: 'blackbox_grpc', instance: 'grpc.example.com:50051' };
const grpcSeries = familyFixture('blackbox', BLACKBOX_FAMILY).at(GRPC).series;
const grpcPlainSeries = familyFixture('blackbox', BLACKBOX_FAMILY).at({
  job: 'blackbox_grpc',
  instance: 'grpc-internal.example.com:50051',
}).series;

// The exporter's own /metrics job, where its reload state lives.
const SELF = { job: 'blackbox_exporter', instance: 'prober-1:9115' };
const selfSeries = familyFixture('blackbox', BLACKBOX_FAMILY).at(SELF).series;

export const blackboxPromtoolCases: PromtoolCases = {
  'config-reload-failed': {
    family: BLACKBOX_FAMILY,
    fires: {
      series: [{ series: selfSeries('blackbox_exporter_config_last_reload_successful'), values: '1x5 0x25' }],
      evalTime: '25m',
      labels: SELF,
    },
    quiet: {
      // A failed reload fixed by the next one, evaluated at its last failed minute (9): the 5-minute maximum still
      // holds the good reload before it.
      series: [{ series: selfSeries('blackbox_exporter_config_last_reload_successful'), values: '1x5 0x3 1x22' }],
      evalTime: '9m',
    },
  },
  'probe-failed': {
    family: BLACKBOX_FAMILY,
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
        { series: dnsProbe.series('probe_ip_protocol'), values: '4x20' },
        { series: dnsProbe.series('probe_success'), values: '0x20' },
        { series: dnsProbe.series('probe_dns_query_succeeded'), values: '0x20' },
      ],
      evalTime: '12m',
    },
  },
  'probe-unreliable': {
    family: BLACKBOX_FAMILY,
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
    family: BLACKBOX_FAMILY,
    fires: {
      series: [
        { series: probeSeries('probe_http_status_code'), values: '200x5 503x20' },
        { series: probeSeries('probe_success'), values: '1x5 0x20' },
      ],
      evalTime: '20m',
      labels: PROBE,
    },
    // Two 503s among 200s, evaluated at the second (minute 8): the 5-minute minimum is 200. And a module that
    // expects 404 has got it at every probe since minute 0, and each succeeded: healthy, not an error page.
    quiet: {
      series: [
        { series: probeSeries('probe_http_status_code'), values: '200x5 503 200 503 200x20' },
        { series: probeSeries('probe_success'), values: '1x5 0 1 0 1x20' },
        { series: goneSeries('probe_http_status_code'), values: '404x25' },
        { series: goneSeries('probe_success'), values: '1x25' },
      ],
      evalTime: '8m',
    },
  },
  'slow-probe': {
    family: BLACKBOX_FAMILY,
    fires: {
      series: [
        { series: probeSeries('probe_duration_seconds'), values: '0.1x5 2.5x20' },
        { series: probeSeries('probe_ip_protocol'), values: '4x25' },
        { series: probeSeries('probe_success'), values: '1x25' },
      ],
      evalTime: '20m',
      labels: PROBE,
    },
    // Fast probes; another exporter's slow ones; and a hung endpoint, whose failed probes last the timeout.
    quiet: {
      series: [
        { series: probeSeries('probe_duration_seconds'), values: '0.1x5 0.3x20' },
        { series: probeSeries('probe_ip_protocol'), values: '4x25' },
        { series: probeSeries('probe_success'), values: '1x25' },
        { series: fortigate.series('probe_duration_seconds'), values: '2.5x25' },
        { series: fortigate.series('probe_success'), values: '1x25' },
        { series: hungSeries('probe_duration_seconds'), values: '0.1x5 3x20' },
        { series: hungSeries('probe_ip_protocol'), values: '4x25' },
        { series: hungSeries('probe_success'), values: '1x5 0x20' },
      ],
      evalTime: '20m',
    },
  },
  'cert-expiring': {
    family: BLACKBOX_FAMILY,
    // A gRPC probe with TLS on 0.23 – 0.25: no verified-chain series (the gRPC prober has none), and each failed
    // probe leaves the presented expiry at 0 (prober/grpc.go v0.23.0), here every other one. The certificate runs
    // out 10 days after the epoch (promtool's clock starts at 0); the zeros must neither fire nor hide it.
    fires: {
      series: [{ series: grpcSeries('probe_ssl_earliest_cert_expiry'), values: Array(16).fill('864000 0').join(' ') }],
      evalTime: '20m',
      labels: GRPC,
    },
    quiet: {
      series: [
        ...expiredExtraCertificate('5184000'),
        ...unverified('5184000'),
        { series: grpcPlainSeries('probe_ssl_earliest_cert_expiry'), values: '0x30' },
      ],
      evalTime: '20m',
    },
  },
  'cert-expiry-critical': {
    family: BLACKBOX_FAMILY,
    // insecure_skip_verify: nothing verified, so the presented certificate, a day from running out, is judged.
    fires: {
      series: unverified('86400'),
      evalTime: '20m',
      labels: INSECURE,
    },
    quiet: {
      series: [
        ...expiredExtraCertificate('864000'),
        ...unverified('864000'),
        { series: grpcPlainSeries('probe_ssl_earliest_cert_expiry'), values: '0x30' },
      ],
      evalTime: '20m',
    },
  },
};
