/** Who may change a policy document (the rules, apart from the SQL and the transactions). */
import { POLICY_TRANSITIONS, type PolicyStatus } from '../../../domain/policies';
import type { Actor } from '../../platform/actor';
import { inScope, type Scope } from '../../platform/scope';

/** A manager whose scope holds the issuing bureau's region. */
export function canManagePolicy(actor: Actor, scope: Scope, doc: { regionCode: string }): boolean {
  return actor.permissions.has('policies.manage') && inScope(scope, { regionCode: doc.regionCode });
}

/** Only a draft is edited; an issued document changes by being repealed and replaced. */
export function canEditPolicy(actor: Actor, scope: Scope, doc: { regionCode: string; status: PolicyStatus }) {
  return doc.status === 'drafting' && canManagePolicy(actor, scope, doc);
}

/** The moves open to this actor from the document's status. */
export function transitionsFor(
  actor: Actor,
  scope: Scope,
  doc: { regionCode: string; status: PolicyStatus },
): PolicyStatus[] {
  return canManagePolicy(actor, scope, doc) ? [...POLICY_TRANSITIONS[doc.status]] : [];
}
