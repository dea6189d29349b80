import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { attachments } from '../../../db/schema';

export async function insertAttachment(tx: Tx, values: typeof attachments.$inferInsert) {
  const [row] = await tx.insert(attachments).values(values).returning();
  return row;
}

export async function getAttachment(tx: Tx, id: string) {
  const [row] = await tx.select().from(attachments).where(eq(attachments.id, id));
  return row;
}

export async function removeAttachment(tx: Tx, id: string) {
  await tx.delete(attachments).where(eq(attachments.id, id));
}

/** The kinds of file an application has. */
export async function attachmentKindsOf(tx: Tx, applicationId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ kind: attachments.kind })
    .from(attachments)
    .where(eq(attachments.applicationId, applicationId));
  return new Set(rows.map((r) => r.kind));
}

export async function hasAttachmentOfKind(tx: Tx, applicationId: string, kind: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(eq(attachments.applicationId, applicationId), eq(attachments.kind, kind)))
    .limit(1);
  return row !== undefined;
}
