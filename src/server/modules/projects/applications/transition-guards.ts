/**
 * What an action needs besides the right state and role: the deadline and eligibility for a
 * submission, the budget for a proposal, the publicity period before 立项, the experts' scores before
 * the review closes. Each guard returns the columns its action sets besides the state.
 */
import type { ActionBody } from '../../../../domain/contracts/projects';
import { creditRefusal } from '../../../../domain/credit';
import { msg } from '../../../../domain/message';
import { type ActionCode, addWorkingDays, panelScore } from '../../../../domain/projects';
import type { Tx } from '../../../db/client';
import type { applications } from '../../../db/schema';
import type { Deps } from '../../../platform/deps';
import { AppError, conflict, invalid } from '../../../platform/errors';
import { activeCreditOf } from '../../credit/repo';
import { type CallRow, committedFunding } from '../calls/calls-repo';
import { cents, wan } from '../money';
import { FINAL_REPORT, publicityOver } from '../policy';
import { activeTotals } from '../review/review-repo';
import type { ApplicationRecord } from './applications-repo';
import { hasAttachmentOfKind } from './attachments-repo';
import { evaluateEligibility } from './eligibility';
import { checkDeclaration, recordSubmission } from './submissions';

export interface GuardInput {
  tx: Tx;
  deps: Deps;
  app: ApplicationRecord;
  call: CallRow;
  body: ActionBody;
  now: Date;
  /** Today in China Standard Time. */
  today: string;
  actorId: string;
}
type Set = Partial<typeof applications.$inferInsert>;
type Guard = (g: GuardInput) => Promise<Set>;

const fmt = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

async function submit({ tx, deps, app, call, body, now, today, actorId }: GuardInput): Promise<Set> {
  checkDeclaration(body);
  // 科研诚信: a credit record in force on the organisation or the applicant refuses the submission.
  const record = await activeCreditOf(tx, { orgId: app.orgId, userId: actorId }, today);
  if (record) throw conflict(creditRefusal(record), 'credit');
  // A returned application may be corrected after the call has closed (补正): the return itself
  // usually comes after the deadline, and refusing the resubmission would turn it into a rejection.
  if (app.state === 'draft' && now.getTime() >= call.closesAt.getTime())
    throw conflict(
      msg(`申报已于 ${fmt(call.closesAt)} 截止`, `The call closed at ${fmt(call.closesAt)} (UTC+8)`),
      'closesAt',
    );
  const required = [
    ['title', app.title, msg('项目名称', 'the title')],
    ['summary', app.summary, msg('项目简介', 'the summary')],
    ['field', app.field, msg('技术领域', 'the high-tech field')],
    ['requestedAmount', app.requestedAmount, msg('申请金额', 'the amount requested')],
  ] as const;
  for (const [field, value, name] of required)
    if (value === null || value === '') throw invalid(field, msg(`请填写${name.zh}`, `Fill in ${name.en}`));
  const e = await evaluateEligibility(tx, deps.regions, call, app.orgId, app.id);
  const failed = e.rules.filter((r) => !r.pass);
  if (failed.length > 0)
    throw invalid(
      'eligibility',
      msg(
        `不符合申报条件：${failed.map((r) => r.why.zh).join('；')}`,
        `Not eligible: ${failed.map((r) => r.why.en).join('; ')}`,
      ),
    );
  if (e.missingAttachments.length > 0)
    throw invalid(
      'attachments',
      msg(
        `缺少必需附件：${e.missingAttachments.map((a) => a.name).join('、')}`,
        `Required attachments missing: ${e.missingAttachments.map((a) => a.nameEn).join(', ')}`,
      ),
    );
  await recordSubmission(tx, { app, call, actorId, now });
  return { submittedAt: now };
}

async function propose({ tx, call, body }: GuardInput): Promise<Set> {
  if (!body.amount)
    throw invalid('amount', msg('请填写拟资助金额（万元）', 'Give the amount proposed (万元)'));
  const amount = cents(body.amount);
  if (amount <= 0n) throw invalid('amount', msg('拟资助金额须大于 0', 'The amount must be positive'));
  if (amount > cents(call.fundingCap))
    throw invalid(
      'amount',
      msg(
        `拟资助金额不得超过单项资助上限 ${wan(cents(call.fundingCap))} 万元`,
        `The amount cannot exceed the funding cap of ${wan(cents(call.fundingCap))} (万元)`,
      ),
    );
  // The call row is locked (FOR UPDATE) by the caller, so proposals in one call are counted in turn.
  const f = await committedFunding(tx, call.id);
  const committed = cents(f.proposed) + cents(f.approved) + cents(f.terminatedPaid);
  const left = cents(call.budget) - committed;
  if (amount > left)
    throw invalid(
      'amount',
      msg(
        `超出指南预算：预算 ${wan(cents(call.budget))} 万元，已拟立项及批准 ${wan(committed)} 万元，尚余 ${wan(left)} 万元`,
        `Over the call's budget: ${wan(cents(call.budget))} budgeted, ${wan(committed)} proposed or approved, ${wan(left)} left (万元)`,
      ),
    );
  return { proposedAmount: wan(amount) };
}

async function closeReview({ tx, app }: GuardInput): Promise<Set> {
  const active = await activeTotals(tx, app.id);
  if (active.length === 0)
    throw conflict(msg('尚未分配评审专家', 'No expert has been assigned'), 'assignments');
  const pending = active.filter((r) => r.status !== 'submitted' || r.total === null).length;
  if (pending > 0)
    throw conflict(
      msg(`尚有 ${pending} 位专家未提交评分`, `${pending} expert(s) have not submitted their scores`),
      'assignments',
    );
  const score = panelScore(active.map((r) => Number(r.total)));
  return { panelScore: score === null ? null : score.toFixed(2) };
}

async function finalReport({ tx, app }: GuardInput): Promise<Set> {
  if (!(await hasAttachmentOfKind(tx, app.id, FINAL_REPORT)))
    throw invalid('attachments', msg('请先上传验收材料（结题报告）', 'Upload the final report first'));
  return {};
}

export const GUARDS: Partial<Record<ActionCode, Guard>> = {
  submit,
  propose,
  close_review: closeReview,
  submit_final: finalReport,
  approve: async ({ app }) => ({ approvedAmount: app.proposedAmount }),
  publish: async ({ call, today }) => ({ publicityUntil: addWorkingDays(today, call.publicityDays) }),
  establish: async ({ app, today }) => {
    if (!publicityOver(app.publicityUntil, today))
      throw conflict(
        msg(
          `公示期至 ${app.publicityUntil ?? '—'}，期满后方可立项`,
          `Publicity runs until ${app.publicityUntil ?? '—'}; establish afterwards`,
        ),
        'publicityUntil',
      );
    return {};
  },
  sign_contract: async ({ body, today }) => {
    if (!body.endsOn)
      throw invalid(
        'endsOn',
        msg('请填写任务书约定的项目结束日期', 'Give the end date of the task contract'),
      );
    if (body.endsOn <= today)
      throw invalid('endsOn', msg('项目结束日期须晚于今天', 'The end date must be after today'));
    return { endsOn: body.endsOn };
  },
};

export const reasonMissing = () =>
  new AppError(400, 'invalid', msg('reason: 请填写理由', 'reason: a reason is required'), 'reason');
