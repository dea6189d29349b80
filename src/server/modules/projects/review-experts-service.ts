/** The expert pool (专家库): staff keep experts, their fields, accounts and conflicts of interest. */
import { and, eq } from 'drizzle-orm';
import type {
  ConflictBody,
  Expert,
  ExpertBody,
  ExpertListQuery,
  ExpertUpdate,
} from '../../../domain/contracts/projects-review';
import { msg } from '../../../domain/message';
import type { Tx } from '../../db/client';
import { expertConflicts, experts } from '../../db/schema';
import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { conflict, invalid, notFound } from '../../platform/errors';
import { pageOf } from '../../platform/listing';
import {
  conflictsOf,
  countExperts,
  type ExpertRow,
  expertOfUser,
  getExpert,
  listExperts,
  orgName,
  unknownFields,
  userRole,
} from './review-experts-repo';

export const EXPERT = msg('专家', 'expert');
const iso = (v: Date | string) => new Date(v).toISOString();

async function present(tx: Tx, rows: ExpertRow[]): Promise<Expert[]> {
  const conflicts = await conflictsOf(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    createdAt: iso(r.createdAt),
    conflicts: conflicts.filter((c) => c.expertId === r.id).map(({ expertId: _e, ...c }) => c),
  }));
}

export async function listExpertPage(deps: Deps, q: ExpertListQuery) {
  const { limit, offset } = pageOf(q);
  const [rows, total] = await Promise.all([listExperts(deps.db, q, limit, offset), countExperts(deps.db, q)]);
  return { items: await present(deps.db, rows), total };
}

export async function expertDetail(tx: Tx, id: string): Promise<Expert> {
  const row = await getExpert(tx, id);
  if (!row) throw notFound(EXPERT);
  return (await present(tx, [row]))[0];
}

/** The employer must be in the registry, the fields in the code list, the account an expert's. */
async function checkReferences(tx: Tx, body: ExpertUpdate, exceptId?: string) {
  if (body.orgId && !(await orgName(tx, body.orgId)))
    throw invalid('orgId', msg('单位不存在（请先在创新主体库登记）', 'No such organisation in the registry'));
  if (body.fields) {
    const unknown = await unknownFields(tx, body.fields);
    if (unknown.length > 0)
      throw invalid(
        'fields',
        msg(`技术领域不存在：${unknown.join('、')}`, `No such high-tech field: ${unknown.join(', ')}`),
      );
  }
  if (body.userId) {
    if ((await userRole(tx, body.userId)) !== 'expert')
      throw invalid('userId', msg('关联账号须为评审专家账号', 'The account must be an expert account'));
    const bound = await expertOfUser(tx, body.userId);
    if (bound && bound !== exceptId)
      throw conflict(msg('该账号已关联其他专家', 'The account belongs to another expert already'), 'userId');
  }
}

export async function createExpert(deps: Deps, ctx: AuditContext, body: ExpertBody) {
  return deps.db.transaction(async (tx) => {
    await checkReferences(tx, body);
    const [created] = await tx
      .insert(experts)
      .values({ ...body, fields: [...new Set(body.fields)] })
      .returning();
    await writeAudit(tx, ctx, {
      action: 'expert.create',
      targetType: 'expert',
      targetId: created.id,
      after: created,
    });
    return expertDetail(tx, created.id);
  });
}

export async function updateExpert(deps: Deps, ctx: AuditContext, id: string, body: ExpertUpdate) {
  return deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(experts).where(eq(experts.id, id)).for('update');
    if (!before) throw notFound(EXPERT);
    await checkReferences(tx, body, id);
    const set = body.fields ? { ...body, fields: [...new Set(body.fields)] } : body;
    const [after] = await tx.update(experts).set(set).where(eq(experts.id, id)).returning();
    const changed = Object.keys(body) as (keyof typeof before)[];
    await writeAudit(tx, ctx, {
      action: 'expert.update',
      targetType: 'expert',
      targetId: id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
    return expertDetail(tx, id);
  });
}

/** A declared interest, a collaboration or a former employment: the expert is kept away from it. */
export async function addConflict(deps: Deps, ctx: AuditContext, id: string, body: ConflictBody) {
  return deps.db.transaction(async (tx) => {
    const [expert] = await tx.select({ id: experts.id }).from(experts).where(eq(experts.id, id));
    if (!expert) throw notFound(EXPERT);
    if (!(await orgName(tx, body.orgId)))
      throw invalid(
        'orgId',
        msg('单位不存在（请先在创新主体库登记）', 'No such organisation in the registry'),
      );
    const [row] = await tx
      .insert(expertConflicts)
      .values({ expertId: id, orgId: body.orgId, reason: body.reason, endedOn: body.endedOn ?? null })
      .returning();
    await writeAudit(tx, ctx, {
      action: 'expert.conflict.add',
      targetType: 'expert',
      targetId: id,
      after: row,
    });
    return expertDetail(tx, id);
  });
}

export async function removeConflict(deps: Deps, ctx: AuditContext, id: string, conflictId: string) {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(expertConflicts)
      .where(and(eq(expertConflicts.id, conflictId), eq(expertConflicts.expertId, id)))
      .returning();
    if (!row) throw notFound(msg('利益冲突记录', 'conflict of interest'));
    await writeAudit(tx, ctx, {
      action: 'expert.conflict.remove',
      targetType: 'expert',
      targetId: id,
      before: row,
    });
    return expertDetail(tx, id);
  });
}
