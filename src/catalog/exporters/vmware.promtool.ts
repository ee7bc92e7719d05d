/**
 * promtool cases for the vmware alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 * Every series comes from a family fixture (tests/fixtures/exporters/vmware-*.prom). The VM alerts are proven on
 * both families, since VM series gained ds_name in 0.17; host and datastore series are the same in every version.
 */
import { familyFixture, type Labels } from '../../../tests/support/fixture-families';
import type { FireAndQuiet, PromtoolCases } from '../promtool-cases';

const OLD = 'vmware_exporter 0.11 – 0.16';
const NEW = 'vmware_exporter 0.17 – 0.18';
const TARGET = { job: 'vmware', instance: 'vmware-exporter:9272' };
const current = familyFixture('vmware', NEW).at(TARGET).series;
const old = familyFixture('vmware', OLD).at(TARGET).series;

const HOST_OF = (host: string): Labels => ({ host_name: host, dc_name: 'DC1', cluster_name: 'Prod' });
const HOST = HOST_OF('esx02.example.com');
const DS = { ds_name: 'ds-nl01', dc_name: 'DC1', ds_cluster: 'dsc-prod' };
const VM_OLD = { vm_name: 'db01', ...HOST };
const VM = { ...VM_OLD, ds_name: 'ds-nl01' };

type Series = FireAndQuiet['fires']['series'];
/** Series of one VM in a family: the metrics and values of a case, labelled as that family labels a VM. */
type VmSeries = (values: Record<string, string>, extra?: Labels) => Series;

const vmSeries =
  (series: typeof current, vm: Labels): VmSeries =>
  (values, extra = {}) =>
    Object.entries(values).map(([metric, v]) => ({ series: series(metric, { ...vm, ...extra }), values: v }));

const FAMILIES: Array<{ family: string; vm: Labels; series: VmSeries }> = [
  { family: NEW, vm: VM, series: vmSeries(current, VM) },
  { family: OLD, vm: VM_OLD, series: vmSeries(old, VM_OLD) },
];

/** A VM alert proven on each family: `fires` and `quiet` are the metric values, evaluated at `evalTime`. */
function vmCase(
  fires: Record<string, string>,
  quiet: Record<string, string>,
  evalTime: string,
  extra: Labels = {},
  quietEvalTime = evalTime
): PromtoolCases[string] {
  const [first, ...others] = FAMILIES.map(({ family, vm, series }) => ({
    family,
    fires: { series: series(fires, extra), evalTime, labels: { ...TARGET, ...vm, ...extra } },
    quiet: { series: series(quiet, extra), evalTime: quietEvalTime },
  }));
  return { ...first, otherFamilies: others };
}

const hostPair = (metric: string, maxMetric: string, max: string, used: string, quiet: string): FireAndQuiet => ({
  fires: {
    series: [
      { series: current(metric, HOST), values: `${used}x30` },
      { series: current(maxMetric, HOST), values: `${max}x30` },
    ],
    evalTime: '25m',
    labels: { ...TARGET, ...HOST },
  },
  quiet: {
    series: [
      { series: current(metric, HOST), values: `${quiet}x30` },
      { series: current(maxMetric, HOST), values: `${max}x30` },
    ],
    evalTime: '25m',
  },
});

const datastoreFree = (free: string, quiet: string, samples: number, evalTime: string): FireAndQuiet => ({
  fires: {
    series: [
      { series: current('vmware_datastore_freespace_size', DS), values: `${free}x${samples}` },
      { series: current('vmware_datastore_capacity_size', DS), values: `1000x${samples}` },
    ],
    evalTime,
    labels: { ...TARGET, ...DS },
  },
  quiet: {
    series: [
      { series: current('vmware_datastore_freespace_size', DS), values: `${quiet}x${samples}` },
      { series: current('vmware_datastore_capacity_size', DS), values: `1000x${samples}` },
    ],
    evalTime,
  },
});

const NOT_RESPONDING = { ...HOST_OF('esx03.example.com'), state: 'notResponding' };

/**
 * VMware Tools not running in one VM of each family, powered on (fires) or off (quiet: vCenter reports
 * toolsNotRunning for every powered-off VM that has Tools, the case the alert must not page for).
 */
function toolsCase(): PromtoolCases[string] {
  const [first, ...others] = FAMILIES.map(({ family, vm, series }) => {
    const tools = series({ vmware_vm_guest_tools_running_status: '1x30' }, { tools_status: 'toolsNotRunning' });
    return {
      family,
      fires: {
        series: [...tools, ...series({ vmware_vm_power_state: '1x30' })],
        evalTime: '25m',
        labels: { ...TARGET, ...vm },
      },
      quiet: { series: [...tools, ...series({ vmware_vm_power_state: '0x30' })], evalTime: '25m' },
    };
  });
  return { ...first, otherFamilies: others };
}

