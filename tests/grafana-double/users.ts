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

const VIEWER = ['folders:read', 'datasources:query', 'alert.rules:read', 'alert.notifications:read'];
const EDITOR = [
  ...VIEWER,
  'folders:create',
  'folders:write',
  'alert.rules:create',
  'alert.rules:write',
  'alert.rules:delete',
  'alert.notifications:write',
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
  'alert.provisioning.provenance:write',
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

/** The provisioning API's permission rules (reference/grafana-api.md, "Permissions"). */
export const can = {
  readRules: (u: DoubleUser) =>
    has(u, 'alert.provisioning:read') ||
    has(u, 'alert.rules.provisioning:read') ||
    has(u, 'alert.provisioning.secrets:read') ||
    has(u, 'alert.provisioning:write'),
  writeRules: (u: DoubleUser) =>
    has(u, 'alert.provisioning:write') ||
    has(u, 'alert.rules.provisioning:write') ||
    (has(u, 'alert.rules:create') && has(u, 'alert.provisioning.provenance:write')),
  readNotifications: (u: DoubleUser) =>
    has(u, 'alert.provisioning:read') ||
    has(u, 'alert.notifications.provisioning:read') ||
    has(u, 'alert.provisioning.secrets:read') ||
    has(u, 'alert.provisioning:write') ||
    has(u, 'alert.notifications.provisioning:write'),
  writeNotifications: (u: DoubleUser) =>
    has(u, 'alert.provisioning:write') || has(u, 'alert.notifications.provisioning:write'),
};

export function has(user: DoubleUser, action: string): boolean {
  return user.permissions.includes(action);
}
