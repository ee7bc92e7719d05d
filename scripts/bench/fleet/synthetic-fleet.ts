/**
 * A synthetic node_exporter fleet for the query-cost bench: one real node_exporter 1.5 scrape
 * (the snapshot) replicated per host with real metric names and label sets, moving values and
 * increasing counters, written as OpenMetrics for `promtool tsdb create-blocks-from openmetrics`.
 *
 * promtool 2.42 re-reads the whole input once per 2 h block it writes, so the fleet is written as
 * one file per 2 h window (aligned to block boundaries): two passes per file instead of thirteen
 * over one big file.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';

export interface SnapshotSeries {
  name: string;
  /** Label pairs as written in the snapshot, without braces (already escaped). */
  labels: string;
  value: number;
  counter: boolean;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/;

export function parseSnapshot(path: string): SnapshotSeries[] {
  const types = new Map<string, string>();
  const series: SnapshotSeries[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const type = /^# TYPE (\S+) (\S+)/.exec(line);
    if (type) {
      types.set(type[1], type[2]);
      continue;
    }
    if (line.startsWith('#') || line.trim() === '') {
      continue;
    }
    const match = LINE.exec(line);
    if (!match) {
      throw new Error(`cannot parse snapshot line: ${line}`);
    }
    const [, name, labels = '', value] = match;
    series.push({ name, labels, value: Number(value), counter: types.get(name) === 'counter' });
  }
  return series;
}

export const BLOCK_SECONDS = 2 * 3600;

export function hostInstance(host: number): string {
  return `host-${String(host).padStart(4, '0')}:9100`;
}

/** A stable pseudo-random number in [0, 1) per host and key, so every run builds the same fleet. */
function unit(host: number, key: string): number {
  let h = 2166136261 ^ host;
  for (let i = 0; i < key.length; i++) {
    h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  }
  return ((h >>> 0) % 100000) / 100000;
}

type ValueAt = (t: number) => number;

/**
 * Counter with a rate that swings ±50% around `rate` over `period`: the integral of
 * rate·(1 + ½·sin(2πt/P + φ)), so it never decreases.
 */
function counter(base: number, rate: number, start: number, period: number, phase: number): ValueAt {
  const w = (2 * Math.PI) / period;
  return (t) => {
    const x = t - start;
    return base + rate * (x + (0.5 / w) * (Math.cos(phase) - Math.cos(w * x + phase)));
  };
}

function wave(mean: number, amplitude: number, period: number, phase: number): ValueAt {
  const w = (2 * Math.PI) / period;
  return (t) => mean * (1 + amplitude * Math.sin(w * t + phase));
}

const label = (labels: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(labels)?.[1];

/** The value model of one snapshot series on one host. */
function model(s: SnapshotSeries, host: number, start: number, memTotal: number, cores: number): ValueAt {
  const busy = 0.05 + 0.9 * unit(host, 'busy'); // this host's average CPU utilisation
  const phase = 2 * Math.PI * unit(host, s.name + s.labels);
  const period = 3600 * (2 + 4 * unit(host, 'period'));
  if (s.name === 'node_cpu_seconds_total') {
    const mode = label(s.labels, 'mode');
    const share: Record<string, number> = { idle: 1 - busy, user: busy * 0.6, system: busy * 0.3, iowait: busy * 0.06 };
    const rate = share[mode ?? ''] ?? busy * 0.01;
    return counter(s.value * (1 + unit(host, 'age')), rate, start, period, phase);
  }
  if (s.name === 'node_memory_MemAvailable_bytes') {
    return wave(memTotal * (0.1 + 0.8 * unit(host, 'mem')), 0.1, period, phase);
  }
  if (s.name === 'node_memory_MemTotal_bytes') {
    return () => memTotal;
  }
  if (/^node_load(1|5|15)$/.test(s.name)) {
    return wave(cores * (0.1 + 1.5 * unit(host, 'load')), 0.3, period, phase);
  }
  if (s.name === 'node_filesystem_avail_bytes' || s.name === 'node_filesystem_free_bytes') {
    return wave(s.value * (0.2 + 0.8 * unit(host, 'fs' + s.labels)), 0.02, period, phase);
  }
  if (s.name === 'node_time_seconds') {
    return (t) => t;
  }
  if (/_time_seconds$|_timestamp_seconds$/.test(s.name) && s.value > 1e9) {
    // A point in time (last push, last sample sent): a little behind the clock, as it would be.
    return (t) => t - 60 * unit(host, s.name + s.labels);
  }
  if (s.counter) {
    // Counters grow at a rate implied by the snapshot (its value over an assumed 10-day uptime).
    const rate = s.value > 0 ? (s.value / 864000) * (0.5 + unit(host, s.name)) : 0;
    return counter(s.value, rate, start, period, phase);
  }
  if (s.name.endsWith('_info') || s.value === 0 || s.value === 1 || /boot_time|_max|_limit|_size/.test(s.name)) {
    return () => s.value;
  }
  return wave(s.value, 0.05, period, phase);
}

function format(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

export interface Fleet {
  series: Array<{ prefix: string; valueAt: ValueAt }>;
}

/**
 * Every series of every host with its value model; `up` and the snapshot's series per host.
 * `target` gives a host's target labels (node_exporter's job and instance by default). A series
 * with its own `job` (what a Pushgateway relays, scraped with honor_labels) keeps its job and
 * instance and takes the target's other labels.
 */
export function buildFleet(
  snapshot: SnapshotSeries[],
  hosts: number,
  start: number,
  target: (host: number) => string = (host) => `job="node",instance="${hostInstance(host)}"`
): Fleet {
  const memTotal = snapshot.find((s) => s.name === 'node_memory_MemTotal_bytes')?.value ?? 4e9;
  const cores = new Set(snapshot.filter((s) => s.name === 'node_cpu_seconds_total').map((s) => label(s.labels, 'cpu')))
    .size;
  const series: Fleet['series'] = [];
  for (let host = 1; host <= hosts; host++) {
    const labelsOfTarget = target(host);
    const honoured = labelsOfTarget.replace(/(^|,)(job|instance)="[^"]*"/g, '').replace(/^,/, '');
    series.push({ prefix: `up{${labelsOfTarget}} `, valueAt: () => 1 });
    for (const s of snapshot) {
      const labels =
        s.labels === ''
          ? labelsOfTarget
          : /(^|,)job="/.test(s.labels)
            ? [honoured, s.labels].filter(Boolean).join(',')
            : `${labelsOfTarget},${s.labels}`;
      series.push({ prefix: `${s.name}{${labels}} `, valueAt: model(s, host, start, memTotal, cores) });
    }
  }
  return { series };
}

/** Writes the fleet's samples in [windowStart, windowEnd) as one OpenMetrics file; returns the sample count. */
export function writeWindow(
  fleet: Fleet,
  windowStart: number,
  windowEnd: number,
  intervalSeconds: number,
  path: string
): number {
  const fd = openSync(path, 'w');
  let buffer = '';
  let samples = 0;
  for (const { prefix, valueAt } of fleet.series) {
    for (let t = windowStart; t < windowEnd; t += intervalSeconds) {
      buffer += `${prefix}${format(valueAt(t))} ${t}\n`;
      samples++;
    }
    if (buffer.length > 1 << 22) {
      writeSync(fd, buffer);
      buffer = '';
    }
  }
  writeSync(fd, buffer + '# EOF\n');
  closeSync(fd);
  return samples;
}
