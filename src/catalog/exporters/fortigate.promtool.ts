/**
 * promtool cases for the fortigate alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import type { PromtoolCases } from '../promtool-cases';

// Every series comes from the one family's fixture (tests/fixtures/exporters/fortigate-1.17-1.24.prom).
const TARGET = { job: 'fortigate', instance: 'fw01' };
const fw = familyFixture('fortigate', 'fortigate_exporter 1.17 – 1.24').at(TARGET);

const VERSION = { build: '2795', serial: 'FG100FTK22004511', version: 'v7.4.8' };
const WAN1 = { alias: 'uplink', name: 'wan1', parent: 'x1', vdom: 'root' };
const TUNNEL = { name: 'hq-branch2', p2serial: '1', parent: 'hq-branch2', vdom: 'root' };
const SLA = { interface: 'wan1', sla: 'Internet', vdom: 'root' };
const CERT = { name: 'vpn', scope: 'global', source: 'user', vdom: 'root' };
const member = (hostname: string, serial: string) =>
  fw.series('fortigate_ha_member_info', { group: 'c', hostname, serial, vdom: 'root' });
const wanStatus = (state: string) => fw.series('fortigate_virtual_wan_status', { ...SLA, state });
const interfaceSeries = (rx: string, tx: string, speed: string) => [
  { series: fw.series('fortigate_interface_receive_bytes_total', WAN1), values: rx },
  { series: fw.series('fortigate_interface_transmit_bytes_total', WAN1), values: tx },
  { series: fw.series('fortigate_interface_speed_bps', WAN1), values: speed },
];
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
  'memory-high': {
    fires: {
      series: [{ series: fw.series('fortigate_memory_usage_ratio'), values: '0.92x30' }],
      evalTime: '20m',
      labels: TARGET,
    },
    quiet: {
      series: [{ series: fw.series('fortigate_memory_usage_ratio'), values: '0.6x30' }],
      evalTime: '20m',
    },
  },
  'memory-critical': {
    fires: {
      series: [{ series: fw.series('fortigate_memory_usage_ratio'), values: '0.97x20' }],
      evalTime: '15m',
      labels: TARGET,
    },
    quiet: {
      series: [{ series: fw.series('fortigate_memory_usage_ratio'), values: '0.92x20' }],
      evalTime: '15m',
    },
  },
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
  'ipsec-tunnel-down': {
    fires: {
      series: [{ series: fw.series('fortigate_ipsec_tunnel_up', TUNNEL), values: '0x20' }],
      evalTime: '15m',
      labels: { ...TARGET, ...TUNNEL },
    },
    quiet: {
      series: [{ series: fw.series('fortigate_ipsec_tunnel_up', TUNNEL), values: '1x20' }],
      evalTime: '15m',
    },
  },
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
    fires: {
      series: [
        {
          series: fw.series('fortigate_ha_member_has_role', { role: 'root_master', serial: 'FG1' }),
          values: '1x10 0x10',
        },
      ],
      evalTime: '15m',
      labels: { ...TARGET, role: 'root_master', serial: 'FG1' },
    },
    quiet: {
      series: [
        { series: fw.series('fortigate_ha_member_has_role', { role: 'root_master', serial: 'FG1' }), values: '1x20' },
      ],
      evalTime: '15m',
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
  'cert-expiring': {
    fires: {
      series: [{ series: fw.series('fortigate_certificate_valid_to_seconds', CERT), values: '864000x120' }],
      evalTime: '90m',
      labels: { ...TARGET, ...CERT },
    },
    quiet: {
      series: [{ series: fw.series('fortigate_certificate_valid_to_seconds', CERT), values: '8640000x120' }],
      evalTime: '90m',
    },
  },
  'cert-expiry-critical': {
    fires: {
      series: [{ series: fw.series('fortigate_certificate_valid_to_seconds', CERT), values: '3600x20' }],
      evalTime: '10m',
      labels: { ...TARGET, ...CERT },
    },
    quiet: {
      series: [{ series: fw.series('fortigate_certificate_valid_to_seconds', CERT), values: '864000x20' }],
      evalTime: '10m',
    },
  },
};
