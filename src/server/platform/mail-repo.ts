/** The mail outbox's SQL (platform/mail.ts). */
import type { Tx } from '../db/client';
import { mailOutbox } from '../db/schema';

export async function insertMail(tx: Tx, values: typeof mailOutbox.$inferInsert) {
  const [row] = await tx.insert(mailOutbox).values(values).returning({ id: mailOutbox.id });
  return row;
}
