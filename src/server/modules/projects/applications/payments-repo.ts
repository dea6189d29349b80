import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { payments } from '../../../db/schema';

/** What has been paid to an application so far, as a decimal string. */
export async function paidSoFar(tx: Tx, applicationId: string): Promise<string> {
  const [row] = await tx
    .select({ paid: sql<string>`coalesce(sum(${payments.amount}), 0)::text` })
    .from(payments)
    .where(eq(payments.applicationId, applicationId));
  return row.paid;
}

export async function insertPayment(tx: Tx, values: typeof payments.$inferInsert) {
  const [row] = await tx.insert(payments).values(values).returning();
  return row;
}
