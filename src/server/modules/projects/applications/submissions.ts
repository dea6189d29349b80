/**
 * What was submitted, provably: at each submission the applicant's accepted 承诺书 and a canonical
 * copy of the application (fields, form, each attachment by name and SHA-256) are recorded with the
 * SHA-256 of that copy. The 申报书 (Word) prints the copy, the hash and a QR code of the verification
 * address, so the bureau checks a copy against the record instead of a stamped, rescanned paper.
 */
import { createHash } from 'node:crypto';
import type { ActionBody, Submission } from '../../../../domain/contracts/projects';
import { DECLARATION } from '../../../../domain/declaration';
import { msg } from '../../../../domain/message';
import type { Tx } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import type { Deps } from '../../../platform/deps';
import { A4_TEXT_WIDTH, a4Docx, docPara, officeTable, verificationBlock } from '../../../platform/docx';
import { invalid, notFound } from '../../../platform/errors';
import type { CallRow } from '../calls/calls-repo';
import { fieldNames } from '../review/review-experts-repo';
import { type ApplicationRecord, attachmentsOf } from './applications-repo';
import { loadVisibleApplication } from './applications-service';
import {
  insertSubmission,
  nextSubmissionSeq,
  type SubmissionRow,
  submissionByHash,
  submissionsOf,
} from './submissions-repo';

