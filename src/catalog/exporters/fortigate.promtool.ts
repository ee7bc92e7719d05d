/**
 * promtool cases for the fortigate alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';

export const fortigatePromtoolCases: PromtoolCases = {
  'probe-failed': {
    fires: {
      series: [
        { series: 'probe_success{job="fortigate",instance="fw01"}', values: '1x30 0x30' },
        { series: 'fortigate_version_info{job="fortigate",instance="fw01",version="v7.4.8"}', values: '1x30' },
      ],
      evalTime: '50m',
      labels: { job: 'fortigate', instance: 'fw01' },
    },
    quiet: {
      series: [
        { series: 'probe_success{job="fortigate",instance="fw01"}', values: '1x60' },
        { series: 'fortigate_version_info{job="fortigate",instance="fw01",version="v7.4.8"}', values: '1x60' },
      ],
      evalTime: '50m',
    },
  },
  'cpu-high': {
    fires: {
      series: [
        { series: 'fortigate_cpu_usage_ratio{job="fortigate",instance="fw01",processor="0"}', values: '0.95x30' },
        { series: 'fortigate_cpu_usage_ratio{job="fortigate",instance="fw01",processor="1"}', values: '0.93x30' },
      ],
      evalTime: '20m',
      labels: { job: 'fortigate', instance: 'fw01' },
    },
    quiet: {
      series: [
        { series: 'fortigate_cpu_usage_ratio{job="fortigate",instance="fw01",processor="0"}', values: '0.99x30' },
        { series: 'fortigate_cpu_usage_ratio{job="fortigate",instance="fw01",processor="1"}', values: '0.2x30' },
      ],
      evalTime: '20m',
    },
  },
  'memory-high': {
    fires: {
      series: [{ series: 'fortigate_memory_usage_ratio{job="fortigate",instance="fw01"}', values: '0.92x30' }],
      evalTime: '20m',
      labels: { job: 'fortigate', instance: 'fw01' },
    },
    quiet: {
      series: [{ series: 'fortigate_memory_usage_ratio{job="fortigate",instance="fw01"}', values: '0.6x30' }],
      evalTime: '20m',
    },
  },
  'memory-critical': {
    fires: {
      series: [{ series: 'fortigate_memory_usage_ratio{job="fortigate",instance="fw01"}', values: '0.97x20' }],
      evalTime: '15m',
      labels: { job: 'fortigate', instance: 'fw01' },
    },
    quiet: {
      series: [{ series: 'fortigate_memory_usage_ratio{job="fortigate",instance="fw01"}', values: '0.92x20' }],
      evalTime: '15m',
    },
  },
  'interface-saturated': {
    fires: {
      series: [
        {
          series:
            'fortigate_interface_receive_bytes_total{job="fortigate",instance="fw01",name="wan1",alias="uplink",vdom="root"}',
          values: '0+7200000000x40',
        },
        {
          series:
            'fortigate_interface_transmit_bytes_total{job="fortigate",instance="fw01",name="wan1",alias="uplink",vdom="root"}',
          values: '0+600000000x40',
        },
        {
          series:
            'fortigate_interface_speed_bps{job="fortigate",instance="fw01",name="wan1",alias="uplink",vdom="root"}',
          values: '1e+09x40',
        },
      ],
      evalTime: '30m',
      labels: { job: 'fortigate', instance: 'fw01', name: 'wan1', alias: 'uplink', vdom: 'root' },
    },
    quiet: {
      series: [
        {
          series:
            'fortigate_interface_receive_bytes_total{job="fortigate",instance="fw01",name="wan1",alias="uplink",vdom="root"}',
          values: '0+600000000x40',
        },
        {
          series:
            'fortigate_interface_transmit_bytes_total{job="fortigate",instance="fw01",name="wan1",alias="uplink",vdom="root"}',
          values: '0+600000000x40',
        },
        {
          series:
            'fortigate_interface_speed_bps{job="fortigate",instance="fw01",name="wan1",alias="uplink",vdom="root"}',
          values: '1e+09x40',
        },
      ],
      evalTime: '30m',
    },
  },
  'interface-errors': {
    fires: {
      series: [
        {
          series:
            'fortigate_interface_receive_errors_total{job="fortigate",instance="fw01",name="wan1",alias="uplink",vdom="root"}',
          values: '0+600x40',
        },
        {
          series:
            'fortigate_interface_transmit_errors_total{job="fortigate",instance="fw01",name="wan1",alias="uplink",vdom="root"}',
          values: '0x40',
        },
      ],
      evalTime: '30m',
      labels: { job: 'fortigate', instance: 'fw01', name: 'wan1', alias: 'uplink', vdom: 'root' },
    },
    quiet: {
      series: [
        {
          series:
            'fortigate_interface_receive_errors_total{job="fortigate",instance="fw01",name="wan1",alias="uplink",vdom="root"}',
          values: '0+6x40',
        },
        {
          series:
            'fortigate_interface_transmit_errors_total{job="fortigate",instance="fw01",name="wan1",alias="uplink",vdom="root"}',
          values: '0x40',
        },
      ],
      evalTime: '30m',
    },
  },
  'ipsec-tunnel-down': {
    fires: {
      series: [
        {
          series:
            'fortigate_ipsec_tunnel_up{job="fortigate",instance="fw01",name="hq-branch2",p2serial="1",parent="hq-branch2",vdom="root"}',
          values: '0x20',
        },
      ],
      evalTime: '15m',
      labels: {
        job: 'fortigate',
        instance: 'fw01',
        name: 'hq-branch2',
        p2serial: '1',
        parent: 'hq-branch2',
        vdom: 'root',
      },
    },
    quiet: {
      series: [
        {
          series:
            'fortigate_ipsec_tunnel_up{job="fortigate",instance="fw01",name="hq-branch2",p2serial="1",parent="hq-branch2",vdom="root"}',
          values: '1x20',
        },
      ],
      evalTime: '15m',
    },
  },
  'sdwan-link-down': {
    fires: {
      series: [
        {
          series:
            'fortigate_virtual_wan_status{job="fortigate",instance="fw01",interface="wan2",sla="Internet",state="up",vdom="root"}',
          values: '0x20',
        },
      ],
      evalTime: '15m',
      labels: { job: 'fortigate', instance: 'fw01', interface: 'wan2', sla: 'Internet', state: 'up', vdom: 'root' },
    },
    quiet: {
      series: [
        {
          series:
            'fortigate_virtual_wan_status{job="fortigate",instance="fw01",interface="wan2",sla="Internet",state="up",vdom="root"}',
          values: '1x20',
        },
      ],
      evalTime: '15m',
    },
  },
  'sdwan-packet-loss': {
    fires: {
      series: [
        {
          series:
            'fortigate_virtual_wan_packet_loss_ratio{job="fortigate",instance="fw01",interface="wan1",sla="Internet",vdom="root"}',
          values: '0.05x30',
        },
        {
          series:
            'fortigate_virtual_wan_status{job="fortigate",instance="fw01",interface="wan1",sla="Internet",state="up",vdom="root"}',
          values: '1x30',
        },
      ],
      evalTime: '20m',
      labels: { job: 'fortigate', instance: 'fw01', interface: 'wan1', sla: 'Internet', vdom: 'root' },
    },
    quiet: {
      series: [
        {
          series:
            'fortigate_virtual_wan_packet_loss_ratio{job="fortigate",instance="fw01",interface="wan1",sla="Internet",vdom="root"}',
          values: '0.05x30',
        },
        {
          series:
            'fortigate_virtual_wan_status{job="fortigate",instance="fw01",interface="wan1",sla="Internet",state="up",vdom="root"}',
          values: '0x30',
        },
      ],
      evalTime: '20m',
    },
  },
  'ha-failover': {
    fires: {
      series: [
        {
          series: 'fortigate_ha_member_has_role{job="fortigate",instance="fw01",role="root_master",serial="FG1"}',
          values: '1x10 0x10',
        },
      ],
      evalTime: '15m',
      labels: { job: 'fortigate', instance: 'fw01', role: 'root_master', serial: 'FG1' },
    },
    quiet: {
      series: [
        {
          series: 'fortigate_ha_member_has_role{job="fortigate",instance="fw01",role="root_master",serial="FG1"}',
          values: '1x20',
        },
      ],
      evalTime: '15m',
    },
  },
  'ha-member-lost': {
    fires: {
      series: [
        {
          series:
            'fortigate_ha_member_info{job="fortigate",instance="fw01",group="c",hostname="fw01",serial="FG1",vdom="root"}',
          values: '1x60',
        },
        {
          series:
            'fortigate_ha_member_info{job="fortigate",instance="fw01",group="c",hostname="fw02",serial="FG2",vdom="root"}',
          values: '1x30',
        },
      ],
      evalTime: '50m',
      labels: { job: 'fortigate', instance: 'fw01' },
    },
    quiet: {
      series: [
        {
          series:
            'fortigate_ha_member_info{job="fortigate",instance="fw01",group="c",hostname="fw01",serial="FG1",vdom="root"}',
          values: '1x60',
        },
        {
          series:
            'fortigate_ha_member_info{job="fortigate",instance="fw01",group="c",hostname="fw02",serial="FG2",vdom="root"}',
          values: '1x60',
        },
      ],
      evalTime: '50m',
    },
  },
  'cert-expiring': {
    fires: {
      series: [
        {
          series:
            'fortigate_certificate_valid_to_seconds{job="fortigate",instance="fw01",name="vpn",scope="global",source="user",vdom="root"}',
          values: '864000x120',
        },
      ],
      evalTime: '90m',
      labels: { job: 'fortigate', instance: 'fw01', name: 'vpn', scope: 'global', source: 'user', vdom: 'root' },
    },
    quiet: {
      series: [
        {
          series:
            'fortigate_certificate_valid_to_seconds{job="fortigate",instance="fw01",name="vpn",scope="global",source="user",vdom="root"}',
          values: '8640000x120',
        },
      ],
      evalTime: '90m',
    },
  },
  'cert-expiry-critical': {
    fires: {
      series: [
        {
          series:
            'fortigate_certificate_valid_to_seconds{job="fortigate",instance="fw01",name="vpn",scope="global",source="user",vdom="root"}',
          values: '3600x20',
        },
      ],
      evalTime: '10m',
      labels: { job: 'fortigate', instance: 'fw01', name: 'vpn', scope: 'global', source: 'user', vdom: 'root' },
    },
    quiet: {
      series: [
        {
          series:
            'fortigate_certificate_valid_to_seconds{job="fortigate",instance="fw01",name="vpn",scope="global",source="user",vdom="root"}',
          values: '864000x20',
        },
      ],
      evalTime: '10m',
    },
  },
};
