import { asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { carrierAnnual, carriers, organizations, rdPlatforms, regions } from '../../db/schema';

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
