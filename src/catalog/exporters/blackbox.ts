import { sel } from '../promql';
import type { ExporterDefinition } from '../types';

// Each probe job scrapes /probe, so a target's series carry no exporter build info: that lives on
// the exporter's own /metrics job. Probe-type-specific series only exist for that prober.
const HTTP_ONLY = 'only HTTP probes expose it; TCP and ICMP probe jobs rightly return nothing';
const ICMP_ONLY = 'only ICMP probes expose it; HTTP and TCP probe jobs rightly return nothing';
const TLS_ONLY = 'only probes that end on a TLS connection (HTTPS, TCP with tls: true) report certificates';

export const blackboxExporter: ExporterDefinition = {
  id: 'blackbox',
  title: 'Blackbox exporter',
  layer: 'infrastructure',
  defaultPort: 9115,
  docsUrl: 'https://github.com/prometheus/blackbox_exporter',
  description:
    'Synthetic HTTP, TCP and ICMP probes: whether endpoints answer, how fast, with which status and certificate.',
  // The DNS prober is its own catalog entry (`dns`) that supersedes this one for jobs with probe_dns_*.
  detection: { metrics: ['probe_success'] },
  infoMetrics: ['probe_success'],
  thresholds: [
    {
      id: 'probeDuration',
      title: 'Probe duration',
      unit: 's',
      direction: 'above',
      warning: 1,
      min: 0.01,
      max: 120,
      description: 'Time a whole probe took (DNS, connect, TLS, request); slower than this means a sluggish endpoint.',
    },
    {
      id: 'certificateExpiry',
      title: 'Certificate validity left',
      unit: 's',
      direction: 'below',
      warning: 1728000,
      critical: 259200,
      min: 3600,
      max: 31536000,
      description:
        'Time until the earliest certificate in the served chain expires, in seconds (defaults: 20 days warning, 3 days critical).',
    },
    {
      id: 'availability',
      title: 'Probe availability',
      unit: 'percentunit',
      direction: 'below',
      warning: 0.99,
      critical: 0.9,
      min: 0,
      max: 1,
      description: 'Share of successful probes over the window.',
    },
  ],
  signals: [
    {
      id: 'probeSuccess',
      title: 'Probe success',
      description:
        'Whether the last probe of each target succeeded (1) or failed (0): the endpoint is reachable and answered as the module expects.',
      unit: 'bool_yes_no',
      variants: [{ expr: (q) => sel('probe_success', q) }],
      legend: '{{instance}}',
      min: 0,
      max: 1,
    },
    {
      id: 'failingProbes',
      title: 'Failing probes',
      description:
        'Number of targets whose last probe failed, per job; anything above 0 is an endpoint users cannot reach.',
      unit: 'short',
      variants: [{ expr: (q) => `sum by (job) (1 - ${sel('probe_success', q)})` }],
      legend: '{{job}}',
      min: 0,
    },
    {
      id: 'availability',
      title: 'Availability',
      description:
        'Share of probes that succeeded over the window; flapping endpoints show up here before they fail outright.',
      unit: 'percentunit',
      variants: [{ expr: (q) => `avg_over_time(${sel('probe_success', q)}[${q.range}])` }],
      legend: '{{instance}}',
      threshold: 'availability',
      min: 0,
      max: 1,
    },
    {
      id: 'probeDuration',
      title: 'Probe duration',
      description: 'Wall-clock time of the whole probe, including name resolution, connect, TLS and the request.',
      unit: 's',
      variants: [{ expr: (q) => sel('probe_duration_seconds', q) }],
      legend: '{{instance}}',
      threshold: 'probeDuration',
      min: 0,
    },
    {
      id: 'dnsLookupTime',
      title: 'Target name resolution',
      description: 'Time spent resolving the target host name before probing; slow resolvers inflate every probe.',
      unit: 's',
      variants: [{ expr: (q) => sel('probe_dns_lookup_time_seconds', q) }],
      legend: '{{instance}}',
      min: 0,
    },
    {
      id: 'httpStatusCode',
      title: 'HTTP status code',
      description:
        'Status code of the last HTTP response (after redirects); 0 means no response arrived. Outside 200–399 the endpoint is failing.',
      unit: 'none',
      variants: [{ expr: (q) => sel('probe_http_status_code', q) }],
      legend: '{{instance}}',
      optional: HTTP_ONLY,
    },
    {
      id: 'httpPhaseDuration',
      title: 'HTTP time by phase',
      description:
        'Time of each HTTP probe phase (resolve, connect, tls, processing, transfer), summed over redirects; shows where latency comes from.',
      unit: 's',
      variants: [{ expr: (q) => sel('probe_http_duration_seconds', q) }],
      legend: '{{instance}} {{phase}}',
      min: 0,
      optional: HTTP_ONLY,
    },
    {
      id: 'httpRedirects',
      title: 'HTTP redirects',
      description:
        'Number of redirects followed before the final response; a sudden change often means a misrouted or moved endpoint.',
      unit: 'short',
      variants: [{ expr: (q) => sel('probe_http_redirects', q) }],
      legend: '{{instance}}',
      min: 0,
      optional: HTTP_ONLY,
    },
    {
      id: 'httpContentLength',
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
      legend: '{{instance}}',
      optional: HTTP_ONLY,
    },
    {
      id: 'httpSsl',
      title: 'Served over TLS',
      description:
        'Whether the final HTTP response came over TLS (1) or plain HTTP (0); a 0 on an HTTPS endpoint means a downgrade redirect.',
      unit: 'bool_yes_no',
      variants: [{ expr: (q) => sel('probe_http_ssl', q) }],
      legend: '{{instance}}',
      min: 0,
      max: 1,
      optional: HTTP_ONLY,
    },
    {
      id: 'regexFailed',
      title: 'Content check failed',
      description:
        'Whether the probe failed because the body or banner did not match the module’s regular expressions (1 = failed on content).',
      unit: 'bool_yes_no',
      variants: [{ expr: (q) => sel('probe_failed_due_to_regex', q) }],
      legend: '{{instance}}',
      min: 0,
      max: 1,
      optional: 'only HTTP and TCP probes expose it; ICMP probe jobs rightly return nothing',
    },
    {
      id: 'certificateExpiry',
      title: 'Certificate expires in',
      description:
        'Time until the earliest-expiring certificate of the served chain runs out; renew before it reaches the thresholds.',
      unit: 's',
      variants: [{ expr: (q) => `${sel('probe_ssl_earliest_cert_expiry', q)} - time()` }],
      legend: '{{instance}}',
      threshold: 'certificateExpiry',
      optional: TLS_ONLY,
    },
    {
      id: 'tlsVersion',
      title: 'TLS version',
      description:
        'TLS protocol version negotiated with the target; old versions (TLS 1.0/1.1) are deprecated by browsers.',
      unit: 'none',
      variants: [{ expr: (q) => sel('probe_tls_version_info', q) }],
      legend: '{{instance}} {{version}}',
      optional: TLS_ONLY,
    },
    {
      id: 'icmpRtt',
      title: 'ICMP round trip',
      description: 'Round-trip time of the ICMP echo; rising values without load changes point at the network path.',
      unit: 's',
      variants: [{ expr: (q) => sel('probe_icmp_duration_seconds', q, 'phase="rtt"') }],
      legend: '{{instance}}',
      min: 0,
      optional: ICMP_ONLY,
    },
    {
      id: 'icmpHopLimit',
      title: 'ICMP reply hop limit',
      description: 'TTL / hop limit of the echo reply; a change means the route to the target changed.',
      unit: 'short',
      variants: [{ expr: (q) => sel('probe_icmp_reply_hop_limit', q) }],
      legend: '{{instance}}',
      optional: 'only ICMP probes expose it, and only on releases that record the reply TTL (0.23 does)',
    },
    {
      id: 'ipChanges',
      title: 'Resolved address changes',
      description:
        'How often the target resolved to a different IP address over the window (hash of the probed IP); unexpected changes suggest DNS trouble or failover.',
      unit: 'short',
      variants: [{ expr: (q) => `changes(${sel('probe_ip_addr_hash', q)}[${q.range}])` }],
      legend: '{{instance}}',
      min: 0,
    },
    {
      id: 'ipProtocol',
      title: 'IP protocol',
      description: 'IP version the probe used (4 or 6); a fallback from the preferred protocol can hide broken IPv6.',
      unit: 'none',
      variants: [{ expr: (q) => sel('probe_ip_protocol', q) }],
      legend: '{{instance}}',
    },
  ],
  alerts: [],
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
  ],
};
