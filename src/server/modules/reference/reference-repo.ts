import { asc, eq, ilike, or } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { codeLists, industries, organizations, parks, qualificationTypes } from '../../db/schema';
import { likePattern } from '../../platform/listing';

export function listIndustries(tx: Tx) {
  return tx.select().from(industries).orderBy(asc(industries.code));
}

export function listCodeList(tx: Tx, list: string) {
  return tx.select().from(codeLists).where(eq(codeLists.list, list)).orderBy(asc(codeLists.sort));
}

export function listQualificationTypes(tx: Tx) {
  return tx.select().from(qualificationTypes);
}

/** Organisations whose name contains `q` or whose USCC is `q`; the first 20 by name. */
export function searchOrgOptions(tx: Tx, q: string) {
  return tx
    .select({ id: organizations.id, name: organizations.name, uscc: organizations.uscc })
    .from(organizations)
    .where(
      q ? or(ilike(organizations.name, likePattern(q)), eq(organizations.uscc, q.toUpperCase())) : undefined,
    )
    .orderBy(asc(organizations.name))
    .limit(20);
}

export function listParkOptions(tx: Tx) {
  return tx
    .select({ id: parks.id, name: parks.name, nameEn: parks.nameEn, regionCode: parks.regionCode })
    .from(parks)
    .orderBy(asc(parks.sort));
}
