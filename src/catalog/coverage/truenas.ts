import { rowsOf } from './rows';
import type { ExporterCoverage } from './types';

const TAG = 'v2.2.1';
const REPO = 'https://github.com/Supporterino/truenas-graphite-to-prometheus/blob';

// truenas-graphite-to-prometheus ships dashboards (dashboards/) and no alert rules; there is no mixin, and
// awesome-prometheus-alerts (a853318) has no TrueNAS rules. The overview dashboard is the main reference, the
// temperature and disk-insight ones add views; the k3s-applications and cgroups ones are about the apps hosted.
// The disk-detail rows get no rule: Netdata ships its own disk backlog and utilisation alarms silenced
// (health.d/disks.conf, v2.11.0: `to: silent`), since a scrub or resilver keeps every disk of a pool busy and
// queued for hours; a disk that fails ends in its pool leaving ONLINE, which TrueNASPoolNotOnline pages for.
// NFS gets none either: its load is no failure, and what it rests on (pools, network errors, memory) is alerted.

const overview = rowsOf('overview', 'view');
const temps = rowsOf('temperatures', 'view');
const disks = rowsOf('disks', 'view');
const apps = rowsOf('apps', 'view');

/** truenas against the mapping project’s own dashboards. */
export const truenasCoverage: ExporterCoverage = {
  exporter: 'truenas',
  references: [
    {
      id: 'overview',
      title: 'truenas-graphite-to-prometheus dashboard “TrueNAS Scale / Overview”',
      kind: 'dashboard',
      url: `${REPO}/${TAG}/dashboards/truenas_scale.json`,
      version: `${TAG} (dashboard version 3; no mixin or alert rules exist, awesome-prometheus-alerts a853318 has no TrueNAS rules)`,
    },
    {
      id: 'temperatures',
      title: 'truenas-graphite-to-prometheus dashboard “TrueNAS Scale - Temperature Overview”',
      kind: 'dashboard',
      url: `${REPO}/${TAG}/dashboards/truenas_scale_temperatures.json`,
      version: TAG,
    },
    {
      id: 'disks',
      title: 'truenas-graphite-to-prometheus dashboard “TrueNAS Scale - Disk Insight”',
      kind: 'dashboard',
      url: `${REPO}/${TAG}/dashboards/truenas_scale_disk_insights.json`,
      version: TAG,
    },
    {
      id: 'apps',
      title: 'truenas-graphite-to-prometheus dashboards for applications (k3s) and cgroups',
      kind: 'dashboard',
      url: `${REPO}/${TAG}/dashboards`,
      version: `${TAG} (truenas_scale_applications_k3s.json, truenas_scale_cgroups.json)`,
    },
  ],
  rows: [
    // truenas_scale.json, top and CPU rows
    overview('Uptime', { covered: ['panel:uptime'] }),
    overview('System load', { covered: ['panel:load'] }),
    overview('CPU usage', { covered: ['panel:cpuUtilisation', 'panel:cpuByMode'] }),
    overview('CPU temperature', { covered: ['panel:cpuTemperature', 'alert:cpu-temperature'] }),
    overview('CPU frequency, CPU C-State', {
      notTaken:
        'power management at work, not a failure; the heat that makes a CPU throttle is alerted (TrueNASCPUTemperatureHigh)',
    }),
    // Drawn, not alerted: a core throttles at its thermal limit, which TrueNASCPUTemperatureHigh warns of
    // before it is reached; a second warning for the same heat would add nothing.
    overview('CPU throttling', { added: ['panel:cpuThrottling'] }),
    overview('Interrupts & Context switches', {
      notTaken: 'load detail for diagnosis, with no bound that means failure',
    }),
    overview('Pool State', { covered: ['panel:poolState', 'panel:poolsNotOnline', 'alert:pool-not-online'] }),
    // Memory row
    overview('Memory usage (pie), Memory detailed', {
      covered: ['panel:memoryUtilisation', 'panel:memoryByKind', 'alert:memory-high'],
    }),
    overview('Swap usage', {
      notTaken: 'swap in use is not a failure by itself; the memory pressure behind it is alerted (TrueNASHighMemory)',
    }),
    overview('Kernel memory allocation, Memory slab', {
      notTaken: 'kernel detail; ZFS’s ARC, the kernel’s largest consumer on a NAS, is drawn (ARC size)',
    }),
    // Network row
    overview('Network I/O', { covered: ['panel:networkTraffic'] }),
    overview('Interface operation state, Interface carrier state', { covered: ['panel:interfaceUp'] }),
    overview('Interface speed, duplex, MTU', {
      notTaken: 'configuration facts; a link that renegotiates to a lower speed shows on the Network traffic panel',
    }),
    overview('Network packets', { notTaken: 'traffic detail; bytes per second are drawn (Network traffic)' }),
    overview('Network errors & drops', { added: ['panel:networkErrors', 'alert:network-errors'] }),
    // Services, processes, NTP
    overview('Systemd Services: CPU, memory, disk I/O, IOps', {
      notTaken:
        'per-service detail for diagnosis; the host totals are drawn, and the Netdata systemd charts behind it vary by release',
    }),
    overview('Processes, Process forks', {
      notTaken: 'a NAS runs a steady set of services; counts alone mark no failure',
    }),
    overview('NTP synced, NTP offset, NTP error state', { covered: ['alert:clock-not-synced'] }),
    // NFS row
    overview('NFS I/O, RPC, proc4ops', { added: ['panel:nfsIo', 'panel:nfsRpc', 'panel:nfsV4Operations'] }),
    overview('NFS net I/O, threads, readcache, proc4', {
      notTaken:
        'detail for NFS tuning: packets per transport; the thread count, a setting that Netdata draws only on kernels whose nfsd statistics still have a "th" line (proc_net_rpc_nfsd.c); the reply cache for retried requests; and v4 COMPOUND calls, whose operations the NFS v4 operations panel shows',
    }),
    // ZFS row
    overview('ARC Size, ARC Size Breakdown', { covered: ['panel:arcSize'] }),
    overview('ZFS cache access, ZFS cache hit rate', { covered: ['panel:arcHitRatio'] }),
    overview('L2 Size, ZFS reads, ZFS hash elements, ZFS important operations', {
      notTaken: 'ARC tuning detail (L2ARC, hash table), not health; hit ratio and size are drawn',
    }),
    // Disk row
    overview('Disk I/O', { covered: ['panel:diskRead', 'panel:diskWrite'] }),
    overview('Disk utilization', { covered: ['panel:diskUtilisation'] }),
    // disk_busy (ms per second) is the time the Disk busy time panel draws as a percentage (disk_utilization).
    overview('Disk I/O Ops, backlog + busy, I/O time, await, avg I/O size, active operations', {
      added: [
        'panel:diskOps',
        'panel:diskBacklog',
        'panel:diskIoTime',
        'panel:diskAwait',
        'panel:diskIoSize',
        'panel:diskInFlight',
      ],
    }),
    // truenas_scale_temperatures.json
    temps('CPU Temperatures', { covered: ['panel:cpuTemperature', 'alert:cpu-temperature'] }),
    temps('Disk Temperatures', {
      covered: ['panel:diskTemperature', 'alert:disk-temperature', 'alert:disk-temperature-critical'],
    }),
    temps('Overall System Temperature (hottest CPU or disk)', {
      covered: ['panel:cpuTemperature', 'panel:diskTemperature'],
    }),
    // truenas_scale_disk_insights.json
    disks('Host, Uptime', { covered: ['panel:uptime'] }),
    disks('Disk utilization (gauge and graph)', { covered: ['panel:diskUtilisation'] }),
    disks('Disk I/O', { covered: ['panel:diskRead', 'panel:diskWrite'] }),
    disks('Disk I/O time, IOps, await, backlog + busy, active operations, avg I/O size', {
      added: [
        'panel:diskIoTime',
        'panel:diskOps',
        'panel:diskAwait',
        'panel:diskBacklog',
        'panel:diskInFlight',
        'panel:diskIoSize',
      ],
    }),
    // applications and cgroups dashboards
    apps('Applications (k3s) and cgroups: CPU, memory, I/O per app or container', {
      notTaken:
        'the health of the apps a NAS hosts, not of the NAS; the k3s apps are gone from TrueNAS 24.10 on (Docker replaced them)',
    }),
  ],
};
