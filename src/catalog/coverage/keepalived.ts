import type { ExporterCoverage } from './types';

const EXPORTER_TAG = 'v1.7.1';

/**
 * mehdy/keepalived-exporter against its own README (the metric list) and the dashboard it ships
 * (grafana/dashboards/keepalived-exporter.json). Neither it, a mixin nor awesome-prometheus-alerts
 * offers alert rules for it, so every alert of ours goes beyond the references. Read 2026-12-07.
 */
export const keepalivedCoverage: ExporterCoverage = {
  exporter: 'keepalived',
  references: [
    {
      id: 'readme',
      title: 'keepalived-exporter README, Metrics (no alert rules exist upstream)',
      kind: 'exporter docs',
      url: `https://github.com/mehdy/keepalived-exporter/blob/${EXPORTER_TAG}/README.md`,
      version: EXPORTER_TAG,
    },
    {
      id: 'dashboard',
      title: 'Keepalived Exporter dashboard shipped with the exporter',
      kind: 'dashboard',
      url: `https://github.com/mehdy/keepalived-exporter/blob/${EXPORTER_TAG}/grafana/dashboards/keepalived-exporter.json`,
      version: `${EXPORTER_TAG} (dashboard version 2)`,
    },
  ],
  rows: [
    { reference: 'dashboard', kind: 'view', item: 'Keepalived Status', status: { covered: ['panel:up'] } },
    { reference: 'dashboard', kind: 'view', item: 'VRRP State', status: { covered: ['panel:vrrpState'] } },
    { reference: 'dashboard', kind: 'view', item: 'Script Status', status: { covered: ['panel:vrrpScriptStatus'] } },
    { reference: 'dashboard', kind: 'view', item: 'Script State', status: { covered: ['panel:vrrpScriptState'] } },
    {
      reference: 'dashboard',
      kind: 'view',
      item: 'Keepalived Exporter Check Script Status',
      status: { covered: ['panel:checkScriptStatus'] },
    },
    {
      reference: 'dashboard',
      kind: 'view',
      item: 'Master Changes',
      status: { covered: ['panel:becameMaster', 'panel:releasedMaster'] },
    },
    {
      reference: 'dashboard',
      kind: 'view',
      item: 'Advertisements',
      status: { covered: ['panel:advertisementsReceived', 'panel:advertisementsSent'] },
    },
    { reference: 'dashboard', kind: 'view', item: 'Priority Zero', status: { covered: ['panel:priorityZero'] } },
    {
      reference: 'dashboard',
      kind: 'view',
      item: 'Errors (interval, length, TTL, type, address list, authentication)',
      status: { covered: ['panel:packetErrors', 'panel:authenticationErrors'] },
    },
    {
      reference: 'dashboard',
      kind: 'view',
      item: 'Gratuitous ARP Delay',
      status: {
        notTaken:
          'counts the delayed gratuitous ARPs keepalived sends after every takeover (garp_master_delay): the failover panels already show each takeover, and this count shows no failure',
      },
    },
    {
      reference: 'readme',
      kind: 'view',
      item: 'keepalived_vrrp_state per virtual address, and the masters per VRID it implies',
      status: {
        covered: ['panel:vrrpState', 'panel:mastersPerVirtualIp', 'panel:faultInstances', 'panel:virtualAddresses'],
      },
    },
    {
      reference: 'readme',
      kind: 'view',
      item: 'keepalived_vrrp_excluded_state (addresses in virtual_ipaddress_excluded)',
      status: {
        notTaken:
          'the instance’s own state again, once per excluded address (internal/collector/collector.go at v1.7.1); only an instance whose every address is excluded has no keepalived_vrrp_state, a layout we have not met and leave for later',
      },
    },
    {
      reference: 'readme',
      kind: 'view',
      item: 'keepalived_exporter_build_info',
      status: {
        notTaken: 'exporter build info (from v1.4.0): the pack’s inventory reads versions; no view needs it',
      },
    },
  ],
};
