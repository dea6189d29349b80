/** 农业科技 records and 科技特派员 (persons, dispatches, appraisal): checks, transactions, audit. */
import { AGRI_UNIT_GROUPS, type AgriUnitGroup, appraise, maskMobile } from '../../../domain/agri';
import type {
  AppraisalBody,
  CommissionerBody,
  CommissionerUpdate,
  DispatchBody,
  ParkOutputBody,
  TrainingBody,
  UnitBody,
  UnitUpdate,
} from '../../../domain/contracts/agri';
import { maskIdCard, validateIdCard } from '../../../domain/identifiers';
import { msg } from '../../../domain/message';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { scopeOf } from '../../platform/scope';
import { open, seal } from '../../platform/secret-box';
import { checkFile } from '../projects/applications/sniff';
import { getOrg } from '../registry/orgs-repo';
import {
  type AppraisalRow,
  agreementOf,
  type CommissionerRow,
  getCommissioner,
  getDispatch,
  insertCommissioner,
  insertDispatch,
  lockCommissioner,
  setAgreement,
  updateCommissionerRow,
  upsertAppraisal,
  userByName,
  userLinked,
} from './people-repo';
import { canManageRegion } from './policy';
import {
  getTraining,
  getUnit,
  insertTraining,
  insertUnit,
  lockUnit,
  parkOutputs,
  updateUnitRow,
  upsertParkOutput,
} from './repo';

const UNIT = msg('农业科技载体', 'agricultural S&T record');
const COMMISSIONER = msg('科技特派员', 'commissioner');
const DISPATCH = msg('选派记录', 'dispatch');

/** The region must exist and lie in the manager's scope. */
function checkRegion(deps: Deps, actor: Actor, regionCode: string) {
  if (!deps.regions.get(regionCode)) throw invalid('regionCode', msg('区域不存在', 'No such region'));
  if (!canManageRegion(actor, scopeOf(actor, deps.regions), regionCode)) {
    throw invalid('regionCode', msg('该区域不在管辖范围内', 'That region is outside your scope'));
  }
}

function checkPeriod(from: string, to: string | null | undefined, field: string) {
  if (to && to < from) throw invalid(field, msg('结束日期不能早于开始日期', 'The end precedes the start'));
}

async function checkOrg(tx: Tx, orgId: string | null | undefined, field: string) {
  if (orgId && !(await getOrg(tx, orgId))) throw invalid(field, msg('单位不存在', 'No such organisation'));
}

// ---- carriers ----

function checkKind(group: AgriUnitGroup, kind: string) {
  if (!(AGRI_UNIT_GROUPS[group] as readonly string[]).includes(kind)) {
    throw invalid('kind', msg('类型与所在名录不符', 'That kind does not belong to this list'));
  }
}

export async function unitDetail(deps: Deps, actor: Actor, id: string) {
  const unit = await getUnit(deps.db, scopeOf(actor, deps.regions), id);
  if (!unit) throw notFound(UNIT);
  return { unit, outputs: await parkOutputs(deps.db, id) };
}

export async function createUnit(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  group: AgriUnitGroup,
  body: UnitBody,
) {
  checkKind(group, body.kind);
  checkRegion(deps, actor, body.regionCode);
  checkPeriod(body.recognisedOn, body.endedOn, 'endedOn');
  const id = await deps.db.transaction(async (tx) => {
    await checkOrg(tx, body.orgId, 'orgId');
    const row = await insertUnit(tx, body);
    await writeAudit(tx, ctx, {
      action: 'agri.unit.create',
      targetType: 'agri_unit',
      targetId: row.id,
      after: row,
    });
    return row.id;
  });
  return (await getUnit(deps.db, scopeOf(actor, deps.regions), id))!;
}

export async function updateUnit(deps: Deps, ctx: AuditContext, actor: Actor, id: string, body: UnitUpdate) {
  const scope = scopeOf(actor, deps.regions);
  await deps.db.transaction(async (tx) => {
    if (!(await getUnit(tx, scope, id))) throw notFound(UNIT);
    const row = await lockUnit(tx, id);
    if (!canManageRegion(actor, scope, row.regionCode)) throw forbidden();
    if (body.kind && body.kind !== row.kind)
      throw conflict(msg('类型不能修改', 'The kind cannot change'), 'kind');
    if (body.regionCode) checkRegion(deps, actor, body.regionCode);
    checkPeriod(
      body.recognisedOn ?? row.recognisedOn,
      body.endedOn === undefined ? row.endedOn : body.endedOn,
      'endedOn',
    );
    await checkOrg(tx, body.orgId, 'orgId');
    const after = await updateUnitRow(tx, id, body);
    await writeAudit(tx, ctx, {
      action: 'agri.unit.update',
      targetType: 'agri_unit',
      targetId: id,
      before: row,
      after,
    });
  });
  return (await getUnit(deps.db, scope, id))!;
}

