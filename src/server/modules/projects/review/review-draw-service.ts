/**
 * Drawing experts for a call's applications, and substitutes for those who decline or are
 * replaced. The rules are the pure `drawExperts` (src/domain/expert-draw.ts); here the pool is
 * loaded (two queries), the result written in one transaction with one audit entry, and the
 * experts told.
 */
import { randomUUID } from 'node:crypto';
import { type DrawExpert, type DrawShortfall, drawExperts } from '../../../../domain/expert-draw';
import { type Msg, msg } from '../../../../domain/message';
import { panelScore } from '../../../../domain/projects';
import type { Tx } from '../../../db/client';
import type { reviewAssignments } from '../../../db/schema';
import { type AuditContext, writeAudit } from '../../../platform/audit';
import { clock } from '../../../platform/clock';
import type { Deps } from '../../../platform/deps';
import { conflict, notFound } from '../../../platform/errors';
import { getCall } from '../calls/calls-repo';
import { notify } from '../notifications/notify';
import { appointedSubstitute } from './review-appoint-service';
import {
  activePool,
  activeTotals,
  applicationsUnderReview,
  assignmentsOfCall,
  assignmentsWithNames,
  expertIdsOn,
  getAssignment,
  insertAssignments,
  insertDrawn,
  lockApplication,
  setPanelScore,
  updateAssignment,
} from './review-repo';

export const ASSIGNMENT = msg('评审任务', 'review assignment');
export const REVIEWS_LINK = '/projects/reviews';
const ACTIVE = new Set(['assigned', 'accepted', 'submitted']);

export function shortfallMessage(s: Pick<DrawShortfall, 'wanted' | 'drawn' | 'reason' | 'conflicted'>): Msg {
  return s.reason === 'pool'
    ? msg(
        `专家库人数不足：需 ${s.wanted} 人，仅抽取到 ${s.drawn} 人`,
        `The pool is too small: ${s.wanted} wanted, ${s.drawn} drawn`,
      )
    : msg(
        `回避后可用专家不足：需 ${s.wanted} 人，仅抽取到 ${s.drawn} 人（${s.conflicted} 人因利益冲突回避）`,
        `Too few experts without a conflict of interest: ${s.wanted} wanted, ${s.drawn} drawn (${s.conflicted} avoided)`,
      );
}

/** The active pool as the drawing takes it, and whose account each expert is. */
async function loadPool(tx: Tx) {
  const { experts, conflicts } = await activePool(tx);
  const byExpert = new Map<string, DrawExpert['conflicts'][number][]>();
  for (const c of conflicts) {
    const list = byExpert.get(c.expertId) ?? [];
    list.push({ orgId: c.orgId, reason: c.reason, endedOn: c.endedOn });
    byExpert.set(c.expertId, list);
  }
  const pool: DrawExpert[] = experts.map((x) => ({
    id: x.id,
    orgId: x.orgId,
    fields: x.fields,
    conflicts: byExpert.get(x.id) ?? [],
    load: x.load,
  }));
  return { pool, userOf: new Map(experts.map((x) => [x.id, x.userId])) };
}

/** Tells each expert with an account how many new reviews they have. */
async function notifyExperts(tx: Tx, userOf: Map<string, string | null>, expertIds: string[]) {
  const perUser = new Map<string, number>();
  for (const id of expertIds) {
    const user = userOf.get(id);
    if (user) perUser.set(user, (perUser.get(user) ?? 0) + 1);
  }
  const byCount = new Map<number, string[]>();
  for (const [user, n] of perUser) byCount.set(n, [...(byCount.get(n) ?? []), user]);
  let notified = 0;
  for (const [n, users] of byCount) {
    notified += await notify(tx, users, {
      kind: 'review_assigned',
      title: msg(`您有 ${n} 个新的项目评审任务`, `You have ${n} new application(s) to review`),
      link: REVIEWS_LINK,
    });
  }
  return notified;
}

export async function drawForCall(deps: Deps, ctx: AuditContext, callId: string) {
  return deps.db.transaction(async (tx) => {
    // The call's row lock makes two draws of one call take turns; the second finds nothing to do.
    const call = await getCall(tx, callId, true);
    if (!call) throw notFound(msg('申报指南', 'call'));
    const apps = await applicationsUnderReview(tx, callId);
    const existing = await assignmentsOfCall(tx, callId);
    const onApp = new Map<string, { active: number; ever: string[] }>();
    for (const r of existing) {
      const entry = onApp.get(r.applicationId) ?? { active: 0, ever: [] };
      entry.ever.push(r.expertId);
      if (ACTIVE.has(r.status)) entry.active++;
      onApp.set(r.applicationId, entry);
    }
    const wanting = apps
      .map((a) => ({
        ...a,
        need: call.expertsPerApplication - (onApp.get(a.id)?.active ?? 0),
        exclude: onApp.get(a.id)?.ever ?? [],
      }))
      .filter((a) => a.need > 0);
    const seed = randomUUID();
    if (wanting.length === 0)
      return { applications: 0, assigned: 0, outOfField: 0, notified: 0, seed, shortfalls: [] };
    const { pool, userOf } = await loadPool(tx);
    const result = drawExperts({
      applications: wanting,
      experts: pool,
      perApplication: call.expertsPerApplication,
      today: clock.today(),
      seed,
    });
    await insertDrawn(tx, result.assignments);
    const notified = await notifyExperts(
      tx,
      userOf,
      result.assignments.map((a) => a.expertId),
    );
    const titles = new Map(apps.map((a) => [a.id, a.title]));
    const shortfalls = result.shortfalls.map((s) => ({
      applicationId: s.applicationId,
      title: titles.get(s.applicationId) ?? '',
      wanted: s.wanted,
      drawn: s.drawn,
      reason: s.reason,
      message: shortfallMessage(s).zh,
    }));
    const summary = {
      applications: wanting.length,
      assigned: result.assignments.length,
      outOfField: result.assignments.filter((a) => a.outOfField).length,
      notified,
      seed,
      shortfalls,
    };
    await writeAudit(tx, ctx, {
      action: 'review.draw',
      targetType: 'call',
      targetId: callId,
      after: { ...summary, pool: pool.length, today: clock.today() },
    });
    return summary;
  });
}

