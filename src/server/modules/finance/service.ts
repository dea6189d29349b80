/** 科技金融: entering, editing and removing records, and the institutions' directory; every write audited. */
import type { InstitutionBody, RecordBody, RecordUpdate } from '../../../domain/contracts/finance';
import { msg } from '../../../domain/message';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { scopeOf } from '../../platform/scope';
import { checkRecord } from './checks';
import { canWriteRecord } from './policy';
import {
  deleteRecordRow,
  getInstitution,
  getRecord,
  insertInstitutions,
  insertRecords,
  institutionOf,
  lockRecord,
  orgByUscc,
  updateRecordRow,
} from './repo';

const RECORD = msg('科技金融记录', 'finance record');

export async function recordDetail(deps: Deps, actor: Actor, id: string) {
  const scope = scopeOf(actor, deps.regions);
  const record = await getRecord(deps.db, scope, id);
  if (!record) throw notFound(RECORD);
  return { record, abilities: { edit: canWriteRecord(actor, scope, record) } };
}

export async function createRecord(deps: Deps, ctx: AuditContext, actor: Actor, body: RecordBody) {
  const scope = scopeOf(actor, deps.regions);
  const id = await deps.db.transaction(async (tx) => {
    const values = await checkRecord(tx, actor, scope, body);
    const [row] = await insertRecords(tx, [{ ...values, createdBy: actor.id }]);
    await writeAudit(tx, ctx, {
      action: 'finance.record.create',
      targetType: 'finance_record',
      targetId: row.id,
      after: values,
    });
    return row.id;
  });
  return (await getRecord(deps.db, scope, id))!;
}

/** Reads a record for a write: out of scope is not found; in scope but not the writer's, 403. */
async function loadForWrite(deps: Deps, tx: Parameters<typeof lockRecord>[0], actor: Actor, id: string) {
  const scope = scopeOf(actor, deps.regions);
  if (!(await getRecord(tx, scope, id))) throw notFound(RECORD);
  const row = await lockRecord(tx, id);
  if (!canWriteRecord(actor, scope, row)) throw forbidden();
  return { row, scope };
}

export async function updateRecord(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: RecordUpdate,
) {
  const scope = await deps.db.transaction(async (tx) => {
    const { row, scope } = await loadForWrite(deps, tx, actor, id);
    const current = await getRecord(tx, scope, id);
    const merged: RecordBody = {
      kind: row.kind,
      institutionId: row.institutionId,
      enterpriseUscc: current!.enterpriseUscc,
      startOn: row.startOn,
      endOn: row.endOn,
      instrument: row.instrument,
      amount: row.amount,
      cover: row.cover,
      termMonths: row.termMonths,
      guaranteeFree: row.guaranteeFree,
      board: row.board,
      round: row.round,
      refNo: row.refNo,
      appNo: row.appNo,
      note: row.note,
      ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)),
    };
    const values = await checkRecord(tx, actor, scope, merged, id);
    const after = await updateRecordRow(tx, id, values);
    await writeAudit(tx, ctx, {
      action: 'finance.record.update',
      targetType: 'finance_record',
      targetId: id,
      before: row,
      after,
    });
    return scope;
  });
  return (await getRecord(deps.db, scope, id))!;
}

export async function deleteRecord(deps: Deps, ctx: AuditContext, actor: Actor, id: string) {
  await deps.db.transaction(async (tx) => {
    const { row } = await loadForWrite(deps, tx, actor, id);
    await deleteRecordRow(tx, id);
    await writeAudit(tx, ctx, {
      action: 'finance.record.delete',
      targetType: 'finance_record',
      targetId: id,
      before: row,
    });
  });
  return { ok: true as const };
}

/** Registers a registry organisation of kind 金融机构 as a bank, fund, guarantor, insurer or exchange. */
export async function createInstitution(deps: Deps, ctx: AuditContext, body: InstitutionBody) {
  const id = await deps.db.transaction(async (tx) => {
    const org = await orgByUscc(tx, body.uscc);
    if (org?.kind !== 'financial_institution')
      throw invalid(
        'uscc',
        msg(
          '单位库中没有该金融机构（类别须为金融机构）',
          'No financial institution with that USCC in the registry',
        ),
      );
    if (await institutionOf(tx, org.id))
      throw conflict(msg('该机构已在名录中', 'The institution is already listed'), 'uscc');
    await insertInstitutions(tx, [{ orgId: org.id, type: body.type }]);
    await writeAudit(tx, ctx, {
      action: 'finance.institution.create',
      targetType: 'finance_institution',
      targetId: org.id,
      after: { orgId: org.id, name: org.name, type: body.type },
    });
    return org.id;
  });
  return (await getInstitution(deps.db, id))!;
}

/** The caller's own institution (a bank or fund user), or null. */
export async function myInstitution(deps: Deps, actor: Actor) {
  if (!actor.orgId) return { institution: null };
  return { institution: (await getInstitution(deps.db, actor.orgId)) ?? null };
}
