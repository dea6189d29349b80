/** 门户: 公示 notices and their objections, 服务指南, published statistics; every write audited. */
import { randomInt } from 'node:crypto';
import type { GuideBody, NoticeBody, NoticeRecord, NoticeUpdate } from '../../../domain/contracts/portal';
import { msg } from '../../../domain/message';
import {
  NOTICE_STATUS_NAMES,
  NOTICE_TRANSITIONS,
  type NoticeStatus,
  windowState,
} from '../../../domain/portal';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { conflict, invalid, notFound } from '../../platform/errors';
import { BY_CODE } from '../plan/catalogue';
import { checkFile } from '../projects/applications/sniff';
import {
  approvedOfCall,
  deleteGuideFile,
  getCallTitle,
  getGuide,
  getNotice,
  getObjection,
  guideCodeTaken,
  insertGuideFiles,
  insertGuides,
  insertNotices,
  insertObjection,
  lockNotice,
  lockObjection,
  objectionByTracking,
  publicNotice,
  replacePublicCodes,
  updateGuideRow,
  updateNoticeRow,
  updateObjectionRow,
} from './repo';

const NOTICE = msg('公示', 'notice');
const OBJECTION = msg('异议', 'objection');
const GUIDE = msg('服务指南', 'service guide');

/** The application states of a call's approved projects, listed in its 立项公示. */
export const APPROVED_STATES = [
  'approved',
  'publicity',
  'established',
  'in_progress',
  'rectifying',
  'acceptance_pending',
  'closed',
] as const;

/** Evidence may follow the objection within this many minutes, with its tracking number. */
export const EVIDENCE_MINUTES = 60;

function checkWindow(start: string, end: string) {
  if (end < start)
    throw invalid('windowEnd', msg('公示截止日不能早于开始日', 'The window cannot end before it starts'));
}

export async function noticeDetail(deps: Deps, id: string) {
  const row = await getNotice(deps.db, id);
  if (!row) throw notFound(NOTICE);
  return { ...row, records: row.records as NoticeRecord[] };
}

export async function createNotice(deps: Deps, ctx: AuditContext, actor: Actor, body: NoticeBody) {
  checkWindow(body.windowStart, body.windowEnd);
  const id = await deps.db.transaction(async (tx) => {
    const [row] = await insertNotices(tx, [{ ...body, createdBy: actor.username }]);
    await writeAudit(tx, ctx, {
      action: 'portal.notice.create',
      targetType: 'portal_notice',
      targetId: row.id,
      after: { ...body, body: undefined, records: body.records.length },
    });
    return row.id;
  });
  return noticeDetail(deps, id);
}

/** A 立项公示 drafted from a call's approved applications: title, organisation and county each. */
export async function noticeFromCall(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  { callId, windowStart }: { callId: string; windowStart?: string },
) {
  const call = await getCallTitle(deps.db, callId);
  if (!call) throw invalid('callId', msg('申报批次不存在', 'No such call'));
  const records = await approvedOfCall(deps.db, callId, APPROVED_STATES);
  if (records.length === 0)
    throw invalid('callId', msg('该批次没有已批准的项目', 'The call has no approved applications'));
  const start = windowStart ?? clock.today();
  const name = callName(call.title);
  const end = addDays(start, 6);
  const body: NoticeBody = {
    type: 'approval',
    title: `${name}拟立项项目公示`,
    body: `根据项目评审和局务会研究结果，现将${name}拟立项项目予以公示。公示期为${start}至${end}。如有异议，请在公示期内通过本页提出，并写明理由、提供必要的证明材料。`,
    records,
    windowStart: start,
    windowEnd: end,
    contactLine: '泉州市科学技术局计划科',
  };
  const id = await deps.db.transaction(async (tx) => {
    const [row] = await insertNotices(tx, [{ ...body, callId, createdBy: actor.username }]);
    await writeAudit(tx, ctx, {
      action: 'portal.notice.create',
      targetType: 'portal_notice',
      targetId: row.id,
      after: { type: body.type, title: body.title, callId, records: records.length },
    });
    return row.id;
  });
  return noticeDetail(deps, id);
}

