import { sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext } from '../types';

// Slow, not silent: every probe of the window got an answer. A query that gets none waits until the module's
// timeout runs out (prober/dns.go, v0.23.0 and v0.28.0: the client's timeout is the probe's deadline, and
// probe_dns_query_succeeded stays 0), so an unreachable server shows probes as long as the timeout: that is
// DNSProbeFailed's, and "answers slowly" would be false.
const answeredThroughout = (q: QueryContext) =>
  `min_over_time(${sel('probe_dns_query_succeeded', q)}[${q.range}]) == 1`;

export const dnsExporter = defineExporter({
  id: 'dns',
  title: 'DNS prober',
  layer: 'network',
  defaultPort: 9115,
  docsUrl: 'https://github.com/prometheus/blackbox_exporter/blob/master/CONFIGURATION.md#dns_probe',
  description:
    'DNS resolution checked by blackbox_exporter’s dns prober: query success, answers, response time per phase.',
  // probe_success and probe_dns_lookup_time_seconds (the target's name lookup) come from every
  // prober, HTTP/TCP/ICMP included: only the DNS prober's own names make a job a DNS one, and the
  // shared names are always joined with probe_dns_query_succeeded below.
  detection: {
    metrics: ['probe_dns_query_succeeded', 'probe_dns_answer_rrs'],
    supersedes: ['blackbox'],
  },
  infoMetrics: ['probe_dns_query_succeeded'],
  // blackbox_exporter_build_info lives on the exporter's own /metrics, a different job from the probes.
  versionMetric: { metric: 'blackbox_exporter_build_info', label: 'version' },
  thresholds: [
    {
      id: 'probeDuration',
      direction: 'above',
      warning: 1,
      critical: 3,
      min: 0.01,
      max: 60,
      description: 'Time the whole DNS probe took; a healthy resolver answers in milliseconds.',
    },
    {
      id: 'answerRecords',
      direction: 'below',
      warning: 1,
      min: 0,
      max: 1000,
      description:
        'Records in the answer section; fewer than the threshold (by default: none) means the name no longer resolves.',
    },
    {
      id: 'availability',
      direction: 'below',
      warning: 0.99,
      critical: 0.9,
      min: 0,
    },
  ],
  signals: [
    {
      id: 'probeSuccess',
      title: 'Probe succeeded',
      description: 'Whether the last DNS probe passed every check of its module (rcode, answer validation) (1 = yes).',
      unit: 'bool_yes_no',
      expr: (q) => `${sel('probe_success', q)} and on (${q.by}) ${sel('probe_dns_query_succeeded', q)}`,
    },
    {
      id: 'querySucceeded',
      title: 'Query answered',
      description:
        'Whether the server answered the query at all (1 = yes); 1 with a failed probe means the answer did not pass validation.',
      unit: 'bool_yes_no',
      expr: (q) => sel('probe_dns_query_succeeded', q),
    },
    {
      id: 'availability',
      title: 'Availability',
      description: 'Share of successful probes over the interval.',
      unit: 'percentunit',
      expr: (q) =>
        `avg_over_time(${sel('probe_success', q)}[${q.range}]) and on (${q.by}) ${sel('probe_dns_query_succeeded', q)}`,
      threshold: 'availability',
    },
    {
      id: 'answerRecords',
      title: 'Answer records',
      description:
        'Resource records in the answer section; 0 means the name did not resolve (NXDOMAIN or empty answer).',
      unit: 'short',
      expr: (q) => sel('probe_dns_answer_rrs', q),
      legend: '{{instance}} answer',
      threshold: 'answerRecords',
    },
    {
      id: 'authorityRecords',
      title: 'Authority records',
      description: 'Resource records in the authority section (NS or SOA of the zone).',
      unit: 'short',
      expr: (q) => sel('probe_dns_authority_rrs', q),
      legend: '{{instance}} authority',
    },
    {
      id: 'additionalRecords',
      title: 'Additional records',
      description: 'Resource records in the additional section (glue addresses, OPT).',
      unit: 'short',
      expr: (q) => sel('probe_dns_additional_rrs', q),
      legend: '{{instance}} additional',
    },
    {
      id: 'probeDuration',
      title: 'Probe duration',
      description: 'Time the whole probe took, from resolving the target to the validated answer.',
      unit: 's',
      expr: (q) => `${sel('probe_duration_seconds', q)} and on (${q.by}) ${sel('probe_dns_query_succeeded', q)}`,
      threshold: 'probeDuration',
    },
    {
      id: 'durationByPhase',
      title: 'Duration by phase',
      description: 'Time spent resolving the target’s address, connecting, and waiting for the DNS answer (request).',
      unit: 's',
      variants: [
        { note: 'blackbox_exporter ≥ 0.18 (phase breakdown)', expr: (q) => sel('probe_dns_duration_seconds', q) },
      ],
      legend: '{{instance}} {{phase}}',
      optional: 'blackbox_exporter before 0.18 has no per-phase DNS timings',
    },
    {
      id: 'queryTime',
      title: 'Query response time',
      description: 'Time from sending the query to receiving the answer: the resolver’s own response time.',
      unit: 's',
      variants: [
        // `without (phase)` gives both variants the same labels, so the fallback yields where the phase exists.
        {
          note: 'blackbox_exporter ≥ 0.18',
          expr: (q) => `sum without (phase) (${sel('probe_dns_duration_seconds', q, 'phase="request"')})`,
        },
        {
          note: 'blackbox_exporter < 0.18: whole probe minus the target lookup (includes connection setup)',
          expr: (q) =>
            `(${sel('probe_duration_seconds', q)} - ${sel('probe_dns_lookup_time_seconds', q)}) and on (${q.by}) ${sel('probe_dns_query_succeeded', q)}`,
        },
      ],
    },
    {
      id: 'targetLookupTime',
      title: 'Target name lookup',
      description:
        'Time the prober spent resolving the probed server’s own name (not the query); near 0 when the target is an IP address.',
      unit: 's',
      expr: (q) => `${sel('probe_dns_lookup_time_seconds', q)} and on (${q.by}) ${sel('probe_dns_query_succeeded', q)}`,
    },
    {
      id: 'zoneSerial',
      title: 'Zone serial',
      description: 'SOA serial returned by the server; secondaries lagging behind the primary show a smaller serial.',
      unit: 'none',
      expr: (q) => sel('probe_dns_serial', q),
      optional: 'only for SOA queries',
    },
    {
      id: 'ipProtocol',
      title: 'IP protocol',
      description: 'IP version used to reach the server (4 or 6).',
      unit: 'none',
      expr: (q) => `${sel('probe_ip_protocol', q)} and on (${q.by}) ${sel('probe_dns_query_succeeded', q)}`,
    },
    {
      id: 'targetAddressChanges',
      title: 'Target address changes',
      description:
        'Times the probed server’s resolved IP address changed in the interval (DNS-based failover or a misconfigured record).',
      unit: 'short',
      variants: [
        {
          note: 'blackbox_exporter ≥ 0.17 (probe_ip_addr_hash)',
          expr: (q) =>
            `changes(${sel('probe_ip_addr_hash', q)}[${q.range}]) and on (${q.by}) ${sel('probe_dns_query_succeeded', q)}`,
        },
      ],
    },
  ],
  alerts: [
    {
      id: 'probe-failed',
      name: 'DNSProbeFailed',
      severity: 'critical',
      for: '3m',
      // max_over_time: every probe in the window failed, so one missed scrape neither hides nor
      // resets the failure. Joined with the DNS prober's own metric: probe_success is shared.
      // Its signal over the window, written out: overWindow reads plain selectors only, not a join.
      signal: 'probeSuccess',
      query: (q) =>
        `max_over_time(${sel('probe_success', q)}[2m]) and on (${q.by}) last_over_time(${sel('probe_dns_query_succeeded', q)}[2m])`,
      comparison: '<',
      threshold: 1,
      summary: 'DNS probe of {{ $labels.instance }} fails.',
      description:
        'Every DNS probe of {{ $labels.instance }} (job {{ $labels.job }}) has failed for 5 minutes: the server does not answer, answers with an error rcode, or its answer fails the module’s validation. Query it by hand (`dig @server name`) and check the server’s log; clients relying on it cannot resolve names.',
    },
    {
      id: 'availability-low',
      name: 'DNSAvailabilityLow',
      severity: 'warning',
      for: '5m',
      query: (q) =>
        `avg_over_time(${sel('probe_success', q)}[1h]) and on (${q.by}) last_over_time(${sel('probe_dns_query_succeeded', q)}[${q.range}])`,
      threshold: 'availability',
      summary: 'DNS server {{ $labels.instance }} fails too many probes.',
      description:
        'Over the last hour a larger share of DNS probes of {{ $labels.instance }} failed than the availability threshold allows: the server answers intermittently (overload, packet loss, a flapping upstream). Check its query rate, its upstreams and the network path.',
    },
    {
      id: 'no-answer',
      name: 'DNSNoAnswer',
      severity: 'warning',
      for: '5m',
      signal: 'answerRecords',
      overWindow: 'max',
      // Only answered queries: a server that does not answer at all is DNSProbeFailed's case.
      filters: [(q) => `${sel('probe_dns_query_succeeded', q)} == 1`],
      threshold: 'answerRecords',
      summary: 'DNS server {{ $labels.instance }} answers the probed name with no records.',
      description:
        'The DNS server {{ $labels.instance }} answers, but with fewer records than the threshold (by default none): the probed name no longer resolves (NXDOMAIN or an empty answer). Check the zone for a deleted record or a failed zone transfer.',
    },
    {
      id: 'slow',
      name: 'DNSSlowResponse',
      severity: 'warning',
      for: '10m',
      query: (q) =>
        `avg_over_time(${sel('probe_duration_seconds', q)}[${q.range}]) and on (${q.by}) last_over_time(${sel('probe_dns_query_succeeded', q)}[${q.range}])`,
      filters: [answeredThroughout],
      threshold: 'probeDuration',
      summary: 'DNS server {{ $labels.instance }} answers slowly.',
      description:
        'DNS probes of {{ $labels.instance }} have taken longer than the warning threshold on average for 10 minutes; every client lookup waits as long. Check the server’s load, its upstream resolvers and the network path.',
    },
    {
      id: 'very-slow',
      name: 'DNSVerySlowResponse',
      severity: 'critical',
      for: '5m',
      query: (q) =>
        `avg_over_time(${sel('probe_duration_seconds', q)}[${q.range}]) and on (${q.by}) last_over_time(${sel('probe_dns_query_succeeded', q)}[${q.range}])`,
      filters: [answeredThroughout],
      threshold: 'probeDuration',
      summary: 'DNS server {{ $labels.instance }} answers very slowly.',
      description:
        'DNS probes of {{ $labels.instance }} take longer than the critical threshold: many clients time out (the usual resolver timeout is a few seconds) and fall back or fail. Check the server now: overload, an unreachable upstream or packet loss.',
    },
  ],
  overview: ['probeSuccess', 'availability', 'queryTime', 'answerRecords'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['probeSuccess'], kind: 'stat', width: 4 },
        { signals: ['querySucceeded'], kind: 'stat', width: 4 },
        { signals: ['availability'], kind: 'gauge', width: 4 },
        { signals: ['answerRecords'], kind: 'stat', width: 4 },
        { signals: ['probeDuration'], kind: 'stat', width: 4 },
        { signals: ['queryTime'], kind: 'stat', width: 4 },
      ],
    },
    {
      title: 'Response time',
      panels: [
        { signals: ['probeDuration'], width: 8 },
        { signals: ['durationByPhase'], stack: true, width: 8 },
        { signals: ['targetLookupTime'], width: 8 },
      ],
    },
    {
      title: 'Answers',
      panels: [
        {
          signals: ['answerRecords', 'authorityRecords', 'additionalRecords'],
          title: 'Records per section',
          description: 'Resource records in the answer, authority and additional sections of the response.',
          width: 12,
        },
        { signals: ['availability'], width: 12 },
      ],
    },
    {
      title: 'Target',
      panels: [
        { signals: ['zoneSerial'], width: 8 },
        { signals: ['ipProtocol'], kind: 'stat', width: 8 },
        { signals: ['targetAddressChanges'], width: 8 },
      ],
    },
  ],
});
