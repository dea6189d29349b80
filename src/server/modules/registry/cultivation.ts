import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { cultivationQuerySchema } from '../../../domain/contracts/registry';
import { hteCriteria } from '../../../domain/registry';
import type { Tx } from '../../db/client';
import { organizations as o, qualifications, regions, orgAnnualStats as s } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { pageOf } from '../../platform/listing';
import type { RegionTree } from '../../platform/region-tree';
import { type Scope, scopeOf, scopeWhere } from '../../platform/scope';
import { orgScopeColumns, regionFilter } from './orgs-repo';
import { qualificationValidOn } from './validity';

export type CultivationQuery = z.infer<typeof cultivationQuerySchema>;

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

function where(scope: Scope, q: CultivationQuery, tree: RegionTree): SQL | undefined {
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
      orgId: o.id,
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

function present(row: Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number]) {
  const criteria = hteCriteria(row);
  return {
    ...row,
    status: row.meets ? ('meets' as const) : ('near' as const),
    criteria,
    failing: criteria.filter((c) => !c.pass).map((c) => c.code),
  };
}

export async function cultivationPool(deps: Deps, actor: Actor, q: CultivationQuery) {
  const scope = scopeOf(actor, deps.regions);
  const { limit, offset } = pageOf(q);
  const [rows, [{ n }]] = await Promise.all([
    base(deps.db)
      .where(where(scope, q, deps.regions))
      .orderBy(sql`${meets} desc`, sql`${shortfall} asc`, o.name)
      .limit(limit)
      .offset(offset),
    deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(s)
      .innerJoin(o, eq(o.id, s.orgId))
      .where(where(scope, q, deps.regions)),
  ]);
  return { items: rows.map(present), total: n };
}

export async function* cultivationBatches(deps: Deps, actor: Actor, q: CultivationQuery) {
  const scope = scopeOf(actor, deps.regions);
  for (let offset = 0; ; offset += 2000) {
    const rows = await base(deps.db)
      .where(where(scope, q, deps.regions))
      .orderBy(sql`${meets} desc`, sql`${shortfall} asc`, o.name, o.id)
      .limit(2000)
      .offset(offset);
    if (rows.length > 0) yield rows.map(present);
    if (rows.length < 2000) return;
  }
}
