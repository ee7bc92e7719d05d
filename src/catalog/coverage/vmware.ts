import { apaReference } from './references';
import { rowsOf } from './rows';
import type { ExporterCoverage } from './types';

const TAG = 'v0.18.4';
const REPO = 'https://github.com/pryorda/vmware_exporter/blob';

// vmware_exporter ships its own alert rules (alerts/vmware.rules.yml) and four dashboards (dashboards/); the
// cluster, ESXi and VM ones carry grafana.com id 10076 in their JSON. No mixin exists.
const later =
  'not taken in this pass: the exporter collects it at every supported version (vmware_exporter.py), but our family fixtures do not hold it yet, so no panel or rule on it could be proven; ';
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
    cluster('Max VM Cpu Co-Stop on Cluster', {
      notTaken: `${later}co-stop matters for VMs with many vCPUs, where CPU ready (alerted) usually rises with it`,
    }),
    cluster('Max VM Ballooning', { added: ['panel:vmMemoryBallooned'] }),
    cluster('Max VM Swapped', { covered: ['panel:vmMemorySwapped', 'alert:vm-swapping'] }),
    cluster('Cluster Network Usage, Receive, Transmit', {
      covered: ['panel:vmNetworkReceive', 'panel:vmNetworkTransmit'],
    }),
    cluster('Cluster Network Broadcast and Multicast RX / TX', {
      notTaken:
        'diagnostic detail for a broadcast storm, read in Explore when traffic looks wrong; not a failure signal by itself',
    }),
    cluster('Cluster Disk Read And Write, Read, Write', {
      notTaken: `${later}VM disk latency, the signal that shows storage trouble, is on the dashboard and alerted`,
    }),
    // dashboards/esxi.json
    esxi('Version, Build, Model, Cluster, Cpu Model, Cpu Number, Memory Capacity', { notTaken: inventory }),
    esxi('ESXi host uptime', { covered: ['panel:hostUptime'] }),
    esxi('Host CPU Usage (gauge and graph, with demand)', { covered: ['panel:hostCpuUtilisation'] }),
    esxi('Current Cpu Ready, Current Cpu Co-Stop, Host Cpu Contention (per host)', {
      notTaken: `${later}per VM, CPU ready is drawn and alerted (VMwareVMCPUReadyHigh)`,
    }),
    esxi('Host Memory usage (usage and active)', { covered: ['panel:hostMemoryUtilisation'] }),
    esxi('Host Memory usage (ballooning and memory latency)', {
      notTaken: `${later}ballooning is drawn per VM (VM memory ballooned), where it is reclaimed`,
    }),
    esxi('Host Network Usage', { notTaken: `${later}per VM, traffic is drawn` }),
    esxi('Host Network Contention (receive and transmit errors)', {
      notTaken: `${later}a physical NIC’s errors are a failure worth a rule once a fixture holds them`,
    }),
    esxi('Disk R/W Rate', { notTaken: `${later}see Cluster Disk Read And Write` }),
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
    vm('Tools Status', {
      notTaken:
        'not taken in this pass: VMware Tools not running costs guest disk figures and clean shutdowns, but templates and appliances without Tools would need excluding first',
    }),
    vm('VM State', { covered: ['panel:vmPowerState'] }),
    vm('VM CPU Usage (gauge and graph, with demand)', { covered: ['panel:vmCpuUsage'] }),
    vm('VM Cpu Ready, VM CPU Contention', { covered: ['panel:vmCpuReady', 'alert:vm-cpu-ready'] }),
    vm('VM Cpu Co-Stop', { notTaken: `${later}see Max VM Cpu Co-Stop on Cluster` }),
    vm('VM Memory usage', { covered: ['panel:vmMemoryUsage', 'alert:vm-memory-high'] }),
    vm('VM Ballooning', { added: ['panel:vmMemoryBallooned'] }),
    vm('VM Swapped, VM Memory Contention', { covered: ['panel:vmMemorySwapped', 'alert:vm-swapping'] }),
    vm('VM Network Usage', { covered: ['panel:vmNetworkReceive', 'panel:vmNetworkTransmit'] }),
    vm('VM Network Packet Dropped', { notTaken: `${later}dropped packets point at a saturated vSwitch or guest` }),
    vm('VM Disk Read And Write', { notTaken: `${later}see Cluster Disk Read And Write` }),
    vm('VM Disk Latency', { covered: ['panel:vmDiskLatency', 'alert:vm-disk-latency'] }),
  ],
};
