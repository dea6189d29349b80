/** 知识产权's pages in the navigation (see src/web/app/menu-config.ts). */
import { AuditOutlined, FileSearchOutlined, UploadOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { MenuEntry } from '../../app/menu-config';

export const IP_MENU: readonly MenuEntry[] = [
  {
    key: 'ip-patents',
    path: '/ip/patents',
    icon: FileSearchOutlined,
    labelKey: 'menu.ip.patents',
    descriptionKey: 'menu.ip.patents.desc',
    permission: 'ip.read',
    group: 'ip',
    page: lazy(() => import('./pages/patents-page').then((m) => ({ default: m.PatentsPage }))),
  },
  {
    key: 'ip-import',
    path: '/ip/import',
    icon: UploadOutlined,
    labelKey: 'menu.ip.import',
    descriptionKey: 'menu.ip.import.desc',
    permission: 'ip.manage',
    group: 'ip',
    page: lazy(() => import('./pages/import-page').then((m) => ({ default: m.ImportPage }))),
  },
  {
    key: 'ip-cases',
    path: '/ip/cases',
    icon: AuditOutlined,
    labelKey: 'menu.ip.cases',
    descriptionKey: 'menu.ip.cases.desc',
    permission: 'ip.cases',
    group: 'ip',
    page: lazy(() => import('./pages/cases-page').then((m) => ({ default: m.CasesPage }))),
  },
];
