/** Staff views of one call: the board by state, the ranking by panel score, the publicity list. */
import { APPLICATION_STATE_CODES } from '../../../../domain/projects';
import type { Actor } from '../../../platform/actor';
import type { Deps } from '../../../platform/deps';
import { scopeWhere } from '../../../platform/scope';
import { applicationScopeColumns } from '../applications/applications-repo';
import { stateName } from '../applications/presenter';
import { committedFunding } from '../calls/calls-repo';
import { loadCall } from '../calls/calls-service';
import { cents, wan, wanOrNull } from '../money';
import { projectScope } from '../policy';
import { countByState, publishedApplications, rankedApplications } from './board-repo';

export async function callBoard(deps: Deps, actor: Actor, callId: string) {
  const call = await loadCall(deps.db, actor, callId);
  const cond = scopeWhere(projectScope(actor, deps.regions), applicationScopeColumns);
  const counts = await countByState(deps.db, callId, cond);
  const mine = await committedFunding(deps.db, callId, cond);
  // What is left of the budget is a fact of the whole call, whatever part of it the viewer sees.
  const all = await committedFunding(deps.db, callId);
  const committedAll = cents(all.proposed) + cents(all.approved) + cents(all.terminatedPaid);
  const byState = new Map(counts.map((c) => [c.state, c.n]));
  return {
    callId,
    states: APPLICATION_STATE_CODES.map((s) => ({
      state: s,
      name: stateName(s),
      count: byState.get(s) ?? 0,
    })),
    total: counts.reduce((s, c) => s + c.n, 0),
    budget: wan(cents(call.budget)),
    proposed: wan(cents(mine.proposed)),
    approved: wan(cents(mine.approved)),
    paid: wan(cents(mine.paid)),
    committed: wan(cents(mine.proposed) + cents(mine.approved) + cents(mine.terminatedPaid)),
    remaining: wan(cents(call.budget) - committedAll),
  };
}

const RANKED = ['reviewed', 'proposed', 'approved'];

/** Reviewed applications by panel score, highest first; equal scores share a rank (1, 2, 2, 4). */
export async function callRanking(deps: Deps, actor: Actor, callId: string) {
  const call = await loadCall(deps.db, actor, callId);
  const scope = scopeWhere(projectScope(actor, deps.regions), applicationScopeColumns);
  const rows = await rankedApplications(deps.db, callId, RANKED, scope);
  const items = rows.map((r, i) => {
    const first = rows.findIndex((x) => x.panelScore === r.panelScore);
    return {
      rank: r.panelScore === null ? i + 1 : first + 1,
      id: r.id,
      title: r.title,
      orgName: r.orgName,
      regionName: deps.regions.get(r.regionCode)?.name ?? r.regionCode,
      state: r.state as (typeof APPLICATION_STATE_CODES)[number],
      panelScore: r.panelScore,
      requestedAmount: wanOrNull(r.requestedAmount),
      proposedAmount: wanOrNull(r.proposedAmount),
      approvedAmount: wanOrNull(r.approvedAmount),
    };
  });
  return { call, items, total: items.length };
}

const PUBLISHED = [
  'publicity',
  'established',
  'in_progress',
  'rectifying',
  'acceptance_pending',
  'closed',
  'terminated',
];

/** Applications published for publicity (公示): amount, and the period from publication to its end. */
export async function publicityList(deps: Deps, actor: Actor, callId: string) {
  const call = await loadCall(deps.db, actor, callId);
  const scope = scopeWhere(projectScope(actor, deps.regions), applicationScopeColumns);
  const rows = await publishedApplications(deps.db, callId, PUBLISHED, scope);
  const day = (v: string | Date | null) =>
    v === null ? null : new Date(new Date(v).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return {
    call,
    items: rows.map((r) => ({
      ...r,
      regionName: deps.regions.get(r.regionCode)?.name ?? r.regionCode,
      approvedAmount: wanOrNull(r.approvedAmount),
      publicityFrom: day(r.publishedAt),
    })),
  };
}
