/** The portal back office's pages in the navigation (see src/web/app/menu-config.ts). */
import { AppstoreOutlined, MessageOutlined, NotificationOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { MenuEntry } from '../../app/menu-config';

export const PORTAL_MENU: readonly MenuEntry[] = [
  {
    key: 'portal-notices',
    path: '/portal/notices',
    icon: NotificationOutlined,
    labelKey: 'menu.portal.notices',
    descriptionKey: 'menu.portal.notices.desc',
    permission: 'portal.manage',
    group: 'portal',
    page: lazy(() => import('./pages/notices-page').then((m) => ({ default: m.NoticesPage }))),
  },
  {
    key: 'portal-objections',
    path: '/portal/objections',
    icon: MessageOutlined,
    labelKey: 'menu.portal.objections',
    descriptionKey: 'menu.portal.objections.desc',
    permission: 'portal.manage',
    group: 'portal',
    page: lazy(() => import('./pages/objections-page').then((m) => ({ default: m.ObjectionsPage }))),
  },
  {
    key: 'portal-site',
    path: '/portal/site',
    icon: AppstoreOutlined,
    labelKey: 'menu.portal.site',
    descriptionKey: 'menu.portal.site.desc',
    permission: 'portal.manage',
    group: 'portal',
    page: lazy(() => import('./pages/site-page').then((m) => ({ default: m.SitePage }))),
  },
];
