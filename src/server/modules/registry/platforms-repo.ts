import type { PlatformFilters } from '../../../domain/contracts/registry-facilities';
import { rdPlatforms as p } from '../../db/schema';
import { facilityListing, platformSelect } from './facilities-repo';

const listing = facilityListing({
  table: p,
  owner: p.hostOrgId,
  ownerOf: (f: PlatformFilters) => f.hostOrgId,
  ownerName: 'hostOrgName',
  select: (tx) => platformSelect(tx).$dynamic(),
});

export type PlatformRow = Awaited<ReturnType<typeof platformSelect>>[number];

export const {
  list: listPlatforms,
  count: countPlatforms,
  after: platformsAfter,
  get: getPlatformRow,
} = listing;
