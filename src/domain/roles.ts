/**
 * Roles, their data scope and the permission catalogue: the one rule table used by the server
 * (route guards, scope) and the web (menus, buttons).
 *
 * Scope is a property of the role, not of the permission: it says which rows a holder may see.
 * Permissions say which actions a holder may take. Secadmin edits the permission set of each role
 * (stored in the database, seeded from DEFAULT_ROLE_PERMISSIONS); the scope of a role is fixed.
 */
import { type Msg, msg } from './message';

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
] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

/** none: no business data; city: everything; region: own county and its zones; park: own park;
 *  org: own organisation; assigned: only what is assigned to the user (expert reviews). */
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
};

export type PermissionGroup = 'system' | 'security' | 'audit' | 'business' | 'self';

interface PermissionDef {
  name: Msg;
  group: PermissionGroup;
}

/** The permission catalogue. Modules add their permissions here as they land. */
export const PERMISSIONS = {
  'admin.users': { name: msg('用户管理', 'Manage users'), group: 'system' },
  'admin.departments': { name: msg('部门管理', 'Manage departments'), group: 'system' },
  'admin.roles': { name: msg('角色与权限', 'Roles and permissions'), group: 'security' },
  'admin.security-policy': { name: msg('安全策略', 'Security policy'), group: 'security' },
  'admin.sessions': { name: msg('在线会话', 'Active sessions'), group: 'security' },
  'admin.audit': { name: msg('审计日志', 'Audit log'), group: 'audit' },
  'registry.read': { name: msg('查看创新主体库', 'View the registry'), group: 'business' },
  'registry.write': { name: msg('维护创新主体库', 'Maintain the registry'), group: 'business' },
  'registry.import': { name: msg('导入创新主体数据', 'Import registry data'), group: 'business' },
  'registry.own-profile': { name: msg('维护本单位档案', 'Maintain own profile'), group: 'business' },
  'plan.read': { name: msg('查看目标指标', 'View indicators and plan'), group: 'business' },
  'plan.write': {
    name: msg('填报指标与维护年度计划', 'Report figures and maintain the plan'),
    group: 'business',
  },
  'projects.read': { name: msg('查看科技计划项目', 'View S&T plan projects'), group: 'business' },
  'projects.manage': {
    name: msg(
      '管理计划项目（指南、形式审查、评审、立项、拨款、验收）',
      'Manage calls, reviews, funding and acceptance',
    ),
    group: 'business',
  },
  'projects.apply': { name: msg('申报项目', 'Apply for projects'), group: 'business' },
  'projects.recommend': {
    name: msg('推荐本地区项目', 'Recommend applications of the region'),
    group: 'business',
  },
  'projects.approve': { name: msg('审批立项', 'Approve funding'), group: 'business' },
  'projects.review': { name: msg('评审项目', 'Review applications'), group: 'business' },
  'policies.read': { name: msg('查看政策文件', 'View policy documents'), group: 'business' },
  'policies.manage': { name: msg('管理政策文件', 'Manage policy documents'), group: 'business' },
} as const satisfies Record<string, PermissionDef>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_CODES = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(p: string): p is Permission {
  return Object.hasOwn(PERMISSIONS, p);
}

export const DEFAULT_ROLE_PERMISSIONS: Record<RoleCode, Permission[]> = {
  sysadmin: ['admin.users', 'admin.departments'],
  secadmin: ['admin.roles', 'admin.security-policy', 'admin.sessions'],
  auditadmin: ['admin.audit'],
  leader: ['registry.read', 'plan.read', 'projects.read', 'projects.approve', 'policies.read'],
  staff: [
    'registry.read',
    'registry.write',
    'registry.import',
    'plan.read',
    'plan.write',
    'projects.read',
    'projects.manage',
    'policies.read',
    'policies.manage',
  ],
  county: [
    'registry.read',
    'registry.write',
    'registry.import',
    'plan.read',
    'projects.read',
    'projects.recommend',
    'policies.read',
  ],
  park: ['registry.read'],
  enterprise: ['registry.read', 'registry.own-profile', 'projects.apply'],
  institution: ['registry.read', 'registry.own-profile', 'projects.apply'],
  expert: ['projects.review'],
};

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
