import { type SQL, sql } from 'drizzle-orm';
import { msg } from '../../../domain/message';
import { queryRows } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { indicatorOf } from './catalogue';
import { COMPUTED, definitionRows } from './computed';
import { defaultAsOf } from './engine';
import { regionsFor } from './values-service';

export interface DrillRow {
  recordId: string;
  orgId: string;
  orgName: string;
  uscc: string;
  regionCode: string;
  regionName: string;
  detail: string | null;
  amount: number;
}

export interface DrillQuery {
  year: number;
  region?: string;
  asOf?: string;
}

/**
 * The records behind a computed figure: exactly the rows its definition counts, for the region
 * (with its functional zones) and date asked. Organisation-counted figures list each organisation
 * once, so the list's length is the figure.
 */
function drillSql(deps: Deps, actor: Actor, code: string, q: DrillQuery) {
  const indicator = indicatorOf(code);
  const def = COMPUTED[code];
  if (!indicator || !def) {
    throw new AppError(
      404,
      'not_found',
      msg('该指标不是由记录计算的，无明细可查', 'This indicator is not computed from records'),
    );
  }
  const asOf = q.asOf ?? defaultAsOf(q.year, clock.today());
  const [region] = regionsFor(deps, actor, q.region, false);
  const tree = deps.regions.get(region);
  const codes = tree?.level === 'city' ? null : deps.regions.selfAndDescendants(region);
  const inRegion = codes ? sql` where r.region_code in ${codes}` : sql``;
  const rows = definitionRows(def, { year: q.year, asOf });
  const distinct = def.aggregate === 'orgs' ? sql`distinct on (r.org_id)` : sql``;
  const base = sql`select ${distinct} r.record_id::text as "recordId", r.org_id::text as "orgId", o.name as "orgName", o.uscc, r.region_code as "regionCode", coalesce(g.name, r.region_code) as "regionName", r.detail::text as detail, r.amount::float8 as amount from (${rows}) r join organizations o on o.id = r.org_id left join regions g on g.code = r.region_code${inRegion}`;
  const ordered: SQL =
    def.aggregate === 'orgs'
      ? sql`select * from (${base} order by r.org_id) d order by "orgName", "recordId"`
      : sql`${base} order by o.name, r.record_id`;
  return { ordered, base };
}

export async function drillPage(
  deps: Deps,
  actor: Actor,
  code: string,
  q: DrillQuery,
  limit: number,
  offset: number,
) {
  const { ordered, base } = drillSql(deps, actor, code, q);
  const [items, [{ n }]] = await Promise.all([
    queryRows<DrillRow>(deps.db, sql`${ordered} limit ${limit} offset ${offset}`),
    queryRows<{ n: number }>(deps.db, sql`select count(*)::int as n from (${base}) x`),
  ]);
  return { items, total: n };
}

export async function* drillBatches(deps: Deps, actor: Actor, code: string, q: DrillQuery) {
  const { ordered } = drillSql(deps, actor, code, q);
  for (let offset = 0; ; offset += 5000) {
    const rows = await queryRows<DrillRow>(deps.db, sql`${ordered} limit 5000 offset ${offset}`);
    if (rows.length > 0) yield rows;
    if (rows.length < 5000) return;
  }
}
