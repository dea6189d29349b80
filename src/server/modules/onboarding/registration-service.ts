/**
 * Self-registration (issue 14, 门户与注册): the public submits, checks and corrects its request;
 * the reviewer approves, returns or refuses. Approval creates (or attaches to) the organisation and
 * the contact's account in one transaction, audited.
 */
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import {
  type ExpertRegistrationBody,
  expertRegistrationSchema,
  type OrgRegistrationBody,
  orgRegistrationSchema,
  type RegistrationLookup,
} from '../../../domain/contracts/onboarding';
import { msg } from '../../../domain/message';
import {
  maskMobile,
  REGISTRATION_FILE_MAX_BYTES,
  REGISTRATION_STATUS_NAMES,
  type RegistrationKind,
} from '../../../domain/onboarding';
import { passwordPolicyProblem } from '../../../domain/password-policy';
import type { Tx } from '../../db/client';
import type { registrations } from '../../db/schema';
import { type AuditContext, writeAudit } from '../../platform/audit';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { AppError, conflict, invalid, notFound } from '../../platform/errors';
import { hashPassword } from '../../platform/passwords';
import { getSecurityPolicy } from '../../platform/security-policy';
import { checkFile } from '../projects/applications/sniff';
import {
  findByTracking,
  insertRegistration,
  lockRegistration,
  openRegistrationFor,
  orgByUscc,
  unitAdminOf,
  updateRegistration,
  usernameTaken,
} from './repo';

export const REGISTRATION = msg('注册申请', 'registration');
type Row = typeof registrations.$inferSelect;

export interface RegistrationUpload {
  fields: Record<string, string>;
  file?: { fileName: string; content: Buffer };
}

