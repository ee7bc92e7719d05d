import { InventoryError } from './prometheus-api';
import type { TargetHealth } from './targets';

/** What a query or the page narrows the inventory to. Empty lists mean "all". */
export interface InventoryFilters {
  layers?: string[];
  exporters?: string[];
  health?: TargetHealth[];
  /** Matched against the whole job name, like a Prometheus `=~` matcher. */
  jobRegex?: string;
}

/**
 * Compiles a job filter. Anchored at both ends, as Prometheus anchors `=~`, so "node" matches the
 * job "node" and not "node-2". Throws a message naming the bad pattern and what to fix.
 */
export function compileJobRegex(pattern: string | undefined): RegExp | undefined {
  if (pattern === undefined || pattern.trim() === '' || pattern === '.*') {
    return undefined;
  }
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    throw new InventoryError(
      'bad-input',
      `The job filter "${pattern}" is not a valid regular expression (${reason}). Fix it, e.g. "node|postgres" or "web-.*".`
    );
  }
}

/** Returns why `pattern` is not a usable job filter, or undefined when it is. For editors. */
export function jobRegexError(pattern: string | undefined): string | undefined {
  try {
    compileJobRegex(pattern);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A predicate over (layer, exporter, health, job); built once per query, called per target. */
export function createTargetFilter(filters: InventoryFilters) {
  const layers = nonEmptySet(filters.layers);
  const exporters = nonEmptySet(filters.exporters);
  const health = nonEmptySet(filters.health);
  const job = compileJobRegex(filters.jobRegex);
  return (row: { layer: string; exporter: string; health: TargetHealth; job: string }): boolean =>
    (!layers || layers.has(row.layer)) &&
    (!exporters || exporters.has(row.exporter)) &&
    (!health || health.has(row.health)) &&
    (!job || job.test(row.job));
}

function nonEmptySet<T>(values: T[] | undefined): Set<T> | undefined {
  const cleaned = values?.filter((v) => v !== undefined && v !== null && String(v) !== '');
  return cleaned && cleaned.length > 0 ? new Set(cleaned) : undefined;
}
