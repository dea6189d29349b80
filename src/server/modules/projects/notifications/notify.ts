import type { Msg } from '../../../../domain/message';
import type { Tx } from '../../../db/client';
import { insertNotifications } from './notifications-repo';

export interface NotificationDraft {
  kind: string;
  title: Msg;
  link?: string | null;
  /** Reminders carry one, so a job run twice notifies once. */
  dedupeKey?: (userId: string) => string;
}

/** Rows per insert: five parameters each, well inside PostgreSQL's 65,535 per statement. */
const ROWS_PER_INSERT = 5_000;

/** Adds in-app notifications inside the caller's transaction; returns how many were new. */
export async function notify(tx: Tx, userIds: readonly string[], n: NotificationDraft): Promise<number> {
  const unique = [...new Set(userIds)];
  let added = 0;
  for (let i = 0; i < unique.length; i += ROWS_PER_INSERT) {
    added += await insertNotifications(
      tx,
      unique.slice(i, i + ROWS_PER_INSERT).map((userId) => ({
        userId,
        kind: n.kind,
        title: n.title,
        link: n.link ?? null,
        dedupeKey: n.dedupeKey?.(userId) ?? null,
      })),
    );
  }
  return added;
}

export const applicationLink = (id: string) => `/projects/applications/${id}`;
