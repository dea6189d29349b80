import { type SQL, sql } from 'drizzle-orm';
import type { DrillRow } from '../../../domain/contracts/plan';
import { queryRows, type Tx } from '../../db/client';
import { type Definition, definitionRows, type EvalContext } from './computed-sql';

/**
 * The rows a computed figure's definition counts, with their organisation (or, for a record with
 * none, the party it names — a patent's applicants) and region, in the given regions (null: all). Organisation-counted figures list each organisation once, so the
 * list's length is the figure.
 */
function drillSql(def: Definition, ctx: EvalContext, regionCodes: string[] | null) {
  const inRegion = regionCodes ? sql` where r.region_code in ${regionCodes}` : sql``;
  const rows = definitionRows(def, ctx);
  const distinct = def.aggregate === 'orgs' ? sql`distinct on (r.org_id)` : sql``;
  const base = sql`select ${distinct} r.record_id::text as "recordId", coalesce(r.org_id::text, '') as "orgId", coalesce(o.name, r.party, '') as "orgName", coalesce(o.uscc, '') as uscc, r.region_code as "regionCode", coalesce(g.name, r.region_code) as "regionName", r.detail::text as detail, r.amount::float8 as amount from (${rows}) r left join organizations o on o.id = r.org_id left join regions g on g.code = r.region_code${inRegion}`;
  const ordered: SQL =
    def.aggregate === 'orgs'
      ? sql`select * from (${base} order by r.org_id) d order by "orgName", "recordId"`
      : sql`${base} order by "orgName", r.record_id`;
  return { ordered, base };
}

export function drillRows(
  tx: Tx,
  def: Definition,
  ctx: EvalContext,
  regionCodes: string[] | null,
  limit: number,
  offset: number,
) {
  const { ordered } = drillSql(def, ctx, regionCodes);
  return queryRows<DrillRow>(tx, sql`${ordered} limit ${limit} offset ${offset}`);
}

export async function drillCount(tx: Tx, def: Definition, ctx: EvalContext, regionCodes: string[] | null) {
  const { base } = drillSql(def, ctx, regionCodes);
  const [{ n }] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from (${base}) x`);
  return n;
}
