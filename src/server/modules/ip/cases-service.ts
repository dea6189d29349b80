/**
 * 专利行政执法 cases: the handling bureau enters a case, files (立案) or declines it and takes it to
 * a decision, mediation or withdrawal and to 结案, within the statutory deadline (domain/ip-cases.ts).
 * Every move is one conditional UPDATE at the version the user saw, its history row and its audit
 * record in one transaction; 立案 takes the next 案号 of the bureau's region and year.
 */
import type { CaseActionBody, CaseBody, CaseUpdate } from '../../../domain/contracts/ip-cases';
import { checkApplicationNumber } from '../../../domain/ip';
import {
  CASE_ACTION_CODES,
  CASE_STATUS,
  CASE_TRANSITIONS,
  type CaseAction,
  type CaseKind,
  type CaseStatus,
  caseActionAllowed,
  caseDeadline,
  RUNNING,
} from '../../../domain/ip-cases';
import { msg } from '../../../domain/message';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { inScope, type Scope, scopeOf } from '../../platform/scope';
import {
  type CaseRecord,
  caseEventsOf,
  getCase,
  insertCase,
  insertCaseEvents,
  lockCase,
  nextCaseSequence,
  updateCaseIfUnchanged,
} from './cases-repo';

const CASE = msg('执法案件', 'enforcement case');

const staleVersion = () =>
  conflict(
    msg('该案件已被他人修改，请刷新后重试', 'The case has changed meanwhile; reload and try again'),
    'version',
  );

/** 案号: the year of 立案, the bureau's region code and a four-digit sequence of both. */
export function caseNumber(year: number, regionCode: string, seq: number): string {
  return `${year}${regionCode}${String(seq).padStart(4, '0')}`;
}

const mayHandle = (actor: Actor) => actor.permissions.has('ip.enforce');
/** A case can be corrected until it has ended (declined, decided, mediated, withdrawn, closed). */
const editable = (status: CaseStatus) => status === 'received' || RUNNING.includes(status);

/** The handling bureau: a county user's county, the city's bureau for city staff. */
function bureauOf(deps: Deps, actor: Actor): string {
  if (actor.regionCode && deps.regions.get(actor.regionCode)?.level === 'county') return actor.regionCode;
  return deps.regions.rows.find((r) => r.level === 'city')!.code;
}

function checkBody(deps: Deps, scope: Scope, b: Partial<CaseBody>) {
  if (b.regionCode !== undefined) {
    const region = deps.regions.get(b.regionCode);
    if (!region || region.level === 'city' || !region.holdsData)
      throw invalid(
        'regionCode',
        msg('请选择案件发生地所在的县（市、区）', 'Choose the county where the case arises'),
      );
    if (!inScope(scope, { regionCode: b.regionCode }))
      throw invalid('regionCode', msg('超出本单位管辖区域', 'The region is outside your jurisdiction'));
  }
  if (b.receivedOn && b.receivedOn > clock.today())
    throw invalid('receivedOn', msg('收到日期不能晚于今天', 'The day received cannot be in the future'));
  if (b.patentAppNo) {
    const r = checkApplicationNumber(b.patentAppNo, null, new Date(`${clock.today()}T00:00:00Z`));
    if (!r.ok) throw invalid('patentAppNo', r.reason);
    return { patentAppNo: r.value };
  }
  return { patentAppNo: b.patentAppNo === undefined ? undefined : null };
}

function itemOf(row: CaseRecord, names: { regionName: string; bureauName: string }) {
  const { summary: _s, createdBy: _c, createdAt: _a, updatedAt: _u, closedOn: _d, ...item } = row;
  return { ...item, ...names };
}

export async function caseDetail(deps: Deps, actor: Actor, id: string) {
  const found = await getCase(deps.db, scopeOf(actor, deps.regions), id);
  if (!found) throw notFound(CASE);
  const { row, ...names } = found;
  const events = await caseEventsOf(deps.db, id);
  const facts = { kind: row.kind as CaseKind, status: row.status as CaseStatus, extended: row.extended };
  return {
    case: { ...itemOf(row, names), summary: row.summary },
    events,
    actions: mayHandle(actor) ? CASE_ACTION_CODES.filter((a) => caseActionAllowed(a, facts)) : [],
    canEdit: mayHandle(actor) && editable(facts.status),
  };
}

