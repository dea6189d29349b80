/** The policy documents' SQL. */
import { and, asc, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { PolicyFilters, PolicyListQuery } from '../../../domain/contracts/policies';
import type { Tx } from '../../db/client';
import { policyDocuments as d, regions } from '../../db/schema';
import { pageRows, rowsAfter } from '../../platform/list-kit';
import { likePattern, orderBy } from '../../platform/listing';
import type { RegionTree } from '../../platform/region-tree';
import type { Scope } from '../../platform/scope';
import { regionFilter } from '../registry/orgs-repo';

function select(tx: Tx) {
  return tx
    .select({
      id: d.id,
      title: d.title,
      documentNo: d.documentNo,
      indexNo: d.indexNo,
      issuer: d.issuer,
      regionCode: d.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${d.regionCode})`,
      status: d.status,
      issuedOn: d.issuedOn,
      repealedOn: d.repealedOn,
      isPublic: d.isPublic,
      updatedAt: sql<string>`to_char(${d.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
    })
    .from(d)
    .leftJoin(regions, eq(regions.code, d.regionCode))
    .$dynamic();
}

export type PolicyRow = Awaited<ReturnType<typeof select>>[number];

/**
 * Which documents a scope reads: the city everything; a county its own documents and the city's
 * once issued (a county works under the city's policies, not under its drafts).
 */
export function scopeCondition(scope: Scope, tree: RegionTree): SQL {
  switch (scope.kind) {
    case 'city':
      return sql`true`;
    case 'region': {
      const city = tree.rows.filter((r) => r.level === 'city').map((r) => r.code);
      return or(
        inArray(d.regionCode, scope.regionCodes),
        city.length > 0 ? and(inArray(d.regionCode, city), ne(d.status, 'drafting')) : undefined,
      )!;
    }
    default:
      return sql`false`;
  }
}

function where(scope: Scope, f: PolicyFilters, tree: RegionTree): SQL | undefined {
  return and(
    scopeCondition(scope, tree),
    regionFilter(tree, d.regionCode, f.regionCode),
    f.status ? eq(d.status, f.status) : undefined,
    f.isPublic ? eq(d.isPublic, f.isPublic === 'true') : undefined,
    f.year ? sql`extract(year from ${d.issuedOn}) = ${f.year}` : undefined,
    f.q
      ? or(
          ilike(d.title, likePattern(f.q)),
          ilike(d.documentNo, likePattern(f.q)),
          ilike(d.indexNo, likePattern(f.q)),
        )
      : undefined,
  );
}

const SORTABLE = {
  title: d.title,
  documentNo: d.documentNo,
  status: d.status,
  issuedOn: d.issuedOn,
  updatedAt: d.updatedAt,
};

export function listPolicies(
  tx: Tx,
  scope: Scope,
  q: PolicyListQuery,
  tree: RegionTree,
  limit: number,
  offset: number,
) {
  const order = orderBy(q.sort ?? '-updatedAt', SORTABLE, asc(d.id));
  return pageRows(select(tx), where(scope, q, tree), order, limit, offset);
}

export async function countPolicies(tx: Tx, scope: Scope, f: PolicyFilters, tree: RegionTree) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(d)
    .where(where(scope, f, tree));
  return row.n;
}

/** Keyset pages for the export. */
export function policiesAfter(
  tx: Tx,
  scope: Scope,
  f: PolicyFilters,
  tree: RegionTree,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(select(tx), where(scope, f, tree), d.id, afterId, limit);
}

/** One document as a scope sees it, or undefined (out of scope reads as not found). */
export async function getPolicy(tx: Tx, scope: Scope, tree: RegionTree, id: string) {
  const [row] = await select(tx)
    .where(and(eq(d.id, id), scopeCondition(scope, tree)))
    .limit(1);
  return row;
}

export async function getPolicyBody(tx: Tx, id: string): Promise<string> {
  const [row] = await tx.select({ body: d.body }).from(d).where(eq(d.id, id));
  return row?.body ?? '';
}

/** The stored row, locked until the transaction ends, for a write. */
export async function lockPolicy(tx: Tx, id: string) {
  const [row] = await tx.select().from(d).where(eq(d.id, id)).for('update');
  return row;
}

export async function documentNoTaken(tx: Tx, documentNo: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.documentNo, documentNo), exceptId ? ne(d.id, exceptId) : undefined))
    .limit(1);
  return !!row;
}

export async function insertPolicy(tx: Tx, values: typeof d.$inferInsert) {
  const [row] = await tx.insert(d).values(values).returning();
  return row;
}

/** Several documents at once (the demo library). */
export async function insertPolicies(tx: Tx, values: (typeof d.$inferInsert)[]) {
  await tx.insert(d).values(values);
}

export async function updatePolicyRow(tx: Tx, id: string, set: Partial<typeof d.$inferInsert>) {
  const [row] = await tx
    .update(d)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(d.id, id))
    .returning();
  return row;
}

/** The public library: issued, public documents, newest first. */
export function publicPolicies(tx: Tx, limit: number, offset: number) {
  return tx
    .select({
      id: d.id,
      title: d.title,
      documentNo: d.documentNo,
      indexNo: d.indexNo,
      issuer: d.issuer,
      issuedOn: d.issuedOn,
      body: d.body,
    })
    .from(d)
    .where(and(eq(d.status, 'issued'), eq(d.isPublic, true)))
    .orderBy(sql`${d.issuedOn} desc nulls last`, asc(d.id))
    .limit(limit)
    .offset(offset);
}

export async function countPublicPolicies(tx: Tx) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(d)
    .where(and(eq(d.status, 'issued'), eq(d.isPublic, true)));
  return row.n;
}
