/**
 * 科研诚信 / 失信记录: a record on an organisation or a person blocks, while in force, new
 * applications, policy benefits and expert assignment. In force from `validFrom` to `validTo`
 * (inclusive; open-ended when absent): it lapses by the date, no job runs.
 */
import { type Msg, msg } from './message';

export const CREDIT_SUBJECT_CODES = ['org', 'expert', 'user'] as const;
export type CreditSubject = (typeof CREDIT_SUBJECT_CODES)[number];

export const CREDIT_SUBJECT_NAMES: Record<CreditSubject, Msg> = {
  org: msg('单位', 'Organisation'),
  expert: msg('专家', 'Expert'),
  user: msg('用户（个人）', 'User (person)'),
};

export const CREDIT_SEVERITY_CODES = ['general', 'serious', 'severe'] as const;
export type CreditSeverity = (typeof CREDIT_SEVERITY_CODES)[number];

export const CREDIT_SEVERITY_NAMES: Record<CreditSeverity, Msg> = {
  general: msg('一般失信', 'General'),
  serious: msg('严重失信', 'Serious'),
  severe: msg('特别严重失信', 'Very serious'),
};

/** Whether a record is in force on a day (the one rule; the SQL twin is in credit-sql.ts). */
export function creditInForce(r: { validFrom: string; validTo: string | null }, on: string): boolean {
  return r.validFrom <= on && (r.validTo === null || r.validTo >= on);
}

/** The sentence shown wherever a record refuses something. */
export function creditRefusal(r: { reason: string; validTo: string | null; subjectName: string }): Msg {
  const until = r.validTo ? `，有效期至 ${r.validTo}` : '';
  const untilEn = r.validTo ? ` until ${r.validTo}` : '';
  return msg(
    `${r.subjectName}处于失信记录有效期内（${r.reason}${until}）`,
    `${r.subjectName} is under a credit (misconduct) record${untilEn}: ${r.reason}`,
  );
}
