/** The SQL of achievements 成果: list, detail, writes, versions and the public list. */
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type {
  AchievementFilters,
  AchievementListQuery,
  PublicListQuery,
} from '../../../domain/contracts/market';
import type { Tx } from '../../db/client';
import {
  marketAchievements as a,
  organizations,
  regions,
  marketAchievementVersions as v,
} from '../../db/schema';
import { pageRows, rowsAfter } from '../../platform/list-kit-sql';
import { likePattern } from '../../platform/listing';
import { orderBy } from '../../platform/listing-sql';
import type { RegionTree } from '../../platform/region-tree';
import { regionFilter, type Scope } from '../../platform/scope';
import { isoStamp, listingScope } from './market-sql';

function select(tx: Tx) {
  return tx
    .select({
      id: a.id,
      title: a.title,
      ownerOrgId: a.ownerOrgId,
      ownerName: organizations.name,
      regionCode: a.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${a.regionCode})`,
      field: a.field,
      maturity: a.maturity,
      transferModes: a.transferModes,
      price: a.price,
      source: a.source,
      sourceBatch: a.sourceBatch,
      status: a.status,
      publishedOn: a.publishedOn,
      version: a.version,
      updatedAt: isoStamp(a.updatedAt),
    })
    .from(a)
    .innerJoin(organizations, eq(organizations.id, a.ownerOrgId))
    .leftJoin(regions, eq(regions.code, a.regionCode))
    .$dynamic();
}
export type AchievementRow = Awaited<ReturnType<typeof select>>[number];

const scopeOfRows = (scope: Scope) =>
  listingScope(scope, { regionCode: a.regionCode, orgId: a.ownerOrgId, status: a.status });

function where(scope: Scope, f: AchievementFilters, tree: RegionTree, orgId: string | null): SQL | undefined {
  return and(
    scopeOfRows(scope),
    regionFilter(tree, a.regionCode, f.regionCode),
    f.status ? eq(a.status, f.status) : undefined,
    f.field ? eq(a.field, f.field) : undefined,
    f.maturity ? eq(a.maturity, f.maturity) : undefined,
    f.source ? eq(a.source, f.source) : undefined,
    f.mine === 'true' ? (orgId ? eq(a.ownerOrgId, orgId) : sql`false`) : undefined,
    f.q ? or(ilike(a.title, likePattern(f.q)), ilike(organizations.name, likePattern(f.q))) : undefined,
  );
}

const SORTABLE = {
  title: a.title,
  field: a.field,
  maturity: a.maturity,
  status: a.status,
  publishedOn: a.publishedOn,
  updatedAt: a.updatedAt,
};

export function listAchievements(
  tx: Tx,
  scope: Scope,
  q: AchievementListQuery,
  tree: RegionTree,
  orgId: string | null,
  limit: number,
  offset: number,
) {
  const order = orderBy(q.sort ?? '-updatedAt', SORTABLE, asc(a.id));
  return pageRows(select(tx), where(scope, q, tree, orgId), order, limit, offset);
}

export async function countAchievements(
  tx: Tx,
  scope: Scope,
  f: AchievementFilters,
  tree: RegionTree,
  orgId: string | null,
) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(a)
    .innerJoin(organizations, eq(organizations.id, a.ownerOrgId))
    .where(where(scope, f, tree, orgId));
  return row.n;
}

export function achievementsAfter(
  tx: Tx,
  scope: Scope,
  f: AchievementFilters,
  tree: RegionTree,
  orgId: string | null,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(select(tx), where(scope, f, tree, orgId), a.id, afterId, limit);
}

/** One achievement as a scope sees it (out of scope reads as not found). */
export async function getAchievement(tx: Tx, scope: Scope, id: string) {
  const [row] = await select(tx)
    .where(and(eq(a.id, id), scopeOfRows(scope)))
    .limit(1);
  return row;
}

export async function achievementText(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      inventors: a.inventors,
      patentNos: a.patentNos,
      abstract: a.abstract,
      keywords: a.keywords,
      contactPerson: a.contactPerson,
      contactPhone: a.contactPhone,
    })
    .from(a)
    .where(eq(a.id, id));
  return row;
}

export async function lockAchievement(tx: Tx, id: string) {
  const [row] = await tx.select().from(a).where(eq(a.id, id)).for('update');
  return row;
}

export async function insertAchievement(tx: Tx, values: typeof a.$inferInsert) {
  const [row] = await tx.insert(a).values(values).returning();
  return row;
}

export async function insertAchievements(tx: Tx, values: (typeof a.$inferInsert)[]) {
  if (values.length === 0) return [];
  return tx.insert(a).values(values).returning({ id: a.id });
}

export async function updateAchievementRow(tx: Tx, id: string, set: Partial<typeof a.$inferInsert>) {
  const [row] = await tx
    .update(a)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(a.id, id))
    .returning();
  return row;
}

export async function insertAchievementVersion(tx: Tx, values: typeof v.$inferInsert) {
  await tx.insert(v).values(values);
}

export function achievementVersions(tx: Tx, id: string) {
  return tx
    .select({
      version: v.version,
      changedAt: isoStamp(v.changedAt),
      title: sql<string>`${v.snapshot}->>'title'`,
    })
    .from(v)
    .where(eq(v.achievementId, id))
    .orderBy(desc(v.version));
}

function publicWhere(q: PublicListQuery): SQL | undefined {
  return and(
    eq(a.status, 'published'),
    q.field ? eq(a.field, q.field) : undefined,
    q.q
      ? or(ilike(a.title, likePattern(q.q)), sql`${a.keywords}::text ilike ${likePattern(q.q)}`)
      : undefined,
  );
}

/** The public list: published achievements, no contacts, newest first. */
export function publicAchievements(tx: Tx, q: PublicListQuery, limit: number, offset: number) {
  return tx
    .select({
      id: a.id,
      title: a.title,
      ownerName: organizations.name,
      regionName: sql<string>`coalesce(${regions.name}, ${a.regionCode})`,
      field: a.field,
      maturity: a.maturity,
      transferModes: a.transferModes,
      price: a.price,
      source: a.source,
      publishedOn: a.publishedOn,
      abstract: a.abstract,
      keywords: a.keywords,
    })
    .from(a)
    .innerJoin(organizations, eq(organizations.id, a.ownerOrgId))
    .leftJoin(regions, eq(regions.code, a.regionCode))
    .where(publicWhere(q))
    .orderBy(sql`${a.publishedOn} desc nulls last`, asc(a.id))
    .limit(limit)
    .offset(offset);
}

export async function countPublicAchievements(tx: Tx, q: PublicListQuery) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(a).where(publicWhere(q));
  return row.n;
}

/** The organisation a listing belongs to, with its region, or undefined. */
export async function orgOf(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: organizations.id, name: organizations.name, regionCode: organizations.regionCode })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row;
}

/** Organisations by USCC (an import names owners by their code). */
export async function orgsByUscc(tx: Tx, usccs: string[]) {
  if (usccs.length === 0) return [];
  return tx
    .select({ id: organizations.id, uscc: organizations.uscc, regionCode: organizations.regionCode })
    .from(organizations)
    .where(inArray(organizations.uscc, usccs));
}
