import type { z } from 'zod';
import type {
  ApplicationDetail,
  applicationCreateSchema,
  applicationUpdateSchema,
} from '../../../../domain/contracts/projects';
import { creditRefusal } from '../../../../domain/credit';
import { msg } from '../../../../domain/message';
import { TRANSITIONS } from '../../../../domain/projects';
import type { Tx } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import { type AuditContext, writeAudit } from '../../../platform/audit';
import { clock } from '../../../platform/clock';
import type { Deps } from '../../../platform/deps';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors';
import { inBatches } from '../../../platform/excel';
import { COUNT_CAP, cappedTotal, pageOf } from '../../../platform/listing';
import type { Scope } from '../../../platform/scope';
import { activeCreditOf } from '../../credit/repo';
import { type CallRow, knownFieldCodes } from '../calls/calls-repo';
import { callRules, isOpen, loadCall } from '../calls/calls-service';
import { cents, wan } from '../money';
import { attachmentAbility, canEditApplication, projectScope } from '../policy';
import {
  type ApplicationQuery,
  type ApplicationRecord,
  attachmentsOf,
  countApplications,
  countOrgApplications,
  eventsOf,
  getOrg,
  getVisibleApplication,
  insertApplication,
  insertEvent,
  listApplications,
  listRowOf,
  paymentsOf,
  updateIfUnchanged,
} from './applications-repo';
import { presentItem } from './presenter';
import { submissionList } from './submissions';

export const APPLICATION = msg('申报', 'application');
const iso = (v: Date | string) => new Date(v).toISOString();

export const staleVersion = () =>
  conflict(
    msg(
      '该申报已被他人处理，请刷新后重试',
      'Someone else has just changed this application; reload and try again',
    ),
    'version',
  );

export async function listApplicationPage(deps: Deps, actor: Actor, q: ApplicationQuery) {
  const scope = projectScope(actor, deps.regions);
  const { limit, offset } = pageOf(q);
  if (!q.q) {
    const [rows, total] = await Promise.all([
      listApplications(deps.db, scope, q, deps.regions, limit, offset),
      countApplications(deps.db, scope, q, deps.regions),
    ]);
    return { items: rows.map((r) => presentItem(r, actor, scope, deps.regions)), total, totalCapped: false };
  }
  // A keyword is counted first: a broad one (the count stops at the cap) fills a page fastest by
  // reading rows in list order, a narrow one through its characters' index.
  const total = cappedTotal(await countApplications(deps.db, scope, q, deps.regions, COUNT_CAP), COUNT_CAP);
  const rows = await listApplications(
    deps.db,
    scope,
    q,
    deps.regions,
    limit,
    offset,
    total.totalCapped ? 'scan' : 'chars',
  );
  return { items: rows.map((r) => presentItem(r, actor, scope, deps.regions)), ...total };
}

/** The whole filtered list in batches, for the Excel export (no count, no page limit). */
export async function* applicationBatches(
  deps: Deps,
  actor: Actor,
  q: Omit<ApplicationQuery, 'page' | 'pageSize'>,
) {
  const scope = projectScope(actor, deps.regions);
  const f = { ...q, page: 1, pageSize: 2000 };
  for await (const rows of inBatches(
    (offset, limit) => listApplications(deps.db, scope, f, deps.regions, limit, offset),
    2000,
  ))
    yield rows.map((r) => presentItem(r, actor, scope, deps.regions));
}

/** Loads an application the actor may see, or answers 404 as if it did not exist. */
export async function loadVisibleApplication(tx: Tx, deps: Deps, actor: Actor, id: string) {
  const scope = projectScope(actor, deps.regions);
  const app = await getVisibleApplication(tx, scope, id);
  if (!app) throw notFound(APPLICATION);
  return { app, scope };
}

type Fields = Omit<z.infer<typeof applicationUpdateSchema>, 'version'>;

/** The field must be one of the 8 high-tech fields, and one the call draws experts from. */
async function checkFields(tx: Tx, call: CallRow, body: Fields) {
  if (body.field) {
    if ((await knownFieldCodes(tx, [body.field])).length === 0)
      throw invalid('field', msg('技术领域不存在', 'No such high-tech field'));
    if (call.reviewFields.length > 0 && !call.reviewFields.includes(body.field))
      throw invalid('field', msg('该技术领域不在本指南支持范围内', 'The call does not cover this field'));
  }
  if (body.requestedAmount) {
    const amount = cents(body.requestedAmount);
    if (amount <= 0n)
      throw invalid('requestedAmount', msg('申请金额须大于 0', 'The amount must be positive'));
    if (amount > cents(call.fundingCap))
      throw invalid(
        'requestedAmount',
        msg(
          `申请金额不得超过单项资助上限 ${wan(cents(call.fundingCap))} 万元`,
          `The amount cannot exceed the funding cap of ${wan(cents(call.fundingCap))} (万元)`,
        ),
      );
  }
}

