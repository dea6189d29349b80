/**
 * The navigation: one line per page. The menu, the routes, the 403 guard and the home-page cards
 * are all built from this array, so a module that lands adds its line here and nothing else.
 * An entry shows only when `me.abilities` holds its permission.
 */
import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  DesktopOutlined,
  EnvironmentOutlined,
  ExperimentOutlined,
  FieldTimeOutlined,
  FileWordOutlined,
  FormOutlined,
  FundProjectionScreenOutlined,
  IdcardOutlined,
  LineChartOutlined,
  BellOutlined as NotificationsIcon,
  AlertOutlined as ProjectsApprovalsIcon,
  ContainerOutlined as ProjectsCallsIcon,
  UserSwitchOutlined as ProjectsExpertsIcon,
  ProjectOutlined as ProjectsGroupIcon,
  ReconciliationOutlined as ProjectsManageIcon,
  EditOutlined as ProjectsMineIcon,
  LikeOutlined as ProjectsRecommendIcon,
  ScheduleOutlined as ProjectsReviewsIcon,
  RiseOutlined,
  RocketOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Permission } from '../../domain/roles';
import type { MessageKey } from './i18n';

type Page = LazyExoticComponent<ComponentType>;

/** A module's pages sit together under one expandable item of the side menu. */
export const MENU_GROUPS = {
  registry: { labelKey: 'menu.group.registry', icon: DatabaseOutlined },
  plan: { labelKey: 'menu.group.plan', icon: FundProjectionScreenOutlined },
  projects: { labelKey: 'menu.group.projects', icon: ProjectsGroupIcon },
} as const satisfies Record<string, { labelKey: MessageKey; icon: ComponentType }>;
export type MenuGroupKey = keyof typeof MENU_GROUPS;

export interface MenuEntry {
  key: string;
  path: string;
  icon: ComponentType;
  labelKey: MessageKey;
  /** One sentence for the home-page card. */
  descriptionKey: MessageKey;
  permission: Permission;
  page: Page;
  group?: MenuGroupKey;
  /** Pages below this one (a record, a job), reached by links, under the same permission. */
  subRoutes?: readonly { path: string; page: Page }[];
  /**
   * Left out of the menu and home page (the route stays) for users holding this permission: an
   * organisation's own account reads one record, so city-wide lists would only be clutter.
   */
  hiddenWith?: Permission;
  /** Other paths on which this entry shows as the current one, when the owner of those is hidden. */
  alsoActiveOn?: readonly string[];
}