/** Form fields as they arrive (text): lists are written one per line or separated by commas or 、. */
function formValues(kind: RegistrationKind, fields: Record<string, string>) {
  const list = (v: string | undefined) =>
    (v ?? '')
      .split(/[,，、;\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== '') out[k] = v;
  if (kind === 'expert') {
    out.fields = list(fields.fields);
    out.conflictUsccs = list(fields.conflictUsccs);
  }
  return out;
}

/** The schema's first problem as an error naming its field. */
function parseForm<S extends z.ZodType>(schema: S, values: unknown): z.infer<S> {
  const r = schema.safeParse(values);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = String(issue.path[0] ?? 'body');
  const [zh, en] = issue.message.includes(' / ')
    ? issue.message.split(' / ')
    : [issue.message, issue.message];
  const text = issue.code === 'invalid_type' ? msg('必填', 'is required') : msg(zh, en);
  throw invalid(field, msg(`${field}: ${text.zh}`, `${field}: ${text.en}`));
}

/** PDF, JPEG or PNG, judged by content, within the size limit. */
function checkRegistrationFile(file: { fileName: string; content: Buffer }) {
  if (file.content.length > REGISTRATION_FILE_MAX_BYTES)
    throw new AppError(
      413,
      'file_too_large',
      msg('授权书或营业执照文件不得超过 5 MB', 'The letter or licence must not exceed 5 MB'),
      'file',
    );
  const { mime, type } = checkFile(file.fileName, file.content);
  if (type !== 'pdf' && type !== 'png' && type !== 'jpeg')
    throw new AppError(
      400,
      'unsupported_file_type',
      msg('请上传 PDF、JPG 或 PNG 格式的扫描件', 'Upload a scan as PDF, JPG or PNG'),
      'file',
    );
  return {
    fileName: file.fileName,
    fileMime: mime,
    fileSize: file.content.length,
    fileContent: file.content,
  };
}

function checkRegion(deps: Deps, kind: RegistrationKind, code: string) {
  const region = deps.regions.get(code);
  // An organisation belongs to a county or a zone (its reviewer); an expert may give the city.
  if (!region || (kind === 'org' && region.level === 'city'))
    throw invalid('regionCode', msg('请选择所在县(市、区)', 'Choose the county or district'));
}

async function checkPassword(tx: Tx, password: string, username: string) {
  const problem = passwordPolicyProblem(password, await getSecurityPolicy(tx), username);
  if (problem) throw invalid('password', problem);
}

const USCC_TAKEN = (why: 'open' | 'admin') =>
  conflict(
    why === 'open'
      ? msg('该统一社会信用代码已有待审核的注册申请', 'A registration for this USCC is already under review')
      : msg(
          '该单位已有单位管理员，请联系本单位管理员开通账号',
          'The organisation already has a unit administrator',
        ),
    'uscc',
  );

/** The checks a request passes on submission and again when corrected. */
async function checkOpenSlots(tx: Tx, uscc: string | null, username: string, exceptId?: string) {
  let existing: Awaited<ReturnType<typeof orgByUscc>> | undefined;
  if (uscc) {
    if (await openRegistrationFor(tx, uscc, exceptId)) throw USCC_TAKEN('open');
    existing = await orgByUscc(tx, uscc);
    if (existing && (await unitAdminOf(tx, existing.id))) throw USCC_TAKEN('admin');
  }
  if (await usernameTaken(tx, username, exceptId))
    throw conflict(msg('用户名已被使用', 'The username is taken'), 'username');
  return existing;
}

function trackingNumber(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(6);
  const tail = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return `ZC${clock.today().replaceAll('-', '')}${tail}`;
}

/** What the audit log keeps of a request: never the password hash, the file or the whole mobile. */
function snapshot(r: Partial<Row>) {
  const { passwordHash: _p, fileContent: _f, contactMobile, ...rest } = r;
  return { ...rest, contactMobile: contactMobile ? maskMobile(contactMobile) : undefined };
}

type Parsed = (OrgRegistrationBody | ExpertRegistrationBody) & { password?: string };

/** The columns a parsed form sets, after the USCC and username checks. */
async function columnsOf(tx: Tx, kind: RegistrationKind, b: Parsed, exceptId?: string) {
  const uscc = kind === 'org' ? (b as OrgRegistrationBody).uscc : null;
  return columnsOfChecked(kind, b, await checkOpenSlots(tx, uscc, b.username, exceptId));
}

/** POST /public/onboarding/registrations: anyone; answers the tracking number. */
export async function submitRegistration(
  deps: Deps,
  ctx: AuditContext,
  kind: RegistrationKind,
  up: RegistrationUpload,
) {
  const body: Parsed = parseForm(
    kind === 'org' ? orgRegistrationSchema : expertRegistrationSchema,
    formValues(kind, up.fields),
  );
  checkRegion(deps, kind, body.regionCode);
  if (!up.file) throw invalid('file', msg('请上传授权书或营业执照', 'Upload the letter or licence'));
  const file = checkRegistrationFile(up.file);
  await checkPassword(deps.db, body.password!, body.username);
  const passwordHash = await hashPassword(body.password!);
  return deps.db.transaction(async (tx) => {
    const { values } = await columnsOf(tx, kind, body);
    const row = await insertRegistration(tx, {
      ...values,
      ...file,
      kind,
      trackingNo: trackingNumber(),
      status: 'pending',
      passwordHash,
    });
    await writeAudit(tx, ctx, {
      action: 'registration.submit',
      targetType: 'registration',
      targetId: row.id,
      actorUsername: body.username,
      after: snapshot({ ...values, kind, trackingNo: row.trackingNo, fileName: file.fileName }),
    });
    return { trackingNo: row.trackingNo, status: 'pending' as const };
  });
}

/** The request a tracking number and the contact's mobile name; one answer for "no such" and "wrong mobile". */
async function ownRequest(tx: Tx, q: RegistrationLookup) {
  const row = await findByTracking(tx, q.trackingNo);
  if (!row || row.contactMobile !== q.contactMobile) throw notFound(REGISTRATION);
  return row;
}

/** POST /public/onboarding/registrations/lookup: the status, and a returned request's form to correct. */
export async function lookupRegistration(deps: Deps, q: RegistrationLookup) {
  const row = await ownRequest(deps.db, q);
  const form =
    row.status === 'returned'
      ? {
          uscc: row.uscc,
          orgName: row.kind === 'org' ? row.name : undefined,
          legalRep: row.legalRep,
          orgKind: row.orgKind,
          regionCode: row.regionCode,
          contactName: row.contactName,
          contactMobile: row.contactMobile,
          contactEmail: row.contactEmail,
          username: row.username,
          title: row.title,
          fields: row.fields,
          employerName: row.employerName,
          employerUscc: row.employerUscc,
          conflictUsccs: row.conflictUsccs,
          fileKind: row.fileKind,
          fileName: row.fileName,
        }
      : null;
  return {
    trackingNo: row.trackingNo,
    kind: row.kind,
    status: row.status,
    name: row.name,
    submittedAt: row.submittedAt.toISOString(),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewNote: row.status === 'returned' || row.status === 'refused' ? row.reviewNote : null,
    form,
  };
}

/**
 * POST /public/onboarding/registrations/resubmit: the registrant corrects a returned request (the
 * same form; the file and the password only when given again) and it is pending once more.
 */
export async function resubmitRegistration(deps: Deps, ctx: AuditContext, up: RegistrationUpload) {
  const who = { trackingNo: up.fields.trackingNo ?? '', contactMobile: up.fields.lookupMobile ?? '' };
  const found = await ownRequest(deps.db, {
    trackingNo: who.trackingNo.trim().toUpperCase(),
    contactMobile: who.contactMobile.trim(),
  });
  const kind = found.kind;
  const { trackingNo: _t, lookupMobile: _m, ...rest } = up.fields;
  const keepPassword = !rest.password;
  const schema = kind === 'org' ? orgRegistrationSchema : expertRegistrationSchema;
  const body: Parsed = parseForm(schema, {
    ...formValues(kind, rest),
    password: rest.password || 'unchanged',
  });
  checkRegion(deps, kind, body.regionCode);
  const file = up.file ? checkRegistrationFile(up.file) : undefined;
  if (!keepPassword) await checkPassword(deps.db, body.password!, body.username);
  const passwordHash = keepPassword ? undefined : await hashPassword(body.password!);
  await deps.db.transaction(async (tx) => {
    const row = await lockRegistration(tx, found.id);
    if (row.status !== 'returned')
      throw conflict(
        msg(
          `${REGISTRATION_STATUS_NAMES[row.status].zh}的申请不能修改`,
          `A request that is ${REGISTRATION_STATUS_NAMES[row.status].en} cannot be corrected`,
        ),
        'status',
      );
    const { values } = await columnsOf(tx, kind, body, row.id);
    await updateRegistration(tx, row.id, {
      ...values,
      ...(file ?? {}),
      ...(passwordHash ? { passwordHash } : {}),
      status: 'pending',
      submittedAt: clock.now(),
    });
    await writeAudit(tx, ctx, {
      action: 'registration.resubmit',
      targetType: 'registration',
      targetId: row.id,
      actorUsername: body.username,
      before: snapshot({ status: row.status, reviewNote: row.reviewNote }),
      after: snapshot({ ...values, status: 'pending', fileName: file?.fileName }),
    });
  });
  return { trackingNo: found.trackingNo, status: 'pending' as const };
}

/** The columns of a parsed form, the registry's record with its USCC given. */
function columnsOfChecked(
  kind: RegistrationKind,
  b: Parsed,
  existing: Awaited<ReturnType<typeof orgByUscc>> | undefined,
) {
  const org = kind === 'org' ? (b as OrgRegistrationBody) : undefined;
  const exp = kind === 'expert' ? (b as ExpertRegistrationBody) : undefined;
  return {
    existing,
    values: {
      uscc: org?.uscc ?? null,
      name: org ? org.orgName : b.contactName,
      legalRep: org?.legalRep ?? null,
      orgKind: org?.orgKind ?? null,
      regionCode: b.regionCode,
      existingOrgId: existing?.id ?? null,
      nameMismatch: !!existing && !!org && existing.name !== org.orgName,
      contactName: b.contactName,
      contactMobile: b.contactMobile,
      contactEmail: b.contactEmail,
      username: b.username,
      title: exp?.title ?? null,
      fields: exp?.fields ?? [],
      employerName: exp?.employerName ?? null,
      employerUscc: exp?.employerUscc ?? null,
      conflictUsccs: exp?.conflictUsccs ?? [],
      fileKind: b.fileKind,
    },
  };
}
