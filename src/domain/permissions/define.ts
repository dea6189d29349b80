import type { Msg } from '../message';
import type { RoleCode } from '../roles';

/** system/security/audit are the three administrators' duties (三员分立); the rest is business. */
export type PermissionGroup = 'system' | 'security' | 'audit' | 'business' | 'self';

export interface PermissionDef {
  name: Msg;
  group: PermissionGroup;
  /** The roles holding it on a new installation; secadmin may change the grants afterwards. */
  grantedTo: readonly RoleCode[];
}

/**
 * A module's permissions, declared in its own file and listed once in roles.ts. Codes are
 * `<module>.<action>`, stable: they are stored in the role grants.
 */
export function modulePermissions<const T extends Record<string, PermissionDef>>(defs: T): T {
  return defs;
}
