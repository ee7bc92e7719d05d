import type { ExporterEvidence, MetricEvidence, SourceRef } from './types';

// pryorda/vmware_exporter: one Python module. Oldest supported v0.11.0, the first release that queries
// disk.maxTotalLatency.latest and mem.swapped.average (the disk latency and swap alerts); current v0.18.4,
// the last release (the project has been unmaintained since 2024-03). Read at v0.11.0, v0.16.1 (the last
// release without the VM ds_name label), v0.17.0 (the first with it) and v0.18.4.
const ALL: [string, ...string[]] = ['v0.11.0', 'v0.16.1', 'v0.17.0', 'v0.18.4'];
const FILE = 'vmware_exporter/vmware_exporter.py';
const at: [SourceRef, ...SourceRef[]] = [{ tags: ALL, file: FILE }];

const HOST = ['host_name', 'dc_name', 'cluster_name'];
const VM = ['vm_name', 'ds_name', ...HOST];
const DATASTORE = ['ds_name', 'dc_name', 'ds_cluster'];

const LABEL_NOTE =
  'host_labels: host_name is summary.config.name without a trailing dot; cluster_name is "" (so no label) for a host outside a cluster';
const VM_LABEL_NOTE = `${LABEL_NOTE}; vm_labels: ds_name (the datastore of vmPathName) only ≥ 0.17.0, "n/a" fills labels of a VM whose host is unknown`;
const PERF_NOTE =
  'vSphere PerformanceManager counter, real-time interval (intervalId 20, maxSample 1), only for powered-on VMs; VM labels as vmware_vm_power_state';
const HOST_PERF_NOTE =
  'vSphere PerformanceManager counter of the host (_vmware_get_host_perf_manager_metrics: instance "", the host aggregate), real-time interval (intervalId 20, maxSample 1), only for powered-on hosts; host labels as vmware_host_power_state';
const HOST_POWERED = 'only for powered-on hosts (the collector skips the rest after power and connection state)';

const metric = (labels: string[], note: string, extra: Partial<MetricEvidence> = {}): MetricEvidence => ({
  labels,
  sources: at,
  note,
  ...extra,
});
const vm = (note: string) => metric(VM, `${note}; ${VM_LABEL_NOTE}`);
const perf = (note: string) => metric(VM, `${note}; ${PERF_NOTE}`);
const host = (note: string) => metric(HOST, `${note}; ${LABEL_NOTE}`);
const hostPerf = (note: string) => metric(HOST, `${note}; ${HOST_PERF_NOTE}`);
const datastore = (note: string) =>
  metric(DATASTORE, `${note}; datastore_labels: ds_cluster is the storage pod, "" (so no label) outside one`);

