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
  | 'not-configured';

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
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
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
    const reason = envelope.error ?? envelope.errorType ?? 'no reason given';
    throw new InventoryError('prometheus-error', `Prometheus refused ${what}: ${reason}`);
  }
  if (envelope.data === undefined || envelope.data === null) {
    throw new InventoryError('not-prometheus', `Prometheus answered ${what} with success but no data.`);
  }
  return { data: envelope.data, warnings: Array.isArray(envelope.warnings) ? envelope.warnings.map(String) : [] };
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

/** `data` of an instant query, checked to be a vector. */
export function vectorResult(data: unknown, what: string): VectorSample[] {
  const vector = data as { resultType?: unknown; result?: unknown };
  if (vector?.resultType !== 'vector' || !Array.isArray(vector.result)) {
    throw new InventoryError(
      'not-prometheus',
      `Expected an instant vector for ${what}, got "${String(vector?.resultType ?? 'nothing')}".`
    );
  }
  return (vector.result as unknown[]).filter(
    (s): s is VectorSample => typeof s === 'object' && s !== null && typeof (s as VectorSample).metric === 'object'
  );
}
