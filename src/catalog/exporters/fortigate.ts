import { CHANGE_LOOKBACK, changedWithin, joinLabels, sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext, Requirement } from '../types';

// A speed of 0 means "not negotiated" (link down or virtual interface): dividing by it would draw
// +Inf, so such interfaces are left out of the utilisation panel.
const NEGOTIATED = '> 0';
const rx = (q: QueryContext) => `rate(${sel('fortigate_interface_receive_bytes_total', q)}[${q.range}])`;
const tx = (q: QueryContext) => `rate(${sel('fortigate_interface_transmit_bytes_total', q)}[${q.range}])`;

// Every probe runs by default; each reads one FortiOS API endpoint that the API user's admin profile must
// allow (README, "FortiGate Configuration"). Without it the probe's series are missing and probe_success is 0.
const permission = (grant: string, probes: string, versions?: string): Requirement => ({
  kind: 'config',
  enable: `${grant} read in the API user’s admin profile (${probes})`,
  ...(versions ? { versions } : {}),
  offByDefault: false,
});
// bgp_neighbors.go, bgp_neighbor_routes.go, ospf_neighbors.go: the endpoints exist from FortiOS 7.0 only.
const BGP_NEIGHBORS = permission('netgrp.route-cfg', 'BGP/Neighbors probes', 'FortiOS ≥ 7.0');
// bgp_neighbor_routes.go: more paths in a VDOM than -max-bgp-paths fails the probe; 0 turns it off.
const BGP_PATHS: Requirement = {
  kind: 'config',
  enable:
    'netgrp.route-cfg read in the API user’s admin profile (BGP/NeighborPaths probes), and -max-bgp-paths above the paths of the largest VDOM (default 10000)',
  versions: 'FortiOS ≥ 7.0',
  offByDefault: false,
};
const OSPF = permission('netgrp.route-cfg', 'OSPF/Neighbors probe', 'fortigate_exporter ≥ 1.23, FortiOS ≥ 7.0');
const IPPOOL = permission('fwgrp.policy', 'Firewall/IpPool probe', 'fortigate_exporter ≥ 1.22');
const LOAD_BALANCE = permission('fwgrp.others', 'Firewall/LoadBalance probe', 'FortiOS ≥ 6.4');
const WIFI = permission('wifi', 'Wifi/APStatus and Wifi/ManagedAP probes');
const SWITCH = permission('switch', 'Switch/ManagedSwitch probe', 'fortigate_exporter ≥ 1.18');
const LOGGING = permission('loggrp.config', 'Log/Fortianalyzer/Queue and Log/DiskUsage probes');
const FSSO = permission('authgrp', 'User/Fsso probe');
// README "FortiGate Configuration" (v1.17.0 – v1.24.1): VPN/IPSec reads api/v2/monitor/vpn/ipsec with
// vpngrp, which no other probe the dashboards read needs (vpn_ipsec.go).
const IPSEC = permission('vpngrp', 'VPN/IPSec probe');
const SDN: Requirement = {
  kind: 'config',
  enable: 'an SDN connector (config system sdn-connector) on the firewall',
  versions: 'fortigate_exporter ≥ 1.20',
  offByDefault: false,
};

const bgpNeighbors = (q: QueryContext, extra = '') =>
  `${sel('fortigate_bgp_neighbor_ipv4_info', q, extra)} or ${sel('fortigate_bgp_neighbor_ipv6_info', q, extra)}`;
const BGP_PEER = 'vdom, neighbor_ip, remote_as';
const OSPF_PEER = 'vdom, router_id, neighbor_ip';
// FortiOS keeps a neighbour in 2-Way on purpose between two routers that are neither DR nor BDR.
const OSPF_ADJACENT = 'state=~"Full|Two way"';
/**
 * 1 for each item whose series match `good`, 0 for the others: a yes/no per item that reads a state label,
 * not the value (the BGP and OSPF values changed meaning between releases, see the evidence). `series`
 * gives the selector(s) with extra matchers.
 */
const yesWhere = (series: (extra?: string) => string, q: QueryContext, items: string, good: string) =>
  `count by (${q.by}, ${items}) (${series(good)}) or count by (${q.by}, ${items}) (${series()}) * 0`;
const metricOf = (metric: string, q: QueryContext) => (extra?: string) => sel(metric, q, extra);
// Certificate alerts read only certificates something uses and the user manages. fortigate_certificate_cmdb_references
// is the API's q_ref, the configuration objects that use the certificate, counted per listing (global, and each VDOM's:
// Fortinet_CA_SSL reads 0 in the global one and 5 in VDOM root's, system_available_certificates_test.go, v1.17.0 –
// v1.24.1); its labels are the expiry's, so the filter's `and` pairs each listing with its own count. An unused
// certificate (the one a renewal replaced) expires harmlessly and fired until someone deleted it. Factory ones are
// Fortinet's, and FortiOS' defaults name them (system global wifi-certificate is Fortinet_Wifi, Fortinet's cookbook
// "Replacing the Fortinet_Wifi certificate"), so a count above 0 does not mean in use: upstream's own captures hold
// them expired and referenced (Fortinet_Wifi 2021, Fortinet_SSL_* 2022, testdata/available-certificates*.jsonnet),
// which fired for good. Upstream's EXAMPLES.md filters on the count the same way. Sources other than factory alert: the
// tests show none, and an unknown one in use gets the benefit of the doubt.
const certificateInUse = (q: QueryContext) =>
  `${sel('fortigate_certificate_cmdb_references', q, 'source!="factory"')} > 0`;
const clockOffset = (q: QueryContext) =>
  `${sel('fortigate_time_seconds', q)} - timestamp(${sel('fortigate_time_seconds', q)})`;

