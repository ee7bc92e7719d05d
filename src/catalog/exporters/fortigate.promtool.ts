/**
 * promtool cases for the fortigate alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import type { FireAndQuiet, PromtoolCases } from '../promtool-cases';

// Every series comes from the one family's fixture (tests/fixtures/exporters/fortigate-1.17-1.24.prom).
const TARGET = { job: 'fortigate', instance: 'fw01' };
const fw = familyFixture('fortigate', 'fortigate_exporter 1.17 – 1.24').at(TARGET);

const VERSION = { build: '2795', serial: 'FG101FTK22004511', version: 'v7.4.8' };
const WAN1 = { alias: 'uplink', name: 'wan1', parent: 'x1', vdom: 'root' };
const TUNNEL = { name: 'hq-branch2', p2serial: '1', parent: 'hq-branch2', vdom: 'root' };
const SLA = { interface: 'wan1', sla: 'Internet', vdom: 'root' };
const CERT = { name: 'vpn.example.com', scope: 'global', source: 'user', vdom: 'root' };
// The user's certificate a renewal replaced: its successor took over its references.
const REPLACED_CERT = { name: 'vpn.example.com-2024', scope: 'global', source: 'user', vdom: 'root' };
// As upstream's own capture has it (testdata/available-certificates-scope-global.jsonnet, v1.17.0 – v1.24.1): factory,
// expired 2021-12-25, referenced once.
const FACTORY_WIFI = { name: 'Fortinet_Wifi', scope: 'global', source: 'factory', vdom: 'root' };
/** A certificate's expiry (`validTo`, Unix seconds, promtool's clock starts at 0) and its reference count. */
const certificate = (labels: Record<string, string>, validTo: string, references: string) => [
  { series: fw.series('fortigate_certificate_valid_to_seconds', labels), values: validTo },
  { series: fw.series('fortigate_certificate_cmdb_references', labels), values: references },
];
/**
 * Two expired certificates, `samples` + 1 minutes long: the replaced one, in use until its successor took over at
 * minute `replacedAt` (the alert's fault until then), and the factory one, referenced throughout. Only the reference
 * count and the source keep them quiet after that.
 */
const expiredNotOurs = (samples: number, replacedAt: number) => [
  ...certificate(REPLACED_CERT, `0x${samples}`, `1x${replacedAt} 0x${samples - replacedAt - 1}`),
  ...certificate(FACTORY_WIFI, `0x${samples}`, `1x${samples}`),
];
const haRole = (serial: string) => fw.series('fortigate_ha_member_has_role', { role: 'root_master', serial });
const member = (hostname: string, serial: string) =>
  fw.series('fortigate_ha_member_info', { group: 'c', hostname, serial, vdom: 'root' });
const wanStatus = (state: string) => fw.series('fortigate_virtual_wan_status', { ...SLA, state });
const interfaceSeries = (rx: string, tx: string, speed: string) => [
  { series: fw.series('fortigate_interface_receive_bytes_total', WAN1), values: rx },
  { series: fw.series('fortigate_interface_transmit_bytes_total', WAN1), values: tx },
  { series: fw.series('fortigate_interface_speed_bps', WAN1), values: speed },
];
const BGP_UP = {
  admin_status: 'true',
  local_ip: '198.51.100.2',
  neighbor_ip: '198.51.100.1',
  remote_as: '64500',
  vdom: 'root',
};
const BGP_DOWN = {
  admin_status: 'true',
  local_ip: '203.0.113.2',
  neighbor_ip: '203.0.113.1',
  remote_as: '64501',
  vdom: 'root',
};
const BGP_SHUT = {
  admin_status: 'false',
  local_ip: '192.0.2.2',
  neighbor_ip: '192.0.2.1',
  remote_as: '64502',
  vdom: 'root',
};
const bgp4 = (peer: Record<string, string>, state: string) =>
  fw.series('fortigate_bgp_neighbor_ipv4_info', { ...peer, state });
