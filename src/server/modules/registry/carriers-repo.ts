import { and, asc, eq } from 'drizzle-orm';
import type { CarrierFilters, CarrierListQuery } from '../../../domain/contracts/registry-facilities';
import type { Tx } from '../../db/client';
import { carrierAnnual as a, carriers as p } from '../../db/schema';
import { pageRows, rowsAfter } from '../../platform/list-kit';
import type { RegionTree } from '../../platform/region-tree';
import type { Scope } from '../../platform/scope';
import { carrierSelect, facilityListing } from './facilities-repo';

const listing = facilityListing<CarrierFilters>({
  table: p,
  owner: p.operatorOrgId,
  ownerOf: (f) => f.operatorOrgId,
  ownerName: 'operatorOrgName',
});

export type CarrierRow = Awaited<ReturnType<typeof carrierSelect>>[number];

export function listCarriers(
  tx: Tx,
  scope: Scope,
  q: CarrierListQuery,
  tree: RegionTree,
  limit: number,
  offset: number,
) {
  return pageRows(
    carrierSelect(tx).$dynamic(),
    listing.where(scope, q, tree),
    listing.order(q.sort),
    limit,
    offset,
  );
}

export const countCarriers = listing.count;

/** Keyset pages for exports: constant cost per batch however deep the export goes. */
export function carriersAfter(
  tx: Tx,
  scope: Scope,
  f: CarrierFilters,
  tree: RegionTree,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(carrierSelect(tx).$dynamic(), listing.where(scope, f, tree), p.id, afterId, limit);
}

export async function getCarrierRow(tx: Tx, id: string): Promise<CarrierRow | undefined> {
  const [row] = await carrierSelect(tx).where(eq(p.id, id));
  return row;
}

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
