import { sel } from '../promql';
import { defineExporter } from '../define';

// vSphere performance counters keep vSphere's units: `*_usage_average` is in hundredths of a
// percent (2350 = 23.5%), memory counters in KB, network in KBps (host memory is in MB, but only
// its ratio is used here).
const HUNDREDTHS_TO_PERCENT = '/ 100';
const KIB = '* 1024';
// vmware_exporter reads the real-time (20 s) performance interval; cpu.ready.summation is the
// milliseconds of that interval the VM waited for a physical CPU.
const READY_MS_TO_PERCENT = '/ 200';
// A *_summation counter is what happened in that one 20 s sample (vmware_exporter asks for maxSample 1):
// packets or errors per second are the count / 20, and milliseconds summed over vCPUs / 20000 is how many
// vCPUs were waiting on average.
const PER_SECOND = '/ 20';
const MS_TO_VCPUS = '/ 20000';

export const vmwareExporter = defineExporter({
  id: 'vmware',
  title: 'VMware vSphere',
  layer: 'specialized',
  defaultPort: 9272,
  docsUrl: 'https://github.com/pryorda/vmware_exporter',
  description:
    'vCenter or ESXi through vmware_exporter: host capacity and contention, VM CPU, memory, disks and network, VMware Tools, snapshots and datastores.',
  detection: { metrics: ['vmware_vm_power_state', 'vmware_host_memory_usage', 'vmware_datastore_capacity_size'] },
  // The exporter has no build-info or per-target info metric: host power state is the smallest
  // family that exists on every vCenter/ESXi target.
  infoMetrics: ['vmware_host_power_state', 'vmware_vm_power_state'],
  thresholds: [
    {
      id: 'hostCpu',
      title: 'Host CPU utilisation',
      unit: 'percent',
      direction: 'above',
      warning: 80,
      critical: 90,
      min: 1,
      description: 'CPU MHz in use as a share of the host’s capacity (cores × clock).',
    },
    {
      id: 'hostMemory',
      title: 'Host memory utilisation',
      unit: 'percent',
      direction: 'above',
      warning: 90,
      critical: 95,
      min: 1,
      description: 'Host memory in use; above this, ESXi starts ballooning, compressing and swapping VM memory.',
    },
    {
      id: 'vmMemory',
      title: 'VM memory usage',
      unit: 'percent',
      direction: 'above',
      warning: 90,
      critical: 95,
      min: 1,
      description: 'Memory a VM actively uses as a share of its configured memory.',
    },
    {
      id: 'vmCpuReady',
      direction: 'above',
      warning: 5,
      critical: 10,
      min: 0.1,
      description:
        'Share of time each vCPU was ready to run but waited for a physical CPU; above 5% per vCPU users notice.',
    },
    {
      id: 'vmDiskLatency',
      direction: 'above',
      warning: 20,
      critical: 50,
      min: 1,
      max: 10000,
      description: 'Highest disk latency a VM saw; above 20 ms storage is the bottleneck.',
    },
    {
      id: 'snapshots',
      title: 'Snapshots per VM',
      unit: 'short',
      direction: 'above',
      warning: 3,
      min: 1,
      max: 32,
      description: 'Snapshots kept on a VM; long chains slow its disks down and eat datastore space.',
    },
    {
      id: 'snapshotAge',
      title: 'Snapshot age',
      unit: 's',
      direction: 'above',
      warning: 604800,
      min: 3600,
      max: 31536000,
      description: 'Age of a snapshot in seconds (default 7 days): snapshots are not backups and grow without bound.',
    },
    {
      id: 'datastoreFree',
      direction: 'below',
      warning: 10,
      critical: 5,
      min: 0,
      description: 'Free space on a datastore; a full datastore stops every thin-provisioned VM on it.',
    },
    {
      id: 'guestDiskFree',
      title: 'Guest filesystem free space',
      unit: 'percent',
      direction: 'below',
      warning: 10,
      critical: 5,
      min: 0,
      description: 'Free space inside a guest filesystem, as VMware Tools reports it.',
    },
  ],
  signals: [
    {
      id: 'vmsPoweredOn',
      title: 'VMs powered on',
      description: 'Virtual machines powered on, per vCenter target.',
      unit: 'short',
      expr: (q) => `sum by (${q.by}) (${sel('vmware_vm_power_state', q)})`,
    },
    {
      id: 'hostConnection',
      title: 'Hosts by connection state',
      description: 'ESXi hosts per vCenter connection state (connected, disconnected, notResponding).',
      unit: 'short',
      expr: (q) => `count by (${q.by}, state) (${sel('vmware_host_connection_state', q)})`,
      legend: '{{instance}} {{state}}',
    },
    {
      id: 'hostMaintenance',
      title: 'Hosts in maintenance',
      description: 'Whether each host is in maintenance mode (1 = yes); it runs no VMs and adds no capacity.',
      unit: 'bool_yes_no',
      expr: (q) => sel('vmware_host_maintenance_mode', q),
      legend: '{{host_name}}',
    },
    {
      id: 'hostUptime',
      title: 'Host uptime',
      description: 'Time since each ESXi host booted.',
      unit: 'dtdurations',
      expr: (q) => `time() - ${sel('vmware_host_boot_timestamp_seconds', q)}`,
      legend: '{{host_name}}',
    },
    {
      id: 'hostCpuUtilisation',
      title: 'Host CPU utilisation',
      description: 'CPU MHz in use as a share of each host’s capacity.',
      unit: 'percent',
      expr: (q) => `100 * ${sel('vmware_host_cpu_usage', q)} / (${sel('vmware_host_cpu_max', q)} > 0)`,
      legend: '{{host_name}}',
      threshold: 'hostCpu',
    },
    {
      id: 'hostMemoryUtilisation',
      title: 'Host memory utilisation',
      description: 'Memory in use as a share of each host’s physical memory.',
      unit: 'percent',
      expr: (q) => `100 * ${sel('vmware_host_memory_usage', q)} / (${sel('vmware_host_memory_max', q)} > 0)`,
      legend: '{{host_name}}',
      threshold: 'hostMemory',
    },
    {
      id: 'hostCpuReady',
      title: 'Host CPU ready',
      description:
        'vCPUs on each host that were ready to run but waited for a physical CPU, on average over the 20 s sample (ready ms summed over all vCPUs / 20 000 ms); per VM it is VM CPU ready.',
      unit: 'short',
      expr: (q) => `${sel('vmware_host_cpu_ready_summation', q)} ${MS_TO_VCPUS}`,
      legend: '{{host_name}} ready',
      min: 0,
    },
    {
      id: 'hostCpuCostop',
      title: 'Host CPU co-stop',
      description:
        'vCPUs on each host held back to be co-scheduled with their VM’s other vCPUs, on average over the 20 s sample (co-stop ms summed / 20 000 ms).',
      unit: 'short',
      expr: (q) => `${sel('vmware_host_cpu_costop_summation', q)} ${MS_TO_VCPUS}`,
      legend: '{{host_name}} co-stop',
      min: 0,
    },
    {
      id: 'hostCpuSwapWait',
      title: 'Host CPU swap wait',
      description:
        'vCPUs on each host waiting for memory the host swapped to disk, on average over the 20 s sample (swap-wait ms summed / 20 000 ms): host swapping felt as CPU time lost.',
      unit: 'short',
      expr: (q) => `${sel('vmware_host_cpu_swapwait_summation', q)} ${MS_TO_VCPUS}`,
      legend: '{{host_name}} swap wait',
      min: 0,
    },
    {
      id: 'hostMemoryBallooned',
      title: 'Host memory ballooned',
      description:
        'Memory the balloon drivers hold in each host’s VMs (converted from KB): the host reclaims it when it runs short, before it compresses and swaps.',
      unit: 'bytes',
      expr: (q) => `${sel('vmware_host_mem_vmmemctl_average', q)} ${KIB}`,
      legend: '{{host_name}}',
    },
    {
      id: 'hostMemorySwapIn',
      title: 'Host swap-in rate',
      description:
        'Bytes per second each host reads back from its swap for VMs (converted from KBps): a VM touching memory the host swapped out, and waiting for the disk.',
      unit: 'Bps',
      expr: (q) => `${sel('vmware_host_mem_swapinRate_average', q)} ${KIB}`,
      legend: '{{host_name}} in',
    },
    {
      id: 'hostMemorySwapOut',
      title: 'Host swap-out rate',
      description: 'Bytes per second each host writes VM memory to its swap (converted from KBps).',
      unit: 'Bps',
      expr: (q) => `${sel('vmware_host_mem_swapoutRate_average', q)} ${KIB}`,
      legend: '{{host_name}} out',
    },
    {
      id: 'hostMemoryLatency',
      title: 'Host memory latency',
      description:
        'Share of time VMs on each host waited for memory the host had swapped or compressed (converted from hundredths of a percent).',
      unit: 'percent',
      expr: (q) => `${sel('vmware_host_mem_latency_average', q)} ${HUNDREDTHS_TO_PERCENT}`,
      legend: '{{host_name}}',
      axisFitsData: 'read near 0: any swapped or compressed memory is already felt',
    },
    {
      id: 'hostNetworkReceive',
      title: 'Host network received',
      description: 'Bytes per second each host received on its network interfaces (converted from KBps).',
      unit: 'Bps',
      expr: (q) => `${sel('vmware_host_net_bytesRx_average', q)} ${KIB}`,
      legend: '{{host_name}} in',
    },
    {
      id: 'hostNetworkTransmit',
      title: 'Host network sent',
      description: 'Bytes per second each host sent on its network interfaces (converted from KBps).',
      unit: 'Bps',
      expr: (q) => `${sel('vmware_host_net_bytesTx_average', q)} ${KIB}`,
      legend: '{{host_name}} out',
    },
    {
      id: 'hostNetworkErrorsReceive',
      title: 'Host receive errors',
      description:
        'Packets received with errors per second on each host, all its NICs together (the 20 s sample’s count / 20).',
      unit: 'pps',
      expr: (q) => `${sel('vmware_host_net_errorsRx_summation', q)} ${PER_SECOND}`,
      legend: '{{host_name}} in',
      min: 0,
    },
    {
      id: 'hostNetworkErrorsTransmit',
      title: 'Host transmit errors',
      description:
        'Packets that failed to transmit per second on each host, all its NICs together (the 20 s sample’s count / 20).',
      unit: 'pps',
      expr: (q) => `${sel('vmware_host_net_errorsTx_summation', q)} ${PER_SECOND}`,
      legend: '{{host_name}} out',
      min: 0,
    },
    {
      id: 'hostNetworkDroppedReceive',
      title: 'Host received packets dropped',
      description:
        'Received packets dropped per second on each host (the 20 s sample’s count / 20): buffers full under bursts.',
      unit: 'pps',
      expr: (q) => `${sel('vmware_host_net_droppedRx_summation', q)} ${PER_SECOND}`,
      legend: '{{host_name}} in',
      min: 0,
    },
    {
      id: 'hostNetworkDroppedTransmit',
      title: 'Host sent packets dropped',
      description: 'Transmitted packets dropped per second on each host (the 20 s sample’s count / 20).',
      unit: 'pps',
      expr: (q) => `${sel('vmware_host_net_droppedTx_summation', q)} ${PER_SECOND}`,
      legend: '{{host_name}} out',
      min: 0,
    },
    {
      id: 'hostDiskRead',
      title: 'Host disk reads',
      description:
        'Bytes per second each host read from its storage, all adapters and datastores together (converted from KBps).',
      unit: 'Bps',
      expr: (q) => `${sel('vmware_host_disk_read_average', q)} ${KIB}`,
      legend: '{{host_name}} read',
    },
    {
      id: 'hostDiskWrite',
      title: 'Host disk writes',
      description:
        'Bytes per second each host wrote to its storage, all adapters and datastores together (converted from KBps).',
      unit: 'Bps',
      expr: (q) => `${sel('vmware_host_disk_write_average', q)} ${KIB}`,
      legend: '{{host_name}} written',
    },
    {
      id: 'vmPowerState',
      title: 'VM power state',
      description: 'Whether each VM is powered on (1) or off/suspended (0).',
      unit: 'bool_yes_no',
      expr: (q) => sel('vmware_vm_power_state', q),
      legend: '{{vm_name}}',
    },
    {
      id: 'vmCpuUsage',
      title: 'VM CPU usage',
      description: 'CPU use of each VM as a share of its vCPUs (vSphere reports hundredths of a percent; converted).',
      unit: 'percent',
      expr: (q) => `${sel('vmware_vm_cpu_usage_average', q)} ${HUNDREDTHS_TO_PERCENT}`,
      legend: '{{vm_name}}',
    },
    {
      id: 'vmCpuReady',
      title: 'VM CPU ready',
      description:
        'Share of time each vCPU waited for a physical CPU (ready ms in the 20 s sample, per vCPU); high values mean an overcommitted host.',
      unit: 'percent',
      expr: (q) =>
        `${sel('vmware_vm_cpu_ready_summation', q)} ${READY_MS_TO_PERCENT} / (${sel('vmware_vm_num_cpu', q)} > 0)`,
      legend: '{{vm_name}}',
      threshold: 'vmCpuReady',
      axisFitsData: 'read near 0: a few percent per vCPU is already felt',
    },
    {
      id: 'vmCpuCostop',
      title: 'VM CPU co-stop',
      description:
        'Share of time each vCPU was held back so that the VM’s vCPUs could be scheduled together (co-stop ms in the 20 s sample, per vCPU): it grows when a VM has more vCPUs than the host can run at once; fewer vCPUs is the cure.',
      unit: 'percent',
      expr: (q) =>
        `${sel('vmware_vm_cpu_costop_summation', q)} ${READY_MS_TO_PERCENT} / (${sel('vmware_vm_num_cpu', q)} > 0)`,
      legend: '{{vm_name}}',
      axisFitsData: 'read near 0: a few percent per vCPU already slows a VM',
    },
    {
      id: 'vmMemoryUsage',
      title: 'VM memory usage',
      description:
        'Active memory of each VM as a share of its configured memory (converted from hundredths of a percent).',
      unit: 'percent',
      expr: (q) => `${sel('vmware_vm_mem_usage_average', q)} ${HUNDREDTHS_TO_PERCENT}`,
      legend: '{{vm_name}}',
      threshold: 'vmMemory',
    },
    {
      id: 'vmMemorySwapped',
      title: 'VM memory swapped',
      description: 'VM memory the host swapped to disk (converted from KB); any non-zero value hurts the guest badly.',
      unit: 'bytes',
      expr: (q) => `${sel('vmware_vm_mem_swapped_average', q)} ${KIB}`,
      legend: '{{vm_name}}',
    },
    {
      id: 'vmMemoryBallooned',
      title: 'VM memory ballooned',
      description:
        'VM memory the host reclaimed through the balloon driver in the guest (converted from KB): the first sign the host is short of memory, before it compresses and swaps.',
      unit: 'bytes',
      expr: (q) => `${sel('vmware_vm_mem_vmmemctl_average', q)} ${KIB}`,
      legend: '{{vm_name}}',
    },
    {
      id: 'vmDiskLatency',
      title: 'VM disk latency',
      description: 'Highest disk latency each VM saw across its disks.',
      unit: 'ms',
      expr: (q) => sel('vmware_vm_disk_maxTotalLatency_latest', q),
      legend: '{{vm_name}}',
      threshold: 'vmDiskLatency',
    },
    {
      id: 'vmNetworkReceive',
      title: 'VM network received',
      description: 'Bytes per second received by each VM (converted from KBps).',
      unit: 'Bps',
      expr: (q) => `${sel('vmware_vm_net_received_average', q)} ${KIB}`,
      legend: '{{vm_name}} in',
    },
    {
      id: 'vmNetworkTransmit',
      title: 'VM network sent',
      description: 'Bytes per second sent by each VM (converted from KBps).',
      unit: 'Bps',
      expr: (q) => `${sel('vmware_vm_net_transmitted_average', q)} ${KIB}`,
      legend: '{{vm_name}} out',
    },
    {
      id: 'vmDiskRead',
      title: 'VM disk reads',
      description: 'Bytes per second each VM read from its virtual disks (converted from KBps).',
      unit: 'Bps',
      expr: (q) => `${sel('vmware_vm_disk_read_average', q)} ${KIB}`,
      legend: '{{vm_name}} read',
    },
    {
      id: 'vmDiskWrite',
      title: 'VM disk writes',
      description: 'Bytes per second each VM wrote to its virtual disks (converted from KBps).',
      unit: 'Bps',
      expr: (q) => `${sel('vmware_vm_disk_write_average', q)} ${KIB}`,
      legend: '{{vm_name}} written',
    },
    {
      id: 'vmNetworkDroppedReceive',
      title: 'VM received packets dropped',
      description: 'Received packets dropped per second for each VM (the 20 s sample’s count / 20).',
      unit: 'pps',
      expr: (q) => `${sel('vmware_vm_net_droppedRx_summation', q)} ${PER_SECOND}`,
      legend: '{{vm_name}} in',
      min: 0,
    },
    {
      id: 'vmNetworkDroppedTransmit',
      title: 'VM sent packets dropped',
      description: 'Transmitted packets dropped per second for each VM (the 20 s sample’s count / 20).',
      unit: 'pps',
      expr: (q) => `${sel('vmware_vm_net_droppedTx_summation', q)} ${PER_SECOND}`,
      legend: '{{vm_name}} out',
      min: 0,
    },
    {
      id: 'vmGuestDiskFree',
      title: 'Guest filesystem free space',
      description: 'Free space of each filesystem inside the guests.',
      unit: 'percent',
      expr: (q) => `100 * ${sel('vmware_vm_guest_disk_free', q)} / (${sel('vmware_vm_guest_disk_capacity', q)} > 0)`,
      legend: '{{vm_name}} {{partition}}',
      threshold: 'guestDiskFree',
      optional: 'needs VMware Tools running in the guests',
    },
    {
      id: 'vmToolsStatus',
      title: 'VMware Tools status',
      description:
        'VMware Tools state of each VM as vCenter reports it: toolsOk, toolsOld (running, outdated), toolsNotRunning (normal for a powered-off VM) or toolsNotInstalled.',
      unit: 'short',
      expr: (q) => sel('vmware_vm_guest_tools_running_status', q),
      legend: '{{vm_name}} {{tools_status}}',
    },
    {
      id: 'vmSnapshots',
      title: 'Snapshots per VM',
      description: 'Snapshots kept on each VM.',
      unit: 'short',
      expr: (q) => sel('vmware_vm_snapshots', q),
      legend: '{{vm_name}}',
      threshold: 'snapshots',
      // vmware_exporter counts a VM's snapshots only when it has some (the property collector leaves `snapshot` out).
      optional: 'only while some VM has a snapshot',
    },
    {
      id: 'vmSnapshotAge',
      title: 'Snapshot age',
      description: 'Age of each snapshot.',
      unit: 'dtdurations',
      expr: (q) => `time() - ${sel('vmware_vm_snapshot_timestamp_seconds', q)}`,
      legend: '{{vm_name}} {{vm_snapshot_name}}',
      threshold: 'snapshotAge',
      optional: 'only while some VM has a snapshot',
    },
    {
      id: 'datastoreFree',
      title: 'Datastore free space',
      description: 'Free space on each datastore.',
      unit: 'percent',
      expr: (q) =>
        `100 * ${sel('vmware_datastore_freespace_size', q)} / (${sel('vmware_datastore_capacity_size', q)} > 0)`,
      legend: '{{ds_name}}',
      threshold: 'datastoreFree',
    },
    {
      id: 'datastoreProvisioned',
      title: 'Datastore provisioned',
      description:
        'Space promised to thin-provisioned disks as a share of capacity; above 100% the datastore is overcommitted and can fill up suddenly.',
      unit: 'percent',
      variants: [
        {
          note: 'vmware_exporter spells it "provisoned"',
          expr: (q) =>
            `100 * ${sel('vmware_datastore_provisoned_size', q)} / (${sel('vmware_datastore_capacity_size', q)} > 0)`,
        },
      ],
      legend: '{{ds_name}}',
      axisFitsData: 'thin disks may promise more than the capacity: past 100 % is overcommitted',
    },
    {
      id: 'datastoreAccessible',
      title: 'Datastore accessible',
      description: 'Whether each datastore is accessible (1 = yes); VMs on an inaccessible datastore hang.',
      unit: 'bool_yes_no',
      expr: (q) => sel('vmware_datastore_accessible', q),
      legend: '{{ds_name}}',
    },
  ],
  alerts: [
    {
      id: 'host-not-connected',
      name: 'VMwareHostNotConnected',
      severity: 'critical',
      for: '5m',
      // The exporter reports only the current connection state, as a series with value 1.
      query: (q) => `max_over_time(${sel('vmware_host_connection_state', q, 'state!="connected"')}[${q.range}])`,
      comparison: '>',
      threshold: 0,
      summary: 'ESXi host {{ $labels.host_name }} is {{ $labels.state }} in vCenter.',
      description:
        'vCenter reports ESXi host {{ $labels.host_name }} (cluster {{ $labels.cluster_name }}) as {{ $labels.state }}: it cannot be managed, and HA may restart its VMs elsewhere. Check the host’s management network and hostd/vpxa, or reconnect it in vCenter.',
      optional: 'healthy when every host is connected: only other states are alerted on',
    },
    {
      id: 'host-cpu-high',
      name: 'VMwareHostHighCPU',
      severity: 'warning',
      for: '15m',
      query: (q) =>
        `100 * avg_over_time(${sel('vmware_host_cpu_usage', q)}[${q.range}]) / (max_over_time(${sel('vmware_host_cpu_max', q)}[${q.range}]) > 0)`,
      threshold: 'hostCpu',
      summary: 'ESXi host {{ $labels.host_name }} CPU is high.',
      description:
        'ESXi host {{ $labels.host_name }} (cluster {{ $labels.cluster_name }}) has used more of its CPU capacity than the threshold for 15 minutes; VMs on it wait for CPU (watch CPU ready). Let DRS rebalance or move VMs to other hosts.',
    },
    {
      id: 'host-memory-high',
      name: 'VMwareHostHighMemory',
      severity: 'warning',
      for: '15m',
      query: (q) =>
        `100 * avg_over_time(${sel('vmware_host_memory_usage', q)}[${q.range}]) / (max_over_time(${sel('vmware_host_memory_max', q)}[${q.range}]) > 0)`,
      threshold: 'hostMemory',
      summary: 'ESXi host {{ $labels.host_name }} memory is high.',
      description:
        'ESXi host {{ $labels.host_name }} (cluster {{ $labels.cluster_name }}) uses more memory than the threshold: ESXi starts ballooning, compressing and swapping VM memory. Move VMs away or add memory to the cluster.',
    },
    {
      id: 'vm-memory-high',
      name: 'VMwareVMHighMemory',
      severity: 'warning',
      for: '15m',
      query: (q) => `avg_over_time(${sel('vmware_vm_mem_usage_average', q)}[${q.range}]) ${HUNDREDTHS_TO_PERCENT}`,
      threshold: 'vmMemory',
      summary: 'VM {{ $labels.vm_name }} uses most of its memory.',
      description:
        'VM {{ $labels.vm_name }} on {{ $labels.host_name }} actively uses more of its configured memory than the threshold. The guest will soon page; give it more memory or find the process that grows.',
    },
    {
      id: 'vm-memory-critical',
      name: 'VMwareVMMemoryCritical',
      severity: 'critical',
      for: '15m',
      query: (q) => `avg_over_time(${sel('vmware_vm_mem_usage_average', q)}[${q.range}]) ${HUNDREDTHS_TO_PERCENT}`,
      threshold: 'vmMemory',
      summary: 'VM {{ $labels.vm_name }} is out of memory.',
      description:
        'VM {{ $labels.vm_name }} on {{ $labels.host_name }} actively uses nearly all of its configured memory: the guest is paging or about to kill processes. Give it more memory now.',
    },
    {
      id: 'vm-cpu-ready',
      name: 'VMwareVMCPUReadyHigh',
      severity: 'warning',
      for: '15m',
      query: (q) =>
        `avg_over_time(${sel('vmware_vm_cpu_ready_summation', q)}[${q.range}]) ${READY_MS_TO_PERCENT} / (max_over_time(${sel('vmware_vm_num_cpu', q)}[${q.range}]) > 0)`,
      threshold: 'vmCpuReady',
      summary: 'VM {{ $labels.vm_name }} waits for CPU.',
      description:
        'The vCPUs of VM {{ $labels.vm_name }} on {{ $labels.host_name }} spend more time ready-but-waiting than the threshold: host {{ $labels.host_name }} is CPU-overcommitted or the VM has more vCPUs than it can be scheduled with. Move it, or reduce its vCPU count.',
    },
    {
      id: 'vm-disk-latency',
      name: 'VMwareVMDiskLatencyHigh',
      severity: 'warning',
      for: '15m',
      signal: 'vmDiskLatency',
      overWindow: 'avg',
      threshold: 'vmDiskLatency',
      summary: 'VM {{ $labels.vm_name }} sees slow disks.',
      description:
        // Not the VM's datastore: vmware_exporter before 0.17 has no ds_name label on VM series.
        'Disk latency of VM {{ $labels.vm_name }} on {{ $labels.host_name }} has stayed above the threshold: its storage is the bottleneck. Check the load of its datastores and the storage array, or move the VM to faster storage.',
    },
    {
      id: 'vm-swapping',
      name: 'VMwareVMSwapped',
      severity: 'warning',
      for: '15m',
      query: (q) => `min_over_time(${sel('vmware_vm_mem_swapped_average', q)}[${q.range}]) ${KIB}`,
      comparison: '>',
      // Any host-swapped memory is a fact worth knowing: ESXi swaps only under real pressure.
      threshold: 0,
      summary: 'ESXi swapped memory of VM {{ $labels.vm_name }} to disk.',
      description:
        'Host {{ $labels.host_name }} has swapped part of VM {{ $labels.vm_name }}’s memory to disk, which makes the guest very slow. The host is memory-overcommitted or the VM has a memory limit: remove the limit, add a reservation or move the VM.',
    },
    {
      id: 'vm-tools-not-running',
      name: 'VMwareVMToolsNotRunning',
      severity: 'warning',
      for: '15m',
      // vCenter reports toolsNotRunning for every powered-off VM that has Tools, so only a VM powered on through
      // the whole window counts (the `for` then also covers a guest still booting). toolsNotInstalled (appliances
      // shipped without Tools) is a choice, not a failure, and toolsOld still runs: neither is alerted on.
      query: (q) =>
        `max without (tools_status) (max_over_time(${sel('vmware_vm_guest_tools_running_status', q, 'tools_status="toolsNotRunning"')}[${q.range}]))`,
      filters: [(q) => `min_over_time(${sel('vmware_vm_power_state', q)}[${q.range}]) == 1`],
      comparison: '>',
      threshold: 0,
      summary: 'VMware Tools is not running in VM {{ $labels.vm_name }}.',
      description:
        'VM {{ $labels.vm_name }} on {{ $labels.host_name }} is powered on, but VMware Tools has not been running in it for 15 minutes: guest filesystem figures, clean shutdown and restart from vCenter, quiesced snapshots for backups and the heartbeat that HA VM monitoring watches all depend on it, and a hung guest looks the same. Check first the VM’s console in the vSphere Client: a hung or crashed guest is the urgent case. If the guest runs, start the Tools service (vmtoolsd from open-vm-tools on Linux, “VMware Tools” on Windows) and read its log for why it stopped.',
      optional: 'healthy when Tools runs in every powered-on VM: only VMs where it does not are alerted on',
    },
    {
      id: 'host-network-errors',
      name: 'VMwareHostNetworkErrors',
      severity: 'warning',
      for: '10m',
      // The bound of TrueNASNetworkErrors: 0.01 errors/s, about 6 in 10 minutes (Netdata's interface error alarms,
      // health.d/net.conf v2.11.0, count 5 in 10 minutes as a warning). Each sample holds the errors of one 20 s
      // real-time interval, all of the host's NICs together, so the window's average / 20 is errors per second.
      query: (q) =>
        `(avg_over_time(${sel('vmware_host_net_errorsRx_summation', q)}[10m]) + avg_over_time(${sel('vmware_host_net_errorsTx_summation', q)}[10m])) ${PER_SECOND}`,
      comparison: '>',
      threshold: 0.01,
      summary: 'ESXi host {{ $labels.host_name }} has network errors.',
      description:
        'ESXi host {{ $labels.host_name }} (cluster {{ $labels.cluster_name }}) has counted packets with receive or transmit errors for 10 minutes; vSphere sums them over all its NICs. Check first which uplink: `esxcli network nic stats get -n vmnicN` on the host, for each vmnic, shows whose receive (CRC, frame) or transmit errors grow; then that NIC’s cable or transceiver and the switch port’s error counters (errors on both ends mean the link itself). Errors on every NIC at once point at the NIC driver or firmware.',
    },
    {
      id: 'snapshots-many',
      name: 'VMwareVMTooManySnapshots',
      severity: 'warning',
      for: '1h',
      signal: 'vmSnapshots',
      summary: 'VM {{ $labels.vm_name }} has many snapshots.',
      description:
        'VM {{ $labels.vm_name }} keeps more snapshots than the threshold. Each snapshot adds a delta disk that slows I/O and grows the datastore; consolidate or delete the ones no longer needed.',
    },
    {
      id: 'snapshot-old',
      name: 'VMwareVMSnapshotOld',
      severity: 'warning',
      for: '1h',
      signal: 'vmSnapshotAge',
      summary: 'Snapshot {{ $labels.vm_snapshot_name }} of VM {{ $labels.vm_name }} is old.',
      description:
        'Snapshot {{ $labels.vm_snapshot_name }} of VM {{ $labels.vm_name }} is older than the threshold. Snapshots are not backups: their delta disk keeps growing and slows the VM. Delete or consolidate it.',
      optional: 'only while some VM has a snapshot',
    },
    {
      id: 'datastore-low',
      name: 'VMwareDatastoreLowSpace',
      severity: 'warning',
      for: '30m',
      signal: 'datastoreFree',
      summary: 'Datastore {{ $labels.ds_name }} is running out of space.',
      description:
        'Datastore {{ $labels.ds_name }} (datacenter {{ $labels.dc_name }}) has less free space than the warning threshold. Thin disks and snapshots keep growing on it; free space (old snapshots, orphaned disks) or move VMs to another datastore.',
    },
    {
      id: 'datastore-full',
      name: 'VMwareDatastoreFull',
      severity: 'critical',
      for: '10m',
      signal: 'datastoreFree',
      summary: 'Datastore {{ $labels.ds_name }} is almost full.',
      description:
        'Datastore {{ $labels.ds_name }} (datacenter {{ $labels.dc_name }}) has less free space than the critical threshold: when it fills, every thin-provisioned VM on it stops. Free space now.',
    },
    {
      id: 'datastore-inaccessible',
      name: 'VMwareDatastoreInaccessible',
      severity: 'critical',
      for: '5m',
      signal: 'datastoreAccessible',
      overWindow: 'max',
      comparison: '<',
      threshold: 1,
      summary: 'Datastore {{ $labels.ds_name }} is inaccessible.',
      description:
        'Datastore {{ $labels.ds_name }} (datacenter {{ $labels.dc_name }}) is not accessible: VMs on it hang or crash. Check the storage array, the SAN/NFS paths and the hosts’ storage adapters.',
    },
  ],
  overview: ['hostCpuUtilisation', 'hostMemoryUtilisation', 'datastoreFree', 'vmMemoryUsage'],
  dashboard: [
    {
      title: 'Overview',
      panels: [
        { signals: ['vmsPoweredOn'], kind: 'stat', width: 4 },
        { signals: ['hostConnection'], kind: 'stat', width: 4 },
        { signals: ['hostCpuUtilisation'], kind: 'bargauge', width: 4 },
        { signals: ['hostMemoryUtilisation'], kind: 'bargauge', width: 4 },
        { signals: ['datastoreFree'], kind: 'bargauge', width: 4 },
        { signals: ['vmSnapshots'], kind: 'stat', width: 4 },
      ],
    },
    {
      title: 'Hosts',
      panels: [
        { signals: ['hostCpuUtilisation'], width: 8 },
        { signals: ['hostMemoryUtilisation'], width: 8 },
        { signals: ['hostUptime'], kind: 'table', width: 4 },
        { signals: ['hostMaintenance'], kind: 'table', width: 4 },
      ],
    },
    {
      title: 'VM CPU and memory',
      panels: [
        { signals: ['vmCpuUsage'], width: 8 },
        { signals: ['vmCpuReady'], width: 8 },
        { signals: ['vmMemoryUsage'], width: 8 },
        { signals: ['vmMemoryBallooned'], width: 12 },
        { signals: ['vmMemorySwapped'], width: 12 },
      ],
    },
    {
      title: 'CPU contention',
      panels: [
        {
          signals: ['hostCpuReady', 'hostCpuCostop', 'hostCpuSwapWait'],
          title: 'Host CPU contention',
          description:
            'vCPUs on each host waiting, on average over the 20 s sample: ready (for a physical CPU), co-stop (for their VM’s other vCPUs) and swap wait (for memory swapped to disk).',
          width: 12,
        },
        { signals: ['vmCpuCostop'], width: 12 },
      ],
    },
    {
      title: 'Host memory',
      panels: [
        { signals: ['hostMemoryBallooned'], width: 8 },
        {
          signals: ['hostMemorySwapIn', 'hostMemorySwapOut'],
          title: 'Host swap rate',
          description: 'Bytes per second each host swaps VM memory out to disk and reads it back in.',
          width: 8,
        },
        { signals: ['hostMemoryLatency'], width: 8 },
      ],
    },
    {
      title: 'VM disks and network',
      panels: [
        { signals: ['vmDiskLatency'], width: 8 },
        {
          signals: ['vmNetworkReceive', 'vmNetworkTransmit'],
          title: 'VM network traffic',
          description: 'Bytes per second received and sent by each VM.',
          width: 8,
        },
        { signals: ['vmGuestDiskFree'], kind: 'bargauge', width: 8 },
        {
          signals: ['vmDiskRead', 'vmDiskWrite'],
          title: 'VM disk throughput',
          description: 'Bytes per second each VM read from and wrote to its virtual disks.',
          width: 12,
        },
        {
          signals: ['vmNetworkDroppedReceive', 'vmNetworkDroppedTransmit'],
          title: 'VM packets dropped',
          description:
            'Packets dropped per second for each VM, received and sent; receive drops usually mean a guest that does not empty its ring buffer fast enough under bursts.',
          width: 12,
        },
      ],
    },
    {
      title: 'Host network and disks',
      panels: [
        {
          signals: ['hostNetworkReceive', 'hostNetworkTransmit'],
          title: 'Host network traffic',
          description: 'Bytes per second each host received and sent.',
          width: 6,
        },
        {
          signals: ['hostNetworkErrorsReceive', 'hostNetworkErrorsTransmit'],
          title: 'Host network errors',
          description:
            'Packets per second received with errors or failed to send on each host, all its NICs together; sustained errors point at a cable, a transceiver or a failing NIC.',
          width: 6,
        },
        {
          signals: ['hostNetworkDroppedReceive', 'hostNetworkDroppedTransmit'],
          title: 'Host packets dropped',
          description: 'Packets dropped per second on each host, received and sent.',
          width: 6,
        },
        {
          signals: ['hostDiskRead', 'hostDiskWrite'],
          title: 'Host disk throughput',
          description: 'Bytes per second each host read from and wrote to its storage.',
          width: 6,
        },
      ],
    },
    {
      title: 'VM state and snapshots',
      panels: [
        { signals: ['vmPowerState'], kind: 'table', width: 6 },
        { signals: ['vmToolsStatus'], kind: 'table', width: 6 },
        { signals: ['vmSnapshots'], width: 6 },
        { signals: ['vmSnapshotAge'], kind: 'table', width: 6 },
      ],
    },
    {
      title: 'Datastores',
      panels: [
        { signals: ['datastoreFree'], width: 8 },
        { signals: ['datastoreProvisioned'], width: 8 },
        { signals: ['datastoreAccessible'], kind: 'table', width: 8 },
      ],
    },
  ],
});
