import { msg } from '../../../../domain/message';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import { clock } from '../../../platform/clock';
import type { Deps } from '../../../platform/deps';
import { notFound } from '../../../platform/errors';
import {
  applicantAccounts,
  applicationsDueBetween,
  countOwnNotifications,
  listOwnNotifications,
  markAllOwnRead,
  markOwnRead,
} from './notifications-repo';
import { applicationLink, notify } from './notify';

const NOTIFICATION = msg('通知', 'notification');
const iso = (v: Date | string) => new Date(v).toISOString();

/** The actor's own notifications, unread first, newest first within each. */
export async function listNotifications(
  deps: Deps,
  actor: Actor,
  q: { page: number; pageSize: number; unread?: boolean },
) {
  const [rows, total, unread] = await Promise.all([
    listOwnNotifications(deps.db, actor.id, q.unread === true, q.pageSize, (q.page - 1) * q.pageSize),
    countOwnNotifications(deps.db, actor.id, q.unread === true),
    countOwnNotifications(deps.db, actor.id, true),
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
  if (!(await markOwnRead(deps.db, actor.id, id))) throw notFound(NOTIFICATION);
  return { ok: true as const };
}

export async function markAllRead(deps: Deps, actor: Actor) {
  await markAllOwnRead(deps.db, actor.id, new Date());
  return { ok: true as const };
}

const REMIND_WITHIN_MS = 3 * 86_400_000;

/**
 * Deadline reminders (run hourly): for each call closing within three days, every active account of
 * an organisation with a draft or returned application in it is told once — the dedupe key
 * `deadline:<applicationId>:<userId>` makes a second run, or a second app instance, add nothing.
 * Returns how many notifications were added.
 */
export async function remindDeadlines(db: Db, now: Date = clock.now()): Promise<number> {
  const due = await applicationsDueBetween(db, now, new Date(now.getTime() + REMIND_WITHIN_MS));
  if (due.length === 0) return 0;
  const accounts = await applicantAccounts(db, [...new Set(due.map((d) => d.orgId))]);
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
