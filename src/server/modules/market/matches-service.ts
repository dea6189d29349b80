/** Matches taken up from the ranking, their progress, and organisations' interest; all audited. */
import type { MatchCreate, MatchTransition } from '../../../domain/contracts/market';
import { MATCH_STATUS_NAMES, MATCH_TRANSITIONS } from '../../../domain/market';
import { msg } from '../../../domain/message';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { type Scope, scopeOf } from '../../platform/scope';
import { getAchievement } from './achievements-repo';
import { getDemand } from './demands-repo';
import { eventExists } from './events-repo';
import { ACHIEVEMENT, DEMAND } from './listing-flow';
import {
  findMatch,
  getMatch,
  insertInterest,
  insertMatch,
  lockMatch,
  matchesOf,
  updateMatchRow,
} from './matches-repo';
import { rankCounterparts } from './matching';
import { canExpressInterest, seesPrivate } from './policy';

const MATCH = msg('对接记录', 'match');
const TARGET_TYPES = { demand: 'market_demand', achievement: 'market_achievement' } as const;

/** The record a ranking is asked of, if the actor may work its matches (404 unseen, 403 not privy). */
async function privyRecord(
  deps: Deps,
  actor: Actor,
  scope: Scope,
  side: 'demand' | 'achievement',
  id: string,
) {
  if (side === 'demand') {
    const d = await getDemand(deps.db, scope, id);
    if (!d) throw notFound(DEMAND);
    const rec = { orgId: d.orgId, regionCode: d.regionCode, status: d.status };
    if (!seesPrivate(actor, scope, rec)) throw forbidden();
    return { ...rec, field: d.field as string };
  }
  const a = await getAchievement(deps.db, scope, id);
  if (!a) throw notFound(ACHIEVEMENT);
  const rec = { orgId: a.ownerOrgId, regionCode: a.regionCode, status: a.status };
  if (!seesPrivate(actor, scope, rec)) throw forbidden();
  return { ...rec, field: a.field as string };
}

export async function rankedFor(
  deps: Deps,
  actor: Actor,
  side: 'demand' | 'achievement',
  id: string,
  limit = 10,
) {
  const scope = scopeOf(actor, deps.regions);
  const rec = await privyRecord(deps, actor, scope, side, id);
  const ranked = await rankCounterparts(
    deps.db,
    { kind: side, id, field: rec.field, regionCode: rec.regionCode },
    limit,
  );
  const taken = new Map(
    (await matchesOf(deps.db, side, id)).map((m) => [side === 'demand' ? m.achievementId : m.demandId, m]),
  );
  return {
    items: ranked.map(({ regionCode: _r, ...r }) => {
      const m = taken.get(r.id);
      return { ...r, match: m ? { id: m.id, status: m.status } : null };
    }),
  };
}

/** Takes a ranked counterpart up: the match starts as contacted, with the reasons it was ranked. */
export async function createMatch(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  side: 'demand' | 'achievement',
  id: string,
  body: MatchCreate,
) {
  const scope = scopeOf(actor, deps.regions);
  await privyRecord(deps, actor, scope, side, id);
  const demandId = side === 'demand' ? id : body.counterpartId;
  const achievementId = side === 'demand' ? body.counterpartId : id;
  const city = { kind: 'city' } as const;
  const [d, a] = await Promise.all([
    getDemand(deps.db, city, demandId),
    getAchievement(deps.db, city, achievementId),
  ]);
  const other = side === 'demand' ? a : d;
  if (!d || !a || other?.status !== 'published') {
    throw invalid(
      'counterpartId',
      msg('对方须为已发布的成果或需求', 'The counterpart must be a published listing'),
    );
  }
  if (body.eventId && !(await eventExists(deps.db, body.eventId))) {
    throw invalid('eventId', msg('推介会不存在', 'No such event'));
  }
  const ranked = await rankedFor(deps, actor, side, id, 60);
  const hit = ranked.items.find((r) => r.id === body.counterpartId);
  const matchId = await deps.db.transaction(async (tx) => {
    if (await findMatch(tx, demandId, achievementId)) {
      throw conflict(
        msg('这对成果与需求已在对接中', 'This pair is already being followed up'),
        'counterpartId',
      );
    }
    const row = await insertMatch(tx, {
      demandId,
      achievementId,
      demandRegionCode: d.regionCode,
      achievementRegionCode: a.regionCode,
      demandOrgId: d.orgId,
      achievementOrgId: a.ownerOrgId,
      score: hit?.score ?? null,
      reasons: hit?.reasons ?? [],
      status: 'contacted',
      eventId: body.eventId ?? null,
      note: body.note ?? null,
      contactedOn: clock.today(),
    });
    await writeAudit(tx, ctx, {
      action: 'market.match.create',
      targetType: 'market_match',
      targetId: row.id,
      after: row,
    });
    return row.id;
  });
  return (await getMatch(deps.db, scope, matchId))!;
}

