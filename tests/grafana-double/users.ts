/*
 * Who is calling the double, and what they may do. Grafana decides per request from the signed-in
 * user's RBAC permissions; the double takes the user from a request header (so one double can
 * serve an Admin and an Editor in the same test) or falls back to a configured current user.
 */

export type OrgRole = 'Admin' | 'Editor' | 'Viewer';

export interface DoubleUser {
  login: string;
  role: OrgRole;
  /** RBAC actions this user holds (scopes are not modelled: the plugin's calls are org-wide). */
  permissions: string[];
}

/** Header naming the user a request runs as, e.g. `X-Grafana-Double-User: editor`. */
export const USER_HEADER = 'x-grafana-double-user';

// Basic-role grants as far as the plugin's calls go. `plugins.app:access` for Viewers is the
// documented default for apps (unverified in code).
const VIEWER = [
  'folders:read',
  'datasources:query',
  'alert.rules:read',
  // fixed:alerting.rules:reader (pkg/services/ngalert/accesscontrol.go), part of the Viewer's basic role.
  'alert.rules.external:read',
  'alert.notifications:read',
  'plugins.app:access',
];
const EDITOR = [
  ...VIEWER,
  'folders:create',
  'folders:write',
  'dashboards:create',
  'alert.rules:create',
  'alert.rules:write',
  'alert.rules:delete',
  'alert.notifications:write',
  // pkg/services/ngalert/accesscontrol.go: fixed:alerting.provisioning.provenance:writer is granted
  // to Editor as well as Admin (11.x late, 12.x, main).
  'alert.provisioning.provenance:write',
];
const ADMIN = [
  ...EDITOR,
  'folders:delete',
  'datasources:read',
  'datasources:create',
  'datasources:write',
  'datasources:delete',
  'plugins:write',
  'alert.provisioning:read',
  'alert.provisioning:write',
  'alert.provisioning.secrets:read',
];

/** Grafana's basic roles as far as the plugin's calls are concerned. */
export const ROLE_PERMISSIONS: Record<OrgRole, readonly string[]> = { Viewer: VIEWER, Editor: EDITOR, Admin: ADMIN };

export function basicUser(login: string, role: OrgRole, extraPermissions: string[] = []): DoubleUser {
  return { login, role, permissions: [...ROLE_PERMISSIONS[role], ...extraPermissions] };
}

export const DEFAULT_USERS: Record<string, DoubleUser> = {
  admin: basicUser('admin', 'Admin'),
  editor: basicUser('editor', 'Editor'),
  viewer: basicUser('viewer', 'Viewer'),
};

export function has(user: DoubleUser, action: string): boolean {
  return user.permissions.includes(action);
}

/**
 * An RBAC evaluator as accesscontrol/evaluator.go builds it (`EvalPermission`, `EvalAny`,
 * `EvalAll`; ids 107035630, 508533191): what a route requires, and what its 403 names.
 */
export type Evaluator = string | { any: Evaluator[] } | { all: Evaluator[] };

export function allows(u: DoubleUser, e: Evaluator): boolean {
  if (typeof e === 'string') {
    return has(u, e);
  }
  return 'any' in e ? e.any.some((x) => allows(u, x)) : e.all.every((x) => allows(u, x));
}

/**
 * `Evaluator.String()`, which the middleware's `deny` puts after "Permissions needed: "
 * (accesscontrol/middleware.go id 449153623): a permission is its action (no scopes), `any of a, b`,
 * `all of a, b`, nested without brackets. The same in every version read (ids 107035630, 25774482012).
 */
export function describeEvaluator(e: Evaluator): string {
  if (typeof e === 'string') {
    return e;
  }
  return 'any' in e
    ? `any of ${e.any.map(describeEvaluator).join(', ')}`
    : `all of ${e.all.map(describeEvaluator).join(', ')}`;
}

const NOTIFICATION_READS = [
  'alert.provisioning:read',
  'alert.notifications.provisioning:read',
  'alert.provisioning.secrets:read',
  'alert.notifications:read',
];

const anyOf = (...e: Evaluator[]): Evaluator => ({ any: e });
const allOf = (...e: Evaluator[]): Evaluator => ({ all: e });
const ruleWrite = (...granular: Evaluator[]): Evaluator =>
  anyOf('alert.provisioning:write', 'alert.rules.provisioning:write', allOf(...granular));

/**
 * The provisioning API's evaluators, in Grafana's order: pkg/services/ngalert/api/authorization.go
 * `authorize` (ids 222702188 = 11.x late/12.x, 51836714264 = main). The rule routes are the same in
 * both; the notification routes are 222702188's (main names more fine-grained actions, e.g.
 * `alert.receivers:read` on GET contact-points: its 403 message is not modelled).
 * `alert.provisioning:write` alone does not grant reads.
 */
export const can = {
  readRules: anyOf(
    'alert.provisioning:read',
    'alert.rules.provisioning:read',
    'alert.provisioning.secrets:read',
    allOf('alert.rules:read', 'folders:read')
  ),
  /** POST /alert-rules. */
  writeRules: ruleWrite('alert.rules:create', 'alert.provisioning.provenance:write'),
  /** PUT /alert-rules/{uid}. */
  updateRules: ruleWrite('alert.rules:write', 'alert.provisioning.provenance:write'),
  /** DELETE /alert-rules/{uid}. */
  deleteRules: ruleWrite('alert.rules:delete', 'alert.provisioning.provenance:write'),
  /** PUT /folder/{uid}/rule-groups/{group}. */
  writeGroups: ruleWrite(
    'alert.rules:read',
    'folders:read',
    'alert.provisioning.provenance:write',
    anyOf('alert.rules:write', 'alert.rules:create', 'alert.rules:delete')
  ),
  /** DELETE /folder/{uid}/rule-groups/{group}. */
  deleteGroups: ruleWrite(
    'alert.rules:delete',
    'alert.rules:read',
    'folders:read',
    'alert.provisioning.provenance:write'
  ),
  readNotifications: anyOf(...NOTIFICATION_READS),
  writeNotifications: anyOf(
    'alert.provisioning:write',
    'alert.notifications.provisioning:write',
    allOf('alert.notifications:write', 'alert.provisioning.provenance:write')
  ),
  /**
   * GET /api/alertmanager/grafana/config/api/v1/receivers: any of these three in 11.x late, 12.x and
   * main (ids 222702188, 51836714264); older 11.x took `alert.notifications:read` only (id 1570336726).
   * Not the provisioning reads: a user holding only `alert.provisioning:read` is refused.
   */
  readReceiverStatus: anyOf(
    'alert.notifications:read',
    'alert.notifications.receivers:read',
    'alert.notifications.receivers.secrets:read'
  ),
} satisfies Record<string, Evaluator>;

/** GET /contact-points: main also takes the receiver reads (VersionBehaviour.notificationReadsByResource). */
export const readContactPoints = (byResource: boolean): Evaluator =>
  byResource
    ? anyOf(...NOTIFICATION_READS, 'alert.notifications.receivers:read', 'alert.notifications.receivers.secrets:read')
    : can.readNotifications;

/** GET /policies: main also takes `alert.notifications.routes:read` (managed-route scopes not modelled). */
export const readPolicies = (byResource: boolean): Evaluator =>
  byResource ? anyOf(...NOTIFICATION_READS, 'alert.notifications.routes:read') : can.readNotifications;
