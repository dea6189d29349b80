import { and, asc, eq, gt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { cultivationQuerySchema } from '../../../domain/contracts/registry';
import type { Tx } from '../../db/client';
import { organizations as o, qualifications, regions, orgAnnualStats as s } from '../../db/schema';
import type { RegionTree } from '../../platform/region-tree';
import { regionFilter, type Scope, scopeWhere } from '../../platform/scope';
import { orgScopeColumns } from './orgs-repo';
import { qualificationValidOn } from './validity-sql';

export type CultivationQuery = z.infer<typeof cultivationQuerySchema>;
type Filters = Omit<CultivationQuery, 'page' | 'pageSize' | 'sort'>;

/*
 * 高企培育库: enterprises without a valid 高企 certificate at the end of the year whose figures that
 * year meet the quantitative criteria (高新技术企业认定管理办法 第十一条), or fall short of each by no
 * more than `margin` percentage points. The thresholds mirror hteCriteria() in src/domain/registry.ts.
 */
const revenue = sql`nullif(${s.revenue}, 0)`;
const rdShare = sql`(${s.rdExpense} / ${revenue} * 100)`;
const rdRequired = sql`(case when ${s.revenue} <= 5000 then 5 when ${s.revenue} <= 20000 then 4 else 3 end)`;
const stShare = sql`(${s.stStaff}::numeric / nullif(${s.staff}, 0) * 100)`;
const htShare = sql`(${s.hitechRevenue} / ${revenue} * 100)`;
const shortfall = sql`(greatest(${rdRequired} - coalesce(${rdShare}, -1000), 0) + greatest(10 - coalesce(${stShare}, -1000), 0) + greatest(60 - coalesce(${htShare}, -1000), 0))`;
const meets = sql`(coalesce(${rdShare} >= ${rdRequired} and ${stShare} >= 10 and ${htShare} >= 60, false))`;

function where(scope: Scope, q: Filters, tree: RegionTree): SQL | undefined {
  const margin = q.margin;
  const near = sql`(coalesce(${rdShare} >= ${rdRequired} - ${margin} and ${stShare} >= 10 - ${margin} and ${htShare} >= 60 - ${margin}, false))`;
  const yearEnd = `${q.year}-12-31`;
  return and(
    eq(s.year, q.year),
    eq(o.kind, 'enterprise'),
    scopeWhere(scope, orgScopeColumns),
    regionFilter(tree, o.regionCode, q.regionCode),
    sql`not exists (select 1 from ${qualifications} where ${qualifications.orgId} = ${o.id} and ${qualifications.typeCode} = 'hte' and ${qualificationValidOn(yearEnd)})`,
    q.status === 'meets' ? meets : q.status === 'near' ? sql`(${near} and not ${meets})` : near,
  );
}

function base(tx: Tx) {
  return tx
    .select({
      id: o.id,
      orgId: o.id,
      year: s.year,
      uscc: o.uscc,
      name: o.name,
      regionCode: o.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${o.regionCode})`,
      industryCode: o.industryCode,
      revenue: s.revenue,
      rdExpense: s.rdExpense,
      staff: s.staff,
      stStaff: s.stStaff,
      hitechRevenue: s.hitechRevenue,
      meets: sql<boolean>`${meets}`,
    })
    .from(s)
    .innerJoin(o, eq(o.id, s.orgId))
    .leftJoin(regions, eq(regions.code, o.regionCode));
}

export type CultivationRow = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

/** Meeting the criteria first, then the nearest to meeting them, then by name. */
export function cultivationRows(
  tx: Tx,
  scope: Scope,
  tree: RegionTree,
  q: CultivationQuery,
  limit: number,
  offset: number,
): Promise<CultivationRow[]> {
  return base(tx)
    .where(where(scope, q, tree))
    .orderBy(sql`${meets} desc`, sql`${shortfall} asc`, o.name, o.id)
    .limit(limit)
    .offset(offset);
}

/** The pool's enterprises after `afterId` in id order, for the export's keyset batches. */
export function cultivationRowsAfter(
  tx: Tx,
  scope: Scope,
  tree: RegionTree,
  q: Filters,
  afterId: string | null,
  limit: number,
): Promise<CultivationRow[]> {
  return base(tx)
    .where(and(where(scope, q, tree), afterId ? gt(o.id, afterId) : undefined))
    .orderBy(asc(o.id))
    .limit(limit);
}

export async function cultivationCount(tx: Tx, scope: Scope, tree: RegionTree, q: Filters) {
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(s)
    .innerJoin(o, eq(o.id, s.orgId))
    .where(where(scope, q, tree));
  return n;
}
