import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { IndicatorValue, indicatorValuesQuerySchema } from '../../../domain/contracts/plan';
import {
  elapsedShare,
  type Indicator,
  progressOf,
  resolveTarget,
  round,
  type TargetKind,
} from '../../../domain/indicators';
import { msg } from '../../../domain/message';
import { planTargets } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { inScope, scopeOf } from '../../platform/scope';
import { CATALOGUE } from './catalogue';
import { defaultAsOf, evaluateYears, type YearFigures } from './engine';

type Query = z.infer<typeof indicatorValuesQuerySchema>;

/** The regions a request asks about, checked against the actor's scope (a county sees its own). */
export function regionsFor(
  deps: Deps,
  actor: Actor,
  region: string | undefined,
  byRegion: boolean,
): string[] {
  const scope = scopeOf(actor, deps.regions);
  const city = deps.regions.rows.find((r) => r.level === 'city')!.code;
  const counties = deps.regions.rows.filter((r) => r.level === 'county' && r.holdsData).map((r) => r.code);
  const wanted = region ?? (scope.kind === 'region' ? actor.regionCode! : city);
  const known = deps.regions.get(wanted);
  if (!known) throw invalid('region', msg('区域不存在', 'No such region'));
  if (!inScope(scope, { regionCode: wanted }) && !(scope.kind === 'city')) {
    throw invalid('region', msg('超出本单位管辖区域', 'The region is outside your jurisdiction'));
  }
  if (!byRegion) return [wanted];
  if (scope.kind === 'region') return [wanted];
  return wanted === city
    ? [city, ...counties]
    : [wanted, ...deps.regions.childrenOf(wanted).map((r) => r.code)];
}

export interface ValueRow extends IndicatorValue {
  indicator: Indicator;
}

/** Indicator values for a year, with last year's value, the plan's target, progress and warning. */
export async function indicatorValues(deps: Deps, actor: Actor, q: Query) {
  const asOf = q.asOf ?? defaultAsOf(q.year, clock.today());
  const regionCodes = regionsFor(deps, actor, q.region, q.by === 'region');
  const codes = q.codes ? new Set(q.codes.split(',')) : null;
  const indicators = CATALOGUE.filter((i) => !codes || codes.has(i.code));
  const figures = await evaluateYears(
    deps.db,
    deps.regions,
    [
      { year: q.year, asOf },
      { year: q.year - 1, asOf: `${q.year - 1}-12-31` },
    ],
    'region',
    indicators.map((i) => i.code),
  );
  const targets = await deps.db
    .select()
    .from(planTargets)
    .where(and(eq(planTargets.year, q.year), inArray(planTargets.regionCode, regionCodes)));
  const targetOf = new Map(targets.map((t) => [`${t.indicatorCode}|${t.regionCode}`, t]));
  const elapsed = elapsedShare(q.year, asOf);
  const items: ValueRow[] = [];
  for (const regionCode of regionCodes) {
    for (const indicator of indicators) {
      items.push(
        valueRow(
          deps,
          indicator,
          regionCode,
          figures.get(q.year)!,
          figures.get(q.year - 1)!,
          targetOf.get(`${indicator.code}|${regionCode}`),
          elapsed,
        ),
      );
    }
  }
  return { year: q.year, asOf, region: regionCodes[0], items };
}

function valueRow(
  deps: Deps,
  indicator: Indicator,
  regionCode: string,
  now: YearFigures,
  before: YearFigures,
  target: { kind: TargetKind; value: string | null } | undefined,
  elapsed: number,
): ValueRow {
  const fig = now.get(indicator, regionCode);
  const value = fig.value === null ? null : round(fig.value, indicator.decimals);
  const lastRaw = before.get(indicator, regionCode).value;
  const lastYear = lastRaw === null ? null : round(lastRaw, indicator.decimals);
  const row: ValueRow = {
    indicator,
    code: indicator.code,
    name: indicator.name,
    nameEn: indicator.nameEn,
    regionCode,
    regionName: deps.regions.get(regionCode)?.name ?? regionCode,
    value,
    unit: indicator.unit,
    kind: indicator.kind,
    lastYear,
    source: indicator.kind === 'reported' ? (fig.source ?? null) : undefined,
  };
  if (target) {
    const spec = { kind: target.kind, value: target.value === null ? null : Number(target.value) };
    const resolved = resolveTarget(spec, lastYear);
    const p = progressOf({
      value,
      target: resolved,
      lastYear,
      measure: indicator.measure,
      kind: target.kind,
      elapsed,
    });
    row.target = resolved === null ? null : round(resolved, indicator.decimals);
    row.targetKind = target.kind;
    row.progress = p.percent;
    row.warning = p.warning;
  }
  return row;
}
