/**
 * promtool cases for the vmware alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';
import { HOST, HOST_LABELS } from './vmware';

const DS_LABELS = {
  job: 'vmware',
  instance: 'vcenter:9272',
  ds_name: 'ds-nl01',
  dc_name: 'DC1',
  ds_cluster: 'dsc-prod',
};

const DS = 'job="vmware",instance="vcenter:9272",ds_name="ds-nl01",dc_name="DC1",ds_cluster="dsc-prod"';

const VM_LABELS = { ...HOST_LABELS, vm_name: 'db01', ds_name: 'ds-nl01' };

const VM = `${HOST},vm_name="db01",ds_name="ds-nl01"`;

export const vmwarePromtoolCases: PromtoolCases = {
  'host-not-connected': {
    fires: {
      series: [{ series: `vmware_host_connection_state{${HOST},state="notResponding"}`, values: '1x20' }],
      evalTime: '15m',
      labels: { ...HOST_LABELS, state: 'notResponding' },
    },
    quiet: {
      series: [{ series: `vmware_host_connection_state{${HOST},state="connected"}`, values: '1x20' }],
      evalTime: '15m',
    },
  },
  'host-cpu-high': {
    fires: {
      series: [
        { series: `vmware_host_cpu_usage{${HOST}}`, values: '75000x30' },
        { series: `vmware_host_cpu_max{${HOST}}`, values: '83200x30' },
      ],
      evalTime: '25m',
      labels: HOST_LABELS,
    },
    quiet: {
      series: [
        { series: `vmware_host_cpu_usage{${HOST}}`, values: '40000x30' },
        { series: `vmware_host_cpu_max{${HOST}}`, values: '83200x30' },
      ],
      evalTime: '25m',
    },
  },
  'host-memory-high': {
    fires: {
      series: [
        { series: `vmware_host_memory_usage{${HOST}}`, values: '500000x30' },
        { series: `vmware_host_memory_max{${HOST}}`, values: '524187.5x30' },
      ],
      evalTime: '25m',
      labels: HOST_LABELS,
    },
    quiet: {
      series: [
        { series: `vmware_host_memory_usage{${HOST}}`, values: '300000x30' },
        { series: `vmware_host_memory_max{${HOST}}`, values: '524187.5x30' },
      ],
      evalTime: '25m',
    },
  },
  'vm-memory-high': {
    fires: {
      series: [{ series: `vmware_vm_mem_usage_average{${VM}}`, values: '9200x30' }],
      evalTime: '25m',
      labels: VM_LABELS,
    },
    quiet: {
      series: [{ series: `vmware_vm_mem_usage_average{${VM}}`, values: '6000x30' }],
      evalTime: '25m',
    },
  },
  'vm-memory-critical': {
    fires: {
      series: [{ series: `vmware_vm_mem_usage_average{${VM}}`, values: '9800x30' }],
      evalTime: '25m',
      labels: VM_LABELS,
    },
    quiet: {
      series: [{ series: `vmware_vm_mem_usage_average{${VM}}`, values: '9200x30' }],
      evalTime: '25m',
    },
  },
  'vm-cpu-ready': {
    fires: {
      series: [
        { series: `vmware_vm_cpu_ready_summation{${VM}}`, values: '8000x30' },
        { series: `vmware_vm_num_cpu{${VM}}`, values: '4x30' },
      ],
      evalTime: '25m',
      labels: VM_LABELS,
    },
    quiet: {
      series: [
        { series: `vmware_vm_cpu_ready_summation{${VM}}`, values: '400x30' },
        { series: `vmware_vm_num_cpu{${VM}}`, values: '4x30' },
      ],
      evalTime: '25m',
    },
  },
  'vm-disk-latency': {
    fires: {
      series: [{ series: `vmware_vm_disk_maxTotalLatency_latest{${VM}}`, values: '35x30' }],
      evalTime: '25m',
      labels: VM_LABELS,
    },
    quiet: {
      series: [{ series: `vmware_vm_disk_maxTotalLatency_latest{${VM}}`, values: '3x30' }],
      evalTime: '25m',
    },
  },
  'vm-swapping': {
    fires: {
      series: [{ series: `vmware_vm_mem_swapped_average{${VM}}`, values: '1048576x30' }],
      evalTime: '25m',
      labels: VM_LABELS,
    },
    quiet: {
      series: [{ series: `vmware_vm_mem_swapped_average{${VM}}`, values: '0x30' }],
      evalTime: '25m',
    },
  },
  'snapshots-many': {
    fires: {
      series: [{ series: `vmware_vm_snapshots{${VM}}`, values: '5x80' }],
      evalTime: '70m',
      labels: VM_LABELS,
    },
    quiet: {
      series: [{ series: `vmware_vm_snapshots{${VM}}`, values: '2x80' }],
      evalTime: '70m',
    },
  },
  'snapshot-old': {
    fires: {
      // promtool starts at the epoch: a timestamp of 0 is 8 days old at eval time.
      series: [
        {
          series: `vmware_vm_snapshot_timestamp_seconds{${VM},vm_snapshot_name="before-upgrade"}`,
          values: '0x12000',
        },
      ],
      evalTime: '8d',
      labels: { ...VM_LABELS, vm_snapshot_name: 'before-upgrade' },
    },
    quiet: {
      series: [
        {
          series: `vmware_vm_snapshot_timestamp_seconds{${VM},vm_snapshot_name="before-upgrade"}`,
          values: '0x200',
        },
      ],
      evalTime: '3h',
    },
  },
  'datastore-low': {
    fires: {
      series: [
        { series: `vmware_datastore_freespace_size{${DS}}`, values: '80x40' },
        { series: `vmware_datastore_capacity_size{${DS}}`, values: '1000x40' },
      ],
      evalTime: '35m',
      labels: DS_LABELS,
    },
    quiet: {
      series: [
        { series: `vmware_datastore_freespace_size{${DS}}`, values: '300x40' },
        { series: `vmware_datastore_capacity_size{${DS}}`, values: '1000x40' },
      ],
      evalTime: '35m',
    },
  },
  'datastore-full': {
    fires: {
      series: [
        { series: `vmware_datastore_freespace_size{${DS}}`, values: '30x20' },
        { series: `vmware_datastore_capacity_size{${DS}}`, values: '1000x20' },
      ],
      evalTime: '15m',
      labels: DS_LABELS,
    },
    quiet: {
      series: [
        { series: `vmware_datastore_freespace_size{${DS}}`, values: '80x20' },
        { series: `vmware_datastore_capacity_size{${DS}}`, values: '1000x20' },
      ],
      evalTime: '15m',
    },
  },
  'datastore-inaccessible': {
    fires: {
      series: [{ series: `vmware_datastore_accessible{${DS}}`, values: '0x20' }],
      evalTime: '15m',
      labels: DS_LABELS,
    },
    quiet: {
      series: [{ series: `vmware_datastore_accessible{${DS}}`, values: '1x20' }],
      evalTime: '15m',
    },
  },
};