export async function createCase(deps: Deps, ctx: AuditContext, actor: Actor, body: CaseBody) {
  const scope = scopeOf(actor, deps.regions);
  const { patentAppNo } = checkBody(deps, scope, body);
  const row = await deps.db.transaction(async (tx) => {
    const created = await insertCase(tx, {
      ...body,
      bureauCode: bureauOf(deps, actor),
      patentAppNo: patentAppNo ?? null,
      createdBy: actor.id,
    });
    await writeAudit(tx, ctx, {
      action: 'ip.case.create',
      targetType: 'ip_case',
      targetId: created.id,
      after: { kind: body.kind, title: body.title, regionCode: body.regionCode, receivedOn: body.receivedOn },
    });
    return created;
  });
  return caseDetail(deps, actor, row.id);
}

async function loadForWrite(tx: Tx, deps: Deps, actor: Actor, id: string, version: number) {
  if (!(await getCase(tx, scopeOf(actor, deps.regions), id))) throw notFound(CASE);
  const row = await lockCase(tx, id);
  if (row.version !== version) throw staleVersion();
  return row;
}

export async function updateCase(deps: Deps, ctx: AuditContext, actor: Actor, id: string, body: CaseUpdate) {
  const { version, ...change } = body;
  const { patentAppNo } = checkBody(deps, scopeOf(actor, deps.regions), change);
  await deps.db.transaction(async (tx) => {
    const row = await loadForWrite(tx, deps, actor, id, version);
    if (!editable(row.status as CaseStatus))
      throw conflict(msg('案件已办结，不能再修改', 'The case has ended and cannot be changed'), 'status');
    if (row.filedOn && change.kind && change.kind !== row.kind)
      throw invalid('kind', msg('立案后不能改变案件类型', 'The kind is fixed at filing'));
    const set = { ...change, ...(patentAppNo !== undefined ? { patentAppNo } : {}) };
    if (!(await updateCaseIfUnchanged(tx, id, version, set))) throw staleVersion();
    await writeAudit(tx, ctx, {
      action: 'ip.case.update',
      targetType: 'ip_case',
      targetId: id,
      before: Object.fromEntries(Object.keys(set).map((k) => [k, row[k as keyof CaseRecord]])),
      after: set,
    });
  });
  return caseDetail(deps, actor, id);
}

/** What a move sets beyond the status, given the day it happened. */
function effects(action: CaseAction, row: CaseRecord, on: string): Partial<CaseRecord> {
  const kind = row.kind as CaseKind;
  switch (action) {
    case 'file':
      return { filedOn: on, deadline: caseDeadline(kind, on, false) };
    case 'extend':
      return { extended: true, deadline: caseDeadline(kind, row.filedOn!, true) };
    case 'decline':
    case 'decide':
    case 'mediate':
    case 'withdraw':
      return { endedOn: on };
    case 'close':
      return { closedOn: on };
    default:
      return {};
  }
}

export async function actOnCase(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  action: CaseAction,
  body: CaseActionBody,
) {
  if (!mayHandle(actor)) throw forbidden();
  const t = CASE_TRANSITIONS[action];
  const today = clock.today();
  const on = body.on ?? today;
  if (on > today) throw invalid('on', msg('日期不能晚于今天', 'The day cannot be in the future'));
  await deps.db.transaction(async (tx) => {
    const row = await loadForWrite(tx, deps, actor, id, body.version);
    const status = row.status as CaseStatus;
    if (!caseActionAllowed(action, { kind: row.kind as CaseKind, status, extended: row.extended }))
      throw conflict(
        msg(
          `案件当前为「${CASE_STATUS[status].zh}」，不能「${t.name.zh}」`,
          `"${t.name.en}" is not possible while the case is ${CASE_STATUS[status].en}`,
        ),
        'action',
      );
    if (t.noteRequired && !body.note?.trim())
      throw invalid('note', msg('请填写说明', 'Say why or what in the note'));
    const earliest = row.filedOn ?? row.receivedOn;
    if (on < earliest)
      throw invalid('on', msg(`日期不能早于${earliest}`, `The day cannot precede ${earliest}`));
    const to = t.to ?? status;
    let set = effects(action, row, on);
    if (action === 'file') {
      const year = Number(on.slice(0, 4));
      set = {
        ...set,
        caseNo: caseNumber(year, row.bureauCode, await nextCaseSequence(tx, row.bureauCode, year)),
      };
    }
    if (!(await updateCaseIfUnchanged(tx, id, body.version, { ...set, status: to }))) throw staleVersion();
    const note = body.note?.trim() || null;
    await insertCaseEvents(tx, [
      {
        caseId: id,
        action,
        fromStatus: status,
        toStatus: to,
        on,
        note,
        actorId: actor.id,
        actorUsername: actor.username,
      },
    ]);
    await writeAudit(tx, ctx, {
      action: `ip.case.${action}`,
      targetType: 'ip_case',
      targetId: id,
      before: { status, version: row.version, deadline: row.deadline },
      after: { status: to, ...set, note },
    });
  });
  return caseDetail(deps, actor, id);
}
