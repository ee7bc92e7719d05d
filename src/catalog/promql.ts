import type { QueryContext, Signal } from './types';

/**
 * Escapes a value for a double-quoted PromQL string (label matcher value). PromQL strings follow
 * Go's escaping: backslash and the quote must be escaped, and a raw newline would end the query.
 */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** Escapes a literal string for use inside a `=~` regex matcher (RE2, fully anchored by Prometheus). */
export function escapeRegexValue(value: string): string {
  return escapeLabelValue(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export function isValidLabelName(name: string): boolean {
  return LABEL_NAME.test(name) && !name.startsWith('__');
}

export type MatchOp = '=' | '!=' | '=~' | '!~';

/** Builds one label matcher from untrusted input: the name is validated, the value escaped. */
export function matcher(label: string, op: MatchOp, value: string): string {
  if (!isValidLabelName(label)) {
    throw new Error(
      `"${label}" is not a valid Prometheus label name: use letters, digits and _ and do not start with a digit or __.`
    );
  }
  return `${label}${op}"${escapeLabelValue(value)}"`;
}

/** Joins matcher fragments, skipping empty ones, so `{${joinMatchers(a, q.selector)}}` never has a stray comma. */
export function joinMatchers(...parts: string[]): string {
  return parts.filter((p) => p.trim() !== '').join(',');
}

/** `metric{extra,selector}` with no dangling commas; the bare name when there is nothing to match. */
export function sel(metric: string, q: QueryContext, extra = ''): string {
  const matchers = joinMatchers(extra, q.selector);
  return matchers === '' ? metric : `${metric}{${matchers}}`;
}

/**
 * The query for a signal: every variant OR-ed, so whichever metric names the scraped exporter
 * version has are the ones that answer. A single variant is returned as is.
 */
export function signalQuery(signal: Signal, q: QueryContext): string {
  if (signal.variants.length === 1) {
    return signal.variants[0].expr(q);
  }
  return signal.variants.map((v) => `(${v.expr(q)})`).join(' or ');
}

/** Dashboard context: Grafana template variables, rate interval chosen by Grafana. */
export function dashboardContext(clusterLabel = 'cluster'): QueryContext {
  return {
    selector: `${clusterLabel}=~"$cluster",job=~"$job",instance=~"$instance"`,
    fleetSelector: `${clusterLabel}=~"$cluster"`,
    range: '$__rate_interval',
    by: `${clusterLabel}, job, instance`,
  };
}

/**
 * Alert context: fleet-wide unless Setup narrows it (by cluster or other non-target labels, so the
 * fleet selector is the same); fixed windows so evaluation is reproducible.
 */
export function alertContext(selector = '', by = 'job, instance'): QueryContext {
  return { selector, fleetSelector: selector, range: '5m', by };
}

/** The context for series that do not belong to the scraped target (see `QueryContext.fleetSelector`). */
export function fleetContext(q: QueryContext): QueryContext {
  return { ...q, selector: q.fleetSelector };
}
