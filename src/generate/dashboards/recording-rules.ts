/**
 * Recording rules for the fleet panels (node-mixin's `instance:*:rate5m` idea): the signals the
 * layer dashboards rank across every host are precomputed once per evaluation instead of at every
 * dashboard load.
 *
 * Each rule records a catalog signal's own query, fleet-wide (no selector), with a fixed 5m window
 * and the dashboards' aggregation labels (`cluster, job, instance`), so the recorded series carry
 * exactly the label set of the raw query's result. Panels then query `(recorded) or (raw)`: `or`
 * matches on all labels but the name, so where the rule runs the recorded series win and the raw
 * copy of the same target is dropped; without the rule (the plugin is used without our rule file)
 * the raw expression answers alone.
 *
 * Names follow `level:metric:operations` with an `fsm_` metric prefix and the unit in the name:
 * node-mixin's `instance:node_cpu_utilisation:rate5m` is a 0–1 ratio that keeps every target label,
 * ours is a percentage over `cluster, job, instance`; sharing its name would make both rule files
 * write one series name with different meanings (and duplicate-sample errors where labels collide).
 */
import { Document } from 'yaml';

import { getExporter, findSignal } from '../../catalog';
import { REPLICA_LABELS, signalQuery } from '../../catalog/promql';
import type { QueryContext, Signal } from '../../catalog/types';

export const RECORDING_GROUP = 'fsm-recording';
export const RECORDING_RULES_FILE = 'fsm-recording.rules.yml';
export const RECORDING_TESTS_FILE = 'fsm-recording.test.yml';

export interface RecordingRuleTest {
  /** promtool expanding notation, 1m apart. */
  series: Array<{ series: string; values: string }>;
  evalTime: string;
  /** Every sample the recorded series must have at evalTime: labels (without the name) and value. */
  expected: Array<{ labels: Record<string, string>; value: number }>;
}

export interface RecordingRuleDefinition {
  record: string;
  exporter: string;
  signal: string;
  test: RecordingRuleTest;
}

/**
 * The aggregation labels the dashboards use (dashboardContext with the default cluster label) and the
 * replica labels: evaluated on a store holding both servers of an HA pair, each replica is recorded on
 * its own (not summed together), and the dashboards fold them.
 */
const RECORDING_BY = `cluster, job, instance, ${REPLICA_LABELS.join(', ')}`;

/** The context recorded series are computed in: fleet-wide, 5m windows, dashboard labels. */
export const RECORDING_CONTEXT: QueryContext = { selector: '', fleetSelector: '', range: '5m', by: RECORDING_BY };

const h1 = { job: 'node', instance: 'h1:9100' };
const h2 = { cluster: 'dc1', job: 'node', instance: 'h2:9100' };
const labelText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
const s = (metric: string, labels: Record<string, string>, values: string) => ({
  series: `${metric}{${labelText(labels)}}`,
  values,
});
const fs = { device: '/dev/sda1', fstype: 'ext4', mountpoint: '/' };
const tmpfs = { device: 'tmpfs', fstype: 'tmpfs', mountpoint: '/run' };
const win = { job: 'windows', instance: 'w1:9182' };

