/**
 * 揭榜/燎原 solution calls: the bureau puts a published demand out as a call, providers propose,
 * staff shortlist, the demander picks. Every step audited.
 */
import type { CallBody, ProposalBody } from '../../../domain/contracts/market';
import { msg } from '../../../domain/message';
import type { Actor } from '../../platform/actor';
import { type AuditContext, writeAudit } from '../../platform/audit';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { inScope, scopeOf } from '../../platform/scope';
import { getAchievement } from './achievements-repo';
import {
  type CallRow,
  getCall,
  insertCall,
  insertProposal,
  lockCall,
  lockProposal,
  proposalOfOrg,
  proposalsOf,
  rejectOthers,
  setProposalStatus,
  updateCallRow,
} from './calls-repo';
import { getDemand } from './demands-repo';

const CALL = msg('揭榜项目', 'solution call');
const PROPOSAL = msg('解决方案', 'proposal');

function abilities(actor: Actor, deps: Deps, call: CallRow) {
  const scope = scopeOf(actor, deps.regions);
  const manager = actor.permissions.has('market.manage') && inScope(scope, { regionCode: call.regionCode });
  const demander = !!actor.orgId && actor.orgId === call.demandOrgId;
  const open = call.status === 'open' && call.closesOn >= clock.today();
  return {
    manager,
    demander,
    propose: open && !!actor.orgId && !demander && actor.permissions.has('market.post'),
    shortlist: manager && call.status !== 'awarded',
    pick: demander && call.status !== 'awarded',
    close: manager && call.status === 'open',
  };
}

export async function callDetail(deps: Deps, actor: Actor, id: string) {
  const call = await getCall(deps.db, scopeOf(actor, deps.regions), id);
  if (!call) throw notFound(CALL);
  const { manager, demander, ...can } = abilities(actor, deps, call);
  const all = await proposalsOf(deps.db, id);
  const proposals = all.filter(
    (p) =>
      manager ||
      p.orgId === actor.orgId ||
      (demander && (p.status === 'shortlisted' || p.status === 'picked')),
  );
  const { demandOrgId: _o, ...item } = call;
  return { call: item, proposals, abilities: can };
}

export async function createCall(deps: Deps, ctx: AuditContext, actor: Actor, body: CallBody) {
  const scope = scopeOf(actor, deps.regions);
  const demand = await getDemand(deps.db, scope, body.demandId);
  if (demand?.status !== 'published') {
    throw invalid('demandId', msg('须选择已发布的技术需求', 'Choose a published demand'));
  }
  if (!actor.permissions.has('market.manage') || !inScope(scope, { regionCode: demand.regionCode }))
    throw forbidden();
  const today = clock.today();
  if (body.closesOn < today)
    throw invalid('closesOn', msg('截止日期不能早于今天', 'The closing day cannot be in the past'));
  const id = await deps.db.transaction(async (tx) => {
    const row = await insertCall(tx, {
      ...body,
      regionCode: demand.regionCode,
      opensOn: today,
      status: 'open',
    });
    await writeAudit(tx, ctx, {
      action: 'market.call.create',
      targetType: 'market_call',
      targetId: row.id,
      after: row,
    });
    return row.id;
  });
  return callDetail(deps, actor, id);
}

export async function propose(deps: Deps, ctx: AuditContext, actor: Actor, id: string, body: ProposalBody) {
  const call = await getCall(deps.db, scopeOf(actor, deps.regions), id);
  if (!call) throw notFound(CALL);
  const can = abilities(actor, deps, call);
  if (!can.propose || !actor.orgId) {
    if (call.status !== 'open' || call.closesOn < clock.today()) {
      throw conflict(msg('该榜单已截止征集', 'The call is closed'), 'status');
    }
    throw forbidden();
  }
  const orgId = actor.orgId;
  if (body.achievementId) {
    const a = await getAchievement(deps.db, { kind: 'org', orgId }, body.achievementId);
    if (!a || a.ownerOrgId !== orgId) {
      throw invalid('achievementId', msg('只能附本单位的成果', 'Attach one of your own achievements'));
    }
  }
  await deps.db.transaction(async (tx) => {
    await lockCall(tx, id);
    if (await proposalOfOrg(tx, id, orgId)) {
      throw conflict(msg('本单位已提交过解决方案', 'Your organisation has already proposed'), 'summary');
    }
    const row = await insertProposal(tx, {
      callId: id,
      orgId,
      summary: body.summary,
      achievementId: body.achievementId,
    });
    await writeAudit(tx, ctx, {
      action: 'market.proposal.create',
      targetType: 'market_call',
      targetId: id,
      after: row,
    });
  });
  return callDetail(deps, actor, id);
}

/** Staff shortlist a proposal; the demander picks one (the call is then awarded). */
export async function decideProposal(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  proposalId: string,
  decision: 'shortlist' | 'pick',
) {
  const call = await getCall(deps.db, scopeOf(actor, deps.regions), id);
  if (!call) throw notFound(CALL);
  const can = abilities(actor, deps, call);
  if (!(decision === 'shortlist' ? can.shortlist : can.pick)) {
    if (call.status === 'awarded') throw conflict(msg('该榜单已揭榜', 'The call has been awarded'), 'status');
    throw forbidden();
  }
  await deps.db.transaction(async (tx) => {
    await lockCall(tx, id);
    const p = await lockProposal(tx, id, proposalId);
    if (!p) throw notFound(PROPOSAL);
    const from = decision === 'shortlist' ? 'submitted' : 'shortlisted';
    if (p.status !== from) {
      throw conflict(
        decision === 'shortlist'
          ? msg('只有已提交的方案可入围', 'Only a submitted proposal can be shortlisted')
          : msg('只能从入围方案中选定', 'Pick one of the shortlisted proposals'),
        'status',
      );
    }
    await setProposalStatus(tx, proposalId, decision === 'shortlist' ? 'shortlisted' : 'picked');
    if (decision === 'pick') {
      await rejectOthers(tx, id, proposalId);
      await updateCallRow(tx, id, { status: 'awarded' });
    }
    await writeAudit(tx, ctx, {
      action: `market.proposal.${decision}`,
      targetType: 'market_call',
      targetId: id,
      after: { proposalId },
    });
  });
  return callDetail(deps, actor, id);
}

export async function closeCall(deps: Deps, ctx: AuditContext, actor: Actor, id: string) {
  const call = await getCall(deps.db, scopeOf(actor, deps.regions), id);
  if (!call) throw notFound(CALL);
  if (!abilities(actor, deps, call).close) {
    if (call.status !== 'open') throw conflict(msg('该榜单已不在征集中', 'The call is not open'), 'status');
    throw forbidden();
  }
  await deps.db.transaction(async (tx) => {
    await updateCallRow(tx, id, { status: 'closed' });
    await writeAudit(tx, ctx, {
      action: 'market.call.close',
      targetType: 'market_call',
      targetId: id,
      after: { status: 'closed' },
    });
  });
  return callDetail(deps, actor, id);
}
