/** The statistics the bureau publishes: the indicators marked public for a year, city and counties. */
import { round } from '../../../domain/indicators';
import type { Deps } from '../../platform/deps';
import { CATALOGUE } from '../plan/catalogue';
import { evaluateYears } from '../plan/engine';
import { publicCodes, publicYears } from './repo';

export async function publicStatistics(deps: Deps, requested: number | undefined) {
  const years = await publicYears(deps.db);
  const year = requested ?? years[0] ?? null;
  const city = deps.regions.rows.find((r) => r.level === 'city')!;
  const counties = deps.regions.rows.filter((r) => r.level === 'county' && r.holdsData);
  const regions = [city, ...counties].map((r) => ({ code: r.code, name: r.name, level: r.level }));
  if (year === null) return { years, year, regions, items: [] };
  const codes = new Set(await publicCodes(deps.db, year));
  const indicators = CATALOGUE.filter((i) => codes.has(i.code));
  if (indicators.length === 0) return { years, year, regions, items: [] };
  const figures = await evaluateYears(
    deps.db,
    deps.regions,
    [{ year, asOf: `${year}-12-31` }],
    'region',
    indicators.map((i) => i.code),
  );
  const fy = figures.get(year)!;
  const items = indicators.map((i) => ({
    code: i.code,
    name: i.name,
    nameEn: i.nameEn,
    unit: i.unit,
    unitEn: i.unitEn,
    values: regions.map((r) => {
      const v = fy.get(i, r.code).value;
      return v === null ? null : round(v, i.decimals);
    }),
  }));
  return { years, year, regions, items };
}

/** Every indicator of the catalogue with whether it is public for the year (the staff setting). */
export async function statisticsSettings(deps: Deps, year: number) {
  const codes = new Set(await publicCodes(deps.db, year));
  return {
    year,
    items: CATALOGUE.map((i) => ({
      code: i.code,
      name: i.name,
      nameEn: i.nameEn,
      unit: i.unit,
      isPublic: codes.has(i.code),
    })),
  };
}
