import { msg } from '../../domain/message';
import { ROLE_SCOPE } from '../../domain/roles';
import type { Actor } from './actor';
import { invalid } from './errors';
import type { RegionTree } from './region-tree';

export { regionCodesUnder, regionFilter, type ScopeColumns, scopeWhere } from './scope-sql';

/** The rows an actor may see, derived from the role's scope kind and the user's binding. */
export type Scope =
  | { kind: 'none' }
  | { kind: 'city' }
  | { kind: 'region'; regionCodes: string[] }
  | { kind: 'park'; parkId: string }
  | { kind: 'org'; orgId: string }
  | { kind: 'assigned'; userId: string };

export function scopeOf(actor: Actor, regions: RegionTree): Scope {
  switch (ROLE_SCOPE[actor.role]) {
    case 'city':
      return { kind: 'city' };
    case 'region':
      return actor.regionCode
        ? { kind: 'region', regionCodes: regions.selfAndDescendants(actor.regionCode) }
        : { kind: 'none' };
    case 'park':
      return actor.parkId ? { kind: 'park', parkId: actor.parkId } : { kind: 'none' };
    case 'org':
      return actor.orgId ? { kind: 'org', orgId: actor.orgId } : { kind: 'none' };
    case 'assigned':
      return { kind: 'assigned', userId: actor.id };
    default:
      return { kind: 'none' };
  }
}

/**
 * Who reads a list: the actor (its permissions, for the lists whose rows or columns depend on them,
 * such as 申报指南) and the scope derived from it. The list kit hands this to a list's queries.
 */
export interface Viewer {
  actor: Actor;
  scope: Scope;
}

export function viewerOf(actor: Actor, regions: RegionTree): Viewer {
  return { actor, scope: scopeOf(actor, regions) };
}

/** The same rule for one loaded record (single-record reads answer 404 when this is false). */
export function inScope(
  scope: Scope,
  rec: { regionCode?: string | null; orgId?: string | null; parkId?: string | null; assignedTo?: string[] },
): boolean {
  switch (scope.kind) {
    case 'city':
      return true;
    case 'region':
      return !!rec.regionCode && scope.regionCodes.includes(rec.regionCode);
    case 'park':
      return !!rec.parkId && rec.parkId === scope.parkId;
    case 'org':
      return !!rec.orgId && rec.orgId === scope.orgId;
    case 'assigned':
      return !!rec.assignedTo?.includes(scope.userId);
    default:
      return false;
  }
}

/**
 * The regions a figure request asks about, checked against the actor's scope: the region asked
 * (by default a county user's own county, else the city) and, `byRegion`, the regions below it
 * (a county user gets only its own). A region outside the scope is refused, not narrowed.
 */
export function requestedRegions(
  actor: Actor,
  regions: RegionTree,
  region: string | undefined,
  byRegion: boolean,
): string[] {
  const scope = scopeOf(actor, regions);
  const city = regions.rows.find((r) => r.level === 'city')!.code;
  const counties = regions.rows.filter((r) => r.level === 'county' && r.holdsData).map((r) => r.code);
  const wanted = region ?? (scope.kind === 'region' ? actor.regionCode! : city);
  const known = regions.get(wanted);
  if (!known) throw invalid('region', msg('区域不存在', 'No such region'));
  if (!inScope(scope, { regionCode: wanted }) && !(scope.kind === 'city')) {
    throw invalid('region', msg('超出本单位管辖区域', 'The region is outside your jurisdiction'));
  }
  if (!byRegion) return [wanted];
  if (scope.kind === 'region') return [wanted];
  return wanted === city ? [city, ...counties] : [wanted, ...regions.childrenOf(wanted).map((r) => r.code)];
}
