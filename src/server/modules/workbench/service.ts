import type { WorkbenchItem, WorkbenchKey } from '../../../domain/contracts/workbench';
import type { ApplicationState } from '../../../domain/projects';
import type { Permission } from '../../../domain/roles';
import type { Actor } from '../../platform/actor';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { scopeOf } from '../../platform/scope';
import { registrarRegionOf } from '../contracts/policy';
import { countContracts } from '../contracts/repo';
import { countPending } from '../onboarding/repo';
import { countOpenBenefits } from '../policies/items-repo';
import { countOpenObjections } from '../portal/repo';
import { countApplications } from '../projects/applications/applications-repo';
import { countOwnNotifications } from '../projects/notifications/notifications-repo';
import { projectScope } from '../projects/policy';
import { countQualifications } from '../registry/qualifications-repo';
import { countOpenReviews, yearsWithData } from './workbench-repo';

/** A qualification ending within this many days counts as expiring (the expiry list's default). */
export const EXPIRING_DAYS = 90;

interface Line {
  key: WorkbenchKey;
  /** Who the line is for: the permission that lets the user act on what it counts. */
  permission: Permission | 'signed-in';
  menuKey: string;
  path: string;
  count(deps: Deps, actor: Actor): Promise<number>;
}

/** The registrar region a registrar's account acts for: its county, or the city for city staff. */
function registrarOf(deps: Deps, actor: Actor): string {
  return registrarRegionOf(deps.regions, actor.regionCode ?? '');
}

/** Applications of a state within the user's project scope — the same condition the list applies. */
const inState = (state: ApplicationState) => (deps: Deps, actor: Actor) =>
  countApplications(deps.db, projectScope(actor, deps.regions), { state }, deps.regions);

/**
 * What each role is waiting on, in the order the home page lists it. A state's transition belongs
 * to one role (domain/projects.ts), so each line goes to the holder of that role's permission.
 */
const LINES: readonly Line[] = [
  {
    key: 'toApprove',
    permission: 'projects.approve',
    menuKey: 'projects-approvals',
    path: '/projects/approvals',
    count: inState('proposed'),
  },
  {
    key: 'toRecommend',
    permission: 'projects.recommend',
    menuKey: 'projects-recommend',
    path: '/projects/recommend',
    count: inState('submitted'),
  },
  {
    key: 'toCheck',
    permission: 'projects.manage',
    menuKey: 'projects-manage',
    path: '/projects/manage?tab=list&state=recommended',
    count: inState('recommended'),
  },
  {
    key: 'toPropose',
    permission: 'projects.manage',
    menuKey: 'projects-manage',
    path: '/projects/manage?tab=list&state=reviewed',
    count: inState('reviewed'),
  },
  {
    key: 'toAcceptFinal',
    permission: 'projects.manage',
    menuKey: 'projects-manage',
    path: '/projects/manage?tab=list&state=acceptance_pending',
    count: inState('acceptance_pending'),
  },
  {
    key: 'toReview',
    permission: 'projects.review',
    menuKey: 'projects-reviews',
    path: '/projects/reviews',
    count: (deps, actor) => countOpenReviews(deps.db, actor.id),
  },
  {
    // Technology contracts awaiting this registrar: a county's bureau its county's, the city's the rest.
    key: 'toRegister',
    permission: 'contracts.register',
    menuKey: 'contracts-list',
    path: '',
    count: (deps, actor) =>
      countContracts(
        deps.db,
        scopeOf(actor, deps.regions),
        { status: 'submitted', registrarRegion: registrarOf(deps, actor) },
        deps.regions,
        clock.today(),
      ),
  },
  {
    // 公示异议 received on the portal and not yet answered.
    key: 'toAnswerObjections',
    permission: 'portal.manage',
    menuKey: 'portal-objections',
    path: '/portal/objections?status=open',
    count: (deps) => countOpenObjections(deps.db),
  },
  {
    // Self-registrations waiting for this reviewer (门户与注册).
    key: 'toOnboard',
    permission: 'onboarding.review',
    menuKey: 'onboarding-registrations',
    path: '/onboarding/registrations?status=pending',
    count: (deps, actor) => countPending(deps.db, scopeOf(actor, deps.regions)),
  },
  {
    key: 'toCorrect',
    permission: 'projects.apply',
    menuKey: 'projects-mine',
    path: '/projects/my-applications?state=returned',
    count: inState('returned'),
  },
  {
    key: 'drafts',
    permission: 'projects.apply',
    menuKey: 'projects-mine',
    path: '/projects/my-applications?state=draft',
    count: inState('draft'),
  },
  {
    key: 'expiring',
    permission: 'registry.read',
    menuKey: 'registry-expiry',
    path: `/registry/expiry?expiresWithin=${EXPIRING_DAYS}`,
    count: (deps, actor) =>
      countQualifications(
        deps.db,
        scopeOf(actor, deps.regions),
        { status: 'all', expiresWithin: EXPIRING_DAYS, validOn: clock.today() },
        deps.regions,
      ),
  },
  {
    // 免申即享: notices the organisation has still to answer (bank account or decline).
    key: 'toConfirmBenefit',
    permission: 'policies.benefits',
    menuKey: 'policies-benefits',
    path: '/policies/benefits?status=notified',
    count: (deps, actor) => (actor.orgId ? countOpenBenefits(deps.db, actor.orgId) : Promise.resolve(0)),
  },
  {
    key: 'unread',
    permission: 'signed-in',
    menuKey: 'notifications',
    path: '/notifications',
    count: (deps, actor) => countOwnNotifications(deps.db, actor.id, true),
  },
];

/**
 * The user's to-do counts: only the lines their permissions open, each counted within their scope
 * (a county's counts cover its county and zones; an applicant's its own organisation).
 */
export async function workbench(deps: Deps, actor: Actor): Promise<WorkbenchItem[]> {
  const mine = LINES.filter((l) => l.permission === 'signed-in' || actor.permissions.has(l.permission));
  const counts = await Promise.all(mine.map((l) => l.count(deps, actor)));
  return mine.map((l, i) => ({
    key: l.key,
    count: counts[i],
    path:
      l.key === 'toRegister'
        ? `/contracts?status=submitted&registrarRegion=${registrarOf(deps, actor)}`
        : l.path,
    menuKey: l.menuKey,
  }));
}

/** The years held and the one every page opens on by default: the newest year with data. */
export async function dataYears(deps: Deps) {
  const years = await yearsWithData(deps.db, clock.year());
  return { years, latest: years[0] ?? null };
}
