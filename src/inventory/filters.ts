import { loadRegexEngine, regexEngine } from '../utils/re2';
import { InventoryError, snippet } from './prometheus-api';
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
 * Loads RE2 (utils/re2) the first time a job filter is used: most queries have none. Await it
 * with the pattern before compileJobRegex: it loads RE2 only when the pattern needs it.
 */
export async function loadJobRegexEngine(pattern: string | undefined): Promise<void> {
  if (needsRegex(pattern)) {
    await loadRegexEngine();
  }
}

function engine() {
  const re2 = regexEngine();
  if (re2 === undefined) {
    throw new Error('The job filter engine is not loaded yet: await loadJobRegexEngine() first.');
  }
  return re2;
}

function needsRegex(pattern: string | undefined): pattern is string {
  return pattern !== undefined && pattern.trim() !== '' && pattern !== '.*';
}

/** A compiled job filter: true when the whole job name matches. */
export interface JobMatcher {
  test(job: string): boolean;
}

/**
 * Compiles a job filter with RE2 (re2js), the engine Prometheus uses, so a pattern means here what
 * it means in a PromQL `=~` (no lookarounds or backreferences; `\d` is ASCII) and matching takes
 * linear time whatever the pattern: a JavaScript RegExp backtracks exponentially on `(a+)+`.
 * Anchored at both ends as Prometheus 2.x anchors `=~` (`^(?:…)$`), so "node" matches the job
 * "node" and not "node-2". Throws a message naming the bad pattern and what to fix.
 */
export function compileJobRegex(pattern: string | undefined): JobMatcher | undefined {
  if (!needsRegex(pattern)) {
    return undefined;
  }
  const RE2 = engine();
  try {
    // Compiled alone first, so an error quotes the user's pattern rather than the anchored one.
    RE2.compile(pattern);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    throw new InventoryError(
      'bad-input',
      // The pattern may be a pasted 10,000-character value: the message quotes only its start.
      `The job filter "${snippet(pattern, 80)}" is not a valid regular expression (${snippet(reason, 160)}). ` +
        'Job filters use Prometheus\' regex syntax (RE2: no lookarounds or backreferences). Fix it, e.g. "node|postgres" or "web-.*".'
    );
  }
  const compiled = RE2.compile(`^(?:${pattern})$`);
  return { test: (job: string) => compiled.matches(job) };
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
