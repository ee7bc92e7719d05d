import type { ExporterEvidence, MetricEvidence, SourceRef } from './types';

// mehdy/keepalived-exporter: every metric is described in fillMetrics() and emitted in Collect() of
// internal/collector/collector.go; read at these tags.
const TAGS: [string, ...string[]] = ['v1.3.0', 'v1.4.0', 'v1.7.1'];
const COLLECTOR: SourceRef = { tags: TAGS, file: 'internal/collector/collector.go' };
// Per VRRP instance (iname, the instance's interface, vrid).
const INSTANCE = ['iname', 'intf', 'vrid'];
// Per virtual IP: intf is the VIP's own interface, parsed from keepalived's address line.
const VIP = ['iname', 'intf', 'vrid', 'ip_address'];

const counter = (note?: string): MetricEvidence => ({
  labels: INSTANCE,
  sources: [COLLECTOR],
  ...(note ? { note } : {}),
});

export const keepalivedEvidence: ExporterEvidence = {
  exporter: 'keepalived',
  repository: 'mehdy/keepalived-exporter',
  // Before v1.3.0 every per-instance counter also carried a `state` label (commonLabels in
  // collector.go at v1.0.0–v1.2.0): becoming MASTER moved keepalived_become_master_total to a new
  // series, so increase() never saw the failover. v1.3.0 dropped that label.
  supported: { oldest: 'v1.3.0', current: 'v1.7.1' },
  families: [
    {
      name: 'keepalived-exporter 1.3 – 1.7',
      differs:
        'one family: names and labels are the same from 1.3.0 on; 1.4.0 added keepalived_exporter_build_info and keepalived_vrrp_excluded_state',
    },
  ],
  metrics: {
    keepalived_up: {
      labels: [],
      sources: [COLLECTOR],
      note: '0 when neither keepalived.data/keepalived.stats (or the JSON dump) could be read after retries; nothing else is emitted then',
    },
    keepalived_vrrp_state: {
      labels: VIP,
      sources: [COLLECTOR, { tags: TAGS, file: 'internal/collector/parser.go' }],
      note: 'value is the index in VRRPStates: 0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT; one series per virtual IP, and one with ip_address="" (intf = the instance interface) for an instance without VIPs',
    },
    keepalived_exporter_check_script_status: {
      labels: VIP,
      sources: [COLLECTOR],
      // A Go flag named `cs` in every supported release (cmd/keepalived-exporter/main.go, v1.3.0 – v1.7.1);
      // no --ka.check-script exists.
      note: 'only with -cs <script path>; 1 when the script exits 0 for that VIP',
    },
    keepalived_advertisements_received_total: counter(),
    keepalived_advertisements_sent_total: counter(),
    keepalived_become_master_total: counter(),
    keepalived_release_master_total: counter(),
    keepalived_packet_length_errors_total: counter(),
    keepalived_advertisements_interval_errors_total: counter(),
    keepalived_ip_ttl_errors_total: counter(),
    keepalived_invalid_type_received_total: counter(),
    keepalived_address_list_errors_total: counter(),
    keepalived_authentication_invalid_total: counter(),
    keepalived_authentication_mismatch_total: counter(),
    keepalived_authentication_failure_total: counter(),
    keepalived_priority_zero_received_total: counter(),
    keepalived_priority_zero_sent_total: counter(),
    keepalived_script_status: {
      labels: ['name'],
      sources: [COLLECTOR, { tags: TAGS, file: 'internal/collector/parser.go' }],
      note: 'VRRPScriptStatuses index: 0 BAD, 1 GOOD; read from keepalived.data, so never emitted with --ka.json (the JSON path fills VRRPs only)',
    },
    keepalived_script_state: {
      labels: ['name'],
      sources: [
        COLLECTOR,
        { tags: TAGS, file: 'internal/collector/parser.go' },
        { tags: TAGS, file: 'internal/types/utils/vrrp.go' },
      ],
      note: '0 idle, 1 running, 2 requested termination, 3 forcing termination; only for keepalived ≥ 1.4.0 (HasVRRPScriptStateSupport) and not with --ka.json',
    },
    keepalived_exporter_build_info: {
      labels: ['version'],
      sources: [{ tags: ['v1.4.0', 'v1.7.1'], file: 'cmd/keepalived-exporter/main.go' }],
      versions: '≥ v1.4.0',
      note: 'prometheus/common version collector registered as "keepalived_exporter" (also revision, branch, goversion); 1.3.x has none, detection falls back to keepalived_up',
    },
  },
};
