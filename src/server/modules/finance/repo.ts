/** 科技金融's SQL: institutions, the records ledger, its scope and its lookups. */
import { and, asc, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  InstitutionFilters,
  InstitutionListQuery,
  RecordFilters,
  RecordListQuery,
} from '../../../domain/contracts/finance';
import type { RecordKind } from '../../../domain/finance';
import type { Tx } from '../../db/client';
import {
  financeInstitutions as fi,
  ipPatents,
  organizations,
  qualifications,
  financeRecords as r,
  regions,
} from '../../db/schema';
import { pageRows, rowsAfter } from '../../platform/list-kit';
import { likePattern, orderBy } from '../../platform/listing';
import type { RegionTree } from '../../platform/region-tree';
import { regionFilter, type Scope } from '../../platform/scope';
import { patentValidOn } from '../ip/validity-sql';
import { qualificationValidOn } from '../registry/validity-sql';

const ent = alias(organizations, 'ent');
const inst = alias(organizations, 'inst');

const stamp = (c: SQL | typeof r.updatedAt) =>
  sql<string>`to_char(${c} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

function selectRecords(tx: Tx) {
  return tx
    .select({
      id: r.id,
      kind: r.kind,
      institutionId: r.institutionId,
      institutionName: inst.name,
      enterpriseId: r.enterpriseId,
      enterpriseName: ent.name,
      enterpriseUscc: ent.uscc,
      regionCode: r.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${r.regionCode})`,
      startOn: r.startOn,
      endOn: r.endOn,
      instrument: r.instrument,
      amount: r.amount,
      cover: r.cover,
      termMonths: r.termMonths,
      guaranteeFree: r.guaranteeFree,
      board: r.board,
      round: r.round,
      refNo: r.refNo,
      appNo: r.appNo,
      patentTitle: ipPatents.title,
      note: r.note,
      source: r.source,
      updatedAt: stamp(r.updatedAt),
    })
    .from(r)
    .innerJoin(ent, eq(ent.id, r.enterpriseId))
    .innerJoin(inst, eq(inst.id, r.institutionId))
    .leftJoin(regions, eq(regions.code, r.regionCode))
    .leftJoin(ipPatents, eq(ipPatents.id, r.patentId))
    .$dynamic();
}

export type RecordRow = Awaited<ReturnType<typeof selectRecords>>[number];

/**
 * Which records a scope reads: the city all; a county those of enterprises in its region; an
 * organisation those it holds as the institution (a bank or fund user) or as the enterprise.
 */
export function recordScope(scope: Scope): SQL {
  switch (scope.kind) {
    case 'city':
      return sql`true`;
    case 'region':
      return inArray(r.regionCode, scope.regionCodes);
    case 'org':
      return or(eq(r.institutionId, scope.orgId), eq(r.enterpriseId, scope.orgId))!;
    default:
      return sql`false`;
  }
}

function recordWhere(scope: Scope, f: RecordFilters, tree: RegionTree): SQL | undefined {
  return and(
    recordScope(scope),
    f.kind ? eq(r.kind, f.kind) : undefined,
    f.institutionId ? eq(r.institutionId, f.institutionId) : undefined,
    regionFilter(tree, r.regionCode, f.regionCode),
    f.instrument ? eq(r.instrument, f.instrument) : undefined,
    f.year ? sql`${r.startOn} between ${`${f.year}-01-01`} and ${`${f.year}-12-31`}` : undefined,
    f.q
      ? or(
          ilike(ent.name, likePattern(f.q)),
          eq(ent.uscc, f.q.toUpperCase()),
          ilike(r.refNo, likePattern(f.q)),
          eq(r.appNo, f.q),
        )
      : undefined,
  );
}

const RECORD_SORTABLE = {
  startOn: r.startOn,
  amount: r.amount,
  enterpriseName: ent.name,
  institutionName: inst.name,
  updatedAt: r.updatedAt,
};

