import { BLACKBOX_FAMILY } from './blackbox';
import type { ExporterEvidence, MetricEvidence, SourceRef } from './types';

// The DNS prober of blackbox_exporter; Debian bookworm ships 0.23, read at 0.23.0 and 0.28.0.
const BOTH: [string, ...string[]] = ['v0.23.0', 'v0.28.0'];
const at = (file: string): SourceRef => ({ tags: BOTH, file });
const metric = (labels: string[], file: string, note?: string): MetricEvidence => ({
  labels,
  sources: [at(file)],
  ...(note ? { note } : {}),
});

const DNS = 'prober/dns.go';
const RESOLVE = 'prober/utils.go';

export const dnsEvidence: ExporterEvidence = {
  exporter: 'dns',
  repository: 'prometheus/blackbox_exporter',
  supported: { oldest: 'v0.23.0', current: 'v0.28.0' },
  families: [{ name: BLACKBOX_FAMILY, differs: 'one family: the DNS prober’s names and labels did not change' }],
  metrics: {
    blackbox_exporter_build_info: metric(
      ['version', 'revision', 'branch', 'goversion'],
      'main.go',
      'on the exporter’s own /metrics job'
    ),
    probe_success: metric([], 'prober/handler.go', 'shared with every prober: joined with probe_dns_query_succeeded'),
    probe_duration_seconds: metric([], 'prober/handler.go'),
    probe_dns_query_succeeded: metric(
      [],
      DNS,
      'registered before the probe can fail, 1 once any answer arrived (also NXDOMAIN or another rcode the module refuses)'
    ),
    probe_dns_answer_rrs: metric([], DNS, 'registered up front: 0 until an answer arrives'),
    probe_dns_authority_rrs: metric([], DNS),
    probe_dns_additional_rrs: metric([], DNS),
    probe_dns_duration_seconds: metric(
      ['phase'],
      DNS,
      'phases resolve (only once the target resolved), connect, request'
    ),
    probe_dns_serial: metric([], DNS, 'only for SOA queries'),
    probe_dns_lookup_time_seconds: metric([], RESOLVE, 'the probed server’s own name lookup'),
    probe_ip_protocol: metric([], RESOLVE),
    probe_ip_addr_hash: metric([], RESOLVE),
  },
};