export const fortigateExporter = defineExporter({
  id: 'fortigate',
  title: 'FortiGate',
  layer: 'network',
  defaultPort: 9710,
  docsUrl: 'https://github.com/prometheus-community/fortigate_exporter',
  description:
    'Fortinet FortiGate firewalls through the REST API: CPU, memory, sessions, interfaces, IPsec, HA, SD-WAN, certificates, BGP and OSPF, NAT pools, load balancing, FortiAPs, FortiSwitches, logging and management links.',
  detection: {
    metrics: ['fortigate_cpu_usage_ratio', 'fortigate_version_info', 'fortigate_exporter_build_info'],
    // The exporter's /probe also answers probe_success, which alone would read as a blackbox job.
    supersedes: ['blackbox'],
  },
  infoMetrics: ['fortigate_version_info'],
  // Served on the exporter's own /metrics, not on /probe: present only when that endpoint is scraped too.
  versionMetric: { metric: 'fortigate_exporter_build_info', label: 'version' },
  thresholds: [
    {
      id: 'cpuUtilisation',
      direction: 'above',
      warning: 0.9,
      critical: 0.97,
      min: 0.01,
      description:
        'Average CPU use across the firewall’s processors (0–1); sustained high CPU delays session setup and the management plane.',
    },
    {
      id: 'memoryUtilisation',
      direction: 'above',
      warning: 0.9,
      critical: 0.95,
      min: 0.01,
    },
    {
      id: 'interfaceUtilisation',
      direction: 'above',
      warning: 0.8,
      critical: 0.95,
      min: 0.01,
    },
    {
      id: 'interfaceErrors',
      direction: 'above',
      warning: 1,
      min: 0.001,
      max: 100000,
      description:
        'Receive plus transmit errors per second on an interface; a steady rate means a bad cable, optic or duplex mismatch.',
    },
    {
      id: 'sdwanPacketLoss',
      direction: 'above',
      warning: 0.02,
      critical: 0.1,
      min: 0,
    },
    {
      id: 'certificateExpiry',
      unit: 's',
      direction: 'below',
      warning: 1728000,
      critical: 259200,
      min: 0,
      max: 31536000,
      description: 'Time left before a certificate expires, in seconds (defaults: 20 days warning, 3 days critical).',
    },
    {
      id: 'ippoolUtilisation',
      direction: 'above',
      warning: 0.9,
      min: 0.01,
      description:
        'Share of a source-NAT IP pool in use (0–1); a full pool refuses new outbound sessions that need a NAT port.',
    },
    {
      id: 'clockSkew',
      direction: 'above',
      warning: 60,
      min: 1,
      max: 3600,
      description:
        'How far the firewall clock is from Prometheus’ own, in seconds; FSSO (Kerberos), certificate checks and log correlation fail past a few minutes.',
    },
  ],
  signals: [
    {
      id: 'probeSuccess',
      title: 'API probe succeeded',
      description:
        'Whether every REST API call of the last probe succeeded (1 = yes); 0 means the firewall, its API token or a permission is failing.',
      unit: 'bool_yes_no',
      // probe_success is shared with blackbox probes: keep only FortiGate targets.
      expr: (q) => `${sel('probe_success', q)} and on (${q.by}) ${sel('fortigate_version_info', q)}`,
    },
    {
      id: 'uptime',
      title: 'Uptime',
      description: 'Time since the firewall last rebooted.',
      unit: 'dtdurations',
      expr: (q) => `time() - ${sel('fortigate_last_reboot_seconds', q)}`,
    },
    {
      id: 'cpuUtilisation',
      title: 'CPU utilisation',
      description: 'CPU use averaged over all processors (0–1).',
      unit: 'percentunit',
      expr: (q) => `avg by (${q.by}) (${sel('fortigate_cpu_usage_ratio', q)})`,
      threshold: 'cpuUtilisation',
    },
    {
      id: 'memoryUtilisation',
      title: 'Memory utilisation',
      description: 'Memory in use (0–1); near 90% FortiOS enters conserve mode.',
      unit: 'percentunit',
      expr: (q) => sel('fortigate_memory_usage_ratio', q),
      threshold: 'memoryUtilisation',
    },
    {
      id: 'sessions',
      title: 'Sessions',
      description: 'Current firewall sessions per IP protocol.',
      unit: 'short',
      expr: (q) => `sum by (${q.by}, protocol) (${sel('fortigate_current_sessions', q)})`,
      legend: '{{instance}} {{protocol}}',
    },
    {
      id: 'vdomCpu',
      title: 'CPU per VDOM',
      description: 'CPU use attributed to each virtual domain (0–1).',
      unit: 'percentunit',
      expr: (q) => sel('fortigate_vdom_cpu_usage_ratio', q),
      legend: '{{instance}} {{vdom}}',
    },
    {
      id: 'vdomSessions',
      title: 'Sessions per VDOM',
      description: 'Current sessions in each virtual domain, all IP protocols together.',
      unit: 'short',
      expr: (q) => `sum by (${q.by}, vdom) (${sel('fortigate_vdom_current_sessions', q)})`,
      legend: '{{instance}} {{vdom}}',
    },
    {
      id: 'interfaceLinkUp',
      title: 'Interface link',
      description: 'Link state of each interface (1 = up).',
      unit: 'bool_yes_no',
      expr: (q) => sel('fortigate_interface_link_up', q),
      legend: '{{instance}} {{name}} {{alias}}',
    },
    {
      id: 'interfaceReceive',
      title: 'Interface received',
      description: 'Bytes received per second on each interface.',
      unit: 'Bps',
      expr: rx,
      legend: '{{instance}} {{name}} in',
    },
    {
      id: 'interfaceTransmit',
      title: 'Interface sent',
      description: 'Bytes sent per second on each interface.',
      unit: 'Bps',
      expr: tx,
      legend: '{{instance}} {{name}} out',
    },
    {
      id: 'interfaceUtilisation',
      title: 'Interface utilisation',
      description:
        'Busiest direction of each interface as a share of its negotiated speed (interfaces without a negotiated speed are left out).',
      unit: 'percentunit',
      variants: [
        {
          expr: (q) =>
            // `(rx >= tx) or tx` keeps the larger direction per interface (both sides share labels).
            `8 * ((${rx(q)} >= ${tx(q)}) or ${tx(q)}) / (${sel('fortigate_interface_speed_bps', q)} ${NEGOTIATED})`,
        },
      ],
      legend: '{{instance}} {{name}}',
      threshold: 'interfaceUtilisation',
    },
    {
      id: 'interfaceErrors',
      title: 'Interface errors',
      description: 'Receive plus transmit errors per second on each interface: cabling, optics or duplex problems.',
      unit: 'pps',
      expr: (q) =>
        `rate(${sel('fortigate_interface_receive_errors_total', q)}[${q.range}]) + rate(${sel('fortigate_interface_transmit_errors_total', q)}[${q.range}])`,
      legend: '{{instance}} {{name}}',
    },
    {
      id: 'ipsecTunnelUp',
      requires: IPSEC,
      title: 'IPsec tunnels',
      description: 'State of each IPsec phase-2 tunnel (1 = up).',
      unit: 'bool_yes_no',
      expr: (q) => sel('fortigate_ipsec_tunnel_up', q),
      legend: '{{instance}} {{name}}',
      optional: 'only on firewalls with IPsec VPNs configured',
    },
    {
      id: 'ipsecTunnelsDown',
      requires: IPSEC,
      title: 'IPsec tunnels down',
      description: 'Configured IPsec phase-2 tunnels that are not up.',
      unit: 'short',
      expr: (q) =>
        `count by (${q.by}) (${sel('fortigate_ipsec_tunnel_up', q)} == 0) or sum by (${q.by}) (${sel('fortigate_ipsec_tunnel_up', q)} * 0)`,
      optional: 'only on firewalls with IPsec VPNs configured',
    },
    {
      id: 'ipsecThroughput',
      requires: IPSEC,
      title: 'IPsec throughput',
      description: 'Bytes per second through each tunnel, received plus sent.',
      unit: 'Bps',
      expr: (q) =>
        `rate(${sel('fortigate_ipsec_tunnel_receive_bytes_total', q)}[${q.range}]) + rate(${sel('fortigate_ipsec_tunnel_transmit_bytes_total', q)}[${q.range}])`,
      legend: '{{instance}} {{name}}',
      optional: 'only on firewalls with IPsec VPNs configured',
    },
    {
      id: 'haMembers',
      title: 'HA members',
      description: 'Cluster members the firewall reports; a drop means a peer left the HA cluster.',
      unit: 'short',
      expr: (q) => `count by (${q.by}) (${sel('fortigate_ha_member_info', q)})`,
      optional: 'only on firewalls in an HA cluster',
    },
    {
      id: 'haPrimary',
      title: 'HA primary',
      description: 'Which member (by serial) holds the root primary role; it should change only on a planned failover.',
      unit: 'bool_yes_no',
      expr: (q) => sel('fortigate_ha_member_has_role', q, 'role="root_master"'),
      legend: '{{instance}} {{serial}}',
      optional: 'only on firewalls in an HA cluster',
    },
    {
      id: 'sdwanPacketLoss',
      title: 'SD-WAN packet loss',
      description: 'Packet loss of each SD-WAN health check per member link (0–1).',
      unit: 'percentunit',
      expr: (q) => sel('fortigate_virtual_wan_packet_loss_ratio', q),
      legend: '{{instance}} {{sla}} {{interface}}',
      threshold: 'sdwanPacketLoss',
      optional: 'only with SD-WAN health checks configured',
    },
    {
      id: 'sdwanLatency',
      title: 'SD-WAN latency',
      description:
        'Latency measured by each SD-WAN health check per member link; no value while the link is down (the exporter reports none).',
      unit: 's',
      expr: (q) => sel('fortigate_virtual_wan_latency_seconds', q),
      legend: '{{instance}} {{sla}} {{interface}}',
      optional: 'only with SD-WAN health checks configured',
    },
    // The regeneration commands: Fortinet community KB 220901, "Renew FortiGate self-signed certificates".
    {
      id: 'certificateExpiry',
      title: 'Certificate expiry',
      description:
        'Time left before each certificate on the firewall expires, unused and factory ones included; only those the configuration uses and that are not Fortinet’s factory certificates alert. An expired self-signed factory certificate still in use is regenerated with `execute vpn certificate local generate default-ssl-key-certs` (or `default-ssl-serv-key` for Fortinet_SSL).',
      unit: 'dtdurations',
      expr: (q) => `${sel('fortigate_certificate_valid_to_seconds', q)} - time()`,
      legend: '{{instance}} {{name}}',
      threshold: 'certificateExpiry',
    },
    {
      id: 'bgpNeighborEstablished',
      title: 'BGP neighbours established',
      description:
        'Whether each configured BGP neighbour (IPv4 and IPv6) is in the Established state; a neighbour shut down on purpose reads “no” too.',
      unit: 'bool_yes_no',
      expr: (q) => yesWhere((extra) => bgpNeighbors(q, extra), q, BGP_PEER, 'state="Established"'),
      legend: '{{instance}} {{neighbor_ip}} AS{{remote_as}}',
      optional: 'only on firewalls with BGP neighbours, on FortiOS 7.0 or later',
      requires: BGP_NEIGHBORS,
    },
    {
      id: 'bgpPaths',
      title: 'BGP paths received',
      description:
        'Paths learned from each BGP neighbour; a neighbour that stays Established but sends nothing (or far less) points at its export policy or a prefix filter.',
      unit: 'short',
      expr: (q) => `${sel('fortigate_bgp_neighbor_ipv4_paths', q)} or ${sel('fortigate_bgp_neighbor_ipv6_paths', q)}`,
      legend: '{{instance}} {{neighbor_ip}}',
      optional: 'only on firewalls with BGP neighbours, on FortiOS 7.0 or later',
      requires: BGP_PATHS,
    },
    {
      id: 'ospfNeighborAdjacent',
      title: 'OSPF neighbours adjacent',
      description:
        'Whether each OSPF neighbour FortiOS lists is Full or 2-Way (2-Way is normal between two routers that are neither DR nor BDR); a lost neighbour leaves the list after its dead interval.',
      unit: 'bool_yes_no',
      expr: (q) => yesWhere(metricOf('fortigate_ospf_neighbor_info', q), q, OSPF_PEER, OSPF_ADJACENT),
      legend: '{{instance}} {{router_id}} {{neighbor_ip}}',
      optional: 'only on firewalls running OSPF, on FortiOS 7.0 or later, with fortigate_exporter 1.23 or later',
      requires: OSPF,
    },
    {
      id: 'ippoolUtilisation',
      title: 'IP pool use',
      description: 'Share of each source-NAT IP pool in use (1 − the share FortiOS reports available).',
      unit: 'percentunit',
      expr: (q) => `1 - ${sel('fortigate_ippool_available_ratio', q)}`,
      legend: '{{instance}} {{vdom}} {{name}}',
      threshold: 'ippoolUtilisation',
      optional: 'only on firewalls with IP pools, with fortigate_exporter 1.22 or later',
      requires: IPPOOL,
    },
    {
      id: 'lbRealServerUp',
      title: 'Load-balanced real servers up',
      description:
        'Whether each real server behind a load-balancing virtual server passes its health check; a disabled one, or one FortiOS reports neither up nor down, reads “no”.',
      unit: 'bool_yes_no',
      expr: (q) => sel('fortigate_lb_real_server_status', q, 'state="up"'),
      legend: '{{instance}} {{virtual_server}} #{{id}}',
      optional: 'only on firewalls with load-balancing virtual servers',
      requires: LOAD_BALANCE,
    },
    {
      id: 'lbRealServerSessions',
      title: 'Real server sessions',
      description:
        'Active sessions on each real server; a server that gets none while its peers are busy is out of rotation.',
      unit: 'short',
      expr: (q) => sel('fortigate_lb_real_server_active_sessions', q),
      legend: '{{instance}} {{virtual_server}} #{{id}}',
      optional: 'only on firewalls with load-balancing virtual servers',
      requires: LOAD_BALANCE,
    },
    {
      id: 'fortiapsByStatus',
      title: 'FortiAPs by status',
      description: 'Managed FortiAPs that are active, down or rebooting.',
      unit: 'short',
      expr: (q) => `sum by (${q.by}, status) (${sel('fortigate_wifi_access_points', q)})`,
      legend: '{{instance}} {{status}}',
      optional: 'only on firewalls managing FortiAPs',
      requires: WIFI,
    },
    {
      id: 'wifiClients',
      title: 'Wi-Fi clients',
      description: 'Wireless clients connected through the managed FortiAPs.',
      unit: 'short',
      expr: (q) => `sum by (${q.by}) (${sel('fortigate_wifi_fabric_clients', q)})`,
      optional: 'only on firewalls managing FortiAPs',
      requires: WIFI,
    },
    {
      id: 'wifiApClients',
      title: 'Clients per FortiAP',
      description: 'Wireless clients on each FortiAP, all radios together.',
      unit: 'short',
      expr: (q) => `sum by (${q.by}, vdom, ap_name) (${sel('fortigate_wifi_managed_ap_radio_client_count', q)})`,
      legend: '{{instance}} {{ap_name}}',
      optional: 'only on firewalls managing FortiAPs',
      requires: WIFI,
    },
    {
      id: 'wifiChannelUtilisation',
      title: 'Wi-Fi channel utilisation',
      description:
        'Airtime use of each radio’s operating channel (0–1); a busy channel slows every client on it, whatever their signal.',
      unit: 'percentunit',
      expr: (q) => sel('fortigate_wifi_managed_ap_radio_operating_channel_utilization_ratio', q),
      legend: '{{instance}} {{ap_name}} radio {{radio_id}}',
      optional: 'only on firewalls managing FortiAPs',
      requires: WIFI,
    },
    {
      id: 'fortiswitchConnected',
      title: 'FortiSwitches connected',
      description: 'Whether each managed FortiSwitch is connected to the firewall over FortiLink.',
      unit: 'bool_yes_no',
      expr: (q) => yesWhere(metricOf('fortigate_managed_switch_info', q), q, 'vdom, switch_name', 'status="Connected"'),
      legend: '{{instance}} {{switch_name}}',
      optional: 'only on firewalls managing FortiSwitches, with fortigate_exporter 1.18 or later',
      requires: SWITCH,
    },
    {
      id: 'fortiswitchPortErrors',
      title: 'FortiSwitch port errors',
      description:
        'Receive plus transmit errors per second on each FortiSwitch port: cabling, optics or duplex problems.',
      unit: 'pps',
      expr: (q) =>
        `rate(${sel('fortigate_managed_switch_rx_errors_total', q)}[${q.range}]) + rate(${sel('fortigate_managed_switch_tx_errors_total', q)}[${q.range}])`,
      legend: '{{instance}} {{switch_name}} {{port}}',
      optional: 'only on firewalls managing FortiSwitches, with fortigate_exporter 1.18 or later',
      requires: SWITCH,
    },
    {
      id: 'fortiswitchPoePower',
      title: 'FortiSwitch PoE power drawn',
      description: 'Power drawn by PoE devices on each FortiSwitch, in watts, beside its PoE budget.',
      unit: 'watt',
      expr: (q) => `sum by (${q.by}, vdom, switch_name) (${sel('fortigate_managed_switch_port_power_watt', q)})`,
      legend: '{{instance}} {{switch_name}} drawn',
      optional: 'only on firewalls managing FortiSwitches, with fortigate_exporter 1.18 or later',
      requires: SWITCH,
    },
    {
      id: 'fortiswitchPoeBudget',
      title: 'FortiSwitch PoE budget',
      description: 'The PoE power each FortiSwitch can supply, in watts.',
      unit: 'watt',
      expr: (q) => sel('fortigate_managed_switch_max_poe_budget_watt', q),
      legend: '{{instance}} {{switch_name}} budget',
      optional: 'only on firewalls managing FortiSwitches, with fortigate_exporter 1.18 or later',
      requires: SWITCH,
    },
    {
      id: 'fortianalyzerConnected',
      title: 'FortiAnalyzer connected',
      description:
        'Whether each VDOM’s log queue is connected to FortiAnalyzer; a firewall that sends no logs to FortiAnalyzer reads “no”.',
      unit: 'bool_yes_no',
      expr: (q) => `${sel('fortigate_log_fortianalyzer_queue_connections', q)} > bool 0`,
      legend: '{{instance}} {{vdom}}',
      optional: 'only on firewalls logging to FortiAnalyzer',
      requires: LOGGING,
    },
    // A panel and no alert: log_fortianalyzer_queue.go exports cached_logs and failed_logs as gauges while its
    // author notes that without API documentation they could not tell whether they are counters (v1.17.0 to
    // v1.24.1). A rule on a growing queue would be a guess about what the number means.
    {
      id: 'fortianalyzerQueue',
      title: 'FortiAnalyzer log queue',
      description:
        'Logs waiting on the firewall for FortiAnalyzer (cached) and logs it failed to send (failed), per VDOM.',
      unit: 'short',
      expr: (q) => sel('fortigate_log_fortianalyzer_queue_logs', q),
      legend: '{{instance}} {{vdom}} {{state}}',
      optional: 'only on firewalls logging to FortiAnalyzer',
      requires: LOGGING,
    },
    {
      id: 'logDiskUsage',
      title: 'Log disk used',
      description:
        'Share of the local log disk used, as the API reports it per VDOM. No alert: by default FortiOS overwrites the oldest logs when the disk is full (diskfull overwrite), so a full log disk is its steady state; how far back the logs reach is the question to ask.',
      unit: 'percentunit',
      variants: [
        // A model without a log disk may report a size of 0: no ratio rather than +Inf.
        {
          expr: (q) => `${sel('fortigate_log_disk_used_bytes', q)} / (${sel('fortigate_log_disk_total_bytes', q)} > 0)`,
        },
      ],
      legend: '{{instance}} {{vdom}}',
      optional: 'only on models with a log disk and disk logging on',
      requires: LOGGING,
    },
    {
      id: 'fortimanagerConnected',
      title: 'FortiManager connected',
      description:
        'Whether the management tunnel to FortiManager is up; a firewall without FortiManager reads “no” (FortiOS reports no tunnel).',
      unit: 'bool_yes_no',
      expr: (q) => sel('fortigate_fortimanager_connection_status', q, 'status="up"'),
      legend: '{{instance}} {{vdom}}',
      optional: 'only on firewalls managed by FortiManager',
    },
    {
      id: 'sdnConnectorUp',
      title: 'SDN connectors up',
      description:
        'Whether each SDN connector (cloud or virtualisation inventory feeding dynamic addresses) is up or updating; a disabled one reads “no”.',
      unit: 'bool_yes_no',
      // system_sdn_connector.go: 0 Disabled, 1 Down, 2 Unknown, 3 Up, 4 Updating.
      expr: (q) => `${sel('fortigate_system_sdn_connector_status', q)} >= bool 3`,
      legend: '{{instance}} {{vdom}} {{name}} ({{type}})',
      optional: 'only on firewalls with SDN connectors, with fortigate_exporter 1.20 or later',
      requires: SDN,
    },
    {
      id: 'fssoConnected',
      title: 'FSSO collectors connected',
      description:
        'Whether each Fortinet single sign-on collector agent (by name) or polled server (by id) is connected.',
      unit: 'bool_yes_no',
      expr: (q) => yesWhere(metricOf('fortigate_user_fsso_info', q), q, 'vdom, name, id, type', 'status="connected"'),
      legend: '{{instance}} {{vdom}} {{name}}{{id}}',
      optional: 'only on firewalls with FSSO configured',
      requires: FSSO,
    },
    {
      id: 'clockSkew',
      title: 'Clock offset',
      description:
        'Firewall clock minus the time Prometheus scraped it (the exporter reads the clock first of all its calls, so only the API round trip blurs it); positive is ahead.',
      unit: 's',
      expr: clockOffset,
      threshold: 'clockSkew',
    },
  ],
  alerts: [
    {
      id: 'probe-failed',
      name: 'FortiGateProbeFailed',
      severity: 'critical',
      for: '5m',
      // probe_success is 0 as soon as any one endpoint fails (probe.go, every release), e.g. one the
      // API user may not read, while the others still report. The firewall is unreadable only when
      // fortigate_version_info is gone too (system/status is read first; without it nothing is).
      // probe_success is shared with blackbox probes: a firewall is one that reported its version
      // within the last day. Its signal, read over the window and narrowed to unreadable firewalls: a 0 in the
      // panel is bad whether or not this alert fires.
      signal: 'probeSuccess',
      query: (q) =>
        `max_over_time(${sel('probe_success', q)}[${q.range}]) and on (${q.by}) max_over_time(${sel('fortigate_version_info', q)}[1d]) unless on (${q.by}) ${sel('fortigate_version_info', q)}`,
      comparison: '<',
      threshold: 1,
      summary: 'The FortiGate exporter cannot read {{ $labels.instance }}.',
      description:
        'The exporter has not read even the system status of {{ $labels.instance }} for 5 minutes: the firewall’s REST API is unreachable, the API token expired or lost its permissions, or the firewall is down. Check the exporter’s log and that the API user’s trusted hosts include the exporter. Until it recovers, no other FortiGate alert can see this firewall. (One endpoint the API user may not read also sets probe_success to 0, but leaves the rest readable and does not fire this alert.)',
    },
    {
      id: 'cpu-high',
      name: 'FortiGateHighCPU',
      severity: 'warning',
      for: '10m',
      // Averaged over the window so one missed scrape neither hides nor resets a sustained load.
      query: (q) => `avg by (${q.by}) (avg_over_time(${sel('fortigate_cpu_usage_ratio', q)}[${q.range}]))`,
      threshold: 'cpuUtilisation',
      summary: 'FortiGate {{ $labels.instance }} CPU is high.',
      description:
        'Average CPU use of FortiGate {{ $labels.instance }} has stayed above the threshold: session setup, UTM inspection and the management plane slow down. Look at `diagnose sys top` for the busy daemon and at traffic shifts (a new policy without offload, an attack).',
    },
    {
      id: 'memory-high',
      name: 'FortiGateHighMemory',
      severity: 'warning',
      for: '10m',
      signal: 'memoryUtilisation',
      overWindow: 'avg',
      threshold: 'memoryUtilisation',
      summary: 'FortiGate {{ $labels.instance }} memory is high.',
      description:
        'Memory use of FortiGate {{ $labels.instance }} has stayed above the threshold, close to conserve mode, in which the firewall stops inspecting new sessions. Check session counts, UTM profiles and `diagnose hardware sysinfo conserve`.',
    },
    {
      id: 'memory-critical',
      name: 'FortiGateMemoryCritical',
      severity: 'critical',
      for: '5m',
      signal: 'memoryUtilisation',
      overWindow: 'max',
      threshold: 'memoryUtilisation',
      summary: 'FortiGate {{ $labels.instance }} is in or near conserve mode.',
      description:
        'Memory use of FortiGate {{ $labels.instance }} is above the critical threshold: FortiOS is in or about to enter conserve mode and may fail open or drop new sessions. Reduce load now (disable heavy UTM profiles, clear sessions) and find the cause.',
    },
    {
      id: 'interface-saturated',
      name: 'FortiGateInterfaceSaturated',
      severity: 'warning',
      for: '15m',
      signal: 'interfaceUtilisation',
      summary: 'Interface {{ $labels.name }} on FortiGate {{ $labels.instance }} is near its link speed.',
      description:
        'The busiest direction of interface {{ $labels.name }} ({{ $labels.alias }}) on {{ $labels.instance }} has stayed above the utilisation threshold: packets queue and drop. Find the top talkers (FortiView) or add capacity (aggregate, faster link).',
    },
    {
      id: 'interface-errors',
      name: 'FortiGateInterfaceErrors',
      severity: 'warning',
      for: '15m',
      signal: 'interfaceErrors',
      threshold: 'interfaceErrors',
      summary: 'Interface {{ $labels.name }} on FortiGate {{ $labels.instance }} has errors.',
      description:
        'Interface {{ $labels.name }} on {{ $labels.instance }} keeps counting receive or transmit errors: check cabling, optics, duplex and speed settings on both ends.',
    },
    {
      id: 'ipsec-tunnel-down',
      name: 'FortiGateIPsecTunnelDown',
      severity: 'warning',
      for: '5m',
      signal: 'ipsecTunnelUp',
      overWindow: 'max',
      comparison: '<',
      threshold: 1,
      summary: 'IPsec tunnel {{ $labels.name }} on FortiGate {{ $labels.instance }} is down.',
      description:
        'Phase-2 tunnel {{ $labels.name }} (phase 1 {{ $labels.parent }}, VDOM {{ $labels.vdom }}) on {{ $labels.instance }} has been down for 5 minutes: the site behind it is unreachable. Check the peer, its public address and `diagnose vpn ike log`. Dial-up tunnels that are down by design should be left out with a selector in Setup.',
      optional: 'only on firewalls with IPsec VPNs configured',
    },
    {
      id: 'sdwan-link-down',
      name: 'FortiGateSDWANLinkDown',
      severity: 'warning',
      for: '5m',
      // state="down" only: a member disabled on purpose reports "disable", one outside this health
      // check "error" (virtual_wan_health_check.go), and neither is a failing link.
      query: (q) => `min_over_time(${sel('fortigate_virtual_wan_status', q, 'state="down"')}[${q.range}])`,
      comparison: '>',
      threshold: 0,
      summary: 'SD-WAN member {{ $labels.interface }} on FortiGate {{ $labels.instance }} fails its health check.',
      description:
        'The SD-WAN health check {{ $labels.sla }} reports member {{ $labels.interface }} on {{ $labels.instance }} as down: traffic is steered to the remaining links, with less capacity and no redundancy. Check the ISP link and the health-check target.',
      optional: 'only with SD-WAN health checks configured',
    },
    {
      id: 'sdwan-packet-loss',
      name: 'FortiGateSDWANPacketLoss',
      severity: 'warning',
      for: '10m',
      signal: 'sdwanPacketLoss',
      overWindow: 'avg',
      // The exporter reports loss only while the member is up; the filter keeps a member that just
      // went down (its last loss sample still in the window) to SDWANLinkDown.
      filters: [(q) => `max without (state) (${sel('fortigate_virtual_wan_status', q, 'state="up"')}) == 1`],
      threshold: 'sdwanPacketLoss',
      summary: 'SD-WAN member {{ $labels.interface }} on FortiGate {{ $labels.instance }} loses packets.',
      description:
        'The SD-WAN health check {{ $labels.sla }} measures packet loss above the threshold on {{ $labels.interface }} of {{ $labels.instance }}: voice and interactive traffic suffer. Check the ISP link; adjust SLA targets so traffic moves to a better member.',
      optional: 'only with SD-WAN health checks configured',
    },
    {
      id: 'ha-failover',
      name: 'FortiGateHAFailover',
      severity: 'info',
      for: '0s',
      // One 0/1 series per member serial, is_root_master of the cluster's api/v2/monitor/system/ha-checksums
      // (pkg/probe/system_ha_checksum.go, v1.17.0 – v1.24.1): changes() over the 15 minutes, and its value compared
      // with the one last seen before them: changes() alone read 0 when the failover happened while the firewall's API
      // or the exporter was unreachable for longer than that window (only the new value in it); the comparison alone, a
      // failover and the preempting failback within the window.
      query: (q) => changedWithin(sel('fortigate_ha_member_has_role', q, 'role="root_master"'), '15m'),
      comparison: '>',
      threshold: 0,
      summary: 'The HA primary of the FortiGate cluster behind {{ $labels.instance }} changed.',
      description: `Member {{ $labels.serial }} gained or lost the primary role: within the last 15 minutes its role changed, or became another than the one last seen before them after the firewall was not scraped for up to ${CHANGE_LOOKBACK.words}. Expected during an upgrade; otherwise check \`diagnose sys ha history read\` for the monitored interface or heartbeat failure that caused it.`,
      optional: 'only on firewalls in an HA cluster',
    },
    {
      id: 'ha-member-lost',
      name: 'FortiGateHAMemberLost',
      severity: 'warning',
      for: '5m',
      // Compared with the cluster's own size over the last 6 hours, not with a fixed pair size.
      query: (q) =>
        `count by (${q.by}) (${sel('fortigate_ha_member_info', q)}) - max_over_time(count by (${q.by}) (${sel('fortigate_ha_member_info', q)})[6h:5m])`,
      comparison: '<',
      threshold: 0,
      summary: 'The FortiGate HA cluster behind {{ $labels.instance }} lost a member.',
      description:
        'The HA cluster seen through {{ $labels.instance }} reports fewer members than it had in the last 6 hours: a peer left the cluster and there is no standby. Check the heartbeat links and the missing unit. A member removed on purpose clears this after 6 hours.',
      optional: 'only on firewalls in an HA cluster',
    },
    {
      id: 'cert-expiring',
      name: 'FortiGateCertificateExpiring',
      severity: 'warning',
      for: '1h',
      signal: 'certificateExpiry',
      filters: [certificateInUse],
      summary: 'Certificate {{ $labels.name }} on FortiGate {{ $labels.instance }} expires soon.',
      description:
        'Certificate {{ $labels.name }} ({{ $labels.scope }} scope, VDOM {{ $labels.vdom }}) on {{ $labels.instance }}, which the configuration uses, expires within the warning period. Renew it (or import its successor) and re-bind the VPN, admin or inspection settings that use it. Only certificates in use that are not Fortinet’s factory ones alert; an unused one is left to expire (delete it to tidy up).',
    },
    {
      id: 'cert-expiry-critical',
      name: 'FortiGateCertificateExpiryCritical',
      severity: 'critical',
      for: '0s',
      signal: 'certificateExpiry',
      filters: [certificateInUse],
      summary: 'Certificate {{ $labels.name }} on FortiGate {{ $labels.instance }} expires within days.',
      description:
        'Certificate {{ $labels.name }} ({{ $labels.scope }} scope, VDOM {{ $labels.vdom }}) on {{ $labels.instance }}, which the configuration uses, expires within the critical period or has expired: VPN clients, admin sessions and inspected connections that rely on it fail. Renew or replace it now and re-bind the settings that use it.',
    },
    {
      id: 'bgp-neighbor-down',
      name: 'FortiGateBGPNeighborDown',
      severity: 'warning',
      for: '5m',
      // The state label, not the value: 1.17 – 1.20 write 1 for every state (bgp_neighbors.go). admin_status
      // "false" is a neighbour shut down in the configuration, which is not a failure.
      query: (q) => `count by (${q.by}, ${BGP_PEER}) (${bgpNeighbors(q, 'admin_status="true",state!="Established"')})`,
      comparison: '>',
      threshold: 0,
      summary: 'BGP neighbour {{ $labels.neighbor_ip }} of FortiGate {{ $labels.instance }} is not established.',
      description:
        'The BGP session to {{ $labels.neighbor_ip }} (AS {{ $labels.remote_as }}, VDOM {{ $labels.vdom }}) on {{ $labels.instance }} has not been Established for 5 minutes: its routes are withdrawn and traffic takes another path or none. Check first `get router info bgp summary` and `diagnose ip router bgp all enable` on the firewall for the state and the last error, then reachability of the neighbour (ping from the local address), the AS number and password on both sides.',
      optional: 'only on firewalls with BGP neighbours, on FortiOS 7.0 or later',
    },
    {
      id: 'ospf-neighbor-lost',
      name: 'FortiGateOSPFNeighborLost',
      severity: 'warning',
      for: '5m',
      // A dead OSPF neighbour leaves FortiOS' list (it is not reported Down), so this compares with the
      // neighbours seen in the last day: gone, or stuck below 2-Way/Full (Init, Exchange start…). The probes run
      // one after another and each may fail alone (probe.go): a failed OSPF probe drops every neighbour while
      // fortigate_version_info stays. So an absent list counts only when every probe succeeded; otherwise the
      // firewall must still list some OSPF neighbour (in any VDOM: the probe reads them all in one call).
      query: (q) =>
        `(count by (${q.by}, ${OSPF_PEER}) (count_over_time(${sel('fortigate_ospf_neighbor_info', q)}[24h])) unless on (${joinLabels(q, OSPF_PEER)}) ${sel('fortigate_ospf_neighbor_info', q, OSPF_ADJACENT)}) and on (${q.by}) (count by (${q.by}) (${sel('fortigate_ospf_neighbor_info', q)}) or ${sel('probe_success', q)} == 1)`,
      comparison: '>',
      threshold: 0,
      summary: 'OSPF neighbour {{ $labels.router_id }} of FortiGate {{ $labels.instance }} is lost.',
      description:
        'OSPF neighbour {{ $labels.router_id }} ({{ $labels.neighbor_ip }}, VDOM {{ $labels.vdom }}), seen by {{ $labels.instance }} within the last day, is gone or stuck before 2-Way/Full: routes through it are gone. Check first `get router info ospf neighbor` for its state; stuck in Exchange start usually means an MTU mismatch, in Init that hellos reach only one side (area, hello/dead intervals, authentication, a filter). The alert resolves 24 hours after the neighbour was last seen, whether or not it came back: a neighbour removed on purpose clears it then, and one still missing is then visible only on the dashboard.',
      optional: 'only on firewalls running OSPF, on FortiOS 7.0 or later, with fortigate_exporter 1.23 or later',
    },
    {
      id: 'ippool-nearly-full',
      name: 'FortiGateIPPoolNearlyExhausted',
      severity: 'warning',
      for: '10m',
      signal: 'ippoolUtilisation',
      summary: 'IP pool {{ $labels.name }} on FortiGate {{ $labels.instance }} is nearly exhausted.',
      description:
        'Source-NAT pool {{ $labels.name }} (VDOM {{ $labels.vdom }}) on {{ $labels.instance }} has stayed above the threshold: once it is full, new outbound sessions through policies that use it fail. Check first `diagnose firewall ippool-all stats` (or list) for the clients holding the most port blocks, then add addresses to the pool, enlarge the port blocks or shorten session timeouts.',
      optional: 'only on firewalls with IP pools, with fortigate_exporter 1.22 or later',
    },
    {
      id: 'lb-real-server-down',
      name: 'FortiGateLoadBalancerRealServerDown',
      severity: 'warning',
      for: '5m',
      // Active servers only: a standby or disabled one takes no traffic (firewall_load_balance.go reports each
      // mode and each state as its own 0/1 series).
      query: (q) =>
        `${sel('fortigate_lb_real_server_status', q, 'state="down"')} and on (${joinLabels(q, 'vdom', 'virtual_server', 'id')}) ${sel('fortigate_lb_real_server_mode', q, 'mode="active"')} == 1`,
      comparison: '>',
      threshold: 0,
      summary:
        'Real server {{ $labels.id }} of {{ $labels.virtual_server }} on FortiGate {{ $labels.instance }} is down.',
      description:
        'Active real server {{ $labels.id }} of virtual server {{ $labels.virtual_server }} (VDOM {{ $labels.vdom }}) on {{ $labels.instance }} has failed its health check for 5 minutes: the remaining servers carry its share, or nothing does if it was the last. Check first the server itself (service, port), then the health-check monitor’s settings and that the firewall can reach the server.',
      optional: 'only on firewalls with load-balancing virtual servers',
    },
    {
      id: 'fortiap-down',
      name: 'FortiGateFortiAPDown',
      severity: 'warning',
      for: '10m',
      query: (q) => sel('fortigate_wifi_access_points', q, 'status="down"'),
      comparison: '>',
      threshold: 0,
      summary: 'FortiGate {{ $labels.instance }} has managed FortiAPs down.',
      description:
        'FortiGate {{ $labels.instance }} (VDOM {{ $labels.vdom }}) reports managed FortiAPs down for 10 minutes: their area has no Wi-Fi. Check first which ones in WiFi & Switch Controller › Managed FortiAPs (or `diagnose wireless-controller wlac -c wtp`), then their PoE port or power and the switch port they hang off. An AP retired without being deleted from the configuration stays down; delete it.',
      optional: 'only on firewalls managing FortiAPs',
    },
    {
      id: 'fortiswitch-offline',
      name: 'FortiGateFortiSwitchOffline',
      severity: 'warning',
      for: '10m',
      // Authorized switches only: a discovered switch awaiting authorisation is not expected online. The tests
      // show status "Connected" (managed_switch.go testdata); anything else is not connected.
      query: (q) => sel('fortigate_managed_switch_info', q, 'state="Authorized",status!="Connected"'),
      comparison: '>',
      threshold: 0,
      summary: 'FortiSwitch {{ $labels.switch_name }} of FortiGate {{ $labels.instance }} is offline.',
      description:
        'Managed FortiSwitch {{ $labels.switch_name }} ({{ $labels.serial }}) is {{ $labels.status }} on {{ $labels.instance }} for 10 minutes: the devices behind it may be cut off, and the firewall can no longer push VLANs or policies to it. Check first its power and the FortiLink uplink (`execute switch-controller get-conn-status {{ $labels.switch_name }}`), then the ISL or MCLAG peer it hangs off.',
      optional: 'only on firewalls managing FortiSwitches, with fortigate_exporter 1.18 or later',
    },
    {
      id: 'fortianalyzer-disconnected',
      name: 'FortiGateFortiAnalyzerDisconnected',
      severity: 'warning',
      for: '15m',
      // The queue answers "not connected" on a firewall that never logs to FortiAnalyzer as well: only a VDOM
      // the FortiAnalyzer has registered counts (Log/Fortianalyzer/Status, log_fortianalyzer.go, the
      // registration label as FortiOS writes it, "registered" in testdata/log-fortianalyzer.jsonnet). Not
      // "connected at some point in the last day": that clears a real outage after 24 hours.
      // Both sides by the same labels: `and` matches whole label sets, and a target's own labels (env, team) would
      // otherwise keep the queue from ever meeting its registration (the rule doctor's dead join).
      query: (q) => `max by (${q.by}, vdom) (${sel('fortigate_log_fortianalyzer_queue_connections', q)})`,
      filters: [
        (q) =>
          `max by (${q.by}, vdom) (${sel('fortigate_log_fortianalyzer_registration_info', q, 'registration="registered"')})`,
      ],
      comparison: '<',
      threshold: 1,
      summary: 'FortiGate {{ $labels.instance }} lost its FortiAnalyzer connection.',
      description:
        'The log queue of VDOM {{ $labels.vdom }} on {{ $labels.instance }} has not been connected to its registered FortiAnalyzer for 15 minutes: logs queue on the firewall (and are lost once its queue is full), and FortiAnalyzer reports and SOC tooling go blind. Check first `diagnose test application miglogd 6` and `execute log fortianalyzer test-connectivity`, then the route to FortiAnalyzer, its licence and disk quota for this device.',
      optional: 'only on firewalls logging to FortiAnalyzer',
    },
    {
      id: 'fortimanager-disconnected',
      name: 'FortiGateFortiManagerDisconnected',
      severity: 'warning',
      for: '15m',
      // FortiOS reports "no tunnel" (status down) on a firewall without FortiManager too: only a firewall the
      // FortiManager has registered and authorised counts (fortigate_fortimanager_registration_status, status
      // "registered" is fortimanager_registration_status_id 2, system_fortimanager.go). Not "up at some point
      // in the last day": that clears a real outage after 24 hours. One management tunnel per firewall,
      // reported once per VDOM.
      query: (q) => `max by (${q.by}) (${sel('fortigate_fortimanager_connection_status', q, 'status="up"')})`,
      filters: [
        (q) => `max by (${q.by}) (${sel('fortigate_fortimanager_registration_status', q, 'status="registered"')}) == 1`,
      ],
      comparison: '<',
      threshold: 1,
      summary: 'FortiGate {{ $labels.instance }} lost its FortiManager connection.',
      description:
        'The management tunnel from {{ $labels.instance }} to the FortiManager it is registered with has been down for 15 minutes: traffic is unaffected, but policy and firmware pushes, scripts and central backups stop, and changes made locally meanwhile leave the two out of sync. Check first `diagnose fdsm central-mgmt-status` and `execute central-mgmt` (FGFM on TCP 541), then the route to FortiManager and whether its device entry was changed.',
      optional: 'only on firewalls managed by FortiManager',
    },
    {
      id: 'sdn-connector-down',
      name: 'FortiGateSDNConnectorDown',
      severity: 'warning',
      for: '10m',
      // system_sdn_connector.go: 1 is Down (0 Disabled, 2 Unknown, 3 Up, 4 Updating).
      query: (q) => `${sel('fortigate_system_sdn_connector_status', q)} == 1`,
      comparison: '>',
      threshold: 0,
      summary: 'SDN connector {{ $labels.name }} on FortiGate {{ $labels.instance }} is down.',
      description:
        'SDN connector {{ $labels.name }} ({{ $labels.type }}, VDOM {{ $labels.vdom }}) on {{ $labels.instance }} has been down for 10 minutes: the dynamic addresses it fills stop following the cloud or virtualisation inventory, so policies using them match stale addresses (new instances blocked, old ones still allowed). Check first `diagnose sys sdn status` and the connector’s credentials (expired key or secret, removed role), then the firewall’s route and DNS to the provider’s API.',
      optional: 'only on firewalls with SDN connectors, with fortigate_exporter 1.20 or later',
    },
    {
      id: 'fsso-collector-down',
      name: 'FortiGateFSSOCollectorDown',
      severity: 'warning',
      for: '10m',
      query: (q) => sel('fortigate_user_fsso_info', q, 'status!="connected"'),
      comparison: '>',
      threshold: 0,
      summary:
        'FSSO collector {{ $labels.name }}{{ $labels.id }} on FortiGate {{ $labels.instance }} is not connected.',
      description:
        'Fortinet single sign-on {{ $labels.type }} {{ $labels.name }}{{ $labels.id }} (VDOM {{ $labels.vdom }}) on {{ $labels.instance }} has been {{ $labels.status }} for 10 minutes: new logons are not learned, so users fall out of identity-based policies as their entries expire. Check first `diagnose debug authd fsso server-status` and the collector agent service on its server (TCP 8000, its password), then the domain controllers it polls.',
      optional: 'only on firewalls with FSSO configured',
    },
    {
      id: 'clock-skew',
      name: 'FortiGateClockSkew',
      severity: 'warning',
      for: '15m',
      query: (q) => `abs(${clockOffset(q)})`,
      threshold: 'clockSkew',
      summary: 'The clock of FortiGate {{ $labels.instance }} is off.',
      description:
        'The clock of {{ $labels.instance }} differs from Prometheus’ by more than the threshold: Kerberos-based FSSO and agentless SSO fail past 5 minutes, certificate and FortiGuard checks may fail, and its logs no longer line up with other systems. Check first `diagnose sys ntp status` (server reachable, synchronised), then `execute time` and the time zone; also make sure Prometheus’ own host is synchronised.',
    },
  ],
  overview: ['probeSuccess', 'cpuUtilisation', 'memoryUtilisation', 'ipsecTunnelsDown'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['probeSuccess'], kind: 'stat', width: 4 },
        { signals: ['uptime'], kind: 'stat', width: 4 },
        { signals: ['cpuUtilisation'], kind: 'gauge', width: 4 },
        { signals: ['memoryUtilisation'], kind: 'gauge', width: 4 },
        { signals: ['sessions'], kind: 'stat', width: 4 },
        { signals: ['ipsecTunnelsDown'], kind: 'stat', width: 4 },
      ],
    },
    {
      title: 'System',
      panels: [
        { signals: ['cpuUtilisation'], width: 8 },
        { signals: ['memoryUtilisation'], width: 8 },
        { signals: ['sessions'], width: 8 },
      ],
    },
    {
      title: 'Virtual domains',
      panels: [
        { signals: ['vdomCpu'], width: 12 },
        { signals: ['vdomSessions'], width: 12 },
      ],
    },
    {
      title: 'Interfaces',
      panels: [
        {
          signals: ['interfaceReceive', 'interfaceTransmit'],
          title: 'Interface traffic',
          description: 'Bytes received and sent per second on each interface.',
          width: 8,
        },
        { signals: ['interfaceUtilisation'], width: 6 },
        { signals: ['interfaceErrors'], width: 5 },
        { signals: ['interfaceLinkUp'], kind: 'table', width: 5 },
      ],
    },
    {
      title: 'VPN and SD-WAN',
      panels: [
        { signals: ['ipsecTunnelUp'], kind: 'table', width: 6 },
        { signals: ['ipsecThroughput'], width: 6 },
        { signals: ['sdwanPacketLoss'], width: 6 },
        { signals: ['sdwanLatency'], width: 6 },
      ],
    },
    {
      title: 'High availability and certificates',
      panels: [
        { signals: ['haMembers'], kind: 'stat', width: 4 },
        { signals: ['haPrimary'], kind: 'table', width: 8 },
        { signals: ['certificateExpiry'], kind: 'bargauge', width: 12 },
      ],
    },
    {
      title: 'Routing',
      panels: [
        { signals: ['bgpNeighborEstablished'], kind: 'table', width: 8 },
        { signals: ['bgpPaths'], width: 8 },
        { signals: ['ospfNeighborAdjacent'], kind: 'table', width: 8 },
      ],
    },
    {
      title: 'NAT pools and load balancing',
      panels: [
        { signals: ['ippoolUtilisation'], width: 8 },
        { signals: ['lbRealServerUp'], kind: 'table', width: 8 },
        { signals: ['lbRealServerSessions'], width: 8 },
      ],
    },
    {
      title: 'Wireless and switches',
      panels: [
        { signals: ['fortiapsByStatus'], width: 6 },
        { signals: ['wifiClients'], width: 6 },
        { signals: ['wifiApClients'], width: 6 },
        { signals: ['wifiChannelUtilisation'], width: 6 },
        { signals: ['fortiswitchConnected'], kind: 'table', width: 8 },
        { signals: ['fortiswitchPortErrors'], width: 8 },
        {
          signals: ['fortiswitchPoePower', 'fortiswitchPoeBudget'],
          title: 'FortiSwitch PoE power',
          description: 'Power drawn by PoE devices on each FortiSwitch, in watts, and its PoE budget.',
          width: 8,
        },
      ],
    },
    {
      title: 'Logging',
      panels: [
        { signals: ['fortianalyzerConnected'], kind: 'table', width: 6 },
        { signals: ['fortianalyzerQueue'], width: 9 },
        { signals: ['logDiskUsage'], width: 9 },
      ],
    },
    {
      title: 'Management, identity and clock',
      panels: [
        { signals: ['fortimanagerConnected'], kind: 'table', width: 6 },
        { signals: ['sdnConnectorUp'], kind: 'table', width: 6 },
        { signals: ['fssoConnected'], kind: 'table', width: 6 },
        { signals: ['clockSkew'], width: 6 },
      ],
    },
  ],
});
