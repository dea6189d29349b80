/**
 * S&T plan project lifecycle (reference.md: 申报 → 推荐 → 形式审查 → 专家评审 → 立项 → 任务书 → 拨款 →
 * 中期检查 → 验收 → 结题): the states, and the one transition table that says which role may take
 * which action from which state. Server and web both read it; nothing else decides a transition.
 */
import { type Msg, msg } from './message';
import type { RoleCode } from './roles';

export const APPLICATION_STATES = {
  draft: msg('草稿', 'Draft'),
  submitted: msg('已提交（待推荐）', 'Submitted (awaiting recommendation)'),
  returned: msg('已退回修改', 'Returned for correction'),
  recommended: msg('已推荐（待形式审查）', 'Recommended (awaiting formal review)'),
  expert_review: msg('专家评审中', 'Under expert review'),
  reviewed: msg('评审完成', 'Reviewed'),
  proposed: msg('拟立项（待领导审批）', 'Proposed for funding'),
  approved: msg('已批准（待公示）', 'Approved'),
  publicity: msg('公示中', 'In publicity'),
  established: msg('已立项（待签任务书）', 'Established'),
  in_progress: msg('执行中', 'In progress'),
  rectifying: msg('整改中', 'Rectifying'),
  acceptance_pending: msg('待验收', 'Awaiting acceptance'),
  closed: msg('已结题', 'Closed'),
  rejected: msg('未通过', 'Rejected'),
  not_approved: msg('未获批准', 'Not approved'),
  terminated: msg('已终止', 'Terminated'),
} as const satisfies Record<string, Msg>;
export type ApplicationState = keyof typeof APPLICATION_STATES;
export const APPLICATION_STATE_CODES = Object.keys(APPLICATION_STATES) as ApplicationState[];

export type TransitionActor = 'applicant' | Extract<RoleCode, 'county' | 'staff' | 'leader'>;

export interface Transition {
  name: Msg;
  from: readonly ApplicationState[];
  to: ApplicationState;
  by: TransitionActor;
  /** Returns, rejections and negative decisions must say why. */
  reasonRequired: boolean;
}

