import { inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { ROLE_SCOPE } from '../../domain/roles';
import type { Actor } from './actor';
import type { RegionTree } from './region-tree';

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

/** How a table says whose a row is. A table without the column a scope needs shows nothing to it. */
export interface ScopeColumns {
  regionCode?: AnyPgColumn;
  orgId?: AnyPgColumn;
  parkId?: AnyPgColumn;
  /** For expert scope: a condition true where the row is assigned to the user. */
  assignedTo?: (userId: string) => SQL;
}

/** The WHERE condition that limits a list to the actor's scope — applied in SQL, never after. */
export function scopeWhere(scope: Scope, cols: ScopeColumns): SQL {
  switch (scope.kind) {
    case 'city':
      return sql`true`;
    case 'region':
      return cols.regionCode ? inArray(cols.regionCode, scope.regionCodes) : sql`false`;
    case 'park':
      return cols.parkId ? sql`${cols.parkId} = ${scope.parkId}` : sql`false`;
    case 'org':
      return cols.orgId ? sql`${cols.orgId} = ${scope.orgId}` : sql`false`;
    case 'assigned':
      return cols.assignedTo ? cols.assignedTo(scope.userId) : sql`false`;
    default:
      return sql`false`;
  }
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
