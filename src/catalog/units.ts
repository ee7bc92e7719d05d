import type { Unit } from './types';

/** Short words for a threshold's unit, beside inputs and in the plan. */
const UNIT_LABELS: Partial<Record<Unit, string>> = {
  percent: '%',
  percentunit: '0–1',
  bytes: 'bytes',
  decbytes: 'bytes',
  Bps: 'bytes/s',
  bps: 'bits/s',
  s: 's',
  ms: 'ms',
  dtdurations: 's',
  dateTimeFromNow: 's',
  ops: 'ops/s',
  reqps: 'req/s',
  rps: 'reads/s',
  wps: 'writes/s',
  iops: 'IO/s',
  pps: 'packets/s',
  celsius: '°C',
  watt: 'W',
  hertz: 'Hz',
  rotrpm: 'rpm',
  mbytes: 'MiB',
  decgbytes: 'GB',
};

/** The unit shown beside a threshold input; '' for plain numbers. */
export function unitLabel(unit: Unit): string {
  return UNIT_LABELS[unit] ?? '';
}
