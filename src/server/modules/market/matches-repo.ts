/** The SQL of matches taken up (contacted … contracted / not pursued) and of interests. */
import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { MatchFilters, MatchListQuery } from '../../../domain/contracts/market';
import type { Tx } from '../../db/client';
import {
  marketMatches as m,
  marketAchievements,
  marketDemands,
  marketInterests,
  organizations,
  regions,
} from '../../db/schema';
import { pageRows, rowsAfter } from '../../platform/list-kit-sql';
import { orderBy } from '../../platform/listing-sql';
import type { Scope } from '../../platform/scope';
import { isoStamp } from './market-sql';

const demandOrg = alias(organizations, 'demand_org');
const achievementOrg = alias(organizations, 'achievement_org');

/** A match is seen by the bureau (a county: either side in its region) and by both parties. */
export function matchScope(scope: Scope): SQL {
  switch (scope.kind) {
    case 'city':
      return sql`true`;
    case 'region':
      return or(
        inArray(m.demandRegionCode, scope.regionCodes),
        inArray(m.achievementRegionCode, scope.regionCodes),
      )!;
    case 'org':
      return or(eq(m.demandOrgId, scope.orgId), eq(m.achievementOrgId, scope.orgId))!;
    default:
      return sql`false`;
  }
}

function select(tx: Tx) {
  return tx
    .select({
      id: m.id,
      demandId: m.demandId,
      demandTitle: marketDemands.title,
      demandOrgName: demandOrg.name,
      achievementId: m.achievementId,
      achievementTitle: marketAchievements.title,
      achievementOrgName: achievementOrg.name,
      regionCode: m.demandRegionCode,
      regionName: sql<string>`coalesce(${regions.name}, ${m.demandRegionCode})`,
      status: m.status,
      dropReason: m.dropReason,
      eventId: m.eventId,
      contactedOn: m.contactedOn,
      closedOn: m.closedOn,
      updatedAt: isoStamp(m.updatedAt),
    })
    .from(m)
    .innerJoin(marketDemands, eq(marketDemands.id, m.demandId))
    .innerJoin(marketAchievements, eq(marketAchievements.id, m.achievementId))
    .innerJoin(demandOrg, eq(demandOrg.id, m.demandOrgId))
    .innerJoin(achievementOrg, eq(achievementOrg.id, m.achievementOrgId))
    .leftJoin(regions, eq(regions.code, m.demandRegionCode))
    .$dynamic();
}
export type MatchRow = Awaited<ReturnType<typeof select>>[number];

function where(scope: Scope, f: MatchFilters) {
  return and(
    matchScope(scope),
    f.status ? eq(m.status, f.status) : undefined,
    f.demandId ? eq(m.demandId, f.demandId) : undefined,
    f.achievementId ? eq(m.achievementId, f.achievementId) : undefined,
    f.eventId ? eq(m.eventId, f.eventId) : undefined,
  );
}

const SORTABLE = { status: m.status, contactedOn: m.contactedOn, updatedAt: m.updatedAt };

export function listMatches(tx: Tx, scope: Scope, q: MatchListQuery, limit: number, offset: number) {
  return pageRows(
    select(tx),
    where(scope, q),
    orderBy(q.sort ?? '-updatedAt', SORTABLE, asc(m.id)),
    limit,
    offset,
  );
}

export async function countMatches(tx: Tx, scope: Scope, f: MatchFilters) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(m).where(where(scope, f));
  return row.n;
}

export function matchesAfter(tx: Tx, scope: Scope, f: MatchFilters, afterId: string | null, limit: number) {
  return rowsAfter(select(tx), where(scope, f), m.id, afterId, limit);
}

export async function getMatch(tx: Tx, scope: Scope, id: string) {
  const [row] = await select(tx)
    .where(and(eq(m.id, id), matchScope(scope)))
    .limit(1);
  return row;
}

export async function lockMatch(tx: Tx, id: string) {
  const [row] = await tx.select().from(m).where(eq(m.id, id)).for('update');
  return row;
}

export async function findMatch(tx: Tx, demandId: string, achievementId: string) {
  const [row] = await tx
    .select({ id: m.id })
    .from(m)
    .where(and(eq(m.demandId, demandId), eq(m.achievementId, achievementId)));
  return row;
}

export async function insertMatch(tx: Tx, values: typeof m.$inferInsert) {
  const [row] = await tx.insert(m).values(values).returning();
  return row;
}

export async function insertMatches(tx: Tx, values: (typeof m.$inferInsert)[]) {
  if (values.length > 0) await tx.insert(m).values(values);
}

export async function updateMatchRow(tx: Tx, id: string, set: Partial<typeof m.$inferInsert>) {
  const [row] = await tx
    .update(m)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(m.id, id))
    .returning();
  return row;
}

/** The matches already taken up from one record, by the counterpart's id. */
export async function matchesOf(tx: Tx, side: 'demand' | 'achievement', recordId: string) {
  const col = side === 'demand' ? m.demandId : m.achievementId;
  return tx
    .select({ id: m.id, status: m.status, demandId: m.demandId, achievementId: m.achievementId })
    .from(m)
    .where(eq(col, recordId));
}

export async function insertInterest(tx: Tx, values: typeof marketInterests.$inferInsert) {
  const [row] = await tx.insert(marketInterests).values(values).onConflictDoNothing().returning();
  return row;
}

export function interestsIn(tx: Tx, kind: 'achievement' | 'demand', recordId: string) {
  return tx
    .select({
      orgId: marketInterests.orgId,
      orgName: organizations.name,
      note: marketInterests.note,
      createdAt: isoStamp(marketInterests.createdAt),
    })
    .from(marketInterests)
    .innerJoin(organizations, eq(organizations.id, marketInterests.orgId))
    .where(and(eq(marketInterests.kind, kind), eq(marketInterests.recordId, recordId)))
    .orderBy(asc(marketInterests.createdAt));
}

export async function hasInterest(tx: Tx, kind: 'achievement' | 'demand', recordId: string, orgId: string) {
  const [row] = await tx
    .select({ id: marketInterests.id })
    .from(marketInterests)
    .where(
      and(
        eq(marketInterests.kind, kind),
        eq(marketInterests.recordId, recordId),
        eq(marketInterests.orgId, orgId),
      ),
    );
  return !!row;
}