export const RECORDING_RULES: readonly RecordingRuleDefinition[] = [
  {
    record: 'instance:fsm_node_cpu_utilisation_percent:rate5m',
    exporter: 'node',
    signal: 'cpuUtilisation',
    test: {
      // h1: core 0 idle 75%, core 1 idle 25% → 50% busy; user time is not idle and must not count.
      // h2 (with a cluster label, which must survive): idle 50% → 50% busy.
      series: [
        s('node_cpu_seconds_total', { ...h1, cpu: '0', mode: 'idle' }, '0+45x20'),
        s('node_cpu_seconds_total', { ...h1, cpu: '1', mode: 'idle' }, '0+15x20'),
        s('node_cpu_seconds_total', { ...h1, cpu: '0', mode: 'user' }, '0+15x20'),
        s('node_cpu_seconds_total', { ...h2, cpu: '0', mode: 'idle' }, '0+30x20'),
      ],
      evalTime: '10m',
      expected: [
        { labels: h1, value: 50 },
        { labels: h2, value: 50 },
      ],
    },
  },
  {
    record: 'instance:fsm_node_memory_utilisation_percent:ratio',
    exporter: 'node',
    signal: 'memoryUtilisation',
    test: {
      // Each host is recorded on its own (the pre-0.16 names are gone: node_exporter ≥ 1.3 is supported).
      series: [
        s('node_memory_MemAvailable_bytes', h1, '250x10'),
        s('node_memory_MemTotal_bytes', h1, '1000x10'),
        s('node_memory_MemAvailable_bytes', h2, '500x10'),
        s('node_memory_MemTotal_bytes', h2, '1000x10'),
      ],
      evalTime: '5m',
      expected: [
        { labels: h1, value: 75 },
        { labels: h2, value: 50 },
      ],
    },
  },
  {
    record: 'instance:fsm_node_load1_per_cpu:ratio',
    exporter: 'node',
    signal: 'loadPerCore',
    test: {
      series: [
        s('node_load1', h1, '3x10'),
        s('node_cpu_seconds_total', { ...h1, cpu: '0', mode: 'idle' }, '0+30x10'),
        s('node_cpu_seconds_total', { ...h1, cpu: '1', mode: 'idle' }, '0+30x10'),
        s('node_cpu_seconds_total', { ...h1, cpu: '1', mode: 'user' }, '0+30x10'),
      ],
      evalTime: '5m',
      expected: [{ labels: h1, value: 1.5 }],
    },
  },
  {
    record: 'instance_mountpoint:fsm_node_filesystem_free_percent:ratio',
    exporter: 'node',
    signal: 'filesystemFree',
    test: {
      // tmpfs is not a real filesystem: no recorded series for it.
      series: [
        s('node_filesystem_avail_bytes', { ...h1, ...fs }, '300x10'),
        s('node_filesystem_size_bytes', { ...h1, ...fs }, '1000x10'),
        s('node_filesystem_avail_bytes', { ...h1, ...tmpfs }, '10x10'),
        s('node_filesystem_size_bytes', { ...h1, ...tmpfs }, '1000x10'),
      ],
      evalTime: '5m',
      expected: [{ labels: { ...h1, ...fs }, value: 30 }],
    },
  },
  {
    record: 'instance:fsm_windows_cpu_utilisation_percent:rate5m',
    exporter: 'windows',
    signal: 'cpuUtilisation',
    test: {
      series: [
        s('windows_cpu_time_total', { ...win, core: '0,0', mode: 'idle' }, '0+45x20'),
        s('windows_cpu_time_total', { ...win, core: '0,1', mode: 'idle' }, '0+15x20'),
        s('windows_cpu_time_total', { ...win, core: '0,0', mode: 'user' }, '0+15x20'),
      ],
      evalTime: '10m',
      // idle 75% and 25% → 50% idle → 50% busy (values chosen to be exact in binary floating point)
      expected: [{ labels: win, value: 50 }],
    },
  },
  {
    record: 'instance:fsm_windows_memory_utilisation_percent:ratio',
    exporter: 'windows',
    signal: 'memoryUtilisation',
    test: {
      series: [
        s('windows_memory_available_bytes', win, '400x10'),
        s('windows_memory_physical_total_bytes', win, '1000x10'),
      ],
      evalTime: '5m',
      expected: [{ labels: win, value: 60 }],
    },
  },
];

export function recordingRuleFor(exporterId: string, signalId: string): RecordingRuleDefinition | undefined {
  return RECORDING_RULES.find((r) => r.exporter === exporterId && r.signal === signalId);
}

function signalOf(rule: RecordingRuleDefinition): Signal {
  return findSignal(getExporter(rule.exporter), rule.signal);
}

/** The recorded expression: the signal's own query, fleet-wide, 5m window. */
export function recordingExpr(rule: RecordingRuleDefinition): string {
  return signalQuery(signalOf(rule), RECORDING_CONTEXT);
}

/**
 * A panel query that reads the recorded series where the rule runs and computes the raw signal for
 * every target it does not cover. Both sides are evaluated by Prometheus (PromQL does not
 * short-circuit `or`); the recorded side costs one sample per target and step.
 */
export function recordedOrRaw(rule: RecordingRuleDefinition, selector: string, raw: string): string {
  const recorded = selector === '' ? rule.record : `${rule.record}{${selector}}`;
  return `(${recorded}) or (${raw})`;
}

const HEADER = ' Generated by npm run generate from src/dashboards/recording-rules.ts — do not edit';

export function renderRecordingRuleFile(): string {
  return toYaml({
    groups: [
      {
        name: RECORDING_GROUP,
        rules: RECORDING_RULES.map((rule) => ({
          record: rule.record,
          expr: recordingExpr(rule),
        })),
      },
    ],
  });
}

/** `promtool test rules` cases: each recorded series has exactly the expected samples. */
export function renderRecordingRuleTests(ruleFileRelativePath: string): string {
  return toYaml({
    rule_files: [ruleFileRelativePath],
    evaluation_interval: '1m',
    tests: RECORDING_RULES.map((rule) => ({
      name: `${rule.record} records ${rule.exporter}.${rule.signal}`,
      interval: '1m',
      input_series: rule.test.series,
      promql_expr_test: [
        {
          expr: rule.record,
          eval_time: rule.test.evalTime,
          exp_samples: rule.test.expected.map((sample) => ({
            labels: `${rule.record}{${labelText(sample.labels)}}`,
            value: sample.value,
          })),
        },
      ],
    })),
  });
}

function toYaml(value: unknown): string {
  const doc = new Document(value);
  doc.commentBefore = HEADER;
  return doc.toString({ lineWidth: 0 });
}
