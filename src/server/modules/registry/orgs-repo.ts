import { and, asc, desc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { OrgListQuery } from '../../../domain/contracts/registry';
import type { Tx } from '../../db/client';
import { industries, organizations as o, parks, qualifications, regions } from '../../db/schema';
import type { RegionTree } from '../../platform/region-tree';
import { type Scope, scopeWhere } from '../../platform/scope';
import { searchCondition } from './search';
import { qualificationValidOn, todayInChina } from './validity';

export const orgScopeColumns = { regionCode: o.regionCode, orgId: o.id, parkId: o.parkId };

type Filters = Omit<OrgListQuery, 'page' | 'pageSize' | 'sort'>;

/** Typing a 统一社会信用代码 finds that organisation by code, not by words. */
const USCC_LIKE = /^[0-9A-Za-z]{18}$/;

/** Region filter: a county includes its functional zones; the city includes everything. */
export function regionFilter(regionsTree: RegionTree, column: AnyPgColumn, code: string | undefined) {
  if (!code || regionsTree.get(code)?.level === 'city') return undefined;
  const codes = regionsTree.selfAndDescendants(code);
  return inArray(column, codes.length > 0 ? codes : [code]);
}

function where(
  scope: Scope,
  f: Filters,
  regionsTree: RegionTree,
  search: ReturnType<typeof searchCondition>,
): SQL | undefined {
  const conds: (SQL | undefined)[] = [scopeWhere(scope, orgScopeColumns)];
  conds.push(regionFilter(regionsTree, o.regionCode, f.regionCode));
  if (f.kind) conds.push(eq(o.kind, f.kind));
  if (f.industryCode) {
    conds.push(
      /^[A-T]$/.test(f.industryCode)
        ? sql`left(${o.industryCode}, 2) in (select ${industries.code} from ${industries} where ${industries.parentCode} = ${f.industryCode})`
        : sql`${o.industryCode} like ${`${f.industryCode}%`}`,
    );
  }
  if (f.aboveSize !== undefined) conds.push(eq(o.aboveSize, f.aboveSize));
  if (f.parkId) conds.push(eq(o.parkId, f.parkId));
  if (f.qualification) {
    const levelCond = f.level ? sql` and ${qualifications.level} = ${f.level}` : sql``;
    conds.push(
      sql`exists (select 1 from ${qualifications} where ${qualifications.orgId} = ${o.id} and ${qualifications.typeCode} = ${f.qualification} and ${qualificationValidOn(f.validOn ?? todayInChina())}${levelCond})`,
    );
  }
  if (f.q && USCC_LIKE.test(f.q)) conds.push(eq(o.uscc, f.q.toUpperCase()));
  else if (search) conds.push(search.where);
  return and(...conds);
}

const SORTABLE = {
  name: o.name,
  uscc: o.uscc,
  regionCode: o.regionCode,
  foundedOn: o.foundedOn,
  updatedAt: o.updatedAt,
};

function listColumns(today: string) {
  return {
    id: o.id,
    uscc: o.uscc,
    name: o.name,
    kind: o.kind,
    regionCode: o.regionCode,
    regionName: sql<string>`coalesce(${regions.name}, ${o.regionCode})`,
    industryCode: o.industryCode,
    industryName: industries.name,
    aboveSize: o.aboveSize,
    parkId: o.parkId,
    parkName: parks.name,
    foundedOn: o.foundedOn,
    qualifications: sql<
      string[]
    >`array(select distinct ${qualifications.typeCode} from ${qualifications} where ${qualifications.orgId} = ${o.id} and ${qualificationValidOn(today)})`,
    updatedAt: o.updatedAt,
  };
}

/** Rows with the qualifications valid on `validOn` (the list's date filter), today by default. */
function baseSelect(tx: Tx, validOn?: string) {
  return tx
    .select(listColumns(validOn ?? todayInChina()))
    .from(o)
    .leftJoin(regions, eq(regions.code, o.regionCode))
    .leftJoin(industries, eq(industries.code, o.industryCode))
    .leftJoin(parks, eq(parks.id, o.parkId));
}

export type OrgListRow = Awaited<ReturnType<typeof listOrgs>>[number];

export function listOrgs(
  tx: Tx,
  scope: Scope,
  q: OrgListQuery,
  regionsTree: RegionTree,
  limit: number,
  offset: number,
) {
  const search = q.q ? searchCondition(sql`${o.searchText}`, sql`${o.name}`, q.q) : null;
  const field = q.sort?.replace(/^-/, '') as keyof typeof SORTABLE | undefined;
  const order: SQL[] = [];
  if (field && SORTABLE[field])
    order.push(q.sort!.startsWith('-') ? desc(SORTABLE[field]) : asc(SORTABLE[field]));
  else if (search) order.push(sql`${search.rank} desc`);
  order.push(asc(o.name), asc(o.id));
  return baseSelect(tx, q.validOn)
    .where(where(scope, q, regionsTree, search))
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
}

export async function countOrgs(tx: Tx, scope: Scope, q: Filters, regionsTree: RegionTree): Promise<number> {
  const search = q.q ? searchCondition(sql`${o.searchText}`, sql`${o.name}`, q.q) : null;
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(o)
    .where(where(scope, q, regionsTree, search));
  return row.n;
}

/** Keyset pages for exports: constant cost per batch however deep the export goes. */
export function orgsAfter(
  tx: Tx,
  scope: Scope,
  q: Filters,
  regionsTree: RegionTree,
  afterId: string | null,
  limit: number,
) {
  const search = q.q ? searchCondition(sql`${o.searchText}`, sql`${o.name}`, q.q) : null;
  return baseSelect(tx, q.validOn)
    .where(and(where(scope, q, regionsTree, search), afterId ? gt(o.id, afterId) : undefined))
    .orderBy(asc(o.id))
    .limit(limit);
}

export async function getOrgListRow(tx: Tx, id: string): Promise<OrgListRow | undefined> {
  const [row] = await baseSelect(tx).where(eq(o.id, id));
  return row;
}

export async function getOrg(tx: Tx, id: string) {
  const [row] = await tx.select().from(o).where(eq(o.id, id));
  return row;
}

export const SORTABLE_ORG_FIELDS = Object.keys(SORTABLE);
