import { apaReference } from './references';
import type { ExporterCoverage } from './types';

const MIXIN_VERSION = 'v1.12.1';
const NEF_COMMIT = '4b1729d13b610d449b1055659b070d28c19a9699';

/**
 * node_exporter against its own mixin (alerts), Node Exporter Full (the most used community
 * dashboard; views) and awesome-prometheus-alerts' host rules. Read 2026-12-07 at the versions below.
 */
export const nodeCoverage: ExporterCoverage = {
  exporter: 'node',
  references: [
    {
      id: 'mixin',
      title: 'node-mixin (node_exporter’s own alerts)',
      kind: 'mixin',
      url: `https://github.com/prometheus/node_exporter/tree/${MIXIN_VERSION}/docs/node-mixin`,
      version: `${MIXIN_VERSION} (docs/node-mixin/alerts/alerts.libsonnet; master of 2026-08-08 has the same alerts)`,
    },
    {
      id: 'nef',
      title: 'Node Exporter Full (grafana.com 1860)',
      kind: 'dashboard',
      url: `https://github.com/rfmoz/grafana-dashboards/blob/${NEF_COMMIT}/prometheus/node-exporter-full.json`,
      version: `rfmoz/grafana-dashboards ${NEF_COMMIT.slice(0, 7)} (2026-04-29, dashboard version 102), the source grafana.com 1860 publishes`,
    },
    apaReference('host and hardware (node-exporter)'),
  ],
  fewerAlertsBecause:
    'awesome-prometheus-alerts lists 40 host rules, we have 28 alerts: 16 of its rules are not taken because they report no failure an operator can act on (under-used CPU or memory, steal, iowait, busy time, throughput near link speed, swap in use, context switches against the day’s mean, corrected ECC errors, a new kernel), because no one bound fits every device (disk latency), or because they are noisy or broken as written (the hwmon limits and alarm, statfs errors); and it alerts twice on one failure where we alert once. Each row says which.',
  rows: [
    // node-mixin alerts (27 rules: the filesystem, inode and file-descriptor alerts come at two severities).
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'NodeFilesystemSpaceFillingUp (warning, 24 h)',
      status: { covered: ['alert:fs-filling-up'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'NodeFilesystemSpaceFillingUp (critical, 4 h)',
      status: { covered: ['alert:fs-filling-up-fast'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'NodeFilesystemAlmostOutOfSpace (warning, 5 %)',
      status: { covered: ['alert:fs-almost-full'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'NodeFilesystemAlmostOutOfSpace (critical, 3 %)',
      status: { covered: ['alert:fs-full'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'NodeFilesystemFilesFillingUp (warning, 24 h)',
      status: { added: ['alert:inodes-filling-up'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'NodeFilesystemFilesFillingUp (critical, 4 h)',
      status: { added: ['alert:inodes-filling-up-fast'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'NodeFilesystemAlmostOutOfFiles (warning, 5 %)',
      status: { added: ['alert:inodes-almost-out'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'NodeFilesystemAlmostOutOfFiles (critical, 3 %)',
      status: { added: ['alert:inodes-out'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'NodeNetworkReceiveErrs',
      status: { covered: ['alert:network-receive-errors'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'NodeNetworkTransmitErrs',
      status: { covered: ['alert:network-transmit-errors'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'NodeHighNumberConntrackEntriesUsed',
      status: { added: ['alert:conntrack-high'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'NodeTextFileCollectorScrapeError',
      status: { added: ['alert:textfile-error'] },
    },
    { reference: 'mixin', kind: 'alert', item: 'NodeClockSkewDetected', status: { covered: ['alert:clock-skew'] } },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'NodeClockNotSynchronising',
      status: { covered: ['alert:clock-not-synced'] },
    },
    { reference: 'mixin', kind: 'alert', item: 'NodeRAIDDegraded', status: { added: ['alert:raid-degraded'] } },
    { reference: 'mixin', kind: 'alert', item: 'NodeRAIDDiskFailure', status: { added: ['alert:raid-disk-failed'] } },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'NodeFileDescriptorLimit (warning, 70 %)',
      status: { covered: ['alert:file-descriptors'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'NodeFileDescriptorLimit (critical, 90 %)',
      status: {
        notTaken:
          'one rule for this failure: NodeFileDescriptorLimit warns at 90 % (Setup moves the level); a second, paging level would add a page for a sysctl that takes minutes to raise',
      },
    },
    { reference: 'mixin', kind: 'alert', item: 'NodeCPUHighUsage', status: { covered: ['alert:cpu-high'] } },
    { reference: 'mixin', kind: 'alert', item: 'NodeSystemSaturation', status: { covered: ['alert:load-high'] } },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'NodeMemoryMajorPagesFaults',
      status: { added: ['alert:major-page-faults'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'NodeMemoryHighUtilization',
      status: { covered: ['alert:memory-high'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'NodeDiskIOSaturation',
      status: { covered: ['alert:disk-io-saturated'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'NodeSystemdServiceFailed',
      status: { covered: ['alert:systemd-unit-failed'] },
    },
    {
      reference: 'mixin',
      kind: 'alert',
      item: 'NodeSystemdServiceCrashlooping',
      status: { added: ['alert:systemd-crashlooping'] },
    },
    { reference: 'mixin', kind: 'alert', item: 'NodeBondingDegraded', status: { added: ['alert:bond-degraded'] } },

    // awesome-prometheus-alerts, "Host and hardware" / node-exporter (40 rules).
    { reference: 'apa', kind: 'alert', item: 'Host high CPU load', status: { covered: ['alert:cpu-high'] } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host CPU steal noisy neighbor',
      status: {
        notTaken:
          'nothing to fix on the host (the hypervisor is oversubscribed); steal shows in the “CPU time by mode” panel, and sustained steal raises NodeCPUHighUtilisation when it matters',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host CPU high iowait',
      status: {
        notTaken:
          'iowait is idle time with I/O outstanding, high on any host whose only work is I/O; the cause is alerted as NodeDiskIOSaturation, and the “I/O pressure” panel shows the real stall',
      },
    },
    { reference: 'apa', kind: 'alert', item: 'Host CPU load saturation', status: { covered: ['alert:load-high'] } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host CPU is underutilized',
      status: { notTaken: 'capacity planning, not a failure (info, over a week)' },
    },
    { reference: 'apa', kind: 'alert', item: 'Host out of memory', status: { covered: ['alert:memory-high'] } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host memory under memory pressure',
      status: { added: ['alert:major-page-faults'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host Memory is underutilized',
      status: { notTaken: 'capacity planning, not a failure (info, over a week)' },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host out of disk space',
      status: { covered: ['alert:fs-almost-full', 'alert:fs-full'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host out of inodes',
      status: { added: ['alert:inodes-almost-out', 'alert:inodes-out'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host disk may fill in 24 hours',
      status: { covered: ['alert:fs-filling-up'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host inodes may fill in 24 hours',
      status: { added: ['alert:inodes-filling-up'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host unusual disk IO',
      status: {
        notTaken:
          'busy time near 100 % is normal for SSDs and NVMe, which serve many requests in parallel; saturation is alerted on the queue (NodeDiskIOSaturation) and busy time is the “Disk busy time” panel',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host disk IO saturation',
      status: { covered: ['alert:disk-io-saturated'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host unusual network throughput in',
      status: {
        notTaken:
          'busy is not broken: traffic near link speed is a capacity question, and virtual NICs report no speed (node_network_speed_bytes is -125000, i.e. -1 Mbit/s, on the stack’s virtio NIC); errors and drops have their own alerts and panels',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host unusual network throughput out',
      status: { notTaken: 'as for inbound throughput: a capacity question, and no link speed on most virtual NICs' },
    },
    { reference: 'apa', kind: 'alert', item: 'Host Network Bond Degraded', status: { added: ['alert:bond-degraded'] } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host file descriptors limit critical',
      status: { covered: ['alert:file-descriptors'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host swap is filling up',
      status: {
        notTaken:
          'swap in use is normal (the kernel parks cold pages there); the harm is swapping pages back in, alerted as NodeMemoryMajorPagesFaults and drawn in “Swap activity”',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host file descriptors limit warning',
      status: { covered: ['alert:file-descriptors'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host node overtemperature alarm',
      status: {
        notTaken:
          'unreliable as written: node_exporter exports tempN_crit_alarm with the temperature unit, scaled by 1/1000 (node_hwmon_temp_crit_alarm_celsius is 0.001 when raised; collector/hwmon_linux.go, 1.3 – 1.12), so `== 1` never matches; hardware health belongs to the BMC packs (iLO), and temperatures are the Hardware row’s panel',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host software RAID insufficient drives',
      status: { added: ['alert:raid-degraded'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host context switching high',
      status: {
        notTaken: 'compares with the day’s mean, so it fires on any change of workload; not a failure on its own',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host physical component too hot',
      status: {
        notTaken:
          'drivers set tempN_max inconsistently (0, or below the idle temperature on some boards and NVMe drives), so the comparison is noisy; the BMC packs (iLO) alert on vendor limits, and the Hardware row draws the temperatures',
      },
    },
    { reference: 'apa', kind: 'alert', item: 'Host clock skew', status: { covered: ['alert:clock-skew'] } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host clock not synchronising',
      status: { covered: ['alert:clock-not-synced'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host filesystem device error',
      status: {
        notTaken:
          'statfs fails mostly on mounts the exporter may not read (other users’ FUSE mounts, container overlays), a steady source of noise; a failing disk shows in the RAID, I/O and read-only signals instead',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host unusual disk read latency',
      status: {
        notTaken:
          'one bound (100 ms) cannot fit both spinning disks and NVMe; saturation is alerted on the queue (NodeDiskIOSaturation), and latency per device is the “Disk latency” panel added to the Disks row',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host unusual disk write latency',
      status: { notTaken: 'as for read latency: no one bound fits every device type; see the “Disk latency” panel' },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host systemd service crashed',
      status: { covered: ['alert:systemd-unit-failed'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host software RAID disk failure',
      status: { added: ['alert:raid-disk-failed'] },
    },
    { reference: 'apa', kind: 'alert', item: 'Host OOM kill detected', status: { added: ['alert:oom-kill'] } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host EDAC Uncorrectable Errors detected',
      status: { added: ['alert:edac-uncorrectable'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host Network Receive Errors',
      status: { covered: ['alert:network-receive-errors'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host Network Transmit Errors',
      status: { covered: ['alert:network-transmit-errors'] },
    },
    { reference: 'apa', kind: 'alert', item: 'Host conntrack limit', status: { added: ['alert:conntrack-high'] } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host textfile collector scrape error',
      status: { added: ['alert:textfile-error'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host systemd service crash looping',
      status: { added: ['alert:systemd-crashlooping'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host EDAC Correctable Errors detected',
      status: {
        notTaken:
          'corrected errors lose no data and a trickle is normal on large fleets (info, any increase in a minute); the “Memory (ECC) errors” panel shows the trend that announces a failing DIMM',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Host kernel version deviations',
      status: { notTaken: 'a new kernel needs a reboot, which NodeRebooted already reports (info)' },
    },

    // Node Exporter Full: its rows and the panels a user looks for in them.
    {
      reference: 'nef',
      kind: 'view',
      item: 'Quick CPU / Mem / Disk: CPU Busy, Sys Load, RAM Used',
      status: { covered: ['panel:cpuUtilisation', 'panel:loadPerCore', 'panel:memoryUtilisation'] },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Quick CPU / Mem / Disk: Root FS Used, CPU Cores, Uptime',
      status: { covered: ['panel:filesystemFree', 'panel:cpuCores', 'panel:uptime'] },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Quick CPU / Mem / Disk: Pressure',
      status: { added: ['panel:cpuPressure', 'panel:memoryPressure', 'panel:ioPressure'] },
    },
    { reference: 'nef', kind: 'view', item: 'CPU / CPU Basic (by mode)', status: { covered: ['panel:cpuByMode'] } },
    {
      reference: 'nef',
      kind: 'view',
      item: 'CPU Saturation per Core',
      status: { added: ['panel:cpuPerCore', 'panel:cpuPressure'] },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Memory / Memory Basic',
      status: { covered: ['panel:memoryUsed', 'panel:memoryCached', 'panel:swapUsed', 'panel:memoryTotal'] },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Memory Slab',
      status: { added: ['panel:memorySlabReclaimable', 'panel:memorySlabUnreclaimable'] },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Memory Meminfo: Committed, Writeback and Dirty, Shared and Mapped, LRU, Kernel / CPU, Vmalloc, Anonymous, Unevictable, DirectMap, HugePages, Zswap',
      status: {
        notTaken:
          'kernel memory accounting for tuning and kernel debugging, not for finding a failure; used, cache, swap and slab answer where memory went',
      },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Memory Pages Swap In / Out',
      status: { added: ['panel:swapIn', 'panel:swapOut'] },
    },
    { reference: 'nef', kind: 'view', item: 'Memory Page Faults', status: { added: ['panel:majorPageFaults'] } },
    { reference: 'nef', kind: 'view', item: 'OOM Killer', status: { added: ['panel:oomKills'] } },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Memory Pages In / Out',
      status: { notTaken: 'page-cache traffic duplicates the disk throughput panels' },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Time Synchronized Drift / Status',
      status: { covered: ['panel:clockOffset', 'panel:clockSynchronised'] },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Time PLL Adjust, PPS Frequency / Accuracy / Sync Events',
      status: { notTaken: 'only hosts with a PPS time source have them; the chrony pack covers time servers' },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Processes Status (running, blocked)',
      status: { added: ['panel:procsRunning', 'panel:procsBlocked'] },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Processes Detailed States, PIDs and Threads Number and Limit',
      status: {
        notTaken:
          'needs the processes collector, off by default (--collector.processes) and costly on hosts with many tasks; running and blocked come from the default stat collector',
      },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'System Load',
      status: { covered: ['panel:load1', 'panel:load5', 'panel:load15'] },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Context Switches / Interrupts, CPU Frequency Scaling, Timeslices, IRQ Detail, Entropy',
      status: {
        notTaken: 'tuning detail with no failure of its own; entropy is constant (256 bits) on kernels ≥ 5.18',
      },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Hardware Temperature Monitor',
      status: { added: ['panel:hwmonTemperature'] },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Cooling Device, Power Supply, Hardware Fan Speed',
      status: {
        notTaken: 'fans and power supplies are the BMC’s to report (the iLO pack); few hosts expose them to Linux',
      },
    },
    { reference: 'nef', kind: 'view', item: 'Systemd Units State', status: { covered: ['panel:systemdFailedUnits'] } },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Systemd Sockets Current / Accepted / Refused',
      status: { notTaken: 'socket-activated units are rare on servers; their failures show as failed units' },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Disk Read/Write IOps and Data',
      status: { covered: ['panel:diskReadOps', 'panel:diskWriteOps', 'panel:diskReadBytes', 'panel:diskWriteBytes'] },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Disk Average Wait Time',
      status: { added: ['panel:diskReadLatency', 'panel:diskWriteLatency'] },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Average Queue Size, Time Spent Doing I/Os',
      status: { covered: ['panel:diskIoQueue', 'panel:diskIoUtilisation'] },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Disk R/W Merged, Discards / Flush, Sectors Discarded, Instantaneous Queue Size',
      status: { notTaken: 'block-layer tuning detail; queue depth and latency show the saturation that matters' },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'File Descriptor, File Nodes Free',
      status: { covered: ['panel:fileDescriptors', 'panel:inodesFree'] },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Filesystem in ReadOnly / Error',
      status: {
        notTaken:
          'read-only and statfs-error mounts are mostly deliberate or unreadable to the exporter; the free-space alerts leave read-only filesystems out on purpose',
      },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Network Traffic, Errors, Drop',
      status: {
        covered: ['panel:networkReceive', 'panel:networkTransmit', 'panel:networkErrors', 'panel:networkDrops'],
      },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Network Packets, Compressed, Multicast, NoHandler, Frame, Fifo, Collision, Carrier, ARP, Speed, MTU, Operational Status',
      status: { notTaken: 'NIC counter detail; errors and drops, which have alerts, sum what goes wrong' },
    },
    { reference: 'nef', kind: 'view', item: 'NF Conntrack', status: { added: ['panel:conntrackUsage'] } },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Sockstat TCP / Used',
      status: { added: ['panel:tcpInUse', 'panel:tcpTimeWait', 'panel:tcpOrphan', 'panel:socketsUsed'] },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Sockstat UDP, FRAG / RAW, Memory, Softnet',
      status: { notTaken: 'kernel network tuning detail with no failure of its own' },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'TCP Connections, TCP Errors (retransmissions)',
      status: { added: ['panel:tcpEstablished', 'panel:tcpRetransmits'] },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'TCP Stat Persistent / Transient (tcpstat)',
      status: { added: ['panel:tcpStates'] },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Netstat IP / UDP / ICMP In / Out and Errors, SynCookie, UDP Queue',
      status: { notTaken: 'protocol counters for network debugging; TCP retransmissions stand for path loss' },
    },
    {
      reference: 'nef',
      kind: 'view',
      item: 'Node Exporter Scrape Time / Collector success',
      status: {
        notTaken:
          'collectors report failure for hardware a host does not have (bonding, mdadm, hwmon on VMs), so a panel would show false failures; the scrape itself is the “Exporter up” panel',
      },
    },
  ],
};
