import type { z } from 'zod';
import type {
  Call,
  CallBody,
  CallStatus,
  callUpdateSchema,
  EligibilityRule,
  requiredAttachmentSchema,
  rubricCriterionSchema,
} from '../../../../domain/contracts/projects';
import { creditRefusal } from '../../../../domain/credit';
import { type Msg, msg } from '../../../../domain/message';
import type { Tx } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import { type AuditContext, writeAudit } from '../../../platform/audit';
import { clock } from '../../../platform/clock';
import type { Deps } from '../../../platform/deps';
import { conflict, invalid, notFound } from '../../../platform/errors';
import type { Viewer } from '../../../platform/scope';
import { activeCreditOf } from '../../credit/repo';
import { cents, wan } from '../money';
import { hasAnyProjectPermission } from '../policy';
import {
  type CallFilters,
  type CallQuery,
  type CallRow,
  callsAfter,
  committedFunding,
  countCalls,
  getCall,
  insertCall,
  knownFieldCodes,
  listCalls,
  orgApplicationCounts,
  programmeExists,
  qualificationTypeExists,
  updateCallRow,
} from './calls-repo';

export const CALL = msg('申报指南', 'call');
const DAY_MS = 86_400_000;
const iso = (v: Date | string) => new Date(v).toISOString();

type Attachment = z.infer<typeof requiredAttachmentSchema>;
type Criterion = z.infer<typeof rubricCriterionSchema>;

/** The call's configuration as typed values (jsonb columns are written only through the contract). */
export function callRules(r: Pick<CallRow, 'eligibility' | 'requiredAttachments' | 'rubric'>) {
  return {
    eligibility: r.eligibility as EligibilityRule[],
    requiredAttachments: r.requiredAttachments as Attachment[],
    rubric: r.rubric as Criterion[],
  };
}

export function isOpen(r: Pick<CallRow, 'opensAt' | 'closesAt'>, now = clock.now()): boolean {
  return r.opensAt.getTime() <= now.getTime() && now.getTime() < r.closesAt.getTime();
}

export function callStatus(r: Pick<CallRow, 'opensAt' | 'closesAt'>, now = clock.now()): CallStatus {
  if (now.getTime() < r.opensAt.getTime()) return 'upcoming';
  return isOpen(r, now) ? 'open' : 'closed';
}

/** Beijing time, to the minute: how the applicant reads the call's dates. */
const cst = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * Whether the organisation may start an application to this call now, and why not: the call's
 * period and the per-applicant limit, the two things creating one would refuse.
 */
export function applyAbility(
  r: CallRow,
  used: number,
  now = clock.now(),
  credit: Msg | null = null,
): NonNullable<Call['apply']> {
  const status = callStatus(r, now);
  const no = (reason: Msg) => ({ allowed: false, used, reason });
  // 科研诚信: under a credit record in force, nothing new is filed, and the list says why.
  if (credit && status === 'open') return no(credit);
  if (status === 'upcoming')
    return no(msg(`未开始，${cst(r.opensAt)} 开放申报`, `Not open yet: opens ${cst(r.opensAt)} (UTC+8)`));
  if (status === 'closed')
    return no(msg(`已于 ${cst(r.closesAt)} 截止`, `Closed at ${cst(r.closesAt)} (UTC+8)`));
  if (used >= r.maxPerApplicant)
    return no(
      msg(
        `本单位在该指南下限报 ${r.maxPerApplicant} 项，已申报 ${used} 项，已达上限`,
        `Your organisation may file ${r.maxPerApplicant} application(s) to this call and has ${used}: the limit is reached`,
      ),
    );
  return { allowed: true, used, reason: null };
}

/** The calls as the actor sees them: with, for an applicant, whether it may still apply to each. */
async function presentCalls(tx: Tx, actor: Actor, rows: CallRow[], now: Date): Promise<Call[]> {
  const applicant = actor.permissions.has('projects.apply') && actor.orgId !== null;
  const used = applicant
    ? await orgApplicationCounts(
        tx,
        actor.orgId!,
        rows.map((r) => r.id),
      )
    : new Map<string, number>();
  const record = applicant
    ? await activeCreditOf(tx, { orgId: actor.orgId, userId: actor.id }, clock.today())
    : undefined;
  const credit = record ? creditRefusal(record) : null;
  return rows.map((r) => ({
    ...presentCall(r, now),
    apply: applicant ? applyAbility(r, used.get(r.id) ?? 0, now, credit) : null,
  }));
}

