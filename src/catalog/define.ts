import { signalQuery } from './promql';
import type {
  AlertDefinition,
  ExporterDefinition,
  ExporterSource,
  OverWindow,
  QueryContext,
  Severity,
  Signal,
  ThresholdDefinition,
  ThresholdRef,
  Unit,
} from './types';

// A metric name with its matchers; label values are quoted, so `}` inside them is escaped or quoted.
const VECTOR_SELECTOR = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{(?:[^"}]|"(?:[^"\\]|\\.)*")*\})?$/;

const PROBE_CONTEXT: QueryContext = { selector: 'job="probe"', fleetSelector: '', range: '5m', by: 'job, instance' };

/** The legend most signals want: one series per scraped target. */
export const DEFAULT_LEGEND = '{{instance}}';

/**
 * The range a unit implies: a share runs from none to all of its whole, a yes/no is 0 or 1. Panels
 * draw a signal on it, unless the signal says why its axis fits the data; a threshold on a share
 * takes the top as its `max` unless it states another (a rule group's load may pass 1). (A yes/no
 * left to Grafana's auto range drew a constant 1 mid-panel.)
 */
export const UNIT_RANGE: Partial<Record<Unit, { min: number; max: number }>> = {
  percent: { min: 0, max: 100 },
  percentunit: { min: 0, max: 1 },
  bool_yes_no: { min: 0, max: 1 },
};

/**
 * Turns an exporter file (which states each fact once) into the full definition every consumer
 * reads, filling in what `ExporterSource` (types.ts) lists: the one variant of a lone `expr`, what a
 * threshold takes from its signal, an alert's query, threshold level and comparison, the default
 * legend. A reference that does not resolve fails at load time, naming the exporter, so a typo
 * never ships.
 */
export function defineExporter(source: ExporterSource): ExporterDefinition {
  const where = (what: string) => `Exporter "${source.id}": ${what}`;
  const signals: Signal[] = source.signals.map(({ expr, variants, axisFitsData, ...s }) => {
    if (s.legend === DEFAULT_LEGEND) {
      throw new Error(where(`signal "${s.id}" states the default legend ${DEFAULT_LEGEND}; leave it out.`));
    }
    const range = UNIT_RANGE[s.unit];
    if (range && (s.min === range.min || s.max === range.max)) {
      throw new Error(where(`signal "${s.id}" states its unit's range ${range.min}–${range.max}; leave it out.`));
    }
    if (axisFitsData !== undefined && (!range || s.max !== undefined)) {
      throw new Error(
        where(`signal "${s.id}" says its axis fits the data, but it has ${range ? 'a max' : 'no unit range'}.`)
      );
    }
    const drawnOn = range && {
      min: s.min ?? range.min,
      ...(axisFitsData === undefined ? { max: s.max ?? range.max } : {}),
    };
    return { ...s, ...drawnOn, variants: variants ?? [{ expr: expr! }], legend: s.legend ?? DEFAULT_LEGEND };
  });
  const signalById = new Map(signals.map((s) => [s.id, s]));

  const thresholds: ThresholdDefinition[] = source.thresholds.map((t) => {
    const signal = signalById.get(t.id);
    const title = t.title ?? signal?.title;
    const unit = t.unit ?? signal?.unit;
    const description = t.description ?? signal?.description;
    if (title === undefined || unit === undefined || description === undefined) {
      throw new Error(
        where(
          `threshold "${t.id}" has no signal of the same id to take its title, unit and description from; state them.`
        )
      );
    }
    const top = UNIT_RANGE[unit]?.max;
    if (top !== undefined && t.max === top) {
      throw new Error(where(`threshold "${t.id}" states its unit's top ${top}; leave it out.`));
    }
    return { ...t, title, unit, description, ...(top === undefined ? {} : { max: t.max ?? top }) };
  });

  const thresholdById = new Map(thresholds.map((t) => [t.id, t]));
  const alerts: AlertDefinition[] = source.alerts.map((a) => {
    const signal = a.signal === undefined ? undefined : signalById.get(a.signal);
    if (a.signal !== undefined && !signal) {
      throw new Error(where(`alert "${a.id}" compares signal "${a.signal}", which it does not define.`));
    }
    const { overWindow, window, ...definition } = a;
    const query = a.query ?? signalOverWindow(a.id, signal!, overWindow, window);
    const threshold =
      typeof a.threshold === 'string'
        ? thresholdAtSeverity(a.id, a.severity, a.threshold)
        : (a.threshold ?? thresholdAtSeverity(a.id, a.severity, signalThresholdId(a.id, signal)));
    if (typeof threshold === 'number') {
      return { ...definition, query, threshold, comparison: a.comparison! };
    }
    const compared = thresholdById.get(threshold.threshold);
    if (!compared) {
      throw new Error(
        where(`alert "${a.id}" compares against threshold "${threshold.threshold}", which it does not define.`)
      );
    }
    return { ...definition, query, threshold, comparison: compared.direction === 'above' ? '>' : '<' };
  });
  // Over the window, not the instant: one failed scrape marks every series stale, which would reset
  // the alert's `for` and page again from zero; `max` and `min` keep the worst sample, `avg` the mean.
  function signalOverWindow(
    alert: string,
    signal: Signal,
    overWindow: OverWindow | undefined,
    window: string | undefined
  ): AlertDefinition['query'] {
    if (!overWindow) {
      if (window !== undefined) {
        throw new Error(where(`alert "${alert}" sets a window but no overWindow (max, min or avg) to read it with.`));
      }
      return (q) => signalQuery(signal, q);
    }
    // A range selector needs a vector selector; anything else (a ratio, an aggregation) would need a
    // subquery, whose resolution is another choice: the alert writes its own query then. A signal
    // read in versions (an `or` of selectors) is read over the window in each, as the panel joins them.
    const notPlain = signal.variants.map((v) => v.expr(PROBE_CONTEXT)).find((probe) => !VECTOR_SELECTOR.test(probe));
    if (notPlain !== undefined) {
      throw new Error(
        where(
          `alert "${alert}" reads signal "${signal.id}" over a window, but its query is no plain selector: ${notPlain}`
        )
      );
    }
    return (q) =>
      signal.variants.map((v) => `${overWindow}_over_time(${v.expr(q)}[${window ?? q.range}])`).join(' or ');
  }
  function signalThresholdId(alert: string, signal: Signal | undefined): string {
    const missing = !signal
      ? 'compares no signal'
      : !signal.threshold
        ? `its signal "${signal.id}" has none`
        : undefined;
    if (missing) {
      throw new Error(where(`alert "${alert}" names no threshold, and ${missing}: give it a threshold.`));
    }
    return signal!.threshold!;
  }
  // The level is the alert's severity: a critical alert compares the critical value. Stated once, it
  // cannot disagree with the severity (each of the 102 alerts that wrote a level wrote its severity).
  function thresholdAtSeverity(alert: string, severity: Severity, threshold: string): ThresholdRef {
    if (severity === 'info') {
      throw new Error(
        where(`alert "${alert}" has severity info, which is no threshold level: compare a literal bound instead.`)
      );
    }
    return { threshold, level: severity };
  }

  return { ...source, signals, thresholds, alerts };
}

/** The signal `id` of `exporter`; a missing one is a catalog bug, so it throws naming both. */
export function findSignal(exporter: ExporterDefinition, id: string): Signal {
  const signal = exporter.signals.find((s) => s.id === id);
  if (!signal) {
    throw new Error(`Exporter "${exporter.id}" has no signal "${id}"`);
  }
  return signal;
}