export async function createApplication(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  body: z.infer<typeof applicationCreateSchema>,
) {
  if (!actor.orgId) throw forbidden();
  const orgId = actor.orgId;
  const id = await deps.db.transaction(async (tx) => {
    // Locks the organisation so two simultaneous creations cannot both pass the per-call limit.
    const org = await getOrg(tx, orgId, true);
    if (!org)
      throw invalid(
        'callId',
        msg('您的账号未关联创新主体库中的单位', 'Your account belongs to no registered organisation'),
      );
    // 科研诚信: an organisation or applicant under a credit record in force files nothing new.
    const record = await activeCreditOf(tx, { orgId: org.id, userId: actor.id }, clock.today());
    if (record) throw conflict(creditRefusal(record), 'credit');
    const call = await loadCall(tx, actor, body.callId);
    if (!isOpen(call))
      throw conflict(msg('该指南当前不在申报期内', 'The call is not open for applications'), 'callId');
    if ((await countOrgApplications(tx, call.id, org.id)) >= call.maxPerApplicant)
      throw conflict(
        msg(
          `每个单位在本指南下限报 ${call.maxPerApplicant} 项，已达上限`,
          `An organisation may file ${call.maxPerApplicant} application(s) to this call; the limit is reached`,
        ),
        'callId',
      );
    await checkFields(tx, call, body);
    // Prefilled from the registry (一企一档); the applicant corrects it in the form.
    const prefill = {
      orgName: org.name,
      uscc: org.uscc,
      address: org.address,
      contactPerson: org.contactPerson,
      contactPhone: org.contactPhone,
    };
    const row = await insertApplication(tx, {
      callId: call.id,
      orgId: org.id,
      regionCode: org.regionCode,
      applicantUserId: actor.id,
      title: body.title ?? `${org.name}${call.title}项目`,
      summary: body.summary ?? null,
      field: body.field ?? null,
      requestedAmount: body.requestedAmount ?? null,
      form: { ...prefill, ...(body.form ?? {}) },
    });
    await insertEvent(tx, {
      applicationId: row.id,
      action: 'create',
      fromState: null,
      toState: 'draft',
      actorId: actor.id,
      actorUsername: actor.username,
      actorRole: actor.role,
    });
    await writeAudit(tx, ctx, {
      action: 'application.create',
      targetType: 'application',
      targetId: row.id,
      after: row,
    });
    return row.id;
  });
  return applicationDetail(deps, actor, id);
}

/** Autosave of the form: only the applicant, only while draft or returned, only at the version loaded. */
export async function saveApplication(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof applicationUpdateSchema>,
) {
  await deps.db.transaction(async (tx) => {
    const { app } = await loadVisibleApplication(tx, deps, actor, id);
    if (!canEditApplication(actor, app)) {
      if (actor.orgId !== app.orgId) throw forbidden();
      throw conflict(
        msg(
          '申报已提交，退回后方可修改',
          'The application is submitted; it can be edited only once returned',
        ),
        'state',
      );
    }
    if (body.version !== app.version) throw staleVersion();
    const { version, ...fields } = body;
    const call = await loadCall(tx, actor, app.callId);
    await checkFields(tx, call, fields);
    const set = {
      ...(fields.title !== undefined ? { title: fields.title } : {}),
      ...(fields.summary !== undefined ? { summary: fields.summary } : {}),
      ...(fields.field !== undefined ? { field: fields.field } : {}),
      ...(fields.requestedAmount !== undefined ? { requestedAmount: fields.requestedAmount } : {}),
      ...(fields.form !== undefined ? { form: { ...(app.form as object), ...fields.form } } : {}),
    };
    const after = await updateIfUnchanged(
      tx,
      id,
      { version, state: app.state },
      { ...set, updatedAt: new Date() },
    );
    if (!after) throw staleVersion();
    const before = Object.fromEntries(Object.keys(set).map((k) => [k, app[k as keyof ApplicationRecord]]));
    await writeAudit(tx, ctx, {
      action: 'application.update',
      targetType: 'application',
      targetId: id,
      before,
      after: set,
    });
  });
  return applicationDetail(deps, actor, id);
}

export async function applicationDetail(deps: Deps, actor: Actor, id: string): Promise<ApplicationDetail> {
  const { app, scope } = await loadVisibleApplication(deps.db, deps, actor, id);
  return presentDetail(deps, actor, scope, app);
}

async function presentDetail(deps: Deps, actor: Actor, scope: Scope, app: ApplicationRecord) {
  const [row, call, events, files, paid, submissions] = await Promise.all([
    listRowOf(deps.db, app.id),
    loadCall(deps.db, actor, app.callId),
    eventsOf(deps.db, app.id),
    attachmentsOf(deps.db, app.id),
    paymentsOf(deps.db, app.id),
    submissionList(deps.db, app.id),
  ]);
  const ability = attachmentAbility(actor, app);
  return {
    ...presentItem(row!, actor, scope, deps.regions),
    summary: app.summary,
    form: app.form as Record<string, unknown>,
    call: {
      id: call.id,
      title: call.title,
      closesAt: iso(call.closesAt),
      fundingCap: wan(cents(call.fundingCap)),
      requiredAttachments: callRules(call).requiredAttachments,
    },
    events: events.map((e) => ({
      action: e.action,
      actionName: Object.hasOwn(TRANSITIONS, e.action)
        ? TRANSITIONS[e.action as keyof typeof TRANSITIONS].name
        : null,
      fromState: e.fromState,
      toState: e.toState,
      actorUsername: e.actorUsername,
      actorRole: e.actorRole,
      reason: e.reason,
      at: iso(e.at),
    })),
    attachments: files.map((f) => ({ ...f, uploadedAt: iso(f.uploadedAt) })),
    payments: paid.map((p) => ({
      id: p.id,
      amount: wan(cents(p.amount)),
      paidOn: p.paidOn,
      note: p.note,
      recordedBy: p.recordedBy,
      recordedAt: iso(p.recordedAt),
    })),
    paidTotal: wan(paid.reduce((s, p) => s + cents(p.amount), 0n)),
    abilities: {
      edit: canEditApplication(actor, app),
      upload: ability === 'any',
      uploadFinalReport: ability !== null,
    },
    submissions,
  };
}
