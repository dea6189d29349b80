/** The expert pool (专家库): staff keep experts, their fields, accounts and conflicts of interest. */
import type {
  ConflictBody,
  Expert,
  ExpertBody,
  ExpertListQuery,
  ExpertUpdate,
} from '../../../../domain/contracts/projects-review';
import { msg } from '../../../../domain/message';
import type { Tx } from '../../../db/client';
import { type AuditContext, writeAudit } from '../../../platform/audit';
import type { Deps } from '../../../platform/deps';
import { conflict, invalid, notFound } from '../../../platform/errors';
import { pageOf } from '../../../platform/listing';
import {
  accountOf,
  conflictsOf,
  countExperts,
  deleteConflict,
  type ExpertRow,
  expertAccounts,
  expertExists,
  expertOfUser,
  fieldNames,
  getExpert,
  insertConflict,
  insertExpert,
  listExperts,
  lockExpert,
  orgName,
  unknownFields,
  updateExpertRow,
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

/** The expert list for a workbook: the field names, and the experts 200 at a time. */
export async function expertExport(deps: Deps, q: Omit<ExpertListQuery, 'page' | 'pageSize'>) {
  const names = await fieldNames(deps.db);
  async function* batches() {
    for (let page = 1; ; page++) {
      const { items } = await listExpertPage(deps, { ...q, page, pageSize: 200 });
      if (items.length > 0) yield items;
      if (items.length < 200) return;
    }
  }
  return { names, batches };
}

export async function expertDetail(tx: Tx, id: string): Promise<Expert> {
  const row = await getExpert(tx, id);
  if (!row) throw notFound(EXPERT);
  return (await present(tx, [row]))[0];
}

/** The accounts staff may link an expert to: every expert account, and the expert each serves. */
export async function listExpertAccounts(deps: Deps) {
  const items = await expertAccounts(deps.db);
  return { items, total: items.length };
}

/**
 * The account an expert reviews with: it must exist, be active, hold the expert role (so it sees
 * only its own assignments) and serve no other expert — one account, one expert.
 */
async function checkAccount(tx: Tx, userId: string, exceptId?: string) {
  const account = await accountOf(tx, userId);
  if (!account) throw invalid('userId', msg('关联的账号不存在', 'No such account'));
  if (account.role !== 'expert')
    throw invalid(
      'userId',
      msg(
        `账号「${account.username}」不是评审专家账号，不能关联`,
        `"${account.username}" is not an expert account and cannot be linked`,
      ),
    );
  if (account.status !== 'active')
    throw invalid(
      'userId',
      msg(`账号「${account.username}」已停用`, `The account "${account.username}" is disabled`),
    );
  const bound = await expertOfUser(tx, userId);
  if (bound && bound.id !== exceptId) throw accountTaken(account.username, bound.name);
  return account;
}

const accountTaken = (username: string, expert: string) =>
  conflict(
    msg(
      `账号「${username}」已关联专家「${expert}」，请先解除该关联`,
      `"${username}" is already linked to the expert ${expert}; unlink it there first`,
    ),
    'userId',
  );

/**
 * Two staff linking one account at the same moment both pass the check; the unique index refuses
 * the second, which is told so instead of getting a 500.
 */
async function refusingSecondLink<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const e = error as { code?: string; cause?: { code?: string; constraint?: string }; constraint?: string };
    const code = e.code ?? e.cause?.code;
    const constraint = e.constraint ?? e.cause?.constraint;
    if (code === '23505' && (!constraint || constraint === 'experts_user_key'))
      throw conflict(
        msg(
          '该账号刚刚已关联其他专家，请刷新后重试',
          'The account was just linked to another expert; reload',
        ),
        'userId',
      );
    throw error;
  }
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
  return body.userId ? checkAccount(tx, body.userId, exceptId) : undefined;
}

export async function createExpert(deps: Deps, ctx: AuditContext, body: ExpertBody) {
  return deps.db.transaction(async (tx) => {
    const account = await checkReferences(tx, body);
    const created = await refusingSecondLink(() =>
      insertExpert(tx, { ...body, fields: [...new Set(body.fields)] }),
    );
    await writeAudit(tx, ctx, {
      action: 'expert.create',
      targetType: 'expert',
      targetId: created.id,
      after: { ...created, username: account?.username ?? null },
    });
    return expertDetail(tx, created.id);
  });
}

export async function updateExpert(deps: Deps, ctx: AuditContext, id: string, body: ExpertUpdate) {
  return deps.db.transaction(async (tx) => {
    const before = await lockExpert(tx, id);
    if (!before) throw notFound(EXPERT);
    const account = await checkReferences(tx, body, id);
    const set = body.fields ? { ...body, fields: [...new Set(body.fields)] } : body;
    const after = await refusingSecondLink(() => updateExpertRow(tx, id, set));
    const changed = Object.keys(body) as (keyof typeof before)[];
    // Linking or unlinking an account decides who sees the expert's reviews: the audit names it.
    const relinked = 'userId' in body && body.userId !== before.userId;
    const previous = relinked && before.userId ? await accountOf(tx, before.userId) : undefined;
    await writeAudit(tx, ctx, {
      action: relinked ? (body.userId ? 'expert.account.link' : 'expert.account.unlink') : 'expert.update',
      targetType: 'expert',
      targetId: id,
      before: {
        ...Object.fromEntries(changed.map((k) => [k, before[k]])),
        ...(relinked ? { username: previous?.username ?? null } : {}),
      },
      after: {
        ...Object.fromEntries(changed.map((k) => [k, after[k]])),
        ...(relinked ? { username: account?.username ?? null } : {}),
      },
    });
    return expertDetail(tx, id);
  });
}

/** A declared interest, a collaboration or a former employment: the expert is kept away from it. */
export async function addConflict(deps: Deps, ctx: AuditContext, id: string, body: ConflictBody) {
  return deps.db.transaction(async (tx) => {
    if (!(await expertExists(tx, id))) throw notFound(EXPERT);
    if (!(await orgName(tx, body.orgId)))
      throw invalid(
        'orgId',
        msg('单位不存在（请先在创新主体库登记）', 'No such organisation in the registry'),
      );
    const row = await insertConflict(tx, {
      expertId: id,
      orgId: body.orgId,
      reason: body.reason,
      endedOn: body.endedOn ?? null,
    });
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
    const row = await deleteConflict(tx, id, conflictId);
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
