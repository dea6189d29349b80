import { and, asc, gte, isNotNull, lte } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { parkAnnual, parks } from '../../db/schema';

/** The sub-parks of the high-tech zone (parks with a parent), the units of the park ranking. */
export function subParks(tx: Tx) {
  return tx
    .select({ id: parks.id, code: parks.code, name: parks.name, nameEn: parks.nameEn })
    .from(parks)
    .where(isNotNull(parks.parentId))
    .orderBy(asc(parks.sort), asc(parks.code));
}

/** The parks' yearly figures from `fromYear` to `toYear`. */
export function parkAnnualFigures(tx: Tx, fromYear: number, toYear: number) {
  return tx
    .select({
      parkId: parkAnnual.parkId,
      year: parkAnnual.year,
      output: parkAnnual.industrialOutput,
      enterprises: parkAnnual.enterprises,
      hte: parkAnnual.hteCount,
    })
    .from(parkAnnual)
    .where(and(gte(parkAnnual.year, fromYear), lte(parkAnnual.year, toYear)));
}
