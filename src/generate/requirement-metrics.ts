import { promqlNames } from '../catalog/evidence/promql-names';
import { requirementText } from '../catalog/requirements';
import type { ExporterDefinition, QueryContext, Requirement } from '../catalog/types';

// Any context does: only the metric names of the expressions are read.
export const NAMES_CONTEXT: QueryContext = { selector: '', fleetSelector: '', range: '5m', by: 'job, instance' };

export interface SwitchMetrics {
  requirement: Requirement;
  /** requirementText: one entry per wording of a switch. */
  text: string;
  /** Titles of the signals that need it. */
  panels: string[];
  /** Every metric those signals read, across versions, sorted. */
  metrics: string[];
}

/**
 * Each switch an exporter's signals need, with every metric those signals read. `up` is every
 * target's own series, never a switch's: a signal that joins on it (`… and on (instance) up`) would
 * otherwise make any target count as having the switch on. Read by the runtime catalog (Home and
 * Inventory's per-target check) and by the runbooks (what an alert needs).
 */
export function switchMetrics(exporter: ExporterDefinition): SwitchMetrics[] {
  const byText = new Map<string, SwitchMetrics>();
  for (const signal of exporter.signals) {
    if (!signal.requires) {
      continue;
    }
    const text = requirementText(signal.requires);
    const entry = byText.get(text) ?? { requirement: signal.requires, text, panels: [], metrics: [] };
    byText.set(text, entry);
    entry.panels.push(signal.title);
    const metrics = signal.variants.flatMap((v) => promqlNames(v.expr(NAMES_CONTEXT)).metrics);
    entry.metrics = [...new Set([...entry.metrics, ...metrics.filter((m) => m !== 'up')])].sort();
  }
  return [...byText.values()];
}
