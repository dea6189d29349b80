/** SQL of the expert pool (专家库): experts, their conflicts of interest, and what they refer to. */
import { and, asc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { ExpertListQuery } from '../../../../domain/contracts/projects-review';
import type { Tx } from '../../../db/client';
import { codeLists, experts as e, expertConflicts as ec, organizations, users } from '../../../db/schema';
import { likePattern, orderBy } from '../../../platform/listing';
import { expertLoad } from './review-repo';

type ExpertFilters = Omit<ExpertListQuery, 'page' | 'pageSize' | 'sort'>;

function expertWhere(f: ExpertFilters): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (f.field) conds.push(sql`${f.field} = any(${e.fields})`);
  if (f.active !== undefined) conds.push(eq(e.active, f.active));
  if (f.q) {
    const p = likePattern(f.q);
    conds.push(or(ilike(e.name, p), ilike(e.title, p), ilike(organizations.name, p)));
  }
  return and(...conds);
}

const expertColumns = {
  id: e.id,
  name: e.name,
  orgId: e.orgId,
  orgName: organizations.name,
  title: e.title,
  fields: e.fields,
  userId: e.userId,
  username: users.username,
  active: e.active,
  load: expertLoad,
  createdAt: e.createdAt,
};
export type ExpertRow = NonNullable<Awaited<ReturnType<typeof getExpert>>>;

function selectExperts(tx: Tx) {
  return tx
    .select(expertColumns)
    .from(e)
    .leftJoin(organizations, eq(organizations.id, e.orgId))
    .leftJoin(users, eq(users.id, e.userId));
}

export async function listExperts(tx: Tx, q: ExpertListQuery, limit: number, offset: number) {
  return selectExperts(tx)
    .where(expertWhere(q))
    .orderBy(...orderBy(q.sort, { name: e.name, createdAt: e.createdAt }, asc(e.name)), asc(e.id))
    .limit(limit)
    .offset(offset);
}

export async function countExperts(tx: Tx, f: ExpertFilters) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(e)
    .leftJoin(organizations, eq(organizations.id, e.orgId))
    .where(expertWhere(f));
  return row.n;
}

export async function getExpert(tx: Tx, id: string) {
  const [row] = await selectExperts(tx).where(eq(e.id, id));
  return row;
}

export async function conflictsOf(tx: Tx, expertIds: string[]) {
  if (expertIds.length === 0) return [];
  return tx
    .select({
      id: ec.id,
      expertId: ec.expertId,
      orgId: ec.orgId,
      orgName: organizations.name,
      reason: ec.reason,
      endedOn: ec.endedOn,
    })
    .from(ec)
    .leftJoin(organizations, eq(organizations.id, ec.orgId))
    .where(inArray(ec.expertId, expertIds))
    .orderBy(asc(ec.orgId), asc(ec.id));
}

export async function orgName(tx: Tx, id: string) {
  const [row] = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row?.name;
}

export async function unknownFields(tx: Tx, codes: string[]) {
  const known = await tx
    .select({ code: codeLists.code })
    .from(codeLists)
    .where(and(eq(codeLists.list, 'hitech-fields'), inArray(codeLists.code, codes)));
  return codes.filter((c) => !known.some((k) => k.code === c));
}

/** An account as linking an expert to it needs it. */
export async function accountOf(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: users.id, username: users.username, role: users.role, status: users.status })
    .from(users)
    .where(eq(users.id, id));
  return row;
}

/** The expert an account is linked to, if any. */
export async function expertOfUser(tx: Tx, userId: string) {
  const [row] = await tx.select({ id: e.id, name: e.name }).from(e).where(eq(e.userId, userId));
  return row;
}

/** Every account of the expert role, with the expert each is linked to: what staff pick from. */
export async function expertAccounts(tx: Tx) {
  return tx
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      active: sql<boolean>`${users.status} = 'active'`,
      expertId: e.id,
      expertName: e.name,
    })
    .from(users)
    .leftJoin(e, eq(e.userId, users.id))
    .where(eq(users.role, 'expert'))
    .orderBy(asc(users.username));
}

/** An expert as appointing them to a panel needs them: whether in the pool, their account and conflicts. */
export async function expertForPanel(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: e.id, name: e.name, active: e.active, orgId: e.orgId, userId: e.userId })
    .from(e)
    .where(eq(e.id, id));
  if (!row) return undefined;
  const conflicts = await tx
    .select({ orgId: ec.orgId, reason: ec.reason, endedOn: ec.endedOn })
    .from(ec)
    .where(eq(ec.expertId, id));
  return { ...row, conflicts };
}

/** Code → Chinese name of the high-tech fields, for exports. */
export async function fieldNames(tx: Tx) {
  const rows = await tx
    .select({ code: codeLists.code, name: codeLists.name })
    .from(codeLists)
    .where(eq(codeLists.list, 'hitech-fields'));
  return new Map(rows.map((r) => [r.code, r.name]));
}

// ---- writes -------------------------------------------------------------------------------------

export async function insertExpert(tx: Tx, values: typeof e.$inferInsert) {
  const [row] = await tx.insert(e).values(values).returning();
  return row;
}

/** The expert's row, locked for the change at hand. */
export async function lockExpert(tx: Tx, id: string) {
  const [row] = await tx.select().from(e).where(eq(e.id, id)).for('update');
  return row;
}

export async function updateExpertRow(tx: Tx, id: string, set: Partial<typeof e.$inferInsert>) {
  const [row] = await tx.update(e).set(set).where(eq(e.id, id)).returning();
  return row;
}

export async function expertExists(tx: Tx, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: e.id }).from(e).where(eq(e.id, id));
  return row !== undefined;
}

export async function insertConflict(tx: Tx, values: typeof ec.$inferInsert) {
  const [row] = await tx.insert(ec).values(values).returning();
  return row;
}

/** Removes one of the expert's conflicts; undefined when the expert has no such conflict. */
export async function deleteConflict(tx: Tx, expertId: string, conflictId: string) {
  const [row] = await tx
    .delete(ec)
    .where(and(eq(ec.id, conflictId), eq(ec.expertId, expertId)))
    .returning();
  return row;
}
