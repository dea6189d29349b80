/** The applicant review list's SQL. */
import { and, asc, eq, ilike, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { organizations as o, ipPatents as p, ipApplicantReviews as rv } from '../../db/schema';
import { likePattern } from '../../platform/listing';

export interface ReviewFilters {
  status?: 'open' | 'matched' | 'not_in_registry';
  q?: string;
}

function where(f: ReviewFilters): SQL | undefined {
  return and(
    f.status ? eq(rv.status, f.status) : undefined,
    f.q ? ilike(rv.name, likePattern(f.q)) : undefined,
  );
}

function select(tx: Tx) {
  return tx
    .select({
      id: rv.id,
      name: rv.name,
      reason: rv.reason,
      candidates: rv.candidates,
      status: rv.status,
      orgId: rv.orgId,
      orgName: o.name,
      patents: sql<number>`(select count(*)::int from ${p} where ${p.applicantKeys} @> array[${rv.nameKey}])`,
      createdAt: sql<string>`to_char(${rv.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
    })
    .from(rv)
    .leftJoin(o, eq(o.id, rv.orgId))
    .$dynamic();
}

export type ReviewRow = Awaited<ReturnType<typeof select>>[number];

export function listReviews(tx: Tx, f: ReviewFilters, limit: number, offset: number) {
  return select(tx)
    .where(where(f))
    .orderBy(sql`${rv.createdAt} desc`, asc(rv.id))
    .limit(limit)
    .offset(offset);
}

export async function countReviews(tx: Tx, f: ReviewFilters) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(rv).where(where(f));
  return row.n;
}

export async function reviewRow(tx: Tx, id: string) {
  const [row] = await select(tx).where(eq(rv.id, id));
  return row;
}

export async function lockReview(tx: Tx, id: string) {
  const [row] = await tx.select().from(rv).where(eq(rv.id, id)).for('update');
  return row;
}

export async function decideReview(tx: Tx, id: string, set: Partial<typeof rv.$inferInsert>) {
  await tx.update(rv).set(set).where(eq(rv.id, id));
}

/** The patents one applicant name appears on. */
export function patentsWithApplicant(tx: Tx, nameKey: string) {
  return tx
    .select({ id: p.id, applicants: p.applicants, applicantKeys: p.applicantKeys, address: p.address })
    .from(p)
    .where(sql`${p.applicantKeys} @> array[${nameKey}]`);
}

export async function setPatentApplicants(
  tx: Tx,
  id: string,
  set: Pick<typeof p.$inferInsert, 'applicants' | 'orgIds' | 'regionCode'>,
) {
  await tx
    .update(p)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(p.id, id));
}