export const vmwareEvidence: ExporterEvidence = {
  exporter: 'vmware',
  repository: 'pryorda/vmware_exporter',
  supported: { oldest: 'v0.11.0', current: 'v0.18.4' },
  families: [
    {
      name: 'vmware_exporter 0.11 – 0.16',
      differs:
        'VM, VM perf, guest and snapshot series carry vm_name, host_name, dc_name and cluster_name only (no ds_name); before 0.14 vmware_host_maintenance_mode exists only for powered-on hosts',
    },
    {
      name: 'vmware_exporter 0.17 – 0.18',
      differs: 'VM, VM perf, guest and snapshot series add ds_name (the datastore of the VM’s .vmx)',
    },
  ],
  metrics: {
    vmware_vm_power_state: vm('1 when runtime.powerState is poweredOn, else 0 (templates and suspended VMs too)'),
    vmware_vm_num_cpu: vm('summary.config.numCpu'),
    vmware_vm_cpu_usage_average: perf('cpu.usage.average: hundredths of a percent'),
    vmware_vm_cpu_ready_summation: perf(
      'cpu.ready.summation: milliseconds of the 20 s sample, summed over the VM’s vCPUs (instance "")'
    ),
    vmware_vm_mem_usage_average: perf('mem.usage.average: hundredths of a percent of configured memory'),
    vmware_vm_mem_swapped_average: perf('mem.swapped.average: KB'),
    vmware_vm_mem_vmmemctl_average: perf('mem.vmmemctl.average: KB the balloon driver holds in the guest'),
    vmware_vm_disk_maxTotalLatency_latest: perf('disk.maxTotalLatency.latest: milliseconds'),
    vmware_vm_net_received_average: perf('net.received.average: KBps'),
    vmware_vm_net_transmitted_average: perf('net.transmitted.average: KBps'),
    vmware_vm_cpu_costop_summation: perf(
      'cpu.costop.summation: milliseconds of the 20 s sample the VM’s vCPUs were held back to be co-scheduled, summed over its vCPUs'
    ),
    vmware_vm_disk_read_average: perf('disk.read.average: KBps'),
    vmware_vm_disk_write_average: perf('disk.write.average: KBps'),
    vmware_vm_net_droppedRx_summation: perf('net.droppedRx.summation: received packets dropped in the 20 s sample'),
    vmware_vm_net_droppedTx_summation: perf('net.droppedTx.summation: transmitted packets dropped in the 20 s sample'),
    vmware_vm_guest_tools_running_status: metric(
      [...VM, 'tools_status'],
      `always 1; tools_status = guest.toolsStatus (toolsOk, toolsOld, toolsNotRunning, toolsNotInstalled: vSphere's VirtualMachineToolsStatus, vmware/pyvmomi docs/vim/vm/GuestInfo/ToolsStatus.rst), for every VM including powered-off ones, which report toolsNotRunning once Tools is installed; ${VM_LABEL_NOTE}`
    ),
    vmware_vm_guest_disk_free: metric(
      [...VM, 'partition'],
      `guest.disk[].freeSpace in bytes, partition = diskPath; only with VMware Tools running; ${VM_LABEL_NOTE}`
    ),
    vmware_vm_guest_disk_capacity: metric(
      [...VM, 'partition'],
      `guest.disk[].capacity in bytes, partition = diskPath; only with VMware Tools running; ${VM_LABEL_NOTE}`
    ),
    vmware_vm_snapshots: vm(
      'count of the snapshot tree; only for a VM whose snapshot property is set (the property collector leaves it out when the VM has none)'
    ),
    vmware_vm_snapshot_timestamp_seconds: metric(
      [...VM, 'vm_snapshot_name'],
      `snapshot createTime as unix seconds, one series per snapshot of the tree; ${VM_LABEL_NOTE}`
    ),
    vmware_host_power_state: host('1 when runtime.powerState is poweredOn, else 0; every host'),
    vmware_host_connection_state: metric(
      [...HOST, 'state'],
      `always 1; state = runtime.connectionState (connected, disconnected, notResponding), "unknown" when unset; every host; ${LABEL_NOTE}`
    ),
    vmware_host_maintenance_mode: host(
      'runtime.inMaintenanceMode as 1/0; every host ≥ 0.14.0, powered-on hosts before'
    ),
    vmware_host_boot_timestamp_seconds: host(`runtime.bootTime as unix seconds; ${HOST_POWERED}`),
    vmware_host_cpu_usage: host(`summary.quickStats.overallCpuUsage, MHz; ${HOST_POWERED}`),
    vmware_host_cpu_max: host(`numCpuCores × cpuMhz, MHz; ${HOST_POWERED}`),
    vmware_host_memory_usage: host(`summary.quickStats.overallMemoryUsage, MB; ${HOST_POWERED}`),
    vmware_host_memory_max: host(`summary.hardware.memorySize / 1024 / 1024, MB; ${HOST_POWERED}`),
    vmware_host_cpu_ready_summation: hostPerf(
      'cpu.ready.summation: milliseconds of the 20 s sample that vCPUs on the host were ready to run but waited, summed over all of them'
    ),
    vmware_host_cpu_costop_summation: hostPerf('cpu.costop.summation: co-stop milliseconds of the 20 s sample, summed'),
    vmware_host_cpu_swapwait_summation: hostPerf(
      'cpu.swapwait.summation: milliseconds of the 20 s sample spent waiting for memory swapped in from disk, summed'
    ),
    vmware_host_mem_vmmemctl_average: hostPerf('mem.vmmemctl.average: KB held by balloon drivers in the host’s VMs'),
    vmware_host_mem_latency_average: hostPerf(
      'mem.latency.average: hundredths of a percent of time spent waiting for swapped or compressed memory'
    ),
    vmware_host_mem_swapinRate_average: hostPerf('mem.swapinRate.average: KBps read back from the host’s swap'),
    vmware_host_mem_swapoutRate_average: hostPerf('mem.swapoutRate.average: KBps written to the host’s swap'),
    vmware_host_net_bytesRx_average: hostPerf('net.bytesRx.average: KBps received'),
    vmware_host_net_bytesTx_average: hostPerf('net.bytesTx.average: KBps sent'),
    vmware_host_net_errorsRx_summation: hostPerf(
      'net.errorsRx.summation: packets received with errors in the 20 s sample'
    ),
    vmware_host_net_errorsTx_summation: hostPerf(
      'net.errorsTx.summation: packets with transmit errors in the 20 s sample'
    ),
    vmware_host_net_droppedRx_summation: hostPerf(
      'net.droppedRx.summation: received packets dropped in the 20 s sample'
    ),
    vmware_host_net_droppedTx_summation: hostPerf(
      'net.droppedTx.summation: transmitted packets dropped in the 20 s sample'
    ),
    vmware_host_disk_read_average: hostPerf('disk.read.average: KBps'),
    vmware_host_disk_write_average: hostPerf('disk.write.average: KBps'),
    vmware_datastore_capacity_size: datastore('summary.capacity, bytes'),
    vmware_datastore_freespace_size: datastore('summary.freeSpace, bytes'),
    vmware_datastore_provisoned_size: datastore(
      'capacity − freeSpace + uncommitted, bytes; the name is misspelt in the source'
    ),
    vmware_datastore_accessible: datastore('summary.accessible as 1/0; absent when the property is unset'),
  },
};
