import { and, asc, desc, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { callListQuerySchema } from '../../../../domain/contracts/projects';
import type { Tx } from '../../../db/client';
import {
  applications as a,
  calls as c,
  codeLists,
  payments,
  programmes,
  qualificationTypes,
} from '../../../db/schema';
import { rowsAfter } from '../../../platform/list-kit-sql';
import { likePattern, orderBy } from '../../../platform/listing';

export type CallQuery = z.infer<typeof callListQuerySchema>;
export type CallFilters = Omit<CallQuery, 'page' | 'pageSize' | 'sort'>;
export type CallRow = typeof c.$inferSelect & { programmeName: string };

function select(tx: Tx) {
  return tx
    .select({ call: c, programmeName: sql<string>`coalesce(${programmes.name}, ${c.programmeCode})` })
    .from(c)
    .leftJoin(programmes, eq(programmes.code, c.programmeCode))
    .$dynamic();
}

function where(f: CallFilters, now: Date): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (f.year) conds.push(eq(c.year, f.year));
  if (f.programme) conds.push(eq(c.programmeCode, f.programme));
  if (f.openNow === true) conds.push(sql`${c.opensAt} <= ${now} and ${c.closesAt} > ${now}`);
  if (f.openNow === false) conds.push(sql`not (${c.opensAt} <= ${now} and ${c.closesAt} > ${now})`);
  if (f.q) conds.push(ilike(c.title, likePattern(f.q)));
  return and(...conds);
}

const flat = (r: { call: typeof c.$inferSelect; programmeName: string }): CallRow => ({
  ...r.call,
  programmeName: r.programmeName,
});

export async function listCalls(tx: Tx, f: CallQuery, now: Date, limit: number, offset: number) {
  const rows = await select(tx)
    .where(where(f, now))
    .orderBy(
      ...orderBy(f.sort, { year: c.year, closesAt: c.closesAt, opensAt: c.opensAt }, desc(c.opensAt)),
      asc(c.id),
    )
    .limit(limit)
    .offset(offset);
  return rows.map(flat);
}

/** The calls after `afterId` in id order (the export's keyset batches). */
export async function callsAfter(tx: Tx, f: CallFilters, now: Date, afterId: string | null, limit: number) {
  return (await rowsAfter(select(tx), where(f, now), c.id, afterId, limit)).map(flat);
}

export async function countCalls(tx: Tx, f: CallFilters, now: Date) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(c).where(where(f, now));
  return row.n;
}

export async function getCall(tx: Tx, id: string, forUpdate = false): Promise<CallRow | undefined> {
  const q = select(tx).where(eq(c.id, id));
  const [row] = forUpdate ? await q.for('update', { of: c }) : await q;
  return row ? flat(row) : undefined;
}

/** How many applications an organisation has in each of the given calls (absent: none). */
export async function orgApplicationCounts(tx: Tx, orgId: string, callIds: string[]) {
  if (callIds.length === 0) return new Map<string, number>();
  const rows = await tx
    .select({ callId: a.callId, n: sql<number>`count(*)::int` })
    .from(a)
    .where(and(eq(a.orgId, orgId), inArray(a.callId, callIds)))
    .groupBy(a.callId);
  return new Map(rows.map((r) => [r.callId, r.n]));
}

/**
 * What a call's budget is committed to: proposed amounts awaiting approval, approved amounts of
 * projects approved and after, and — for terminated projects — only what was paid before the end.
 */
export async function committedFunding(tx: Tx, callId: string, cond?: SQL) {
  const [amounts] = await tx
    .select({
      proposed: sql<string>`coalesce(sum(${a.proposedAmount}) filter (where ${a.state} = 'proposed'), 0)::text`,
      approved: sql<string>`coalesce(sum(${a.approvedAmount}) filter (where ${a.state} in ('approved', 'publicity', 'established', 'in_progress', 'rectifying', 'acceptance_pending', 'closed')), 0)::text`,
    })
    .from(a)
    .where(and(eq(a.callId, callId), cond));
  const [paid] = await tx
    .select({
      paid: sql<string>`coalesce(sum(${payments.amount}), 0)::text`,
      terminatedPaid: sql<string>`coalesce(sum(${payments.amount}) filter (where ${a.state} = 'terminated'), 0)::text`,
    })
    .from(payments)
    .innerJoin(a, eq(a.id, payments.applicationId))
    .where(and(eq(a.callId, callId), cond));
  return { ...amounts, ...paid };
}

export async function insertCall(tx: Tx, values: typeof c.$inferInsert) {
  const [row] = await tx.insert(c).values(values).returning();
  return row;
}

export async function updateCallRow(tx: Tx, id: string, set: Partial<typeof c.$inferInsert>) {
  const [row] = await tx.update(c).set(set).where(eq(c.id, id)).returning();
  return row;
}

export async function programmeExists(tx: Tx, code: string): Promise<boolean> {
  const [row] = await tx.select({ code: programmes.code }).from(programmes).where(eq(programmes.code, code));
  return row !== undefined;
}

export async function qualificationTypeExists(tx: Tx, code: string): Promise<boolean> {
  const [row] = await tx
    .select({ code: qualificationTypes.code })
    .from(qualificationTypes)
    .where(eq(qualificationTypes.code, code));
  return row !== undefined;
}

/** Which of the codes are high-tech fields a call may review in. */
export async function knownFieldCodes(tx: Tx, codes: string[]): Promise<string[]> {
  const rows = await tx
    .select({ code: codeLists.code })
    .from(codeLists)
    .where(and(eq(codeLists.list, 'hitech-fields'), inArray(codeLists.code, codes)));
  return rows.map((r) => r.code);
}
