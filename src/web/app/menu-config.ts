/**
 * The navigation: one line per page. The menu, the routes, the 403 guard and the home-page cards
 * are all built from this array, so a module that lands adds its line here and nothing else.
 * An entry shows only when `me.abilities` holds its permission.
 */
import {
  ApartmentOutlined,
  AuditOutlined,
  DesktopOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Permission } from '../../domain/roles';
import type { MessageKey } from './i18n';

export interface MenuEntry {
  key: string;
  path: string;
  icon: ComponentType;
  labelKey: MessageKey;
  /** One sentence for the home-page card. */
  descriptionKey: MessageKey;
  permission: Permission;
  page: LazyExoticComponent<ComponentType>;
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
  // Business modules add their line here, e.g. the registry under 'registry.read'.
];

export function visibleMenu(can: (permission: Permission) => boolean): MenuEntry[] {
  return MENU.filter((entry) => can(entry.permission));
}

/** The entry whose page is showing, for the selected menu item and the document title. */
export function menuEntryFor(pathname: string): MenuEntry | undefined {
  return MENU.find((entry) => pathname === entry.path || pathname.startsWith(`${entry.path}/`));
}
