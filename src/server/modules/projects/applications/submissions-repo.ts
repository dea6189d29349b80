/** SQL of the submission records (what was sent, its hash, the 承诺书 accepted). */
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { applications as a, calls, organizations, applicationSubmissions as s } from '../../../db/schema';

export type SubmissionRow = typeof s.$inferSelect;

export async function nextSubmissionSeq(tx: Tx, applicationId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${s.seq}), 0)::int` })
    .from(s)
    .where(eq(s.applicationId, applicationId));
  return row.n + 1;
}

export async function insertSubmission(tx: Tx, values: typeof s.$inferInsert) {
  const [row] = await tx.insert(s).values(values).returning();
  return row;
}

export function submissionsOf(tx: Tx, applicationId: string) {
  return tx.select().from(s).where(eq(s.applicationId, applicationId)).orderBy(asc(s.seq));
}

/** The submission a hash names, with what the verification tells about it. */
export async function submissionByHash(tx: Tx, sha256: string) {
  const [row] = await tx
    .select({
      submission: s,
      applicationTitle: a.title,
      callTitle: calls.title,
      orgName: organizations.name,
      latestSeq: sql<number>`(select max(s2.seq)::int from application_submissions s2 where s2.application_id = ${s.applicationId})`,
    })
    .from(s)
    .innerJoin(a, eq(a.id, s.applicationId))
    .innerJoin(calls, eq(calls.id, a.callId))
    .innerJoin(organizations, eq(organizations.id, a.orgId))
    .where(eq(s.sha256, sha256))
    .orderBy(desc(s.seq))
    .limit(1);
  return row;
}
