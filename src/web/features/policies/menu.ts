/** The policy library's pages in the navigation (see src/web/app/menu-config.ts). */
import { FileProtectOutlined, GiftOutlined, MoneyCollectOutlined } from '@ant-design/icons';
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
  {
    key: 'policies-items',
    path: '/policies/items',
    icon: MoneyCollectOutlined,
    labelKey: 'menu.policies.items',
    descriptionKey: 'menu.policies.items.desc',
    permission: 'policies.read',
    group: 'policies',
    page: lazy(() => import('./pages/items-page').then((m) => ({ default: m.ItemsPage }))),
    subRoutes: [
      {
        path: '/policies/items/:id',
        page: lazy(() => import('./pages/item-page').then((m) => ({ default: m.ItemPage }))),
      },
    ],
  },
  {
    key: 'policies-benefits',
    path: '/policies/benefits',
    icon: GiftOutlined,
    labelKey: 'menu.policies.benefits',
    descriptionKey: 'menu.policies.benefits.desc',
    permission: 'policies.benefits',
    group: 'policies',
    page: lazy(() => import('./pages/benefits-page').then((m) => ({ default: m.BenefitsPage }))),
  },
];