const OSPF_FULL = { neighbor_ip: '10.255.0.2', priority: '1', router_id: '10.255.255.2', vdom: 'root' };
const OSPF_2WAY = { neighbor_ip: '10.255.0.3', priority: '1', router_id: '10.255.255.3', vdom: 'root' };
const ospf = (peer: Record<string, string>, state: string) =>
  fw.series('fortigate_ospf_neighbor_info', { ...peer, state });
const version = () => fw.series('fortigate_version_info', VERSION);
const POOL = { name: 'snat-pool1', vdom: 'root' };
const real = (id: string) => ({ id, vdom: 'dmz', virtual_server: 'web-vip' });
const SWITCH = {
  os_version: 'S124FP-v7.4.4-build0829,240731 (GA)',
  serial: 'S124FPTF23004412',
  state: 'Authorized',
  switch_name: 'sw-floor2',
  vdom: 'root',
};
const DISCOVERED = {
  os_version: 'S108F-v7.4.4-build0829,240731 (GA)',
  serial: 'S108FFTF23011207',
  state: 'Discovered',
  status: 'Disconnected',
  switch_name: 'S108FFTF23011207',
  vdom: 'root',
};
const fazRegistered = () =>
  fw.series('fortigate_log_fortianalyzer_registration_info', {
    connection: 'allow',
    registration: 'registered',
    vdom: 'root',
  });
const fazConnected = () => fw.series('fortigate_log_fortianalyzer_queue_connections', { vdom: 'root' });
const fmg = (status: string) =>
  fw.series('fortigate_fortimanager_connection_status', { mode: 'normal', status, vdom: 'root' });
const fmgRegistration = (status: string) =>
  fw.series('fortigate_fortimanager_registration_status', { mode: 'normal', status, vdom: 'root' });
// One sample a minute for a little over a day: an outage must still fire past the 24 hours a "connected at some
// point in the last day" guard would allow.
const DAY_AND_MORE = 1560;
const SDN = { name: 'aws-dev', type: 'aws', vdom: 'dmz' };
const fsso = (name: string, status: string) =>
  fw.series('fortigate_user_fsso_info', { id: '', name, status, type: 'fsso', vdom: 'root' });
/** One series: the alert fires on the `fires` values at `evalTime` and stays quiet on the `quiet` ones. */
const oneSeries = (
  metric: string,
  labels: Record<string, string>,
  values: { fires: string; quiet: string },
  evalTime: string
): FireAndQuiet => {
  const series = fw.series(metric, labels);
  return {
    fires: { series: [{ series, values: values.fires }], evalTime, labels: { ...TARGET, ...labels } },
    quiet: { series: [{ series, values: values.quiet }], evalTime },
  };
};
const errorSeries = (rx: string) => [
  { series: fw.series('fortigate_interface_receive_errors_total', WAN1), values: rx },
  { series: fw.series('fortigate_interface_transmit_errors_total', WAN1), values: '0x40' },
];

