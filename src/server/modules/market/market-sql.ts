/** SQL fragments shared by the market's repositories: who sees a listing, time stamps as text. */
import { and, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Scope } from '../../platform/scope';

/** A timestamp as the API writes it (UTC, ISO 8601). */
export function isoStamp(col: AnyPgColumn | SQL): SQL<string> {
  return sql<string>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
}

/**
 * Which listings (achievements or demands) a scope reads: the bureau all but drafts (a county
 * its own region's), an organisation its own in any state and everyone's published ones, a park
 * the published ones. A draft is the owner's alone.
 */
export function listingScope(
  scope: Scope,
  cols: { regionCode: AnyPgColumn; orgId: AnyPgColumn; status: AnyPgColumn },
): SQL {
  switch (scope.kind) {
    case 'city':
      return ne(cols.status, 'draft');
    case 'region':
      return and(inArray(cols.regionCode, scope.regionCodes), ne(cols.status, 'draft'))!;
    case 'org':
      return or(eq(cols.orgId, scope.orgId), eq(cols.status, 'published'))!;
    case 'park':
      return eq(cols.status, 'published');
    default:
      return sql`false`;
  }
}

/** Whether the scope is the bureau's (city or county): it reads contacts and confidential parts. */
export function isBureau(scope: Scope): boolean {
  return scope.kind === 'city' || scope.kind === 'region';
}
