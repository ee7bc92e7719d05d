import { signalQuery } from './promql';
import type { AlertDefinition, ExporterDefinition, ExporterSource, Signal, ThresholdDefinition } from './types';

/** The legend most signals want: one series per scraped target. */
export const DEFAULT_LEGEND = '{{instance}}';

/**
 * Turns an exporter file (which states each fact once) into the full definition every consumer
 * reads: a threshold inherits title and unit from the signal it hangs on, an alert that compares a
 * signal gets that signal's query, and legends default to one series per target. A reference to
 * a signal that does not exist fails at load time, naming the exporter, so a typo never ships.
 */
export function defineExporter(source: ExporterSource): ExporterDefinition {
  const signals: Signal[] = source.signals.map((s) => ({ ...s, legend: s.legend ?? DEFAULT_LEGEND }));
  const signalById = new Map(signals.map((s) => [s.id, s]));
  const where = (what: string) => `Exporter "${source.id}": ${what}`;

  const thresholds: ThresholdDefinition[] = source.thresholds.map((t) => {
    const signal = signalById.get(t.id);
    const title = t.title ?? signal?.title;
    const unit = t.unit ?? signal?.unit;
    if (title === undefined || unit === undefined) {
      throw new Error(
        where(`threshold "${t.id}" has no signal of the same id to take its title and unit from; state them.`)
      );
    }
    return { ...t, title, unit };
  });

  const alerts: AlertDefinition[] = source.alerts.map((a) => {
    if (a.query) {
      return a as AlertDefinition;
    }
    const signal = signalById.get(a.signal);
    if (!signal) {
      throw new Error(where(`alert "${a.id}" compares signal "${a.signal}", which it does not define.`));
    }
    return { ...a, query: (q) => signalQuery(signal, q) };
  });

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
