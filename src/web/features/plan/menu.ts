/** The plan module's pages in the navigation (see src/web/app/menu-config.ts). */
import {
  AimOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FileWordOutlined,
  FormOutlined,
  LineChartOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { MenuEntry } from '../../app/menu-config';

export const PLAN_MENU: readonly MenuEntry[] = [
  // 目标指标监测 (plan & indicators)
  {
    key: 'plan-cockpit',
    path: '/plan/cockpit',
    icon: DashboardOutlined,
    labelKey: 'menu.plan.cockpit',
    descriptionKey: 'menu.plan.cockpit.desc',
    permission: 'plan.read',
    group: 'plan',
    page: lazy(() => import('./pages/cockpit-page').then((m) => ({ default: m.CockpitPage }))),
    // 大屏: the meeting-room display, opened from the cockpit.
    subRoutes: [
      {
        path: '/plan/cockpit/screen',
        page: lazy(() => import('./pages/screen-page').then((m) => ({ default: m.ScreenPage }))),
      },
    ],
  },
  {
    key: 'plan-indicators',
    path: '/plan/indicators',
    icon: LineChartOutlined,
    labelKey: 'menu.plan.indicators',
    descriptionKey: 'menu.plan.indicators.desc',
    permission: 'plan.read',
    group: 'plan',
    page: lazy(() => import('./pages/indicators-page').then((m) => ({ default: m.IndicatorsPage }))),
  },
  {
    key: 'plan-targets',
    path: '/plan/targets',
    icon: AimOutlined,
    labelKey: 'menu.plan.targets',
    descriptionKey: 'menu.plan.targets.desc',
    permission: 'plan.read',
    group: 'plan',
    page: lazy(() => import('./pages/targets-page').then((m) => ({ default: m.TargetsPage }))),
  },
  {
    key: 'plan-reported',
    path: '/plan/reported',
    icon: FormOutlined,
    labelKey: 'menu.plan.reported',
    descriptionKey: 'menu.plan.reported.desc',
    permission: 'plan.write',
    group: 'plan',
    page: lazy(() => import('./pages/reported-page').then((m) => ({ default: m.ReportedPage }))),
  },
  {
    key: 'plan-rankings',
    path: '/plan/rankings',
    icon: BarChartOutlined,
    labelKey: 'menu.plan.rankings',
    descriptionKey: 'menu.plan.rankings.desc',
    permission: 'plan.read',
    group: 'plan',
    page: lazy(() => import('./pages/rankings-page').then((m) => ({ default: m.RankingsPage }))),
  },
  {
    key: 'plan-summary',
    path: '/plan/summary',
    icon: FileWordOutlined,
    labelKey: 'menu.plan.summary',
    descriptionKey: 'menu.plan.summary.desc',
    permission: 'plan.read',
    group: 'plan',
    page: lazy(() => import('./pages/summary-page').then((m) => ({ default: m.SummaryPage }))),
  },
];
