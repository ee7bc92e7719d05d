import { apaReference } from './references';
import { rowsOf } from './rows';
import type { ExporterCoverage } from './types';

const TAG = 'v0.18.4';
const REPO = 'https://github.com/pryorda/vmware_exporter/blob';

// vmware_exporter ships its own alert rules (alerts/vmware.rules.yml) and four dashboards (dashboards/); the
// cluster, ESXi and VM ones carry grafana.com id 10076 in their JSON. No mixin exists.
// The ESXi dashboard's network panels query vmware_host_net_bytesRX_average, _errorRX_summation and the like,
// names vmware_exporter never sends (vmware_exporter.py at v0.11.0 – v0.18.4 makes net.bytesRx.average into
// vmware_host_net_bytesRx_average, net.errorsRx.summation into vmware_host_net_errorsRx_summation): those
// panels stay empty there. Ours read the names the exporter sends.
const inventory = 'an inventory fact (sizes, versions, models), not health; the Hosts and VM rows show what changes';

const rules = rowsOf('rules', 'alert');
const apa = rowsOf('apa', 'alert');
const cluster = rowsOf('cluster', 'view');
const esxi = rowsOf('esxi', 'view');
const esx = rowsOf('esx', 'view');
const vm = rowsOf('vm', 'view');

/** vmware against vmware_exporter’s own rules and dashboards, and awesome-prometheus-alerts’ VMware rules. */
export const vmwareCoverage: ExporterCoverage = {
  exporter: 'vmware',
  references: [
    {
      id: 'rules',
      title: 'vmware_exporter alert rules',
      kind: 'alert collection',
      url: `${REPO}/${TAG}/alerts/vmware.rules.yml`,
      version: TAG,
    },
    apaReference('VMware (pryorda/vmware_exporter)'),
    {
      id: 'cluster',
      title: 'vmware_exporter dashboard “VMware Cluster”',
      kind: 'dashboard',
      url: `${REPO}/${TAG}/dashboards/cluster.json`,
      version: `${TAG} (gnetId 10076 in the JSON)`,
    },
    {
      id: 'esxi',
      title: 'vmware_exporter dashboard “VMware ESXi Import”',
      kind: 'dashboard',
      url: `${REPO}/${TAG}/dashboards/esxi.json`,
      version: `${TAG} (gnetId 10076 in the JSON)`,
    },
    {
      id: 'esx',
      title: 'vmware_exporter dashboard “VMware ESX Hosts Information”',
      kind: 'dashboard',
      url: `${REPO}/${TAG}/dashboards/esx.json`,
      version: TAG,
    },
    {
      id: 'vm',
      title: 'vmware_exporter dashboard “VMware VM”',
      kind: 'dashboard',
      url: `${REPO}/${TAG}/dashboards/virtualmachine.json`,
      version: `${TAG} (gnetId 10076 in the JSON)`,
    },
  ],
  rows: [
    // alerts/vmware.rules.yml
    rules('VMWarnMemoryUsage (VM memory 90 – 95 %, 30 min)', { covered: ['alert:vm-memory-high'] }),
    rules('VMCritMemoryUsage (VM memory ≥ 95 %)', { covered: ['alert:vm-memory-critical'] }),
    rules('VMWarnNumberSnapshots (fewer than 3 snapshots)', {
      notTaken:
        'as written (vmware_vm_snapshots < 3) it fires for every VM with fewer than three snapshots, none included: an inverted comparison; the failure it means is VMwareVMTooManySnapshots',
    }),
    rules('VMCritNumberSnapshots (3 or more snapshots, critical; ours warns: a slow risk, not an outage)', {
      covered: ['alert:snapshots-many'],
    }),
    rules('VMWarnAgeSnapshots (a snapshot older than 7 days)', { covered: ['alert:snapshot-old'] }),
    // awesome-prometheus-alerts
    apa('Virtual Machine Memory Warning', { covered: ['alert:vm-memory-high'] }),
    apa('Virtual Machine Memory Critical', { covered: ['alert:vm-memory-critical'] }),
    apa('High Number of Snapshots', { covered: ['alert:snapshots-many'] }),
    apa('Outdated Snapshots', { covered: ['alert:snapshot-old'] }),
    // dashboards/cluster.json
    cluster('Cpu Core Capacity, Cpu Capacity, Memory Capacity', { notTaken: inventory }),
    cluster('Host Number', { covered: ['panel:hostConnection'] }),
    cluster('Host In Maintenance', { covered: ['panel:hostMaintenance'] }),
    cluster('Cluster CPU usage (gauge and graph)', { covered: ['panel:hostCpuUtilisation', 'alert:host-cpu-high'] }),
    cluster('Cluster Memory usage (stat and graph)', {
      covered: ['panel:hostMemoryUtilisation', 'alert:host-memory-high'],
    }),
    cluster('Max VM Cpu Ready on Cluster', { covered: ['panel:vmCpuReady', 'alert:vm-cpu-ready'] }),
    // Co-stop gets no rule: it comes from the same overcommit (too many vCPUs for the host) that
    // VMwareVMCPUReadyHigh warns of, and rises with it.
    cluster('Max VM Cpu Co-Stop on Cluster', { added: ['panel:vmCpuCostop'] }),
    cluster('Max VM Ballooning', { added: ['panel:vmMemoryBallooned'] }),
    cluster('Max VM Swapped', { covered: ['panel:vmMemorySwapped', 'alert:vm-swapping'] }),
    cluster('Cluster Network Usage, Receive, Transmit', {
      covered: ['panel:vmNetworkReceive', 'panel:vmNetworkTransmit'],
    }),
    cluster('Cluster Network Broadcast and Multicast RX / TX', {
      notTaken:
        'diagnostic detail for a broadcast storm, read in Explore when traffic looks wrong; not a failure signal by itself',
    }),
    cluster('Cluster Disk Read And Write, Read, Write', { added: ['panel:vmDiskRead', 'panel:vmDiskWrite'] }),
    // dashboards/esxi.json
    esxi('Version, Build, Model, Cluster, Cpu Model, Cpu Number, Memory Capacity', { notTaken: inventory }),
    esxi('ESXi host uptime', { covered: ['panel:hostUptime'] }),
    esxi('Host CPU Usage (gauge and graph, with demand)', { covered: ['panel:hostCpuUtilisation'] }),
    esxi('Current Cpu Ready, Current Cpu Co-Stop, Host Cpu Contention (per host)', {
      added: ['panel:hostCpuReady', 'panel:hostCpuCostop', 'panel:hostCpuSwapWait'],
    }),
    esxi('Host Memory usage (usage and active)', { covered: ['panel:hostMemoryUtilisation'] }),
    // Host ballooning and swapping get no rule of their own: VMwareHostHighMemory warns of the shortage that
    // makes a host balloon, and VMwareVMSwapped of the harm, per VM, naming the VM to act on; a host rule on
    // the same swap would be a second warning for one failure.
    esxi('Host Memory usage (ballooning and memory latency)', {
      added: [
        'panel:hostMemoryBallooned',
        'panel:hostMemoryLatency',
        'panel:hostMemorySwapIn',
        'panel:hostMemorySwapOut',
      ],
    }),
    esxi('Host Network Usage', { added: ['panel:hostNetworkReceive', 'panel:hostNetworkTransmit'] }),
    // Drops are load (full buffers under bursts), not a broken link: drawn, not alerted.
    esxi('Host Network Contention (receive and transmit errors)', {
      added: [
        'alert:host-network-errors',
        'panel:hostNetworkErrorsReceive',
        'panel:hostNetworkErrorsTransmit',
        'panel:hostNetworkDroppedReceive',
        'panel:hostNetworkDroppedTransmit',
      ],
    }),
    esxi('Disk R/W Rate', { added: ['panel:hostDiskRead', 'panel:hostDiskWrite'] }),
    // dashboards/esx.json
    esx('Uptime', { covered: ['panel:hostUptime'] }),
    esx('CPU Usage, ESX Host CPU Usage', { covered: ['panel:hostCpuUtilisation'] }),
    esx('Memory Usage, ESX Host RAM Usage', { covered: ['panel:hostMemoryUtilisation'] }),
    esx('Host State (power state)', {
      notTaken:
        'a host powered off or put in standby through vCenter is a planned state; a host that fails stops responding, which the Hosts by connection state panel and VMwareHostNotConnected show',
    }),
    // dashboards/virtualmachine.json
    vm('Cluster, Host, VM Type, Tools Version, Cpu Number, Memory Capacity', { notTaken: inventory }),
    // Only toolsNotRunning on a VM powered on for the whole window: powered-off VMs report it too, and
    // toolsNotInstalled (appliances without Tools) is a choice.
    vm('Tools Status', { added: ['alert:vm-tools-not-running', 'panel:vmToolsStatus'] }),
    vm('VM State', { covered: ['panel:vmPowerState'] }),
    vm('VM CPU Usage (gauge and graph, with demand)', { covered: ['panel:vmCpuUsage'] }),
    vm('VM Cpu Ready, VM CPU Contention', { covered: ['panel:vmCpuReady', 'alert:vm-cpu-ready'] }),
    vm('VM Cpu Co-Stop', { added: ['panel:vmCpuCostop'] }),
    vm('VM Memory usage', { covered: ['panel:vmMemoryUsage', 'alert:vm-memory-high'] }),
    vm('VM Ballooning', { added: ['panel:vmMemoryBallooned'] }),
    vm('VM Swapped, VM Memory Contention', { covered: ['panel:vmMemorySwapped', 'alert:vm-swapping'] }),
    vm('VM Network Usage', { covered: ['panel:vmNetworkReceive', 'panel:vmNetworkTransmit'] }),
    // A guest that drops received packets is short of ring buffer or CPU under bursts: load, drawn, not alerted.
    vm('VM Network Packet Dropped', {
      added: ['panel:vmNetworkDroppedReceive', 'panel:vmNetworkDroppedTransmit'],
    }),
    vm('VM Disk Read And Write', { added: ['panel:vmDiskRead', 'panel:vmDiskWrite'] }),
    vm('VM Disk Latency', { covered: ['panel:vmDiskLatency', 'alert:vm-disk-latency'] }),
  ],
};
