/** The demo loaders' SQL: chunked inserts, and what the generators read of the database first. */
import { eq, like } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../client';
import { orgAnnualStats, organizations, parks, qualificationTypes, regions } from '../schema';

/** Inserts rows `chunk` at a time (Postgres allows 65535 parameters per statement). */
export async function insertInChunks<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: PgInsertValue<T>[],
  chunk: number,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) await tx.insert(table).values(rows.slice(i, i + chunk));
}

export function regionNameRows(tx: Tx) {
  return tx.select({ code: regions.code, name: regions.name }).from(regions);
}

export function qualificationTypeValidities(tx: Tx) {
  return tx
    .select({ code: qualificationTypes.code, validity: qualificationTypes.validity })
    .from(qualificationTypes);
}

/** The parks whose code starts with `prefix`, by code. */
export function parksByCodePrefix(tx: Tx, prefix: string) {
  return tx
    .select({ id: parks.id, code: parks.code, regionCode: parks.regionCode })
    .from(parks)
    .where(like(parks.code, `${prefix}%`))
    .orderBy(parks.code);
}

export function orgNamesAndUsccs(tx: Tx) {
  return tx.select({ name: organizations.name, uscc: organizations.uscc }).from(organizations);
}

export async function findOrgRegion(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: organizations.id, regionCode: organizations.regionCode })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row;
}

/** One organisation's statistics of a year, replacing any there. */
export async function upsertOrgStats(tx: Tx, r: typeof orgAnnualStats.$inferInsert) {
  const { orgId: _, year: __, ...figures } = r;
  await tx
    .insert(orgAnnualStats)
    .values(r)
    .onConflictDoUpdate({
      target: [orgAnnualStats.orgId, orgAnnualStats.year],
      set: { ...figures, updatedAt: new Date() },
    });
}
