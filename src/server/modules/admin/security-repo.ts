import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { roles, sessions, users } from '../../db/schema';

/** Every role row with the number of accounts holding it. */
export function listRoleRows(tx: Tx) {
  return tx
    .select({
      code: roles.code,
      permissions: roles.permissions,
      userCount: sql<number>`(select count(*)::int from ${users} where ${users.role} = ${roles.code})`,
    })
    .from(roles);
}

export async function findRole(tx: Tx, code: string) {
  const [row] = await tx.select().from(roles).where(eq(roles.code, code));
  return row;
}

export async function setRolePermissions(tx: Tx, code: string, permissions: string[]) {
  await tx.update(roles).set({ permissions, updatedAt: new Date() }).where(eq(roles.code, code));
}

/** The most recently seen open sessions, at most 500. */
export function listOpenSessions(tx: Tx) {
  return tx
    .select({
      id: sessions.id,
      username: users.username,
      role: sql<string>`coalesce(${users.role}, '')`,
      ip: sessions.ip,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(isNull(sessions.endedAt))
    .orderBy(desc(sessions.lastSeenAt))
    .limit(500);
}

/** The open session whose id starts with the 16-character prefix shown in the list. */
export async function findOpenSessionByPrefix(tx: Tx, idPrefix: string) {
  const [row] = await tx
    .select({ id: sessions.id, userId: sessions.userId })
    .from(sessions)
    .where(and(sql`left(${sessions.id}, 16) = ${idPrefix}`, isNull(sessions.endedAt)));
  return row;
}
