/** The one "in force on day D" condition of credit records, and the fragments other modules use. */
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { creditRecords as c } from '../../db/schema';

/** SQL twin of `creditInForce` (src/domain/credit.ts): valid_from ≤ D ≤ valid_to (or open-ended). */
export function creditInForceOn(on: string): SQL {
  return sql`(${c.validFrom} <= ${on} and (${c.validTo} is null or ${c.validTo} >= ${on}))`;
}

/** True where the organisation in `orgColumn` is under a record in force on `on`. */
export function orgUnderCredit(orgColumn: AnyPgColumn | SQL, on: string): SQL {
  return sql`exists (select 1 from ${c} where ${c.orgId} = ${orgColumn} and ${creditInForceOn(on)})`;
}

/** True where the expert (or the expert's account) is under a record in force on `on`. */
export function expertUnderCredit(expertId: AnyPgColumn, userId: AnyPgColumn, on: string): SQL {
  return sql`exists (select 1 from ${c} where (${c.expertId} = ${expertId} or (${userId} is not null and ${c.userId} = ${userId})) and ${creditInForceOn(on)})`;
}
