/** 技术合同's pages in the navigation (see src/web/app/menu-config.ts). */
import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { MenuEntry } from '../../app/menu-config';

export const CONTRACTS_MENU: readonly MenuEntry[] = [
  {
    key: 'contracts-list',
    path: '/contracts',
    icon: AuditOutlined,
    labelKey: 'menu.contracts.list',
    descriptionKey: 'menu.contracts.list.desc',
    permission: 'contracts.read',
    group: 'contracts',
    page: lazy(() => import('./pages/contracts-page').then((m) => ({ default: m.ContractsPage }))),
    subRoutes: [
      {
        path: '/contracts/:id',
        page: lazy(() => import('./pages/contract-page').then((m) => ({ default: m.ContractPage }))),
      },
    ],
  },
];
