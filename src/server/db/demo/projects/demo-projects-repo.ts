import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Tx } from '../../client';
import { organizations, qualifications, users } from '../../schema';

export function usersNamed(tx: Tx, usernames: string[]) {
  return tx
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, usernames));
}

/** Every organisation with what an application names of it, by USCC. */
export function applicantOrgs(tx: Tx) {
  return tx
    .select({
      id: organizations.id,
      name: organizations.name,
      uscc: organizations.uscc,
      kind: organizations.kind,
      regionCode: organizations.regionCode,
      address: organizations.address,
      contactPerson: organizations.contactPerson,
      contactPhone: organizations.contactPhone,
    })
    .from(organizations)
    .orderBy(asc(organizations.uscc));
}

/** Organisations holding a valid 高新技术企业 qualification on `onDate`. */
export function hteHoldersOn(tx: Tx, onDate: string) {
  return tx
    .selectDistinct({ orgId: qualifications.orgId })
    .from(qualifications)
    .where(
      and(
        eq(qualifications.typeCode, 'hte'),
        lte(qualifications.issuedOn, onDate),
        or(isNull(qualifications.validUntil), gte(qualifications.validUntil, onDate)),
      ),
    );
}
