import { and, asc, desc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { applications, calls, notifications, users } from '../../../db/schema';

type NotificationInsert = typeof notifications.$inferInsert;

/** Inserts notifications, skipping those whose dedupe key is already there; returns how many were new. */
export async function insertNotifications(tx: Tx, rows: NotificationInsert[]): Promise<number> {
  const added = await tx
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return added.length;
}

function ownCondition(userId: string, unreadOnly: boolean) {
  const mine = eq(notifications.userId, userId);
  return unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
}

/** A user's notifications, unread first, newest first within each. */
export function listOwnNotifications(
  db: Db,
  userId: string,
  unreadOnly: boolean,
  limit: number,
  offset: number,
) {
  return db
    .select()
    .from(notifications)
    .where(ownCondition(userId, unreadOnly))
    .orderBy(sql`${notifications.readAt} is not null`, desc(notifications.createdAt), asc(notifications.id))
    .limit(limit)
    .offset(offset);
}

export async function countOwnNotifications(db: Db, userId: string, unreadOnly: boolean): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(ownCondition(userId, unreadOnly));
  return row.n;
}

/** Marks one of the user's notifications read (keeping the first reading time); false if not theirs. */
export async function markOwnRead(db: Db, userId: string, id: string): Promise<boolean> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return row !== undefined;
}

export async function markAllOwnRead(db: Db, userId: string, at: Date) {
  await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

/** Draft or returned applications in calls closing in (from, to]. */
export function applicationsDueBetween(db: Db, from: Date, to: Date) {
  return db
    .select({
      applicationId: applications.id,
      title: applications.title,
      orgId: applications.orgId,
      callTitle: calls.title,
      closesAt: calls.closesAt,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(
      and(
        gt(calls.closesAt, from),
        lte(calls.closesAt, to),
        inArray(applications.state, ['draft', 'returned']),
      ),
    );
}

/** The active applicant accounts of the organisations. */
export function applicantAccounts(db: Db, orgIds: string[]) {
  return db
    .select({ id: users.id, orgId: users.orgId })
    .from(users)
    .where(
      and(
        inArray(users.orgId, orgIds),
        inArray(users.role, ['enterprise', 'institution']),
        eq(users.status, 'active'),
      ),
    );
}
