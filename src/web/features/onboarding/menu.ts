/** 门户与注册's pages in the navigation (see src/web/app/menu-config.ts); the public pages are in the router. */
import { AuditOutlined, MailOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { MenuEntry } from '../../app/menu-config';

export const ONBOARDING_MENU: readonly MenuEntry[] = [
  {
    key: 'onboarding-registrations',
    path: '/onboarding/registrations',
    icon: AuditOutlined,
    labelKey: 'menu.onboarding.registrations',
    descriptionKey: 'menu.onboarding.registrations.desc',
    permission: 'onboarding.review',
    group: 'onboarding',
    page: lazy(() => import('./pages/registrations-page').then((m) => ({ default: m.RegistrationsPage }))),
  },
  {
    key: 'onboarding-accounts',
    path: '/org-accounts',
    icon: TeamOutlined,
    labelKey: 'menu.onboarding.accounts',
    descriptionKey: 'menu.onboarding.accounts.desc',
    permission: 'onboarding.accounts',
    group: 'onboarding',
    page: lazy(() => import('./pages/org-accounts-page').then((m) => ({ default: m.OrgAccountsPage }))),
  },
  {
    key: 'onboarding-outbox',
    path: '/onboarding/outbox',
    icon: MailOutlined,
    labelKey: 'menu.onboarding.outbox',
    descriptionKey: 'menu.onboarding.outbox.desc',
    permission: 'onboarding.outbox',
    group: 'onboarding',
    page: lazy(() => import('./pages/outbox-page').then((m) => ({ default: m.OutboxPage }))),
  },
];
