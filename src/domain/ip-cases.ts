/**
 * 专利行政执法 (issue: enforcement cases): 侵权纠纷 and 假冒专利 cases handled by the city's or a
 * county's bureau. A case is received, filed (立案) or declined, investigated, heard (a dispute),
 * then decided, mediated or withdrawn, and closed. The moves are data, not `if`s; the statutory
 * deadline is counted from 立案 (专利行政执法办法: a dispute within 3 months, extendable once by at
 * most 1 month; a counterfeit case within 1 month, extendable once by at most 15 days — each
 * extension approved by the bureau's head).
 */
import { type Msg, msg } from './message';

export const CASE_KINDS = {
  infringement: msg('专利侵权纠纷', 'Patent infringement dispute'),
  counterfeit: msg('假冒专利', 'Counterfeit patent'),
} as const satisfies Record<string, Msg>;
export type CaseKind = keyof typeof CASE_KINDS;
export const CASE_KIND_CODES = Object.keys(CASE_KINDS) as [CaseKind, ...CaseKind[]];

export const CASE_STATUS = {
  received: msg('已收到（待立案）', 'Received (awaiting filing)'),
  declined: msg('不予立案', 'Not filed'),
  filed: msg('已立案', 'Filed'),
  investigating: msg('调查取证', 'Investigation'),
  hearing: msg('口头审理', 'Hearing'),
  decided: msg('已作出处理决定', 'Decided'),
  mediated: msg('调解结案', 'Settled by mediation'),
  withdrawn: msg('撤回', 'Withdrawn'),
  closed: msg('已结案', 'Closed'),
} as const satisfies Record<string, Msg>;
export type CaseStatus = keyof typeof CASE_STATUS;
export const CASE_STATUS_CODES = Object.keys(CASE_STATUS) as [CaseStatus, ...CaseStatus[]];

/** The states in which the deadline runs (立案 to a decision, mediation or withdrawal). */
export const RUNNING: readonly CaseStatus[] = ['filed', 'investigating', 'hearing'];

export interface CaseTransition {
  name: Msg;
  from: readonly CaseStatus[];
  /** null: the case stays where it is (an extension moves the deadline, not the case). */
  to: CaseStatus | null;
  /** Only disputes have a hearing. */
  kinds?: readonly CaseKind[];
  /** Declining, extending, deciding, mediating and withdrawing say why or what in words. */
  noteRequired: boolean;
}

export const CASE_TRANSITIONS = {
  file: { name: msg('立案', 'File'), from: ['received'], to: 'filed', noteRequired: false },
  decline: { name: msg('不予立案', 'Decline'), from: ['received'], to: 'declined', noteRequired: true },
  investigate: {
    name: msg('调查取证', 'Investigate'),
    from: ['filed'],
    to: 'investigating',
    noteRequired: false,
  },
  hear: {
    name: msg('口头审理', 'Hold a hearing'),
    from: ['filed', 'investigating'],
    to: 'hearing',
    kinds: ['infringement'],
    noteRequired: false,
  },
  extend: {
    name: msg('延长办案期限', 'Extend the deadline'),
    from: RUNNING,
    to: null,
    noteRequired: true,
  },
  decide: {
    name: msg('作出处理决定', 'Decide'),
    from: RUNNING,
    to: 'decided',
    noteRequired: true,
  },
  mediate: {
    name: msg('调解结案', 'Settle by mediation'),
    from: RUNNING,
    to: 'mediated',
    kinds: ['infringement'],
    noteRequired: true,
  },
  withdraw: { name: msg('撤回', 'Withdraw'), from: RUNNING, to: 'withdrawn', noteRequired: true },
  close: {
    name: msg('结案', 'Close'),
    from: ['decided', 'mediated', 'withdrawn'],
    to: 'closed',
    noteRequired: false,
  },
} as const satisfies Record<string, CaseTransition>;
export type CaseAction = keyof typeof CASE_TRANSITIONS;
export const CASE_ACTION_CODES = Object.keys(CASE_TRANSITIONS) as [CaseAction, ...CaseAction[]];

/** Whether `action` may be taken on a case of `kind` in `status` (and not extended yet, for `extend`). */
export function caseActionAllowed(
  action: CaseAction,
  c: { kind: CaseKind; status: CaseStatus; extended: boolean },
): boolean {
  const t: CaseTransition = CASE_TRANSITIONS[action];
  if (!t.from.includes(c.status)) return false;
  if (t.kinds && !t.kinds.includes(c.kind)) return false;
  return action !== 'extend' || !c.extended;
}

/** The time allowed from 立案, and the most one extension may add. */
export const CASE_TERMS: Record<CaseKind, { months: number; extension: { months: number; days: number } }> = {
  infringement: { months: 3, extension: { months: 1, days: 0 } },
  counterfeit: { months: 1, extension: { months: 0, days: 15 } },
};

/** `day` plus whole months (the same day of the month, or the month's last day) and days. */
export function addTerm(day: string, months: number, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const month = m - 1 + months;
  const last = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
  const at = new Date(Date.UTC(y, month, Math.min(d, last)));
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** The last day to decide a filed case: its term from 立案, plus the extension when granted. */
export function caseDeadline(kind: CaseKind, filedOn: string, extended: boolean): string {
  const term = CASE_TERMS[kind];
  const base = addTerm(filedOn, term.months, 0);
  return extended ? addTerm(base, term.extension.months, term.extension.days) : base;
}

/** Days before the deadline when a case is shown as due soon. */
export const CASE_DUE_SOON_DAYS = 10;
