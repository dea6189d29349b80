/** Who may do what in the technology market (pure rules over actor, scope and record). */
import {
  LISTING_ACTIONS,
  LISTING_TRANSITIONS,
  type ListingAction,
  type ListingStatus,
} from '../../../domain/market';
import type { Actor } from '../../platform/actor';
import { inScope, type Scope } from '../../platform/scope';
import { isBureau } from './market-sql';

export interface Listing {
  orgId: string;
  regionCode: string;
  status: ListingStatus;
}

/** The owner organisation's own user, holding the right to post. */
export function isOwner(actor: Actor, rec: { orgId: string }): boolean {
  return !!actor.orgId && actor.orgId === rec.orgId && actor.permissions.has('market.post');
}

/** Bureau staff managing the market whose scope holds the record's region. */
export function isManager(actor: Actor, scope: Scope, rec: { regionCode: string }): boolean {
  return actor.permissions.has('market.manage') && inScope(scope, { regionCode: rec.regionCode });
}

/** The bureau (in scope) and the owner read contacts, confidential parts, interests and matches. */
export function seesPrivate(actor: Actor, scope: Scope, rec: Listing): boolean {
  return (
    (isBureau(scope) && inScope(scope, { regionCode: rec.regionCode })) ||
    isOwner(actor, rec) ||
    actor.orgId === rec.orgId
  );
}

export function canEdit(actor: Actor, scope: Scope, rec: Listing): boolean {
  if (rec.status === 'withdrawn' || rec.status === 'expired') return false;
  if (isManager(actor, scope, rec)) return true;
  return isOwner(actor, rec) && rec.status !== 'submitted';
}

export function actionsFor(actor: Actor, scope: Scope, rec: Listing): ListingAction[] {
  const owner = isOwner(actor, rec);
  const manager = isManager(actor, scope, rec);
  return LISTING_ACTIONS.filter((action) => {
    const t = LISTING_TRANSITIONS[action];
    if (!t.from.includes(rec.status)) return false;
    if (t.by === 'owner') return owner || (manager && action === 'submit');
    if (t.by === 'staff') return manager;
    return owner || manager;
  });
}

/** Another signed-in organisation may express interest in a published listing. */
export function canExpressInterest(actor: Actor, rec: Listing): boolean {
  return !!actor.orgId && actor.orgId !== rec.orgId && rec.status === 'published';
}
