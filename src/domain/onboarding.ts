/**
 * 门户与注册 (product.md module 8): organisations and experts register themselves; the county of
 * the organisation's region (or city staff) reviews; on approval the contact becomes the
 * organisation's unit administrator (单位管理员), who manages its own sub-accounts.
 */
import { type Msg, msg } from './message';

export const REGISTRATION_KINDS = ['org', 'expert'] as const;
export type RegistrationKind = (typeof REGISTRATION_KINDS)[number];

export const REGISTRATION_KIND_NAMES: Record<RegistrationKind, Msg> = {
  org: msg('企业/机构注册', 'Organisation'),
  expert: msg('专家注册', 'Expert'),
};

export const REGISTRATION_STATUS_CODES = ['pending', 'returned', 'approved', 'refused'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUS_CODES)[number];

export const REGISTRATION_STATUS_NAMES: Record<RegistrationStatus, Msg> = {
  pending: msg('待审核', 'Pending'),
  returned: msg('已退回', 'Returned'),
  approved: msg('已通过', 'Approved'),
  refused: msg('不予通过', 'Refused'),
};

/** The reviewer's decisions and the statuses they lead to. */
export const REVIEW_DECISIONS = ['approve', 'return', 'refuse'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const DECISION_STATUS: Record<ReviewDecision, RegistrationStatus> = {
  approve: 'approved',
  return: 'returned',
  refuse: 'refused',
};

/**
 * The only moves a registration makes: the reviewer decides a pending one; the registrant corrects
 * a returned one and it is pending again. Approved and refused are final.
 */
export const REGISTRATION_TRANSITIONS: Record<RegistrationStatus, readonly RegistrationStatus[]> = {
  pending: ['approved', 'returned', 'refused'],
  returned: ['pending'],
  approved: [],
  refused: [],
};

/** A request that still holds its USCC: a second one for the same organisation is refused. */
export const OPEN_STATUSES: readonly RegistrationStatus[] = ['pending', 'returned'];

/** The sub-accounts a unit administrator creates: 申报员 (applicant) and 财务 (read-only finance). */
export const SUB_ACCOUNT_KINDS = ['applicant', 'finance'] as const;
export type SubAccountKind = (typeof SUB_ACCOUNT_KINDS)[number];

export const SUB_ACCOUNT_KIND_NAMES: Record<SubAccountKind, Msg> = {
  applicant: msg('申报员', 'Applicant'),
  finance: msg('财务', 'Finance'),
};

/** The file a registration carries: 授权书 (stamped letter of authorisation) or 营业执照. */
export const REGISTRATION_FILE_KINDS = ['authorisation', 'licence'] as const;
export type RegistrationFileKind = (typeof REGISTRATION_FILE_KINDS)[number];
export const REGISTRATION_FILE_KIND_NAMES: Record<RegistrationFileKind, Msg> = {
  authorisation: msg('授权书', 'Letter of authorisation'),
  licence: msg('营业执照', 'Business licence'),
};

/** The registration file's size limit (a scanned, stamped page needs far less). */
export const REGISTRATION_FILE_MAX_BYTES = 5 * 1024 * 1024;

/** 138****5678: a mobile number as a list shows it. */
export function maskMobile(mobile: string): string {
  return mobile.length >= 7 ? `${mobile.slice(0, 3)}****${mobile.slice(-4)}` : '****';
}

/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
