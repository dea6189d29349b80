import { and, asc, desc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import { msg } from '../../../../domain/message';
import type { Db } from '../../../db/client';
import { applications, calls, notifications, users } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import type { Deps } from '../../../platform/deps';
import { notFound } from '../../../platform/errors';
import { applicationLink, notify } from './notify';

const NOTIFICATION = msg('通知', 'notification');
const iso = (v: Date | string) => new Date(v).toISOString();

/** The actor's own notifications, unread first, newest first within each. */
export async function listNotifications(
  deps: Deps,
  actor: Actor,
  q: { page: number; pageSize: number; unread?: boolean },
) {
  const mine = eq(notifications.userId, actor.id);
  const cond = q.unread ? and(mine, isNull(notifications.readAt)) : mine;
  const [rows, [{ total }], [{ unread }]] = await Promise.all([
    deps.db
      .select()
      .from(notifications)
      .where(cond)
      .orderBy(sql`${notifications.readAt} is not null`, desc(notifications.createdAt), asc(notifications.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    deps.db.select({ total: sql<number>`count(*)::int` }).from(notifications).where(cond),
    deps.db
      .select({ unread: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  return {
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title as { zh: string; en: string },
      link: n.link,
      read: n.readAt !== null,
      createdAt: iso(n.createdAt),
    })),
    total,
    unread,
  };
}

/** Marking one's own notification read is a personal view state, not a business record: not audited. */
export async function markRead(deps: Deps, actor: Actor, id: string) {
  const [row] = await deps.db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, actor.id)))
    .returning({ id: notifications.id });
  if (!row) throw notFound(NOTIFICATION);
  return { ok: true as const };
}

export async function markAllRead(deps: Deps, actor: Actor) {
  await deps.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)));
  return { ok: true as const };
}

const REMIND_WITHIN_MS = 3 * 86_400_000;

/**
 * Deadline reminders (run hourly): for each call closing within three days, every active account of
 * an organisation with a draft or returned application in it is told once — the dedupe key
 * `deadline:<applicationId>:<userId>` makes a second run, or a second app instance, add nothing.
 * Returns how many notifications were added.
 */
export async function remindDeadlines(db: Db, now: Date = new Date()): Promise<number> {
  const due = await db
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
        gt(calls.closesAt, now),
        lte(calls.closesAt, new Date(now.getTime() + REMIND_WITHIN_MS)),
        inArray(applications.state, ['draft', 'returned']),
      ),
    );
  if (due.length === 0) return 0;
  const orgIds = [...new Set(due.map((d) => d.orgId))];
  const accounts = await db
    .select({ id: users.id, orgId: users.orgId })
    .from(users)
    .where(
      and(
        inArray(users.orgId, orgIds),
        inArray(users.role, ['enterprise', 'institution']),
        eq(users.status, 'active'),
      ),
    );
  let added = 0;
  for (const d of due) {
    const recipients = accounts.filter((u) => u.orgId === d.orgId).map((u) => u.id);
    const at = new Date(d.closesAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    added += await notify(db, recipients, {
      kind: 'application.deadline',
      title: msg(
        `「${d.title}」尚未提交，${d.callTitle}将于 ${at} 截止`,
        `"${d.title}" is not submitted yet; the call closes at ${at} (UTC+8)`,
      ),
      link: applicationLink(d.applicationId),
      dedupeKey: (userId) => `deadline:${d.applicationId}:${userId}`,
    });
  }
  return added;
}
