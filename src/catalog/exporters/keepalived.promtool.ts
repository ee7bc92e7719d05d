/**
 * promtool cases for the keepalived alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';
import { PACKET_ERRORS, AUTH_ERRORS } from './keepalived';

export const keepalivedPromtoolCases: PromtoolCases = {
  down: {
    fires: {
      series: [{ series: 'keepalived_up{job="keepalived",instance="lb-1:9165"}', values: '0x20' }],
      evalTime: '10m',
      labels: { job: 'keepalived', instance: 'lb-1:9165' },
    },
    quiet: {
      series: [{ series: 'keepalived_up{job="keepalived",instance="lb-1:9165"}', values: '1x20' }],
      evalTime: '10m',
    },
  },
  'vrrp-fault': {
    fires: {
      series: [
        {
          series:
            'keepalived_vrrp_state{job="keepalived",instance="lb-1:9165",iname="VI_1",intf="eth0",ip_address="10.0.0.1",vrid="51"}',
          values: '3x20',
        },
      ],
      evalTime: '15m',
      labels: { job: 'keepalived', instance: 'lb-1:9165', iname: 'VI_1', vrid: '51' },
    },
    quiet: {
      series: [
        {
          series:
            'keepalived_vrrp_state{job="keepalived",instance="lb-1:9165",iname="VI_1",intf="eth0",ip_address="10.0.0.1",vrid="51"}',
          values: '1x20',
        },
      ],
      evalTime: '15m',
    },
  },
  'split-brain': {
    fires: {
      series: [
        {
          series:
            'keepalived_vrrp_state{job="keepalived",instance="lb-1:9165",iname="VI_1",intf="eth0",ip_address="10.0.0.1",vrid="51"}',
          values: '2x20',
        },
        {
          series:
            'keepalived_vrrp_state{job="keepalived",instance="lb-2:9165",iname="VI_1",intf="eth0",ip_address="10.0.0.1",vrid="51"}',
          values: '2x20',
        },
      ],
      evalTime: '10m',
      labels: { vrid: '51' },
    },
    quiet: {
      series: [
        {
          series:
            'keepalived_vrrp_state{job="keepalived",instance="lb-1:9165",iname="VI_1",intf="eth0",ip_address="10.0.0.1",vrid="51"}',
          values: '2x20',
        },
        {
          series:
            'keepalived_vrrp_state{job="keepalived",instance="lb-2:9165",iname="VI_1",intf="eth0",ip_address="10.0.0.1",vrid="51"}',
          values: '1x20',
        },
      ],
      evalTime: '10m',
    },
  },
  'no-master': {
    fires: {
      series: [
        {
          series:
            'keepalived_vrrp_state{job="keepalived",instance="lb-1:9165",iname="VI_1",intf="eth0",ip_address="10.0.0.1",vrid="51"}',
          values: '1x20',
        },
        {
          series:
            'keepalived_vrrp_state{job="keepalived",instance="lb-2:9165",iname="VI_1",intf="eth0",ip_address="10.0.0.1",vrid="51"}',
          values: '3x20',
        },
      ],
      evalTime: '10m',
      labels: { vrid: '51' },
    },
    quiet: {
      series: [
        {
          series:
            'keepalived_vrrp_state{job="keepalived",instance="lb-1:9165",iname="VI_1",intf="eth0",ip_address="10.0.0.1",vrid="51"}',
          values: '1x20',
        },
        {
          series:
            'keepalived_vrrp_state{job="keepalived",instance="lb-2:9165",iname="VI_1",intf="eth0",ip_address="10.0.0.1",vrid="51"}',
          values: '2x20',
        },
      ],
      evalTime: '10m',
    },
  },
  failover: {
    fires: {
      series: [
        {
          series:
            'keepalived_become_master_total{job="keepalived",instance="lb-1:9165",iname="VI_1",intf="eth0",vrid="51"}',
          values: '3x10 4x10',
        },
      ],
      evalTime: '15m',
      labels: { job: 'keepalived', instance: 'lb-1:9165', iname: 'VI_1', intf: 'eth0', vrid: '51' },
    },
    quiet: {
      series: [
        {
          series:
            'keepalived_become_master_total{job="keepalived",instance="lb-1:9165",iname="VI_1",intf="eth0",vrid="51"}',
          values: '3x20',
        },
      ],
      evalTime: '15m',
    },
  },
  flapping: {
    fires: {
      series: [
        {
          series:
            'keepalived_become_master_total{job="keepalived",instance="lb-1:9165",iname="VI_1",intf="eth0",vrid="51"}',
          values: '0x10 1x10 2x10 3x10 4x20',
        },
      ],
      evalTime: '50m',
      labels: { job: 'keepalived', instance: 'lb-1:9165', iname: 'VI_1', intf: 'eth0', vrid: '51' },
    },
    quiet: {
      series: [
        {
          series:
            'keepalived_become_master_total{job="keepalived",instance="lb-1:9165",iname="VI_1",intf="eth0",vrid="51"}',
          values: '0x20 1x40',
        },
      ],
      evalTime: '50m',
    },
  },
  'packet-errors': {
    fires: {
      series: PACKET_ERRORS.map((m) => ({
        series: `${m}{job="keepalived",instance="lb-1:9165",iname="VI_1",intf="eth0",vrid="51"}`,
        values: m === 'keepalived_advertisements_interval_errors_total' ? '0+60x30' : '0x30',
      })),
      evalTime: '25m',
      labels: { job: 'keepalived', instance: 'lb-1:9165', iname: 'VI_1', vrid: '51' },
    },
    quiet: {
      series: PACKET_ERRORS.map((m) => ({
        series: `${m}{job="keepalived",instance="lb-1:9165",iname="VI_1",intf="eth0",vrid="51"}`,
        values: '0x30',
      })),
      evalTime: '25m',
    },
  },
  'auth-errors': {
    fires: {
      series: AUTH_ERRORS.map((m) => ({
        series: `${m}{job="keepalived",instance="lb-1:9165",iname="VI_1",intf="eth0",vrid="51"}`,
        values: m === 'keepalived_authentication_mismatch_total' ? '0+60x30' : '0x30',
      })),
      evalTime: '25m',
      labels: { job: 'keepalived', instance: 'lb-1:9165', iname: 'VI_1', vrid: '51' },
    },
    quiet: {
      series: AUTH_ERRORS.map((m) => ({
        series: `${m}{job="keepalived",instance="lb-1:9165",iname="VI_1",intf="eth0",vrid="51"}`,
        values: '0x30',
      })),
      evalTime: '25m',
    },
  },
  'script-failed': {
    fires: {
      series: [
        {
          series: 'keepalived_script_status{job="keepalived",instance="lb-1:9165",name="chk_haproxy"}',
          values: '0x20',
        },
      ],
      evalTime: '15m',
      labels: { job: 'keepalived', instance: 'lb-1:9165', name: 'chk_haproxy' },
    },
    quiet: {
      series: [
        {
          series: 'keepalived_script_status{job="keepalived",instance="lb-1:9165",name="chk_haproxy"}',
          values: '1x20',
        },
      ],
      evalTime: '15m',
    },
  },
};