/** A call's name as a notice says it: 「2017年度…项目申报指南」 becomes 「2017年度…项目」. */
export function callName(title: string): string {
  return title.replace(/申报指南$|申报通知$/, '');
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function lockForWrite(tx: Tx, id: string) {
  const row = await lockNotice(tx, id);
  if (!row) throw notFound(NOTICE);
  return row;
}

export async function updateNotice(deps: Deps, ctx: AuditContext, id: string, body: NoticeUpdate) {
  await deps.db.transaction(async (tx) => {
    const row = await lockForWrite(tx, id);
    if (row.status !== 'draft')
      throw conflict(
        msg('已发布或撤回的公示不能修改', 'A published or withdrawn notice cannot be edited'),
        'status',
      );
    const start = body.windowStart ?? String(row.windowStart);
    const end = body.windowEnd ?? String(row.windowEnd);
    checkWindow(start, end);
    await updateNoticeRow(tx, id, body);
    await writeAudit(tx, ctx, {
      action: 'portal.notice.update',
      targetType: 'portal_notice',
      targetId: id,
      before: { title: row.title, windowStart: row.windowStart, windowEnd: row.windowEnd },
      after: { ...body, body: undefined, records: body.records?.length },
    });
  });
  return noticeDetail(deps, id);
}

export async function transitionNotice(deps: Deps, ctx: AuditContext, id: string, to: NoticeStatus) {
  await deps.db.transaction(async (tx) => {
    const row = await lockForWrite(tx, id);
    if (!NOTICE_TRANSITIONS[row.status].includes(to)) {
      const from = NOTICE_STATUS_NAMES[row.status];
      const target = NOTICE_STATUS_NAMES[to];
      throw conflict(
        msg(`${from.zh}的公示不能改为${target.zh}`, `A notice that is ${from.en} cannot become ${target.en}`),
        'to',
      );
    }
    const set = to === 'published' ? { status: to, publishedAt: clock.now() } : { status: to };
    await updateNoticeRow(tx, id, set);
    await writeAudit(tx, ctx, {
      action: to === 'published' ? 'portal.notice.publish' : 'portal.notice.withdraw',
      targetType: 'portal_notice',
      targetId: id,
      before: { status: row.status },
      after: { status: to },
    });
  });
  return noticeDetail(deps, id);
}

// ─── Objections ──────────────────────────────────────────────────────────────────────────────

const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRTUWXY3456789';

/** YY + the China date + six characters nobody can guess in a lookup's rate limit. */
export function newTrackingNo(today: string): string {
  let tail = '';
  for (let i = 0; i < 6; i++) tail += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return `YY${today.replaceAll('-', '')}${tail}`;
}

const sameContact = (a: string, b: string) =>
  a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();

export async function lodgeObjection(
  deps: Deps,
  ctx: AuditContext,
  body: { noticeId: string; name: string; contact: string; reason: string },
) {
  const notice = await publicNotice(deps.db, body.noticeId);
  if (!notice) throw notFound(NOTICE);
  const today = clock.today();
  const state = windowState(notice.windowStart, notice.windowEnd, today);
  if (state !== 'open') {
    throw conflict(
      state === 'upcoming'
        ? msg(
            `公示期自 ${notice.windowStart} 开始，届时方可提出异议`,
            `Objections open on ${notice.windowStart}`,
          )
        : msg(
            `公示期已于 ${notice.windowEnd} 结束，不再受理异议`,
            `The window closed on ${notice.windowEnd}`,
          ),
      'noticeId',
    );
  }
  return deps.db.transaction(async (tx) => {
    const row = await insertObjection(tx, { ...body, trackingNo: newTrackingNo(today) });
    await writeAudit(tx, ctx, {
      action: 'portal.objection.lodge',
      targetType: 'portal_objection',
      targetId: row.id,
      after: { noticeId: body.noticeId, trackingNo: row.trackingNo },
    });
    return { trackingNo: row.trackingNo, receivedAt: row.receivedAt, evidenceMinutes: EVIDENCE_MINUTES };
  });
}

/** The objection a tracking number and contact name together; anything else reads as not found. */
async function ownObjection(deps: Deps, trackingNo: string, contact: string) {
  const row = await objectionByTracking(deps.db, trackingNo.trim().toUpperCase());
  if (!row || !sameContact(row.contact, contact)) throw notFound(OBJECTION);
  return row;
}

export async function lookupObjection(deps: Deps, trackingNo: string, contact: string) {
  const {
    trackingNo: no,
    noticeTitle,
    status,
    receivedAt,
    answer,
    answeredOn,
  } = await ownObjection(deps, trackingNo, contact);
  return { trackingNo: no, noticeTitle, status, receivedAt, answer, answeredOn };
}

/** One evidence file, sent just after the objection with its tracking number and contact. */
export async function attachEvidence(
  deps: Deps,
  ctx: AuditContext,
  upload: { fields: Record<string, string>; file: Buffer; fileName: string },
) {
  const row = await ownObjection(deps, upload.fields.trackingNo ?? '', upload.fields.contact ?? '');
  if (row.hasEvidence) throw conflict(msg('已上传过证明材料', 'Evidence was already sent'), 'file');
  if (clock.now().getTime() - row.receivedMs > EVIDENCE_MINUTES * 60_000)
    throw conflict(msg('已超过补交证明材料的时限', 'The time to send evidence has passed'), 'file');
  const { mime } = checkFile(upload.fileName, upload.file);
  await deps.db.transaction(async (tx) => {
    await updateObjectionRow(tx, row.id, {
      evidence: upload.file,
      evidenceMime: mime,
      evidenceName: upload.fileName.slice(0, 200),
    });
    await writeAudit(tx, ctx, {
      action: 'portal.objection.evidence',
      targetType: 'portal_objection',
      targetId: row.id,
      after: { fileName: upload.fileName, size: upload.file.length },
    });
  });
  return { trackingNo: row.trackingNo, fileName: upload.fileName };
}

export async function objectionDetail(deps: Deps, id: string) {
  const row = await getObjection(deps.db, id);
  if (!row) throw notFound(OBJECTION);
  return row;
}

export async function answerObjection(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  answer: string,
) {
  await deps.db.transaction(async (tx) => {
    const row = await lockObjection(tx, id);
    if (!row) throw notFound(OBJECTION);
    if (row.status === 'answered')
      throw conflict(msg('该异议已答复', 'The objection is already answered'), 'status');
    const answeredOn = clock.today();
    await updateObjectionRow(tx, id, { status: 'answered', answer, answeredOn, answeredBy: actor.username });
    await writeAudit(tx, ctx, {
      action: 'portal.objection.answer',
      targetType: 'portal_objection',
      targetId: id,
      before: { status: row.status },
      after: { status: 'answered', answeredOn },
    });
  });
  return objectionDetail(deps, id);
}

// ─── Guides ──────────────────────────────────────────────────────────────────────────────────

export async function createGuide(deps: Deps, ctx: AuditContext, body: GuideBody) {
  const id = await deps.db.transaction(async (tx) => {
    if (await guideCodeTaken(tx, body.code))
      throw conflict(msg(`服务编码 ${body.code} 已存在`, `Service code ${body.code} exists`), 'code');
    const [row] = await insertGuides(tx, [body]);
    await writeAudit(tx, ctx, {
      action: 'portal.guide.create',
      targetType: 'portal_guide',
      targetId: row.id,
      after: body,
    });
    return row.id;
  });
  return (await getGuide(deps.db, id))!;
}

export async function updateGuide(deps: Deps, ctx: AuditContext, id: string, body: Partial<GuideBody>) {
  await deps.db.transaction(async (tx) => {
    const before = await getGuide(tx, id);
    if (!before) throw notFound(GUIDE);
    if (body.code && (await guideCodeTaken(tx, body.code, id)))
      throw conflict(msg(`服务编码 ${body.code} 已存在`, `Service code ${body.code} exists`), 'code');
    await updateGuideRow(tx, id, body);
    await writeAudit(tx, ctx, {
      action: 'portal.guide.update',
      targetType: 'portal_guide',
      targetId: id,
      before,
      after: body,
    });
  });
  return (await getGuide(deps.db, id))!;
}

// ─── Published statistics ────────────────────────────────────────────────────────────────────

export async function setPublicIndicators(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  { year, codes }: { year: number; codes: string[] },
) {
  const unknown = codes.find((code) => !BY_CODE.has(code));
  if (unknown) throw invalid('codes', msg(`没有指标 ${unknown}`, `No indicator ${unknown}`));
  const unique = [...new Set(codes)];
  await deps.db.transaction(async (tx) => {
    await replacePublicCodes(tx, year, unique, actor.username);
    await writeAudit(tx, ctx, {
      action: 'portal.statistics.publish',
      targetType: 'indicator',
      targetId: String(year),
      after: { year, codes: unique },
    });
  });
}

// ─── Call guide files ────────────────────────────────────────────────────────────────────────

export async function addGuideFile(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  callId: string,
  upload: { file: Buffer; fileName: string },
) {
  if (!(await getCallTitle(deps.db, callId))) throw notFound(msg('申报批次', 'call'));
  const { mime } = checkFile(upload.fileName, upload.file);
  return deps.db.transaction(async (tx) => {
    const [row] = await insertGuideFiles(tx, [
      {
        callId,
        fileName: upload.fileName.slice(0, 200),
        mime,
        size: upload.file.length,
        content: upload.file,
        uploadedBy: actor.username,
      },
    ]);
    await writeAudit(tx, ctx, {
      action: 'portal.call-guide.upload',
      targetType: 'call',
      targetId: callId,
      after: { fileId: row.id, fileName: upload.fileName, size: upload.file.length },
    });
    return row;
  });
}

export async function removeGuideFile(deps: Deps, ctx: AuditContext, callId: string, id: string) {
  await deps.db.transaction(async (tx) => {
    const row = await deleteGuideFile(tx, callId, id);
    if (!row) throw notFound(msg('申报指南文件', 'guide file'));
    await writeAudit(tx, ctx, {
      action: 'portal.call-guide.delete',
      targetType: 'call',
      targetId: callId,
      before: { fileId: id, fileName: row.fileName },
    });
  });
}
