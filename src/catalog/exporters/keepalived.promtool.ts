/**
 * promtool cases for the keepalived alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import { familyFixture } from '../../../tests/support/fixture-families';
import type { PromtoolCases } from '../promtool-cases';
import { PACKET_ERRORS, AUTH_ERRORS } from './keepalived';

// Every series comes from the one family's fixture (tests/fixtures/exporters/keepalived-1.3-1.7.prom).
const FAMILY = familyFixture('keepalived', 'keepalived-exporter 1.3 – 1.7');
const lb1 = FAMILY.at({ job: 'keepalived', instance: 'lb-1:9165' });
const lb2 = FAMILY.at({ job: 'keepalived', instance: 'lb-2:9165' });
const VIP = { iname: 'VI_1', intf: 'eth0', ip_address: '10.0.0.1', vrid: '51' };
// Another site's pair, copied from the same guide: the same VRID and instance name, its own virtual IP.
const lb3 = FAMILY.at({ job: 'keepalived', instance: 'lb-3:9165' });
const lb4 = FAMILY.at({ job: 'keepalived', instance: 'lb-4:9165' });
const OTHER_SITE_VIP = { ...VIP, ip_address: '10.9.0.1' };
// A staging cluster's pair on a global store holding both clusters: its own network, so the same VRID and virtual IP
// as production's first pair.
const staging1 = FAMILY.at({ job: 'keepalived', instance: 'stg-lb-1:9165', cluster: 'staging' });
const staging2 = FAMILY.at({ job: 'keepalived', instance: 'stg-lb-2:9165', cluster: 'staging' });
/** Each site's pair, and staging's, with one MASTER (state 2) and one BACKUP (1). */
const twoSitesOneMasterEach = [
  { series: lb1.series('keepalived_vrrp_state', VIP), values: '2x20' },
  { series: lb2.series('keepalived_vrrp_state', VIP), values: '1x20' },
  { series: lb3.series('keepalived_vrrp_state', OTHER_SITE_VIP), values: '2x20' },
  { series: lb4.series('keepalived_vrrp_state', OTHER_SITE_VIP), values: '1x20' },
  { series: staging1.series('keepalived_vrrp_state', VIP), values: '2x20' },
  { series: staging2.series('keepalived_vrrp_state', VIP), values: '1x20' },
];
const INSTANCE = { iname: 'VI_1', intf: 'eth0', vrid: '51' };

export const keepalivedPromtoolCases: PromtoolCases = {
  down: {
    fires: {
      series: [{ series: lb1.series('keepalived_up'), values: '0x20' }],
      evalTime: '10m',
      labels: { job: 'keepalived', instance: 'lb-1:9165' },
    },
    quiet: {
      series: [{ series: lb1.series('keepalived_up'), values: '1x20' }],
      evalTime: '10m',
    },
  },
  'vrrp-fault': {
    fires: {
      series: [
        {
          series: lb1.series('keepalived_vrrp_state', VIP),
          values: '3x20',
        },
      ],
      evalTime: '15m',
      labels: { job: 'keepalived', instance: 'lb-1:9165', iname: 'VI_1', vrid: '51' },
    },
    quiet: {
      series: [
        {
          series: lb1.series('keepalived_vrrp_state', VIP),
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
          series: lb1.series('keepalived_vrrp_state', VIP),
          values: '2x20',
        },
        {
          series: lb2.series('keepalived_vrrp_state', VIP),
          values: '2x20',
        },
      ],
      evalTime: '10m',
      labels: { vrid: '51', ip_address: '10.0.0.1' },
    },
    // Two sites' pairs on VRID 51: one MASTER each, two for the VRID (fired for ever while counted per VRID); and
    // staging's pair with production's VRID and virtual IP (fired for ever while counted across clusters).
    quiet: { series: twoSitesOneMasterEach, evalTime: '10m' },
  },
  'no-master': {
    // The other site's pair has no MASTER (BACKUP and FAULT) while this one's does: counted per VRID, one MASTER
    // among the four nodes hid it.
    fires: {
      series: [
        { series: lb1.series('keepalived_vrrp_state', VIP), values: '2x20' },
        { series: lb2.series('keepalived_vrrp_state', VIP), values: '1x20' },
        { series: lb3.series('keepalived_vrrp_state', OTHER_SITE_VIP), values: '1x20' },
        { series: lb4.series('keepalived_vrrp_state', OTHER_SITE_VIP), values: '3x20' },
      ],
      evalTime: '10m',
      labels: { vrid: '51', ip_address: '10.9.0.1' },
    },
    quiet: { series: twoSitesOneMasterEach, evalTime: '10m' },
  },
  failover: {
    // The takeover happened while lb-1 was not scraped for 20 minutes: the window after the gap holds only the new
    // count, whose increase() is 0.
    fires: {
      series: [
        {
          series: lb1.series('keepalived_become_master_total', INSTANCE),
          values: '3x10 _x20 4x10',
        },
      ],
      evalTime: '40m',
      labels: { job: 'keepalived', instance: 'lb-1:9165', iname: 'VI_1', intf: 'eth0', vrid: '51' },
    },
    quiet: {
      series: [
        {
          series: lb1.series('keepalived_become_master_total', INSTANCE),
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
          series: lb1.series('keepalived_become_master_total', INSTANCE),
          values: '0x10 1x10 2x10 3x10 4x20',
        },
      ],
      evalTime: '50m',
      labels: { job: 'keepalived', instance: 'lb-1:9165', iname: 'VI_1', intf: 'eth0', vrid: '51' },
    },
    quiet: {
      series: [
        {
          series: lb1.series('keepalived_become_master_total', INSTANCE),
          values: '0x20 1x40',
        },
      ],
      evalTime: '50m',
    },
  },
  'packet-errors': {
    fires: {
      series: PACKET_ERRORS.map((m) => ({
        series: lb1.series(m, INSTANCE),
        values: m === 'keepalived_advertisements_interval_errors_total' ? '0+60x30' : '0x30',
      })),
      evalTime: '25m',
      labels: { job: 'keepalived', instance: 'lb-1:9165', iname: 'VI_1', vrid: '51' },
    },
    quiet: {
      series: PACKET_ERRORS.map((m) => ({
        series: lb1.series(m, INSTANCE),
        values: '0x30',
      })),
      evalTime: '25m',
    },
  },
  'auth-errors': {
    fires: {
      series: AUTH_ERRORS.map((m) => ({
        series: lb1.series(m, INSTANCE),
        values: m === 'keepalived_authentication_mismatch_total' ? '0+60x30' : '0x30',
      })),
      evalTime: '25m',
      labels: { job: 'keepalived', instance: 'lb-1:9165', iname: 'VI_1', vrid: '51' },
    },
    quiet: {
      series: AUTH_ERRORS.map((m) => ({
        series: lb1.series(m, INSTANCE),
        values: '0x30',
      })),
      evalTime: '25m',
    },
  },
  'script-failed': {
    fires: {
      series: [
        {
          series: lb1.series('keepalived_script_status', { name: 'chk_haproxy' }),
          values: '0x20',
        },
      ],
      evalTime: '15m',
      labels: { job: 'keepalived', instance: 'lb-1:9165', name: 'chk_haproxy' },
    },
    quiet: {
      series: [
        {
          series: lb1.series('keepalived_script_status', { name: 'chk_haproxy' }),
          values: '1x20',
        },
      ],
      evalTime: '15m',
    },
  },
};
