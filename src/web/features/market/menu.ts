/** The technology market's pages in the navigation (see src/web/app/menu-config.ts). */
import { BulbOutlined, FlagOutlined, NotificationOutlined, SolutionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { MenuEntry } from '../../app/menu-config';

export const MARKET_MENU: readonly MenuEntry[] = [
  {
    key: 'market-achievements',
    path: '/market/achievements',
    icon: BulbOutlined,
    labelKey: 'menu.market.achievements',
    descriptionKey: 'menu.market.achievements.desc',
    permission: 'market.read',
    group: 'market',
    page: lazy(() => import('./pages/achievements-page').then((m) => ({ default: m.AchievementsPage }))),
  },
  {
    key: 'market-demands',
    path: '/market/demands',
    icon: SolutionOutlined,
    labelKey: 'menu.market.demands',
    descriptionKey: 'menu.market.demands.desc',
    permission: 'market.read',
    group: 'market',
    page: lazy(() => import('./pages/demands-page').then((m) => ({ default: m.DemandsPage }))),
  },
  {
    key: 'market-calls',
    path: '/market/calls',
    icon: FlagOutlined,
    labelKey: 'menu.market.calls',
    descriptionKey: 'menu.market.calls.desc',
    permission: 'market.read',
    group: 'market',
    page: lazy(() => import('./pages/calls-page').then((m) => ({ default: m.CallsPage }))),
  },
  {
    key: 'market-events',
    path: '/market/events',
    icon: NotificationOutlined,
    labelKey: 'menu.market.events',
    descriptionKey: 'menu.market.events.desc',
    permission: 'market.read',
    group: 'market',
    page: lazy(() => import('./pages/events-page').then((m) => ({ default: m.EventsPage }))),
  },
];
