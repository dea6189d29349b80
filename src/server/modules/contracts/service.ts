/** 技术合同: the seller's drafts and the detail every party and registrar reads; every write audited. */
import type { ContractBody, ContractUpdate } from '../../../domain/contracts/tech-contracts';
import { msg } from '../../../domain/message';
import type { ContractStatus } from '../../../domain/tech-contracts';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { scopeOf } from '../../platform/scope';
import { checkContract } from './checks';
import { actionsFor, canEdit, isRegistrar, isSeller, registrarRegionOf } from './policy';
import {
  amountsOf,
  detailExtras,
  eventsOf,
  filesOf,
  getContract,
  insertContract,
  insertEvent,
  lockContract,
  orgById,
  updateIfUnchanged,
} from './repo';

export const CONTRACT = msg('技术合同', 'technology contract');

export const staleVersion = () =>
  conflict(
    msg('该合同已被他人修改，请刷新后重试', 'The contract has changed meanwhile; reload and try again'),
    'version',
  );

/** A contract the actor may see, locked for a write; 404 outside the scope. */
export async function loadVisible(tx: Tx, deps: Deps, actor: Actor, id: string) {
  const scope = scopeOf(actor, deps.regions);
  const visible = await getContract(tx, scope, id);
  if (!visible) throw notFound(CONTRACT);
  const row = await lockContract(tx, id);
  return { row, visible, scope };
}

export async function contractDetail(deps: Deps, actor: Actor, id: string) {
  const scope = scopeOf(actor, deps.regions);
  const contract = await getContract(deps.db, scope, id);
  if (!contract) throw notFound(CONTRACT);
  const [extras, files, events, amounts] = await Promise.all([
    detailExtras(deps.db, id),
    filesOf(deps.db, id),
    eventsOf(deps.db, id),
    amountsOf(deps.db, id),
  ]);
  const status = contract.status as ContractStatus;
  const row = { ...contract, status };
  return {
    contract: {
      ...contract,
      ...extras,
      nontechCosts: extras.nontechCosts as { item: string; amount: string }[],
    },
    files,
    events,
    amounts,
    abilities: {
      edit: canEdit(actor, row),
      actions: actionsFor(actor, deps.regions, row),
      certificate: status === 'registered' || status === 'cancelled',
    },
  };
}

/** The seller enters a draft: its own organisation is the seller, its region the registrar's. */
export async function createContract(deps: Deps, ctx: AuditContext, actor: Actor, body: ContractBody) {
  if (!actor.orgId || !actor.permissions.has('contracts.submit')) throw forbidden();
  const id = await deps.db.transaction(async (tx) => {
    const org = await orgById(tx, actor.orgId!);
    if (!org) throw forbidden();
    const values = await checkContract(tx, body, org.id);
    const row = await insertContract(tx, {
      ...values,
      sellerOrgId: org.id,
      regionCode: org.regionCode,
      registrarRegion: registrarRegionOf(deps.regions, org.regionCode),
      status: 'draft',
      createdBy: actor.id,
    });
    await insertEvent(tx, {
      contractId: row.id,
      action: 'create',
      fromStatus: null,
      toStatus: 'draft',
      on: row.signedOn,
      actorId: actor.id,
      actorUsername: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: 'tech_contract.create',
      targetType: 'tech_contract',
      targetId: row.id,
      after: row,
    });
    return row.id;
  });
  return contractDetail(deps, actor, id);
}

export async function updateContract(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  { version, ...body }: ContractUpdate,
) {
  await deps.db.transaction(async (tx) => {
    const { row } = await loadVisible(tx, deps, actor, id);
    if (!isSeller(actor, row)) throw forbidden();
    if (!canEdit(actor, row))
      throw conflict(
        msg('只有草稿或退回补正的合同可以修改', 'Only a draft or a returned contract can be edited'),
        'status',
      );
    if (row.version !== version) throw staleVersion();
    const values = await checkContract(tx, body, row.sellerOrgId);
    const after = await updateIfUnchanged(tx, id, version, values);
    if (!after) throw staleVersion();
    await writeAudit(tx, ctx, {
      action: 'tech_contract.update',
      targetType: 'tech_contract',
      targetId: id,
      before: row,
      after,
    });
  });
  return contractDetail(deps, actor, id);
}

/** The registrar's view of whether a number may be shown: registered or cancelled, in scope. */
export async function certificateContract(deps: Deps, actor: Actor, id: string) {
  const detail = await contractDetail(deps, actor, id);
  if (!detail.abilities.certificate)
    throw conflict(msg('该合同尚未登记，没有登记证明', 'The contract is not registered'), 'status');
  return detail;
}

export function requireRegistrar(deps: Deps, actor: Actor, row: { registrarRegion: string }) {
  if (!isRegistrar(actor, deps.regions, row)) throw forbidden();
}

export function onOrToday(on: string | undefined, today: string, field = 'on') {
  const day = on ?? today;
  if (day > today) throw invalid(field, msg('日期不能晚于今天', 'The day cannot be in the future'));
  return day;
}
