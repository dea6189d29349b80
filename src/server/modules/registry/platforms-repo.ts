import { eq } from 'drizzle-orm';
import type { PlatformFilters, PlatformListQuery } from '../../../domain/contracts/registry-facilities';
import type { Tx } from '../../db/client';
import { rdPlatforms as p } from '../../db/schema';
import { pageRows, rowsAfter } from '../../platform/list-kit';
import type { RegionTree } from '../../platform/region-tree';
import type { Scope } from '../../platform/scope';
import { facilityListing, platformSelect } from './facilities-repo';

const listing = facilityListing<PlatformFilters>({
  table: p,
  owner: p.hostOrgId,
  ownerOf: (f) => f.hostOrgId,
  ownerName: 'hostOrgName',
});

export type PlatformRow = Awaited<ReturnType<typeof platformSelect>>[number];

export function listPlatforms(
  tx: Tx,
  scope: Scope,
  q: PlatformListQuery,
  tree: RegionTree,
  limit: number,
  offset: number,
) {
  return pageRows(
    platformSelect(tx).$dynamic(),
    listing.where(scope, q, tree),
    listing.order(q.sort),
    limit,
    offset,
  );
}

export const countPlatforms = listing.count;

/** Keyset pages for exports: constant cost per batch however deep the export goes. */
export function platformsAfter(
  tx: Tx,
  scope: Scope,
  f: PlatformFilters,
  tree: RegionTree,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(platformSelect(tx).$dynamic(), listing.where(scope, f, tree), p.id, afterId, limit);
}

export async function getPlatformRow(tx: Tx, id: string): Promise<PlatformRow | undefined> {
  const [row] = await platformSelect(tx).where(eq(p.id, id));
  return row;
}
