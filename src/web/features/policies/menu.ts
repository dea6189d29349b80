/** The policy library's pages in the navigation (see src/web/app/menu-config.ts). */
import { FileProtectOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { MenuEntry } from '../../app/menu-config';

export const POLICIES_MENU: readonly MenuEntry[] = [
  {
    key: 'policies-documents',
    path: '/policies',
    icon: FileProtectOutlined,
    labelKey: 'menu.policies.documents',
    descriptionKey: 'menu.policies.documents.desc',
    permission: 'policies.read',
    group: 'policies',
    page: lazy(() => import('./pages/policies-page').then((m) => ({ default: m.PoliciesPage }))),
  },
];
