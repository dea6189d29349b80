/**
 * Splitting a city target over the counties. A relative target ("+15%", "rising") and a target of a
 * non-additive indicator (a ratio such as inventions per 10,000 residents) applies to each county
 * as it stands; an absolute level or increment of an additive indicator is shared in proportion to
 * each county's value last year, rounded to the indicator's decimals, the remainder going to the
 * largest county so the counties add up to the city figure exactly.
 */
import type { Indicator } from '../../../domain/indicators';
import { msg } from '../../../domain/message';
import type { Tx } from '../../db/client';
import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import type { RegionTree } from '../../platform/region-tree';
import { indicatorOf } from './catalogue';
import { evaluateYears } from './engine';
import { deleteTargetsIn, findTarget, insertTargets } from './targets-repo';

/**
 * Shares `total` over the weights in proportion, each rounded to `decimals`; what rounding leaves
 * over (or takes too much) goes to the largest weight, so the shares add up to `total` exactly.
 * Zero weights all round: equal shares.
 */
export function apportion(total: number, weights: [string, number][], decimals: number): Map<string, number> {
  const f = 10 ** decimals;
  const sum = weights.reduce((a, [, w]) => a + Math.max(0, w), 0);
  const ws: [string, number][] =
    sum > 0 ? weights.map(([k, w]) => [k, Math.max(0, w)]) : weights.map(([k]) => [k, 1]);
  const wsum = sum > 0 ? sum : ws.length;
  const out = new Map(ws.map(([k, w]) => [k, Math.round(((total * w) / wsum) * f) / f]));
  if (ws.length === 0) return out;
  let largest = ws[0];
  for (const e of ws) if (e[1] > largest[1]) largest = e;
  const assigned = [...out.values()].reduce((a, v) => a + v, 0);
  const remainder = Math.round((total - assigned) * f) / f;
  out.set(largest[0], Math.round((out.get(largest[0])! + remainder) * f) / f);
  return out;
}

/** The counties a city target is split over: county level, holding data (not 金门县). */
export function splitCounties(regions: RegionTree) {
  return regions.rows.filter((r) => r.level === 'county' && r.holdsData).map((r) => r.code);
}

export function cityOf(regions: RegionTree): string {
  return regions.rows.find((r) => r.level === 'city')!.code;
}

/** Each county's value last year (as of that year's end), the basis of a proportional split. */
async function countyWeights(tx: Tx, regions: RegionTree, indicator: Indicator, year: number) {
  const counties = splitCounties(regions);
  const figures = (await evaluateYears(tx, regions, [{ year: year - 1, asOf: `${year - 1}-12-31` }])).get(
    year - 1,
  )!;
  const of = (ind: Indicator): [string, number][] => counties.map((c) => [c, figures.get(ind, c).value ?? 0]);
  const own = of(indicator);
  if (own.some(([, v]) => v > 0)) return { weights: own, basis: indicator.code };
  // Nothing held for last year (a new indicator): share by resident population, else equally.
  const population = indicatorOf('population');
  const pop = population ? of(population) : [];
  if (pop.some(([, v]) => v > 0)) return { weights: pop, basis: 'population' };
  return { weights: counties.map((c): [string, number] => [c, 1]), basis: 'equal' };
}

/**
 * Replaces the county targets of one indicator and year with the split of its city target, inside
 * the caller's transaction. Answers the rows removed and the rows written.
 */
export async function splitTargetTx(tx: Tx, regions: RegionTree, year: number, code: string, by: string) {
  const indicator = indicatorOf(code);
  if (!indicator) throw invalid('indicatorCode', msg(`指标「${code}」不存在`, `No indicator "${code}"`));
  const city = cityOf(regions);
  const cityTarget = await findTarget(tx, { year, indicatorCode: code, regionCode: city });
  if (!cityTarget) {
    throw invalid(
      'indicatorCode',
      msg(
        `${year}年「${indicator.name}」尚未设置市级目标`,
        `No city target for "${indicator.nameEn}" in ${year}`,
      ),
    );
  }
  const counties = splitCounties(regions);
  const proportional =
    indicator.additive && (cityTarget.kind === 'absolute' || cityTarget.kind === 'increase_abs');
  let values: Map<string, string | null>;
  let note: string;
  if (proportional && cityTarget.value !== null) {
    const { weights, basis } = await countyWeights(tx, regions, indicator, year);
    const shares = apportion(Number(cityTarget.value), weights, indicator.decimals);
    values = new Map([...shares].map(([k, v]) => [k, v.toFixed(indicator.decimals)]));
    const basisName =
      basis === 'equal' ? '平均' : `按${year - 1}年${basis === 'population' ? '常住人口' : '完成值'}占比`;
    note = `由市级目标${basisName}分解`;
  } else {
    values = new Map(counties.map((c) => [c, cityTarget.value]));
    note = '同市级目标';
  }
  const removed = await deleteTargetsIn(tx, year, code, counties);
  const written = await insertTargets(
    tx,
    counties.map((regionCode) => ({
      year,
      indicatorCode: code,
      regionCode,
      kind: cityTarget.kind,
      value: values.get(regionCode) ?? null,
      note,
      updatedBy: by,
    })),
  );
  return { cityTarget, removed, written };
}

/** The split as a request: one transaction, audited with the county rows before and after. */
export async function splitTarget(
  deps: Deps,
  ctx: AuditContext,
  by: string,
  body: { year: number; indicatorCode: string },
) {
  return deps.db.transaction(async (tx) => {
    const { cityTarget, removed, written } = await splitTargetTx(
      tx,
      deps.regions,
      body.year,
      body.indicatorCode,
      by,
    );
    await writeAudit(tx, ctx, {
      action: 'plan.target.split',
      targetType: 'plan_target',
      targetId: cityTarget.id,
      before: removed,
      after: written,
    });
    return written;
  });
}
