import type { parkAnnual } from '../schema';
import type { Enterprise, Institution } from './orgs';
import { holdersOn, type QualRow } from './qualifications';
import type { Rng } from './rng';
import { money, type StatsRow } from './stats';

export type ParkAnnualRow = typeof parkAnnual.$inferInsert;

export interface SubPark {
  id: string;
  code: string;
  regionCode: string;
}

/**
 * Places some organisations of a sub-park's county in that sub-park (高新区"一区多园"): HTE
 * holders often, R&D-active enterprises sometimes, others rarely. A park is always in the
 * organisation's own region.
 */
export function assignParks(
  rng: Rng,
  parks: SubPark[],
  enterprises: Enterprise[],
  newRd: Institution[],
): void {
  const byRegion = new Map(parks.map((p) => [p.regionCode, p]));
  for (const e of enterprises) {
    const park = byRegion.get(e.org.regionCode);
    if (!park) continue;
    const p = e.hte ? 0.45 : e.rd16 ? 0.2 : 0.06;
    if (rng.chance(p)) e.org.parkId = park.id;
  }
  for (const inst of newRd) {
    const park = byRegion.get(inst.org.regionCode);
    if (park && rng.chance(0.5)) inst.org.parkId = park.id;
  }
}

/**
 * 园区年度数据 for 2015 and 2016: enterprises in the park at year end, those holding a valid 高企
 * certificate then, and industrial output a little above the revenue of the registered
 * enterprises (unregistered firms in the park produce too).
 */
export function parkAnnualRows(
  rng: Rng,
  parks: SubPark[],
  enterprises: Enterprise[],
  stats: StatsRow[],
  quals: QualRow[],
): ParkAnnualRow[] {
  const revenue = new Map(
    stats.map((s) => [`${s.orgId}:${s.year}`, Math.round(Number(s.revenue ?? 0) * 100)]),
  );
  const rows: ParkAnnualRow[] = [];
  for (const year of [2015, 2016]) {
    const hte = holdersOn(quals, ['hte'], `${year}-12-31`);
    for (const park of parks) {
      const members = enterprises.filter(
        (e) => e.org.parkId === park.id && e.org.foundedOn <= `${year}-12-31`,
      );
      const output = members.reduce((s, e) => s + (revenue.get(`${e.org.id}:${year}`) ?? 0), 0);
      rows.push({
        parkId: park.id,
        year,
        regionCode: park.regionCode,
        industrialOutput: money(output * rng.uniform(1.02, 1.1)),
        enterprises: members.length,
        hteCount: members.filter((e) => hte.has(e.org.id)).length,
      });
    }
  }
  return rows;
}
