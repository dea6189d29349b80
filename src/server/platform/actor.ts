import { isPermission, type Permission, type RoleCode } from '../../domain/roles';

/** The signed-in user as every service sees it: identity, role, bindings and permissions. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: RoleCode;
  regionCode: string | null;
  orgId: string | null;
  parkId: string | null;
  departmentId: string | null;
  permissions: ReadonlySet<Permission>;
  sessionId: string;
  mustChangePassword: boolean;
}

/** A user row as the actor services see: the role's permissions kept to those the catalogue knows. */
export function actorFromUser(
  u: {
    id: string;
    username: string;
    displayName: string;
    role: string | null;
    regionCode: string | null;
    orgId: string | null;
    parkId: string | null;
    departmentId: string | null;
    mustChangePassword: boolean;
  },
  permissions: readonly string[],
  sessionId: string,
): Actor {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as RoleCode,
    regionCode: u.regionCode,
    orgId: u.orgId,
    parkId: u.parkId,
    departmentId: u.departmentId,
    permissions: new Set(permissions.filter(isPermission)),
    sessionId,
    mustChangePassword: u.mustChangePassword,
  };
}
