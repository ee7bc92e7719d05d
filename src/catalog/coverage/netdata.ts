import { apaReference } from './references';
import type { ExporterCoverage } from './types';

const NETDATA_TAG = 'v2.11.0';
const HEALTH = `https://github.com/netdata/netdata/tree/${NETDATA_TAG}/src/health/health.d`;

// Netdata ships no Grafana dashboard and no Prometheus rules for its Prometheus export (its docs page on the
// export, learn.netdata.cloud/docs/exporting-metrics/prometheus, only explains the names): its own stock health
// alarms are the reference for what to alert on. Each alarm below is listed once, by its Linux definition; the
// FreeBSD, macOS and Windows variants of the same template (10min_cpu_usage, ram_in_use, ram_available) alert on
// the same failure.
/** netdata against its own stock health alarms (cpu, ram, disks, net) and awesome-prometheus-alerts’ Netdata rules. */
export const netdataCoverage: ExporterCoverage = {
  exporter: 'netdata',
  references: [
    {
      id: 'health',
      title: 'Netdata’s stock health alarms (cpu.conf, ram.conf, disks.conf, net.conf)',
      kind: 'alert collection',
      url: HEALTH,
      version: `${NETDATA_TAG} (src/health/health.d/{cpu,ram,disks,net}.conf; no Grafana dashboard or mixin exists)`,
    },
    apaReference('Netdata (embedded exporter)'),
  ],
  fewerAlertsBecause:
    'Netdata’s stock alarms for CPU, RAM, disks and network are 22 templates, we have 14 alerts: several of its alarms measure one failure twice (RAM in use and RAM available; space or inodes used and time to full at two severities), some report load rather than failure (iowait, steal, link utilisation, backlog, packet storms), and its FIFO-error alarm counts what the interface error and drop alerts already see. Each row says which.',
  rows: [
    // cpu.conf
    {
      reference: 'health',
      kind: 'alert',
      item: '10min_cpu_usage (warning above 85 %)',
      status: { covered: ['alert:cpu-high'] },
    },
    {
      reference: 'health',
      kind: 'alert',
      item: '10min_cpu_usage (critical above 95 %)',
      status: {
        notTaken:
          'a busy CPU slows a host but does not stop it; we warn once (NetdataCpuHigh) and page on what exhaustion breaks (memory, disk space)',
      },
    },
    {
      reference: 'health',
      kind: 'alert',
      item: '10min_cpu_iowait',
      status: {
        notTaken:
          'iowait is the CPU’s view of a saturated disk: NetdataDiskBusy alerts on the disk itself; iowait is drawn on the CPU time by mode panel',
      },
    },
    {
      reference: 'health',
      kind: 'alert',
      item: '20min_steal_cpu',
      status: {
        notTaken:
          'steal is caused outside the host (the hypervisor’s other guests) and exists only on VMs; shown on the CPU time by mode panel, not alerted',
      },
    },
    // ram.conf
    {
      reference: 'health',
      kind: 'alert',
      item: 'ram_in_use (warning above 90 %, critical above 98 %)',
      status: { covered: ['alert:memory-high', 'alert:memory-critical'] },
    },
    {
      reference: 'health',
      kind: 'alert',
      item: 'ram_available (warning below 10 %)',
      status: { covered: ['alert:memory-high'] },
    },
    {
      reference: 'health',
      kind: 'alert',
      item: 'oom_kill (any OOM kill in 30 minutes; silenced)',
      status: { added: ['alert:oom-kill', 'panel:oomKills'] },
      note: 'Netdata ships this alarm silenced (`to: silent`, health.d/ram.conf at v1.42.0 and v2.11.0): it shows on the agent’s own page and notifies nobody. We notify, at warning, as awesome-prometheus-alerts’ Host OOM kill detected does: a killed process is a service that lost its work or restarted, and a Prometheus alert nobody is notified of is seen by nobody',
    },
    // disks.conf
    {
      reference: 'health',
      kind: 'alert',
      item: 'disk_space_usage (warning above 90 %)',
      status: { covered: ['alert:disk-full'] },
    },
    {
      reference: 'health',
      kind: 'alert',
      item: 'disk_space_usage (critical above 98 % and under 5 GiB free)',
      status: { covered: ['alert:disk-critical'] },
    },
    {
      reference: 'health',
      kind: 'alert',
      item: 'disk_inode_usage',
      status: { added: ['alert:inodes-almost-full', 'alert:inodes-full', 'panel:inodesUsed'] },
    },
    {
      reference: 'health',
      kind: 'alert',
      item: 'out_of_disk_space_time (warning under 8 h at the last hour’s rate)',
      status: { added: ['alert:disk-filling-up'] },
    },
    {
      reference: 'health',
      kind: 'alert',
      item: 'out_of_disk_space_time (critical under 2 h)',
      status: {
        notTaken:
          'within two hours of full the filesystem is past the warning threshold as well; NetdataDiskFull pages on the level, one rule for the failure at critical',
      },
    },
    {
      reference: 'health',
      kind: 'alert',
      item: 'out_of_disk_inodes_time (warning under 8 h at the last hour’s rate; active from 1.42, silenced)',
      status: { added: ['alert:inodes-filling-up'] },
      note: 'Netdata ships this alarm silenced (`to: silent`, health.d/disks.conf at v1.42.0 and v2.11.0). We notify, at warning: NetdataInodesAlmostFull warns only at its level (90 % used by default), which a runaway file creator crosses shortly before the last inode, where the trend warns hours earlier; 30 minutes over a one-hour trend keep a burst of files created and deleted again quiet',
    },
    {
      reference: 'health',
      kind: 'alert',
      item: 'out_of_disk_inodes_time (critical under 2 h)',
      status: {
        notTaken:
          'as for space: a filesystem two hours from its last inode is past the warning as well, and NetdataInodesFull pages on the level, one rule for the failure at critical',
      },
    },
    {
      reference: 'health',
      kind: 'alert',
      item: '10min_disk_utilization (warning above 98 %)',
      status: { covered: ['alert:disk-busy'] },
    },
    {
      reference: 'health',
      kind: 'alert',
      item: '10min_disk_backlog',
      status: {
        notTaken:
          'no backlog bound fits every device (an NVMe array and a USB disk differ by orders); NetdataDiskBusy alerts on the saturation the backlog comes from',
      },
    },
    // net.conf
    {
      reference: 'health',
      kind: 'alert',
      item: '1m_received_traffic_overflow / 1m_sent_traffic_overflow',
      status: {
        notTaken:
          'a link near its speed is load, not failure, and the speed is unknown for virtual interfaces; traffic is on the Network traffic panel',
      },
    },
    {
      reference: 'health',
      kind: 'alert',
      item: 'inbound_packets_dropped_ratio / outbound_packets_dropped_ratio',
      status: { added: ['alert:packets-dropped', 'panel:packetsDropped'] },
    },
    {
      reference: 'health',
      kind: 'alert',
      item: 'wifi_inbound_packets_dropped_ratio / wifi_outbound_packets_dropped_ratio',
      status: { added: ['alert:packets-dropped'] },
    },
    {
      reference: 'health',
      kind: 'alert',
      item: 'interface_inbound_errors / interface_outbound_errors (5 in 10 minutes; Netdata applies it to FreeBSD hosts only)',
      status: { added: ['alert:network-errors', 'panel:networkErrors'] },
    },
    {
      reference: 'health',
      kind: 'alert',
      item: '10min_fifo_errors',
      status: {
        notTaken:
          'one rule per failure: a transmit FIFO error is one of the interface’s errors (include/uapi/linux/if_link.h: tx_errors includes tx_fifo_errors), which NetdataNetworkErrors counts; a receive overrun that loses packets is counted as missed and folded into /proc/net/dev’s drop column (rx_missed_errors), which NetdataPacketsDropped rates, while rx_fifo_errors itself is a legacy overflow count that the same header says may not match lost packets',
      },
    },
    {
      reference: 'health',
      kind: 'alert',
      item: '10s_received_packets_storm',
      status: {
        notTaken:
          'it compares 10 seconds against the last minute, finer than a Prometheus scrape of Netdata’s averages can see',
      },
    },
    {
      reference: 'health',
      kind: 'alert',
      item: 'network_interface_output_queue_length',
      status: {
        notTaken: 'the net.queue_length chart comes from Netdata’s Windows collector; the pack reads Linux charts',
      },
    },
    // awesome-prometheus-alerts, Netdata
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Netdata high cpu usage (a core under 20 % idle)',
      status: { covered: ['alert:cpu-high', 'panel:cpuPerCore'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Netdata CPU steal noisy neighbor',
      status: {
        notTaken: 'see Netdata’s 20min_steal_cpu: caused outside the host; shown on the CPU time by mode panel',
      },
    },
    { reference: 'apa', kind: 'alert', item: 'Netdata high memory usage', status: { covered: ['alert:memory-high'] } },
    { reference: 'apa', kind: 'alert', item: 'Netdata low disk space', status: { covered: ['alert:disk-full'] } },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Netdata predicted disk full (within 24 h)',
      status: { added: ['alert:disk-filling-up'] },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Netdata reported uncorrectable disk sectors / disk reallocated sectors / disk current pending sector',
      status: {
        notTaken:
          'they read the smartd_log collector’s charts, which exist only where smartd is set to write attribute logs; the pack does not read them',
      },
    },
    {
      reference: 'apa',
      kind: 'alert',
      item: 'Netdata MD mismatch cnt unsynchronized blocks',
      status: {
        notTaken:
          'mismatch counts after a scrub depend on the array’s size and contents (the rule’s own comment says so); md arrays exist only on software-RAID hosts',
      },
    },
  ],
};
