import type { Msg } from '../../../domain/message';
import type { Tx } from '../../db/client';
import { notifications } from '../../db/schema';

export interface NotificationDraft {
  kind: string;
  title: Msg;
  link?: string | null;
  /** Reminders carry one, so a job run twice notifies once. */
  dedupeKey?: (userId: string) => string;
}

/** Adds in-app notifications inside the caller's transaction; returns how many were new. */
export async function notify(tx: Tx, userIds: readonly string[], n: NotificationDraft): Promise<number> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return 0;
  const rows = await tx
    .insert(notifications)
    .values(
      unique.map((userId) => ({
        userId,
        kind: n.kind,
        title: n.title,
        link: n.link ?? null,
        dedupeKey: n.dedupeKey?.(userId) ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return rows.length;
}

export const applicationLink = (id: string) => `/projects/applications/${id}`;
