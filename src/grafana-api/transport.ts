/*
 * One request function under every client: it sends a request and resolves with whatever status
 * Grafana answered; it rejects only when there was no answer (timeout, network). The client maps
 * statuses to typed errors, so every transport behaves the same.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface GrafanaRequest {
  method: HttpMethod;
  /** Absolute path below Grafana's root, e.g. `/api/folders/fsm-alerts`. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface GrafanaResponse {
  status: number;
  /** Parsed JSON body, or undefined for an empty one. */
  data: unknown;
}

export type GrafanaTransport = (request: GrafanaRequest) => Promise<GrafanaResponse>;

/** The transport's way of saying "no answer". */
export class TransportError extends Error {
  constructor(
    readonly kind: 'timeout' | 'network',
    message: string
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export function withQuery(path: string, query?: Record<string, string>): string {
  if (!query || Object.keys(query).length === 0) {
    return path;
  }
  return `${path}?${new URLSearchParams(query).toString()}`;
}
