import { eq } from 'drizzle-orm';
import type {
  CarrierAnnualBody,
  CarrierBody,
  CarrierListQuery,
  CarrierUpdate,
  FacilityEndBody,
} from '../../../domain/contracts/registry-facilities';
import { msg } from '../../../domain/message';
import type { Tx } from '../../db/client';
import { carriers } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { pageOf } from '../../platform/listing';
import { inScope, type Scope, scopeOf } from '../../platform/scope';
import {
  carrierAnnualRows,
  countCarriers,
  getCarrierAnnual,
  getCarrierRow,
  listCarriers,
  moveCarrierAnnual,
  upsertCarrierAnnual,
} from './carriers-repo';
import { facilityNameTaken, getCarrierFacts, lockOrgRow } from './facilities-repo';
import { loadVisibleOrg } from './orgs-service';
import { canWriteInScope } from './policy';

const CARRIER = msg('孵化载体', 'incubation carrier');

export async function listCarrierPage(deps: Deps, actor: Actor, q: CarrierListQuery) {
  const scope = scopeOf(actor, deps.regions);
  const { limit, offset } = pageOf(q);
  const [items, total] = await Promise.all([
    listCarriers(deps.db, scope, q, deps.regions, limit, offset),
    countCarriers(deps.db, scope, q, deps.regions),
  ]);
  return { items, total };
}

/** The operator named in a body: one the actor may see and write for (an unseen one is a bad field). */
async function writableOperator(tx: Tx, actor: Actor, scope: Scope, operatorOrgId: string) {
  const op = await loadVisibleOrg(tx, scope, operatorOrgId).catch((e) => {
    throw e instanceof AppError && e.status === 404
      ? invalid('operatorOrgId', msg('运营单位不存在或不在管辖范围内', 'No such operator in your scope'))
      : e;
  });
  if (!canWriteInScope(actor, scope, { regionCode: op.regionCode, orgId: op.id, parkId: op.parkId }))
    throw forbidden();
  // Serialises writers of this operator's carriers, so the name check below holds.
  await lockOrgRow(tx, op.id);
  return op;
}

async function assertNameFree(tx: Tx, operatorOrgId: string, name: string, exceptId?: string) {
  if (await facilityNameTaken(tx, carriers, operatorOrgId, name, exceptId)) {
    throw conflict(
      msg('该运营单位已有同名孵化载体', 'The operator already runs an incubation carrier of this name'),
      'name',
    );
  }
}

/** Loads a carrier the actor may see (404 otherwise), with whether they may change it. */
async function loadVisible(tx: Tx, actor: Actor, scope: Scope, id: string) {
  const facts = await getCarrierFacts(tx, id);
  if (!facts) throw notFound(CARRIER);
  const c = facts.carrier;
  const rec = { regionCode: c.regionCode, orgId: c.operatorOrgId, parkId: facts.parkId };
  if (!inScope(scope, rec)) throw notFound(CARRIER);
  return { carrier: c, canEdit: canWriteInScope(actor, scope, rec) };
}

async function loadWritable(tx: Tx, actor: Actor, scope: Scope, id: string) {
  const { carrier, canEdit } = await loadVisible(tx, actor, scope, id);
  if (!canEdit) throw forbidden();
  return carrier;
}

export async function carrierDetail(deps: Deps, actor: Actor, id: string) {
  const scope = scopeOf(actor, deps.regions);
  const { canEdit } = await loadVisible(deps.db, actor, scope, id);
  const [carrier, annual] = await Promise.all([getCarrierRow(deps.db, id), carrierAnnualRows(deps.db, id)]);
  return { carrier: carrier!, annual, abilities: { edit: canEdit } };
}

export async function createCarrier(deps: Deps, ctx: AuditContext, actor: Actor, body: CarrierBody) {
  const scope = scopeOf(actor, deps.regions);
  return deps.db.transaction(async (tx) => {
    const op = await writableOperator(tx, actor, scope, body.operatorOrgId);
    await assertNameFree(tx, op.id, body.name);
    const [row] = await tx
      .insert(carriers)
      .values({ ...body, regionCode: op.regionCode })
      .returning();
    await writeAudit(tx, ctx, {
      action: 'carrier.create',
      targetType: 'carrier',
      targetId: row.id,
      after: row,
    });
    return (await getCarrierRow(tx, row.id))!;
  });
}

