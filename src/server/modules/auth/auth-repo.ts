import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { loginThrottle, users } from '../../db/schema';

export async function findThrottle(tx: Tx, username: string) {
  const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.username, username));
  return row;
}

export async function findUserByUsername(tx: Tx, username: string) {
  const [row] = await tx.select().from(users).where(eq(users.username, username));
  return row;
}

export async function findUserById(tx: Tx, id: string) {
  const [row] = await tx.select().from(users).where(eq(users.id, id));
  return row;
}

/**
 * Counts one more failed sign-in for the username; a lock that has run out is lifted and the
 * count starts again at 1. Returns the row as it now stands.
 */
export async function countFailedSignIn(tx: Tx, username: string) {
  const [row] = await tx
    .insert(loginThrottle)
    .values({ username, failures: 1, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: loginThrottle.username,
      set: {
        failures: sql`case when ${loginThrottle.lockedUntil} is not null and ${loginThrottle.lockedUntil} <= now() then 1 else ${loginThrottle.failures} + 1 end`,
        lockedUntil: sql`case when ${loginThrottle.lockedUntil} <= now() then null else ${loginThrottle.lockedUntil} end`,
        updatedAt: new Date(),
      },
    })
    .returning();
  return row;
}

export async function lockUsername(tx: Tx, username: string, until: Date) {
  await tx.update(loginThrottle).set({ lockedUntil: until }).where(eq(loginThrottle.username, username));
}

/** Forgets the failed sign-ins counted against a username. */
export async function clearThrottle(tx: Tx, username: string) {
  await tx.delete(loginThrottle).where(eq(loginThrottle.username, username));
}

export async function recordSignIn(tx: Tx, userId: string) {
  await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
}

/** A password the user chose: no change is required at the next sign-in. */
export async function setOwnPassword(tx: Tx, userId: string, passwordHash: string) {
  await tx
    .update(users)
    .set({ passwordHash, passwordChangedAt: new Date(), mustChangePassword: false, updatedAt: new Date() })
    .where(eq(users.id, userId));
}
