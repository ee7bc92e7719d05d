import type { Unit } from '../catalog/types';

/**
 * Formats a number the way the verdict prints it ("12.5%", "3.2 GiB", "2 h 5 min"). Our own small
 * formatter rather than @grafana/data's value formats: the verdict is computed in Node as well
 * (integration tests on the real stack), where @grafana/data's formatters need a browser window.
 */
export function formatValue(value: number, unit: Unit): string {
  if (Number.isNaN(value)) {
    return 'no value';
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? '∞' : '-∞';
  }
  switch (unit) {
    case 'percentunit':
      return `${round(value * 100)}%`;
    case 'percent':
      return `${round(value)}%`;
    case 'bytes':
    case 'decbytes':
      return formatBytes(value);
    case 'Bps':
      return `${formatBytes(value)}/s`;
    case 'mbytes':
      return formatBytes(value * 1024 * 1024);
    case 'decgbytes':
      return formatBytes(value * 1024 ** 3);
    case 's':
    case 'dtdurations':
      return formatDuration(value);
    case 'ms':
      return value < 1000 ? `${round(value)} ms` : formatDuration(value / 1000);
    case 'ops':
      return `${round(value)} ops/s`;
    case 'reqps':
      return `${round(value)} req/s`;
    case 'bool_yes_no':
      return value === 0 ? 'no' : 'yes';
    default:
      return formatShort(value);
  }
}

/** Three significant digits, no trailing zeros: 0.000123, 1.23, 123, 12300. */
function round(value: number): string {
  if (value === 0) {
    return '0';
  }
  const abs = Math.abs(value);
  if (abs >= 100) {
    return String(Math.round(value));
  }
  return String(Number(value.toPrecision(3)));
}

function formatShort(value: number): string {
  const abs = Math.abs(value);
  for (const [factor, suffix] of [
    [1e9, ' bil'],
    [1e6, ' mil'],
    [1e3, 'K'],
  ] as const) {
    if (abs >= factor) {
      return `${round(value / factor)}${suffix}`;
    }
  }
  return round(value);
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

function formatBytes(value: number): string {
  let scaled = value;
  let index = 0;
  while (Math.abs(scaled) >= 1024 && index < BYTE_UNITS.length - 1) {
    scaled /= 1024;
    index++;
  }
  return `${round(scaled)} ${BYTE_UNITS[index]}`;
}

function formatDuration(seconds: number): string {
  const abs = Math.abs(seconds);
  if (abs < 1) {
    return `${round(seconds * 1000)} ms`;
  }
  if (abs < 60) {
    return `${round(seconds)} s`;
  }
  const steps: Array<[number, string]> = [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'min'],
    [1, 's'],
  ];
  const parts: string[] = [];
  let rest = Math.round(abs);
  for (const [size, name] of steps) {
    const count = Math.floor(rest / size);
    if (count > 0) {
      parts.push(`${count} ${name}`);
      rest -= count * size;
    }
    if (parts.length === 2) {
      break;
    }
  }
  return `${seconds < 0 ? '-' : ''}${parts.join(' ')}`;
}
