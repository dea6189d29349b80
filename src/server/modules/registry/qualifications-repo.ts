import { and, asc, desc, eq, gt, ilike, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { qualificationListQuerySchema } from '../../../domain/contracts/registry';
import type { Tx } from '../../db/client';
import { organizations, qualifications as q, qualificationTypes, regions } from '../../db/schema';
import { clock } from '../../platform/clock';
import { likePattern } from '../../platform/listing';
import type { RegionTree } from '../../platform/region-tree';
import { regionFilter, type Scope, scopeWhere } from '../../platform/scope';
import { qualificationValidOn } from './validity-sql';

export type QualificationQuery = z.infer<typeof qualificationListQuerySchema>;
type Filters = Omit<QualificationQuery, 'page' | 'pageSize' | 'sort'>;

export const qualificationScopeColumns = {
  regionCode: q.regionCode,
  orgId: q.orgId,
  parkId: organizations.parkId,
};

function columns(onDate: string) {
  return {
    id: q.id,
    orgId: q.orgId,
    orgName: organizations.name,
    uscc: organizations.uscc,
    regionCode: q.regionCode,
    regionName: sql<string>`coalesce(${regions.name}, ${q.regionCode})`,
    typeCode: q.typeCode,
    typeName: sql<string>`coalesce(${qualificationTypes.name}, ${q.typeCode})`,
    level: q.level,
    certificateNo: q.certificateNo,
    issuedOn: q.issuedOn,
    validUntil: q.validUntil,
    documentNo: q.documentNo,
    batch: q.batch,
    revoked: q.revoked,
    revokedOn: q.revokedOn,
    revokeReason: q.revokeReason,
    valid: sql<boolean>`${qualificationValidOn(onDate)}`,
  };
}

function select(tx: Tx, onDate: string) {
  return tx
    .select(columns(onDate))
    .from(q)
    .innerJoin(organizations, eq(organizations.id, q.orgId))
    .leftJoin(regions, eq(regions.code, q.regionCode))
    .leftJoin(qualificationTypes, eq(qualificationTypes.code, q.typeCode));
}

function where(scope: Scope, f: Filters, tree: RegionTree): SQL | undefined {
  const onDate = f.validOn ?? clock.today();
  const conds: (SQL | undefined)[] = [
    scopeWhere(scope, qualificationScopeColumns),
    regionFilter(tree, q.regionCode, f.regionCode),
  ];
  if (f.orgId) conds.push(eq(q.orgId, f.orgId));
  if (f.typeCode) conds.push(eq(q.typeCode, f.typeCode));
  if (f.level) conds.push(eq(q.level, f.level));
  if (f.q)
    conds.push(
      sql`(${ilike(organizations.name, likePattern(f.q))} or ${q.certificateNo} = ${f.q.toUpperCase()} or ${organizations.uscc} = ${f.q.toUpperCase()})`,
    );
  if (f.status === 'valid') conds.push(qualificationValidOn(onDate));
  if (f.status === 'revoked') conds.push(eq(q.revoked, true));
  if (f.status === 'expired') conds.push(sql`${q.validUntil} < ${onDate} and not ${q.revoked}`);
  if (f.expiresWithin) {
    conds.push(qualificationValidOn(onDate));
    conds.push(sql`${q.validUntil} <= (${onDate}::date + ${f.expiresWithin}::int)`);
  }
  return and(...conds);
}

const SORTABLE = {
  issuedOn: q.issuedOn,
  validUntil: q.validUntil,
  typeCode: q.typeCode,
  orgName: organizations.name,
};

export type QualificationRow = Awaited<ReturnType<typeof listQualifications>>[number];

export function listQualifications(
  tx: Tx,
  scope: Scope,
  f: QualificationQuery,
  tree: RegionTree,
  limit: number,
  offset: number,
) {
  const field = f.sort?.replace(/^-/, '') as keyof typeof SORTABLE | undefined;
  const order: SQL[] = [];
  if (field && SORTABLE[field])
    order.push(f.sort!.startsWith('-') ? desc(SORTABLE[field]) : asc(SORTABLE[field]));
  else if (f.expiresWithin) order.push(asc(q.validUntil));
  order.push(desc(q.issuedOn), asc(q.id));
  return select(tx, f.validOn ?? clock.today())
    .where(where(scope, f, tree))
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
}

export async function countQualifications(tx: Tx, scope: Scope, f: Filters, tree: RegionTree) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(q)
    .innerJoin(organizations, eq(organizations.id, q.orgId))
    .where(where(scope, f, tree));
  return row.n;
}

export function qualificationsAfter(
  tx: Tx,
  scope: Scope,
  f: Filters,
  tree: RegionTree,
  afterId: string | null,
  limit: number,
) {
  return select(tx, f.validOn ?? clock.today())
    .where(and(where(scope, f, tree), afterId ? gt(q.id, afterId) : undefined))
    .orderBy(asc(q.id))
    .limit(limit);
}

export function qualificationsOfOrg(tx: Tx, orgId: string) {
  return select(tx, clock.today()).where(eq(q.orgId, orgId)).orderBy(asc(q.issuedOn));
}

export async function getQualification(tx: Tx, id: string) {
  const [row] = await select(tx, clock.today()).where(eq(q.id, id));
  return row;
}

export async function findQualificationType(tx: Tx, code: string) {
  const [type] = await tx.select().from(qualificationTypes).where(eq(qualificationTypes.code, code));
  return type;
}

export async function findQualificationRow(tx: Tx, id: string) {
  const [row] = await tx.select().from(q).where(eq(q.id, id));
  return row;
}

export async function insertQualification(tx: Tx, values: typeof q.$inferInsert) {
  const [row] = await tx.insert(q).values(values).returning();
  return row;
}

export async function updateQualificationRow(tx: Tx, id: string, set: Partial<typeof q.$inferInsert>) {
  const [row] = await tx
    .update(q)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(q.id, id))
    .returning();
  return row;
}
