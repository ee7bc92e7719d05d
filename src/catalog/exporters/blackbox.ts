import { acrossTargets, sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext, Requirement } from '../types';

// Each probe job scrapes /probe, so a target's series carry no exporter build info: that lives on
// the exporter's own /metrics job. Probe-type-specific series only exist for that prober.
const HTTP_ONLY = 'only HTTP probes expose it; TCP and ICMP probe jobs rightly return nothing';
const ICMP_ONLY = 'only ICMP probes expose it; HTTP and TCP probe jobs rightly return nothing';
const TLS_ONLY = 'only probes that end on a TLS connection (HTTPS, TCP with tls: true) report certificates';

// probe_success and probe_duration_seconds are a multi-target convention, not blackbox's alone
// (fortigate_exporter has them too): only targets with blackbox's own series are ours. Every prober
// registers probe_ip_protocol before it resolves the target (prober/utils.go chooseProtocol), except
// the HTTP prober with skip_resolve_phase_with_proxy through a proxy, which never resolves; it always
// registers probe_http_status_code first (prober/http.go), so that one stands in. Jobs that run the
// dns prober belong to the `dns` pack, which alerts on them with its own thresholds.
const blackboxProbes = (q: QueryContext) =>
  `(${sel('probe_ip_protocol', q)} or ${sel('probe_http_status_code', q)}) unless on (${q.by}) ${sel('probe_dns_query_succeeded', q)}`;
const probesOnly = (expr: string, q: QueryContext) => `${expr} and on (${q.by}) (${blackboxProbes(q)})`;
// The certificate expiry the alerts and panels judge is the one clients verify, per target. PRESENTED is the earliest
// NotAfter of every certificate the server sends, so an extra expired one that no verified chain uses (a stale
// cross-sign such as Let's Encrypt's DST Root CA X3 after 2021-09-30, an old intermediate left in the bundle) reads
// as expired while every client connects. VERIFIED is, of each chain the probe verified, the earliest NotAfter (the
// trusted root from ca_file included, presented or not), and of those chains the latest (prober/tls.go
// getLastChainExpiry, v0.18.0 – v0.28.0; added in 0.17.0, which took the earliest chain's, fixed by #681).
// Where nothing was verified it is the zero time's .Unix(), -62135596800 (insecure_skip_verify: true, as the stack's
// HTTPS probe shows; blackbox_exporter#653), and the gRPC prober never exports it (prober/grpc.go v0.23.0 –
// v0.28.0), nor do releases before 0.17: there the presented certificates are all there is, hence `> 0 or`, which
// matches label set by label set, so each target falls back on its own.
const VERIFIED = 'probe_ssl_last_chain_expiry_timestamp_seconds';
const PRESENTED = 'probe_ssl_earliest_cert_expiry';
// The gRPC prober of 0.23 – 0.25 registers PRESENTED before it connects, so a plaintext or failed probe reads 0
// (prober/grpc.go v0.23.0; only after a handshake from v0.26.0, #1338): no certificate, hence `> 0` there too.
const certificateExpiry = (q: QueryContext) => `(${sel(VERIFIED, q)} > 0 or ${sel(PRESENTED, q)} > 0)`;
// The soonest expiry seen in the window, so a failed probe (no certificate series) cannot reset the alert; the
// window's latest presented expiry keeps a certificate in view across the gRPC prober's zeros.
const certificateLeft = (q: QueryContext) => {
  const over = (fn: 'min' | 'max', metric: string) => `${fn}_over_time(${sel(metric, q)}[${q.range}]) > 0`;
  return `(${over('min', VERIFIED)} or ${over('min', PRESENTED)} or ${over('max', PRESENTED)}) - time()`;
};

const HTTP_MODULE: Requirement = {
  kind: 'config',
  enable: 'a module with prober: http in blackbox.yml',
  offByDefault: false,
};
const TLS_MODULE: Requirement = {
  kind: 'config',
  enable: 'an https:// target, or a tcp module with tls: true, in blackbox.yml',
  offByDefault: false,
};
const ICMP_MODULE: Requirement = {
  kind: 'config',
  enable: 'a module with prober: icmp in blackbox.yml',
  offByDefault: false,
};

