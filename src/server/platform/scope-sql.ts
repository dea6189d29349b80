/** Scope and region filters as SQL conditions, for repositories to put in their WHERE. */
import { inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { RegionTree } from './region-tree';
import type { Scope } from './scope';

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

/**
 * The region codes a region filter stands for: a county with its functional zones; null for the
 * city (everything) or no region asked, where no filter applies. A city is every region under it
 * when the database holds other cities too (a test's own city).
 */
export function regionCodesUnder(regions: RegionTree, code: string | undefined): string[] | null {
  if (!code || (regions.get(code)?.level === 'city' && regions.complete)) return null;
  const codes = regions.selfAndDescendants(code);
  return codes.length > 0 ? codes : [code];
}

/** Region filter of a list query, in SQL: a county includes its functional zones; the city includes everything. */
export function regionFilter(regions: RegionTree, column: AnyPgColumn, code: string | undefined) {
  const codes = regionCodesUnder(regions, code);
  return codes ? inArray(column, codes) : undefined;
}
