import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { qualifications, qualificationTypes } from '../../../db/schema';
import { qualificationValidOn } from '../../registry/validity-sql';

export async function qualificationTypeName(tx: Tx, code: string) {
  const [row] = await tx
    .select({ name: qualificationTypes.name, nameEn: qualificationTypes.nameEn })
    .from(qualificationTypes)
    .where(eq(qualificationTypes.code, code));
  return row;
}

/** The organisation's qualification of the type valid on the day, the longest-lasting first. */
export async function validQualification(tx: Tx, orgId: string, code: string, day: string) {
  const [row] = await tx
    .select({ certificateNo: qualifications.certificateNo, validUntil: qualifications.validUntil })
    .from(qualifications)
    .where(and(eq(qualifications.orgId, orgId), eq(qualifications.typeCode, code), qualificationValidOn(day)))
    .orderBy(desc(qualifications.validUntil))
    .limit(1);
  return row;
}