export async function updateCarrier(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: CarrierUpdate,
) {
  const scope = scopeOf(actor, deps.regions);
  return deps.db.transaction(async (tx) => {
    const before = await loadWritable(tx, actor, scope, id);
    const op =
      body.operatorOrgId && body.operatorOrgId !== before.operatorOrgId
        ? await writableOperator(tx, actor, scope, body.operatorOrgId)
        : null;
    if (!op) await lockOrgRow(tx, before.operatorOrgId);
    const operatorOrgId = op?.id ?? before.operatorOrgId;
    if (body.name !== undefined || op) await assertNameFree(tx, operatorOrgId, body.name ?? before.name, id);
    if (before.endedOn && before.endedOn < (body.recognizedOn ?? before.recognizedOn)) {
      throw invalid(
        'recognizedOn',
        msg('认定日期不能晚于终止日期', 'The recognition date cannot follow the end date'),
      );
    }
    const [after] = await tx
      .update(carriers)
      .set({ ...body, ...(op ? { regionCode: op.regionCode } : {}), updatedAt: new Date() })
      .where(eq(carriers.id, id))
      .returning();
    // A carrier's yearly figures carry its region for scoping; they follow a change of operator.
    if (op) await moveCarrierAnnual(tx, id, op.regionCode);
    const changed = [...Object.keys(body), ...(op ? ['regionCode'] : [])] as (keyof typeof before)[];
    await writeAudit(tx, ctx, {
      action: 'carrier.update',
      targetType: 'carrier',
      targetId: id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
    return (await getCarrierRow(tx, id))!;
  });
}

/** 撤销 or 关闭/合并. The schema holds no reason column, so the reason lives in the audit entry. */
export async function endCarrier(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: FacilityEndBody,
) {
  const scope = scopeOf(actor, deps.regions);
  return deps.db.transaction(async (tx) => {
    const before = await loadWritable(tx, actor, scope, id);
    if (before.status !== 'active') throw conflict(msg('该孵化载体已终止', 'The carrier has already ended'));
    if (body.endedOn < before.recognizedOn) {
      throw invalid(
        'endedOn',
        msg('终止日期不能早于认定日期', 'The end date cannot precede the recognition date'),
      );
    }
    await tx
      .update(carriers)
      .set({ status: body.status, endedOn: body.endedOn, updatedAt: new Date() })
      .where(eq(carriers.id, id));
    await writeAudit(tx, ctx, {
      action: 'carrier.end',
      targetType: 'carrier',
      targetId: id,
      before: { status: before.status, endedOn: before.endedOn },
      after: { status: body.status, endedOn: body.endedOn, reason: body.reason },
    });
    return (await getCarrierRow(tx, id))!;
  });
}

/** 孵化载体年度数据: stored with the carrier's region so figures sum by region alone. */
export async function saveCarrierAnnual(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  year: number,
  body: CarrierAnnualBody,
) {
  const { incubatees = null, graduates = null, areaM2 = null } = body;
  if (incubatees !== null && graduates !== null && graduates > incubatees) {
    throw invalid('graduates', msg('毕业企业数不能大于在孵企业数', 'Graduates cannot exceed incubatees'));
  }
  const scope = scopeOf(actor, deps.regions);
  return deps.db.transaction(async (tx) => {
    const carrier = await loadWritable(tx, actor, scope, id);
    const before = await getCarrierAnnual(tx, id, year);
    const figures = { ...body, areaM2, incubatees, graduates };
    const row = await upsertCarrierAnnual(tx, {
      carrierId: id,
      year,
      regionCode: carrier.regionCode,
      ...figures,
    });
    await writeAudit(tx, ctx, {
      action: 'carrier.annual',
      targetType: 'carrier',
      targetId: id,
      before: before ?? null,
      after: row,
    });
    return row;
  });
}
