/**
 * The expert's side of the review: their queue, the declaration of no conflict of interest,
 * declining (a substitute is drawn), and scoring; and the panel's scores as staff see them.
 * An expert sees only assignments bound to their own account; anything else answers 404.
 */

import type {
  Panel,
  ReviewDetail,
  ReviewItem,
  ReviewListQuery,
  ReviewSummary,
  RubricCriterion,
  SubmitBody,
} from '../../../../domain/contracts/projects-review';
import { hasConflict } from '../../../../domain/expert-draw';
import { msg } from '../../../../domain/message';
import { panelScore } from '../../../../domain/projects';
import type { Tx } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import { type AuditContext, writeAudit } from '../../../platform/audit';
import { clock } from '../../../platform/clock';
import type { Deps } from '../../../platform/deps';
import { AppError, conflict, invalid, notFound } from '../../../platform/errors';
import { pageOf } from '../../../platform/listing';
import type { RegionTree } from '../../../platform/region-tree';
import { type Scope, scopeOf } from '../../../platform/scope';
import { annualStatsOf, getOrgListRow } from '../../registry/orgs-repo';
import { qualificationsOfOrg } from '../../registry/qualifications-repo';
import { attachmentsOf } from '../applications/applications-repo';
import {
  ASSIGNMENT,
  drawSubstitute,
  notUnderReview,
  presentAssignment,
  refreshPanelScore,
  staleAssignment,
} from './review-draw-service';
import {
  attachmentOfApplication,
  countReviews,
  expertWithConflicts,
  getApplication,
  getReview,
  listReviews,
  lockApplication,
  panelOf,
  reviewCounts,
  reviewWhere,
  updateAssignment,
} from './review-repo';

const iso = (v: Date | string) => new Date(v).toISOString();
const isoOrNull = (v: Date | string | null) => (v === null ? null : iso(v));
type ReviewRow = Awaited<ReturnType<typeof listReviews>>[number];

function presentItem(r: ReviewRow): ReviewItem {
  return {
    id: r.id,
    applicationId: r.applicationId,
    applicationTitle: r.applicationTitle,
    applicationState: r.applicationState,
    orgName: r.orgName,
    field: r.field,
    callId: r.callId,
    callTitle: r.callTitle,
    expertId: r.expertId,
    expertName: r.expertName,
    status: r.status,
    replacedReason: r.replacedReason,
    version: r.version,
    reviewClosesOn: r.reviewClosesOn,
    total: r.total === null ? null : Number(r.total),
    noConflictDeclaredAt: isoOrNull(r.noConflictDeclaredAt),
    submittedAt: isoOrNull(r.submittedAt),
    createdAt: iso(r.createdAt),
  };
}

/** Staff who manage projects see the assignments of their scope; everyone else only their own. */
function reviewScope(deps: Deps, actor: Actor): Scope {
  return actor.permissions.has('projects.manage')
    ? scopeOf(actor, deps.regions)
    : { kind: 'assigned', userId: actor.id };
}

export async function listReviewPage(deps: Deps, actor: Actor, q: ReviewListQuery) {
  const where = reviewWhere(reviewScope(deps, actor), q);
  const { limit, offset } = pageOf(q);
  const [rows, total] = await Promise.all([
    listReviews(deps.db, where, limit, offset),
    countReviews(deps.db, where),
  ]);
  return { items: rows.map(presentItem), total };
}

/** The caller's own live assignment, or 404 as if it did not exist. */
async function ownReview(tx: Tx, actor: Actor, id: string) {
  const row = await getReview(tx, id);
  if (!row || row.userId !== actor.id || row.status === 'declined' || row.status === 'replaced')
    throw notFound(ASSIGNMENT);
  return row;
}

type DetailRow = NonNullable<Awaited<ReturnType<typeof getReview>>>;
export type Withheld = 'declare' | 'closed' | 'conflict';

/**
 * Why the expert may not read the application in full now, or null when they may: only an expert
 * on the panel, who has declared no conflict of interest (and has none on record), during the review.
 */
async function withheldFrom(tx: Tx, r: DetailRow): Promise<Withheld | null> {
  if (r.applicationState !== 'expert_review') return 'closed';
  if (r.status === 'assigned') return 'declare';
  const expert = await expertWithConflicts(tx, r.expertId);
  if (!expert || hasConflict(expert, r.orgId, clock.today())) return 'conflict';
  return null;
}

/** The applicant's 一企一档 in brief: the registry record, qualifications valid today, latest figures. */
async function applicantProfile(tx: Tx, regions: RegionTree, orgId: string) {
  const [org, quals, stats] = await Promise.all([
    getOrgListRow(tx, orgId),
    qualificationsOfOrg(tx, orgId),
    annualStatsOf(tx, orgId),
  ]);
  if (!org) return null;
  return {
    name: org.name,
    uscc: org.uscc,
    kind: org.kind,
    regionName: regions.get(org.regionCode)?.name ?? org.regionName,
    industryCode: org.industryCode,
    industryName: org.industryName,
    foundedOn: org.foundedOn,
    aboveSize: org.aboveSize,
    qualifications: quals
      .filter((q) => q.valid)
      .map((q) => ({ typeName: q.typeName, issuedOn: q.issuedOn, validUntil: q.validUntil })),
    stats: [...stats]
      .sort((x, y) => y.year - x.year)
      .slice(0, 3)
      .map((s) => ({
        year: s.year,
        revenue: s.revenue,
        rdExpense: s.rdExpense,
        staff: s.staff,
        stStaff: s.stStaff,
      })),
  };
}

