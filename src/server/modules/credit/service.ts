/** 失信记录: recorded and changed by staff, an objection and its answer kept; every write audited. */
import type { CreditBody, CreditUpdate } from '../../../domain/contracts/credit';
import { msg } from '../../../domain/message';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { conflict, invalid, notFound } from '../../platform/errors';
import { inScope, scopeOf } from '../../platform/scope';
import { getCredit, insertCredit, lockCredit, subjectOf, updateCredit } from './repo';

const RECORD = msg('失信记录', 'credit record');

function checkPeriod(validFrom: string, validTo: string | null | undefined) {
  if (validTo && validTo < validFrom)
    throw invalid('validTo', msg('截止日期不能早于起始日期', 'The end cannot be before the start'));
}

export async function creditDetail(deps: Deps, actor: Actor, id: string) {
  const row = await getCredit(deps.db, scopeOf(actor, deps.regions), id, clock.today());
  if (!row) throw notFound(RECORD);
  return row;
}

export async function createCredit(deps: Deps, ctx: AuditContext, actor: Actor, body: CreditBody) {
  checkPeriod(body.validFrom, body.validTo);
  const scope = scopeOf(actor, deps.regions);
  const id = await deps.db.transaction(async (tx) => {
    const subject = await subjectOf(tx, body.subjectKind, body.subjectId);
    if (!subject) throw invalid('subjectId', msg('记录对象不存在', 'No such organisation or person'));
    const city = deps.regions.rows.find((r) => r.level === 'city')?.code ?? '350500';
    const regionCode = subject.regionCode ?? city;
    if (!inScope(scope, { regionCode }))
      throw invalid('subjectId', msg('记录对象不在管辖范围内', 'The subject is outside your scope'));
    const row = await insertCredit(tx, {
      subjectKind: body.subjectKind,
      orgId: body.subjectKind === 'org' ? body.subjectId : null,
      expertId: body.subjectKind === 'expert' ? body.subjectId : null,
      // An expert's account is blocked with the expert (it applies and reviews as that person).
      userId:
        body.subjectKind === 'user' ? body.subjectId : 'userId' in subject ? (subject.userId ?? null) : null,
      subjectName: subject.name,
      regionCode,
      reason: body.reason,
      sourceDocument: body.sourceDocument,
      severity: body.severity,
      validFrom: body.validFrom,
      validTo: body.validTo ?? null,
      createdBy: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: 'credit.create',
      targetType: 'credit_record',
      targetId: row.id,
      after: row,
    });
    return row.id;
  });
  return creditDetail(deps, actor, id);
}

async function loadForWrite(deps: Deps, actor: Actor, id: string) {
  const visible = await getCredit(deps.db, scopeOf(actor, deps.regions), id, clock.today());
  if (!visible) throw notFound(RECORD);
}

export async function changeCredit(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: CreditUpdate,
) {
  await loadForWrite(deps, actor, id);
  await deps.db.transaction(async (tx) => {
    const before = await lockCredit(tx, id);
    const validFrom = body.validFrom ?? before.validFrom;
    const validTo = body.validTo === undefined ? before.validTo : body.validTo;
    checkPeriod(validFrom, validTo);
    const after = await updateCredit(tx, id, { ...body, validTo });
    await writeAudit(tx, ctx, {
      action: 'credit.update',
      targetType: 'credit_record',
      targetId: id,
      before,
      after,
    });
  });
  return creditDetail(deps, actor, id);
}

/** The subject's objection (异议), as received, and then the bureau's answer. */
export async function recordObjection(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  kind: 'objection' | 'answer',
  text: string,
) {
  await loadForWrite(deps, actor, id);
  await deps.db.transaction(async (tx) => {
    const before = await lockCredit(tx, id);
    if (kind === 'answer' && !before.objection)
      throw conflict(msg('尚无异议，无需答复', 'There is no objection to answer'), 'answer');
    const set =
      kind === 'objection'
        ? { objection: text, objectionAt: new Date() }
        : { answer: text, answeredAt: new Date() };
    await updateCredit(tx, id, set);
    await writeAudit(tx, ctx, {
      action: kind === 'objection' ? 'credit.objection' : 'credit.answer',
      targetType: 'credit_record',
      targetId: id,
      before: { objection: before.objection, answer: before.answer },
      after: set,
    });
  });
  return creditDetail(deps, actor, id);
}
