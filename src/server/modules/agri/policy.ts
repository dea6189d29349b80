/** Who may do what in 农业科技 and 科技特派员 (pure rules, no database). */
import type { LogStatus } from '../../../domain/agri';
import type { Actor } from '../../platform/actor';
import { inScope, type Scope } from '../../platform/scope';

/** A manager (bureau staff, a county) of records in a region of its scope. */
export function canManageRegion(actor: Actor, scope: Scope, regionCode: string): boolean {
  return actor.permissions.has('agri.manage') && inScope(scope, { regionCode });
}

/** Only the commissioner dispatched enters logs under a dispatch. */
export function canLogUnder(actor: Actor, dispatch: { commissionerUserId: string | null }): boolean {
  return actor.permissions.has('agri.log') && dispatch.commissionerUserId === actor.id;
}

/** Photos are added by the log's commissioner until the served party has decided. */
export function canAddPhoto(actor: Actor, log: { commissionerUserId: string | null; status: LogStatus }) {
  return log.status === 'submitted' && canLogUnder(actor, log);
}

/**
 * The served party decides on a log: a registry organisation through its own account; a party
 * without an account (a village) through the county overseeing it.
 */
export function canDecide(
  actor: Actor,
  scope: Scope,
  log: { servedOrgId: string | null; regionCode: string },
): boolean {
  if (!actor.permissions.has('agri.confirm')) return false;
  if (log.servedOrgId) return scope.kind === 'org' && scope.orgId === log.servedOrgId;
  return scope.kind === 'region' && inScope(scope, { regionCode: log.regionCode });
}