export async function reviewDetail(
  tx: Tx,
  actor: Actor,
  id: string,
  regions: RegionTree,
  /** False in the answer to a write: the page reads the application again with GET. */
  withApplication = true,
): Promise<ReviewDetail> {
  const r = await ownReview(tx, actor, id);
  const open = r.applicationState === 'expert_review';
  const withheld = await withheldFrom(tx, r);
  let application: ReviewDetail['application'] = null;
  if (withheld === null && withApplication) {
    const [files, applicant] = await Promise.all([
      attachmentsOf(tx, r.applicationId),
      applicantProfile(tx, regions, r.orgId),
    ]);
    application = {
      title: r.applicationTitle,
      summary: r.summary,
      field: r.field,
      requestedAmount: r.requestedAmount,
      submittedAt: isoOrNull(r.applicationSubmittedAt),
      form: r.form as Record<string, unknown>,
      attachments: files.map((f) => ({ ...f, uploadedAt: iso(f.uploadedAt) })),
      applicant,
    };
  }
  return {
    ...presentItem(r),
    summary: r.summary,
    application,
    withheld,
    rubric: r.rubric as RubricCriterion[],
    scores: r.scores as Record<string, number> | null,
    comment: r.comment,
    abilities: {
      declare: open && r.status === 'assigned',
      decline: open && (r.status === 'assigned' || r.status === 'accepted'),
      submit: open && (r.status === 'accepted' || r.status === 'submitted'),
    },
  };
}

export async function reviewSummary(deps: Deps, actor: Actor): Promise<ReviewSummary> {
  const c = await reviewCounts(deps.db, actor.id);
  return { pending: c.pending, toDeclare: c.toDeclare, submitted: c.submitted, nextDeadline: c.nextDeadline };
}

const WITHHELD = {
  declare: msg(
    '请先声明与该项目无利益冲突，再查阅申报材料',
    'Declare no conflict of interest before reading the application',
  ),
  closed: msg(
    '评审已结束，申报材料不再开放查阅',
    'The review is over; the application is no longer open to read',
  ),
  conflict: msg(
    '存在利益冲突，不能查阅该项目材料',
    'You have a conflict of interest and cannot read this application',
  ),
};

/**
 * An attachment of the application under review, for the expert assigned to it: only after the
 * declaration of no conflict, while the review runs; another application's file answers 404.
 */
export async function reviewAttachment(deps: Deps, actor: Actor, id: string, attachmentId: string) {
  const r = await ownReview(deps.db, actor, id);
  const withheld = await withheldFrom(deps.db, r);
  if (withheld) throw new AppError(403, 'forbidden', WITHHELD[withheld]);
  const file = await attachmentOfApplication(deps.db, r.applicationId, attachmentId);
  if (!file) throw notFound(msg('附件', 'attachment'));
  return file;
}

const conflictOfInterest = () =>
  conflict(
    msg('存在利益冲突，不能评审该项目', 'You have a conflict of interest and cannot review this application'),
    'conflict',
  );

/** Locks the application, then re-reads the assignment: the order every review write keeps. */
async function lockOwn(tx: Tx, actor: Actor, id: string) {
  const first = await ownReview(tx, actor, id);
  const app = await lockApplication(tx, first.applicationId);
  const row = await ownReview(tx, actor, id);
  if (app.state !== 'expert_review') throw notUnderReview();
  return { app, row };
}

/** An expert never reviews where they have a conflict, even one recorded after the draw. */
async function assertNoConflict(tx: Tx, expertId: string, applicantOrgId: string) {
  const expert = await expertWithConflicts(tx, expertId);
  if (!expert || hasConflict(expert, applicantOrgId, clock.today())) throw conflictOfInterest();
}

export async function declareNoConflict(deps: Deps, ctx: AuditContext, actor: Actor, id: string) {
  await deps.db.transaction(async (tx) => {
    const { app, row } = await lockOwn(tx, actor, id);
    if (row.status !== 'assigned') return;
    await assertNoConflict(tx, row.expertId, app.orgId);
    const now = clock.now();
    const after = await updateAssignment(tx, id, row.version, {
      status: 'accepted',
      noConflictDeclaredAt: now,
    });
    if (!after) throw staleAssignment();
    await writeAudit(tx, ctx, {
      action: 'review.declare-no-conflict',
      targetType: 'review_assignment',
      targetId: id,
      after: { status: 'accepted', noConflictDeclaredAt: now },
    });
  });
  // Read after the commit: the whole application is not read under the application's lock.
  return reviewDetail(deps.db, actor, id, deps.regions);
}