/**
 * Network errors of one host in each family (host series are alike in both, but each family is proven): a steady
 * error in every 20 s sample (0.05/s) fires; one error in every tenth sample, which the rule reads as 0.005/s
 * (3 in 10 minutes, under the bound of 0.01/s), stays quiet.
 */
function hostErrorsCase(): PromtoolCases[string] {
  const trickle = Array.from({ length: 3 }, () => '0x8 1').join(' ');
  const [first, ...others] = [
    { family: NEW, series: current },
    { family: OLD, series: old },
  ].map(({ family, series }) => {
    const errors = (rx: string) => [
      { series: series('vmware_host_net_errorsRx_summation', HOST), values: rx },
      { series: series('vmware_host_net_errorsTx_summation', HOST), values: '0x30' },
    ];
    return {
      family,
      fires: { series: errors('1x30'), evalTime: '25m', labels: { ...TARGET, ...HOST } },
      quiet: { series: errors(trickle), evalTime: '25m' },
    };
  });
  return { ...first, otherFamilies: others };
}

export const vmwarePromtoolCases: PromtoolCases = {
  'host-not-connected': {
    family: NEW,
    fires: {
      series: [{ series: current('vmware_host_connection_state', NOT_RESPONDING), values: '1x20' }],
      evalTime: '15m',
      labels: { ...TARGET, ...NOT_RESPONDING },
    },
    quiet: {
      series: [
        {
          series: current('vmware_host_connection_state', { ...HOST_OF('esx01.example.com'), state: 'connected' }),
          values: '1x20',
        },
      ],
      evalTime: '15m',
    },
  },
  'host-cpu-high': {
    family: NEW,
    ...hostPair('vmware_host_cpu_usage', 'vmware_host_cpu_max', '83200', '75000', '40000'),
  },
  'host-memory-high': {
    family: NEW,
    ...hostPair('vmware_host_memory_usage', 'vmware_host_memory_max', '524187.5', '500000', '300000'),
  },
  'vm-memory-high': vmCase(
    { vmware_vm_mem_usage_average: '9200x30' },
    { vmware_vm_mem_usage_average: '6000x30' },
    '25m'
  ),
  'vm-memory-critical': vmCase(
    { vmware_vm_mem_usage_average: '9800x30' },
    { vmware_vm_mem_usage_average: '9200x30' },
    '25m'
  ),
  'vm-cpu-ready': vmCase(
    { vmware_vm_cpu_ready_summation: '8000x30', vmware_vm_num_cpu: '4x30' },
    { vmware_vm_cpu_ready_summation: '400x30', vmware_vm_num_cpu: '4x30' },
    '25m'
  ),
  'vm-disk-latency': vmCase(
    { vmware_vm_disk_maxTotalLatency_latest: '35x30' },
    { vmware_vm_disk_maxTotalLatency_latest: '3x30' },
    '25m'
  ),
  'vm-swapping': vmCase(
    { vmware_vm_mem_swapped_average: '1048576x30' },
    { vmware_vm_mem_swapped_average: '0x30' },
    '25m'
  ),
  'vm-tools-not-running': toolsCase(),
  'host-network-errors': hostErrorsCase(),
  'snapshots-many': vmCase({ vmware_vm_snapshots: '5x80' }, { vmware_vm_snapshots: '2x80' }, '70m'),
  // promtool starts at the epoch: a snapshot taken at 0 is 8 days old at 8d and 3 hours old at 3h.
  'snapshot-old': vmCase(
    { vmware_vm_snapshot_timestamp_seconds: '0x12000' },
    { vmware_vm_snapshot_timestamp_seconds: '0x200' },
    '8d',
    { vm_snapshot_name: 'before-upgrade' },
    '3h'
  ),
  'datastore-low': { family: NEW, ...datastoreFree('80', '300', 40, '35m') },
  'datastore-full': { family: NEW, ...datastoreFree('30', '80', 20, '15m') },
  'datastore-inaccessible': {
    family: NEW,
    fires: {
      series: [{ series: current('vmware_datastore_accessible', DS), values: '0x20' }],
      evalTime: '15m',
      labels: { ...TARGET, ...DS },
    },
    quiet: {
      series: [{ series: current('vmware_datastore_accessible', DS), values: '1x20' }],
      evalTime: '15m',
    },
  },
};
