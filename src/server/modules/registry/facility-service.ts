/**
 * What R&D platforms and incubation carriers share: each is a recognised record of an owning
 * organisation (依托单位 / 运营单位) whose region it carries for scoping, named once per owner, and
 * ended (撤销 / 关闭) with a date and a reason. One description per kind (`FacilityKind`); the
 * platforms and carriers services add what is their own.
 */
import type { FacilityEndBody } from '../../../domain/contracts/registry-facilities';
import { type Msg, msg } from '../../../domain/message';
import type { Tx } from '../../db/client';
import type { carriers, rdPlatforms } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { inScope, type Scope, scopeOf } from '../../platform/scope';
import {
  endFacilityRow,
  facilityNameTaken,
  getFacilityFacts,
  insertFacilityRow,
  lockOrgRow,
  updateFacilityRow,
} from './facilities-repo';
import { loadVisibleOrg } from './orgs-service';
import { canWriteInScope } from './policy';

type FacilityTable = typeof rdPlatforms | typeof carriers;
type Stored = typeof rdPlatforms.$inferSelect | typeof carriers.$inferSelect;

export interface FacilityKind<Row> {
  table: FacilityTable;
  /** The body field naming the owning organisation. */
  ownerField: 'hostOrgId' | 'operatorOrgId';
  audit: { prefix: 'platform' | 'carrier'; targetType: 'rd_platform' | 'carrier' };
  says: { record: Msg; ownerUnknown: Msg; nameTaken: Msg; ended: Msg };
  /** The record as lists show it. */
  row: (tx: Tx, id: string) => Promise<Row | undefined>;
  /** After a change of owner (and so of region): what else carries the region follows. */
  ownerMoved?: (tx: Tx, id: string, regionCode: string) => Promise<void>;
}

const ownerOf = (kind: FacilityKind<unknown>, record: Stored): string =>
  (record as Record<string, unknown>)[kind.ownerField] as string;

/**
 * The owner named in a body: one the actor may see and write for. An unknown or unseen owner is a
 * wrong field value, named as such; it leaks no more than a 404 would.
 */
async function writableOwner<Row>(
  kind: FacilityKind<Row>,
  tx: Tx,
  actor: Actor,
  scope: Scope,
  orgId: string,
) {
  const owner = await loadVisibleOrg(tx, scope, orgId).catch((e) => {
    throw e instanceof AppError && e.status === 404 ? invalid(kind.ownerField, kind.says.ownerUnknown) : e;
  });
  if (!canWriteInScope(actor, scope, { regionCode: owner.regionCode, orgId: owner.id, parkId: owner.parkId }))
    throw forbidden();
  // Serialises writers of this owner's records, so the name check below holds.
  await lockOrgRow(tx, owner.id);
  return owner;
}

async function assertNameFree<Row>(
  kind: FacilityKind<Row>,
  tx: Tx,
  orgId: string,
  name: string,
  exceptId?: string,
) {
  if (await facilityNameTaken(tx, kind.table, orgId, name, exceptId))
    throw conflict(kind.says.nameTaken, 'name');
}

/** A record the actor may see (404 otherwise), with whether they may change it. */
export async function loadVisibleFacility<Row>(
  kind: FacilityKind<Row>,
  tx: Tx,
  actor: Actor,
  scope: Scope,
  id: string,
) {
  const facts = await getFacilityFacts(tx, kind.table, id);
  if (!facts) throw notFound(kind.says.record);
  const rec = {
    regionCode: facts.record.regionCode,
    orgId: ownerOf(kind, facts.record),
    parkId: facts.parkId,
  };
  if (!inScope(scope, rec)) throw notFound(kind.says.record);
  return { record: facts.record, canEdit: canWriteInScope(actor, scope, rec) };
}

export async function loadWritableFacility<Row>(
  kind: FacilityKind<Row>,
  tx: Tx,
  actor: Actor,
  scope: Scope,
  id: string,
) {
  const { record, canEdit } = await loadVisibleFacility(kind, tx, actor, scope, id);
  if (!canEdit) throw forbidden();
  return record;
}

export async function createFacility<Row>(
  kind: FacilityKind<Row>,
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  body: { name: string } & Partial<Record<'hostOrgId' | 'operatorOrgId', string>>,
): Promise<Row> {
  const scope = scopeOf(actor, deps.regions);
  return deps.db.transaction(async (tx) => {
    const owner = await writableOwner(kind, tx, actor, scope, body[kind.ownerField] as string);
    await assertNameFree(kind, tx, owner.id, body.name);
    const row = await insertFacilityRow(tx, kind.table, { ...body, regionCode: owner.regionCode });
    await writeAudit(tx, ctx, {
      action: `${kind.audit.prefix}.create`,
      targetType: kind.audit.targetType,
      targetId: row.id,
      after: row,
    });
    return (await kind.row(tx, row.id))!;
  });
}

export async function updateFacility<Row>(
  kind: FacilityKind<Row>,
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: { name?: string; recognizedOn?: string } & Partial<Record<'hostOrgId' | 'operatorOrgId', string>>,
): Promise<Row> {
  const scope = scopeOf(actor, deps.regions);
  return deps.db.transaction(async (tx) => {
    const before = await loadWritableFacility(kind, tx, actor, scope, id);
    const named = body[kind.ownerField];
    const owner =
      named && named !== ownerOf(kind, before) ? await writableOwner(kind, tx, actor, scope, named) : null;
    if (!owner) await lockOrgRow(tx, ownerOf(kind, before));
    const ownerId = owner?.id ?? ownerOf(kind, before);
    if (body.name !== undefined || owner)
      await assertNameFree(kind, tx, ownerId, body.name ?? before.name, id);
    if (before.endedOn && before.endedOn < (body.recognizedOn ?? before.recognizedOn)) {
      throw invalid(
        'recognizedOn',
        msg('认定日期不能晚于终止日期', 'The recognition date cannot follow the end date'),
      );
    }
    const after = await updateFacilityRow(tx, kind.table, id, {
      ...body,
      ...(owner ? { regionCode: owner.regionCode } : {}),
    });
    if (owner) await kind.ownerMoved?.(tx, id, owner.regionCode);
    const changed = [...Object.keys(body), ...(owner ? ['regionCode'] : [])] as (keyof Stored)[];
    await writeAudit(tx, ctx, {
      action: `${kind.audit.prefix}.update`,
      targetType: kind.audit.targetType,
      targetId: id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
    return (await kind.row(tx, id))!;
  });
}

/** 撤销 or 关闭/合并. The schema holds no reason column, so the reason lives in the audit entry. */
export async function endFacility<Row>(
  kind: FacilityKind<Row>,
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: FacilityEndBody,
): Promise<Row> {
  const scope = scopeOf(actor, deps.regions);
  return deps.db.transaction(async (tx) => {
    const before = await loadWritableFacility(kind, tx, actor, scope, id);
    if (before.status !== 'active') throw conflict(kind.says.ended);
    if (body.endedOn < before.recognizedOn) {
      throw invalid(
        'endedOn',
        msg('终止日期不能早于认定日期', 'The end date cannot precede the recognition date'),
      );
    }
    await endFacilityRow(tx, kind.table, id, body.status, body.endedOn);
    await writeAudit(tx, ctx, {
      action: `${kind.audit.prefix}.end`,
      targetType: kind.audit.targetType,
      targetId: id,
      before: { status: before.status, endedOn: before.endedOn },
      after: { status: body.status, endedOn: body.endedOn, reason: body.reason },
    });
    return (await kind.row(tx, id))!;
  });
}
