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
/** A probe added after the oldest supported release: read at the release that added it and the current one. */
const laterProbe = (since: string, file: string, labels: string[], note?: string): MetricEvidence => ({
  labels,
  sources: [{ tags: [since, TAGS[TAGS.length - 1]], file: `pkg/probe/${file}` }],
  versions: `≥ ${since.slice(1)}`,
  ...(note ? { note } : {}),
});
const BGP_NEIGHBOR = ['vdom', 'remote_as', 'state', 'admin_status', 'local_ip', 'neighbor_ip'];
const BGP_STATE =
  'state: Idle, Connect, Active, Open sent, Open confirm, Established (the FortiOS strings the value maps, bgpStateToNumber); the value is 1 before v1.21.0 and the state number (6 = Established) since, so queries read the label; FortiOS ≥ 7.0 only (the probe skips older)';
const LB_SERVER = ['vdom', 'virtual_server', 'id'];
const SWITCH_PORT = ['vdom', 'switch_name', 'port'];
const AP_RADIO = ['vdom', 'ap_name', 'radio_id'];
const SDN = ['vdom', 'name', 'type'];

export const fortigateEvidence: ExporterEvidence = {
  exporter: 'fortigate',
  repository: 'prometheus-community/fortigate_exporter',
  // v1.17.0 is the first release with both fortigate_ha_member_has_role (system_ha_checksum.go)
  // and fortigate_last_reboot_seconds (webui_state.go).
  supported: { oldest: 'v1.17.0', current: 'v1.24.1' },
  families: [
    {
      name: 'fortigate_exporter 1.17 – 1.24',
      differs:
        'one family: every name, label and label vocabulary the pack reads is the same in each release since 1.17.0 that has the probe; probes added later (managed switches 1.18, SDN connectors 1.20, IP pools 1.22, OSPF 1.23) are simply absent before (versions below), and the BGP and OSPF values that changed meaning are not read',
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
    fortigate_certificate_valid_to_seconds: probe(
      'system_available_certificates.go',
      CERT,
      'unix seconds; every certificate of api/v2/monitor/system/available-certificates, once from the global listing (scope global) and once per VDOM listing (scope vdom); source: factory in every test, user for the LetsEncrypt-… certificates of EXAMPLES.md'
    ),
    fortigate_certificate_cmdb_references: probe(
      'system_available_certificates.go',
      CERT,
      'the API’s q_ref, configuration objects that use the certificate, per listing (Fortinet_CA_SSL 0 in the global one, 5 in VDOM root’s, system_available_certificates_test.go); upstream’s captures show factory certificates expired and still referenced (Fortinet_Wifi 1, expired 2021, testdata/available-certificates-scope-global.jsonnet; Fortinet_SSL_* 1, expired 2022, testdata/available-certificates.jsonnet); EXAMPLES.md filters expiring certificates on > 0'
    ),
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
    fortigate_time_seconds: probe(
      'system_time.go',
      [],
      'unix seconds of the firewall clock; probed first of all, right after the API connectivity check (probe.go)'
    ),
    fortigate_bgp_neighbor_ipv4_info: probe('bgp_neighbors.go', BGP_NEIGHBOR, BGP_STATE),
    fortigate_bgp_neighbor_ipv6_info: probe('bgp_neighbors.go', BGP_NEIGHBOR, BGP_STATE),
    fortigate_bgp_neighbor_ipv4_paths: probe(
      'bgp_neighbor_routes.go',
      ['vdom', 'neighbor_ip'],
      'paths per learned_from address; none with -max-bgp-paths 0, and the probe fails when a VDOM has more paths than -max-bgp-paths (default 10000)'
    ),
    fortigate_bgp_neighbor_ipv6_paths: probe('bgp_neighbor_routes.go', ['vdom', 'neighbor_ip'], 'as the IPv4 paths'),
    fortigate_ospf_neighbor_info: laterProbe(
      'v1.23.0',
      'ospf_neighbors.go',
      ['vdom', 'state', 'priority', 'router_id', 'neighbor_ip'],
      'state: Down, Attempt, Init, Two way, Exchange start, Exchange, Loading, Full; only neighbours FortiOS still lists (a dead one drops out after its dead interval); the value numbering changed in v1.23.2 (99e11c0), so queries read the label; FortiOS ≥ 7.0 only'
    ),
    fortigate_ippool_available_ratio: laterProbe(
      'v1.22.0',
      'firewall_ippool.go',
      ['vdom', 'name'],
      'FortiOS "available" percent / 100'
    ),
    fortigate_lb_real_server_status: probe(
      'firewall_load_balance.go',
      [...LB_SERVER, 'state'],
      'one 0/1 series per state: up, down, unknown (any other FortiOS status); FortiOS ≥ 6.4 only'
    ),
    fortigate_lb_real_server_mode: probe(
      'firewall_load_balance.go',
      [...LB_SERVER, 'mode'],
      'one 0/1 series per mode: active, standby, disabled'
    ),
    fortigate_lb_real_server_active_sessions: probe('firewall_load_balance.go', LB_SERVER),
    fortigate_fortimanager_connection_status: probe(
      'system_fortimanager.go',
      ['vdom', 'mode', 'status'],
      'one 0/1 series per status: down (fortimanager_status_id 0, also on a firewall without FortiManager), handshake (1), up (2)'
    ),
    fortigate_fortimanager_registration_status: probe(
      'system_fortimanager.go',
      ['vdom', 'mode', 'status'],
      'one 0/1 series per status: unknown (fortimanager_registration_status_id 0, FortiManager does not know the device), inprogress (1), registered (2, known and authorised), unregistered (3, known, not authorised)'
    ),
    fortigate_system_sdn_connector_status: laterProbe(
      'v1.20.0',
      'system_sdn_connector.go',
      SDN,
      'the value is the status: 0 Disabled, 1 Down, 2 Unknown, 3 Up, 4 Updating'
    ),
    fortigate_user_fsso_info: probe(
      'user_fsso.go',
      ['vdom', 'name', 'id', 'type', 'status'],
      'always 1; type fsso carries name (id empty), other types (fsso-polling) id (name empty); status as FortiOS writes it: connected, disconnected (testdata/user-fsso.jsonnet)'
    ),
    fortigate_wifi_access_points: probe(
      'wifi_ap_status.go',
      ['vdom', 'status'],
      'managed FortiAPs per status: active (wtp_active), down (wtp_down), rebooting (wtp_rebooted)'
    ),
    fortigate_wifi_fabric_clients: probe('wifi_ap_status.go', ['vdom']),
    fortigate_wifi_managed_ap_radio_client_count: probe('wifi_managed_ap.go', AP_RADIO),
    fortigate_wifi_managed_ap_radio_operating_channel_utilization_ratio: probe(
      'wifi_managed_ap.go',
      AP_RADIO,
      'channel_utilization_percent / 100'
    ),
    fortigate_managed_switch_info: laterProbe(
      'v1.18.0',
      'managed_switch.go',
      ['vdom', 'switch_name', 'os_version', 'serial', 'state', 'status'],
      'always 1 (typed counter); state and status as FortiOS writes them: the tests show state "Authorized", status "Connected" (testdata/managed-switch.jsonnet), so queries test for those and nothing else'
    ),
    fortigate_managed_switch_port_power_watt: laterProbe('v1.18.0', 'managed_switch.go', SWITCH_PORT),
    fortigate_managed_switch_max_poe_budget_watt: laterProbe(
      'v1.18.0',
      'managed_switch.go',
      ['vdom', 'switch_name'],
      'typed counter, a budget in watts'
    ),
    fortigate_managed_switch_rx_errors_total: laterProbe('v1.18.0', 'managed_switch.go', SWITCH_PORT),
    fortigate_managed_switch_tx_errors_total: laterProbe('v1.18.0', 'managed_switch.go', SWITCH_PORT),
    fortigate_log_fortianalyzer_queue_connections: probe(
      'log_fortianalyzer_queue.go',
      ['vdom'],
      'the API\'s "connected" field; the probe answers on a firewall without FortiAnalyzer too'
    ),
    fortigate_log_fortianalyzer_registration_info: probe(
      'log_fortianalyzer.go',
      ['vdom', 'registration', 'connection'],
      'always 1; registration and connection are the API\'s strings verbatim: "registered" and "allow" in testdata/log-fortianalyzer.jsonnet, no other value in the exporter\'s tests'
    ),
    fortigate_log_fortianalyzer_queue_logs: probe(
      'log_fortianalyzer_queue.go',
      ['vdom', 'state'],
      'state: cached (cached_logs), failed (failed_logs); exported as gauges, the exporter itself unsure they are not counters (a code comment), so the pack draws them and alerts on neither'
    ),
    fortigate_log_disk_used_bytes: probe('log_current_disk_usage.go', ['vdom']),
    fortigate_log_disk_total_bytes: probe('log_current_disk_usage.go', ['vdom']),
    fortigate_exporter_build_info: {
      labels: ['version'],
      sources: [{ tags: TAGS, file: 'fortigate_exporter.go' }],
      note: 'served on /metrics, not on /probe (also revision, goversion)',
    },
  },
};