export const MENU: readonly MenuEntry[] = [
  {
    key: 'users',
    path: '/admin/users',
    icon: TeamOutlined,
    labelKey: 'menu.users',
    descriptionKey: 'menu.users.desc',
    permission: 'admin.users',
    page: lazy(() => import('../features/admin/pages/users-page').then((m) => ({ default: m.UsersPage }))),
  },
  {
    key: 'departments',
    path: '/admin/departments',
    icon: ApartmentOutlined,
    labelKey: 'menu.departments',
    descriptionKey: 'menu.departments.desc',
    permission: 'admin.departments',
    page: lazy(() =>
      import('../features/admin/pages/departments-page').then((m) => ({ default: m.DepartmentsPage })),
    ),
  },
  {
    key: 'roles',
    path: '/admin/roles',
    icon: SolutionOutlined,
    labelKey: 'menu.roles',
    descriptionKey: 'menu.roles.desc',
    permission: 'admin.roles',
    page: lazy(() => import('../features/admin/pages/roles-page').then((m) => ({ default: m.RolesPage }))),
  },
  {
    key: 'security-policy',
    path: '/admin/security-policy',
    icon: SafetyCertificateOutlined,
    labelKey: 'menu.securityPolicy',
    descriptionKey: 'menu.securityPolicy.desc',
    permission: 'admin.security-policy',
    page: lazy(() =>
      import('../features/admin/pages/security-policy-page').then((m) => ({ default: m.SecurityPolicyPage })),
    ),
  },
  {
    key: 'sessions',
    path: '/admin/sessions',
    icon: DesktopOutlined,
    labelKey: 'menu.sessions',
    descriptionKey: 'menu.sessions.desc',
    permission: 'admin.sessions',
    page: lazy(() =>
      import('../features/admin/pages/sessions-page').then((m) => ({ default: m.SessionsPage })),
    ),
  },
  {
    key: 'audit',
    path: '/admin/audit',
    icon: AuditOutlined,
    labelKey: 'menu.audit',
    descriptionKey: 'menu.audit.desc',
    permission: 'admin.audit',
    page: lazy(() => import('../features/admin/pages/audit-page').then((m) => ({ default: m.AuditPage }))),
  },
  // 创新主体库 (registry)
  {
    key: 'registry-orgs',
    path: '/registry/orgs',
    icon: BankOutlined,
    labelKey: 'menu.registry.orgs',
    descriptionKey: 'menu.registry.orgs.desc',
    permission: 'registry.read',
    group: 'registry',
    hiddenWith: 'registry.own-profile',
    page: lazy(() => import('../features/registry/pages/orgs-page').then((m) => ({ default: m.OrgsPage }))),
    subRoutes: [
      {
        path: '/registry/orgs/:id',
        page: lazy(() => import('../features/registry/pages/org-page').then((m) => ({ default: m.OrgPage }))),
      },
    ],
  },
  {
    key: 'registry-my-org',
    path: '/registry/my-org',
    icon: IdcardOutlined,
    labelKey: 'menu.registry.myOrg',
    descriptionKey: 'menu.registry.myOrg.desc',
    permission: 'registry.own-profile',
    group: 'registry',
    alsoActiveOn: ['/registry/orgs/'],
    page: lazy(() =>
      import('../features/registry/pages/my-org-page').then((m) => ({ default: m.MyOrgPage })),
    ),
  },
  {
    key: 'registry-qualifications',
    path: '/registry/qualifications',
    icon: TrophyOutlined,
    labelKey: 'menu.registry.qualifications',
    descriptionKey: 'menu.registry.qualifications.desc',
    permission: 'registry.read',
    group: 'registry',
    hiddenWith: 'registry.own-profile',
    page: lazy(() =>
      import('../features/registry/pages/qualifications-page').then((m) => ({
        default: m.QualificationsPage,
      })),
    ),
  },
  {
    key: 'registry-expiry',
    path: '/registry/expiry',
    icon: FieldTimeOutlined,
    labelKey: 'menu.registry.expiry',
    descriptionKey: 'menu.registry.expiry.desc',
    permission: 'registry.read',
    group: 'registry',
    hiddenWith: 'registry.own-profile',
    page: lazy(() =>
      import('../features/registry/pages/expiry-page').then((m) => ({ default: m.ExpiryPage })),
    ),
  },
  {
    key: 'registry-cultivation',
    path: '/registry/cultivation',
    icon: RiseOutlined,
    labelKey: 'menu.registry.cultivation',
    descriptionKey: 'menu.registry.cultivation.desc',
    permission: 'registry.read',
    group: 'registry',
    hiddenWith: 'registry.own-profile',
    page: lazy(() =>
      import('../features/registry/pages/cultivation-page').then((m) => ({ default: m.CultivationPage })),
    ),
  },
  {
    key: 'registry-platforms',
    path: '/registry/platforms',
    icon: ExperimentOutlined,
    labelKey: 'menu.registry.platforms',
    descriptionKey: 'menu.registry.platforms.desc',
    permission: 'registry.read',
    group: 'registry',
    hiddenWith: 'registry.own-profile',
    page: lazy(() =>
      import('../features/registry/pages/platforms-page').then((m) => ({ default: m.PlatformsPage })),
    ),
  },
  {
    key: 'registry-carriers',
    path: '/registry/carriers',
    icon: RocketOutlined,
    labelKey: 'menu.registry.carriers',
    descriptionKey: 'menu.registry.carriers.desc',
    permission: 'registry.read',
    group: 'registry',
    hiddenWith: 'registry.own-profile',
    page: lazy(() =>
      import('../features/registry/pages/carriers-page').then((m) => ({ default: m.CarriersPage })),
    ),
  },
  {
    key: 'registry-parks',
    path: '/registry/parks',
    icon: EnvironmentOutlined,
    labelKey: 'menu.registry.parks',
    descriptionKey: 'menu.registry.parks.desc',
    permission: 'registry.read',
    group: 'registry',
    hiddenWith: 'registry.own-profile',
    page: lazy(() => import('../features/registry/pages/parks-page').then((m) => ({ default: m.ParksPage }))),
  },
  {
    key: 'registry-import',
    path: '/registry/imports',
    icon: CloudUploadOutlined,
    labelKey: 'menu.registry.import',
    descriptionKey: 'menu.registry.import.desc',
    permission: 'registry.import',
    group: 'registry',
    page: lazy(() =>
      import('../features/registry/pages/imports-page').then((m) => ({ default: m.ImportsPage })),
    ),
    subRoutes: [
      {
        path: '/registry/imports/:id',
        page: lazy(() =>
          import('../features/registry/pages/imports-page').then((m) => ({ default: m.ImportsPage })),
        ),
      },
    ],
  },
  // 目标指标监测 (plan & indicators)
  {
    key: 'plan-cockpit',
    path: '/plan/cockpit',
    icon: DashboardOutlined,
    labelKey: 'menu.plan.cockpit',
    descriptionKey: 'menu.plan.cockpit.desc',
    permission: 'plan.read',
    group: 'plan',
    page: lazy(() => import('../features/plan/pages/cockpit-page').then((m) => ({ default: m.CockpitPage }))),
  },
  {
    key: 'plan-indicators',
    path: '/plan/indicators',
    icon: LineChartOutlined,
    labelKey: 'menu.plan.indicators',
    descriptionKey: 'menu.plan.indicators.desc',
    permission: 'plan.read',
    group: 'plan',
    page: lazy(() =>
      import('../features/plan/pages/indicators-page').then((m) => ({ default: m.IndicatorsPage })),
    ),
  },
  {
    key: 'plan-targets',
    path: '/plan/targets',
    icon: AimOutlined,
    labelKey: 'menu.plan.targets',
    descriptionKey: 'menu.plan.targets.desc',
    permission: 'plan.read',
    group: 'plan',
    page: lazy(() => import('../features/plan/pages/targets-page').then((m) => ({ default: m.TargetsPage }))),
  },
  {
    key: 'plan-reported',
    path: '/plan/reported',
    icon: FormOutlined,
    labelKey: 'menu.plan.reported',
    descriptionKey: 'menu.plan.reported.desc',
    permission: 'plan.write',
    group: 'plan',
    page: lazy(() =>
      import('../features/plan/pages/reported-page').then((m) => ({ default: m.ReportedPage })),
    ),
  },
  {
    key: 'plan-rankings',
    path: '/plan/rankings',
    icon: BarChartOutlined,
    labelKey: 'menu.plan.rankings',
    descriptionKey: 'menu.plan.rankings.desc',
    permission: 'plan.read',
    group: 'plan',
    page: lazy(() =>
      import('../features/plan/pages/rankings-page').then((m) => ({ default: m.RankingsPage })),
    ),
  },
  {
    key: 'plan-summary',
    path: '/plan/summary',
    icon: FileWordOutlined,
    labelKey: 'menu.plan.summary',
    descriptionKey: 'menu.plan.summary.desc',
    permission: 'plan.read',
    group: 'plan',
    page: lazy(() => import('../features/plan/pages/summary-page').then((m) => ({ default: m.SummaryPage }))),
  },
  // 科技计划项目 (S&T plan projects). Applicants and the bureau reach calls and notifications by
  // different permissions, so those pages have one entry per audience, each on its own path.
  {
    key: 'projects-calls',
    path: '/projects/calls',
    icon: ProjectsCallsIcon,
    labelKey: 'menu.projects.calls',
    descriptionKey: 'menu.projects.calls.desc',
    permission: 'projects.read',
    group: 'projects',
    page: lazy(() => import('../features/projects/pages/calls-page').then((m) => ({ default: m.CallsPage }))),
  },
  {
    key: 'projects-open-calls',
    path: '/projects/open-calls',
    icon: ProjectsCallsIcon,
    labelKey: 'menu.projects.calls',
    descriptionKey: 'menu.projects.calls.desc',
    permission: 'projects.apply',
    group: 'projects',
    page: lazy(() => import('../features/projects/pages/calls-page').then((m) => ({ default: m.CallsPage }))),
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
      import('../features/projects/pages/my-applications-page').then((m) => ({
        default: m.MyApplicationsPage,
      })),
    ),
    subRoutes: [
      {
        path: '/projects/my-applications/:id',
        page: lazy(() =>
          import('../features/projects/pages/my-application-page').then((m) => ({
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
    page: lazy(() =>
      import('../features/projects/pages/recommend-page').then((m) => ({ default: m.RecommendPage })),
    ),
  },
  {
    key: 'projects-approvals',
    path: '/projects/approvals',
    icon: ProjectsApprovalsIcon,
    labelKey: 'menu.projects.approvals',
    descriptionKey: 'menu.projects.approvals.desc',
    permission: 'projects.approve',
    group: 'projects',
    page: lazy(() =>
      import('../features/projects/pages/approvals-page').then((m) => ({ default: m.ApprovalsPage })),
    ),
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
    page: lazy(() =>
      import('../features/projects/pages/manage-page').then((m) => ({ default: m.ManagePage })),
    ),
    subRoutes: [
      {
        path: '/projects/applications/:id',
        page: lazy(() =>
          import('../features/projects/pages/application-page').then((m) => ({ default: m.ApplicationPage })),
        ),
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
    page: lazy(() =>
      import('../features/projects/pages/reviews-page').then((m) => ({ default: m.ReviewsPage })),
    ),
    subRoutes: [
      {
        path: '/projects/reviews/:id',
        page: lazy(() =>
          import('../features/projects/pages/review-page').then((m) => ({ default: m.ReviewPage })),
        ),
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
    page: lazy(() =>
      import('../features/projects/pages/experts-page').then((m) => ({ default: m.ExpertsPage })),
    ),
  },
  // 通知: a MenuEntry takes one permission, and no permission is held by every role, so each
  // audience of project notifications has its own path (the administrators receive none).
  {
    key: 'notifications',
    path: '/notifications',
    icon: NotificationsIcon,
    labelKey: 'menu.notifications',
    descriptionKey: 'menu.notifications.desc',
    permission: 'projects.read',
    page: lazy(() =>
      import('../features/projects/pages/notifications-page').then((m) => ({ default: m.NotificationsPage })),
    ),
  },
  {
    key: 'notifications-applicant',
    path: '/notifications/applicant',
    icon: NotificationsIcon,
    labelKey: 'menu.notifications',
    descriptionKey: 'menu.notifications.desc',
    permission: 'projects.apply',
    page: lazy(() =>
      import('../features/projects/pages/notifications-page').then((m) => ({ default: m.NotificationsPage })),
    ),
  },
  {
    key: 'notifications-expert',
    path: '/notifications/expert',
    icon: NotificationsIcon,
    labelKey: 'menu.notifications',
    descriptionKey: 'menu.notifications.desc',
    permission: 'projects.review',
    page: lazy(() =>
      import('../features/projects/pages/notifications-page').then((m) => ({ default: m.NotificationsPage })),
    ),
  },
];

export function visibleMenu(can: (permission: Permission) => boolean): MenuEntry[] {
  return MENU.filter((entry) => can(entry.permission) && !(entry.hiddenWith && can(entry.hiddenWith)));
}

/** The entry whose page is showing, for the selected menu item and the document title. */
export function menuEntryFor(pathname: string, entries: readonly MenuEntry[] = MENU): MenuEntry | undefined {
  return (
    entries.find((entry) => pathname === entry.path || pathname.startsWith(`${entry.path}/`)) ??
    entries.find((entry) => entry.alsoActiveOn?.some((prefix) => pathname.startsWith(prefix)))
  );
}

export type MenuNode =
  | { kind: 'entry'; entry: MenuEntry }
  | { kind: 'group'; group: MenuGroupKey; entries: MenuEntry[] };

/** Entries in menu order, those of a group gathered where the group's first entry stands. */
export function menuTree(entries: readonly MenuEntry[]): MenuNode[] {
  const nodes: MenuNode[] = [];
  for (const entry of entries) {
    if (!entry.group) {
      nodes.push({ kind: 'entry', entry });
      continue;
    }
    const group = nodes.find((n) => n.kind === 'group' && n.group === entry.group);
    if (group?.kind === 'group') group.entries.push(entry);
    else nodes.push({ kind: 'group', group: entry.group, entries: [entry] });
  }
  return nodes;
}
