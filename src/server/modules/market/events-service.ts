/** 推介会: the event, the achievements presented at it, and (through matches) the contacts it led to. */
import type { EventBody } from '../../../domain/contracts/market';
import { msg } from '../../../domain/message';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { forbidden, invalid, notFound } from '../../platform/errors';
import { inScope, scopeOf } from '../../platform/scope';
import { countPublished, getEvent, insertEvent, presentedAchievements } from './events-repo';

const EVENT = msg('推介会', 'event');

export async function eventDetail(deps: Deps, actor: Actor, id: string) {
  const event = await getEvent(deps.db, scopeOf(actor, deps.regions), deps.regions, id);
  if (!event) throw notFound(EVENT);
  return { event, achievements: await presentedAchievements(deps.db, id) };
}

export async function createEvent(deps: Deps, ctx: AuditContext, actor: Actor, body: EventBody) {
  if (!deps.regions.get(body.regionCode)) throw invalid('regionCode', msg('区域不存在', 'No such region'));
  const scope = scopeOf(actor, deps.regions);
  if (!inScope(scope, { regionCode: body.regionCode })) throw forbidden();
  const ids = [...new Set(body.achievementIds)];
  if ((await countPublished(deps.db, ids)) !== ids.length) {
    throw invalid(
      'achievementIds',
      msg('推介的成果须为已发布的成果', 'Presented achievements must be published'),
    );
  }
  const { achievementIds: _ids, ...values } = body;
  const id = await deps.db.transaction(async (tx) => {
    const row = await insertEvent(tx, values, ids);
    await writeAudit(tx, ctx, {
      action: 'market.event.create',
      targetType: 'market_event',
      targetId: row.id,
      after: { ...row, presented: ids.length },
    });
    return row.id;
  });
  return eventDetail(deps, actor, id);
}
