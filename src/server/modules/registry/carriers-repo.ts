import { and, asc, eq } from 'drizzle-orm';
import type { CarrierFilters } from '../../../domain/contracts/registry-facilities';
import type { Tx } from '../../db/client';
import { carrierAnnual as a, carriers as p } from '../../db/schema';
import { carrierSelect, facilityListing } from './facilities-repo';

const listing = facilityListing({
  table: p,
  owner: p.operatorOrgId,
  ownerOf: (f: CarrierFilters) => f.operatorOrgId,
  ownerName: 'operatorOrgName',
  select: (tx) => carrierSelect(tx).$dynamic(),
});

export type CarrierRow = Awaited<ReturnType<typeof carrierSelect>>[number];

export const { list: listCarriers, count: countCarriers, after: carriersAfter, get: getCarrierRow } = listing;

const annualColumns = {
  year: a.year,
  startupsServed: a.startupsServed,
  teamsServed: a.teamsServed,
  areaM2: a.areaM2,
  incubatees: a.incubatees,
  graduates: a.graduates,
};

export function carrierAnnualRows(tx: Tx, carrierId: string) {
  return tx.select(annualColumns).from(a).where(eq(a.carrierId, carrierId)).orderBy(asc(a.year));
}

export async function getCarrierAnnual(tx: Tx, carrierId: string, year: number) {
  const [row] = await tx
    .select(annualColumns)
    .from(a)
    .where(and(eq(a.carrierId, carrierId), eq(a.year, year)));
  return row;
}

/** One year's figures, replaced whole: a figure left out is cleared. */
export async function upsertCarrierAnnual(tx: Tx, values: typeof a.$inferInsert) {
  const { carrierId: _c, year: _y, ...set } = values;
  const [row] = await tx
    .insert(a)
    .values(values)
    .onConflictDoUpdate({ target: [a.carrierId, a.year], set })
    .returning(annualColumns);
  return row;
}

/** A carrier's yearly figures carry its region for scoping; they follow a change of operator. */
export async function moveCarrierAnnual(tx: Tx, carrierId: string, regionCode: string) {
  await tx.update(a).set({ regionCode }).where(eq(a.carrierId, carrierId));
}
