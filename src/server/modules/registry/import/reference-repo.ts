/** The reference data an import checks cells against and its template lists: industries and qualification types. */
import { asc } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { industries, qualificationTypes } from '../../../db/schema';

export async function industryCodes(tx: Tx) {
  return tx.select({ code: industries.code, parentCode: industries.parentCode }).from(industries);
}

export async function allQualificationTypes(tx: Tx) {
  return tx.select().from(qualificationTypes);
}

/** Every GB/T 4754 section and division, in code order (the template's code table). */
export async function industriesByCode(tx: Tx) {
  return tx.select().from(industries).orderBy(asc(industries.code));
}
