import { sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext } from '../types';

// A speed of 0 means "not negotiated" (link down or virtual interface): dividing by it would draw
// +Inf, so such interfaces are left out of the utilisation panel.
const NEGOTIATED = '> 0';
const rx = (q: QueryContext) => `rate(${sel('fortigate_interface_receive_bytes_total', q)}[${q.range}])`;
const tx = (q: QueryContext) => `rate(${sel('fortigate_interface_transmit_bytes_total', q)}[${q.range}])`;

export const fortigateExporter = defineExporter({
  id: 'fortigate',
  title: 'FortiGate',
  layer: 'network',
  defaultPort: 9710,
  docsUrl: 'https://github.com/prometheus-community/fortigate_exporter',
  description:
    'Fortinet FortiGate firewalls through the REST API: CPU, memory, sessions, interfaces, IPsec, HA, SD-WAN and certificates.',
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
      max: 1,
      description:
        'Average CPU use across the firewall’s processors (0–1); sustained high CPU delays session setup and the management plane.',
    },
    {
      id: 'memoryUtilisation',
      direction: 'above',
      warning: 0.9,
      critical: 0.95,
      min: 0.01,
      max: 1,
      description: 'Memory in use (0–1). FortiOS enters conserve mode near 88–95% and stops inspecting new sessions.',
    },
    {
      id: 'interfaceUtilisation',
      direction: 'above',
      warning: 0.8,
      critical: 0.95,
      min: 0.01,
      max: 1,
      description: 'Busiest direction of an interface as a share of its negotiated speed.',
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
      max: 1,
      description: 'Packet loss measured by an SD-WAN health check on a member link.',
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
  ],
  signals: [
    {
      id: 'probeSuccess',
      title: 'API probe succeeded',
      description:
        'Whether every REST API call of the last probe succeeded (1 = yes); 0 means the firewall, its API token or a permission is failing.',
      unit: 'bool_yes_no',
      // probe_success is shared with blackbox probes: keep only FortiGate targets.
      variants: [{ expr: (q) => `${sel('probe_success', q)} and on (${q.by}) ${sel('fortigate_version_info', q)}` }],
    },
    {
      id: 'uptime',
      title: 'Uptime',
      description: 'Time since the firewall last rebooted.',
      unit: 'dtdurations',
      variants: [{ expr: (q) => `time() - ${sel('fortigate_last_reboot_seconds', q)}` }],
    },
    {
      id: 'cpuUtilisation',
      title: 'CPU utilisation',
      description: 'CPU use averaged over all processors (0–1).',
      unit: 'percentunit',
      variants: [{ expr: (q) => `avg by (${q.by}) (${sel('fortigate_cpu_usage_ratio', q)})` }],
      threshold: 'cpuUtilisation',
      min: 0,
      max: 1,
    },
    {
      id: 'memoryUtilisation',
      title: 'Memory utilisation',
      description: 'Memory in use (0–1); near 90% FortiOS enters conserve mode.',
      unit: 'percentunit',
      variants: [{ expr: (q) => sel('fortigate_memory_usage_ratio', q) }],
      threshold: 'memoryUtilisation',
      min: 0,
      max: 1,
    },
    {
      id: 'sessions',
      title: 'Sessions',
      description: 'Current firewall sessions per IP protocol.',
      unit: 'short',
      variants: [{ expr: (q) => `sum by (${q.by}, protocol) (${sel('fortigate_current_sessions', q)})` }],
      legend: '{{instance}} {{protocol}}',
    },
    {
      id: 'vdomCpu',
      title: 'CPU per VDOM',
      description: 'CPU use attributed to each virtual domain (0–1).',
      unit: 'percentunit',
      variants: [{ expr: (q) => sel('fortigate_vdom_cpu_usage_ratio', q) }],
      legend: '{{instance}} {{vdom}}',
      min: 0,
      max: 1,
    },
    {
      id: 'vdomSessions',
      title: 'Sessions per VDOM',
      description: 'Current sessions in each virtual domain, all IP protocols together.',
      unit: 'short',
      variants: [{ expr: (q) => `sum by (${q.by}, vdom) (${sel('fortigate_vdom_current_sessions', q)})` }],
      legend: '{{instance}} {{vdom}}',
    },
    {
      id: 'interfaceLinkUp',
      title: 'Interface link',
      description: 'Link state of each interface (1 = up).',
      unit: 'bool_yes_no',
      variants: [{ expr: (q) => sel('fortigate_interface_link_up', q) }],
      legend: '{{instance}} {{name}} {{alias}}',
    },
    {
      id: 'interfaceReceive',
      title: 'Interface received',
      description: 'Bytes received per second on each interface.',
      unit: 'Bps',
      variants: [{ expr: rx }],
      legend: '{{instance}} {{name}} in',
    },
    {
      id: 'interfaceTransmit',
      title: 'Interface sent',
      description: 'Bytes sent per second on each interface.',
      unit: 'Bps',
      variants: [{ expr: tx }],
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
      min: 0,
      max: 1,
    },
    {
      id: 'interfaceErrors',
      title: 'Interface errors',
      description: 'Receive plus transmit errors per second on each interface: cabling, optics or duplex problems.',
      unit: 'pps',
      variants: [
        {
          expr: (q) =>
            `rate(${sel('fortigate_interface_receive_errors_total', q)}[${q.range}]) + rate(${sel('fortigate_interface_transmit_errors_total', q)}[${q.range}])`,
        },
      ],
      legend: '{{instance}} {{name}}',
    },
    {
      id: 'ipsecTunnelUp',
      title: 'IPsec tunnels',
      description: 'State of each IPsec phase-2 tunnel (1 = up).',
      unit: 'bool_yes_no',
      variants: [{ expr: (q) => sel('fortigate_ipsec_tunnel_up', q) }],
      legend: '{{instance}} {{name}}',
      optional: 'only on firewalls with IPsec VPNs configured',
    },
    {
      id: 'ipsecTunnelsDown',
      title: 'IPsec tunnels down',
      description: 'Configured IPsec phase-2 tunnels that are not up.',
      unit: 'short',
      variants: [
        {
          expr: (q) =>
            `count by (${q.by}) (${sel('fortigate_ipsec_tunnel_up', q)} == 0) or sum by (${q.by}) (${sel('fortigate_ipsec_tunnel_up', q)} * 0)`,
        },
      ],
      optional: 'only on firewalls with IPsec VPNs configured',
    },
    {
      id: 'ipsecThroughput',
      title: 'IPsec throughput',
      description: 'Bytes per second through each tunnel, received plus sent.',
      unit: 'Bps',
      variants: [
        {
          expr: (q) =>
            `rate(${sel('fortigate_ipsec_tunnel_receive_bytes_total', q)}[${q.range}]) + rate(${sel('fortigate_ipsec_tunnel_transmit_bytes_total', q)}[${q.range}])`,
        },
      ],
      legend: '{{instance}} {{name}}',
      optional: 'only on firewalls with IPsec VPNs configured',
    },
    {
      id: 'haMembers',
      title: 'HA members',
      description: 'Cluster members the firewall reports; a drop means a peer left the HA cluster.',
      unit: 'short',
      variants: [{ expr: (q) => `count by (${q.by}) (${sel('fortigate_ha_member_info', q)})` }],
      optional: 'only on firewalls in an HA cluster',
    },
    {
      id: 'haPrimary',
      title: 'HA primary',
      description: 'Which member (by serial) holds the root primary role; it should change only on a planned failover.',
      unit: 'bool_yes_no',
      variants: [{ expr: (q) => sel('fortigate_ha_member_has_role', q, 'role="root_master"') }],
      legend: '{{instance}} {{serial}}',
      optional: 'only on firewalls in an HA cluster',
    },
    {
      id: 'sdwanPacketLoss',
      title: 'SD-WAN packet loss',
      description: 'Packet loss of each SD-WAN health check per member link (0–1).',
      unit: 'percentunit',
      variants: [{ expr: (q) => sel('fortigate_virtual_wan_packet_loss_ratio', q) }],
      legend: '{{instance}} {{sla}} {{interface}}',
      threshold: 'sdwanPacketLoss',
      min: 0,
      max: 1,
      optional: 'only with SD-WAN health checks configured',
    },
    {
      id: 'sdwanLatency',
      title: 'SD-WAN latency',
      description:
        'Latency measured by each SD-WAN health check per member link; no value while the link is down (the exporter reports none).',
      unit: 's',
      variants: [{ expr: (q) => sel('fortigate_virtual_wan_latency_seconds', q) }],
      legend: '{{instance}} {{sla}} {{interface}}',
      optional: 'only with SD-WAN health checks configured',
    },
    {
      id: 'certificateExpiry',
      title: 'Certificate expiry',
      description: 'Time left before each certificate on the firewall expires.',
      unit: 'dtdurations',
      variants: [{ expr: (q) => `${sel('fortigate_certificate_valid_to_seconds', q)} - time()` }],
      legend: '{{instance}} {{name}}',
      threshold: 'certificateExpiry',
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
      // within the last day.
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
      comparison: '>',
      threshold: { threshold: 'cpuUtilisation', level: 'warning' },
      summary: 'FortiGate {{ $labels.instance }} CPU is high.',
      description:
        'Average CPU use of FortiGate {{ $labels.instance }} has stayed above the threshold: session setup, UTM inspection and the management plane slow down. Look at `diagnose sys top` for the busy daemon and at traffic shifts (a new policy without offload, an attack).',
    },
    {
      id: 'memory-high',
      name: 'FortiGateHighMemory',
      severity: 'warning',
      for: '10m',
      query: (q) => `avg_over_time(${sel('fortigate_memory_usage_ratio', q)}[${q.range}])`,
      comparison: '>',
      threshold: { threshold: 'memoryUtilisation', level: 'warning' },
      summary: 'FortiGate {{ $labels.instance }} memory is high.',
      description:
        'Memory use of FortiGate {{ $labels.instance }} has stayed above the threshold, close to conserve mode, in which the firewall stops inspecting new sessions. Check session counts, UTM profiles and `diagnose hardware sysinfo conserve`.',
    },
    {
      id: 'memory-critical',
      name: 'FortiGateMemoryCritical',
      severity: 'critical',
      for: '5m',
      query: (q) => `max_over_time(${sel('fortigate_memory_usage_ratio', q)}[${q.range}])`,
      comparison: '>',
      threshold: { threshold: 'memoryUtilisation', level: 'critical' },
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
      comparison: '>',
      threshold: { threshold: 'interfaceUtilisation', level: 'warning' },
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
      comparison: '>',
      threshold: { threshold: 'interfaceErrors', level: 'warning' },
      summary: 'Interface {{ $labels.name }} on FortiGate {{ $labels.instance }} has errors.',
      description:
        'Interface {{ $labels.name }} on {{ $labels.instance }} keeps counting receive or transmit errors: check cabling, optics, duplex and speed settings on both ends.',
    },
    {
      id: 'ipsec-tunnel-down',
      name: 'FortiGateIPsecTunnelDown',
      severity: 'warning',
      for: '5m',
      query: (q) => `max_over_time(${sel('fortigate_ipsec_tunnel_up', q)}[${q.range}])`,
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
      query: (q) => `avg_over_time(${sel('fortigate_virtual_wan_packet_loss_ratio', q)}[${q.range}])`,
      // The exporter reports loss only while the member is up; the filter keeps a member that just
      // went down (its last loss sample still in the window) to SDWANLinkDown.
      filters: [(q) => `max without (state) (${sel('fortigate_virtual_wan_status', q, 'state="up"')}) == 1`],
      comparison: '>',
      threshold: { threshold: 'sdwanPacketLoss', level: 'warning' },
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
      query: (q) => `changes(${sel('fortigate_ha_member_has_role', q, 'role="root_master"')}[15m])`,
      comparison: '>',
      threshold: 0,
      summary: 'The HA primary of the FortiGate cluster behind {{ $labels.instance }} changed.',
      description:
        'Member {{ $labels.serial }} gained or lost the primary role within the last 15 minutes. Expected during an upgrade; otherwise check `diagnose sys ha history read` for the monitored interface or heartbeat failure that caused it.',
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
      comparison: '<',
      threshold: { threshold: 'certificateExpiry', level: 'warning' },
      summary: 'Certificate {{ $labels.name }} on FortiGate {{ $labels.instance }} expires soon.',
      description:
        'Certificate {{ $labels.name }} (VDOM {{ $labels.vdom }}, {{ $labels.source }}) on {{ $labels.instance }} expires within the warning period. Renew it and re-bind it to the VPN, admin or inspection profile that uses it.',
    },
    {
      id: 'cert-expiry-critical',
      name: 'FortiGateCertificateExpiryCritical',
      severity: 'critical',
      for: '0s',
      signal: 'certificateExpiry',
      comparison: '<',
      threshold: { threshold: 'certificateExpiry', level: 'critical' },
      summary: 'Certificate {{ $labels.name }} on FortiGate {{ $labels.instance }} expires within days.',
      description:
        'Certificate {{ $labels.name }} (VDOM {{ $labels.vdom }}, {{ $labels.source }}) on {{ $labels.instance }} expires within the critical period or has expired: VPN clients and admin sessions that rely on it will fail. Renew it now.',
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
  ],
});
