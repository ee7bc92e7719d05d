import type { ExporterEvidence, MetricEvidence } from './types';

// prometheus-community/fortigate_exporter (bluecmd/fortigate_exporter before the move; same tags).
// One probe file per FortiOS API endpoint under pkg/probe/; read at the oldest supported and the
// current release.
const TAGS: [string, ...string[]] = ['v1.17.0', 'v1.24.1'];
const INTERFACE = ['vdom', 'name', 'alias', 'parent'];
const TUNNEL = ['vdom', 'name', 'p2serial', 'parent'];
const SLA = ['vdom', 'sla', 'interface'];
const CERT = ['name', 'source', 'scope', 'vdom'];

const probe = (file: string, labels: string[], note?: string): MetricEvidence => ({
  labels,
  sources: [{ tags: TAGS, file: `pkg/probe/${file}` }],
  ...(note ? { note } : {}),
});

export const fortigateEvidence: ExporterEvidence = {
  exporter: 'fortigate',
  repository: 'prometheus-community/fortigate_exporter',
  // v1.17.0 is the first release with both fortigate_ha_member_has_role (system_ha_checksum.go)
  // and fortigate_last_reboot_seconds (webui_state.go).
  supported: { oldest: 'v1.17.0', current: 'v1.24.1' },
  families: [
    {
      name: 'fortigate_exporter 1.17 – 1.24',
      differs: 'one family: every name and label the pack uses is the same in each release since 1.17.0',
    },
  ],
  metrics: {
    probe_success: probe('main.go', [], '0 unless every probe of the target succeeded'),
    fortigate_version_info: probe('system_status.go', ['serial', 'version', 'build']),
    fortigate_last_reboot_seconds: probe('webui_state.go', [], 'unix seconds (utc_last_reboot / 1000)'),
    fortigate_cpu_usage_ratio: probe(
      'system_resources_usage.go',
      ['processor'],
      'per core, 0–1 (current / 100); CPU[0], the average, is skipped, so processor counts from 0 over the cores'
    ),
    fortigate_memory_usage_ratio: probe('system_resources_usage.go', [], '0–1'),
    fortigate_current_sessions: probe('system_resources_usage.go', ['protocol'], 'protocol: ipv4, ipv6'),
    fortigate_vdom_cpu_usage_ratio: probe('system_resources_usage.go', ['vdom']),
    fortigate_vdom_current_sessions: probe('system_resources_usage.go', ['vdom', 'protocol']),
    fortigate_interface_link_up: probe('system_interface.go', INTERFACE),
    fortigate_interface_speed_bps: probe('system_interface.go', INTERFACE, 'negotiated Mbit/s × 10⁶; 0 without link'),
    fortigate_interface_receive_bytes_total: probe('system_interface.go', INTERFACE),
    fortigate_interface_transmit_bytes_total: probe('system_interface.go', INTERFACE),
    fortigate_interface_receive_errors_total: probe('system_interface.go', INTERFACE),
    fortigate_interface_transmit_errors_total: probe('system_interface.go', INTERFACE),
    fortigate_ipsec_tunnel_up: probe(
      'vpn_ipsec.go',
      TUNNEL,
      '1 when the phase 2 status is "up"; dial-up tunnels are skipped'
    ),
    fortigate_ipsec_tunnel_receive_bytes_total: probe('vpn_ipsec.go', TUNNEL),
    fortigate_ipsec_tunnel_transmit_bytes_total: probe('vpn_ipsec.go', TUNNEL),
    fortigate_ha_member_info: probe('system_ha_statistics.go', ['vdom', 'hostname', 'serial', 'group']),
    fortigate_ha_member_has_role: probe(
      'system_ha_checksum.go',
      ['role', 'serial'],
      'role: manage_master, root_master; one 0/1 series per role and member'
    ),
    fortigate_certificate_valid_to_seconds: probe('system_available_certificates.go', CERT, 'unix seconds'),
    fortigate_virtual_wan_status: probe(
      'virtual_wan_health_check.go',
      [...SLA, 'state'],
      'one 0/1 series per state: up, down, error (member not in the health check), disable (member disabled), unknown'
    ),
    fortigate_virtual_wan_latency_seconds: probe(
      'virtual_wan_health_check.go',
      SLA,
      'latency / 1000; only while the member is up (no series otherwise)'
    ),
    fortigate_virtual_wan_packet_loss_ratio: probe(
      'virtual_wan_health_check.go',
      SLA,
      'packet_loss / 100; only while the member is up (no series otherwise)'
    ),
    fortigate_exporter_build_info: {
      labels: ['version'],
      sources: [{ tags: TAGS, file: 'fortigate_exporter.go' }],
      note: 'served on /metrics, not on /probe (also revision, goversion)',
    },
  },
};
