/**
 * Reading answers of Prometheus' (and the Pushgateway's) HTTP API defensively: a proxy, a login
 * page or a cut-off body must become a message that says what went wrong, never a crash.
 */

/** What kind of failure, so callers (testDatasource, the page) can pick their advice. */
export type InventoryErrorKind =
  | 'unreachable'
  | 'timeout'
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'not-prometheus'
  | 'truncated'
  | 'prometheus-error'
  | 'server-error'
  | 'bad-input'
  | 'not-configured'
  /** Prometheus refused the query itself (`bad_data`: a parse or type error). */
  | 'refused';

export class InventoryError extends Error {
  constructor(
    readonly kind: InventoryErrorKind,
    message: string
  ) {
    super(message);
    this.name = 'InventoryError';
  }
}

/** The envelope every Prometheus API answer has. */
export interface PrometheusEnvelope<T> {
  status: 'success' | 'error';
  data?: T;
  error?: string;
  errorType?: string;
  warnings?: string[];
}

/** At most `max` characters of a body, on one line, for an error message (never a 10 MB dump). */
export function snippet(text: string, max = 80): string {
  // Cut before collapsing whitespace, so quoting a 2 MB body costs no more than quoting a short one.
  const start = text.trimStart();
  const head = start.slice(0, max * 8);
  const oneLine = head.replace(/\s+/g, ' ').trim();
  return oneLine.length > max || head.length < start.length ? `${oneLine.slice(0, max)}…` : oneLine;
}

/**
 * Turns whatever came back (parsed JSON, or the raw text when the body was not JSON) into the
 * envelope's `data`, or throws an InventoryError naming `what` was asked and what came back.
 */
export function unwrapPrometheus<T>(body: unknown, what: string): { data: T; warnings: string[] } {
  let parsed = body;
  if (typeof body === 'string') {
    parsed = parseJsonText(body, what);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || !('status' in parsed)) {
    throw new InventoryError(
      'not-prometheus',
      `The answer to ${what} is JSON, but not a Prometheus API response (no "status" field). Check that the URL points at Prometheus itself, not at a proxy or another service.`
    );
  }
  const envelope = parsed as PrometheusEnvelope<T>;
  if (envelope.status !== 'success') {
    const reason = [envelope.error, envelope.errorType].find((r): r is string => typeof r === 'string' && r !== '');
    throw new InventoryError(
      'prometheus-error',
      `Prometheus refused ${what}: ${reason === undefined ? 'no reason given' : snippet(reason, MAX_UPSTREAM_TEXT)}`
    );
  }
  if (envelope.data === undefined || envelope.data === null) {
    throw new InventoryError('not-prometheus', `Prometheus answered ${what} with success but no data.`);
  }
  return { data: envelope.data, warnings: upstreamWarnings(envelope.warnings) };
}

/** The most characters of one upstream text (error or warning) a message quotes. */
export const MAX_UPSTREAM_TEXT = 300;
/** The most distinct upstream warnings listed; the rest are counted. */
export const MAX_UPSTREAM_WARNINGS = 5;

/** Upstream warnings as strings, each bounded and each once (Prometheus repeats one per series or shard). */
export function upstreamWarnings(warnings: unknown): string[] {
  if (!Array.isArray(warnings)) {
    return [];
  }
  const texts = warnings.filter((w): w is string => typeof w === 'string' && w.trim() !== '');
  return [...new Set(texts.map((w) => snippet(w, MAX_UPSTREAM_TEXT)))];
}

/** Warnings of several answers for one panel: each once, at most a handful, the rest counted. */
export function warningsToShow(...lists: string[][]): string[] {
  const distinct = [...new Set(lists.flat())];
  if (distinct.length <= MAX_UPSTREAM_WARNINGS) {
    return distinct;
  }
  const more = distinct.length - MAX_UPSTREAM_WARNINGS;
  return [...distinct.slice(0, MAX_UPSTREAM_WARNINGS), `and ${more} more warning${more === 1 ? '' : 's'}`];
}
function parseJsonText(text: string, what: string): unknown {
  const trimmed = text.trimStart();
  if (trimmed === '') {
    throw new InventoryError(
      'not-prometheus',
      `The answer to ${what} was empty. Check that the URL points at Prometheus.`
    );
  }
  if (trimmed.startsWith('<')) {
    throw new InventoryError(
      'not-prometheus',
      `The answer to ${what} is an HTML page ("${snippet(trimmed)}"), not Prometheus' JSON API. Check that the URL is Prometheus' base URL and that no login page or proxy sits in between.`
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const looksLikeJson = trimmed.startsWith('{') || trimmed.startsWith('[');
    if (looksLikeJson) {
      throw new InventoryError(
        'truncated',
        `The answer to ${what} is incomplete JSON (${text.length.toLocaleString('en-US')} characters received, then it stops): a proxy or a size or time limit cut it off. Narrow the query or raise the proxy's limits, then retry.`
      );
    }
    throw new InventoryError(
      'not-prometheus',
      `The answer to ${what} is not JSON ("${snippet(trimmed)}"). Check that the URL points at Prometheus' HTTP API.`
    );
  }
}

/** One series of an instant vector, as the inventory reads it. */
export interface VectorSample {
  metric: Record<string, string>;
  value?: [number, string];
}

/**
 * `data` of an instant query, checked to be a vector of well-formed samples: labels a map of
 * strings, a value of [time, "number"] when present. One malformed sample fails the whole answer
 * with what was wrong with it, since the readers downstream trust these shapes.
 */
export function vectorResult(data: unknown, what: string): VectorSample[] {
  const vector = data as { resultType?: unknown; result?: unknown };
  if (vector?.resultType !== 'vector' || !Array.isArray(vector.result)) {
    const got = typeof vector?.resultType === 'string' ? snippet(vector.resultType, 40) : 'nothing';
    throw new InventoryError('not-prometheus', `Expected an instant vector for ${what}, got "${got}".`);
  }
  const result = vector.result as unknown[];
  result.forEach((sample, i) => {
    const problem = sampleProblem(sample);
    if (problem) {
      throw new InventoryError(
        'not-prometheus',
        `The answer to ${what} has a malformed series (#${i + 1} of ${result.length}: ${problem}), so it is not Prometheus' API or something in between changed it. Check that the URL points at Prometheus itself.`
      );
    }
  });
  return result as VectorSample[];
}

function sampleProblem(sample: unknown): string | undefined {
  if (!isPlainObject(sample)) {
    return 'not an object';
  }
  const { metric, value } = sample as { metric?: unknown; value?: unknown };
  if (!isPlainObject(metric)) {
    return '"metric" is not a map of labels';
  }
  const badLabel = Object.entries(metric as Record<string, unknown>).find(([, v]) => typeof v !== 'string');
  if (badLabel) {
    return `label "${snippet(badLabel[0], 40)}" is not a string`;
  }
  if (
    value !== undefined &&
    !(Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'string')
  ) {
    return '"value" is not [time, "number"]';
  }
  return undefined;
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