export const TRANSITIONS = {
  submit: {
    name: msg('提交', 'Submit'),
    from: ['draft', 'returned'],
    to: 'submitted',
    by: 'applicant',
    reasonRequired: false,
  },
  withdraw: {
    name: msg('撤回', 'Withdraw'),
    from: ['submitted'],
    to: 'draft',
    by: 'applicant',
    reasonRequired: false,
  },
  recommend: {
    name: msg('推荐', 'Recommend'),
    from: ['submitted'],
    to: 'recommended',
    by: 'county',
    reasonRequired: false,
  },
  county_return: {
    name: msg('退回', 'Return'),
    from: ['submitted'],
    to: 'returned',
    by: 'county',
    reasonRequired: true,
  },
  accept: {
    name: msg('形式审查通过', 'Pass formal review'),
    from: ['recommended'],
    to: 'expert_review',
    by: 'staff',
    reasonRequired: false,
  },
  staff_return: {
    name: msg('退回修改', 'Return for correction'),
    from: ['recommended'],
    to: 'returned',
    by: 'staff',
    reasonRequired: true,
  },
  reject: {
    name: msg('不予通过', 'Reject'),
    from: ['recommended', 'reviewed'],
    to: 'rejected',
    by: 'staff',
    reasonRequired: true,
  },
  close_review: {
    name: msg('结束评审', 'Close the review'),
    from: ['expert_review'],
    to: 'reviewed',
    by: 'staff',
    reasonRequired: false,
  },
  propose: {
    name: msg('拟立项', 'Propose funding'),
    from: ['reviewed'],
    to: 'proposed',
    by: 'staff',
    reasonRequired: false,
  },
  approve: {
    name: msg('批准', 'Approve'),
    from: ['proposed'],
    to: 'approved',
    by: 'leader',
    reasonRequired: false,
  },
  decline: {
    name: msg('不予批准', 'Decline'),
    from: ['proposed'],
    to: 'not_approved',
    by: 'leader',
    reasonRequired: true,
  },
  publish: {
    name: msg('公示', 'Publish for publicity'),
    from: ['approved'],
    to: 'publicity',
    by: 'staff',
    reasonRequired: false,
  },
  establish: {
    name: msg('立项', 'Establish'),
    from: ['publicity'],
    to: 'established',
    by: 'staff',
    reasonRequired: false,
  },
  sign_contract: {
    name: msg('签订任务书', 'Sign the task contract'),
    from: ['established'],
    to: 'in_progress',
    by: 'staff',
    reasonRequired: false,
  },
  midterm_pass: {
    name: msg('中期检查通过', 'Pass mid-term check'),
    from: ['in_progress', 'rectifying'],
    to: 'in_progress',
    by: 'staff',
    reasonRequired: false,
  },
  midterm_rectify: {
    name: msg('中期检查整改', 'Order rectification'),
    from: ['in_progress'],
    to: 'rectifying',
    by: 'staff',
    reasonRequired: true,
  },
  terminate: {
    name: msg('终止', 'Terminate'),
    from: ['in_progress', 'rectifying'],
    to: 'terminated',
    by: 'staff',
    reasonRequired: true,
  },
  submit_final: {
    name: msg('提交验收材料', 'Submit the final report'),
    from: ['in_progress'],
    to: 'acceptance_pending',
    by: 'applicant',
    reasonRequired: false,
  },
  accept_final: {
    name: msg('验收通过（结题）', 'Pass acceptance and close'),
    from: ['acceptance_pending'],
    to: 'closed',
    by: 'staff',
    reasonRequired: false,
  },
  fail_final: {
    name: msg('验收不通过', 'Fail acceptance'),
    from: ['acceptance_pending'],
    to: 'in_progress',
    by: 'staff',
    reasonRequired: true,
  },
} as const satisfies Record<string, Transition>;
export type ActionCode = keyof typeof TRANSITIONS;
export const ACTION_CODES = Object.keys(TRANSITIONS) as ActionCode[];

/** The role a transition's actor must hold: applicants are enterprise or institution accounts. */
export function roleMayAct(by: TransitionActor, role: RoleCode): boolean {
  return by === 'applicant' ? role === 'enterprise' || role === 'institution' : by === role;
}

/** The actions a role may take on an application in a state (the buttons the page shows). */
export function availableActions(state: ApplicationState, role: RoleCode): ActionCode[] {
  return ACTION_CODES.filter((a) => {
    const t: Transition = TRANSITIONS[a];
    return t.from.includes(state) && roleMayAct(t.by, role);
  });
}

/**
 * Panel score: the mean of the experts' totals, with the highest and the lowest dropped when
 * there are at least five (评审惯例：去掉一个最高分和一个最低分). Rounded to two decimals.
 */
export function panelScore(totals: readonly number[]): number | null {
  if (totals.length === 0) return null;
  const sorted = [...totals].sort((a, b) => a - b);
  const kept = sorted.length >= 5 ? sorted.slice(1, -1) : sorted;
  return Math.round((kept.reduce((s, v) => s + v, 0) / kept.length) * 100) / 100;
}

/** Adds working days (Monday–Friday) to an ISO date; public holidays are configuration for later. */
export function addWorkingDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

/**
 * The actions a clerk may take on several applications at once (待推荐, 项目管理, 待审批): those that
 * need nothing per record but a shared reason. 拟立项 (an amount each) and 签订任务书 (an end date
 * each) stay one at a time, as do the applicant's own steps.
 */
export const BATCH_ACTIONS = [
  'recommend',
  'county_return',
  'accept',
  'staff_return',
  'reject',
  'approve',
  'decline',
  'establish',
] as const satisfies readonly ActionCode[];
export type BatchAction = (typeof BATCH_ACTIONS)[number];
export const isBatchAction = (a: string): a is BatchAction =>
  (BATCH_ACTIONS as readonly string[]).includes(a);
