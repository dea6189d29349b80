/**
 * Who may do what to an application: pure functions of (actor, scope, record state). The state
 * machine itself is TRANSITIONS (src/domain/projects.ts); this adds the permission the role must
 * still hold and ownership — an applicant acts only on its own organisation's applications, a
 * county only on its region's.
 */
import {
  type ActionCode,
  type ApplicationState,
  availableActions,
  roleMayAct,
  TRANSITIONS,
  type Transition,
  type TransitionActor,
} from '../../../domain/projects';
import type { Permission } from '../../../domain/roles';
import type { Actor } from '../../platform/actor';
import type { RegionTree } from '../../platform/region-tree';
import { inScope, type Scope, scopeOf } from '../../platform/scope';

const PROJECT_PERMISSIONS: readonly Permission[] = [
  'projects.read',
  'projects.manage',
  'projects.apply',
  'projects.recommend',
  'projects.approve',
  'projects.review',
];

/** The permission a transition's actor must hold besides the role (secadmin may withdraw it). */
export const ACTOR_PERMISSION: Record<TransitionActor, Permission> = {
  applicant: 'projects.apply',
  county: 'projects.recommend',
  staff: 'projects.manage',
  leader: 'projects.approve',
};

export function hasAnyProjectPermission(actor: Actor): boolean {
  return PROJECT_PERMISSIONS.some((p) => actor.permissions.has(p));
}

/** The applications an actor may see: the role's scope, or nothing without any project permission. */
export function projectScope(actor: Actor, regions: RegionTree): Scope {
  return hasAnyProjectPermission(actor) ? scopeOf(actor, regions) : { kind: 'none' };
}

export interface ApplicationFacts {
  orgId: string;
  regionCode: string;
  state: string;
}

export type ActionRefusal = 'role' | 'state' | null;

/** Why the actor may not take the action on this (visible) application, or null when it may. */
export function actionRefusal(
  actor: Actor,
  scope: Scope,
  app: ApplicationFacts,
  action: ActionCode,
): ActionRefusal {
  const t: Transition = TRANSITIONS[action];
  if (!roleMayAct(t.by, actor.role) || !actor.permissions.has(ACTOR_PERMISSION[t.by])) return 'role';
  const owns =
    t.by === 'applicant'
      ? actor.orgId === app.orgId
      : inScope(scope, { regionCode: app.regionCode, orgId: app.orgId });
  if (!owns) return 'role';
  if (!t.from.includes(app.state as ApplicationState)) return 'state';
  return null;
}

/** 立项 follows the publicity period (公示期) once it is over: the day after its last day. */
export function publicityOver(publicityUntil: string | null, today: string): boolean {
  return publicityUntil !== null && today > publicityUntil;
}

/**
 * The transitions the actor may take now: the buttons the page shows. 立项 is not offered while the
 * publicity runs (its guard would refuse it), so nobody is shown a button that cannot work today.
 */
export function actionsFor(
  actor: Actor,
  scope: Scope,
  app: ApplicationFacts & { publicityUntil?: string | null },
  today: string,
): ActionCode[] {
  return availableActions(app.state as ApplicationState, actor.role).filter(
    (a) =>
      actionRefusal(actor, scope, app, a) === null &&
      (a !== 'establish' || publicityOver(app.publicityUntil ?? null, today)),
  );
}

function isApplicant(actor: Actor, app: ApplicationFacts) {
  return actor.permissions.has('projects.apply') && actor.orgId !== null && actor.orgId === app.orgId;
}

/** After submission the applicant cannot edit, unless the application is returned. */
export function canEditApplication(actor: Actor, app: ApplicationFacts): boolean {
  return isApplicant(actor, app) && (app.state === 'draft' || app.state === 'returned');
}

export const FINAL_REPORT = 'final_report';

/**
 * Which attachments the actor may add or remove now: any while the form is editable; only the
 * final report (验收材料) while the project is under way.
 */
export function attachmentAbility(actor: Actor, app: ApplicationFacts): 'any' | 'final_report' | null {
  if (canEditApplication(actor, app)) return 'any';
  if (isApplicant(actor, app) && app.state === 'in_progress') return 'final_report';
  return null;
}

export function mayChangeAttachment(actor: Actor, app: ApplicationFacts, kind: string): boolean {
  const ability = attachmentAbility(actor, app);
  return ability === 'any' || (ability === 'final_report' && kind === FINAL_REPORT);
}