/** The expert steps back (回避 or unavailable), saying why; a substitute is drawn at once. */
export async function declineReview(deps: Deps, ctx: AuditContext, actor: Actor, id: string, reason: string) {
  return deps.db.transaction(async (tx) => {
    const { app, row } = await lockOwn(tx, actor, id);
    if (row.status === 'submitted')
      throw conflict(
        msg('已提交评分，不能回避', 'Scores are submitted; the review cannot be declined'),
        'status',
      );
    const after = await updateAssignment(tx, id, row.version, { status: 'declined', replacedReason: reason });
    if (!after) throw staleAssignment();
    const { substitute } = await drawSubstitute(tx, app);
    await writeAudit(tx, ctx, {
      action: 'review.decline',
      targetType: 'review_assignment',
      targetId: id,
      before: { status: row.status },
      after: { status: 'declined', reason, substitute: substitute?.expertId ?? null },
    });
    return presentItem({ ...row, status: after.status, version: after.version, replacedReason: reason });
  });
}

/** Every criterion scored, within 0 … its maximum; the message names the criterion. */
function checkScores(rubric: RubricCriterion[], scores: Record<string, number>): number {
  const known = new Set(rubric.map((c) => c.code));
  const stray = Object.keys(scores).find((k) => !known.has(k));
  if (stray) throw invalid(`scores.${stray}`, msg(`评分项不存在：${stray}`, `No such criterion: ${stray}`));
  let total = 0;
  for (const c of rubric) {
    const points = scores[c.code];
    const field = `scores.${c.code}`;
    if (points === undefined)
      throw invalid(field, msg(`请为「${c.name}」评分`, `Score the criterion "${c.nameEn}"`));
    if (!Number.isFinite(points) || points < 0 || points > c.max)
      throw invalid(
        field,
        msg(`「${c.name}」的得分应在 0 到 ${c.max} 之间`, `"${c.nameEn}" must be between 0 and ${c.max}`),
      );
    if (Math.round(points * 100) !== points * 100)
      throw invalid(field, msg(`「${c.name}」的得分最多两位小数`, `"${c.nameEn}": at most two decimals`));
    total += Math.round(points * 100);
  }
  return total / 100;
}

export async function submitReview(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: SubmitBody,
) {
  await deps.db.transaction(async (tx) => {
    const { app, row } = await lockOwn(tx, actor, id);
    const total = checkScores(row.rubric as RubricCriterion[], body.scores);
    if (row.status === 'assigned')
      throw conflict(
        msg('请先声明与该项目无利益冲突', 'Declare that you have no conflict of interest first'),
        'noConflictDeclaredAt',
      );
    await assertNoConflict(tx, row.expertId, app.orgId);
    if (body.version !== row.version) throw staleAssignment();
    const now = clock.now();
    const after = await updateAssignment(tx, id, body.version, {
      status: 'submitted',
      scores: body.scores,
      total: total.toFixed(2),
      comment: body.comment,
      submittedAt: now,
    });
    if (!after) throw staleAssignment();
    await refreshPanelScore(tx, app.id);
    // The audit entry last: its lock serialises every writer of the chain until commit, so it is
    // held for one insert, not for the rest of the work (200 experts may submit at once).
    await writeAudit(tx, ctx, {
      action: 'review.submit',
      targetType: 'review_assignment',
      targetId: id,
      before: row.status === 'submitted' ? { scores: row.scores, total: row.total } : undefined,
      after: { scores: body.scores, total: total.toFixed(2) },
    });
  });
  // Read after the commit, so 200 experts submitting at once hold the locks only for the writes;
  // without the application, which the page reads again.
  return reviewDetail(deps.db, actor, id, deps.regions, false);
}

/** The panel of an application: each expert's scores, and which totals the panel score drops. */
export async function applicationPanel(deps: Deps, id: string): Promise<Panel> {
  const app = await getApplication(deps.db, id);
  if (!app) throw notFound(msg('申报', 'application'));
  const rows = await panelOf(deps.db, id);
  const submitted = rows
    .filter((r) => r.assignment.status === 'submitted' && r.assignment.total !== null)
    .sort(
      (x, y) =>
        Number(x.assignment.total) - Number(y.assignment.total) ||
        iso(x.assignment.submittedAt!).localeCompare(iso(y.assignment.submittedAt!)) ||
        x.assignment.id.localeCompare(y.assignment.id),
    );
  const trimmed = submitted.length >= 5;
  const lowest = trimmed ? submitted[0].assignment.id : null;
  const highest = trimmed ? submitted[submitted.length - 1].assignment.id : null;
  return {
    applicationId: app.id,
    title: app.title,
    state: app.state,
    rubric: app.rubric as RubricCriterion[],
    panelScore: panelScore(submitted.map((r) => Number(r.assignment.total))),
    trimmed,
    active: rows.filter((r) => r.assignment.status !== 'declined' && r.assignment.status !== 'replaced')
      .length,
    submitted: submitted.length,
    experts: rows.map((r) => ({
      ...presentAssignment(r),
      scores: r.assignment.scores as Record<string, number> | null,
      comment: r.assignment.comment,
      dropped: r.assignment.id === highest ? 'highest' : r.assignment.id === lowest ? 'lowest' : null,
    })),
  };
}