/** A park's output for a year (万元, growth %), entered again to correct it. */
export async function putParkOutput(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: ParkOutputBody,
) {
  const scope = scopeOf(actor, deps.regions);
  await deps.db.transaction(async (tx) => {
    const unit = await getUnit(tx, scope, id);
    if (!unit) throw notFound(UNIT);
    if (!canManageRegion(actor, scope, unit.regionCode)) throw forbidden();
    if (unit.kind !== 'park') throw conflict(msg('只有园区填报产值', 'Only a park has an output'), 'kind');
    const values = { unitId: id, year: body.year, output: body.output, growthPct: body.growthPct ?? null };
    const before = await upsertParkOutput(tx, values);
    await writeAudit(tx, ctx, {
      action: 'agri.park_output.put',
      targetType: 'agri_unit',
      targetId: id,
      before,
      after: values,
    });
  });
  return unitDetail(deps, actor, id);
}

// ---- trainings ----

export async function createTraining(deps: Deps, ctx: AuditContext, actor: Actor, body: TrainingBody) {
  checkRegion(deps, actor, body.regionCode);
  const id = await deps.db.transaction(async (tx) => {
    const row = await insertTraining(tx, body);
    await writeAudit(tx, ctx, {
      action: 'agri.training.create',
      targetType: 'agri_training',
      targetId: row.id,
      after: row,
    });
    return row.id;
  });
  return (await getTraining(deps.db, scopeOf(actor, deps.regions), id))!;
}

// ---- commissioners ----

/** A commissioner as lists show it: the ID number opened and masked, the mobile masked. */
export function commissionerItem(row: CommissionerRow) {
  const { idNumberSealed, userId: _u, ...rest } = row;
  return {
    ...rest,
    mobile: maskMobile(row.mobile),
    idNumber: maskedIdNumber(idNumberSealed),
  };
}

/**
 * The masked ID number. One sealed under another key (a copy restored without its key) reads as
 * unreadable in its row rather than failing the whole list.
 */
function maskedIdNumber(sealed: string | null): string | null {
  if (!sealed) return null;
  try {
    return maskIdCard(open(sealed));
  } catch {
    return '（无法解密）';
  }
}

function sealIdNumber(idNumber: string | null | undefined): string | null | undefined {
  if (idNumber === undefined) return undefined;
  if (!idNumber) return null;
  const r = validateIdCard(idNumber, clock.now());
  if (!r.ok) throw invalid('idNumber', r.reason);
  return seal(r.value);
}

async function linkUser(tx: Tx, username: string | null | undefined, exceptId?: string) {
  if (username === undefined) return undefined;
  if (!username) return null;
  const user = await userByName(tx, username);
  if (user?.role !== 'commissioner') {
    throw invalid('username', msg('须为角色为科技特派员的账号', 'Give an account of role commissioner'));
  }
  if (await userLinked(tx, user.id, exceptId)) {
    throw conflict(
      msg('该账号已关联其他特派员', 'That account is linked to another commissioner'),
      'username',
    );
  }
  return user.id;
}

/** What the audit keeps of a commissioner: never the ID number, even sealed. */
const audited = (row: Record<string, unknown>) => ({
  ...row,
  idNumberSealed: row.idNumberSealed ? '***' : null,
});

export async function createCommissioner(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  body: CommissionerBody,
) {
  checkRegion(deps, actor, body.regionCode);
  const { idNumber, username, ...rest } = body;
  const id = await deps.db.transaction(async (tx) => {
    const row = await insertCommissioner(tx, {
      ...rest,
      idNumberSealed: sealIdNumber(idNumber) ?? null,
      userId: (await linkUser(tx, username)) ?? null,
    });
    await writeAudit(tx, ctx, {
      action: 'agri.commissioner.create',
      targetType: 'agri_commissioner',
      targetId: row.id,
      after: audited(row),
    });
    return row.id;
  });
  return commissionerItem((await getCommissioner(deps.db, scopeOf(actor, deps.regions), id))!);
}

