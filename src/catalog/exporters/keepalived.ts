import { acrossTargets, increasedWithin, sel } from '../promql';
import { defineExporter } from '../define';
import type { QueryContext, Requirement } from '../types';

// keepalived_vrrp_state has one series per virtual IP; the instance's state is the same on all of
// them, so panels collapse to one series per VRRP instance before comparing or counting.
const instanceState = (q: QueryContext) => `max by (${q.by}, iname, vrid) (${sel('keepalived_vrrp_state', q)})`;

/**
 * How many nodes are MASTER, per virtual IP of a VRID: a VRID names a virtual router on one LAN only (RFC 5798), and
 * guides reuse the same few (51 in most), so unrelated pairs on other segments share one; their virtual IPs tell them
 * apart (an alert per virtual IP: a pair with three fires three). Counted from each node's latest state (last_over_time
 * bridges a missed scrape without keeping a stale MASTER after a clean failover), never compared with a fixed pair
 * size, and within each HA replica's view (added across replicas, one MASTER counted twice: split brain for ever, on
 * the panel and in the alert).
 */
const mastersPerVirtualIp = (q: QueryContext) =>
  `sum by (${acrossTargets(q, 'vrid', 'ip_address')}) (max by (${q.by}, vrid, ip_address) (last_over_time(${sel('keepalived_vrrp_state', q)}[${q.range}])) == bool 2)`;

const VRRP_SCRIPT: Requirement = {
  kind: 'config',
  enable: 'vrrp_script blocks in keepalived.conf, and the exporter without --ka.json',
  offByDefault: false,
};
// cmd/keepalived-exporter/main.go (0.2 – 1.7.1): a Go flag named `cs`, the script's path.
const CHECK_SCRIPT: Requirement = { kind: 'flag', enable: '-cs <script path>', offByDefault: false };

// Counter families summed into one panel, one term per counter: rate() drops metric names, so a
// single name regex would yield clashing series.
export const PACKET_ERRORS = [
  'keepalived_packet_length_errors_total',
  'keepalived_ip_ttl_errors_total',
  'keepalived_invalid_type_received_total',
  'keepalived_address_list_errors_total',
  'keepalived_advertisements_interval_errors_total',
];
export const AUTH_ERRORS = [
  'keepalived_authentication_invalid_total',
  'keepalived_authentication_mismatch_total',
  'keepalived_authentication_failure_total',
];
// The exporter reads script results from keepalived.data only; with --ka.json it emits none.
const SCRIPTS = 'only where keepalived.conf defines vrrp_script blocks and the exporter runs without --ka.json';
const PRIORITY_ZERO = ['keepalived_priority_zero_received_total', 'keepalived_priority_zero_sent_total'];

const rateOfFamily = (metrics: string[], q: QueryContext) =>
  metrics.map((m) => `sum by (${q.by}, iname, vrid) (rate(${sel(m, q)}[${q.range}]))`).join(' + ');

