import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { organizations, parks, users } from '../schema';

/** An organisation by its USCC, created first when missing; answers its id. */
export async function ensureOrganization(db: Db, org: typeof organizations.$inferInsert): Promise<string> {
  await db.insert(organizations).values(org).onConflictDoNothing();
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.uscc, org.uscc));
  return row.id;
}

export async function hasAnyUser(db: Db): Promise<boolean> {
  const [any] = await db.select({ id: users.id }).from(users).limit(1);
  return !!any;
}

export function listParkCodes(db: Db) {
  return db.select({ id: parks.id, code: parks.code }).from(parks);
}

export async function insertUsers(db: Db, rows: (typeof users.$inferInsert)[]) {
  await db.insert(users).values(rows);
}
