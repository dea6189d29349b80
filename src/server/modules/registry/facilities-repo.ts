import { and, asc, eq, ilike, ne, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgSelect } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import { carrierAnnual, carriers, organizations, rdPlatforms, regions } from '../../db/schema';
import { pageRows, rowsAfter } from '../../platform/list-kit';
import { likePattern, orderBy } from '../../platform/listing';
import type { RegionTree } from '../../platform/region-tree';
import { type Scope, scopeWhere } from '../../platform/scope';
import { regionFilter } from './orgs-repo';

/** The columns platforms and carriers have alike, with the region's name (its code where unnamed). */
function facilityColumns<T extends typeof rdPlatforms | typeof carriers>(t: T) {
  return {
    id: t.id as T['id'],
    regionCode: t.regionCode as T['regionCode'],
    regionName: sql<string>`coalesce(${regions.name}, ${t.regionCode})`,
    kind: t.kind as T['kind'],
    name: t.name as T['name'],
    level: t.level as T['level'],
    recognizedOn: t.recognizedOn as T['recognizedOn'],
    documentNo: t.documentNo as T['documentNo'],
    status: t.status as T['status'],
    endedOn: t.endedOn as T['endedOn'],
  };
}

/** R&D platforms with their host's name and region name, for lists and the organisation page. */
export function platformSelect(tx: Tx) {
  return tx
    .select({
      ...facilityColumns(rdPlatforms),
      hostOrgId: rdPlatforms.hostOrgId,
      hostOrgName: organizations.name,
    })
    .from(rdPlatforms)
    .innerJoin(organizations, eq(organizations.id, rdPlatforms.hostOrgId))
    .leftJoin(regions, eq(regions.code, rdPlatforms.regionCode));
}

/** Carriers with their operator and the figures of their latest year. */
export function carrierSelect(tx: Tx) {
  const latest = sql`(select max(${carrierAnnual.year}) from ${carrierAnnual} where ${carrierAnnual.carrierId} = ${carriers.id})`;
  return tx
    .select({
      ...facilityColumns(carriers),
      operatorOrgId: carriers.operatorOrgId,
      operatorOrgName: organizations.name,
      latestYear: sql<number | null>`${latest}`,
      startupsServed: sql<
        number | null
      >`(select ${carrierAnnual.startupsServed} from ${carrierAnnual} where ${carrierAnnual.carrierId} = ${carriers.id} and ${carrierAnnual.year} = ${latest})`,
      teamsServed: sql<
        number | null
      >`(select ${carrierAnnual.teamsServed} from ${carrierAnnual} where ${carrierAnnual.carrierId} = ${carriers.id} and ${carrierAnnual.year} = ${latest})`,
    })
    .from(carriers)
    .innerJoin(organizations, eq(organizations.id, carriers.operatorOrgId))
    .leftJoin(regions, eq(regions.code, carriers.regionCode));
}

export function platformsOfOrg(tx: Tx, orgId: string) {
  return platformSelect(tx).where(eq(rdPlatforms.hostOrgId, orgId)).orderBy(asc(rdPlatforms.recognizedOn));
}

export function carriersOfOrg(tx: Tx, orgId: string) {
  return carrierSelect(tx).where(eq(carriers.operatorOrgId, orgId)).orderBy(asc(carriers.recognizedOn));
}

type FacilityTable = typeof rdPlatforms | typeof carriers;

/**
 * "Counts on date D", the one rule for platforms and carriers: recognised on or before D, and still
 * active or ended after D. `ended_on` is the first day it no longer counts, as a qualification's
 * revocation date is; an ended record without a date counts on no day.
 */
export function facilityActiveOn(t: FacilityTable, onDate: string): SQL {
  return sql`(${t.recognizedOn} <= ${onDate} and (${t.status} = 'active' or ${t.endedOn} > ${onDate}))`;
}

/** The filters the platform and carrier lists share; each adds its owner (host, operator). */
interface FacilityFilters {
  q?: string;
  regionCode?: string;
  kind?: string;
  level?: string;
  status?: string;
  activeOn?: string;
}

/**
 * The one list of platforms and of carriers: a record is its owner's (the owner's region, copied;
 * the owner itself; the owner's park), filtered and sorted alike. `ownerName` is the sort key of
 * the owner's name column in the list; `select` is the row a list, an export and a detail show.
 */
