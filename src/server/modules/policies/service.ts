/** 政策文件库: drafting, issuing and repealing policy documents; every write audited. */
import type { PolicyBody, PolicyTransition, PolicyUpdate } from '../../../domain/contracts/policies';
import { msg } from '../../../domain/message';
import { POLICY_STATUS_NAMES, POLICY_TRANSITIONS } from '../../../domain/policies';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { scopeOf } from '../../platform/scope';
import { canEditPolicy, canManagePolicy, transitionsFor } from './policy';
import { documentNoTaken, getPolicy, getPolicyBody, insertPolicy, lockPolicy, updatePolicyRow } from './repo';

const DOCUMENT = msg('政策文件', 'policy document');

export async function policyDetail(deps: Deps, actor: Actor, id: string) {
  const scope = scopeOf(actor, deps.regions);
  const policy = await getPolicy(deps.db, scope, deps.regions, id);
  if (!policy) throw notFound(DOCUMENT);
  return {
    policy: { ...policy, body: await getPolicyBody(deps.db, id) },
    abilities: {
      edit: canEditPolicy(actor, scope, policy),
      transitions: transitionsFor(actor, scope, policy),
    },
  };
}

function checkRegion(deps: Deps, regionCode: string) {
  if (!deps.regions.get(regionCode)) {
    throw invalid('regionCode', msg('发文区域不存在', 'No such region'));
  }
}

async function checkDocumentNo(tx: Tx, documentNo: string | null | undefined, exceptId?: string) {
  if (documentNo && (await documentNoTaken(tx, documentNo, exceptId))) {
    throw conflict(
      msg(`文号 ${documentNo} 已被使用`, `Document number ${documentNo} is taken`),
      'documentNo',
    );
  }
}

/** Reads the document for a write: out of scope is not found; in scope but not a manager's, 403. */
async function loadForWrite(deps: Deps, tx: Tx, actor: Actor, id: string) {
  const scope = scopeOf(actor, deps.regions);
  const visible = await getPolicy(tx, scope, deps.regions, id);
  if (!visible) throw notFound(DOCUMENT);
  const row = await lockPolicy(tx, id);
  if (!canManagePolicy(actor, scope, row)) throw forbidden();
  return { row, scope };
}

export async function createPolicy(deps: Deps, ctx: AuditContext, actor: Actor, body: PolicyBody) {
  checkRegion(deps, body.regionCode);
  const scope = scopeOf(actor, deps.regions);
  if (!canManagePolicy(actor, scope, body)) {
    throw invalid('regionCode', msg('不能为管辖范围外的区域起草文件', 'That region is outside your scope'));
  }
  const id = await deps.db.transaction(async (tx) => {
    await checkDocumentNo(tx, body.documentNo);
    const row = await insertPolicy(tx, { ...body, status: 'drafting' });
    await writeAudit(tx, ctx, {
      action: 'policy.create',
      targetType: 'policy_document',
      targetId: row.id,
      after: { ...row, body: undefined },
    });
    return row.id;
  });
  return (await getPolicy(deps.db, scope, deps.regions, id))!;
}

export async function updatePolicy(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  body: PolicyUpdate,
) {
  if (body.regionCode) checkRegion(deps, body.regionCode);
  const scope = await deps.db.transaction(async (tx) => {
    const { row, scope } = await loadForWrite(deps, tx, actor, id);
    if (row.status !== 'drafting') {
      throw conflict(
        msg('已印发或废止的文件不能修改', 'An issued or repealed document cannot be edited'),
        'status',
      );
    }
    if (body.regionCode && !canManagePolicy(actor, scope, { regionCode: body.regionCode })) {
      throw invalid('regionCode', msg('不能移到管辖范围外的区域', 'That region is outside your scope'));
    }
    await checkDocumentNo(tx, body.documentNo, id);
    const after = await updatePolicyRow(tx, id, body);
    await writeAudit(tx, ctx, {
      action: 'policy.update',
      targetType: 'policy_document',
      targetId: id,
      before: { ...row, body: undefined },
      after: { ...after, body: undefined },
    });
    return scope;
  });
  return (await getPolicy(deps.db, scope, deps.regions, id))!;
}

/** drafting → issued (needs its 文号) → repealed, each move audited with the day it takes effect. */
export async function transitionPolicy(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  { to, on = clock.today() }: PolicyTransition,
) {
  const scope = await deps.db.transaction(async (tx) => {
    const { row, scope } = await loadForWrite(deps, tx, actor, id);
    if (!POLICY_TRANSITIONS[row.status].includes(to)) {
      const from = POLICY_STATUS_NAMES[row.status];
      const target = POLICY_STATUS_NAMES[to];
      throw conflict(
        msg(
          `${from.zh}的文件不能改为${target.zh}`,
          `A document that is ${from.en} cannot become ${target.en}`,
        ),
        'to',
      );
    }
    if (to === 'issued' && !row.documentNo) {
      throw invalid('documentNo', msg('印发前须填写文号', 'Give the document number before issuing'));
    }
    if (to === 'repealed' && row.issuedOn && on < row.issuedOn) {
      throw invalid('on', msg('废止日期不能早于印发日期', 'Repeal cannot precede issue'));
    }
    const set = to === 'issued' ? { status: to, issuedOn: on } : { status: to, repealedOn: on };
    await updatePolicyRow(tx, id, set);
    await writeAudit(tx, ctx, {
      action: `policy.${to === 'issued' ? 'issue' : 'repeal'}`,
      targetType: 'policy_document',
      targetId: id,
      before: { status: row.status },
      after: set,
    });
    return scope;
  });
  return (await getPolicy(deps.db, scope, deps.regions, id))!;
}