export const keepalivedExporter = defineExporter({
  id: 'keepalived',
  title: 'keepalived',
  layer: 'network',
  defaultPort: 9165,
  docsUrl: 'https://github.com/mehdy/keepalived-exporter',
  description:
    'keepalived VRRP high availability: instance state, failovers, advertisements, protocol errors and tracking scripts.',
  detection: { metrics: ['keepalived_up', 'keepalived_exporter_build_info'] },
  infoMetrics: ['keepalived_up'],
  versionMetric: { metric: 'keepalived_exporter_build_info', label: 'version' },
  thresholds: [
    {
      id: 'failovers',
      title: 'Failovers',
      unit: 'short',
      direction: 'above',
      warning: 1,
      critical: 3,
      min: 1,
      max: 100,
      description: 'Transitions to MASTER within the window; more than one in a row means the pair is flapping.',
    },
    {
      id: 'protocolErrors',
      title: 'VRRP protocol errors',
      unit: 'pps',
      direction: 'above',
      warning: 0.01,
      min: 0.001,
      max: 1000,
      description:
        'Malformed, mistimed or wrongly authenticated VRRP packets per second; any steady rate means a misconfigured peer or a foreign VRRP speaker on the segment.',
    },
  ],
  signals: [
    {
      id: 'up',
      title: 'keepalived reachable',
      description:
        'Whether the exporter could read keepalived’s statistics at the last scrape (1 = yes). 0 means keepalived is down or its stats file/D-Bus is unreadable.',
      unit: 'bool_yes_no',
      expr: (q) => sel('keepalived_up', q),
    },
    {
      id: 'vrrpState',
      title: 'VRRP state',
      description: 'State of each VRRP instance: 0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT.',
      unit: 'none',
      expr: instanceState,
      legend: '{{instance}} {{iname}} (VRID {{vrid}})',
      min: 0,
      max: 3,
    },
    {
      id: 'mastersPerVirtualIp',
      title: 'MASTERs per virtual IP',
      description:
        'Nodes holding MASTER for each virtual IP across the selected targets, from each node’s latest state: 1 is healthy, 0 means the address answers nowhere, 2 or more is split brain. Unrelated pairs that reuse a VRID are told apart by their addresses (and clusters); pairs that also share the address (a private address reused at every site, an instance without virtual IPs) count together.',
      unit: 'short',
      expr: mastersPerVirtualIp,
      legend: '{{ip_address}} (VRID {{vrid}})',
      min: 0,
    },
    {
      id: 'faultInstances',
      title: 'Instances in FAULT',
      description: 'VRRP instances in the FAULT state (a tracked interface or script failed); they will not take over.',
      unit: 'short',
      expr: (q) => `sum by (${q.by}) (${instanceState(q)} == bool 3)`,
      min: 0,
    },
    {
      id: 'virtualAddresses',
      title: 'Virtual addresses',
      description: 'Virtual IP addresses configured per VRRP instance.',
      unit: 'short',
      // An instance without VIPs still gets one state series, with ip_address="" (collector.go,
      // mehdy/keepalived-exporter ≥ 1.0): counting it would show one address where there is none.
      expr: (q) => `count by (${q.by}, iname) (${sel('keepalived_vrrp_state', q, 'ip_address!=""')})`,
      legend: '{{instance}} {{iname}}',
    },
    {
      id: 'becameMaster',
      title: 'Transitions to MASTER',
      description: 'Times each instance became MASTER in the window: every one is a failover or a failback.',
      unit: 'short',
      expr: (q) => `increase(${sel('keepalived_become_master_total', q)}[${q.range}])`,
      legend: '{{instance}} {{iname}}',
      threshold: 'failovers',
    },
    {
      id: 'releasedMaster',
      title: 'Transitions out of MASTER',
      description: 'Times each instance gave up MASTER in the window.',
      unit: 'short',
      expr: (q) => `increase(${sel('keepalived_release_master_total', q)}[${q.range}])`,
      legend: '{{instance}} {{iname}}',
    },
    {
      id: 'priorityZero',
      title: 'Priority-0 advertisements',
      description:
        'Priority-0 adverts sent or received per second: a MASTER announcing that it steps down (shutdown or failed check).',
      unit: 'pps',
      expr: (q) => rateOfFamily(PRIORITY_ZERO, q),
      legend: '{{instance}} {{iname}}',
    },
    {
      id: 'advertisementsReceived',
      title: 'Advertisements received',
      description: 'VRRP advertisements received per second; a BACKUP that stops receiving them will take over.',
      unit: 'pps',
      expr: (q) => `rate(${sel('keepalived_advertisements_received_total', q)}[${q.range}])`,
      legend: '{{instance}} {{iname}} in',
    },
    {
      id: 'advertisementsSent',
      title: 'Advertisements sent',
      description: 'VRRP advertisements sent per second; only the MASTER sends them.',
      unit: 'pps',
      expr: (q) => `rate(${sel('keepalived_advertisements_sent_total', q)}[${q.range}])`,
      legend: '{{instance}} {{iname}} out',
    },
    {
      id: 'packetErrors',
      title: 'VRRP packet errors',
      description: 'Received VRRP packets with a bad length, TTL, type, address list or advert interval, per second.',
      unit: 'pps',
      expr: (q) => rateOfFamily(PACKET_ERRORS, q),
      legend: '{{instance}} {{iname}}',
      threshold: 'protocolErrors',
    },
    {
      id: 'authenticationErrors',
      title: 'VRRP authentication errors',
      description: 'Received VRRP packets with an invalid, mismatching or failed authentication, per second.',
      unit: 'pps',
      expr: (q) => rateOfFamily(AUTH_ERRORS, q),
      legend: '{{instance}} {{iname}}',
      threshold: 'protocolErrors',
    },
    {
      id: 'vrrpScriptStatus',
      requires: VRRP_SCRIPT,
      title: 'VRRP script status',
      description:
        'Result of each keepalived vrrp_script (1 GOOD, 0 BAD); a BAD script lowers priority or forces FAULT.',
      unit: 'bool_yes_no',
      expr: (q) => sel('keepalived_script_status', q),
      legend: '{{instance}} {{name}}',
      optional: SCRIPTS,
    },
    {
      id: 'vrrpScriptState',
      requires: VRRP_SCRIPT,
      title: 'VRRP script state',
      description:
        'Run state of each vrrp_script: 0 idle, 1 running, 2 termination requested, 3 forced termination (a hung script).',
      unit: 'none',
      expr: (q) => sel('keepalived_script_state', q),
      legend: '{{instance}} {{name}}',
      min: 0,
      max: 3,
      optional: `${SCRIPTS}, on keepalived ≥ 1.4.0`,
    },
    {
      id: 'checkScriptStatus',
      requires: CHECK_SCRIPT,
      title: 'Exporter check script',
      description: 'Result of the exporter-side check script per virtual IP (1 ok, 0 failed).',
      unit: 'bool_yes_no',
      expr: (q) => sel('keepalived_exporter_check_script_status', q),
      legend: '{{instance}} {{iname}} {{ip_address}}',
      optional: 'only when the exporter runs with a check script (-cs <script path>)',
    },
  ],
  alerts: [
    {
      id: 'down',
      name: 'KeepalivedDown',
      severity: 'critical',
      for: '2m',
      // Every scrape in the window failed: one blip neither fires nor hides an outage.
      signal: 'up',
      overWindow: 'max',
      comparison: '<',
      threshold: 1,
      summary: 'The keepalived exporter on {{ $labels.instance }} cannot read keepalived.',
      description:
        'The exporter on {{ $labels.instance }} answers but cannot read keepalived’s statistics: keepalived is stopped or its stats/D-Bus interface is unreadable. Check `systemctl status keepalived` and the exporter’s permissions; without keepalived this node cannot hold or take over the virtual IPs.',
    },
    {
      id: 'vrrp-fault',
      name: 'KeepalivedVRRPFault',
      severity: 'critical',
      for: '5m',
      // The highest state is FAULT (3): max_over_time keeps a fault seen between scrapes.
      query: (q) => `max by (${q.by}, iname, vrid) (max_over_time(${sel('keepalived_vrrp_state', q)}[${q.range}]))`,
      comparison: '>',
      threshold: 2,
      summary: 'VRRP instance {{ $labels.iname }} (VRID {{ $labels.vrid }}) on {{ $labels.instance }} is in FAULT.',
      description:
        'VRRP instance {{ $labels.iname }} (VRID {{ $labels.vrid }}) on {{ $labels.instance }} is in the FAULT state: a tracked interface is down or a tracking script fails, so this node will not take over the virtual IPs. Check the tracked interfaces and `journalctl -u keepalived`; the pair has no standby until it recovers.',
    },
    {
      id: 'split-brain',
      name: 'KeepalivedSplitBrain',
      severity: 'critical',
      for: '1m',
      signal: 'mastersPerVirtualIp',
      comparison: '>',
      threshold: 1,
      summary: 'More than one keepalived node is MASTER for {{ $labels.ip_address }} (VRID {{ $labels.vrid }}).',
      description:
        'Several nodes claim MASTER for virtual router {{ $labels.vrid }} at once (split brain): they answer ARP for the same virtual IPs and traffic is split between them. Usually VRRP advertisements are lost between the nodes (firewall dropping protocol 112, a VLAN or multicast problem). Restore connectivity between the peers or stop keepalived on one of them. (Unrelated pairs that reuse a VRID on other segments are told apart by their virtual IPs and clusters; pairs of one cluster that also share the address count together: narrow the pack with a selector in Setup.)',
    },
    {
      id: 'no-master',
      name: 'KeepalivedNoMaster',
      severity: 'critical',
      for: '2m',
      signal: 'mastersPerVirtualIp',
      comparison: '<',
      threshold: 1,
      summary: 'No keepalived node is MASTER for {{ $labels.ip_address }} (VRID {{ $labels.vrid }}).',
      description:
        'No node holds MASTER for virtual router {{ $labels.vrid }}: its virtual IPs answer nowhere. Check why the BACKUP nodes do not take over (FAULT state, failing tracking scripts, keepalived stopped) and bring one node to MASTER. If you scrape only one node of the pair, add the others so the count is complete.',
    },
    {
      id: 'failover',
      name: 'KeepalivedFailover',
      severity: 'info',
      for: '0s',
      // Compared with the count last seen before the window too (increasedWithin): a takeover while Prometheus could
      // not reach the node for longer than the window (the partition that often causes it) was otherwise never seen.
      query: (q) => increasedWithin(sel('keepalived_become_master_total', q), '15m'),
      comparison: '>',
      threshold: 0,
      summary: '{{ $labels.instance }} became MASTER for {{ $labels.iname }} (VRID {{ $labels.vrid }}).',
      description:
        '{{ $labels.instance }} took over MASTER for VRRP instance {{ $labels.iname }} (VRID {{ $labels.vrid }}) within the last 15 minutes, or while Prometheus could not scrape it before that. Expected during maintenance; otherwise find out why the previous MASTER gave up (crash, failed check, lost adverts).',
    },
    {
      id: 'flapping',
      name: 'KeepalivedFlapping',
      severity: 'warning',
      for: '0s',
      query: (q) => `increase(${sel('keepalived_become_master_total', q)}[1h])`,
      threshold: 'failovers',
      summary: 'VRRP instance {{ $labels.iname }} on {{ $labels.instance }} keeps changing MASTER.',
      description:
        '{{ $labels.instance }} became MASTER for {{ $labels.iname }} (VRID {{ $labels.vrid }}) more often in the last hour than the failover threshold allows: the pair is flapping and connections through the virtual IPs break at every switch. Look for lost advertisements, a flapping tracked interface or a tracking script that fails intermittently.',
    },
    {
      id: 'packet-errors',
      name: 'KeepalivedVRRPPacketErrors',
      severity: 'warning',
      for: '15m',
      signal: 'packetErrors',
      summary: 'VRRP instance {{ $labels.iname }} on {{ $labels.instance }} receives malformed packets.',
      description:
        '{{ $labels.instance }} keeps receiving VRRP packets for {{ $labels.iname }} (VRID {{ $labels.vrid }}) with a bad length, TTL, type, address list or advert interval. A peer is configured differently (virtual addresses, advert_int) or another VRRP speaker uses this VRID on the segment; align the configurations.',
    },
    {
      id: 'auth-errors',
      name: 'KeepalivedVRRPAuthErrors',
      severity: 'warning',
      for: '15m',
      signal: 'authenticationErrors',
      summary: 'VRRP instance {{ $labels.iname }} on {{ $labels.instance }} receives packets that fail authentication.',
      description:
        '{{ $labels.instance }} keeps receiving VRRP packets for {{ $labels.iname }} (VRID {{ $labels.vrid }}) whose authentication is invalid or does not match. The peers’ auth_type/auth_pass differ, or a foreign device speaks VRRP on this VRID; align the authentication settings.',
    },
    {
      id: 'script-failed',
      name: 'KeepalivedScriptFailed',
      severity: 'warning',
      for: '5m',
      signal: 'vrrpScriptStatus',
      overWindow: 'min',
      comparison: '<',
      threshold: 1,
      summary: 'keepalived tracking script {{ $labels.name }} fails on {{ $labels.instance }}.',
      description:
        'The vrrp_script {{ $labels.name }} on {{ $labels.instance }} reports BAD: keepalived lowers this node’s priority or puts its instances in FAULT, so it will give up or refuse MASTER. Run the script by hand to see why the checked service fails.',
      optional: SCRIPTS,
    },
  ],
  overview: ['up', 'mastersPerVirtualIp', 'faultInstances', 'becameMaster'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['up'], kind: 'stat', width: 4 },
        { signals: ['vrrpState'], kind: 'stat', width: 8 },
        { signals: ['mastersPerVirtualIp'], kind: 'stat', width: 4 },
        { signals: ['faultInstances'], kind: 'stat', width: 4 },
        { signals: ['becameMaster'], kind: 'stat', width: 4 },
      ],
    },
    {
      title: 'VRRP state',
      panels: [
        { signals: ['vrrpState'], width: 10 },
        { signals: ['mastersPerVirtualIp'], width: 8 },
        { signals: ['virtualAddresses'], kind: 'table', width: 6 },
      ],
    },
    {
      title: 'Failovers',
      panels: [
        { signals: ['becameMaster'], width: 8 },
        { signals: ['releasedMaster'], width: 8 },
        { signals: ['priorityZero'], width: 8 },
      ],
    },
    {
      title: 'Advertisements and errors',
      panels: [
        {
          signals: ['advertisementsReceived', 'advertisementsSent'],
          title: 'VRRP advertisements',
          description: 'Advertisements received and sent per second per instance.',
          width: 12,
        },
        { signals: ['packetErrors'], width: 6 },
        { signals: ['authenticationErrors'], width: 6 },
      ],
    },
    {
      title: 'Tracking scripts',
      panels: [
        { signals: ['vrrpScriptStatus'], width: 8 },
        { signals: ['vrrpScriptState'], width: 8 },
        { signals: ['checkScriptStatus'], width: 8 },
      ],
    },
  ],
});
