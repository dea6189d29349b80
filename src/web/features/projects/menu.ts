/** The projects module's pages in the navigation (see src/web/app/menu-config.ts). */
import {
  BellOutlined as NotificationsIcon,
  AlertOutlined as ProjectsApprovalsIcon,
  ContainerOutlined as ProjectsCallsIcon,
  UserSwitchOutlined as ProjectsExpertsIcon,
  ReconciliationOutlined as ProjectsManageIcon,
  EditOutlined as ProjectsMineIcon,
  LikeOutlined as ProjectsRecommendIcon,
  ScheduleOutlined as ProjectsReviewsIcon,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { MenuEntry } from '../../app/menu-config';

export const PROJECTS_MENU: readonly MenuEntry[] = [
  // 科技计划项目 (S&T plan projects). Applicants and the bureau reach the calls by different
  // permissions, so that page has one entry per audience, each on its own path.
  {
    key: 'projects-calls',
    path: '/projects/calls',
    icon: ProjectsCallsIcon,
    labelKey: 'menu.projects.calls',
    descriptionKey: 'menu.projects.calls.desc',
    permission: 'projects.read',
    group: 'projects',
    page: lazy(() => import('./pages/calls-page').then((m) => ({ default: m.CallsPage }))),
  },
  {
    key: 'projects-open-calls',
    path: '/projects/open-calls',
    icon: ProjectsCallsIcon,
    labelKey: 'menu.projects.calls',
    descriptionKey: 'menu.projects.calls.desc',
    permission: 'projects.apply',
    group: 'projects',
    page: lazy(() => import('./pages/calls-page').then((m) => ({ default: m.CallsPage }))),
  },
  {
    key: 'projects-mine',
    path: '/projects/my-applications',
    icon: ProjectsMineIcon,
    labelKey: 'menu.projects.mine',
    descriptionKey: 'menu.projects.mine.desc',
    permission: 'projects.apply',
    group: 'projects',
    page: lazy(() =>
      import('./pages/my-applications-page').then((m) => ({
        default: m.MyApplicationsPage,
      })),
    ),
    subRoutes: [
      {
        path: '/projects/my-applications/:id',
        page: lazy(() =>
          import('./pages/my-application-page').then((m) => ({
            default: m.MyApplicationPage,
          })),
        ),
      },
    ],
  },
  {
    key: 'projects-recommend',
    path: '/projects/recommend',
    icon: ProjectsRecommendIcon,
    labelKey: 'menu.projects.recommend',
    descriptionKey: 'menu.projects.recommend.desc',
    permission: 'projects.recommend',
    group: 'projects',
    page: lazy(() => import('./pages/recommend-page').then((m) => ({ default: m.RecommendPage }))),
  },
  {
    key: 'projects-approvals',
    path: '/projects/approvals',
    icon: ProjectsApprovalsIcon,
    labelKey: 'menu.projects.approvals',
    descriptionKey: 'menu.projects.approvals.desc',
    permission: 'projects.approve',
    group: 'projects',
    page: lazy(() => import('./pages/approvals-page').then((m) => ({ default: m.ApprovalsPage }))),
  },
  {
    key: 'projects-manage',
    path: '/projects/manage',
    icon: ProjectsManageIcon,
    labelKey: 'menu.projects.manage',
    descriptionKey: 'menu.projects.manage.desc',
    permission: 'projects.read',
    group: 'projects',
    alsoActiveOn: ['/projects/applications/'],
    page: lazy(() => import('./pages/manage-page').then((m) => ({ default: m.ManagePage }))),
    subRoutes: [
      {
        path: '/projects/applications/:id',
        page: lazy(() => import('./pages/application-page').then((m) => ({ default: m.ApplicationPage }))),
      },
    ],
  },
  {
    key: 'projects-reviews',
    path: '/projects/reviews',
    icon: ProjectsReviewsIcon,
    labelKey: 'menu.projects.reviews',
    descriptionKey: 'menu.projects.reviews.desc',
    permission: 'projects.review',
    group: 'projects',
    page: lazy(() => import('./pages/reviews-page').then((m) => ({ default: m.ReviewsPage }))),
    subRoutes: [
      {
        path: '/projects/reviews/:id',
        page: lazy(() => import('./pages/review-page').then((m) => ({ default: m.ReviewPage }))),
      },
    ],
  },
  {
    key: 'projects-experts',
    path: '/projects/experts',
    icon: ProjectsExpertsIcon,
    labelKey: 'menu.projects.experts',
    descriptionKey: 'menu.projects.experts.desc',
    permission: 'projects.manage',
    group: 'projects',
    page: lazy(() => import('./pages/experts-page').then((m) => ({ default: m.ExpertsPage }))),
  },
  // 通知: every signed-in user has their own notifications, whatever their role.
  {
    key: 'notifications',
    path: '/notifications',
    icon: NotificationsIcon,
    labelKey: 'menu.notifications',
    descriptionKey: 'menu.notifications.desc',
    permission: 'signed-in',
    page: lazy(() => import('./pages/notifications-page').then((m) => ({ default: m.NotificationsPage }))),
  },
];