export function listRecords(
  tx: Tx,
  scope: Scope,
  q: RecordListQuery,
  tree: RegionTree,
  limit: number,
  offset: number,
) {
  const order = orderBy(q.sort ?? '-startOn', RECORD_SORTABLE, asc(r.id));
  return pageRows(selectRecords(tx), recordWhere(scope, q, tree), order, limit, offset);
}

export async function countRecords(tx: Tx, scope: Scope, f: RecordFilters, tree: RegionTree) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(r)
    .innerJoin(ent, eq(ent.id, r.enterpriseId))
    .where(recordWhere(scope, f, tree));
  return row.n;
}

export function recordsAfter(
  tx: Tx,
  scope: Scope,
  f: RecordFilters,
  tree: RegionTree,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(selectRecords(tx), recordWhere(scope, f, tree), r.id, afterId, limit);
}

/** One record as a scope sees it (out of scope reads as not found). */
export async function getRecord(tx: Tx, scope: Scope, id: string) {
  const [row] = await selectRecords(tx)
    .where(and(eq(r.id, id), recordScope(scope)))
    .limit(1);
  return row;
}

export async function lockRecord(tx: Tx, id: string) {
  const [row] = await tx.select().from(r).where(eq(r.id, id)).for('update');
  return row;
}

export async function insertRecords(tx: Tx, values: (typeof r.$inferInsert)[]) {
  if (values.length === 0) return [];
  return tx.insert(r).values(values).returning({ id: r.id, refNo: r.refNo });
}

export async function updateRecordRow(tx: Tx, id: string, set: Partial<typeof r.$inferInsert>) {
  const [row] = await tx
    .update(r)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(r.id, id))
    .returning();
  return row;
}

export async function deleteRecordRow(tx: Tx, id: string) {
  await tx.delete(r).where(eq(r.id, id));
}

export async function refNoTaken(
  tx: Tx,
  institutionId: string,
  kind: RecordKind,
  refNo: string,
  exceptId?: string,
) {
  const [row] = await tx
    .select({ id: r.id })
    .from(r)
    .where(
      and(
        eq(r.institutionId, institutionId),
        eq(r.kind, kind),
        eq(r.refNo, refNo),
        exceptId ? ne(r.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return !!row;
}

/** A patent already pledged and not released on a day overlapping the new pledge. */
export async function patentPledgedOn(tx: Tx, patentId: string, on: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: r.id })
    .from(r)
    .where(
      and(
        eq(r.kind, 'pledge'),
        eq(r.patentId, patentId),
        sql`${r.startOn} <= ${on} and (${r.endOn} is null or ${r.endOn} > ${on})`,
        exceptId ? ne(r.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return !!row;
}

// ——— lookups ———

export async function orgByUscc(tx: Tx, uscc: string) {
  const [row] = await tx
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      regionCode: organizations.regionCode,
    })
    .from(organizations)
    .where(eq(organizations.uscc, uscc));
  return row;
}

export async function orgById(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: organizations.id, name: organizations.name, regionCode: organizations.regionCode })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row;
}

export async function patentByAppNo(tx: Tx, appNo: string) {
  const [row] = await tx
    .select({
      id: ipPatents.id,
      appNo: ipPatents.appNo,
      title: ipPatents.title,
      orgIds: ipPatents.orgIds,
      grantedOn: ipPatents.grantedOn,
    })
    .from(ipPatents)
    .where(eq(ipPatents.appNo, appNo));
  return row;
}

export async function institutionOf(tx: Tx, orgId: string) {
  const [row] = await tx
    .select({ id: fi.orgId, type: fi.type, name: organizations.name })
    .from(fi)
    .innerJoin(organizations, eq(organizations.id, fi.orgId))
    .where(eq(fi.orgId, orgId));
  return row;
}

// ——— institutions ———

