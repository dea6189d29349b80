import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { roles, sessions, users } from '../db/schema';

export async function insertSession(
  tx: Tx,
  id: string,
  userId: string,
  ip: string,
  userAgent: string | null,
) {
  await tx.insert(sessions).values({ id, userId, ip, userAgent });
}

/** Ends one open session. */
export async function closeSession(tx: Tx, id: string, reason: string) {
  await tx
    .update(sessions)
    .set({ endedAt: new Date(), endReason: reason })
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
}

/** Ends every open session of a user except `keepId`. */
export async function closeUserSessions(tx: Tx, userId: string, reason: string, keepId?: string) {
  const conds = [eq(sessions.userId, userId), isNull(sessions.endedAt)];
  if (keepId) conds.push(ne(sessions.id, keepId));
  await tx
    .update(sessions)
    .set({ endedAt: new Date(), endReason: reason })
    .where(and(...conds));
}

/** An open session with its user and the user's role's permissions. */
export async function findOpenSession(tx: Tx, id: string) {
  const [row] = await tx
    .select({ session: sessions, user: users, permissions: roles.permissions })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(roles, eq(roles.code, users.role))
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
  return row;
}

export async function touchSession(tx: Tx, id: string, at: Date) {
  await tx.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}