export async function updateCommissioner(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: CommissionerUpdate,
) {
  const scope = scopeOf(actor, deps.regions);
  if (body.regionCode) checkRegion(deps, actor, body.regionCode);
  await deps.db.transaction(async (tx) => {
    if (!(await getCommissioner(tx, scope, id))) throw notFound(COMMISSIONER);
    const row = await lockCommissioner(tx, id);
    if (!canManageRegion(actor, scope, row.regionCode)) throw forbidden();
    const { idNumber, username, ...rest } = body;
    const after = await updateCommissionerRow(tx, id, {
      ...rest,
      idNumberSealed: sealIdNumber(idNumber),
      userId: await linkUser(tx, username, id),
    });
    await writeAudit(tx, ctx, {
      action: 'agri.commissioner.update',
      targetType: 'agri_commissioner',
      targetId: id,
      before: audited(row),
      after: audited(after),
    });
  });
  return commissionerItem((await getCommissioner(deps.db, scope, id))!);
}

// ---- dispatches ----

export async function createDispatch(deps: Deps, ctx: AuditContext, actor: Actor, body: DispatchBody) {
  checkRegion(deps, actor, body.regionCode);
  checkPeriod(body.startsOn, body.endsOn, 'endsOn');
  if (body.servedKind === 'village' && body.servedOrgId) {
    throw invalid('servedOrgId', msg('村不是登记单位', 'A village is not a registry organisation'));
  }
  const scope = scopeOf(actor, deps.regions);
  const id = await deps.db.transaction(async (tx) => {
    // Any commissioner of the city may be dispatched into the county; the bureau's list is city-wide.
    if (!(await getCommissioner(tx, { kind: 'city' }, body.commissionerId))) {
      throw invalid('commissionerId', msg('科技特派员不存在', 'No such commissioner'));
    }
    await checkOrg(tx, body.servedOrgId, 'servedOrgId');
    const row = await insertDispatch(tx, body);
    await writeAudit(tx, ctx, {
      action: 'agri.dispatch.create',
      targetType: 'agri_dispatch',
      targetId: row.id,
      after: body,
    });
    return row.id;
  });
  return (await getDispatch(deps.db, scope, id))!;
}

/** The signed agreement (PDF), replaced when uploaded again. */
export async function uploadAgreement(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  up: { fileName: string; file: Buffer },
) {
  const scope = scopeOf(actor, deps.regions);
  await deps.db.transaction(async (tx) => {
    const row = await getDispatch(tx, scope, id);
    if (!row) throw notFound(DISPATCH);
    if (!canManageRegion(actor, scope, row.regionCode)) throw forbidden();
    const { type, mime } = checkFile(up.fileName, up.file);
    if (type !== 'pdf') throw invalid('file', msg('协议须为 PDF 文件', 'The agreement must be a PDF'));
    await setAgreement(tx, id, { fileName: up.fileName, mime, content: up.file });
    await writeAudit(tx, ctx, {
      action: 'agri.dispatch.agreement',
      targetType: 'agri_dispatch',
      targetId: id,
      after: { fileName: up.fileName, size: up.file.length },
    });
  });
  return (await getDispatch(deps.db, scope, id))!;
}

export async function agreementFile(deps: Deps, actor: Actor, id: string) {
  const row = await getDispatch(deps.db, scopeOf(actor, deps.regions), id);
  if (!row) throw notFound(DISPATCH);
  const file = await agreementOf(deps.db, id);
  if (!file?.content) throw notFound(msg('协议文件', 'agreement file'));
  return { fileName: file.fileName!, mime: file.mime!, content: file.content };
}

// ---- appraisal ----

export function appraisalItem(year: number) {
  return (row: AppraisalRow) => {
    const satisfaction = row.satisfaction === null ? null : Math.round(Number(row.satisfaction) * 100) / 100;
    return { ...row, year, satisfaction, ...appraise({ ...row, satisfaction }) };
  };
}

/** The county's grade of a commissioner's year. */
export async function gradeCommissioner(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  year: number,
  body: AppraisalBody,
) {
  const scope = scopeOf(actor, deps.regions);
  await deps.db.transaction(async (tx) => {
    const row = await getCommissioner(tx, scope, id);
    if (!row) throw notFound(COMMISSIONER);
    if (!canManageRegion(actor, scope, row.regionCode)) throw forbidden();
    const values = {
      commissionerId: id,
      year,
      countyGrade: body.countyGrade,
      note: body.note,
      gradedBy: actor.id,
    };
    const before = await upsertAppraisal(tx, values);
    await writeAudit(tx, ctx, {
      action: 'agri.appraisal.grade',
      targetType: 'agri_commissioner',
      targetId: id,
      before,
      after: values,
    });
  });
}