/** contacted → negotiating → contracted, or not pursued with a coded reason. */
export async function transitionMatch(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: MatchTransition,
) {
  const scope = scopeOf(actor, deps.regions);
  await deps.db.transaction(async (tx) => {
    if (!(await getMatch(tx, scope, id))) throw notFound(MATCH);
    const row = await lockMatch(tx, id);
    const party = !!actor.orgId && (actor.orgId === row.demandOrgId || actor.orgId === row.achievementOrgId);
    if (!party && !actor.permissions.has('market.manage')) throw forbidden();
    if (!MATCH_TRANSITIONS[row.status].includes(body.to)) {
      const from = MATCH_STATUS_NAMES[row.status];
      const to = MATCH_STATUS_NAMES[body.to];
      throw conflict(
        msg(`${from.zh}的对接不能改为${to.zh}`, `A match that is ${from.en} cannot become ${to.en}`),
        'to',
      );
    }
    if (body.to === 'dropped' && !body.reason) {
      throw invalid('reason', msg('不再推进须选择原因', 'Choose why it is not pursued'));
    }
    const ends = body.to === 'contracted' || body.to === 'dropped';
    const set = {
      status: body.to,
      dropReason: body.to === 'dropped' ? body.reason : null,
      ...(body.note ? { note: body.note } : {}),
      ...(ends ? { closedOn: clock.today() } : {}),
    };
    await updateMatchRow(tx, id, set);
    await writeAudit(tx, ctx, {
      action: `market.match.${body.to}`,
      targetType: 'market_match',
      targetId: id,
      before: { status: row.status },
      after: set,
    });
  });
  return (await getMatch(deps.db, scope, id))!;
}

/** A signed-in organisation's interest: it gets the contacts, the owner sees who is interested. */
export async function expressInterest(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  kind: 'demand' | 'achievement',
  id: string,
  note: string | undefined,
) {
  const scope = scopeOf(actor, deps.regions);
  const row =
    kind === 'demand' ? await getDemand(deps.db, scope, id) : await getAchievement(deps.db, scope, id);
  if (!row) throw notFound(kind === 'demand' ? DEMAND : ACHIEVEMENT);
  const orgId = 'orgId' in row ? row.orgId : row.ownerOrgId;
  if (!canExpressInterest(actor, { orgId, regionCode: row.regionCode, status: row.status }) || !actor.orgId) {
    throw forbidden();
  }
  const orgOfActor = actor.orgId;
  await deps.db.transaction(async (tx) => {
    const added = await insertInterest(tx, {
      kind,
      recordId: id,
      orgId: orgOfActor,
      userId: actor.id,
      note: note ?? null,
    });
    if (added) {
      await writeAudit(tx, ctx, {
        action: 'market.interest',
        targetType: TARGET_TYPES[kind],
        targetId: id,
        after: { orgId: orgOfActor, note },
      });
    }
  });
}