type Assignment = typeof reviewAssignments.$inferSelect;

const isoOrNull = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export function presentAssignment(r: { assignment: Assignment; expertName: string }) {
  const x = r.assignment;
  return {
    id: x.id,
    applicationId: x.applicationId,
    expertId: x.expertId,
    expertName: r.expertName,
    status: x.status,
    total: x.total === null ? null : Number(x.total),
    replacedReason: x.replacedReason,
    submittedAt: isoOrNull(x.submittedAt),
    createdAt: new Date(x.createdAt).toISOString(),
  };
}

/**
 * Draws one substitute for an application under the same rules, never an expert who is or was on
 * it. Runs inside the caller's transaction, after it has locked the application.
 */
export async function drawSubstitute(
  tx: Tx,
  app: { id: string; orgId: string; field: string | null },
): Promise<{ substitute: Assignment | null; shortfall: Msg | null }> {
  const exclude = await expertIdsOn(tx, app.id);
  const { pool, userOf } = await loadPool(tx);
  const result = drawExperts({
    applications: [{ ...app, need: 1, exclude }],
    experts: pool,
    perApplication: 1,
    today: clock.today(),
    seed: randomUUID(),
  });
  if (result.assignments.length === 0)
    return { substitute: null, shortfall: shortfallMessage(result.shortfalls[0]) };
  const [substitute] = await insertAssignments(tx, result.assignments);
  await notifyExperts(tx, userOf, [substitute.expertId]);
  return { substitute, shortfall: null };
}

/** The provisional panel score: stored once every active expert has submitted, else cleared. */
export async function refreshPanelScore(tx: Tx, applicationId: string) {
  const active = await activeTotals(tx, applicationId);
  const complete = active.length > 0 && active.every((r) => r.status === 'submitted' && r.total !== null);
  const score = complete ? panelScore(active.map((r) => Number(r.total))) : null;
  await setPanelScore(tx, applicationId, score === null ? null : score.toFixed(2));
}

export const notUnderReview = () =>
  conflict(msg('该申报不在专家评审阶段', 'The application is not under expert review'), 'state');
export const staleAssignment = () =>
  conflict(
    msg('该评审任务已被他人更新，请刷新后重试', 'Someone has just changed this review; reload and try again'),
    'version',
  );

/**
 * Staff take an expert off a panel, with the reason recorded; a substitute is drawn, or staff name
 * one (`expertId`, review-appoint-service.ts) under the same rules.
 */
export async function replaceAssignment(
  deps: Deps,
  ctx: AuditContext,
  id: string,
  reason: string,
  expertId?: string,
) {
  return deps.db.transaction(async (tx) => {
    const found = await getAssignment(tx, id);
    if (!found) throw notFound(ASSIGNMENT);
    // The application's lock first, as every review write takes it; then the row as it now is.
    const app = await lockApplication(tx, found.applicationId);
    const current = (await getAssignment(tx, id))!;
    if (app.state !== 'expert_review') throw notUnderReview();
    if (!ACTIVE.has(current.status))
      throw conflict(
        msg('该专家已回避或已被替换', 'This expert has already declined or been replaced'),
        'status',
      );
    const replaced = await updateAssignment(tx, id, current.version, {
      status: 'replaced',
      replacedReason: reason,
    });
    if (!replaced) throw staleAssignment();
    const { substitute, shortfall } = expertId
      ? await appointedSubstitute(tx, app, expertId, REVIEWS_LINK)
      : await drawSubstitute(tx, app);
    await refreshPanelScore(tx, app.id);
    await writeAudit(tx, ctx, {
      action: 'review.replace',
      targetType: 'review_assignment',
      targetId: id,
      before: { status: current.status, expertId: current.expertId },
      after: {
        status: 'replaced',
        reason,
        substitute: substitute?.expertId ?? null,
        ...(expertId ? { appointed: true } : {}),
      },
    });
    const named = await assignmentsWithNames(tx, substitute ? [id, substitute.id] : [id]);
    const ids = substitute ? [id, substitute.id] : [id];
    const [r, sub] = ids.map((x) => presentAssignment(named.find((n) => n.assignment.id === x)!));
    return { replaced: r, substitute: sub ?? null, shortfall: shortfall?.zh ?? null };
  });
}
