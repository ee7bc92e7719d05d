import { rowsOf } from './rows';
import type { ExporterCoverage } from './types';

const TAG = 'v1.24.1';
const REPO = 'https://github.com/prometheus-community/fortigate_exporter/blob';

// fortigate_exporter ships no Grafana dashboard and no alert rules, there is no mixin, and awesome-prometheus-alerts
// (a8533189, 2026-08-01) has no FortiGate rules: the README's list of probes (one FortiOS API endpoint each, with the
// metrics it yields) and the PromQL examples are the reference. One row per probe.
const later =
  'not taken in this pass: no family fixture holds the probe’s metrics yet, so no rule or panel on it could be proven; ';

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
    view('System/Time/Clock', {
      notTaken:
        'not taken in this pass: drift would be time() − fortigate_time_seconds, blurred by the scrape’s own delay; certificate and VPN failures from a wrong clock show in their own alerts',
    }),
    view('License/Status (VDOM licences used and allowed)', {
      notTaken: 'a ceiling for configuration changes (creating a VDOM), not a running failure',
    }),
    view('Firewall/Policies (sessions, bytes, hits per policy)', {
      notTaken:
        'one series per policy and protocol: thousands on a large rule base, too heavy for the pack’s first view; the README’s top-policies query answers it in Explore',
    }),
    view('Firewall/IpPool (SNAT pool use)', { notTaken: `${later}an exhausted pool stops new outbound NAT sessions` }),
    view('Firewall/LoadBalance (virtual and real servers)', {
      notTaken: `${later}only on firewalls that publish virtual servers`,
    }),
    view('BGP/Neighbors and BGP/NeighborPaths (IPv4, IPv6)', {
      notTaken: `${later}a BGP neighbour leaving Established is a failure worth a rule once a fixture proves the state label`,
    }),
    view('OSPF/Neighbors', { notTaken: `${later}as BGP` }),
    view('System/Fortimanager/Status', {
      notTaken: `${later}a lost FortiManager link stops central policy pushes, not traffic`,
    }),
    view('System/SDNConnector', { notTaken: `${later}only where dynamic addresses come from a cloud SDN connector` }),
    view('User/Fsso', { notTaken: `${later}only with Fortinet single sign-on collectors` }),
    view('VPN/Ssl/Connections and VPN/Ssl/Stats (SSL-VPN users, tunnels)', {
      notTaken: 'user and tunnel counts are load, not failure',
    }),
    view('Wifi/APStatus, Wifi/Clients, Wifi/ManagedAP (FortiAPs and their clients)', {
      notTaken: `${later}only on FortiGates managing FortiAPs; per-client series grow with every device in range`,
    }),
    view('Switch/ManagedSwitch (FortiSwitch ports)', {
      notTaken: `${later}only on FortiGates managing FortiSwitches`,
    }),
    view('Log/Fortianalyzer/Status and Queue', {
      notTaken: `${later}a growing queue means logs are not reaching FortiAnalyzer`,
    }),
    view('Log/DiskUsage (local log disk)', { notTaken: `${later}only on models with a log disk` }),
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
