/** The credit records' SQL. */

import { and, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { CreditFilters, CreditListQuery } from '../../../domain/contracts/credit';
import type { Tx } from '../../db/client';
import { creditRecords as c, experts, organizations, regions, users } from '../../db/schema';
import { pageRows, rowsAfter } from '../../platform/list-kit';
import { likePattern, orderBy } from '../../platform/listing';
import type { RegionTree } from '../../platform/region-tree';
import { regionFilter, type Scope, scopeWhere } from '../../platform/scope';
import { creditInForceOn } from './credit-sql';

const at = (col: AnyPgColumn) =>
  sql<string | null>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

function select(tx: Tx, today: string) {
  return tx
    .select({
      id: c.id,
      subjectKind: c.subjectKind,
      subjectId: sql<string>`coalesce(${c.orgId}, ${c.expertId}, ${c.userId})`,
      subjectName: c.subjectName,
      regionCode: c.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${c.regionCode})`,
      reason: c.reason,
      sourceDocument: c.sourceDocument,
      severity: c.severity,
      validFrom: sql<string>`${c.validFrom}::text`,
      validTo: sql<string | null>`${c.validTo}::text`,
      inForce: sql<boolean>`${creditInForceOn(today)}`,
      objection: c.objection,
      objectionAt: at(c.objectionAt),
      answer: c.answer,
      answeredAt: at(c.answeredAt),
      updatedAt: sql<string>`to_char(${c.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
    })
    .from(c)
    .leftJoin(regions, eq(regions.code, c.regionCode))
    .$dynamic();
}
export type CreditRecordRow = Awaited<ReturnType<typeof select>>[number];

function where(scope: Scope, f: CreditFilters, tree: RegionTree, today: string): SQL | undefined {
  return and(
    scopeWhere(scope, { regionCode: c.regionCode }),
    regionFilter(tree, c.regionCode, f.regionCode),
    f.subjectKind ? eq(c.subjectKind, f.subjectKind) : undefined,
    f.severity ? eq(c.severity, f.severity) : undefined,
    f.inForce === 'true' ? creditInForceOn(today) : undefined,
    f.inForce === 'false' ? sql`not ${creditInForceOn(today)}` : undefined,
    f.q
      ? or(
          ilike(c.subjectName, likePattern(f.q)),
          ilike(c.reason, likePattern(f.q)),
          ilike(c.sourceDocument, likePattern(f.q)),
        )
      : undefined,
  );
}

const SORTABLE = {
  subjectName: c.subjectName,
  validFrom: c.validFrom,
  validTo: c.validTo,
  updatedAt: c.updatedAt,
};

export function listCredit(
  tx: Tx,
  scope: Scope,
  q: CreditListQuery,
  tree: RegionTree,
  today: string,
  limit: number,
  offset: number,
) {
  const order = orderBy(q.sort ?? '-validFrom', SORTABLE, asc(c.id));
  return pageRows(select(tx, today), where(scope, q, tree, today), order, limit, offset);
}

export async function countCredit(tx: Tx, scope: Scope, f: CreditFilters, tree: RegionTree, today: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(c)
    .where(where(scope, f, tree, today));
  return row.n;
}

export function creditAfter(
  tx: Tx,
  scope: Scope,
  f: CreditFilters,
  tree: RegionTree,
  today: string,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(select(tx, today), where(scope, f, tree, today), c.id, afterId, limit);
}

export async function getCredit(tx: Tx, scope: Scope, id: string, today: string) {
  const [row] = await select(tx, today)
    .where(and(eq(c.id, id), scopeWhere(scope, { regionCode: c.regionCode })))
    .limit(1);
  return row;
}

export async function lockCredit(tx: Tx, id: string) {
  const [row] = await tx.select().from(c).where(eq(c.id, id)).for('update');
  return row;
}

export async function insertCredit(tx: Tx, values: typeof c.$inferInsert) {
  const [row] = await tx.insert(c).values(values).returning();
  return row;
}

export async function insertCredits(tx: Tx, values: (typeof c.$inferInsert)[]) {
  await tx.insert(c).values(values);
}

export async function updateCredit(tx: Tx, id: string, set: Partial<typeof c.$inferInsert>) {
  const [row] = await tx
    .update(c)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(c.id, id))
    .returning();
  return row;
}

/**
 * The first record in force on `on` against any of the given subjects (an organisation, a user, an
 * expert): what refuses an application, a benefit or a draw, with its reason.
 */
export async function activeCreditOf(
  tx: Tx,
  who: { orgId?: string | null; userId?: string | null; expertId?: string | null },
  on: string,
) {
  const subjects = [
    who.orgId ? eq(c.orgId, who.orgId) : undefined,
    who.userId ? eq(c.userId, who.userId) : undefined,
    who.expertId ? eq(c.expertId, who.expertId) : undefined,
  ].filter((x): x is SQL => !!x);
  if (subjects.length === 0) return undefined;
  const [row] = await tx
    .select({
      id: c.id,
      reason: c.reason,
      subjectName: c.subjectName,
      validTo: sql<string | null>`${c.validTo}::text`,
    })
    .from(c)
    .where(and(or(...subjects), creditInForceOn(on)))
    .orderBy(asc(c.validFrom), asc(c.id))
    .limit(1);
  return row;
}

/** The subject a record is put on: its name and region (a person's organisation's region, else none). */
export async function subjectOf(tx: Tx, kind: 'org' | 'expert' | 'user', id: string) {
  if (kind === 'org') {
    const [r] = await tx
      .select({ name: organizations.name, regionCode: organizations.regionCode })
      .from(organizations)
      .where(eq(organizations.id, id));
    return r ? { name: r.name, regionCode: r.regionCode as string | null } : undefined;
  }
  if (kind === 'expert') {
    const [r] = await tx
      .select({ name: experts.name, userId: experts.userId, regionCode: organizations.regionCode })
      .from(experts)
      .leftJoin(organizations, eq(organizations.id, experts.orgId))
      .where(eq(experts.id, id));
    return r ? { name: r.name, regionCode: r.regionCode, userId: r.userId } : undefined;
  }
  const [r] = await tx
    .select({
      name: users.displayName,
      regionCode: sql<string | null>`coalesce(${organizations.regionCode}, ${users.regionCode})`,
    })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.orgId))
    .where(eq(users.id, id));
  return r ? { name: r.name, regionCode: r.regionCode } : undefined;
}

/**
 * The demo's subjects, deterministically: the first 2016 newly recognised 高企 by name (in force),
 * and the first 规上 enterprise without any 高企 record (lapsed).
 */
export async function demoCreditSubjects(tx: Tx) {
  const o = organizations;
  const first = await tx
    .select({ id: o.id, name: o.name, regionCode: o.regionCode })
    .from(o)
    .where(
      sql`exists (select 1 from qualifications q where q.org_id = ${o.id} and q.type_code = 'hte' and q.issued_on between '2016-01-01' and '2016-12-31') and not exists (select 1 from qualifications q where q.org_id = ${o.id} and q.type_code = 'hte' and q.issued_on < '2016-01-01')`,
    )
    .orderBy(asc(o.name))
    .limit(1);
  const other = await tx
    .select({ id: o.id, name: o.name, regionCode: o.regionCode })
    .from(o)
    .where(
      sql`${o.aboveSize} and not exists (select 1 from qualifications q where q.org_id = ${o.id} and q.type_code = 'hte')`,
    )
    .orderBy(asc(o.name))
    .limit(1);
  return [first[0], other[0]] as const;
}
