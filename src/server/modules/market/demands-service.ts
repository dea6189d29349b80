/** 技术需求: posting, checking, publishing; the confidential part only for the bureau and the owner. */
import type { DemandBody, DemandUpdate, ListingActionBody } from '../../../domain/contracts/market';
import { msg } from '../../../domain/message';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { forbidden, invalid, notFound } from '../../platform/errors';
import { scopeOf } from '../../platform/scope';
import { checkMayPost, ownerFor } from './achievements-service';
import { demandText, getDemand, insertDemand, lockDemand, updateDemandRow } from './demands-repo';
import { applyAction, DEMAND } from './listing-flow';
import { hasInterest, interestsIn } from './matches-repo';
import { writeTerms } from './matching-repo';
import { actionsFor, canEdit, canExpressInterest, seesPrivate } from './policy';
import { demandVector, vectorLength } from './text';

function checkBudget(min: string | null | undefined, max: string | null | undefined) {
  if (min != null && max != null && Number(min) > Number(max)) {
    throw invalid('budgetMax', msg('预算上限不能低于下限', 'The upper budget cannot be below the lower'));
  }
}

export async function demandDetail(deps: Deps, actor: Actor, id: string) {
  const scope = scopeOf(actor, deps.regions);
  const item = await getDemand(deps.db, scope, id);
  if (!item) throw notFound(DEMAND);
  const rec = { orgId: item.orgId, regionCode: item.regionCode, status: item.status };
  const text = await demandText(deps.db, id);
  const privy = seesPrivate(actor, scope, rec);
  const contacts = privy || (!!actor.orgId && (await hasInterest(deps.db, 'demand', id, actor.orgId)));
  return {
    demand: {
      ...item,
      problem: text.problem,
      expectedOutcome: text.expectedOutcome,
      confidential: privy ? text.confidential : null,
      contactPerson: contacts ? text.contactPerson : null,
      contactPhone: contacts ? text.contactPhone : null,
    },
    interests: privy ? await interestsIn(deps.db, 'demand', id) : [],
    abilities: {
      edit: canEdit(actor, scope, rec),
      actions: actionsFor(actor, scope, rec),
      matches: privy,
      interest: canExpressInterest(actor, rec),
    },
  };
}

export async function createDemand(deps: Deps, ctx: AuditContext, actor: Actor, body: DemandBody) {
  checkMayPost(actor);
  checkBudget(body.budgetMin, body.budgetMax);
  if (body.deadline && body.deadline < clock.today()) {
    throw invalid('deadline', msg('截止日期不能早于今天', 'The deadline cannot be in the past'));
  }
  const id = await deps.db.transaction(async (tx) => {
    const org = await ownerFor(deps, tx, actor, body.orgId, 'orgId');
    const vector = demandVector(body);
    const row = await insertDemand(tx, {
      ...body,
      orgId: org.id,
      regionCode: org.regionCode,
      status: 'draft',
      termCount: vectorLength(vector),
    });
    await writeTerms(tx, 'demand', row.id, vector);
    await writeAudit(tx, ctx, {
      action: 'market.demand.create',
      targetType: 'market_demand',
      targetId: row.id,
      after: { ...row, contactPhone: undefined, confidential: undefined },
    });
    return row.id;
  });
  return (await getDemand(deps.db, scopeOf(actor, deps.regions), id))!;
}

async function loadForWrite(deps: Deps, tx: Tx, actor: Actor, id: string) {
  const scope = scopeOf(actor, deps.regions);
  if (!(await getDemand(tx, scope, id))) throw notFound(DEMAND);
  const row = await lockDemand(tx, id);
  return { row, scope, rec: { orgId: row.orgId, regionCode: row.regionCode, status: row.status } };
}

export async function updateDemand(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: DemandUpdate,
) {
  await deps.db.transaction(async (tx) => {
    const { row, scope, rec } = await loadForWrite(deps, tx, actor, id);
    if (!canEdit(actor, scope, rec)) throw forbidden();
    const merged = { ...row, ...body };
    checkBudget(merged.budgetMin, merged.budgetMax);
    const vector = demandVector(merged);
    const after = await updateDemandRow(tx, id, { ...body, termCount: vectorLength(vector) });
    await writeTerms(tx, 'demand', id, vector);
    await writeAudit(tx, ctx, {
      action: 'market.demand.update',
      targetType: 'market_demand',
      targetId: id,
      before: { ...row, contactPhone: undefined, confidential: undefined },
      after: { ...after, contactPhone: undefined, confidential: undefined },
    });
  });
  return (await getDemand(deps.db, scopeOf(actor, deps.regions), id))!;
}

export async function actOnDemand(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  { action, comment }: ListingActionBody,
) {
  await deps.db.transaction(async (tx) => {
    const { row, scope, rec } = await loadForWrite(deps, tx, actor, id);
    const set = applyAction(actor, scope, rec, action, clock.today(), comment);
    await updateDemandRow(tx, id, set);
    await writeAudit(tx, ctx, {
      action: `market.demand.${action}`,
      targetType: 'market_demand',
      targetId: id,
      before: { status: row.status },
      after: { ...set, comment },
    });
  });
  return (await getDemand(deps.db, scopeOf(actor, deps.regions), id))!;
}
