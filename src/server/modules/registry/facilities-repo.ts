import { and, asc, eq, ilike, ne, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import { carrierAnnual, carriers, organizations, rdPlatforms, regions } from '../../db/schema';
import { likePattern, orderBy } from '../../platform/listing';
import type { RegionTree } from '../../platform/region-tree';
import { type Scope, scopeWhere } from '../../platform/scope';
import { regionFilter } from './orgs-repo';

/** R&D platforms with their host's name and region name, for lists and the organisation page. */
export function platformSelect(tx: Tx) {
  return tx
    .select({
      id: rdPlatforms.id,
      hostOrgId: rdPlatforms.hostOrgId,
      hostOrgName: organizations.name,
      regionCode: rdPlatforms.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${rdPlatforms.regionCode})`,
      kind: rdPlatforms.kind,
      name: rdPlatforms.name,
      level: rdPlatforms.level,
      recognizedOn: rdPlatforms.recognizedOn,
      documentNo: rdPlatforms.documentNo,
      status: rdPlatforms.status,
      endedOn: rdPlatforms.endedOn,
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
      id: carriers.id,
      operatorOrgId: carriers.operatorOrgId,
      operatorOrgName: organizations.name,
      regionCode: carriers.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${carriers.regionCode})`,
      kind: carriers.kind,
      name: carriers.name,
      level: carriers.level,
      recognizedOn: carriers.recognizedOn,
      documentNo: carriers.documentNo,
      status: carriers.status,
      endedOn: carriers.endedOn,
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
 * the owner's name column in the list.
 */
export function facilityListing<F extends FacilityFilters>(spec: {
  table: FacilityTable;
  owner: PgColumn;
  ownerOf: (f: F) => string | undefined;
  ownerName: string;
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
  return {
    where,
    /** Newest recognition first unless the list asks otherwise; the id keeps pages stable. */
    order: (sort: string | undefined) => orderBy(sort ?? '-recognizedOn', sortable, asc(t.id)),
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