export const fortigatePromtoolCases: PromtoolCases = {
  // A probe that reads nothing returns no fortigate_* series at all, version included.
  'probe-failed': {
    fires: {
      series: [
        { series: fw.series('probe_success'), values: '1x30 0x30' },
        { series: fw.series('fortigate_version_info', VERSION), values: '1x30' },
      ],
      evalTime: '50m',
      labels: TARGET,
    },
    // One endpoint the API user may not read: probe_success is 0, the rest still reports.
    quiet: {
      series: [
        { series: fw.series('probe_success'), values: '1x30 0x30' },
        { series: fw.series('fortigate_version_info', VERSION), values: '1x60' },
      ],
      evalTime: '50m',
    },
  },
  'cpu-high': {
    fires: {
      series: [
        { series: fw.series('fortigate_cpu_usage_ratio', { processor: '0' }), values: '0.95x30' },
        { series: fw.series('fortigate_cpu_usage_ratio', { processor: '1' }), values: '0.93x30' },
      ],
      evalTime: '20m',
      labels: TARGET,
    },
    quiet: {
      series: [
        { series: fw.series('fortigate_cpu_usage_ratio', { processor: '0' }), values: '0.99x30' },
        { series: fw.series('fortigate_cpu_usage_ratio', { processor: '1' }), values: '0.2x30' },
      ],
      evalTime: '20m',
    },
  },
  'memory-high': oneSeries('fortigate_memory_usage_ratio', {}, { fires: '0.92x30', quiet: '0.6x30' }, '20m'),
  'memory-critical': oneSeries('fortigate_memory_usage_ratio', {}, { fires: '0.97x20', quiet: '0.92x20' }, '15m'),
  'interface-saturated': {
    fires: {
      series: interfaceSeries('0+7200000000x40', '0+600000000x40', '1e+09x40'),
      evalTime: '30m',
      labels: { ...TARGET, ...WAN1 },
    },
    quiet: { series: interfaceSeries('0+600000000x40', '0+600000000x40', '1e+09x40'), evalTime: '30m' },
  },
  'interface-errors': {
    fires: { series: errorSeries('0+600x40'), evalTime: '30m', labels: { ...TARGET, ...WAN1 } },
    quiet: { series: errorSeries('0+6x40'), evalTime: '30m' },
  },
  'ipsec-tunnel-down': oneSeries('fortigate_ipsec_tunnel_up', TUNNEL, { fires: '0x20', quiet: '1x20' }, '15m'),
  // The exporter sends one 0/1 series per state (up, down, error, disable, unknown).
  'sdwan-link-down': {
    fires: {
      series: [
        { series: wanStatus('up'), values: '0x20' },
        { series: wanStatus('down'), values: '1x20' },
      ],
      evalTime: '15m',
      labels: { ...TARGET, ...SLA, state: 'down' },
    },
    // A member disabled on purpose is not up either, but it is not a failing link.
    quiet: {
      series: [
        { series: wanStatus('up'), values: '0x20' },
        { series: wanStatus('down'), values: '0x20' },
        { series: wanStatus('disable'), values: '1x20' },
      ],
      evalTime: '15m',
    },
  },
  'sdwan-packet-loss': {
    fires: {
      series: [
        { series: fw.series('fortigate_virtual_wan_packet_loss_ratio', SLA), values: '0.05x30' },
        { series: wanStatus('up'), values: '1x30' },
      ],
      evalTime: '20m',
      labels: { ...TARGET, ...SLA },
    },
    // The member just went down: its last loss samples are still in the window.
    quiet: {
      series: [
        { series: fw.series('fortigate_virtual_wan_packet_loss_ratio', SLA), values: '0.05x18' },
        { series: wanStatus('up'), values: '1x18 0x12' },
      ],
      evalTime: '20m',
    },
  },
  'ha-failover': {
    // FG1 primary to minute 10, the firewall not scraped for 20 minutes, FG1 secondary from minute 31: at minute 35
    // the last 15 minutes hold only its new role, where changes() read 0.
    fires: {
      series: [{ series: haRole('FG1'), values: '1x10 _x20 0x10' }],
      evalTime: '35m',
      labels: { ...TARGET, role: 'root_master', serial: 'FG1' },
    },
    // The failover of minute 10 is 20 minutes old; FG3, a member that joined at minute 25, has no role before.
    quiet: {
      series: [
        { series: haRole('FG1'), values: '1x10 0x20' },
        { series: haRole('FG2'), values: '0x10 1x20' },
        { series: haRole('FG3'), values: '_x25 0x5' },
      ],
      evalTime: '30m',
      afterFault: 'the alert is about a change in the last 15 minutes: one 20 minutes ago must have left it',
    },
  },
  'ha-member-lost': {
    fires: {
      series: [
        { series: member('fw01', 'FG1'), values: '1x60' },
        { series: member('fw02', 'FG2'), values: '1x30' },
      ],
      evalTime: '50m',
      labels: TARGET,
    },
    quiet: {
      series: [
        { series: member('fw01', 'FG1'), values: '1x60' },
        { series: member('fw02', 'FG2'), values: '1x60' },
      ],
      evalTime: '50m',
    },
  },
  // Fires on a certificate in use 10 days (an hour) from expiry. Quiet on one in use 100 (10) days from expiry, beside
  // an expired user certificate no longer in use and an expired factory one still referenced.
  'cert-expiring': {
    fires: { series: certificate(CERT, '864000x120', '1x120'), evalTime: '90m', labels: { ...TARGET, ...CERT } },
    quiet: { series: [...certificate(CERT, '8640000x120', '1x120'), ...expiredNotOurs(120, 30)], evalTime: '90m' },
  },
  'cert-expiry-critical': {
    fires: { series: certificate(CERT, '3600x20', '2x20'), evalTime: '10m', labels: { ...TARGET, ...CERT } },
    quiet: { series: [...certificate(CERT, '864000x20', '2x20'), ...expiredNotOurs(20, 5)], evalTime: '10m' },
  },
  // The state label decides, whatever the value: 1.17 – 1.20 write 1 for every state, later releases 1 – 6.
  'bgp-neighbor-down': {
    fires: {
      series: [
        { series: bgp4(BGP_UP, 'Established'), values: '6x20' },
        { series: bgp4(BGP_DOWN, 'Active'), values: '3x20' },
      ],
      evalTime: '15m',
      labels: { ...TARGET, neighbor_ip: '203.0.113.1', remote_as: '64501', vdom: 'root' },
    },
    // An Established neighbour as 1.17 – 1.20 write it (value 1), and one shut down in the configuration.
    quiet: {
      series: [
        { series: bgp4(BGP_UP, 'Established'), values: '1x20' },
        { series: bgp4(BGP_SHUT, 'Idle'), values: '1x20' },
      ],
      evalTime: '15m',
    },
  },
  // A dead neighbour leaves FortiOS' list; a 2-Way one beside it (DROTHER to DROTHER) is healthy. Another probe
  // failing meanwhile (probe_success 0) does not hide the loss while the firewall still lists OSPF neighbours.
  'ospf-neighbor-lost': {
    fires: {
      series: [
        { series: ospf(OSPF_FULL, 'Full'), values: '8x30' },
        { series: ospf(OSPF_2WAY, 'Two way'), values: '4x60' },
        { series: fw.series('probe_success'), values: '1x30 0x30' },
        { series: version(), values: '1x60' },
      ],
      evalTime: '50m',
      labels: { ...TARGET, neighbor_ip: '10.255.0.2', router_id: '10.255.255.2', vdom: 'root' },
    },
    // The OSPF probe alone failed (probes run independently, probe.go): every neighbour is gone while the
    // system status still reports. Not one alert per neighbour.
    quiet: {
      series: [
        { series: ospf(OSPF_FULL, 'Full'), values: '8x30' },
        { series: ospf(OSPF_2WAY, 'Two way'), values: '4x30' },
        { series: fw.series('probe_success'), values: '1x30 0x30' },
        { series: version(), values: '1x60' },
      ],
      evalTime: '50m',
    },
  },
  'ippool-nearly-full': oneSeries(
    'fortigate_ippool_available_ratio',
    POOL,
    { fires: '0.04x30', quiet: '0.62x30' },
    '20m'
  ),
  'lb-real-server-down': {
    fires: {
      series: [
        { series: fw.series('fortigate_lb_real_server_status', { ...real('2'), state: 'down' }), values: '1x20' },
        { series: fw.series('fortigate_lb_real_server_mode', { ...real('2'), mode: 'active' }), values: '1x20' },
      ],
      evalTime: '15m',
      labels: { ...TARGET, ...real('2'), state: 'down' },
    },
    // A disabled server that fails its check takes no traffic.
    quiet: {
      series: [
        { series: fw.series('fortigate_lb_real_server_status', { ...real('3'), state: 'down' }), values: '1x20' },
        { series: fw.series('fortigate_lb_real_server_mode', { ...real('3'), mode: 'active' }), values: '0x20' },
        { series: fw.series('fortigate_lb_real_server_mode', { ...real('3'), mode: 'disabled' }), values: '1x20' },
      ],
      evalTime: '15m',
    },
  },
  'fortiap-down': {
    fires: {
      series: [
        { series: fw.series('fortigate_wifi_access_points', { status: 'active', vdom: 'root' }), values: '11x20' },
        { series: fw.series('fortigate_wifi_access_points', { status: 'down', vdom: 'root' }), values: '1x20' },
      ],
      evalTime: '15m',
      labels: { ...TARGET, status: 'down', vdom: 'root' },
    },
    quiet: {
      series: [
        { series: fw.series('fortigate_wifi_access_points', { status: 'active', vdom: 'root' }), values: '12x20' },
        { series: fw.series('fortigate_wifi_access_points', { status: 'down', vdom: 'root' }), values: '0x20' },
      ],
      evalTime: '15m',
    },
  },
  'fortiswitch-offline': {
    fires: {
      series: [
        { series: fw.series('fortigate_managed_switch_info', { ...SWITCH, status: 'Disconnected' }), values: '1x20' },
      ],
      evalTime: '15m',
      labels: { ...TARGET, ...SWITCH, status: 'Disconnected' },
    },
    // A switch awaiting authorisation is not expected to be connected.
    quiet: {
      series: [
        { series: fw.series('fortigate_managed_switch_info', { ...SWITCH, status: 'Connected' }), values: '1x20' },
        { series: fw.series('fortigate_managed_switch_info', DISCOVERED), values: '1x20' },
      ],
      evalTime: '15m',
    },
  },
  'fortianalyzer-disconnected': {
    // Registered and disconnected for longer than a day.
    fires: {
      series: [
        { series: fazConnected(), values: `1x60 0x${DAY_AND_MORE - 60}` },
        { series: fazRegistered(), values: `1x${DAY_AND_MORE}` },
      ],
      evalTime: `${DAY_AND_MORE - 10}m`,
      labels: { ...TARGET, vdom: 'root' },
    },
    // Not registered, even though connected an hour ago: the registration decides, not a past connection.
    // FortiOS' other registration strings are not in the exporter's tests (only "registered" is), so the case
    // sends no registration series.
    quiet: { series: [{ series: fazConnected(), values: '1x60 0x60' }], evalTime: '100m' },
  },
  'fortimanager-disconnected': {
    // Registered and down for longer than a day.
    fires: {
      series: [
        { series: fmg('up'), values: `1x60 0x${DAY_AND_MORE - 60}` },
        { series: fmg('down'), values: `0x60 1x${DAY_AND_MORE - 60}` },
        { series: fmgRegistration('registered'), values: `1x${DAY_AND_MORE}` },
      ],
      evalTime: `${DAY_AND_MORE - 10}m`,
      labels: TARGET,
    },
    // Not registered (FortiManager does not know the device, status id 0), even though up an hour ago.
    quiet: {
      series: [
        { series: fmg('up'), values: '1x60 0x60' },
        { series: fmg('down'), values: '0x60 1x60' },
        { series: fmgRegistration('registered'), values: '0x120' },
        { series: fmgRegistration('unknown'), values: '1x120' },
      ],
      evalTime: '100m',
    },
  },
  // Quiet on 0: a connector disabled on purpose.
  'sdn-connector-down': oneSeries(
    'fortigate_system_sdn_connector_status',
    SDN,
    { fires: '1x20', quiet: '0x20' },
    '15m'
  ),
  // The exporter writes id="" for collector agents; Prometheus drops empty labels.
  'fsso-collector-down': {
    fires: {
      series: [
        { series: fsso('fsso-dc01', 'connected'), values: '1x20' },
        { series: fsso('fsso-dc02', 'disconnected'), values: '1x20' },
      ],
      evalTime: '15m',
      labels: { ...TARGET, name: 'fsso-dc02', status: 'disconnected', type: 'fsso', vdom: 'root' },
    },
    quiet: { series: [{ series: fsso('fsso-dc01', 'connected'), values: '1x20' }], evalTime: '15m' },
  },
  // promtool samples every minute from 0 s: a clock that reads 600 at 0 s is 10 minutes ahead.
  'clock-skew': oneSeries('fortigate_time_seconds', {}, { fires: '600+60x30', quiet: '2+60x30' }, '25m'),
};
