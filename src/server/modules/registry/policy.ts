import { OWN_PROFILE_FIELDS } from '../../../domain/contracts/registry';
import type { Actor } from '../../platform/actor';
import { inScope, type Scope } from '../../platform/scope';

type OrgFacts = { id: string; regionCode: string; parkId: string | null };

/**
 * Who may change an organisation's record: registry writers within their scope change all of it;
 * the organisation's own account corrects its contact details and reports its statistics.
 */
export function orgEditAbility(actor: Actor, scope: Scope, org: OrgFacts): 'full' | 'own-profile' | null {
  const facts = { regionCode: org.regionCode, orgId: org.id, parkId: org.parkId };
  if (actor.permissions.has('registry.write') && inScope(scope, facts) && scope.kind !== 'org') return 'full';
  if (actor.permissions.has('registry.own-profile') && actor.orgId === org.id) return 'own-profile';
  return null;
}

export function fieldsOutsideOwnProfile(body: Record<string, unknown>): string[] {
  return Object.keys(body).filter((k) => !(OWN_PROFILE_FIELDS as readonly string[]).includes(k));
}

/** A registry writer in scope, acting on a record owned by an organisation in that scope. */
export function canWriteInScope(
  actor: Actor,
  scope: Scope,
  record: { regionCode: string; orgId: string; parkId?: string | null },
) {
  return actor.permissions.has('registry.write') && scope.kind !== 'org' && inScope(scope, record);
}
