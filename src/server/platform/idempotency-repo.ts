import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { idempotencyKeys } from '../db/schema';

const keyOf = (userId: string, key: string) =>
  and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key));

/** Forgets a user's keys older than a day. */
export async function deleteExpiredKeys(db: Db, userId: string) {
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.userId, userId),
        lt(idempotencyKeys.createdAt, sql`now() - interval '24 hours'`),
      ),
    );
}

/** Claims a key for a request; false when the user holds it already. */
export async function claimKey(db: Db, userId: string, key: string, requestHash: string): Promise<boolean> {
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ userId, key, requestHash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return claimed.length > 0;
}

export async function findKey(db: Db, userId: string, key: string) {
  const [first] = await db.select().from(idempotencyKeys).where(keyOf(userId, key));
  return first;
}

export async function releaseKey(db: Db, userId: string, key: string) {
  await db.delete(idempotencyKeys).where(keyOf(userId, key));
}

/** Keeps the answer given under a key, to replay it. */
export async function keepAnswer(db: Db, userId: string, key: string, status: number, body: string) {
  await db.update(idempotencyKeys).set({ status, body }).where(keyOf(userId, key));
}
