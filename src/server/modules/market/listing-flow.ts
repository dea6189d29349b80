/** The moves an achievement or a demand makes, shared by both (LISTING_TRANSITIONS in the domain). */
import {
  LISTING_ACTION_NAMES,
  LISTING_STATUS_NAMES,
  LISTING_TRANSITIONS,
  type ListingAction,
  type ListingStatus,
} from '../../../domain/market';
import { type Msg, msg } from '../../../domain/message';
import type { Actor } from '../../platform/actor';
import { conflict, forbidden, invalid } from '../../platform/errors';
import type { Scope } from '../../platform/scope';
import { actionsFor, type Listing } from './policy';

/**
 * Checks an action on a listing and gives the columns it sets: 409 naming `action` for a move
 * the status does not allow, 403 for a move the actor may not make.
 */
export function applyAction(
  actor: Actor,
  scope: Scope,
  rec: Listing,
  action: ListingAction,
  today: string,
  comment: string | undefined,
): { status: ListingStatus; publishedOn?: string; endedOn?: string | null } {
  const t = LISTING_TRANSITIONS[action];
  if (!t.from.includes(rec.status)) {
    const from = LISTING_STATUS_NAMES[rec.status];
    const name = LISTING_ACTION_NAMES[action];
    throw conflict(
      msg(`${from.zh}的记录不能${name.zh}`, `A record that is ${from.en} cannot be: ${name.en}`),
      'action',
    );
  }
  if (!actionsFor(actor, scope, rec).includes(action)) throw forbidden();
  if (action === 'return' && !comment) {
    throw invalid('comment', msg('退回时须写明原因', 'Say why it is returned'));
  }
  if (action === 'publish') return { status: t.to, publishedOn: today, endedOn: null };
  if (action === 'withdraw' || action === 'expire') return { status: t.to, endedOn: today };
  return { status: t.to };
}

export const ACHIEVEMENT: Msg = msg('科技成果', 'achievement');
export const DEMAND: Msg = msg('技术需求', 'demand');
