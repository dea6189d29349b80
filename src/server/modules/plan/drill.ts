import type { DrillQuery } from '../../../domain/contracts/plan';
import { msg } from '../../../domain/message';
import type { Actor } from '../../platform/actor';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { regionCodesUnder, requestedRegions } from '../../platform/scope';
import { indicatorOf } from './catalogue';
import { COMPUTED } from './computed-sql';
import { drillCount, drillRows } from './drill-repo';
import { defaultAsOf } from './engine';

/**
 * The records behind a computed figure: exactly the rows its definition counts, for the region
 * (with its functional zones) and date asked, so every figure is traceable to the records listed.
 */
function drillTarget(deps: Deps, actor: Actor, code: string, q: DrillQuery) {
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
  const [region] = requestedRegions(actor, deps.regions, q.region, false);
  return { def, ctx: { year: q.year, asOf }, regionCodes: regionCodesUnder(deps.regions, region) };
}

export async function drillPage(
  deps: Deps,
  actor: Actor,
  code: string,
  q: DrillQuery,
  limit: number,
  offset: number,
) {
  const { def, ctx, regionCodes } = drillTarget(deps, actor, code, q);
  const [items, total] = await Promise.all([
    drillRows(deps.db, def, ctx, regionCodes, limit, offset),
    drillCount(deps.db, def, ctx, regionCodes),
  ]);
  return { items, total };
}

export async function* drillBatches(deps: Deps, actor: Actor, code: string, q: DrillQuery) {
  const { def, ctx, regionCodes } = drillTarget(deps, actor, code, q);
  for (let offset = 0; ; offset += 5000) {
    const rows = await drillRows(deps.db, def, ctx, regionCodes, 5000, offset);
    if (rows.length > 0) yield rows;
    if (rows.length < 5000) return;
  }
}
