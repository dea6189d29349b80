/**
 * Mail the platform sends (password-reset links, registration notices). Every mail is written to
 * the outbox in the caller's transaction, so a mail exists exactly when the change that sent it
 * does. With SMTP settings (KECHUANG_SMTP_HOST, see config) the outbox is the queue a sender
 * delivers from; without them the mails stay `stored`: the demo's local outbox, which the system
 * administrator reads on the outbox page.
 */
import type { Tx } from '../db/client';
import { insertMail } from './mail-repo';

export interface Mail {
  to: string;
  subject: string;
  body: string;
}

/** Whether SMTP is configured: without it, mails are kept for the outbox page only. */
export function mailConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!env.KECHUANG_SMTP_HOST;
}

/** Queues a mail in the same transaction as the change that sends it. */
export async function sendMail(tx: Tx, mail: Mail): Promise<{ id: string }> {
  return insertMail(tx, { recipient: mail.to, subject: mail.subject, body: mail.body, status: 'stored' });
}
