import { rowsOf } from './rows';
import type { ExporterCoverage } from './types';

const TAG = 'v1.24.1';
const REPO = 'https://github.com/prometheus-community/fortigate_exporter/blob';

// fortigate_exporter ships no Grafana dashboard and no alert rules, there is no mixin, and awesome-prometheus-alerts
// (a8533189, 2026-08-01) has no FortiGate rules: the README's list of probes (one FortiOS API endpoint each, with the
// metrics it yields) and the PromQL examples are the reference. One row per probe.
const view = rowsOf('readme', 'view');
const example = rowsOf('examples', 'view');

/** fortigate against fortigate_exporter’s README (its probes) and EXAMPLES.md. */
export const fortigateCoverage: ExporterCoverage = {
  exporter: 'fortigate',
  references: [
    {
      id: 'readme',
      title: 'fortigate_exporter README, “Supported Metrics” (one FortiOS API probe each)',
      kind: 'exporter docs',
      url: `${REPO}/${TAG}/README.md`,
      version: `${TAG} (no dashboard, mixin or alert rules exist; awesome-prometheus-alerts a853318 has no FortiGate rules)`,
    },
    {
      id: 'examples',
      title: 'fortigate_exporter EXAMPLES.md (PromQL examples)',
      kind: 'exporter docs',
      url: `${REPO}/${TAG}/EXAMPLES.md`,
      version: TAG,
    },
  ],
  rows: [
    view('System/Resource/Usage (CPU, memory, sessions)', {
      covered: [
        'panel:cpuUtilisation',
        'panel:memoryUtilisation',
        'panel:sessions',
        'alert:cpu-high',
        'alert:memory-high',
        'alert:memory-critical',
      ],
    }),
    view('System/VDOMResources (CPU, memory, sessions per VDOM)', { covered: ['panel:vdomCpu', 'panel:vdomSessions'] }),
    view('WebUI/State (last reboot, last snapshot)', { covered: ['panel:uptime'] }),
    view('System/Interface (link, traffic, errors, speed)', {
      covered: [
        'panel:interfaceLinkUp',
        'panel:interfaceReceive',
        'panel:interfaceTransmit',
        'panel:interfaceUtilisation',
        'panel:interfaceErrors',
        'alert:interface-saturated',
        'alert:interface-errors',
      ],
    }),
    view('VPN/IPSec (tunnel up, traffic)', {
      covered: ['panel:ipsecTunnelUp', 'panel:ipsecTunnelsDown', 'panel:ipsecThroughput', 'alert:ipsec-tunnel-down'],
    }),
    view('VirtualWAN/HealthCheck (SD-WAN member status, latency, loss)', {
      covered: ['panel:sdwanPacketLoss', 'panel:sdwanLatency', 'alert:sdwan-link-down', 'alert:sdwan-packet-loss'],
    }),
    view('System/HAChecksums (member role)', { covered: ['panel:haPrimary', 'alert:ha-failover'] }),
    view('System/HAStatistics (members)', { covered: ['panel:haMembers', 'alert:ha-member-lost'] }),
    view('System/AvailableCertificates (validity)', {
      covered: ['panel:certificateExpiry', 'alert:cert-expiring', 'alert:cert-expiry-critical'],
    }),
    view('System/SensorInfo (fans, temperatures, voltages)', {
      notTaken:
        'the exporter reads each sensor’s name, type and value only, not the limits FortiOS knows per model (pkg/probe/system_sensor_info.go), so no bound fits every appliance',
    }),
    view('System/Status (FortiOS version)', {
      notTaken: 'an inventory fact, not a failure: the pack lists fortigate_version_info as the exporter’s info metric',
    }),
    view('System/Time/Clock', { added: ['panel:clockSkew', 'alert:clock-skew'] }),
    view('License/Status (VDOM licences used and allowed)', {
      notTaken: 'a ceiling for configuration changes (creating a VDOM), not a running failure',
    }),
    view('Firewall/Policies (sessions, bytes, hits per policy)', {
      notTaken:
        'one series per policy and protocol: thousands on a large rule base, too heavy for the pack’s first view; the README’s top-policies query answers it in Explore',
    }),
    view('Firewall/IpPool (SNAT pool use)', { added: ['panel:ippoolUtilisation', 'alert:ippool-nearly-full'] }),
    view('Firewall/LoadBalance (virtual and real servers)', {
      added: ['panel:lbRealServerUp', 'panel:lbRealServerSessions', 'alert:lb-real-server-down'],
    }),
    view('BGP/Neighbors and BGP/NeighborPaths (IPv4, IPv6)', {
      added: ['panel:bgpNeighborEstablished', 'panel:bgpPaths', 'alert:bgp-neighbor-down'],
    }),
    view('OSPF/Neighbors', { added: ['panel:ospfNeighborAdjacent', 'alert:ospf-neighbor-lost'] }),
    view('System/Fortimanager/Status', {
      added: ['panel:fortimanagerConnected', 'alert:fortimanager-disconnected'],
    }),
    view('System/SDNConnector', { added: ['panel:sdnConnectorUp', 'alert:sdn-connector-down'] }),
    view('User/Fsso', { added: ['panel:fssoConnected', 'alert:fsso-collector-down'] }),
    view('VPN/Ssl/Connections and VPN/Ssl/Stats (SSL-VPN users, tunnels)', {
      notTaken: 'user and tunnel counts are load, not failure',
    }),
    view('Wifi/APStatus and Wifi/ManagedAP (FortiAPs, their radios and clients)', {
      added: [
        'panel:fortiapsByStatus',
        'panel:wifiClients',
        'panel:wifiApClients',
        'panel:wifiChannelUtilisation',
        'alert:fortiap-down',
      ],
    }),
    view('Wifi/Clients (each wireless client’s signal, rates, retries)', {
      notTaken:
        'one series per connected device and metric, churning with every phone that walks by: too heavy for a firewall’s dashboard and no failure of the firewall; clients per FortiAP and in all come from Wifi/APStatus and Wifi/ManagedAP',
    }),
    view('Switch/ManagedSwitch (FortiSwitch ports)', {
      added: [
        'panel:fortiswitchConnected',
        'panel:fortiswitchPortErrors',
        'panel:fortiswitchPoePower',
        'alert:fortiswitch-offline',
      ],
    }),
    view('Log/Fortianalyzer/Status and Queue', {
      added: ['panel:fortianalyzerConnected', 'panel:fortianalyzerQueue', 'alert:fortianalyzer-disconnected'],
    }),
    view('Log/Fortianalyzer/Queue, cached and failed logs as an alert', {
      notTaken:
        'the exporter exports cached_logs and failed_logs as gauges while its author could not tell whether they are counters (pkg/probe/log_fortianalyzer_queue.go, v1.17.0 – v1.24.1); a rule on a growing queue would guess at what the number means, so the panel shows it and FortiGateFortiAnalyzerDisconnected covers the lost link',
    }),
    // No alert: FortiOS overwrites the oldest logs on a full log disk by default (diskfull overwrite), so full
    // is the disk's steady state, not a failure; the panel's description says so.
    view('Log/DiskUsage (local log disk)', { added: ['panel:logDiskUsage'] }),
    // EXAMPLES.md
    example('Most Active Firewall Policies (topk of policy bytes)', {
      notTaken: 'see Firewall/Policies: per-policy series, for Explore rather than the pack’s dashboard',
    }),
    example('Adding Version Information (version joined onto a metric)', {
      notTaken: 'a query technique, not a view; the version is the exporter’s info metric in the pack',
    }),
    example('Expiring Certificates (in use, valid, within 90 days)', {
      covered: ['panel:certificateExpiry', 'alert:cert-expiring', 'alert:cert-expiry-critical'],
    }),
  ],
};
