import { promRegexError, regexEngine } from '../utils/re2';
import { isValidLabelName, labelValueError, matcher, REPLICA_LABELS, type MatchOp } from './promql';
import type { AlertDefinition, ExporterDefinition, ThresholdDefinition, ThresholdRef } from './types';

/**
 * The one place threshold values are read from. Defaults are declared beside the exporter that
 * owns them (one exporter, one file); every consumer — panel thresholds, Prometheus rules, Grafana
 * rules — resolves them here, with the org's overrides from Setup applied, so a panel's red line
 * and its alert never disagree.
 */

/** Overrides keyed by `<exporterId>.<thresholdId>`. */
export type ThresholdOverrides = Record<string, { warning?: number; critical?: number }>;

/** One label matcher of a per-target override; `value` is as typed (escaped when the query is built). */
export interface TargetMatcher {
  label: string;
  op: MatchOp;
  value: string;
}

/**
 * Levels of one threshold for the series its matchers select (every matcher must hold), e.g.
 * `instance=~"db-.*"`: filesystem free warning 10 %. A level left out is the threshold's level
 * for every other series. Overrides of one threshold are tried in order and the first whose
 * matchers hold decides a series' levels: a series is compared with one threshold only, never
 * also with the default or a later override.
 */
export interface TargetOverride {
  /** `<exporterId>.<thresholdId>`. */
  threshold: string;
  matchers: TargetMatcher[];
  warning?: number;
  critical?: number;
}

export const MATCH_OPS: readonly MatchOp[] = ['=', '!=', '=~', '!~'];

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

/** The matchers as PromQL, names validated and values escaped: `instance=~"db-.*",mountpoint="/"`. */
export function targetSelector(matchers: readonly TargetMatcher[]): string {
  return matchers.map((m) => matcher(m.label, m.op, m.value)).join(',');
}

/** The override's matchers as the plan and the form show them. */
export function describeMatchers(matchers: readonly TargetMatcher[]): string {
  return matchers.map((m) => `${m.label}${m.op}${JSON.stringify(m.value)}`).join(', ');
}

/** One bound of an alert for the series `selector` selects, in precedence order. */
export interface TargetBound {
  selector: string;
  value: number;
}

/**
 * The per-target bounds of one alert, in precedence order, or [] when no override changes its
 * bound (the alert then keeps the one-threshold form). An override that leaves this alert's level
 * out still takes part, at the default: it still claims its series before later overrides.
 */
export function alertTargetBounds(
  exporter: ExporterDefinition,
  alert: AlertDefinition,
  overrides: ThresholdOverrides = {},
  targetOverrides: readonly TargetOverride[] = []
): TargetBound[] {
  if (typeof alert.threshold === 'number') {
    return [];
  }
  const { threshold, level } = alert.threshold;
  const key = thresholdKey(exporter.id, threshold);
  const fallback = resolveThresholdValue(exporter, alert.threshold, overrides);
  const bounds = targetOverrides
    .filter((o) => o.threshold === key)
    .map((o) => ({ selector: targetSelector(o.matchers), value: o[level] ?? fallback }));
  // A last override at the default claims no series from a later one: dropping it changes no
  // alert, and an alert none of whose overrides differ keeps its plain rule (no write, no longer query).
  while (bounds.length > 0 && bounds[bounds.length - 1].value === fallback) {
    bounds.pop();
  }
  return bounds;
}

/**
 * Checks per-target overrides as strictly as every other input: label names by Prometheus' rules,
 * values that escaping cannot make safe refused, regexes compiled with RE2 (await
 * loadRegexEngine() first), levels within the threshold's range and in order. `key` is
 * `targetOverrides.<index>`; overrides of packs `relevant` leaves out are not checked.
 */
export function validateTargetOverrides(
  exporters: readonly ExporterDefinition[],
  overrides: ThresholdOverrides,
  targetOverrides: readonly TargetOverride[],
  relevant: (exporterId: string) => boolean = () => true
): ThresholdProblem[] {
  const problems: ThresholdProblem[] = [];
  const seen = new Map<string, number>();
  targetOverrides.forEach((o, i) => {
    const key = `targetOverrides.${i}`;
    const [exporterId, thresholdId] = String(o.threshold).split('.');
    if (!relevant(exporterId)) {
      return;
    }
    const exporter = exporters.find((e) => e.id === exporterId);
    const base = exporter?.thresholds.find((t) => t.id === thresholdId);
    if (!exporter || !base) {
      problems.push({ key, message: `Unknown threshold "${o.threshold}".` });
      return;
    }
    const where = `${base.title}, override ${i + 1}`;
    const before = problems.length;
    // The export script reads overrides from a JSON file: a wrong shape gets words, not a TypeError.
    if (!Array.isArray(o.matchers)) {
      problems.push({ key, message: `${where}: "matchers" must be a list of {label, op, value}.` });
      return;
    }
    if (o.matchers.length === 0) {
      problems.push({ key, message: `${where}: add a label matcher saying which targets it is for.` });
    }
    for (const m of o.matchers) {
      const problem = matcherProblem(m);
      if (problem) {
        problems.push({ key, message: `${where}: ${problem}` });
      }
    }
    if (o.warning === undefined && o.critical === undefined) {
      problems.push({ key, message: `${where}: enter a warning or a critical level.` });
    }
    const defaults = resolveThreshold(exporter, thresholdId, overrides);
    for (const problem of validateOverrides(exporters, {
      [o.threshold]: { ...pickDefined(defaults), ...pickDefined(o) },
    })) {
      problems.push({ key, message: `${where}: ${problem.message.replace(`${base.title}: `, '')}` });
    }
    const same = `${o.threshold} ${JSON.stringify(o.matchers.map((m) => describeMatchers([m])).sort())}`;
    const earlier = seen.get(same);
    if (earlier !== undefined && problems.length === before) {
      problems.push({
        key,
        message: `${where}: override ${earlier + 1} has the same matchers and comes first, so this one would never apply. Remove one of them.`,
      });
    }
    if (earlier === undefined) {
      seen.set(same, i);
    }
  });
  return problems;
}

function matcherProblem(m: TargetMatcher): string | undefined {
  if (!isValidLabelName(m.label)) {
    return `"${m.label}" is not a label name: use letters, digits and _, not starting with a digit or __.`;
  }
  if ((REPLICA_LABELS as readonly string[]).includes(m.label)) {
    return `"${m.label}" tells HA replicas apart and alerts drop it, so it cannot pick targets: match on instance, job or another label the alert carries.`;
  }
  if (!MATCH_OPS.includes(m.op)) {
    return `"${String(m.op)}" is not a matcher: use =, !=, =~ or !~.`;
  }
  const valueProblem = labelValueError(m.value);
  if (valueProblem) {
    return `the value ${JSON.stringify(m.value.slice(0, 60))} ${valueProblem}`;
  }
  if ((m.op === '=~' || m.op === '!~') && regexEngine() === undefined) {
    return `the regex "${m.value.slice(0, 80)}" is still being checked (the regex engine is loading): try again in a moment.`;
  }
  if (m.op === '=~' || m.op === '!~') {
    const regexProblem = promRegexError(m.value);
    if (regexProblem) {
      return `"${m.value.slice(0, 80)}" is not a regular expression Prometheus accepts (${regexProblem.slice(0, 160)}). Prometheus uses RE2: no lookarounds or backreferences; e.g. "db-.*" or "web-[0-9]+".`;
    }
  }
  return undefined;
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
