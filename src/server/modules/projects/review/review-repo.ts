/** SQL of the expert review: the pool for a draw, applications, assignments and the queue. */
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import {
  applications as a,
  attachments,
  calls,
  experts as e,
  expertConflicts as ec,
  organizations,
  reviewAssignments as ra,
} from '../../../db/schema';
import { clock } from '../../../platform/clock';
import { type Scope, scopeWhere } from '../../../platform/scope';
import { expertUnderCredit } from '../../credit/credit-sql';

/** Assignments that count: the expert is (still) on the panel. */
export const isActive = sql`${ra.status} in ('assigned', 'accepted', 'submitted')`;

/** Reviews an expert has in hand: active assignments on applications still under expert review. */
// Written out in full: drizzle leaves columns unqualified in single-table selects.
export const expertLoad = sql<number>`(select count(*)::int from review_assignments ra_l join applications a_l on a_l.id = ra_l.application_id where ra_l.expert_id = "experts"."id" and ra_l.status in ('assigned', 'accepted', 'submitted') and a_l.state = 'expert_review')`;

/** The active pool for a draw, in two queries: the experts (with their load), then their conflicts. */
export async function activePool(tx: Tx) {
  const inHand = tx
    .select({ expertId: ra.expertId, n: sql<number>`count(*)::int`.as('n') })
    .from(ra)
    .innerJoin(a, eq(a.id, ra.applicationId))
    .where(and(isActive, eq(a.state, 'expert_review')))
    .groupBy(ra.expertId)
    .as('in_hand');
  const experts = await tx
    .select({
      id: e.id,
      orgId: e.orgId,
      fields: e.fields,
      userId: e.userId,
      load: sql<number>`coalesce(${inHand.n}, 0)`,
    })
    .from(e)
    .leftJoin(inHand, eq(inHand.expertId, e.id))
    // An expert under a credit record in force is never drawn (科研诚信).
    .where(and(eq(e.active, true), sql`not ${expertUnderCredit(e.id, e.userId, clock.today())}`))
    .orderBy(asc(e.id));
  const conflicts = await tx
    .select({ expertId: ec.expertId, orgId: ec.orgId, reason: ec.reason, endedOn: ec.endedOn })
    .from(ec)
    .innerJoin(e, eq(e.id, ec.expertId))
    .where(eq(e.active, true));
  return { experts, conflicts };
}

/** One expert with its conflicts, for the check at declaration and submission. */
export async function expertWithConflicts(tx: Tx, id: string) {
  const [expert] = await tx.select({ orgId: e.orgId }).from(e).where(eq(e.id, id));
  const conflicts = await tx
    .select({ orgId: ec.orgId, reason: ec.reason, endedOn: ec.endedOn })
    .from(ec)
    .where(eq(ec.expertId, id));
  return expert ? { ...expert, conflicts } : undefined;
}

// ---- applications and assignments --------------------------------------------------------------

/** A call's applications under expert review, locked so two draws cannot both assign them. */
export async function applicationsUnderReview(tx: Tx, callId: string) {
  return tx
    .select({ id: a.id, orgId: a.orgId, field: a.field, title: a.title })
    .from(a)
    .where(and(eq(a.callId, callId), eq(a.state, 'expert_review')))
    .orderBy(asc(a.submittedAt), asc(a.id))
    .for('update');
}

export async function assignmentsOfCall(tx: Tx, callId: string) {
  return tx
    .select({ applicationId: ra.applicationId, expertId: ra.expertId, status: ra.status })
    .from(ra)
    .innerJoin(a, eq(a.id, ra.applicationId))
    .where(and(eq(a.callId, callId), eq(a.state, 'expert_review')));
}

/** An application locked for the change at hand: every review write takes this lock first. */
export async function lockApplication(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      id: a.id,
      callId: a.callId,
      orgId: a.orgId,
      field: a.field,
      title: a.title,
      state: a.state,
    })
    .from(a)
    .where(eq(a.id, id))
    .for('update');
  return row;
}

export async function getApplication(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: a.id, title: a.title, state: a.state, rubric: calls.rubric })
    .from(a)
    .innerJoin(calls, eq(calls.id, a.callId))
    .where(eq(a.id, id));
  return row;
}

export async function expertIdsOn(tx: Tx, applicationId: string) {
  const rows = await tx.select({ expertId: ra.expertId }).from(ra).where(eq(ra.applicationId, applicationId));
  return rows.map((r) => r.expertId);
}

export async function getAssignment(tx: Tx, id: string) {
  const [row] = await tx.select().from(ra).where(eq(ra.id, id));
  return row;
}

/** Assignments with their experts' names, as staff see them. */
export async function assignmentsWithNames(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ assignment: ra, expertName: e.name })
    .from(ra)
    .innerJoin(e, eq(e.id, ra.expertId))
    .where(inArray(ra.id, ids));
}

/** A whole draw in one statement: two array parameters, however many rows. */
export async function insertDrawn(tx: Tx, rows: { applicationId: string; expertId: string }[]) {
  if (rows.length === 0) return;
  const list = (ids: string[]) => `{${ids.join(',')}}`;
  await tx.execute(
    sql`insert into ${ra} (application_id, expert_id) select * from unnest(${list(rows.map((r) => r.applicationId))}::uuid[], ${list(rows.map((r) => r.expertId))}::uuid[])`,
  );
}

export async function insertAssignments(tx: Tx, rows: { applicationId: string; expertId: string }[]) {
  const out: (typeof ra.$inferSelect)[] = [];
  for (let i = 0; i < rows.length; i += 1000)
    out.push(
      ...(await tx
        .insert(ra)
        .values(rows.slice(i, i + 1000))
        .returning()),
    );
  return out;
}

