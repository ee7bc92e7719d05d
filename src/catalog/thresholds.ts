import type { ExporterDefinition, ThresholdDefinition, ThresholdRef } from './types';

/**
 * The one place threshold values are read from. Defaults are declared beside the exporter that
 * owns them (one exporter, one file); every consumer — panel thresholds, Prometheus rules, Grafana
 * rules — resolves them here, with the org's overrides from Setup applied, so a panel's red line
 * and its alert never disagree.
 */

/** Overrides keyed by `<exporterId>.<thresholdId>`. */
export type ThresholdOverrides = Record<string, { warning?: number; critical?: number }>;

export function thresholdKey(exporterId: string, thresholdId: string): string {
  return `${exporterId}.${thresholdId}`;
}

export function findThreshold(exporter: ExporterDefinition, thresholdId: string): ThresholdDefinition {
  const found = exporter.thresholds.find((t) => t.id === thresholdId);
  if (!found) {
    throw new Error(`Exporter "${exporter.id}" has no threshold "${thresholdId}"`);
  }
  return found;
}

/** The effective threshold: the default with any override applied. */
export function resolveThreshold(
  exporter: ExporterDefinition,
  thresholdId: string,
  overrides: ThresholdOverrides = {}
): ThresholdDefinition {
  const base = findThreshold(exporter, thresholdId);
  const override = overrides[thresholdKey(exporter.id, thresholdId)];
  return override ? { ...base, ...pickDefined(override) } : base;
}

/** The number an alert compares against. */
export function resolveThresholdValue(
  exporter: ExporterDefinition,
  ref: ThresholdRef | number,
  overrides: ThresholdOverrides = {}
): number {
  if (typeof ref === 'number') {
    return ref;
  }
  const value = resolveThreshold(exporter, ref.threshold, overrides)[ref.level];
  if (value === undefined) {
    throw new Error(`Threshold "${exporter.id}.${ref.threshold}" has no ${ref.level} level`);
  }
  return value;
}

export interface ThresholdProblem {
  key: string;
  message: string;
}

/**
 * Checks user overrides: numbers, within the threshold's range, and warning before critical in
 * the direction of trouble. Returns one message per bad field, saying what to enter instead.
 */
export function validateOverrides(
  exporters: readonly ExporterDefinition[],
  overrides: ThresholdOverrides
): ThresholdProblem[] {
  const problems: ThresholdProblem[] = [];
  for (const [key, override] of Object.entries(overrides)) {
    const [exporterId, thresholdId] = key.split('.');
    const exporter = exporters.find((e) => e.id === exporterId);
    const base = exporter?.thresholds.find((t) => t.id === thresholdId);
    if (!exporter || !base) {
      problems.push({ key, message: `Unknown threshold "${key}".` });
      continue;
    }
    const merged = { ...base, ...pickDefined(override) };
    const problemsBefore = problems.length;
    for (const level of ['warning', 'critical'] as const) {
      const value = override[level];
      if (value === undefined) {
        continue;
      }
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        problems.push({ key, message: `${base.title}: the ${level} level must be a number.` });
      } else if ((base.min !== undefined && value < base.min) || (base.max !== undefined && value > base.max)) {
        problems.push({
          key,
          message: `${base.title}: the ${level} level ${value} is outside ${base.min ?? '−∞'}–${base.max ?? '∞'} (${base.unit}).`,
        });
      }
    }
    // A bad value already has its message; the order is only worth a word between two good ones.
    const { warning, critical } = merged;
    if (problems.length === problemsBefore && warning !== undefined && critical !== undefined) {
      const ordered = base.direction === 'above' ? warning <= critical : warning >= critical;
      if (!ordered) {
        problems.push({
          key,
          message: `${base.title}: the warning level must be ${base.direction === 'above' ? 'at or below' : 'at or above'} the critical level.`,
        });
      }
    }
  }
  return problems;
}

function pickDefined(o: { warning?: number; critical?: number }) {
  const out: { warning?: number; critical?: number } = {};
  if (o.warning !== undefined) {
    out.warning = o.warning;
  }
  if (o.critical !== undefined) {
    out.critical = o.critical;
  }
  return out;
}
