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

const any = (u: DoubleUser, ...actions: string[]) => actions.some((a) => has(u, a));
const all = (u: DoubleUser, ...actions: string[]) => actions.every((a) => has(u, a));

/**
 * The provisioning API's permission rules: pkg/services/ngalert/api/authorization.go
 * `authorize` (ids 222702188 = 11.x late/12.x, 51836714264 = main; same shape for these routes).
 * `alert.provisioning:write` alone does not grant reads.
 */
export const can = {
  readRules: (u: DoubleUser) =>
    any(u, 'alert.provisioning:read', 'alert.rules.provisioning:read', 'alert.provisioning.secrets:read') ||
    all(u, 'alert.rules:read', 'folders:read'),
  /** POST /alert-rules. */
  writeRules: (u: DoubleUser) =>
    blanketRuleWrite(u) || all(u, 'alert.rules:create', 'alert.provisioning.provenance:write'),
  /** PUT /alert-rules/{uid}. */
  updateRules: (u: DoubleUser) =>
    blanketRuleWrite(u) || all(u, 'alert.rules:write', 'alert.provisioning.provenance:write'),
  /** DELETE /alert-rules/{uid}. */
  deleteRules: (u: DoubleUser) =>
    blanketRuleWrite(u) || all(u, 'alert.rules:delete', 'alert.provisioning.provenance:write'),
  /** PUT /folder/{uid}/rule-groups/{group}. */
  writeGroups: (u: DoubleUser) =>
    blanketRuleWrite(u) ||
    (all(u, 'alert.rules:read', 'folders:read', 'alert.provisioning.provenance:write') &&
      any(u, 'alert.rules:write', 'alert.rules:create', 'alert.rules:delete')),
  /** DELETE /folder/{uid}/rule-groups/{group}. */
  deleteGroups: (u: DoubleUser) =>
    blanketRuleWrite(u) ||
    all(u, 'alert.rules:delete', 'alert.rules:read', 'folders:read', 'alert.provisioning.provenance:write'),
  readNotifications: (u: DoubleUser) =>
    any(
      u,
      'alert.provisioning:read',
      'alert.notifications.provisioning:read',
      'alert.provisioning.secrets:read',
      'alert.notifications:read'
    ),
  /** GET /contact-points: main also takes the receiver reads (VersionBehaviour.notificationReadsByResource). */
  readContactPoints: (u: DoubleUser, byResource: boolean): boolean =>
    can.readNotifications(u) ||
    (byResource && any(u, 'alert.notifications.receivers:read', 'alert.notifications.receivers.secrets:read')),
  /** GET /policies: main also takes `alert.notifications.routes:read` (managed-route scopes not modelled). */
  readPolicies: (u: DoubleUser, byResource: boolean): boolean =>
    can.readNotifications(u) || (byResource && has(u, 'alert.notifications.routes:read')),
  /**
   * GET /api/alertmanager/grafana/config/api/v1/receivers: any of these three in 11.x late, 12.x and
   * main (ids 222702188, 51836714264); older 11.x took `alert.notifications:read` only (id 1570336726).
   * Not the provisioning reads: a user holding only `alert.provisioning:read` is refused.
   */
  readReceiverStatus: (u: DoubleUser) =>
    any(
      u,
      'alert.notifications:read',
      'alert.notifications.receivers:read',
      'alert.notifications.receivers.secrets:read'
    ),
  writeNotifications: (u: DoubleUser) =>
    any(u, 'alert.provisioning:write', 'alert.notifications.provisioning:write') ||
    all(u, 'alert.notifications:write', 'alert.provisioning.provenance:write'),
};

function blanketRuleWrite(u: DoubleUser): boolean {
  return any(u, 'alert.provisioning:write', 'alert.rules.provisioning:write');
}

export function has(user: DoubleUser, action: string): boolean {
  return user.permissions.includes(action);
}
