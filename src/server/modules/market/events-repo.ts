/** The SQL of 推介会 events: the event, the achievements presented, the contacts it led to. */
import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { EventFilters, EventListQuery } from '../../../domain/contracts/market';
import type { Tx } from '../../db/client';
import {
  marketEvents as e,
  marketEventItems as items,
  marketAchievements,
  marketMatches,
  organizations,
  regions,
} from '../../db/schema';
import { pageRows, rowsAfter } from '../../platform/list-kit-sql';
import { orderBy } from '../../platform/listing-sql';
import type { RegionTree } from '../../platform/region-tree';
import type { Scope } from '../../platform/scope';

/** Events are the bureau's public activities: a county sees the city's and its own. */
export function cityWideScope(scope: Scope, tree: RegionTree, column: typeof e.regionCode): SQL {
  if (scope.kind === 'none') return sql`false`;
  if (scope.kind !== 'region') return sql`true`;
  const city = tree.rows.filter((r) => r.level === 'city').map((r) => r.code);
  return or(inArray(column, scope.regionCodes), city.length > 0 ? inArray(column, city) : undefined)!;
}

function select(tx: Tx) {
  return tx
    .select({
      id: e.id,
      title: e.title,
      heldOn: e.heldOn,
      venue: e.venue,
      regionCode: e.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${e.regionCode})`,
      attendees: e.attendees,
      presented: sql<number>`(select count(*)::int from ${items} where ${items.eventId} = ${e.id})`,
      contacts: sql<number>`(select count(*)::int from ${marketMatches} where ${marketMatches.eventId} = ${e.id})`,
    })
    .from(e)
    .leftJoin(regions, eq(regions.code, e.regionCode))
    .$dynamic();
}
export type EventRow = Awaited<ReturnType<typeof select>>[number];

function where(scope: Scope, f: EventFilters, tree: RegionTree) {
  return and(
    cityWideScope(scope, tree, e.regionCode),
    f.year ? sql`extract(year from ${e.heldOn}) = ${f.year}` : undefined,
  );
}

export function listEvents(
  tx: Tx,
  scope: Scope,
  q: EventListQuery,
  tree: RegionTree,
  limit: number,
  offset: number,
) {
  const order = orderBy(
    q.sort ?? '-heldOn',
    { heldOn: e.heldOn, title: e.title, attendees: e.attendees },
    asc(e.id),
  );
  return pageRows(select(tx), where(scope, q, tree), order, limit, offset);
}

export async function countEvents(tx: Tx, scope: Scope, f: EventFilters, tree: RegionTree) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(e)
    .where(where(scope, f, tree));
  return row.n;
}

export function eventsAfter(
  tx: Tx,
  scope: Scope,
  f: EventFilters,
  tree: RegionTree,
  afterId: string | null,
  limit: number,
) {
  return rowsAfter(select(tx), where(scope, f, tree), e.id, afterId, limit);
}

export async function getEvent(tx: Tx, scope: Scope, tree: RegionTree, id: string) {
  const [row] = await select(tx)
    .where(and(eq(e.id, id), cityWideScope(scope, tree, e.regionCode)))
    .limit(1);
  return row;
}

export async function eventExists(tx: Tx, id: string) {
  const [row] = await tx.select({ id: e.id }).from(e).where(eq(e.id, id));
  return !!row;
}

export function presentedAchievements(tx: Tx, id: string) {
  return tx
    .select({ id: marketAchievements.id, title: marketAchievements.title, ownerName: organizations.name })
    .from(items)
    .innerJoin(marketAchievements, eq(marketAchievements.id, items.achievementId))
    .innerJoin(organizations, eq(organizations.id, marketAchievements.ownerOrgId))
    .where(eq(items.eventId, id))
    .orderBy(asc(marketAchievements.title), asc(marketAchievements.id));
}

/** How many of the given achievements exist and are published. */
export async function countPublished(tx: Tx, ids: string[]) {
  if (ids.length === 0) return 0;
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(marketAchievements)
    .where(and(inArray(marketAchievements.id, ids), eq(marketAchievements.status, 'published')));
  return row.n;
}

export async function insertEvent(tx: Tx, values: typeof e.$inferInsert, achievementIds: string[]) {
  const [row] = await tx.insert(e).values(values).returning();
  for (let i = 0; i < achievementIds.length; i += 2000) {
    await tx
      .insert(items)
      .values(achievementIds.slice(i, i + 2000).map((achievementId) => ({ eventId: row.id, achievementId })));
  }
  return row;
}
