import type { RankingScheme, RankingUnit } from '../../../domain/ranking';
import type { Deps } from '../../platform/deps';
import { indicatorOf } from './catalogue';
import { COMPUTED, type EvalContext } from './computed-sql';
import { computedByPark, evaluateYears, type YearFigures } from './engine';
import { subParks as loadSubParks, parkAnnualFigures } from './rankings-repo';
import { COMPOSITES, type PARK_FIGURES } from './rankings-schemes';

/** Who is ranked: a county (id = region code) or a sub-park (id = park id). */
export interface UnitInfo {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}

/** The units and, per evaluated year, their values keyed by indicator code and size key. */
export interface Gathered {
  units: UnitInfo[];
  byYear: Map<number, RankingUnit[]>;
}

/** Indicator codes a scheme reads, with the sizes its items are divided by. */
function codesOf(scheme: RankingScheme): string[] {
  return [...new Set(scheme.items.flatMap((i) => (i.per ? [i.indicator, i.per] : [i.indicator])))];
}

function countyValue(figures: YearFigures, code: string, region: string): number | null {
  const composite = COMPOSITES[code];
  if (composite) {
    return composite.parts.reduce((a, part) => a + (figures.get(indicatorOf(part)!, region).value ?? 0), 0);
  }
  return figures.get(indicatorOf(code)!, region).value;
}

/**
 * Counties holding data; a functional zone's records count for the county it lies in, as the engine
 * sums them. Every year is evaluated in one engine call: one grouped query per computed indicator and
 * year, whatever the number of counties.
 */
export async function countyUnits(
  deps: Deps,
  scheme: RankingScheme,
  contexts: EvalContext[],
): Promise<Gathered> {
  const counties = deps.regions.rows.filter((r) => r.level === 'county' && r.holdsData);
  const codes = codesOf(scheme);
  const needed = codes.flatMap((c) => COMPOSITES[c]?.parts ?? [c]);
  const figures = await evaluateYears(deps.db, deps.regions, contexts, 'region', needed);
  const byYear = new Map<number, RankingUnit[]>();
  for (const ctx of contexts) {
    const f = figures.get(ctx.year)!;
    byYear.set(
      ctx.year,
      counties.map((c) => ({
        id: c.code,
        values: Object.fromEntries(codes.map((code) => [code, countyValue(f, code, c.code)])),
      })),
    );
  }
  return {
    units: counties.map((c) => ({ id: c.code, code: c.code, name: c.name, nameEn: c.nameEn })),
    byYear,
  };
}

type AnnualRow = {
  parkId: string;
  year: number;
  output: number | null;
  enterprises: number | null;
  hte: number | null;
};

const num = (v: string | number | null) => (v === null ? null : Number(v));

function growth(now: number | null | undefined, before: number | null | undefined): number | null {
  if (now === null || now === undefined || before === null || before === undefined || before === 0)
    return null;
  return ((now - before) / before) * 100;
}

/**
 * The sub-parks of the high-tech zone (parks with a parent). Their own yearly reports come from
 * park_annual (the year before the earliest is read too, for growth); computed figures count the
 * registry's records of organisations located in each park.
 */
export async function parkUnits(
  deps: Deps,
  scheme: RankingScheme,
  contexts: EvalContext[],
): Promise<Gathered> {
  const codes = codesOf(scheme);
  const computed = [...new Set(codes.flatMap((c) => COMPOSITES[c]?.parts ?? (COMPUTED[c] ? [c] : [])))];
  const years = contexts.map((c) => c.year);
  const [subParks, annual, ...computedByYear] = await Promise.all([
    loadSubParks(deps.db),
    parkAnnualFigures(deps.db, Math.min(...years) - 1, Math.max(...years)).then((rows) =>
      rows.map((r): AnnualRow => ({ ...r, output: num(r.output) })),
    ),
    ...contexts.map((ctx) =>
      computed.length ? computedByPark(deps.db, ctx, computed) : Promise.resolve(new Map()),
    ),
  ]);
  const annualOf = new Map(annual.map((r) => [`${r.parkId}|${r.year}`, r]));
  const byYear = new Map<number, RankingUnit[]>();
  contexts.forEach((ctx, i) => {
    const counts = computedByYear[i] as Map<string, Map<string, number>>;
    const countOf = (code: string, parkId: string) => counts.get(code)?.get(parkId) ?? 0;
    byYear.set(
      ctx.year,
      subParks.map((p) => {
        const now = annualOf.get(`${p.id}|${ctx.year}`);
        const before = annualOf.get(`${p.id}|${ctx.year - 1}`);
        const own: Record<keyof typeof PARK_FIGURES | 'enterprises', number | null> = {
          park_output: now?.output ?? null,
          park_output_growth: growth(now?.output, before?.output),
          park_enterprises: now?.enterprises ?? null,
          park_hte_count: now?.hte ?? null,
          enterprises: now?.enterprises ?? null,
        };
        const values: Record<string, number | null> = {};
        for (const code of codes) {
          if (code in own) values[code] = own[code as keyof typeof own];
          else if (COMPOSITES[code])
            values[code] = COMPOSITES[code].parts.reduce((a, c) => a + countOf(c, p.id), 0);
          else values[code] = countOf(code, p.id);
        }
        return { id: p.id, values };
      }),
    );
  });
  return { units: subParks, byYear };
}
