import { config } from '@grafana/runtime';
import { OrgRole, type CurrentUserDTO } from '@grafana/data';
import { SETUP_WRITE_ACTION } from '../constants';

type UserWithRoleAndPermissions = Pick<CurrentUserDTO, 'orgRole' | 'permissions'>;

/**
 * Whether the user may open Setup. The RBAC action is authoritative; the org Admin role is
 * accepted too because the action only exists once Grafana has registered the plugin's roles,
 * and plugin.json grants it to Admins anyway.
 * Reads boot data rather than `hasPermission()` so it works before Grafana's user service is set
 * (and in tests); both read the same `permissions` map.
 */
export function canWriteSetup(user: UserWithRoleAndPermissions = config.bootData.user): boolean {
  return Boolean(user.permissions?.[SETUP_WRITE_ACTION]) || user.orgRole === OrgRole.Admin;
}

/** Whether the user may open the app's configuration page (Grafana guards it with plugins:write, an Admin permission). */
export function canConfigureApp(user: UserWithRoleAndPermissions = config.bootData.user): boolean {
  return Boolean(user.permissions?.['plugins:write']) || user.orgRole === OrgRole.Admin;
}
