/** Credit records in the navigation (see src/web/app/menu-config.ts). */
import { StopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { MenuEntry } from '../../app/menu-config';

export const CREDIT_MENU: readonly MenuEntry[] = [
  {
    key: 'credit-records',
    path: '/credit',
    icon: StopOutlined,
    labelKey: 'menu.credit.records',
    descriptionKey: 'menu.credit.records.desc',
    permission: 'credit.read',
    group: 'credit',
    page: lazy(() => import('./pages/credit-page').then((m) => ({ default: m.CreditPage }))),
  },
];
