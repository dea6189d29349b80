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
import type { Actor } from '../../platform/actor';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { requestedRegions } from '../../platform/scope';
import { CATALOGUE } from './catalogue';
import { defaultAsOf, evaluateYears, type YearFigures } from './engine';
import { targetsOfYear } from './targets-repo';

type Query = z.infer<typeof indicatorValuesQuerySchema>;

export interface ValueRow extends IndicatorValue {
  indicator: Indicator;
}

/** Indicator values for a year, with last year's value, the plan's target, progress and warning. */
export async function indicatorValues(deps: Deps, actor: Actor, q: Query) {
  const asOf = q.asOf ?? defaultAsOf(q.year, clock.today());
  const regionCodes = requestedRegions(actor, deps.regions, q.region, q.by === 'region');
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
  const targets = await targetsOfYear(deps.db, q.year, regionCodes);
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
