/**
 * The navigation: one line per page. The menu, the routes, the 403 guard and the home-page cards
 * are all built from this array; each module keeps its own entries (features/<module>/menu.ts).
 * An entry shows only when `me.abilities` holds its permission, or to everyone signed in when it
 * asks for no more than that ('signed-in', as a server route's `config.access`).
 */
import {
  ApartmentOutlined,
  AuditOutlined,
  DatabaseOutlined,
  DesktopOutlined,
  FundProjectionScreenOutlined,
  ProjectOutlined as ProjectsGroupIcon,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Permission } from '../../domain/roles';
import { PLAN_MENU } from '../features/plan/menu';
import { PROJECTS_MENU } from '../features/projects/menu';
import { REGISTRY_MENU } from '../features/registry/menu';
import type { MessageKey } from './i18n';

type Page = LazyExoticComponent<ComponentType>;

/** Who sees an entry: the holders of a permission, or every signed-in user. */
export type MenuAccess = Permission | 'signed-in';

/** Whether a user with these abilities may open a page of this access. */
export function mayOpen(access: MenuAccess, can: (permission: Permission) => boolean): boolean {
  return access === 'signed-in' || can(access);
}

/** A module's pages sit together under one expandable item of the side menu. */
export const MENU_GROUPS = {
  registry: { labelKey: 'menu.group.registry', icon: DatabaseOutlined },
  plan: { labelKey: 'menu.group.plan', icon: FundProjectionScreenOutlined },
  projects: { labelKey: 'menu.group.projects', icon: ProjectsGroupIcon },
} as const satisfies Record<string, { labelKey: MessageKey; icon: ComponentType }>;
export type MenuGroupKey = keyof typeof MENU_GROUPS;

export interface MenuEntry {
  key: string;
  path: string;
  icon: ComponentType;
  labelKey: MessageKey;
  /** One sentence for the home-page card. */
  descriptionKey: MessageKey;
  permission: MenuAccess;
  page: Page;
  group?: MenuGroupKey;
  /** Pages below this one (a record, a job), reached by links, under the same permission. */
  subRoutes?: readonly { path: string; page: Page }[];
  /**
   * Left out of the menu and home page (the route stays) for users holding this permission: an
   * organisation's own account reads one record, so city-wide lists would only be clutter.
   */
  hiddenWith?: Permission;
  /** Other paths on which this entry shows as the current one, when the owner of those is hidden. */
  alsoActiveOn?: readonly string[];
}

export const MENU: readonly MenuEntry[] = [
  {
    key: 'users',
    path: '/admin/users',
    icon: TeamOutlined,
    labelKey: 'menu.users',
    descriptionKey: 'menu.users.desc',
    permission: 'admin.users',
    page: lazy(() => import('../features/admin/pages/users-page').then((m) => ({ default: m.UsersPage }))),
  },
  {
    key: 'departments',
    path: '/admin/departments',
    icon: ApartmentOutlined,
    labelKey: 'menu.departments',
    descriptionKey: 'menu.departments.desc',
    permission: 'admin.departments',
    page: lazy(() =>
      import('../features/admin/pages/departments-page').then((m) => ({ default: m.DepartmentsPage })),
    ),
  },
  {
    key: 'roles',
    path: '/admin/roles',
    icon: SolutionOutlined,
    labelKey: 'menu.roles',
    descriptionKey: 'menu.roles.desc',
    permission: 'admin.roles',
    page: lazy(() => import('../features/admin/pages/roles-page').then((m) => ({ default: m.RolesPage }))),
  },
  {
    key: 'role-grants',
    path: '/admin/role-grants',
    icon: TeamOutlined,
    labelKey: 'menu.grants',
    descriptionKey: 'menu.grants.desc',
    permission: 'admin.roles',
    page: lazy(() =>
      import('../features/admin/pages/role-grants-page').then((m) => ({ default: m.RoleGrantsPage })),
    ),
  },
  {
    key: 'security-policy',
    path: '/admin/security-policy',
    icon: SafetyCertificateOutlined,
    labelKey: 'menu.securityPolicy',
    descriptionKey: 'menu.securityPolicy.desc',
    permission: 'admin.security-policy',
    page: lazy(() =>
      import('../features/admin/pages/security-policy-page').then((m) => ({ default: m.SecurityPolicyPage })),
    ),
  },
  {
    key: 'sessions',
    path: '/admin/sessions',
    icon: DesktopOutlined,
    labelKey: 'menu.sessions',
    descriptionKey: 'menu.sessions.desc',
    permission: 'admin.sessions',
    page: lazy(() =>
      import('../features/admin/pages/sessions-page').then((m) => ({ default: m.SessionsPage })),
    ),
  },
  {
    key: 'audit',
    path: '/admin/audit',
    icon: AuditOutlined,
    labelKey: 'menu.audit',
    descriptionKey: 'menu.audit.desc',
    permission: 'admin.audit',
    page: lazy(() => import('../features/admin/pages/audit-page').then((m) => ({ default: m.AuditPage }))),
  },
  ...REGISTRY_MENU,
  ...PLAN_MENU,
  ...PROJECTS_MENU,
];

export function visibleMenu(can: (permission: Permission) => boolean): MenuEntry[] {
  return MENU.filter(
    (entry) => mayOpen(entry.permission, can) && !(entry.hiddenWith && can(entry.hiddenWith)),
  );
}

/** The entry whose page is showing, for the selected menu item and the document title. */
export function menuEntryFor(pathname: string, entries: readonly MenuEntry[] = MENU): MenuEntry | undefined {
  return (
    entries.find((entry) => pathname === entry.path || pathname.startsWith(`${entry.path}/`)) ??
    entries.find((entry) => entry.alsoActiveOn?.some((prefix) => pathname.startsWith(prefix)))
  );
}

export type MenuNode =
  | { kind: 'entry'; entry: MenuEntry }
  | { kind: 'group'; group: MenuGroupKey; entries: MenuEntry[] };

/** Entries in menu order, those of a group gathered where the group's first entry stands. */
export function menuTree(entries: readonly MenuEntry[]): MenuNode[] {
  const nodes: MenuNode[] = [];
  for (const entry of entries) {
    if (!entry.group) {
      nodes.push({ kind: 'entry', entry });
      continue;
    }
    const group = nodes.find((n) => n.kind === 'group' && n.group === entry.group);
    if (group?.kind === 'group') group.entries.push(entry);
    else nodes.push({ kind: 'group', group: entry.group, entries: [entry] });
  }
  return nodes;
}
