import { and, asc, desc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { applications as a, applicationEvents, organizations } from '../../../db/schema';

/** How many of a call's applications (within the viewer's scope condition) are in each state. */
export function countByState(tx: Tx, callId: string, scope: SQL | undefined) {
  return tx
    .select({ state: a.state, n: sql<number>`count(*)::int` })
    .from(a)
    .where(and(eq(a.callId, callId), scope))
    .groupBy(a.state);
}

/** A call's applications in the states, by panel score (unscored last), then by submission. */
export function rankedApplications(tx: Tx, callId: string, states: string[], scope: SQL | undefined) {
  return tx
    .select({
      id: a.id,
      title: a.title,
      orgName: organizations.name,
      regionCode: a.regionCode,
      state: a.state,
      panelScore: a.panelScore,
      requestedAmount: a.requestedAmount,
      proposedAmount: a.proposedAmount,
      approvedAmount: a.approvedAmount,
    })
    .from(a)
    .innerJoin(organizations, eq(organizations.id, a.orgId))
    .where(and(eq(a.callId, callId), inArray(a.state, states), scope))
    .orderBy(sql`${a.panelScore} desc nulls last`, asc(a.submittedAt), asc(a.id));
}

/** A call's published applications with the time of their (last) publication. */
export function publishedApplications(tx: Tx, callId: string, states: string[], scope: SQL | undefined) {
  const publishedAt = sql<
    string | null
  >`(select max(${applicationEvents.at}) from ${applicationEvents} where ${applicationEvents.applicationId} = ${a.id} and ${applicationEvents.action} = 'publish')`;
  return tx
    .select({
      id: a.id,
      title: a.title,
      orgName: organizations.name,
      regionCode: a.regionCode,
      approvedAmount: a.approvedAmount,
      publicityUntil: a.publicityUntil,
      publishedAt,
    })
    .from(a)
    .innerJoin(organizations, eq(organizations.id, a.orgId))
    .where(and(eq(a.callId, callId), inArray(a.state, states), isNotNull(a.publicityUntil), scope))
    .orderBy(desc(a.panelScore), asc(a.id));
}