function selectInstitutions(tx: Tx) {
  return tx
    .select({
      id: fi.orgId,
      name: organizations.name,
      uscc: organizations.uscc,
      type: fi.type,
      regionCode: organizations.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${organizations.regionCode})`,
      records: sql<number>`(select count(*)::int from ${r} where ${r.institutionId} = ${fi.orgId})`,
    })
    .from(fi)
    .innerJoin(organizations, eq(organizations.id, fi.orgId))
    .leftJoin(regions, eq(regions.code, organizations.regionCode))
    .$dynamic();
}

export type InstitutionRow = Awaited<ReturnType<typeof selectInstitutions>>[number];

/** Institutions are a directory every reader of the module sees (names a record shows anyway). */
function institutionWhere(f: InstitutionFilters): SQL | undefined {
  return and(
    f.type ? eq(fi.type, f.type) : undefined,
    f.q
      ? or(ilike(organizations.name, likePattern(f.q)), eq(organizations.uscc, f.q.toUpperCase()))
      : undefined,
  );
}

export function listInstitutions(tx: Tx, q: InstitutionListQuery, limit: number, offset: number) {
  const order = orderBy(q.sort ?? 'name', { name: organizations.name, type: fi.type }, asc(fi.orgId));
  return pageRows(selectInstitutions(tx), institutionWhere(q), order, limit, offset);
}

export async function countInstitutions(tx: Tx, f: InstitutionFilters) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(fi)
    .innerJoin(organizations, eq(organizations.id, fi.orgId))
    .where(institutionWhere(f));
  return row.n;
}

export function institutionsAfter(tx: Tx, f: InstitutionFilters, afterId: string | null, limit: number) {
  return rowsAfter(selectInstitutions(tx), institutionWhere(f), fi.orgId, afterId, limit);
}

export async function getInstitution(tx: Tx, id: string) {
  const [row] = await selectInstitutions(tx).where(eq(fi.orgId, id)).limit(1);
  return row;
}

export async function insertInstitutions(tx: Tx, values: (typeof fi.$inferInsert)[]) {
  if (values.length > 0) await tx.insert(fi).values(values).onConflictDoNothing();
}

// ——— demo ———

/** Enterprises holding a valid 高企 qualification on a day, in a stable order (the demo's picks). */
export function hteEnterprisesOn(tx: Tx, on: string, limit: number) {
  return tx
    .selectDistinct({ id: organizations.id, uscc: organizations.uscc, regionCode: organizations.regionCode })
    .from(qualifications)
    .innerJoin(organizations, eq(organizations.id, qualifications.orgId))
    .where(
      and(eq(qualifications.typeCode, 'hte'), qualificationValidOn(on), eq(organizations.kind, 'enterprise')),
    )
    .orderBy(asc(organizations.uscc))
    .limit(limit);
}

/** Invention patents in force over a span whose first applicant is a registry enterprise (demo pledges). */
export function pledgeablePatents(tx: Tx, from: string, to: string, limit: number) {
  return tx
    .select({
      id: ipPatents.id,
      appNo: ipPatents.appNo,
      orgId: organizations.id,
      regionCode: organizations.regionCode,
    })
    .from(ipPatents)
    .innerJoin(organizations, eq(organizations.id, sql`${ipPatents.orgIds}[1]`))
    .where(
      and(
        eq(ipPatents.kind, 'invention'),
        eq(organizations.kind, 'enterprise'),
        patentValidOn(from),
        patentValidOn(to),
      ),
    )
    .orderBy(asc(ipPatents.appNo))
    .limit(limit);
}

export async function anyRecord(tx: Tx) {
  const [row] = await tx.select({ id: r.id }).from(r).limit(1);
  return !!row;
}

export async function ensureOrgs(tx: Tx, values: (typeof organizations.$inferInsert)[]) {
  await tx.insert(organizations).values(values).onConflictDoNothing();
  return tx
    .select({ id: organizations.id, uscc: organizations.uscc })
    .from(organizations)
    .where(
      inArray(
        organizations.uscc,
        values.map((v) => v.uscc),
      ),
    );
}
