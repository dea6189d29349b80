/** The SQL of solution calls 揭榜/燎原 and their proposals. */
import { and, asc, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { CallFilters, CallListQuery } from '../../../domain/contracts/market';
import type { Tx } from '../../db/client';
import {
  marketCalls as c,
  marketDemands,
  organizations,
  marketProposals as p,
  regions,
} from '../../db/schema';
import { pageRows, rowsAfter } from '../../platform/list-kit-sql';
import { likePattern } from '../../platform/listing';
import { orderBy } from '../../platform/listing-sql';
import type { Scope } from '../../platform/scope';
import { isoStamp } from './market-sql';

/** Calls are public calls for solutions: a county sees its region's, everyone else all of them. */
function callScope(scope: Scope): SQL {
  if (scope.kind === 'none') return sql`false`;
  if (scope.kind === 'region') return inArray(c.regionCode, scope.regionCodes);
  return sql`true`;
}

function select(tx: Tx) {
  return tx
    .select({
      id: c.id,
      demandId: c.demandId,
      demandTitle: marketDemands.title,
      demandOrgId: marketDemands.orgId,
      orgName: organizations.name,
      kind: c.kind,
      title: c.title,
      batch: c.batch,
      regionCode: c.regionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${c.regionCode})`,
      status: c.status,
      opensOn: c.opensOn,
      closesOn: c.closesOn,
      proposals: sql<number>`(select count(*)::int from ${p} where ${p.callId} = ${c.id})`,
      updatedAt: isoStamp(c.updatedAt),
    })
    .from(c)
    .innerJoin(marketDemands, eq(marketDemands.id, c.demandId))
    .innerJoin(organizations, eq(organizations.id, marketDemands.orgId))
    .leftJoin(regions, eq(regions.code, c.regionCode))
    .$dynamic();
}
export type CallRow = Awaited<ReturnType<typeof select>>[number];

function where(scope: Scope, f: CallFilters) {
  return and(
    callScope(scope),
    f.status ? eq(c.status, f.status) : undefined,
    f.kind ? eq(c.kind, f.kind) : undefined,
    f.q ? or(ilike(c.title, likePattern(f.q)), ilike(marketDemands.title, likePattern(f.q))) : undefined,
  );
}

export function listCalls(tx: Tx, scope: Scope, q: CallListQuery, limit: number, offset: number) {
  const order = orderBy(
    q.sort ?? '-closesOn',
    { closesOn: c.closesOn, title: c.title, status: c.status },
    asc(c.id),
  );
  return pageRows(select(tx), where(scope, q), order, limit, offset);
}

export async function countCalls(tx: Tx, scope: Scope, f: CallFilters) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(c)
    .innerJoin(marketDemands, eq(marketDemands.id, c.demandId))
    .where(where(scope, f));
  return row.n;
}

export function callsAfter(tx: Tx, scope: Scope, f: CallFilters, afterId: string | null, limit: number) {
  return rowsAfter(select(tx), where(scope, f), c.id, afterId, limit);
}

export async function getCall(tx: Tx, scope: Scope, id: string) {
  const [row] = await select(tx)
    .where(and(eq(c.id, id), callScope(scope)))
    .limit(1);
  return row;
}

export async function lockCall(tx: Tx, id: string) {
  const [row] = await tx.select().from(c).where(eq(c.id, id)).for('update');
  return row;
}

export async function insertCall(tx: Tx, values: typeof c.$inferInsert) {
  const [row] = await tx.insert(c).values(values).returning();
  return row;
}

export async function insertCalls(tx: Tx, values: (typeof c.$inferInsert)[]) {
  if (values.length === 0) return [];
  return tx.insert(c).values(values).returning({ id: c.id, demandId: c.demandId });
}

export async function updateCallRow(tx: Tx, id: string, set: Partial<typeof c.$inferInsert>) {
  await tx
    .update(c)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(c.id, id));
}

export function proposalsOf(tx: Tx, callId: string) {
  return tx
    .select({
      id: p.id,
      orgId: p.orgId,
      orgName: organizations.name,
      achievementId: p.achievementId,
      summary: p.summary,
      status: p.status,
      createdAt: isoStamp(p.createdAt),
    })
    .from(p)
    .innerJoin(organizations, eq(organizations.id, p.orgId))
    .where(eq(p.callId, callId))
    .orderBy(asc(p.createdAt), asc(p.id));
}

export async function lockProposal(tx: Tx, callId: string, id: string) {
  const [row] = await tx
    .select()
    .from(p)
    .where(and(eq(p.id, id), eq(p.callId, callId)))
    .for('update');
  return row;
}

export async function proposalOfOrg(tx: Tx, callId: string, orgId: string) {
  const [row] = await tx
    .select({ id: p.id })
    .from(p)
    .where(and(eq(p.callId, callId), eq(p.orgId, orgId)));
  return row;
}

export async function insertProposal(tx: Tx, values: typeof p.$inferInsert) {
  const [row] = await tx.insert(p).values(values).returning();
  return row;
}

export async function insertProposals(tx: Tx, values: (typeof p.$inferInsert)[]) {
  for (let i = 0; i < values.length; i += 2000) await tx.insert(p).values(values.slice(i, i + 2000));
}

export async function setProposalStatus(tx: Tx, id: string, status: (typeof p.$inferInsert)['status']) {
  await tx.update(p).set({ status, updatedAt: sql`now()` }).where(eq(p.id, id));
}

/** When one proposal is picked, the call's others are not selected. */
export async function rejectOthers(tx: Tx, callId: string, pickedId: string) {
  await tx
    .update(p)
    .set({ status: 'rejected', updatedAt: sql`now()` })
    .where(and(eq(p.callId, callId), ne(p.id, pickedId)));
}
