import type { ExporterEvidence, MetricEvidence, SourceRef } from './types';

// Debian bookworm ships 0.23; read at 0.23.0 and 0.28.0 (the current release).
const BOTH: [string, ...string[]] = ['v0.23.0', 'v0.28.0'];
const at = (file: string, tags: [string, ...string[]] = BOTH): SourceRef => ({ tags, file });
const metric = (labels: string[], sources: SourceRef[], extra: Partial<MetricEvidence> = {}): MetricEvidence => ({
  labels,
  sources: sources as [SourceRef, ...SourceRef[]],
  ...extra,
});

const HANDLER = [at('prober/handler.go')];
const RESOLVE = [at('prober/utils.go')];
const HTTP = [at('prober/http.go')];
const TLS = [at('prober/prober.go')];
// Where the certificate metrics get their values.
const CERTIFICATES = [...TLS, at('prober/tls.go')];
const ICMP = [at('prober/icmp.go')];

export const BLACKBOX_FAMILY = 'blackbox_exporter 0.23 – 0.28';

export const blackboxEvidence: ExporterEvidence = {
  exporter: 'blackbox',
  repository: 'prometheus/blackbox_exporter',
  supported: { oldest: 'v0.23.0', current: 'v0.28.0' },
  families: [
    {
      name: BLACKBOX_FAMILY,
      differs:
        'one family: every name and label the pack reads is the same from 0.23 to 0.28 (0.25+ only adds probe_expect_info, probe_failed_due_to_cel, probe_tls_cipher_info, which the pack does not read)',
    },
  ],
  metrics: {
    blackbox_exporter_build_info: metric(['version', 'revision', 'branch', 'goversion'], [at('main.go')], {
      note: 'on the exporter’s own /metrics job, never on a /probe job',
    }),
    blackbox_exporter_config_last_reload_successful: metric([], [at('config/config.go')], {
      note: 'on the exporter’s own /metrics job; set by every load of blackbox.yml (start, SIGHUP, POST /-/reload)',
    }),
    probe_success: metric([], HANDLER, { note: '1 or 0 for every probe, whatever the prober' }),
    probe_duration_seconds: metric([], HANDLER),
    probe_ip_protocol: metric([], RESOLVE, {
      note: 'registered by chooseProtocol before it resolves (0 when resolution fails); the HTTP prober skips it with skip_resolve_phase_with_proxy and a proxy',
    }),
    probe_dns_lookup_time_seconds: metric([], RESOLVE, { note: 'the target’s own name lookup, every prober' }),
    probe_ip_addr_hash: metric([], RESOLVE),
    probe_http_status_code: metric([], HTTP, {
      note: 'registered first thing by the HTTP prober, 0 until a response arrives',
    }),
    probe_http_duration_seconds: metric(['phase'], HTTP, {
      note: 'phases resolve, connect, tls, processing, transfer, all pre-set',
    }),
    probe_http_redirects: metric([], HTTP),
    probe_http_uncompressed_body_length: metric([], HTTP),
    probe_http_content_length: metric([], HTTP, { note: 'the Content-Length header, -1 when absent' }),
    probe_http_ssl: metric([], HTTP),
    probe_failed_due_to_regex: metric(
      [],
      [...HTTP, at('prober/tcp.go', ['v0.23.0']), at('prober/query_response.go', ['v0.28.0'])],
      { note: 'HTTP and TCP probers only' }
    ),
    probe_ssl_earliest_cert_expiry: metric([], CERTIFICATES, {
      note: 'unix time, the earliest NotAfter of every certificate the server presents (prober/tls.go); only once a TLS handshake completed (HTTPS, TCP with tls, gRPC with TLS), except that the gRPC prober before 0.26 registers it first and leaves 0 on a plaintext or failed probe (prober/grpc.go v0.23.0; #1338)',
    }),
    probe_ssl_last_chain_expiry_timestamp_seconds: metric([], CERTIFICATES, {
      note: 'unix time: of each chain the probe verified, the earliest NotAfter (trusted root included), and the latest of those (prober/tls.go getLastChainExpiry); HTTP and TCP probers only, beside probe_ssl_earliest_cert_expiry; -62135596800 (the zero time) when nothing was verified (insecure_skip_verify: true)',
    }),
    probe_tls_version_info: metric(['version'], TLS, { note: 'version "TLS 1.2", "TLS 1.3", …' }),
    probe_icmp_duration_seconds: metric(['phase'], ICMP, { note: 'phases resolve, setup, rtt' }),
    probe_icmp_reply_hop_limit: metric([], ICMP, {
      note: 'registered only when the reply carried a TTL / hop limit the socket could read',
    }),
    probe_dns_query_succeeded: metric([], [at('prober/dns.go')], {
      note: 'DNS prober only, registered before anything can fail: the mark of a dns job',
    }),
  },
};
