/**
 * Roles, their data scope and the permission catalogue (assembled from the modules' own
 * permission sets): the one rule table used by the server (route guards, scope) and the web
 * (menus, buttons).
 *
 * Scope is a property of the role, not of the permission: it says which rows a holder may see.
 * Permissions say which actions a holder may take. Secadmin edits the permission set of each role
 * (stored in the database, seeded from DEFAULT_ROLE_PERMISSIONS); the scope of a role is fixed.
 */
import { type Msg, msg } from './message';
import { adminPermissions } from './permissions/admin';
import { agriPermissions } from './permissions/agri';
import { contractsPermissions } from './permissions/contracts';
import { creditPermissions } from './permissions/credit';
import type { PermissionDef, PermissionGroup } from './permissions/define';
import { financePermissions } from './permissions/finance';
import { ipPermissions } from './permissions/ip';
import { marketPermissions } from './permissions/market';
import { onboardingPermissions } from './permissions/onboarding';
import { planPermissions } from './permissions/plan';
import { policiesPermissions } from './permissions/policies';
import { portalPermissions } from './permissions/portal';
import { projectsPermissions } from './permissions/projects';
import { registryPermissions } from './permissions/registry';

export const ROLE_CODES = [
  'sysadmin',
  'secadmin',
  'auditadmin',
  'leader',
  'staff',
  'county',
  'park',
  'enterprise',
  'institution',
  'expert',
  'financier',
  'commissioner',
  'unit_admin',
  'accountant',
] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

export function isRoleCode(value: string): value is RoleCode {
  return (ROLE_CODES as readonly string[]).includes(value);
}

/** none: no business data; city: everything; region: own county and its zones; park: own park;
 *  org: own organisation (a financier: its institution's records); assigned: only what is
 *  assigned to the user (expert reviews, a commissioner's own dispatches and logs). */
export type ScopeKind = 'none' | 'city' | 'region' | 'park' | 'org' | 'assigned';

export const ROLE_SCOPE: Record<RoleCode, ScopeKind> = {
  sysadmin: 'none',
  secadmin: 'none',
  auditadmin: 'none',
  leader: 'city',
  staff: 'city',
  county: 'region',
  park: 'park',
  enterprise: 'org',
  institution: 'org',
  expert: 'assigned',
  financier: 'org',
  commissioner: 'assigned',
  unit_admin: 'org',
  accountant: 'org',
};

export const ROLE_NAMES: Record<RoleCode, Msg> = {
  sysadmin: msg('系统管理员', 'System administrator'),
  secadmin: msg('安全管理员', 'Security administrator'),
  auditadmin: msg('审计管理员', 'Audit administrator'),
  leader: msg('局领导', 'Bureau leader'),
  staff: msg('市局业务人员', 'Bureau staff'),
  county: msg('县(市、区)科技局', 'County bureau'),
  park: msg('园区', 'Park'),
  enterprise: msg('企业', 'Enterprise'),
  institution: msg('高校/院所', 'University / institute'),
  expert: msg('评审专家', 'Expert reviewer'),
  financier: msg('金融机构', 'Financial institution'),
  commissioner: msg('科技特派员', 'S&T commissioner'),
  unit_admin: msg('单位管理员', 'Unit administrator'),
  accountant: msg('财务', 'Accountant'),
};

/** 三员分立: the three administrator roles, each of which may hold only its own duties. */
export const ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditadmin'] as const satisfies readonly RoleCode[];
export type AdminRole = (typeof ADMIN_ROLES)[number];

export function isAdminRole(role: string): role is AdminRole {
  return (ADMIN_ROLES as readonly string[]).includes(role);
}

/** What a role must be attached to when a user is given it. */
export const ROLE_BINDING: Record<RoleCode, 'none' | 'region' | 'park' | 'org'> = {
  sysadmin: 'none',
  secadmin: 'none',
  auditadmin: 'none',
  leader: 'none',
  staff: 'none',
  county: 'region',
  park: 'park',
  enterprise: 'org',
  institution: 'org',
  expert: 'none',
  financier: 'org',
  commissioner: 'none',
  unit_admin: 'org',
  accountant: 'org',
};

/**
 * The permission catalogue: each module declares its permissions and their default grants in its
 * own file under permissions/; adding a module is one line here.
 */
const MODULE_PERMISSIONS = [
  adminPermissions,
  registryPermissions,
  planPermissions,
  projectsPermissions,
  policiesPermissions,
  marketPermissions,
  contractsPermissions,
  ipPermissions,
  financePermissions,
  agriPermissions,
  portalPermissions,
  onboardingPermissions,
  creditPermissions,
] as const;

export type { PermissionGroup };

type CodesOf<T extends readonly object[]> = { [I in keyof T]: keyof T[I] }[number] & string;
export type Permission = CodesOf<typeof MODULE_PERMISSIONS>;

function assembleCatalogue(): Record<Permission, PermissionDef> {
  const out: Record<string, PermissionDef> = {};
  for (const set of MODULE_PERMISSIONS)
    for (const [code, def] of Object.entries(set)) {
      // Two modules claiming one code would silently merge their grants.
      if (Object.hasOwn(out, code)) throw new Error(`Permission ${code} is declared twice`);
      out[code] = def;
    }
  return out;
}

export const PERMISSIONS: Readonly<Record<Permission, PermissionDef>> = assembleCatalogue();
export const PERMISSION_CODES = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(p: string): p is Permission {
  return Object.hasOwn(PERMISSIONS, p);
}

/** Each role's permissions on a new installation, in catalogue order. */
export const DEFAULT_ROLE_PERMISSIONS: Record<RoleCode, Permission[]> = Object.fromEntries(
  ROLE_CODES.map((role) => [role, PERMISSION_CODES.filter((p) => PERMISSIONS[p].grantedTo.includes(role))]),
) as Record<RoleCode, Permission[]>;

const ROLE_DUTY: Record<AdminRole, PermissionGroup> = {
  sysadmin: 'system',
  secadmin: 'security',
  auditadmin: 'audit',
};

/**
 * 三员分立 (等保2.0 三级): each administrator role holds only permissions of its own duty, and no
 * other role holds any administrator duty. Returns the permissions that break the rule.
 */
export function separationOfDutiesViolations(
  role: RoleCode,
  permissions: readonly Permission[],
): Permission[] {
  return permissions.filter((p) => {
    const group = PERMISSIONS[p].group;
    if (isAdminRole(role)) return group !== ROLE_DUTY[role];
    return group === 'system' || group === 'security' || group === 'audit';
  });
}