export const blackboxExporter = defineExporter({
  id: 'blackbox',
  title: 'Blackbox exporter',
  layer: 'infrastructure',
  defaultPort: 9115,
  docsUrl: 'https://github.com/prometheus/blackbox_exporter',
  description:
    'Synthetic HTTP, TCP and ICMP probes: whether endpoints answer, how fast, with which status and certificate.',
  // The DNS prober is its own catalog entry (`dns`) that supersedes this one for jobs with probe_dns_*.
  // probe_success marks the probe jobs; the build info marks the job scraping the exporter's own /metrics.
  detection: { metrics: ['probe_success', 'blackbox_exporter_build_info'] },
  infoMetrics: ['probe_success'],
  thresholds: [
    {
      id: 'probeDuration',
      direction: 'above',
      warning: 1,
      min: 0.01,
      max: 120,
    },
    {
      id: 'certificateExpiry',
      title: 'Certificate validity left',
      direction: 'below',
      warning: 1728000,
      critical: 259200,
      min: 3600,
      max: 31536000,
      description:
        'Time until the certificate chain clients verify expires (its earliest-expiring certificate), in seconds (defaults: 20 days warning, 3 days critical).',
    },
    {
      id: 'availability',
      title: 'Probe availability',
      direction: 'below',
      warning: 0.99,
      critical: 0.9,
      min: 0,
    },
  ],
  signals: [
    {
      id: 'probeSuccess',
      title: 'Probe success',
      description:
        'Whether the last probe of each target succeeded (1) or failed (0): the endpoint is reachable and answered as the module expects.',
      unit: 'bool_yes_no',
      expr: (q) => sel('probe_success', q),
    },
    {
      id: 'failingProbes',
      title: 'Failing probes',
      description:
        'Number of targets whose last probe failed, per job; anything above 0 is an endpoint users cannot reach.',
      unit: 'short',
      expr: (q) => `sum by (${acrossTargets(q, 'job')}) (1 - ${sel('probe_success', q)})`,
      legend: '{{job}}',
      min: 0,
    },
    {
      id: 'availability',
      title: 'Availability',
      description:
        'Share of probes that succeeded over the window; flapping endpoints show up here before they fail outright.',
      unit: 'percentunit',
      expr: (q) => `avg_over_time(${sel('probe_success', q)}[${q.range}])`,
      threshold: 'availability',
    },
    {
      id: 'probeDuration',
      title: 'Probe duration',
      description: 'Wall-clock time of the whole probe, including name resolution, connect, TLS and the request.',
      unit: 's',
      expr: (q) => sel('probe_duration_seconds', q),
      threshold: 'probeDuration',
      min: 0,
    },
    {
      id: 'dnsLookupTime',
      title: 'Target name resolution',
      description: 'Time spent resolving the target host name before probing; slow resolvers inflate every probe.',
      unit: 's',
      expr: (q) => sel('probe_dns_lookup_time_seconds', q),
      min: 0,
    },
    {
      id: 'httpStatusCode',
      requires: HTTP_MODULE,
      title: 'HTTP status code',
      description:
        'Status code of the last HTTP response (after redirects); 0 means no response arrived. Outside 200–399 the endpoint is failing.',
      unit: 'none',
      expr: (q) => sel('probe_http_status_code', q),
      optional: HTTP_ONLY,
    },
    {
      id: 'httpPhaseDuration',
      requires: HTTP_MODULE,
      title: 'HTTP time by phase',
      description:
        'Time of each HTTP probe phase (resolve, connect, tls, processing, transfer), summed over redirects; shows where latency comes from.',
      unit: 's',
      expr: (q) => sel('probe_http_duration_seconds', q),
      legend: '{{instance}} {{phase}}',
      min: 0,
      optional: HTTP_ONLY,
    },
    {
      id: 'httpRedirects',
      requires: HTTP_MODULE,
      title: 'HTTP redirects',
      description:
        'Number of redirects followed before the final response; a sudden change often means a misrouted or moved endpoint.',
      unit: 'short',
      expr: (q) => sel('probe_http_redirects', q),
      min: 0,
      optional: HTTP_ONLY,
    },
    {
      id: 'httpContentLength',
      requires: HTTP_MODULE,
      title: 'HTTP body size',
      description:
        'Uncompressed size of the response body; a page that suddenly shrinks is often an error page served with 200.',
      unit: 'bytes',
      variants: [
        { note: 'blackbox_exporter ≥ 0.17', expr: (q) => sel('probe_http_uncompressed_body_length', q) },
        {
          note: 'blackbox_exporter < 0.17 (Content-Length header, -1 when absent)',
          expr: (q) => sel('probe_http_content_length', q),
        },
      ],
      optional: HTTP_ONLY,
    },
    {
      id: 'httpSsl',
      requires: HTTP_MODULE,
      title: 'Served over TLS',
      description:
        'Whether the final HTTP response came over TLS (1) or plain HTTP (0); a 0 on an HTTPS endpoint means a downgrade redirect.',
      unit: 'bool_yes_no',
      expr: (q) => sel('probe_http_ssl', q),
      optional: HTTP_ONLY,
    },
    {
      id: 'regexFailed',
      title: 'Content check failed',
      description:
        'Whether the probe failed because the body or banner did not match the module’s regular expressions (1 = failed on content).',
      unit: 'bool_yes_no',
      expr: (q) => sel('probe_failed_due_to_regex', q),
      optional: 'only HTTP and TCP probes expose it; ICMP probe jobs rightly return nothing',
    },
    {
      id: 'certificateExpiry',
      requires: TLS_MODULE,
      title: 'Certificate expires in',
      description:
        'Time until the chain the probe verified runs out (its earliest-expiring certificate, the trusted root included); an expired extra certificate the server still sends but no verified chain uses does not count. Where nothing is verified (insecure_skip_verify, gRPC, blackbox_exporter before 0.17): the earliest certificate the server sends.',
      unit: 's',
      expr: (q) => `${certificateExpiry(q)} - time()`,
      threshold: 'certificateExpiry',
      optional: TLS_ONLY,
    },
    {
      id: 'tlsVersion',
      requires: TLS_MODULE,
      title: 'TLS version',
      description:
        'TLS protocol version negotiated with the target; old versions (TLS 1.0/1.1) are deprecated by browsers.',
      unit: 'none',
      expr: (q) => sel('probe_tls_version_info', q),
      legend: '{{instance}} {{version}}',
      optional: TLS_ONLY,
    },
    {
      id: 'icmpRtt',
      requires: ICMP_MODULE,
      title: 'ICMP round trip',
      description: 'Round-trip time of the ICMP echo; rising values without load changes point at the network path.',
      unit: 's',
      expr: (q) => sel('probe_icmp_duration_seconds', q, 'phase="rtt"'),
      min: 0,
      optional: ICMP_ONLY,
    },
    {
      id: 'icmpHopLimit',
      requires: ICMP_MODULE,
      title: 'ICMP reply hop limit',
      description: 'TTL / hop limit of the echo reply; a change means the route to the target changed.',
      unit: 'short',
      expr: (q) => sel('probe_icmp_reply_hop_limit', q),
      optional: 'only ICMP probes expose it, and only on releases that record the reply TTL (0.23 does)',
    },
    {
      id: 'ipChanges',
      title: 'Resolved address changes',
      description:
        'How often the target resolved to a different IP address over the window (hash of the probed IP); unexpected changes suggest DNS trouble or failover.',
      unit: 'short',
      expr: (q) => `changes(${sel('probe_ip_addr_hash', q)}[${q.range}])`,
      min: 0,
    },
    {
      id: 'ipProtocol',
      title: 'IP protocol',
      description: 'IP version the probe used (4 or 6); a fallback from the preferred protocol can hide broken IPv6.',
      unit: 'none',
      expr: (q) => sel('probe_ip_protocol', q),
    },
    {
      id: 'configReloaded',
      title: 'Config reload successful',
      description:
        'Whether the exporter’s last reload of blackbox.yml worked (1 = yes); after a failed reload it keeps probing with the modules it had, so a changed module is not in force.',
      unit: 'bool_yes_no',
      expr: (q) => sel('blackbox_exporter_config_last_reload_successful', q),
    },
  ],
  alerts: [
    {
      id: 'probe-failed',
      name: 'BlackboxProbeFailed',
      severity: 'critical',
      for: '1m',
      // Failed at every probe of the last two minutes. The signal's own series, so the Probe success stat takes
      // this alert's colours; the filter keeps it to blackbox's probes (every series of one probe carries the
      // same labels, so a plain `and` matches them).
      signal: 'probeSuccess',
      overWindow: 'max',
      window: '2m',
      filters: [blackboxProbes],
      comparison: '<',
      threshold: 1,
      summary: 'Probe of {{ $labels.instance }} ({{ $labels.job }}) fails.',
      description:
        'Every probe of {{ $labels.instance }} in job {{ $labels.job }} has failed for 3 minutes: the endpoint is unreachable or answers wrongly. Open the dashboard for the failing phase, or run the probe by hand with &debug=true on the blackbox exporter’s /probe URL.',
    },
    {
      id: 'probe-unreliable',
      name: 'BlackboxProbeUnreliable',
      severity: 'warning',
      for: '5m',
      query: (q) => probesOnly(`avg_over_time(${sel('probe_success', q)}[1h])`, q),
      // Up at some probe of the last 5 minutes: an endpoint that is down outright is BlackboxProbeFailed's.
      filters: [(q) => `max_over_time(${sel('probe_success', q)}[5m]) == 1`],
      threshold: 'availability',
      summary: 'Probes of {{ $labels.instance }} ({{ $labels.job }}) fail now and then.',
      description:
        'Over the last hour fewer probes of {{ $labels.instance }} succeeded than the availability threshold asks, although it answers now: the endpoint flaps. Look for restarts, overloaded backends or a failing node behind a load balancer.',
    },
    {
      id: 'http-status',
      name: 'BlackboxHttpStatusError',
      severity: 'warning',
      for: '5m',
      // The best status of the window: one error page among good answers is not an outage.
      signal: 'httpStatusCode',
      overWindow: 'min',
      // Only while the module refuses the status: a module with valid_status_codes (a path that must stay 404,
      // an endpoint that must ask for credentials with 401) succeeds on that code (prober/http.go, v0.23.0 and
      // v0.28.0: success follows valid_status_codes, 2xx only when none is set), and answers it at every probe.
      filters: [(q) => `max_over_time(${sel('probe_success', q)}[${q.range}]) < 1`],
      comparison: '>',
      // 4xx and 5xx are errors by definition (RFC 9110); 0 (no answer) is BlackboxProbeFailed's.
      threshold: 399,
      summary: '{{ $labels.instance }} answers with HTTP errors.',
      description:
        'Every HTTP probe of {{ $labels.instance }} got a 4xx or 5xx status the module does not accept for 10 minutes. Check the application and its logs; a 401/403 may mean the probe’s credentials or the module’s valid_status_codes are out of date.',
      optional: HTTP_ONLY,
    },
    {
      id: 'slow-probe',
      name: 'BlackboxProbeSlow',
      severity: 'warning',
      for: '10m',
      query: (q) => probesOnly(`avg_over_time(${sel('probe_duration_seconds', q)}[${q.range}])`, q),
      // Slow, not failing: every probe of the window succeeded. A probe that gets no answer lasts until the
      // module's timeout (prober/handler.go, v0.23.0 and v0.28.0: the probe's context ends at the timeout), so a
      // hung or unreachable endpoint would read as slow beside BlackboxProbeFailed.
      filters: [(q) => `min_over_time(${sel('probe_success', q)}[${q.range}]) == 1`],
      threshold: 'probeDuration',
      summary: 'Probes of {{ $labels.instance }} are slow.',
      description:
        'Probes of {{ $labels.instance }} in job {{ $labels.job }} have taken longer than the threshold on average for 10 minutes. The dashboard’s phase breakdown shows whether DNS, connect, TLS or the server’s processing is slow.',
    },
    {
      id: 'cert-expiring',
      name: 'BlackboxCertificateExpiringSoon',
      severity: 'warning',
      for: '10m',
      query: certificateLeft,
      threshold: 'certificateExpiry',
      summary: 'The TLS certificate of {{ $labels.instance }} expires soon.',
      description:
        'The certificate chain clients verify for {{ $labels.instance }} runs out within the warning threshold (20 days by default): its earliest-expiring certificate, the leaf, an intermediate or the trusted root. Renew it and check that automatic renewal (ACME, cert-manager) works. An expired extra certificate the server still sends but no verified chain uses does not count; where the probe verifies nothing (insecure_skip_verify), the earliest certificate the server sends does.',
      optional: TLS_ONLY,
    },
    {
      id: 'cert-expiry-critical',
      name: 'BlackboxCertificateExpiring',
      severity: 'critical',
      for: '5m',
      query: certificateLeft,
      threshold: 'certificateExpiry',
      summary: 'The TLS certificate of {{ $labels.instance }} is about to expire.',
      description:
        'The certificate chain clients verify for {{ $labels.instance }} runs out within the critical threshold (3 days by default); clients will refuse the connection after that. Renew and deploy it now, or the CA if it is the trusted root that expires. An expired extra certificate the server still sends but no verified chain uses does not count; where the probe verifies nothing (insecure_skip_verify), the earliest certificate the server sends does.',
      optional: TLS_ONLY,
    },
    {
      id: 'config-reload-failed',
      name: 'BlackboxConfigReloadFailed',
      severity: 'warning',
      for: '10m',
      // The exporter's own /metrics job: the best value of the window, so a reload fixed since stays quiet.
      signal: 'configReloaded',
      overWindow: 'max',
      comparison: '<',
      threshold: 1,
      summary: 'Blackbox exporter {{ $labels.instance }} failed to reload blackbox.yml.',
      description:
        'The last reload of blackbox.yml by {{ $labels.instance }} failed: it keeps probing with the modules it had, so a module added or changed since is missing or stale, and a restart would fail to start the exporter. Check first the exporter’s log for the parse error, then validate the file with `blackbox_exporter --config.check --config.file=blackbox.yml` and reload again (SIGHUP or POST /-/reload).',
    },
  ],
  overview: ['availability', 'probeDuration', 'certificateExpiry'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['failingProbes'], kind: 'stat', width: 6 },
        { signals: ['probeSuccess'], kind: 'stat', width: 6 },
        { signals: ['availability'], kind: 'gauge', width: 6 },
        { signals: ['certificateExpiry'], kind: 'stat', width: 6 },
      ],
    },
    {
      title: 'Availability and latency',
      panels: [
        { signals: ['probeSuccess'], width: 8 },
        { signals: ['probeDuration'], width: 8 },
        { signals: ['dnsLookupTime'], width: 8 },
      ],
    },
    {
      title: 'HTTP',
      panels: [
        { signals: ['httpPhaseDuration'], stack: true, width: 12 },
        { signals: ['httpStatusCode'], width: 6 },
        { signals: ['httpRedirects'], width: 6 },
        { signals: ['httpContentLength'], width: 8 },
        { signals: ['httpSsl'], kind: 'stat', width: 8 },
        { signals: ['regexFailed'], kind: 'stat', width: 8 },
      ],
    },
    {
      title: 'TLS',
      panels: [
        { signals: ['certificateExpiry'], kind: 'table', width: 16 },
        { signals: ['tlsVersion'], kind: 'table', width: 8 },
      ],
    },
    {
      title: 'Network path',
      panels: [
        { signals: ['icmpRtt'], width: 6 },
        { signals: ['icmpHopLimit'], width: 6 },
        { signals: ['ipChanges'], width: 6 },
        { signals: ['ipProtocol'], kind: 'stat', width: 6 },
      ],
    },
    {
      title: 'Exporter',
      panels: [{ signals: ['configReloaded'], kind: 'stat', width: 6 }],
    },
  ],
});
