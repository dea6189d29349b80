/** The signed contract (PDF): the seller uploads it while the contract is editable; parties and registrars read it. */
import { createHash } from 'node:crypto';
import { msg } from '../../../domain/message';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { scopeOf } from '../../platform/scope';
import { checkFile } from '../projects/applications/sniff';
import { canEdit, isSeller } from './policy';
import { getContract, getFile, insertFile, removeFile } from './repo';
import { loadVisible } from './service';

const FILE = msg('合同文本', 'contract file');

function refuseChange(actor: Actor, row: { sellerOrgId: string }): never {
  if (!isSeller(actor, row)) throw forbidden();
  throw conflict(
    msg('只有草稿或退回补正的合同可以更换合同文本', 'The file changes only while the contract is editable'),
    'status',
  );
}

export async function addContractFile(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  contractId: string,
  up: { fileName: string; file: Buffer },
) {
  return deps.db.transaction(async (tx) => {
    const { row } = await loadVisible(tx, deps, actor, contractId);
    if (!canEdit(actor, { ...row, status: row.status })) refuseChange(actor, row);
    const { type, mime } = checkFile(up.fileName, up.file);
    if (type !== 'pdf')
      throw invalid('file', msg('合同文本须为 PDF 文件', 'The signed contract must be a PDF'));
    const created = await insertFile(tx, {
      contractId,
      fileName: up.fileName,
      mime,
      size: up.file.length,
      sha256: createHash('sha256').update(up.file).digest('hex'),
      content: up.file,
      uploadedBy: actor.id,
    });
    const { content: _c, ...meta } = created;
    await writeAudit(tx, ctx, {
      action: 'tech_contract.file.create',
      targetType: 'tech_contract_file',
      targetId: created.id,
      after: meta,
    });
    return { ...meta, uploadedAt: new Date(meta.uploadedAt).toISOString() };
  });
}

/** A file whose contract the actor may see, else 404. */
export async function loadVisibleFile(tx: Tx, deps: Deps, actor: Actor, id: string) {
  const file = await getFile(tx, id);
  if (!file) throw notFound(FILE);
  const contract = await getContract(tx, scopeOf(actor, deps.regions), file.contractId);
  if (!contract) throw notFound(FILE);
  return file;
}

export async function deleteContractFile(deps: Deps, ctx: AuditContext, actor: Actor, id: string) {
  await deps.db.transaction(async (tx) => {
    const file = await loadVisibleFile(tx, deps, actor, id);
    const { row } = await loadVisible(tx, deps, actor, file.contractId);
    if (!canEdit(actor, row)) refuseChange(actor, row);
    await removeFile(tx, id);
    const { content: _c, ...meta } = file;
    await writeAudit(tx, ctx, {
      action: 'tech_contract.file.delete',
      targetType: 'tech_contract_file',
      targetId: id,
      before: meta,
    });
  });
  return { ok: true as const };
}
