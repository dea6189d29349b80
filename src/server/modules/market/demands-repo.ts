/** The SQL of demands 需求: list, detail, writes and the public list (never the confidential part). */
import { and, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { DemandFilters, DemandListQuery, PublicListQuery } from '../../../domain/contracts/market';
import type { Tx } from '../../db/client';
import { marketDemands as d, organizations, regions } from '../../db/schema';
import { pageRows, rowsAfter } from '../../platform/list-kit-sql';
import { likePattern } from '../../platform/listing';
import { orderBy } from '../../platform/listing-sql';
import type { RegionTree } from '../../platform/region-tree';
import { regionFilter, type Scope } from '../../platform/scope';
import { isoStamp, listingScope } from './market-sql';

function select(tx: Tx) {
  return tx
    .select({
      id: d.id,
      title: d.title,
      orgId: d.orgId,
      orgName: organizations.name,
      regionCode: d.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${d.regionCode})`,
      field: d.field,
      budgetMin: d.budgetMin,
      budgetMax: d.budgetMax,
      deadline: d.deadline,
      status: d.status,
      publishedOn: d.publishedOn,
      updatedAt: isoStamp(d.updatedAt),
    })
    .from(d)
    .innerJoin(organizations, eq(organizations.id, d.orgId))
    .leftJoin(regions, eq(regions.code, d.regionCode))
    .$dynamic();
}
export type DemandRow = Awaited<ReturnType<typeof select>>[number];

const scopeOfRows = (scope: Scope) =>
  listingScope(scope, { regionCode: d.regionCode, orgId: d.orgId, status: d.status });

function where(scope: Scope, f: DemandFilters, tree: RegionTree, orgId: string | null): SQL | undefined {
  return and(
    scopeOfRows(scope),
    regionFilter(tree, d.regionCode, f.regionCode),
    f.status ? eq(d.status, f.status) : undefined,
    f.field ? eq(d.field, f.field) : undefined,
    f.mine === 'true' ? (orgId ? eq(d.orgId, orgId) : sql`false`) : undefined,
    f.q ? or(ilike(d.title, likePattern(f.q)), ilike(organizations.name, likePattern(f.q))) : undefined,
  );
}

const SORTABLE = {
  title: d.title,
  field: d.field,
  status: d.status,
  deadline: d.deadline,
  publishedOn: d.publishedOn,
  updatedAt: d.updatedAt,
};

export function listDemands(
  tx: Tx,
  scope: Scope,
  q: DemandListQuery,
  tree: RegionTree,
  orgId: string | null,
  limit: number,
  offset: number,
) {
  const order = orderBy(q.sort ?? '-updatedAt', SORTABLE, asc(d.id));
  return pageRows(select(tx), where(scope, q, tree, orgId), order, limit, offset);
}

export async function countDemands(
  tx: Tx,
  scope: Scope,
  f: DemandFilters,
  tree: RegionTree,
  orgId: string | null,
) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(d)
    .innerJoin(organizations, eq(organizations.id, d.orgId))
    .where(where(scope, f, tree, orgId));
  return row.n;
}

export function demandsAfter(
  tx: Tx,
  scope: Scope,
  f: DemandFilters,
  tree: RegionTree,
  orgId: string | null,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(select(tx), where(scope, f, tree, orgId), d.id, afterId, limit);
}

export async function getDemand(tx: Tx, scope: Scope, id: string) {
  const [row] = await select(tx)
    .where(and(eq(d.id, id), scopeOfRows(scope)))
    .limit(1);
  return row;
}

export async function demandText(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      problem: d.problem,
      expectedOutcome: d.expectedOutcome,
      confidential: d.confidential,
      contactPerson: d.contactPerson,
      contactPhone: d.contactPhone,
    })
    .from(d)
    .where(eq(d.id, id));
  return row;
}

export async function lockDemand(tx: Tx, id: string) {
  const [row] = await tx.select().from(d).where(eq(d.id, id)).for('update');
  return row;
}

export async function insertDemand(tx: Tx, values: typeof d.$inferInsert) {
  const [row] = await tx.insert(d).values(values).returning();
  return row;
}

export async function insertDemands(tx: Tx, values: (typeof d.$inferInsert)[]) {
  if (values.length === 0) return [];
  return tx.insert(d).values(values).returning({ id: d.id });
}

export async function updateDemandRow(tx: Tx, id: string, set: Partial<typeof d.$inferInsert>) {
  const [row] = await tx
    .update(d)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(d.id, id))
    .returning();
  return row;
}

function publicWhere(q: PublicListQuery): SQL | undefined {
  return and(
    eq(d.status, 'published'),
    q.field ? eq(d.field, q.field) : undefined,
    q.q ? or(ilike(d.title, likePattern(q.q)), ilike(d.problem, likePattern(q.q))) : undefined,
  );
}

/** The public list: published demands without contacts or the confidential part. */
export function publicDemands(tx: Tx, q: PublicListQuery, limit: number, offset: number) {
  return tx
    .select({
      id: d.id,
      title: d.title,
      orgName: organizations.name,
      regionName: sql<string>`coalesce(${regions.name}, ${d.regionCode})`,
      field: d.field,
      budgetMin: d.budgetMin,
      budgetMax: d.budgetMax,
      deadline: d.deadline,
      publishedOn: d.publishedOn,
      problem: d.problem,
      expectedOutcome: d.expectedOutcome,
    })
    .from(d)
    .innerJoin(organizations, eq(organizations.id, d.orgId))
    .leftJoin(regions, eq(regions.code, d.regionCode))
    .where(publicWhere(q))
    .orderBy(sql`${d.publishedOn} desc nulls last`, asc(d.id))
    .limit(limit)
    .offset(offset);
}

export async function countPublicDemands(tx: Tx, q: PublicListQuery) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(d).where(publicWhere(q));
  return row.n;
}
