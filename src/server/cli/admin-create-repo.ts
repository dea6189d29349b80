import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { users } from '../db/schema';

export async function findAccount(tx: Tx, username: string) {
  const [row] = await tx.select().from(users).where(eq(users.username, username));
  return row;
}

/** A new one-time password on an existing account, which is enabled again. */
export async function resetAccountPassword(tx: Tx, id: string, passwordHash: string) {
  await tx
    .update(users)
    .set({ passwordHash, mustChangePassword: true, status: 'active', updatedAt: new Date() })
    .where(eq(users.id, id));
}

export async function insertAccount(tx: Tx, values: typeof users.$inferInsert) {
  const [created] = await tx.insert(users).values(values).returning();
  return created;
}
