import { type SQL, sql } from 'drizzle-orm';
import { qualifications } from '../../db/schema';

/** SQL twin of `isValidOn` (src/domain/registry.ts): issued ≤ D ≤ last valid day, not revoked by D. */
export function qualificationValidOn(onDate: string | SQL, q: typeof qualifications = qualifications): SQL {
  return sql`(${q.issuedOn} <= ${onDate} and (${q.validUntil} is null or ${q.validUntil} >= ${onDate}) and not (${q.revoked} and (${q.revokedOn} is null or ${q.revokedOn} <= ${onDate})))`;
}