const iso = (v: Date | string) => new Date(v).toISOString();
const cst = (d: Date | string) =>
  new Date(new Date(d).getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

/** JSON with object keys sorted at every level: the same content always hashes the same. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

export const sha256Of = (content: unknown) =>
  createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');

/** The submission must carry the 承诺书, ticked, in the version the platform shows today. */
export function checkDeclaration(body: ActionBody) {
  if (!body.declaration?.accepted)
    throw invalid(
      'declaration',
      msg('请阅读并勾选《申报承诺书》后再提交', 'Read and accept the declaration (承诺书) before submitting'),
    );
  if (body.declaration.version !== DECLARATION.version)
    throw invalid(
      'declaration',
      msg(
        '承诺书已更新，请刷新页面后重新确认',
        'The declaration has changed; reload the page and accept it again',
      ),
    );
}

/** Records the submission in the transaction of the state change; returns its row. */
export async function recordSubmission(
  tx: Tx,
  input: { app: ApplicationRecord; call: CallRow; actorId: string; now: Date },
): Promise<SubmissionRow> {
  const { app, call, actorId, now } = input;
  const seq = await nextSubmissionSeq(tx, app.id);
  const files = await attachmentsOf(tx, app.id);
  const content = {
    applicationId: app.id,
    seq,
    call: { id: call.id, title: call.title, year: call.year },
    orgId: app.orgId,
    title: app.title,
    summary: app.summary,
    field: app.field,
    requestedAmount: app.requestedAmount,
    form: app.form,
    attachments: files.map((f) => ({ kind: f.kind, fileName: f.fileName, size: f.size, sha256: f.sha256 })),
    declaration: { version: DECLARATION.version, text: DECLARATION.zh },
    submittedAt: iso(now),
  };
  return insertSubmission(tx, {
    applicationId: app.id,
    seq,
    content,
    sha256: sha256Of(content),
    declarationVersion: DECLARATION.version,
    declaredAt: now,
    submittedBy: actorId,
    submittedAt: now,
  });
}

export function presentSubmission(r: SubmissionRow): Submission {
  return {
    seq: r.seq,
    sha256: r.sha256,
    declarationVersion: r.declarationVersion,
    declaredAt: iso(r.declaredAt),
    submittedAt: iso(r.submittedAt),
  };
}

export async function submissionList(tx: Tx, applicationId: string) {
  return (await submissionsOf(tx, applicationId)).map(presentSubmission);
}

/** What a hash names: the record and when it was submitted (404 when no submission has it). */
export async function verifySubmission(deps: Deps, sha256: string) {
  const row = await submissionByHash(deps.db, sha256);
  if (!row) throw notFound(msg('申报书校验码', 'submission hash'));
  return {
    sha256: row.submission.sha256,
    applicationTitle: row.applicationTitle,
    orgName: row.orgName,
    callTitle: row.callTitle,
    seq: row.submission.seq,
    submittedAt: iso(row.submission.submittedAt),
    declarationVersion: row.submission.declarationVersion,
    latest: row.latestSeq === row.submission.seq,
  };
}

type Content = {
  seq: number;
  call: { title: string; year: number };
  title: string;
  summary: string | null;
  field: string | null;
  requestedAmount: string | null;
  form: Record<string, unknown>;
  attachments: { kind: string; fileName: string; size: number; sha256: string }[];
  declaration: { version: string; text: string };
  submittedAt: string;
};

const FORM_LABELS: [string, string][] = [
  ['orgName', '申报单位'],
  ['uscc', '统一社会信用代码'],
  ['address', '通讯地址'],
  ['contactPerson', '联系人'],
  ['contactPhone', '联系电话'],
  ['startOn', '起始日期'],
  ['endOn', '结束日期'],
];

const text = (v: unknown) =>
  v === null || v === undefined || v === '' ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

/** The 申报书 of the latest submission, for whoever may see the application (audited by the route). */
export async function submissionDocx(
  deps: Deps,
  actor: Actor,
  applicationId: string,
  verifyUrl: (sha256: string) => string,
) {
  const { app } = await loadVisibleApplication(deps.db, deps, actor, applicationId);
  const rows = await submissionsOf(deps.db, app.id);
  const last = rows.at(-1);
  if (!last) throw notFound(msg('申报书（该申报尚未提交）', 'submitted application (not yet submitted)'));
  const c = last.content as Content;
  const fields = await fieldNames(deps.db);
  const url = verifyUrl(last.sha256);
  const width = A4_TEXT_WIDTH;
  const form = c.form ?? {};
  const main = officeTable({
    header: ['项目', '内容'],
    weights: [1, 3],
    numeric: [false, false],
    width,
    rows: [
      ['申报指南', `${c.call.year} 年 ${c.call.title}`],
      ['项目名称', c.title],
      ['技术领域', c.field ? `${fields.get(c.field) ?? c.field}` : '—'],
      ['申请资助金额', c.requestedAmount ? `${c.requestedAmount} 万元` : '—'],
      ...FORM_LABELS.map(([k, label]) => [label, text(form[k])]),
      ['项目简介', text(c.summary)],
      ['项目目标', text(form.goals)],
      ...Object.keys(form)
        .filter((k) => k !== 'goals' && !FORM_LABELS.some(([f]) => f === k))
        .sort()
        .map((k) => [k, text(form[k])]),
    ],
  });
  const files = officeTable({
    header: ['序号', '附件', 'SHA-256'],
    weights: [1, 4, 6],
    numeric: [true, false, false],
    width,
    rows:
      c.attachments.length > 0
        ? c.attachments.map((f, i) => [String(i + 1), f.fileName, f.sha256])
        : [['—', '无附件', '—']],
  });
  const body = await a4Docx(`${c.title} 申报书`, [
    docPara('科技计划项目申报书', { bold: true, size: 44, center: true }),
    docPara(`第 ${c.seq} 次提交 · 提交时间 ${cst(c.submittedAt)}（北京时间）`, { center: true }),
    main,
    docPara('附件清单', { bold: true, size: 28 }),
    files,
    docPara(`申报承诺书（版本 ${c.declaration.version}）`, { bold: true, size: 28 }),
    ...c.declaration.text.split('\n').map((l) => docPara(l)),
    docPara(`申报单位已于 ${cst(last.declaredAt)}（北京时间）在线勾选确认上述承诺。`),
    ...(await verificationBlock(
      url,
      [`申报内容 SHA-256 校验码：${last.sha256}`],
      '本申报书由科创平台按提交时的记录生成，与平台记录一致即有效，无需另行盖章扫描。',
    )),
  ]);
  return { body, app, sha256: last.sha256 };
}
