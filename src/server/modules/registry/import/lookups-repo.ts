/** The database look-ups a batch of import rows needs, one query per batch, never per row. */
import { and, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { carriers, orgAnnualStats, organizations, qualifications, rdPlatforms } from '../../../db/schema';

export interface OrgRef {
  id: string;
  uscc: string;
  name: string;
  regionCode: string;
  industryCode: string | null;
  address: string | null;
  aboveSize: boolean;
}

export async function orgsByUscc(tx: Tx, usccs: string[]): Promise<Map<string, OrgRef>> {
  if (usccs.length === 0) return new Map();
  const rows = await tx
    .select({
      id: organizations.id,
      uscc: organizations.uscc,
      name: organizations.name,
      regionCode: organizations.regionCode,
      industryCode: organizations.industryCode,
      address: organizations.address,
      aboveSize: organizations.aboveSize,
    })
    .from(organizations)
    .where(inArray(organizations.uscc, [...new Set(usccs)]));
  return new Map(rows.map((r) => [r.uscc, r]));
}

/** `orgId|year` of the statistics that already exist. */
export async function existingStats(tx: Tx, orgIds: string[], years: number[]): Promise<Set<string>> {
  if (orgIds.length === 0) return new Set();
  const rows = await tx
    .select({ orgId: orgAnnualStats.orgId, year: orgAnnualStats.year })
    .from(orgAnnualStats)
    .where(
      and(
        inArray(orgAnnualStats.orgId, [...new Set(orgIds)]),
        inArray(orgAnnualStats.year, [...new Set(years)]),
      ),
    );
  return new Set(rows.map((r) => `${r.orgId}|${r.year}`));
}

export interface ExistingQual {
  id: string;
  orgId: string;
  typeCode: string;
  certificateNo: string | null;
  issuedOn: string;
}

/** Qualifications matching a batch: by certificate number, and all of the batch's organisations. */
export async function existingQuals(
  tx: Tx,
  certificateNos: string[],
  orgIds: string[],
): Promise<ExistingQual[]> {
  const cols = {
    id: qualifications.id,
    orgId: qualifications.orgId,
    typeCode: qualifications.typeCode,
    certificateNo: qualifications.certificateNo,
    issuedOn: qualifications.issuedOn,
  };
  // One after the other: inside the commit's transaction both share one connection.
  const byCert =
    certificateNos.length === 0
      ? []
      : await tx
          .select(cols)
          .from(qualifications)
          .where(inArray(qualifications.certificateNo, [...new Set(certificateNos)]));
  const byOrg =
    orgIds.length === 0
      ? []
      : await tx
          .select(cols)
          .from(qualifications)
          .where(inArray(qualifications.orgId, [...new Set(orgIds)]));
  return [...byCert, ...byOrg];
}

/** Platforms or carriers of the batch's organisations, keyed `orgId|name`. */
export async function existingFacilities(
  tx: Tx,
  kind: 'platforms' | 'carriers',
  orgIds: string[],
): Promise<Map<string, string>> {
  if (orgIds.length === 0) return new Map();
  const ids = [...new Set(orgIds)];
  const rows =
    kind === 'platforms'
      ? await tx
          .select({ id: rdPlatforms.id, orgId: rdPlatforms.hostOrgId, name: rdPlatforms.name })
          .from(rdPlatforms)
          .where(inArray(rdPlatforms.hostOrgId, ids))
      : await tx
          .select({ id: carriers.id, orgId: carriers.operatorOrgId, name: carriers.name })
          .from(carriers)
          .where(inArray(carriers.operatorOrgId, ids));
  return new Map(rows.map((r) => [`${r.orgId}|${r.name}`, r.id]));
}