export async function callFor(tx: Tx, actor: Actor, id: string): Promise<Call> {
  const row = await loadCall(tx, actor, id);
  const [call] = await presentCalls(tx, actor, [row], clock.now());
  return call;
}

export function presentCall(r: CallRow, now = clock.now()): Call {
  return {
    id: r.id,
    programmeCode: r.programmeCode,
    programmeName: r.programmeName,
    year: r.year,
    title: r.title,
    opensAt: iso(r.opensAt),
    closesAt: iso(r.closesAt),
    open: isOpen(r, now),
    status: callStatus(r, now),
    reviewClosesOn: r.reviewClosesOn,
    apply: null,
    budget: wan(cents(r.budget)),
    fundingCap: wan(cents(r.fundingCap)),
    maxPerApplicant: r.maxPerApplicant,
    ...callRules(r),
    expertsPerApplication: r.expertsPerApplication,
    reviewFields: r.reviewFields,
    publicityDays: r.publicityDays,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

/**
 * The calls list for the list kit: calls are not scoped by region or organisation but by
 * permission — a user without any project permission (the administrators) sees none, in the page,
 * the download and the background export alike, as if there were nothing.
 */
export async function callPage(deps: Deps, viewer: Viewer, q: CallQuery, limit: number, offset: number) {
  if (!hasAnyProjectPermission(viewer.actor)) return [];
  const now = clock.now();
  return presentCalls(deps.db, viewer.actor, await listCalls(deps.db, q, now, limit, offset), now);
}

export async function callCount(deps: Deps, viewer: Viewer, f: CallFilters) {
  return hasAnyProjectPermission(viewer.actor) ? countCalls(deps.db, f, clock.now()) : 0;
}

/** The calls after `afterId` in id order, for the export's keyset batches. */
export async function callsAfterId(
  deps: Deps,
  viewer: Viewer,
  f: CallFilters,
  afterId: string | null,
  limit: number,
) {
  if (!hasAnyProjectPermission(viewer.actor)) return [];
  const now = clock.now();
  return (await callsAfter(deps.db, f, now, afterId, limit)).map((r) => presentCall(r, now));
}

/** A call, for anyone working with projects (404 for the rest, as for a call that does not exist). */
export async function loadCall(tx: Tx, actor: Actor, id: string, forUpdate = false): Promise<CallRow> {
  const row = hasAnyProjectPermission(actor) ? await getCall(tx, id, forUpdate) : undefined;
  if (!row) throw notFound(CALL);
  return row;
}

function duplicates(codes: string[]): string[] {
  return codes.filter((c, i) => codes.indexOf(c) !== i);
}

/** Every rule a call must satisfy, checked on the merged record (creation and each change). */
async function checkCall(tx: Tx, deps: Deps, c: CallBody) {
  if (!(await programmeExists(tx, c.programmeCode)))
    throw invalid('programmeCode', msg('计划类别不存在', 'No such programme'));
  const opens = new Date(c.opensAt).getTime();
  const closes = new Date(c.closesAt).getTime();
  if (closes <= opens)
    throw invalid('closesAt', msg('截止时间须晚于开始时间', 'The call must close after it opens'));
  if (closes - opens < DAY_MS)
    throw invalid('closesAt', msg('申报期不得少于 1 天', 'The call must stay open for at least one day'));
  if (c.reviewClosesOn && c.reviewClosesOn < cst(new Date(c.closesAt)).slice(0, 10))
    throw invalid(
      'reviewClosesOn',
      msg('评审截止日期不得早于申报截止日期', 'The review cannot close before the call does'),
    );
  if (cents(c.budget) <= 0n) throw invalid('budget', msg('预算须大于 0', 'The budget must be positive'));
  if (cents(c.fundingCap) <= 0n)
    throw invalid('fundingCap', msg('单项资助上限须大于 0', 'The funding cap must be positive'));
  if (cents(c.fundingCap) > cents(c.budget))
    throw invalid('fundingCap', msg('单项资助上限不得超过预算', 'The funding cap cannot exceed the budget'));
  const dupCriteria = duplicates(c.rubric.map((r) => r.code));
  if (dupCriteria.length > 0)
    throw invalid(
      'rubric',
      msg(`评分项编码重复：${dupCriteria[0]}`, `Duplicate criterion code ${dupCriteria[0]}`),
    );
  const dupAttachments = duplicates(c.requiredAttachments.map((r) => r.code));
  if (dupAttachments.length > 0) {
    throw invalid(
      'requiredAttachments',
      msg(`附件编码重复：${dupAttachments[0]}`, `Duplicate attachment code ${dupAttachments[0]}`),
    );
  }
  for (const [i, rule] of c.eligibility.entries()) {
    if (rule.type === 'valid_qualification') {
      if (!(await qualificationTypeExists(tx, rule.qualification)))
        throw invalid(
          `eligibility.${i}.qualification`,
          msg(`资质类型不存在：${rule.qualification}`, `No such qualification type: ${rule.qualification}`),
        );
    }
    if (rule.type === 'region_in') {
      const unknown = rule.regions.find((r) => !deps.regions.get(r));
      if (unknown)
        throw invalid(
          `eligibility.${i}.regions`,
          msg(`区域不存在：${unknown}`, `No such region: ${unknown}`),
        );
    }
  }
  if (c.reviewFields.length > 0) {
    const known = await knownFieldCodes(tx, c.reviewFields);
    const unknown = c.reviewFields.find((f) => !known.includes(f));
    if (unknown)
      throw invalid('reviewFields', msg(`技术领域不存在：${unknown}`, `No such high-tech field: ${unknown}`));
  }
}

function values(c: CallBody) {
  return { ...c, opensAt: new Date(c.opensAt), closesAt: new Date(c.closesAt) };
}

export async function createCall(deps: Deps, ctx: AuditContext, actor: Actor, body: CallBody) {
  return deps.db.transaction(async (tx) => {
    await checkCall(tx, deps, body);
    const row = await insertCall(tx, { ...values(body), createdBy: actor.username });
    await writeAudit(tx, ctx, { action: 'call.create', targetType: 'call', targetId: row.id, after: row });
    return presentCall((await getCall(tx, row.id))!);
  });
}

export async function updateCall(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof callUpdateSchema>,
) {
  return deps.db.transaction(async (tx) => {
    const before = await loadCall(tx, actor, id, true);
    const merged: CallBody = {
      programmeCode: body.programmeCode ?? before.programmeCode,
      year: body.year ?? before.year,
      title: body.title ?? before.title,
      opensAt: body.opensAt ?? iso(before.opensAt),
      closesAt: body.closesAt ?? iso(before.closesAt),
      budget: body.budget ?? before.budget,
      fundingCap: body.fundingCap ?? before.fundingCap,
      maxPerApplicant: body.maxPerApplicant ?? before.maxPerApplicant,
      eligibility: body.eligibility ?? callRules(before).eligibility,
      requiredAttachments: body.requiredAttachments ?? callRules(before).requiredAttachments,
      rubric: body.rubric ?? callRules(before).rubric,
      expertsPerApplication: body.expertsPerApplication ?? before.expertsPerApplication,
      reviewFields: body.reviewFields ?? before.reviewFields,
      publicityDays: body.publicityDays ?? before.publicityDays,
      reviewClosesOn: body.reviewClosesOn === undefined ? before.reviewClosesOn : body.reviewClosesOn,
    };
    await checkCall(tx, deps, merged);
    if (body.budget !== undefined) {
      const f = await committedFunding(tx, id);
      const committed = cents(f.proposed) + cents(f.approved) + cents(f.terminatedPaid);
      if (cents(body.budget) < committed)
        throw conflict(
          msg(
            `预算不得低于已拟立项和已批准的资金 ${wan(committed)} 万元`,
            `The budget cannot fall below the ${wan(committed)} (万元) already proposed or approved`,
          ),
          'budget',
        );
    }
    const after = await updateCallRow(tx, id, { ...values(merged), updatedAt: new Date() });
    const { programmeName: _p, ...beforeRow } = before;
    await writeAudit(tx, ctx, {
      action: 'call.update',
      targetType: 'call',
      targetId: id,
      before: beforeRow,
      after,
    });
    return presentCall((await getCall(tx, id))!);
  });
}