export function facilityListing<F extends FacilityFilters, S extends PgSelect>(spec: {
  table: FacilityTable;
  owner: PgColumn;
  ownerOf: (f: F) => string | undefined;
  ownerName: string;
  select: (tx: Tx) => S;
}) {
  const t = spec.table;
  const scopeColumns = { regionCode: t.regionCode, orgId: spec.owner, parkId: organizations.parkId };
  const sortable = {
    name: t.name,
    kind: t.kind,
    level: t.level,
    status: t.status,
    recognizedOn: t.recognizedOn,
    endedOn: t.endedOn,
    regionCode: t.regionCode,
    [spec.ownerName]: organizations.name,
  };
  function where(scope: Scope, f: F, tree: RegionTree): SQL | undefined {
    const owner = spec.ownerOf(f);
    return and(
      scopeWhere(scope, scopeColumns),
      regionFilter(tree, t.regionCode, f.regionCode),
      f.kind ? eq(t.kind, f.kind as never) : undefined,
      f.level ? eq(t.level, f.level as never) : undefined,
      f.status ? eq(t.status, f.status as never) : undefined,
      owner ? eq(spec.owner, owner) : undefined,
      f.activeOn ? facilityActiveOn(t, f.activeOn) : undefined,
      f.q ? or(ilike(t.name, likePattern(f.q)), ilike(organizations.name, likePattern(f.q))) : undefined,
    );
  }
  type Row = Awaited<S>[number];
  return {
    /** One page; newest recognition first unless the list asks otherwise, the id keeps pages stable. */
    list(tx: Tx, scope: Scope, q: F & { sort?: string }, tree: RegionTree, limit: number, offset: number) {
      const order = orderBy(q.sort ?? '-recognizedOn', sortable, asc(t.id));
      return pageRows(spec.select(tx), where(scope, q, tree), order, limit, offset) as Promise<Row[]>;
    },
    /** Keyset pages for exports: constant cost per batch however deep the export goes. */
    after(tx: Tx, scope: Scope, f: F, tree: RegionTree, afterId: string | null, limit: number) {
      return rowsAfter(spec.select(tx), where(scope, f, tree), t.id, afterId, limit) as Promise<Row[]>;
    },
    async get(tx: Tx, id: string): Promise<Row | undefined> {
      const [row] = (await spec.select(tx).where(eq(t.id, id))) as Row[];
      return row;
    },
    async count(tx: Tx, scope: Scope, f: F, tree: RegionTree): Promise<number> {
      const [row] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(t)
        .innerJoin(organizations, eq(organizations.id, spec.owner))
        .where(where(scope, f, tree));
      return row.n;
    },
  };
}

/**
 * Holds the organisation's row until the transaction ends, so two writers cannot both pass the
 * "name unique per organisation" check (the tables carry no unique index on it).
 */
export async function lockOrgRow(tx: Tx, orgId: string): Promise<void> {
  await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, orgId))
    .for('update');
}

/** Another record of the same organisation already uses this name. */
export async function facilityNameTaken(
  tx: Tx,
  t: FacilityTable,
  orgId: string,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  const orgCol = t === rdPlatforms ? rdPlatforms.hostOrgId : carriers.operatorOrgId;
  const [row] = await tx
    .select({ id: t.id })
    .from(t)
    .where(and(eq(orgCol, orgId), eq(t.name, name), exceptId ? ne(t.id, exceptId) : undefined))
    .limit(1);
  return !!row;
}

/** A platform's or carrier's stored row with its owner's park, for single-record scope checks. */
export async function getFacilityFacts(tx: Tx, t: FacilityTable, id: string) {
  const ownerCol = t === rdPlatforms ? rdPlatforms.hostOrgId : carriers.operatorOrgId;
  const [row] = await tx
    .select({ record: t, parkId: organizations.parkId })
    .from(t)
    .innerJoin(organizations, eq(organizations.id, ownerCol))
    .where(eq(t.id, id));
  return row as
    | { record: typeof rdPlatforms.$inferSelect | typeof carriers.$inferSelect; parkId: string | null }
    | undefined;
}

type FacilityRow = typeof rdPlatforms.$inferSelect | typeof carriers.$inferSelect;

export async function insertFacilityRow(tx: Tx, t: FacilityTable, values: Record<string, unknown>) {
  const [row] = await tx
    .insert(t)
    .values(values as never)
    .returning();
  return row as FacilityRow;
}

export async function updateFacilityRow(tx: Tx, t: FacilityTable, id: string, set: Record<string, unknown>) {
  const [row] = (await tx
    .update(t)
    .set({ ...set, updatedAt: new Date() } as never)
    .where(eq(t.id, id))
    .returning()) as FacilityRow[];
  return row;
}

/** 撤销 or 关闭: the status and the date it ended. */
export async function endFacilityRow(
  tx: Tx,
  t: FacilityTable,
  id: string,
  status: FacilityRow['status'],
  endedOn: string,
) {
  await tx.update(t).set({ status, endedOn, updatedAt: new Date() }).where(eq(t.id, id));
}
