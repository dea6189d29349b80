import type { Permission, RoleCode } from '../../domain/roles';

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
