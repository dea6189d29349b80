import { and, asc, eq, gt, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { PlatformFilters, PlatformListQuery } from '../../../domain/contracts/registry-facilities';
import type { Tx } from '../../db/client';
import { organizations, rdPlatforms as p } from '../../db/schema';
import { likePattern, orderBy } from '../../platform/listing';
import type { RegionTree } from '../../platform/region-tree';
import { type Scope, scopeWhere } from '../../platform/scope';
import { facilityActiveOn, platformSelect } from './facilities-repo';
import { regionFilter } from './orgs-repo';

/** A platform is its host's: the host's region (copied), the host itself, the host's park. */
export const platformScopeColumns = {
  regionCode: p.regionCode,
  orgId: p.hostOrgId,
  parkId: organizations.parkId,
};

function where(scope: Scope, f: PlatformFilters, tree: RegionTree): SQL | undefined {
  const conds: (SQL | undefined)[] = [
    scopeWhere(scope, platformScopeColumns),
    regionFilter(tree, p.regionCode, f.regionCode),
  ];
  if (f.kind) conds.push(eq(p.kind, f.kind));
  if (f.level) conds.push(eq(p.level, f.level));
  if (f.status) conds.push(eq(p.status, f.status));
  if (f.hostOrgId) conds.push(eq(p.hostOrgId, f.hostOrgId));
  if (f.activeOn) conds.push(facilityActiveOn(p, f.activeOn));
  if (f.q) conds.push(or(ilike(p.name, likePattern(f.q)), ilike(organizations.name, likePattern(f.q))));
  return and(...conds);
}

const SORTABLE = {
  name: p.name,
  kind: p.kind,
  level: p.level,
  status: p.status,
  recognizedOn: p.recognizedOn,
  endedOn: p.endedOn,
  regionCode: p.regionCode,
  hostOrgName: organizations.name,
};

export type PlatformRow = Awaited<ReturnType<typeof listPlatforms>>[number];

export function listPlatforms(
  tx: Tx,
  scope: Scope,
  q: PlatformListQuery,
  tree: RegionTree,
  limit: number,
  offset: number,
) {
  return platformSelect(tx)
    .where(where(scope, q, tree))
    .orderBy(...orderBy(q.sort ?? '-recognizedOn', SORTABLE, asc(p.id)))
    .limit(limit)
    .offset(offset);
}

export async function countPlatforms(tx: Tx, scope: Scope, f: PlatformFilters, tree: RegionTree) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(p)
    .innerJoin(organizations, eq(organizations.id, p.hostOrgId))
    .where(where(scope, f, tree));
  return row.n;
}

/** Keyset pages for exports: constant cost per batch however deep the export goes. */
export function platformsAfter(
  tx: Tx,
  scope: Scope,
  f: PlatformFilters,
  tree: RegionTree,
  afterId: string | null,
  limit: number,
) {
  return platformSelect(tx)
    .where(and(where(scope, f, tree), afterId ? gt(p.id, afterId) : undefined))
    .orderBy(asc(p.id))
    .limit(limit);
}

export async function getPlatformRow(tx: Tx, id: string): Promise<PlatformRow | undefined> {
  const [row] = await platformSelect(tx).where(eq(p.id, id));
  return row;
}
