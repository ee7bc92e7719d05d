import { sel } from '../promql';
import type { ExporterDefinition, QueryContext } from '../types';

// A speed of 0 means "not negotiated" (link down or virtual interface): dividing by it would draw
// +Inf, so such interfaces are left out of the utilisation panel.
const NEGOTIATED = '> 0';
const rx = (q: QueryContext) => `rate(${sel('fortigate_interface_receive_bytes_total', q)}[${q.range}])`;
const tx = (q: QueryContext) => `rate(${sel('fortigate_interface_transmit_bytes_total', q)}[${q.range}])`;

export const fortigateExporter: ExporterDefinition = {
  id: 'fortigate',
  title: 'FortiGate',
  layer: 'network',
  defaultPort: 9710,
  docsUrl: 'https://github.com/prometheus-community/fortigate_exporter',
  description:
    'Fortinet FortiGate firewalls through the REST API: CPU, memory, sessions, interfaces, IPsec, HA, SD-WAN and certificates.',
  detection: { metrics: ['fortigate_cpu_usage_ratio', 'fortigate_version_info', 'fortigate_exporter_build_info'] },
  infoMetrics: ['fortigate_version_info'],
  // Served on the exporter's own /metrics, not on /probe: present only when that endpoint is scraped too.
  versionMetric: { metric: 'fortigate_exporter_build_info', label: 'version' },
  thresholds: [
    {
      id: 'cpuUtilisation',
      title: 'CPU utilisation',
      unit: 'percentunit',
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
      title: 'Memory utilisation',
      unit: 'percentunit',
      direction: 'above',
      warning: 0.9,
      critical: 0.95,
      min: 0.01,
      max: 1,
      description: 'Memory in use (0–1). FortiOS enters conserve mode near 88–95% and stops inspecting new sessions.',
    },
    {
      id: 'interfaceUtilisation',
      title: 'Interface utilisation',
      unit: 'percentunit',
      direction: 'above',
      warning: 0.8,
      critical: 0.95,
      min: 0.01,
      max: 1,
      description: 'Busiest direction of an interface as a share of its negotiated speed.',
    },
    {
      id: 'sdwanPacketLoss',
      title: 'SD-WAN packet loss',
      unit: 'percentunit',
      direction: 'above',
      warning: 0.02,
      critical: 0.1,
      min: 0,
      max: 1,
      description: 'Packet loss measured by an SD-WAN health check on a member link.',
    },
    {
      id: 'certificateExpiry',
      title: 'Certificate expiry',
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
      legend: '{{instance}}',
    },
    {
      id: 'uptime',
      title: 'Uptime',
      description: 'Time since the firewall last rebooted.',
      unit: 'dtdurations',
      variants: [{ expr: (q) => `time() - ${sel('fortigate_last_reboot_seconds', q)}` }],
      legend: '{{instance}}',
    },
    {
      id: 'cpuUtilisation',
      title: 'CPU utilisation',
      description: 'CPU use averaged over all processors (0–1).',
      unit: 'percentunit',
      variants: [{ expr: (q) => `avg by (${q.by}) (${sel('fortigate_cpu_usage_ratio', q)})` }],
      legend: '{{instance}}',
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
      legend: '{{instance}}',
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
      legend: '{{instance}}',
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
      legend: '{{instance}}',
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
      description: 'Latency measured by each SD-WAN health check per member link; 0 while the link is down.',
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
  alerts: [],
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
};
