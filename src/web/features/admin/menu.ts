/** The administrators' pages (三员) in the navigation (see src/web/app/menu-config.ts). */
import {
  ApartmentOutlined,
  AuditOutlined,
  DesktopOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { MenuEntry } from '../../app/menu-config';

export const ADMIN_MENU: readonly MenuEntry[] = [
  {
    key: 'users',
    path: '/admin/users',
    icon: TeamOutlined,
    labelKey: 'menu.users',
    descriptionKey: 'menu.users.desc',
    permission: 'admin.users',
    page: lazy(() => import('./pages/users-page').then((m) => ({ default: m.UsersPage }))),
  },
  {
    key: 'departments',
    path: '/admin/departments',
    icon: ApartmentOutlined,
    labelKey: 'menu.departments',
    descriptionKey: 'menu.departments.desc',
    permission: 'admin.departments',
    page: lazy(() => import('./pages/departments-page').then((m) => ({ default: m.DepartmentsPage }))),
  },
  {
    key: 'roles',
    path: '/admin/roles',
    icon: SolutionOutlined,
    labelKey: 'menu.roles',
    descriptionKey: 'menu.roles.desc',
    permission: 'admin.roles',
    page: lazy(() => import('./pages/roles-page').then((m) => ({ default: m.RolesPage }))),
  },
  {
    key: 'role-grants',
    path: '/admin/role-grants',
    icon: TeamOutlined,
    labelKey: 'menu.grants',
    descriptionKey: 'menu.grants.desc',
    permission: 'admin.roles',
    page: lazy(() => import('./pages/role-grants-page').then((m) => ({ default: m.RoleGrantsPage }))),
  },
  {
    key: 'security-policy',
    path: '/admin/security-policy',
    icon: SafetyCertificateOutlined,
    labelKey: 'menu.securityPolicy',
    descriptionKey: 'menu.securityPolicy.desc',
    permission: 'admin.security-policy',
    page: lazy(() => import('./pages/security-policy-page').then((m) => ({ default: m.SecurityPolicyPage }))),
  },
  {
    key: 'sessions',
    path: '/admin/sessions',
    icon: DesktopOutlined,
    labelKey: 'menu.sessions',
    descriptionKey: 'menu.sessions.desc',
    permission: 'admin.sessions',
    page: lazy(() => import('./pages/sessions-page').then((m) => ({ default: m.SessionsPage }))),
  },
  {
    key: 'audit',
    path: '/admin/audit',
    icon: AuditOutlined,
    labelKey: 'menu.audit',
    descriptionKey: 'menu.audit.desc',
    permission: 'admin.audit',
    page: lazy(() => import('./pages/audit-page').then((m) => ({ default: m.AuditPage }))),
  },
];