/** Writes an assignment at the version its writer saw; undefined when someone changed it first. */
export async function updateAssignment(
  tx: Tx,
  id: string,
  version: number,
  set: Partial<typeof ra.$inferInsert>,
) {
  const [row] = await tx
    .update(ra)
    .set({ ...set, version: sql`${ra.version} + 1` })
    .where(and(eq(ra.id, id), eq(ra.version, version)))
    .returning();
  return row;
}

/** Every assignment of an application, with the expert's name: the panel as staff see it. */
export async function panelOf(tx: Tx, applicationId: string) {
  return tx
    .select({ assignment: ra, expertName: e.name })
    .from(ra)
    .innerJoin(e, eq(e.id, ra.expertId))
    .where(eq(ra.applicationId, applicationId))
    .orderBy(asc(ra.createdAt), asc(ra.id));
}

export async function activeTotals(tx: Tx, applicationId: string) {
  return tx
    .select({ status: ra.status, total: ra.total })
    .from(ra)
    .where(and(eq(ra.applicationId, applicationId), isActive));
}

/** The provisional panel score; the version stays, so nobody's open form goes stale for it. */
export async function setPanelScore(tx: Tx, applicationId: string, score: string | null) {
  await tx.update(a).set({ panelScore: score }).where(eq(a.id, applicationId));
}

// ---- the queue ----------------------------------------------------------------------------------

const reviewColumns = {
  id: ra.id,
  applicationId: ra.applicationId,
  applicationTitle: a.title,
  applicationState: a.state,
  orgName: organizations.name,
  field: a.field,
  callId: a.callId,
  callTitle: calls.title,
  expertId: ra.expertId,
  expertName: e.name,
  status: ra.status,
  total: ra.total,
  noConflictDeclaredAt: ra.noConflictDeclaredAt,
  submittedAt: ra.submittedAt,
  replacedReason: ra.replacedReason,
  version: ra.version,
  createdAt: ra.createdAt,
  reviewClosesOn: calls.reviewClosesOn,
};

const reviewDetailColumns = {
  ...reviewColumns,
  userId: e.userId,
  orgId: a.orgId,
  summary: a.summary,
  requestedAmount: a.requestedAmount,
  form: a.form,
  applicationSubmittedAt: a.submittedAt,
  rubric: calls.rubric,
  scores: ra.scores,
  comment: ra.comment,
};

/** Experts see the assignments bound to their account; staff see those of their scope. */
export function reviewWhere(scope: Scope, f: { status?: string; applicationId?: string }) {
  const conds = [
    scopeWhere(scope, { regionCode: a.regionCode, orgId: a.orgId, assignedTo: (u) => eq(e.userId, u) }),
  ];
  // Declined and replaced ones are history: shown when asked for, or on one application's panel.
  if (f.status) conds.push(eq(ra.status, f.status as 'assigned'));
  else if (!f.applicationId) conds.push(isActive);
  if (f.applicationId) conds.push(eq(ra.applicationId, f.applicationId));
  return and(...conds);
}

export async function listReviews(tx: Tx, where: SQL | undefined, limit: number, offset: number) {
  return (
    tx
      .select(reviewColumns)
      .from(ra)
      .innerJoin(e, eq(e.id, ra.expertId))
      .innerJoin(a, eq(a.id, ra.applicationId))
      .innerJoin(calls, eq(calls.id, a.callId))
      .leftJoin(organizations, eq(organizations.id, a.orgId))
      .where(where)
      // What is still to do comes first, the nearest deadline first; then the rest, newest first.
      .orderBy(
        sql`case when ${ra.status} in ('assigned', 'accepted') and ${a.state} = 'expert_review' then 0 else 1 end`,
        sql`${calls.reviewClosesOn} asc nulls last`,
        desc(ra.createdAt),
        asc(ra.id),
      )
      .limit(limit)
      .offset(offset)
  );
}

/** One expert's open and done tasks, and the nearest review deadline among the open ones. */
export async function reviewCounts(tx: Tx, userId: string) {
  const open = sql`${ra.status} in ('assigned', 'accepted') and ${a.state} = 'expert_review'`;
  const [row] = await tx
    .select({
      pending: sql<number>`count(*) filter (where ${open})::int`,
      toDeclare: sql<number>`count(*) filter (where ${ra.status} = 'assigned' and ${a.state} = 'expert_review')::int`,
      submitted: sql<number>`count(*) filter (where ${ra.status} = 'submitted')::int`,
      nextDeadline: sql<string | null>`min(${calls.reviewClosesOn}) filter (where ${open})::text`,
    })
    .from(ra)
    .innerJoin(e, eq(e.id, ra.expertId))
    .innerJoin(a, eq(a.id, ra.applicationId))
    .innerJoin(calls, eq(calls.id, a.callId))
    .where(eq(e.userId, userId));
  return row;
}

/** An attachment of the given application, with its content; undefined when it is another's. */
export async function attachmentOfApplication(tx: Tx, applicationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, id), eq(attachments.applicationId, applicationId)));
  return row;
}

export async function countReviews(tx: Tx, where: SQL | undefined) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(ra)
    .innerJoin(e, eq(e.id, ra.expertId))
    .innerJoin(a, eq(a.id, ra.applicationId))
    .where(where);
  return row.n;
}

/** One assignment with what its expert needs to review it. */
export async function getReview(tx: Tx, id: string) {
  const [row] = await tx
    .select(reviewDetailColumns)
    .from(ra)
    .innerJoin(e, eq(e.id, ra.expertId))
    .innerJoin(a, eq(a.id, ra.applicationId))
    .innerJoin(calls, eq(calls.id, a.callId))
    .leftJoin(organizations, eq(organizations.id, a.orgId))
    .where(eq(ra.id, id));
  return row;
}
