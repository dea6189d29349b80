/**
 * The one way a contract changes state: visible to the actor (404), the actor's to take (403), at
 * the version the actor saw and from a status the table allows (409), with the reasons or note the
 * action requires (400); then a conditional UPDATE, the history row and the audit record in one
 * transaction. Registration takes the next number of the registrar's region and year in the same
 * transaction, so numbers are unique and without gaps.
 */
import type { ContractActionBody } from '../../../domain/contracts/tech-contracts';
import { msg } from '../../../domain/message';
import {
  CONTRACT_STATUS,
  CONTRACT_TRANSITIONS,
  type ContractAction,
  type ContractStatus,
} from '../../../domain/tech-contracts';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { conflict, forbidden, invalid } from '../../platform/errors';
import { checkAmounts } from './checks';
import { actionRefusal } from './policy';
import {
  type ContractRecord,
  countFiles,
  insertAmounts,
  insertEvent,
  lastAmountVersion,
  nextSequence,
  updateIfUnchanged,
} from './repo';
import { contractDetail, loadVisible, onOrToday, staleVersion } from './service';

/** 登记编号: year, the registrar's region code, a six-digit sequence of that region and year. */
export function registrationNumber(year: number, registrarRegion: string, seq: number): string {
  return `${year}${registrarRegion}${String(seq).padStart(6, '0')}`;
}

type Guard = (args: {
  tx: Tx;
  row: ContractRecord;
  body: ContractActionBody;
  today: string;
  actorId: string;
}) => Promise<Partial<ContractRecord>>;

function notBefore(day: string, earliest: string | null, what: ReturnType<typeof msg>) {
  if (earliest && day < earliest)
    throw invalid(
      'on',
      msg(`日期不能早于${what.zh}（${earliest}）`, `The day cannot precede ${what.en} (${earliest})`),
    );
}

const submit: Guard = async ({ tx, row, today }) => {
  if ((await countFiles(tx, row.id)) === 0)
    throw invalid('file', msg('请先上传已签订的合同文本（PDF）', 'Upload the signed contract (PDF) first'));
  return { submittedOn: today, reasonCodes: [], reasonNote: null };
};

const GUARDS: Record<ContractAction, Guard> = {
  submit,
  resubmit: submit,
  return: async ({ body }) => ({ reasonCodes: body.reasonCodes, reasonNote: body.note?.trim() || null }),
  refuse: async ({ body }) => ({ reasonCodes: body.reasonCodes, reasonNote: body.note?.trim() || null }),
  register: async ({ tx, row, body, today, actorId }) => {
    const on = onOrToday(body.on, today);
    notBefore(on, row.signedOn, msg('签订日期', 'the signing day'));
    const year = Number(on.slice(0, 4));
    const seq = await nextSequence(tx, row.registrarRegion, year);
    await insertAmounts(tx, [
      {
        contractId: row.id,
        version: 1,
        effectiveOn: on,
        exchangeRate: row.exchangeRate,
        contractAmountOrig: row.contractAmountOrig,
        techAmountOrig: row.techAmountOrig,
        contractAmount: row.contractAmount,
        techAmount: row.techAmount,
        nontechCosts: row.nontechCosts,
        note: '登记',
        createdBy: actorId,
      },
    ]);
    return { registeredOn: on, registrationNo: registrationNumber(year, row.registrarRegion, seq) };
  },
  amend: async ({ tx, row, body, today, actorId }) => {
    if (!body.amounts) throw invalid('amounts', msg('请填写变更后的金额', 'Give the amended amounts'));
    const on = onOrToday(body.on, today);
    notBefore(on, row.registeredOn, msg('登记日期', 'the registration day'));
    const amounts = checkAmounts(row.currency, body.amounts);
    const version = (await lastAmountVersion(tx, row.id)) + 1;
    await insertAmounts(tx, [
      {
        contractId: row.id,
        version,
        effectiveOn: on,
        ...amounts,
        note: body.note!.trim(),
        createdBy: actorId,
      },
    ]);
    return amounts;
  },
  cancel: async ({ row, body, today }) => {
    const on = onOrToday(body.on, today);
    notBefore(on, row.registeredOn, msg('登记日期', 'the registration day'));
    return { cancelledOn: on };
  },
};

export async function act(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  action: ContractAction,
  body: ContractActionBody,
) {
  const t = CONTRACT_TRANSITIONS[action];
  await deps.db.transaction(async (tx) => {
    const { row } = await loadVisible(tx, deps, actor, id);
    const status = row.status as ContractStatus;
    const refusal = actionRefusal(actor, deps.regions, { ...row, status }, action);
    if (refusal === 'role') throw forbidden();
    if (body.version !== row.version) throw staleVersion();
    if (refusal === 'state')
      throw conflict(
        msg(
          `合同当前为「${CONTRACT_STATUS[status].zh}」，不能「${t.name.zh}」`,
          `"${t.name.en}" is not possible while the contract is ${CONTRACT_STATUS[status].en}`,
        ),
        'action',
      );
    if (t.reasonsRequired && body.reasonCodes.length === 0)
      throw invalid('reasonCodes', msg('请至少选择一项理由', 'Choose at least one reason'));
    if (t.noteRequired && !body.note?.trim()) throw invalid('note', msg('请填写说明', 'Say why in the note'));
    const today = clock.today();
    const set = await GUARDS[action]({ tx, row, body, today, actorId: actor.id });
    const after = await updateIfUnchanged(tx, id, body.version, { ...set, status: t.to });
    if (!after) throw staleVersion();
    await insertEvent(tx, {
      contractId: id,
      action,
      fromStatus: status,
      toStatus: t.to,
      reasonCodes: body.reasonCodes,
      note: body.note?.trim() || null,
      on: (set.registeredOn ?? set.cancelledOn ?? body.on ?? today) as string,
      actorId: actor.id,
      actorUsername: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: `tech_contract.${action}`,
      targetType: 'tech_contract',
      targetId: id,
      before: {
        status,
        version: row.version,
        contractAmount: row.contractAmount,
        techAmount: row.techAmount,
      },
      after: { status: t.to, ...set, reasonCodes: body.reasonCodes, note: body.note ?? null },
    });
  });
  return contractDetail(deps, actor, id);
}
