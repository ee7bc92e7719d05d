import { apaReference } from './references';
import { jsonnetLibsMixin } from './shared';
import type { ExporterCoverage } from './types';

const EXPORTER_COMMIT = '589ec15d12b25894f425d72d7a2396c9344b00a0';

const DISK_DRIVE =
  'needs the disk_drive collector (WMI Win32_DiskDrive), off by default and not in our requirements; a failing physical disk behind a hardware RAID controller shows in the controller’s own exporter (iLO, iDRAC) first';
const NTP_DELAY =
  'a long round trip to the time source is not a failure by itself; the offset it would cause is what WindowsClockSkew (clock-skew) alerts on';

/**
 * windows_exporter against grafana/jsonnet-libs windows-mixin (its alerts live in windows-observ-lib),
 * awesome-prometheus-alerts' Windows Server rules and the dashboard windows_exporter ships in
 * `dashboard/` (the exporter has no mixin of its own). Read 2026-12-07 at the versions below.
 */
export const windowsCoverage: ExporterCoverage = {
  exporter: 'windows',
  references: [
    jsonnetLibsMixin(
      'windows-mixin (grafana/jsonnet-libs; alerts in windows-observ-lib)',
      'windows-observ-lib/prometheus_rules_out/prometheus_alerts.yaml'
    ),
    apaReference('Windows Server (windows_exporter)'),
    {
      id: 'dash',
      title: 'windows_exporter’s own dashboard',
      kind: 'dashboard',
      url: `https://github.com/prometheus-community/windows_exporter/blob/${EXPORTER_COMMIT}/dashboard/windows-exporter-dashboard.json`,
      version: `${EXPORTER_COMMIT.slice(0, 7)} (2026-08-07; not in the v0.31.8 tag)`,
    },
  ],
  rows: [
    // windows-observ-lib alerts (8).
    { reference: 'mixin', kind: 'alert', item: 'WindowsCPUHighUsage', status: { covered: ['alert:cpu-high'] } },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'WindowsMemoryHighUtilization',
      status: { covered: ['alert:memory-high', 'alert:memory-critical'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'WindowsDiskAlmostOutOfSpace',
      status: { covered: ['alert:volume-full', 'alert:volume-critical'] },
    },
    { reference: 'mixin', kind: 'alert', item: 'WindowsDiskDriveNotHealthy', status: { notTaken: DISK_DRIVE } },
    { reference: 'mixin', kind: 'alert', item: 'WindowsNTPClientDelay', status: { notTaken: NTP_DELAY } },
    { reference: 'mixin', kind: 'alert', item: 'WindowsNTPTimeOffset', status: { covered: ['alert:clock-skew'] } },
    { reference: 'mixin', kind: 'alert', item: 'WindowsNodeHasRebooted', status: { covered: ['alert:rebooted'] } },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'WindowsServiceNotHealthy',
      status: {
        notTaken:
          'reads windows_service_status, which windows_exporter removed in 0.29; the failure an operator acts on, a service that should run and does not, is WindowsAutoServiceNotRunning (service-down) on every version',
      },
    },
    // awesome-prometheus-alerts (8).
    { reference: 'apa', kind: 'alert', item: 'Windows Server CPU Usage', status: { covered: ['alert:cpu-high'] } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Windows Server memory Usage',
      status: { covered: ['alert:memory-high'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Windows Server disk Space Usage',
      status: { covered: ['alert:volume-full', 'alert:volume-critical'] },
    },
    { reference: 'apa', kind: 'alert', item: 'Windows Server disk drive Status', status: { notTaken: DISK_DRIVE } },
    { reference: 'apa', kind: 'alert', item: 'Windows Server NTP client delay', status: { notTaken: NTP_DELAY } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Windows Server collector Error',
      status: { added: ['alert:collector-failed', 'panel:collectorFailures'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Windows Server service Status',
      status: { covered: ['alert:service-down'] },
    },
    { reference: 'apa', kind: 'alert', item: 'Windows Server clock offset', status: { covered: ['alert:clock-skew'] } },
    // windows_exporter's dashboard (views).
    {
      reference: 'dash',
      kind: 'view',
      item: 'Resource Overview (one table row per host)',
      status: {
        notTaken:
          'our dashboard is per host with a host selector; the fleet view across exporters is the pack’s overview dashboard',
      },
    },
    {
      reference: 'dash',
      kind: 'view',
      item: 'CPU busy time / CPU Busy %',
      status: { covered: ['panel:cpuUtilisation'] },
    },
    {
      reference: 'dash',
      kind: 'view',
      item: 'Memory Usage / Used Memory',
      status: { covered: ['panel:memoryUtilisation'] },
    },
    { reference: 'dash', kind: 'view', item: 'Memory details', status: { covered: ['panel:commitUtilisation'] } },
    {
      reference: 'dash',
      kind: 'view',
      item: 'Network Usage busiest NIC / Network usage',
      status: { covered: ['panel:networkReceive', 'panel:networkTransmit'] },
    },
    {
      reference: 'dash',
      kind: 'view',
      item: 'Network discarded/error packets',
      status: { covered: ['panel:networkProblems'] },
    },
    {
      reference: 'dash',
      kind: 'view',
      item: 'Max disk r/w / Disk read and write',
      status: { covered: ['panel:diskThroughput'] },
    },
    {
      reference: 'dash',
      kind: 'view',
      item: 'Max disk I/O / Disk I/O (operations per second)',
      status: {
        notTaken:
          'an operation count says nothing without the device’s capacity; Volume busy time (diskBusy) and Volume queue (diskQueue) show saturation',
      },
    },
    {
      reference: 'dash',
      kind: 'view',
      item: 'Disk Partition Usage / Disk Usage',
      status: { covered: ['panel:volumeUsage'] },
    },
    { reference: 'dash', kind: 'view', item: 'Free disk space', status: { covered: ['panel:volumeFree'] } },
    { reference: 'dash', kind: 'view', item: 'Uptime', status: { covered: ['panel:uptime'] } },
    { reference: 'dash', kind: 'view', item: 'CPU cores', status: { covered: ['panel:cpuCount'] } },
    { reference: 'dash', kind: 'view', item: 'Service status', status: { covered: ['panel:serviceState'] } },
    {
      reference: 'dash',
      kind: 'view',
      item: 'Total Memory / Product',
      status: {
        notTaken:
          'inventory, not health: the memory panels show use against the total, and windows_os_info serves detection and the version check',
      },
    },
    {
      reference: 'dash',
      kind: 'view',
      item: 'Number of processes / System threads / System exception dispatches',
      status: {
        notTaken:
          'counts with no healthy bound; a runaway process shows in CPU, processor queue and memory, which we draw',
      },
    },
  ],
};
