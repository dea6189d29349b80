import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { roles, sessions, users } from '../../db/schema';
import { pageRows } from '../../platform/list-kit-sql';

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

function openSessionsQuery(tx: Tx) {
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
    .$dynamic();
}

export type OpenSessionRow = Awaited<ReturnType<typeof openSessionsAfter>>[number];

/** A page of the open sessions, the most recently seen first. */
export function openSessionPage(tx: Tx, limit: number, offset: number) {
  return pageRows(
    openSessionsQuery(tx),
    isNull(sessions.endedAt),
    [desc(sessions.lastSeenAt), asc(sessions.id)],
    limit,
    offset,
  );
}

/**
 * The open sessions after the one whose id starts with `afterPrefix` (the list shows a prefix
 * only), in id order: the export's keyset batches.
 */
export function openSessionsAfter(tx: Tx, afterPrefix: string | null, limit: number) {
  return openSessionsQuery(tx)
    .where(
      and(isNull(sessions.endedAt), afterPrefix ? sql`left(${sessions.id}, 16) > ${afterPrefix}` : undefined),
    )
    .orderBy(asc(sessions.id))
    .limit(limit);
}

export async function countOpenSessions(tx: Tx): Promise<number> {
  const [{ n }] = await tx.select({ n: count() }).from(sessions).where(isNull(sessions.endedAt));
  return Number(n);
}

/** The open session whose id starts with the 16-character prefix shown in the list. */
export async function findOpenSessionByPrefix(tx: Tx, idPrefix: string) {
  const [row] = await tx
    .select({ id: sessions.id, userId: sessions.userId })
    .from(sessions)
    .where(and(sql`left(${sessions.id}, 16) = ${idPrefix}`, isNull(sessions.endedAt)));
  return row;
}
