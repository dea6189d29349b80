import type { ApplicationItem } from '../../../../domain/contracts/projects';
import { type Msg, msg } from '../../../../domain/message';
import { APPLICATION_STATES, type ApplicationState } from '../../../../domain/projects';
import type { Actor } from '../../../platform/actor';
import { clock } from '../../../platform/clock';
import type { RegionTree } from '../../../platform/region-tree';
import type { Scope } from '../../../platform/scope';
import { wanOrNull } from '../money';
import { actionsFor, publicityOver } from '../policy';
import type { ApplicationListRow } from './applications-repo';

const iso = (v: Date | string) => new Date(v).toISOString();

/** An ISO date plus whole months, kept within the target month (30 Nov + 3 months = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** 验收 within three months of the project's end (reference.md, 科技计划项目 lifecycle). */
export function acceptanceDueOn(endsOn: string | null): string | null {
  return endsOn ? addMonths(endsOn, 3) : null;
}

type Facts = Pick<ApplicationListRow, 'state' | 'publicityUntil' | 'endsOn'>;

const FINISHED = msg('流程已结束', 'Nothing further to do');

/** What happens next, said the same way to every viewer: who acts, and by when if known. */
export function nextStep(r: Facts, today: string = clock.today()): Msg {
  const due = acceptanceDueOn(r.endsOn);
  const steps: Record<ApplicationState, Msg> = {
    draft: msg(
      '填写申报书、上传附件，并在截止前提交',
      'Complete the form, attach the files and submit before the deadline',
    ),
    submitted: msg('等待县（市、区）科技局推荐', 'Awaiting the county bureau’s recommendation'),
    returned: msg('按退回意见修改后重新提交', 'Correct as asked and submit again'),
    recommended: msg('等待市科技局形式审查', 'Awaiting the bureau’s formal review'),
    expert_review: msg('专家评审中', 'Experts are reviewing'),
    reviewed: msg('等待市科技局拟定立项建议', 'Awaiting the bureau’s funding proposal'),
    proposed: msg('等待局领导审批', 'Awaiting the leaders’ approval'),
    approved: msg('等待发布立项公示', 'Awaiting publication for publicity'),
    publicity: publicityOver(r.publicityUntil, today)
      ? msg(
          `公示期已于 ${r.publicityUntil} 届满，无异议即可立项`,
          `Publicity ended on ${r.publicityUntil}; establish the project if there was no objection`,
        )
      : msg(
          `公示期至 ${r.publicityUntil ?? '—'}，期满无异议后方可立项`,
          `In publicity until ${r.publicityUntil ?? '—'}; established afterwards if no objection`,
        ),
    established: msg('签订项目任务书', 'Sign the task contract'),
    in_progress:
      due && r.endsOn && r.endsOn < today
        ? msg(
            due < today
              ? `项目已于 ${r.endsOn} 结束，验收已逾期（截止 ${due}），请尽快提交验收材料`
              : `项目已于 ${r.endsOn} 结束，请在 ${due} 前提交验收材料`,
            due < today
              ? `The project ended on ${r.endsOn} and acceptance is overdue (due ${due}): submit the final report`
              : `The project ended on ${r.endsOn}: submit the final report by ${due}`,
          )
        : due
          ? msg(
              `按任务书实施；项目结束后提交验收材料（验收截止 ${due}）`,
              `Carry out the contract; submit the final report after the end (acceptance due ${due})`,
            )
          : msg('按任务书实施', 'Carry out the contract'),
    rectifying: msg('按中期检查意见整改', 'Rectify as the mid-term check asked'),
    acceptance_pending: msg('等待市科技局验收', 'Awaiting the acceptance review'),
    closed: FINISHED,
    rejected: FINISHED,
    not_approved: FINISHED,
    terminated: FINISHED,
  };
  return steps[r.state as ApplicationState] ?? FINISHED;
}

export function stateName(state: string): Msg {
  return APPLICATION_STATES[state as ApplicationState] ?? msg(state, state);
}

export function presentItem(
  r: ApplicationListRow,
  actor: Actor,
  scope: Scope,
  regions: RegionTree,
): ApplicationItem {
  const today = clock.today();
  return {
    ...r,
    state: r.state as ApplicationState,
    stateName: stateName(r.state),
    regionName: regions.get(r.regionCode)?.name ?? r.regionCode,
    requestedAmount: wanOrNull(r.requestedAmount),
    proposedAmount: wanOrNull(r.proposedAmount),
    approvedAmount: wanOrNull(r.approvedAmount),
    acceptanceDueOn: acceptanceDueOn(r.endsOn),
    submittedAt: r.submittedAt ? iso(r.submittedAt) : null,
    updatedAt: iso(r.updatedAt),
    nextStep: nextStep(r, today),
    actions: actionsFor(actor, scope, r, today),
  };
}
