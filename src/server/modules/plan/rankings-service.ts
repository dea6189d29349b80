import type { RankingResult, RankingUnitRow } from '../../../domain/contracts/plan';
import { msg } from '../../../domain/message';
import {
  eliminationFlags,
  excludedItems,
  itemKey,
  lastPlaces,
  type RankingScheme,
  round,
  scoreUnits,
  separates,
  type UnitScore,
} from '../../../domain/ranking';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import type { EvalContext } from './computed-sql';
import { defaultAsOf } from './engine';
import { itemName, schemeOf } from './rankings-schemes';
import { countyUnits, parkUnits } from './rankings-units';

export function schemeFor(code: string): RankingScheme {
  const scheme = schemeOf(code);
  if (!scheme) throw invalid('scheme', msg('排名方案不存在', 'No such ranking scheme'));
  return scheme;
}

/**
 * The years a ranking needs, newest first, each with its as-of date: the ranked year (as of `asOf`)
 * and the years before it (at their ends) for the rank change and the 末位淘汰 run.
 */
export function rankingContexts(scheme: RankingScheme, year: number, asOf: string): EvalContext[] {
  const span = Math.max(2, scheme.lastPlaceYears);
  return Array.from({ length: span }, (_, i) =>
    i === 0 ? { year, asOf } : { year: year - i, asOf: `${year - i}-12-31` },
  );
}

function criteria(scheme: RankingScheme) {
  const total = scheme.items.reduce((a, i) => a + i.weight, 0);
  return scheme.items.map((item) => ({
    key: itemKey(item),
    indicator: item.indicator,
    per: item.per ?? null,
    ...itemName(item),
    weight: round(item.weight / total, 4),
    transform: item.transform,
    polarity: item.polarity,
  }));
}

const r4 = (v: number | null) => (v === null ? null : round(v, 4));

/**
 * Scores every unit for the year and the years before it under one scheme. The figures come from
 * one evaluation of all years; the arithmetic is in memory over a dozen units.
 */
export async function ranking(
  deps: Deps,
  scheme: RankingScheme,
  year: number,
  asOf = defaultAsOf(year, clock.today()),
): Promise<RankingResult> {
  const contexts = rankingContexts(scheme, year, asOf);
  const gathered =
    scheme.subject === 'county'
      ? await countyUnits(deps, scheme, contexts)
      : await parkUnits(deps, scheme, contexts);
  const byYear: UnitScore[][] = contexts.map((c) => scoreUnits(gathered.byYear.get(c.year)!, scheme));
  const [now, before] = byYear;
  const lastYear = separates(before) ? new Map(before.map((s) => [s.id, s.rank])) : null;
  const last = lastPlaces(now);
  const eliminated = eliminationFlags(byYear, scheme.lastPlaceYears);
  const names = scheme.items.map(itemName);
  const info = new Map(gathered.units.map((u, i) => [u.id, { ...u, order: i }]));
  const units: RankingUnitRow[] = now.map((s) => {
    const u = info.get(s.id)!;
    const rankLastYear = lastYear?.get(s.id) ?? null;
    return {
      id: s.id,
      code: u.code,
      name: u.name,
      nameEn: u.nameEn,
      score: s.score,
      rank: s.rank,
      rankLastYear,
      rankChange: rankLastYear === null ? null : rankLastYear - s.rank,
      lastPlace: last.has(s.id),
      eliminationFlag: eliminated.has(s.id),
      items: s.items.map((it, i) => ({
        key: it.key,
        indicator: it.indicator,
        name: names[i].name,
        nameEn: names[i].nameEn,
        raw: r4(it.raw),
        value: r4(it.value),
        normalised: round(it.normalised, 4),
        points: round(it.points, 2),
        flagged: it.flag !== null,
        flag: it.flag,
      })),
    };
  });
  units.sort((a, b) => a.rank - b.rank || info.get(a.id)!.order - info.get(b.id)!.order);
  const excluded = excludedItems(gathered.byYear.get(year)!, scheme);
  const partial = scheme.items
    .map(itemKey)
    .filter(
      (key) =>
        !excluded.has(key) && now.some((s) => s.items.some((it) => it.key === key && it.flag === 'missing')),
    );
  return {
    scheme: scheme.code,
    schemeName: scheme.name,
    schemeNameEn: scheme.nameEn,
    subject: scheme.subject,
    note: scheme.note ?? null,
    year,
    asOf,
    lastPlaceYears: scheme.lastPlaceYears,
    criteria: criteria(scheme),
    missing: { rule: 'exclude-empty-zero-partial', excluded: [...excluded], partial },
    units,
  };
}
