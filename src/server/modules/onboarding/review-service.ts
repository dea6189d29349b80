/** The reviewer's side of 门户与注册: a request in scope, its file, and the decision on it. */
import type { RegistrationDetail, ReviewDecisionBody } from '../../../domain/contracts/onboarding';
import { msg } from '../../../domain/message';
import {
  DECISION_STATUS,
  REGISTRATION_STATUS_NAMES,
  type RegistrationStatus,
} from '../../../domain/onboarding';
import type { Tx } from '../../db/client';
import type { registrations } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { conflict, invalid, notFound } from '../../platform/errors';
import { sendMail } from '../../platform/mail';
import { scopeOf } from '../../platform/scope';
import { approveRegistration } from './approval';
import { canDecide, canResetAdmin } from './policy';
import { REGISTRATION } from './registration-service';
import { getVisibleRegistration, lockRegistration, registrationFile, updateRegistration } from './repo';

type Row = typeof registrations.$inferSelect;

async function loadVisible(tx: Tx, deps: Deps, actor: Actor, id: string) {
  const scope = scopeOf(actor, deps.regions);
  const found = await getVisibleRegistration(tx, scope, id);
  if (!found) throw notFound(REGISTRATION);
  return { found, scope };
}

/** GET /onboarding/registrations/{id}: the reviewer's view, with the contact in full. */
export async function registrationDetail(deps: Deps, actor: Actor, id: string): Promise<RegistrationDetail> {
  const { found, scope } = await loadVisible(deps.db, deps, actor, id);
  const r = found.r;
  return {
    id: r.id,
    trackingNo: r.trackingNo,
    kind: r.kind,
    status: r.status,
    uscc: r.uscc,
    name: r.name,
    regionCode: r.regionCode,
    regionName: found.regionName,
    contactName: r.contactName,
    contactMobile: r.contactMobile,
    contactEmail: r.contactEmail,
    nameMismatch: r.nameMismatch,
    existingOrg: !!r.existingOrgId,
    existingOrgId: r.existingOrgId,
    existingOrgName: found.existingOrgName,
    legalRep: r.legalRep,
    orgKind: r.orgKind,
    username: r.username,
    title: r.title,
    fields: r.fields,
    employerName: r.employerName,
    employerUscc: r.employerUscc,
    conflictUsccs: r.conflictUsccs,
    fileKind: r.fileKind,
    fileName: r.fileName,
    fileSize: r.fileSize,
    reviewNote: r.reviewNote,
    reviewedBy: r.reviewedBy,
    submittedAt: r.submittedAt.toISOString(),
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    orgId: r.orgId,
    userId: r.userId,
    abilities: { decide: canDecide(actor, scope, r), resetAdminPassword: canResetAdmin(actor, r) },
  };
}

export async function registrationFileFor(deps: Deps, actor: Actor, id: string) {
  await loadVisible(deps.db, deps, actor, id);
  return (await registrationFile(deps.db, id))!;
}

/** The registrant hears of the decision at the address it gave (the outbox when no SMTP). */
function decisionMail(row: Row, to: RegistrationStatus, note: string | undefined) {
  const what = REGISTRATION_STATUS_NAMES[to].zh;
  const next =
    to === 'approved'
      ? `请使用注册时填写的用户名 ${row.username} 和密码登录平台。`
      : to === 'returned'
        ? '请凭受理编号和手机号码在“注册进度查询”中修改后重新提交。'
        : '';
  return {
    to: row.contactEmail,
    subject: `科创平台：注册申请 ${row.trackingNo} ${what}`,
    body: `${row.contactName}，您好：\n\n您为“${row.name}”提交的注册申请（受理编号 ${row.trackingNo}）审核结果：${what}。${note ? `\n审核意见：${note}` : ''}\n${next}`,
  };
}

/** POST /onboarding/registrations/{id}/decision: approve, return (with a reason) or refuse (with one). */
export async function decideRegistration(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: ReviewDecisionBody,
) {
  if (body.decision !== 'approve' && !body.note)
    throw invalid('note', msg('退回或不予通过须写明理由', 'Give the reason for returning or refusing'));
  await deps.db.transaction(async (tx) => {
    const { scope } = await loadVisible(tx, deps, actor, id);
    const row = await lockRegistration(tx, id);
    if (!canDecide(actor, scope, row))
      throw conflict(
        msg(
          `${REGISTRATION_STATUS_NAMES[row.status].zh}的申请不能再审核`,
          `A request that is ${REGISTRATION_STATUS_NAMES[row.status].en} cannot be decided`,
        ),
        'decision',
      );
    const to = DECISION_STATUS[body.decision];
    const reviewed = { reviewNote: body.note ?? null, reviewedBy: actor.username, reviewedAt: clock.now() };
    const made = body.decision === 'approve' ? await approveRegistration(tx, deps, ctx, actor, row) : {};
    await updateRegistration(tx, id, { ...reviewed, ...made, status: to });
    await sendMail(tx, decisionMail(row, to, body.note));
    await writeAudit(tx, ctx, {
      action: `registration.${body.decision}`,
      targetType: 'registration',
      targetId: id,
      before: { status: row.status },
      after: { status: to, note: body.note ?? null, ...made },
    });
  });
  return registrationDetail(deps, actor, id);
}
