import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { ParkFilters, ParkListQuery } from '../../../domain/contracts/registry-facilities';
import type { Tx } from '../../db/client';
import { parkAnnual as a, parks, regions } from '../../db/schema';
import { likePattern, orderBy } from '../../platform/listing';
import type { RegionTree } from '../../platform/region-tree';
import { regionFilter, type Scope, scopeWhere } from '../../platform/scope';

/** A park user sees their own park; a county user the parks in its region; the city all of them. */
export const parkScopeColumns = { regionCode: parks.regionCode, parkId: parks.id };

function where(scope: Scope, f: ParkFilters, tree: RegionTree): SQL | undefined {
  return and(
    scopeWhere(scope, parkScopeColumns),
    regionFilter(tree, parks.regionCode, f.regionCode),
    f.q ? or(ilike(parks.name, likePattern(f.q)), ilike(parks.code, likePattern(f.q))) : undefined,
  );
}

const annualColumns = {
  year: a.year,
  industrialOutput: a.industrialOutput,
  enterprises: a.enterprises,
  hteCount: a.hteCount,
};

/** Each park with the figures of one year: the asked-for year, or the latest year it has. */
function parkSelect(tx: Tx, year: number | undefined) {
  const figures = tx
    .select(annualColumns)
    .from(a)
    .where(and(eq(a.parkId, parks.id), year === undefined ? undefined : eq(a.year, year)))
    .orderBy(desc(a.year))
    .limit(1)
    .as('figures');
  return tx
    .select({
      id: parks.id,
      code: parks.code,
      name: parks.name,
      nameEn: parks.nameEn,
      regionCode: parks.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${parks.regionCode})`,
      parentId: parks.parentId,
      sort: parks.sort,
      year: figures.year,
      industrialOutput: figures.industrialOutput,
      enterprises: figures.enterprises,
      hteCount: figures.hteCount,
    })
    .from(parks)
    .leftJoin(regions, eq(regions.code, parks.regionCode))
    .leftJoinLateral(figures, sql`true`);
}

const SORTABLE = { sort: parks.sort, name: parks.name, code: parks.code, regionCode: parks.regionCode };

export type ParkRow = Awaited<ReturnType<typeof listParks>>[number];

export function listParks(
  tx: Tx,
  scope: Scope,
  q: ParkListQuery,
  tree: RegionTree,
  limit: number,
  offset: number,
) {
  return parkSelect(tx, q.year)
    .where(where(scope, q, tree))
    .orderBy(...orderBy(q.sort ?? 'sort', SORTABLE, asc(parks.id)))
    .limit(limit)
    .offset(offset);
}

export async function countParks(tx: Tx, scope: Scope, f: ParkFilters, tree: RegionTree) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(parks)
    .where(where(scope, f, tree));
  return row.n;
}

/** Keyset pages for exports, in the configured order (the zone first, then its sub-parks). */
export function parksAfter(
  tx: Tx,
  scope: Scope,
  f: ParkFilters,
  tree: RegionTree,
  after: { sort: number; id: string } | null,
  limit: number,
) {
  return parkSelect(tx, f.year)
    .where(
      and(
        where(scope, f, tree),
        after ? sql`(${parks.sort}, ${parks.id}) > (${after.sort}, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(parks.sort), asc(parks.id))
    .limit(limit);
}

export async function getParkRow(tx: Tx, id: string): Promise<ParkRow | undefined> {
  const [row] = await parkSelect(tx, undefined).where(eq(parks.id, id));
  return row;
}

export async function getPark(tx: Tx, id: string) {
  const [row] = await tx.select().from(parks).where(eq(parks.id, id));
  return row;
}

export function parkAnnualRows(tx: Tx, parkId: string) {
  return tx.select(annualColumns).from(a).where(eq(a.parkId, parkId)).orderBy(asc(a.year));
}

export async function getParkAnnual(tx: Tx, parkId: string, year: number) {
  const [row] = await tx
    .select(annualColumns)
    .from(a)
    .where(and(eq(a.parkId, parkId), eq(a.year, year)));
  return row;
}

/** One year's figures, replaced whole. */
export async function upsertParkAnnual(tx: Tx, values: typeof a.$inferInsert) {
  const { parkId: _p, year: _y, ...set } = values;
  const [row] = await tx
    .insert(a)
    .values(values)
    .onConflictDoUpdate({ target: [a.parkId, a.year], set })
    .returning(annualColumns);
  return row;
}
