/*
 * Errors from Grafana's API, typed so the Setup page can say what failed and what to do without
 * parsing strings: the HTTP status, Grafana's own message, and a hint written for the admin.
 */

export type GrafanaApiErrorKind =
  'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'invalid' | 'unavailable' | 'timeout' | 'network';

export interface GrafanaCall {
  method: string;
  path: string;
}

export class GrafanaApiError extends Error {
  readonly kind: GrafanaApiErrorKind;
  /** HTTP status; undefined when Grafana never answered (timeout, network). */
  readonly status?: number;
  /** Grafana's `message`, verbatim, when it sent one. */
  readonly grafanaMessage?: string;
  /** What the admin can do about it. */
  readonly hint: string;
  readonly call: GrafanaCall;

  constructor(init: { kind: GrafanaApiErrorKind; status?: number; grafanaMessage?: string; call: GrafanaCall }) {
    const hint = hintFor(init.kind, init.call, init.grafanaMessage);
    const detail = init.grafanaMessage ? `: ${init.grafanaMessage}` : '';
    const status = init.status ? ` (HTTP ${init.status})` : '';
    super(`${init.call.method} ${init.call.path} failed${status}${detail}. ${hint}`);
    this.name = 'GrafanaApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.grafanaMessage = init.grafanaMessage;
    this.hint = hint;
    this.call = init.call;
  }

  /** One sentence or two for the page: Grafana's reason and the hint, without the request line. */
  get userMessage(): string {
    return this.grafanaMessage ? `Grafana said: "${this.grafanaMessage}". ${this.hint}` : this.hint;
  }

  /** True when the request may or may not have reached Grafana: retrying (re-running apply) is the fix. */
  get isTransient(): boolean {
    const refusal = /provenance/i.test(this.grafanaMessage ?? '');
    return (this.kind === 'unavailable' && !refusal) || this.kind === 'timeout' || this.kind === 'network';
  }
}

export function isGrafanaApiError(error: unknown): error is GrafanaApiError {
  return error instanceof GrafanaApiError;
}

export function kindForStatus(status: number): GrafanaApiErrorKind {
  if (status === 401) {
    return 'unauthenticated';
  }
  if (status === 403) {
    return 'forbidden';
  }
  if (status === 404) {
    return 'not-found';
  }
  if (status === 409 || status === 412) {
    return 'conflict';
  }
  if (status >= 500) {
    return 'unavailable';
  }
  return 'invalid';
}

const PROVENANCE_HINT =
  'Grafana refuses to change who manages this object (provenance). Keep the "editable in Grafana" choice it was written with.';

/**
 * What a notification read reads, and the action newer Grafana also takes for it: main grants the
 * reads by resource (authorization.go id 51836714264), contact points to
 * `alert.notifications.receivers:read`, the policy tree to `alert.notifications.routes:read`.
 */
function notificationRead(path: string): { what: string; alsoAccepted: string } {
  if (/\/contact-points\b/.test(path)) {
    return { what: 'contact points', alsoAccepted: 'alert.notifications.receivers:read' };
  }
  if (/\/policies\b/.test(path)) {
    return { what: 'the notification policy tree', alsoAccepted: 'alert.notifications.routes:read' };
  }
  return { what: 'contact points, notification policies and mute timings', alsoAccepted: '' };
}

function readHint(path: string): string {
  const { what, alsoAccepted } = notificationRead(path);
  const newer = alsoAccepted ? ` (newer Grafana versions also accept ${alsoAccepted})` : '';
  return `To read ${what} you need the permission alert.notifications:read or alert.notifications.provisioning:read${newer}. Ask a Grafana admin.`;
}

function hintFor(kind: GrafanaApiErrorKind, call: GrafanaCall, grafanaMessage = ''): string {
  const notifications = /\/(contact-points|policies|mute-timings|templates)\b/.test(call.path);
  const provisioning = call.path.includes('/api/v1/provisioning/');
  const writing = call.method !== 'GET';
  switch (kind) {
    case 'unauthenticated':
      return 'Your Grafana session has ended: sign in again and retry.';
    case 'forbidden':
      // The rules of pkg/services/ngalert/api/authorization.go (Grafana 11.x–main): a 403 that names
      // provenance is the provenance rule (ErrProvenanceChangeNotAllowed), not a missing permission.
      if (/provenance/i.test(grafanaMessage)) {
        return PROVENANCE_HINT;
      }
      if (provisioning && notifications) {
        return writing
          ? 'You need the Admin role, the permission alert.notifications.provisioning:write, or alert.notifications:write together with alert.provisioning.provenance:write, to change contact points, notification policies and mute timings. Ask a Grafana admin.'
          : readHint(call.path);
      }
      if (provisioning) {
        return writing
          ? "You need the Admin role, the permission alert.provisioning:write, or the rule permissions of the folder (alert.rules:create, write, delete) together with alert.provisioning.provenance:write, to write the plugin's alert rules. Ask a Grafana admin."
          : 'You need the permission alert.provisioning:read, or alert.rules:read on the folder, to read alert rules. Ask a Grafana admin.';
      }
      if (call.path.startsWith('/api/folders')) {
        return 'You need permission to create folders (folders:create). Ask a Grafana admin.';
      }
      if (call.path.startsWith('/api/datasources')) {
        return 'You need permission to read datasources (datasources:read, Admin by default). Ask a Grafana admin.';
      }
      return 'You do not have the permission this needs. Ask a Grafana admin.';
    case 'not-found':
      if (call.path.startsWith('/api/datasources')) {
        return 'The datasource does not exist (any more): pick another Prometheus datasource in Setup.';
      }
      return 'It does not exist in Grafana (any more): run the plan again to see the current state.';
    case 'conflict':
      // Grafana 12 answers 409 to a provenance change of a rule group (errProvenanceMismatch).
      if (/provenance/i.test(grafanaMessage)) {
        return PROVENANCE_HINT;
      }
      return 'It already exists or is in use: run the plan again to see the current state.';
    case 'invalid':
      if (/provenance/i.test(grafanaMessage)) {
        return PROVENANCE_HINT;
      }
      return 'Grafana refused the request as invalid; the message above says which field.';
    case 'unavailable':
      // Grafana answers some refusals with 500: a contact point's provenance change (UpdateContactPoint, every
      // version), a rule group's in 11.x. Those are answers, not outages.
      if (/provenance/i.test(grafanaMessage)) {
        return PROVENANCE_HINT;
      }
      return 'Grafana did not answer; nothing after this step was written. Run apply again to finish.';
    case 'timeout':
    case 'network':
      return 'Grafana did not answer; nothing after this step was written. Run apply again to finish.';
  }
}
