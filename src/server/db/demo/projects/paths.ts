/**
 * How each demo application reached its state: the actions the real flow would have taken (with a
 * few detours — returned and resubmitted, rectified, failed acceptance once), and when.
 */
import {
  type ActionCode,
  type ApplicationState,
  addWorkingDays,
  TRANSITIONS,
} from '../../../../domain/projects';
import type { Rng } from '../rng';
import type { Target } from './calls';

const DAY = 86_400_000;
const REVIEW: ActionCode[] = ['submit', 'recommend', 'accept', 'close_review'];
const FUNDED: ActionCode[] = [...REVIEW, 'propose', 'approve', 'publish', 'establish'];

/** The actions from a fresh draft to the target's state. */
export function pathTo(t: Target, rng: Rng): ActionCode[] {
  const detour = (p: ActionCode[]): ActionCode[] =>
    // Some were returned by the county once and resubmitted before being recommended.
    p[1] === 'recommend' && rng.chance(0.15) ? ['submit', 'county_return', ...p] : p;
  switch (t.state) {
    case 'draft':
      return t.withdrawn ? ['submit', 'withdraw'] : [];
    case 'submitted':
      return ['submit'];
    case 'returned':
      return t.by === 'staff' ? ['submit', 'recommend', 'staff_return'] : ['submit', 'county_return'];
    case 'recommended':
      return detour(['submit', 'recommend']);
    case 'rejected':
      return detour(t.at === 'review' ? [...REVIEW, 'reject'] : ['submit', 'recommend', 'reject']);
    case 'expert_review':
      return detour(['submit', 'recommend', 'accept']);
    case 'reviewed':
      return detour(REVIEW);
    case 'proposed':
      return detour([...REVIEW, 'propose']);
    case 'not_approved':
      return detour([...REVIEW, 'propose', 'decline']);
    case 'approved':
      return detour([...REVIEW, 'propose', 'approve']);
    case 'publicity':
      return detour([...REVIEW, 'propose', 'approve', 'publish']);
    case 'established':
      return detour(FUNDED);
    case 'in_progress':
      return detour([...FUNDED, 'sign_contract', ...(rng.chance(0.5) ? (['midterm_pass'] as const) : [])]);
    case 'rectifying':
      return detour([...FUNDED, 'sign_contract', 'midterm_rectify']);
    case 'terminated':
      return detour([...FUNDED, 'sign_contract', 'midterm_rectify', 'terminate']);
    case 'acceptance_pending':
      return detour([...FUNDED, 'sign_contract', 'midterm_pass', 'submit_final']);
    case 'closed': {
      const fail: ActionCode[] = rng.chance(0.3) ? ['fail_final', 'submit_final'] : [];
      return detour([...FUNDED, 'sign_contract', 'midterm_pass', 'submit_final', ...fail, 'accept_final']);
    }
  }
}

/** The states an action path passes through; throws when the table would refuse a step. */
export function replay(path: readonly ActionCode[]): ApplicationState[] {
  const states: ApplicationState[] = ['draft'];
  for (const a of path) {
    const t = TRANSITIONS[a];
    const from = states[states.length - 1];
    if (!(t.from as readonly string[]).includes(from)) throw new Error(`demo path: ${a} from ${from}`);
    states.push(t.to);
  }
  return states;
}

/** Days after the call closes by which staff and leaders take each step of a closed call. */
const MILESTONE: Partial<Record<ActionCode, number>> = {
  county_return: 5,
  recommend: 10,
  staff_return: 26,
  accept: 30,
  close_review: 72,
  propose: 80,
  approve: 95,
  decline: 95,
  publish: 102,
};
/** Least days after the previous event. */
const GAP: Partial<Record<ActionCode, number>> = {
  submit: 4,
  withdraw: 1,
  sign_contract: 20,
  midterm_pass: 300,
  midterm_rectify: 365,
  terminate: 90,
  submit_final: 330,
  accept_final: 30,
  fail_final: 25,
};

export const chinaDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
/** 09:00–17:00 China time on an ISO date. */
export const officeHours = (iso: string, rng: Rng) =>
  new Date(Date.parse(`${iso}T01:00:00Z`) + rng.int(0, 8 * 60) * 60_000);

export interface Timeline {
  createdAt: Date;
  at: Date[];
  publicityUntil: string | null;
}

/**
 * When each action was taken. A closed call's steps follow its milestones; the open call's are a
 * few days apart from its opening, so every one lies in the past.
 */
export function timeline(
  path: readonly ActionCode[],
  opensAt: Date,
  closesAt: Date,
  publicityDays: number,
  open: boolean,
  rng: Rng,
): Timeline {
  const closes = closesAt.getTime();
  const span = Math.max(1, Math.floor((closes - opensAt.getTime()) / DAY) - 3);
  const created = officeHours(
    chinaDate(new Date(opensAt.getTime() + rng.int(0, open ? 6 : span - 4) * DAY)),
    rng,
  );
  let prev = created.getTime();
  let publicityUntil: string | null = null;
  const at: Date[] = [];
  for (const [i, a] of path.entries()) {
    let day: number;
    if (open) day = prev + rng.int(1, 3) * DAY;
    else if (a === 'submit' && prev < closes) day = Math.min(prev + rng.int(1, 4) * DAY, closes - DAY);
    else if (a === 'reject')
      day =
        Math.max(prev + DAY, closes + (path.slice(0, i).includes('close_review') ? 80 : 30) * DAY) +
        rng.int(0, 3) * DAY;
    else if (a === 'establish') day = Date.parse(`${publicityUntil}T00:00:00Z`) + rng.int(1, 4) * DAY;
    else day = Math.max(prev + (GAP[a] ?? 1) * DAY, closes + (MILESTONE[a] ?? 0) * DAY) + rng.int(0, 3) * DAY;
    const when = officeHours(chinaDate(new Date(day)), rng);
    // Same-day steps keep their order.
    const t = new Date(Math.max(when.getTime(), prev + 60_000));
    if (a === 'publish') publicityUntil = addWorkingDays(chinaDate(t), publicityDays);
    at.push(t);
    prev = t.getTime();
  }
  return { createdAt: created, at, publicityUntil };
}

/** Why returns, rejections and other negative decisions were taken (invented). */
export const REASONS = {
  county_return: [
    '可行性研究报告缺少近三年研发投入数据，请补充后重新提交',
    '信用承诺书未加盖单位公章，请补正',
    '申请金额与项目预算表不一致，请核实',
  ],
  staff_return: ['上年度财务审计报告页数不全，请补充完整', '项目预算中设备购置费超过规定比例，请调整'],
  reject: [
    '形式审查：申报单位不符合本指南申报条件',
    '形式审查：项目内容与本专项支持方向不符',
    '专家评审得分未达到立项分数线',
  ],
  decline: ['同类项目已获省级立项支持，不重复资助'],
  midterm_rectify: ['项目进度滞后，配套资金未按任务书到位，限期三个月整改', '研发费用归集不规范，请整改'],
  terminate: ['整改期满仍未达到任务书要求，终止项目并收回未使用资金'],
  fail_final: ['验收材料中第三方检测报告缺失，请补充后重新申请验收'],
} as const;

export const COMMENTS = [
  '技术路线清晰，创新性较强，建议支持。',
  '项目基础较好，但经费预算偏高，建议核减。',
  '预期经济效益测算依据不足，建议补充市场分析。',
  '团队结构合理，实施方案可行。',
  '与行业需求结合紧密，具有较好的示范推广价值。',
];
