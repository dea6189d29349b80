/** Contracts of 门户与注册: /api/v1/public/onboarding, /api/v1/onboarding, /api/v1/org-accounts. */
import { z } from 'zod';
import {
  MOBILE_PATTERN,
  REGISTRATION_FILE_KINDS,
  REGISTRATION_KINDS,
  REGISTRATION_STATUS_CODES,
  REVIEW_DECISIONS,
  SUB_ACCOUNT_KINDS,
} from '../onboarding';
import { ORG_KIND_CODES } from '../registry';
import { USERNAME_PATTERN } from './admin';
import { pageQuerySchema, regionCodeSchema, usccSchema } from './common';

const text = (max: number) => z.string().trim().min(1).max(max);

export const mobileSchema = z
  .string()
  .trim()
  .regex(MOBILE_PATTERN, '手机号码须为 11 位大陆手机号 / must be an 11-digit mainland mobile number');
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    USERNAME_PATTERN,
    '用户名须为 3–64 位小写字母、数字、点、下划线或连字符 / 3–64 lower-case letters, digits, dots, underscores or hyphens',
  );
const trackingNoSchema = z.string().trim().toUpperCase().max(32);

/** What every registration carries: the contact, who will sign in, and the account they want. */
const contactFields = {
  contactName: text(40),
  contactMobile: mobileSchema,
  contactEmail: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(120)),
  username: usernameSchema,
  /** Checked against the security policy by the service (the policy is configuration). */
  password: z.string().min(1).max(128),
};

/** 企业/机构注册: the organisation, its 法定代表人 and the region and kind the registrant chooses. */
export const orgRegistrationSchema = z.object({
  uscc: usccSchema,
  orgName: text(120),
  legalRep: text(40),
  orgKind: z.enum(ORG_KIND_CODES),
  regionCode: regionCodeSchema,
  fileKind: z.enum(REGISTRATION_FILE_KINDS),
  ...contactFields,
});
export type OrgRegistrationBody = z.infer<typeof orgRegistrationSchema>;

/** 专家注册: the expert is the contact; fields of expertise, employer and declared conflicts. */
export const expertRegistrationSchema = z.object({
  title: z.string().trim().max(40).optional(),
  /** 专业领域, separated by commas or 、 in the form. */
  fields: z.array(text(40)).min(1).max(10),
  employerName: text(120),
  /** The employer's USCC, when the expert knows it: never reviews its applications. */
  employerUscc: usccSchema.optional(),
  /** USCCs of organisations the expert declares a conflict of interest with. */
  conflictUsccs: z.array(usccSchema).max(20).default([]),
  regionCode: regionCodeSchema,
  fileKind: z.enum(REGISTRATION_FILE_KINDS).default('authorisation'),
  ...contactFields,
});
export type ExpertRegistrationBody = z.infer<typeof expertRegistrationSchema>;

/** The registrant proves it is them with the tracking number and the contact's mobile. */
export const registrationLookupSchema = z.object({
  trackingNo: trackingNoSchema,
  contactMobile: mobileSchema,
});
export type RegistrationLookup = z.infer<typeof registrationLookupSchema>;

export const registrationReceiptSchema = z.object({
  trackingNo: z.string(),
  status: z.enum(REGISTRATION_STATUS_CODES),
});

/** What the public status check shows: never the reviewer, the file or anyone else's data. */
export const registrationStatusSchema = z.object({
  trackingNo: z.string(),
  kind: z.enum(REGISTRATION_KINDS),
  status: z.enum(REGISTRATION_STATUS_CODES),
  name: z.string(),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  /** The reviewer's reason, for a returned or refused request. */
  reviewNote: z.string().nullable(),
  /** The fields as submitted, so a returned request is corrected rather than typed again. */
  form: z.record(z.string(), z.unknown()).nullable(),
});
export type RegistrationStatusView = z.infer<typeof registrationStatusSchema>;

export const registrationListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(REGISTRATION_KINDS).optional(),
  status: z.enum(REGISTRATION_STATUS_CODES).optional(),
  regionCode: regionCodeSchema.optional(),
});
export type RegistrationListQuery = z.infer<typeof registrationListQuerySchema>;
export type RegistrationFilters = Omit<RegistrationListQuery, 'page' | 'pageSize' | 'sort'>;

export const registrationItemSchema = z.object({
  id: z.uuid(),
  trackingNo: z.string(),
  kind: z.enum(REGISTRATION_KINDS),
  status: z.enum(REGISTRATION_STATUS_CODES),
  uscc: z.string().nullable(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  contactName: z.string(),
  /** Masked in the list: 138****5678. */
  contactMobile: z.string(),
  /** The USCC is in the registry under another name: the reviewer checks before approving. */
  nameMismatch: z.boolean(),
  /** The USCC is already in the registry: approval attaches rather than creates. */
  existingOrg: z.boolean(),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
});
export type RegistrationItem = z.infer<typeof registrationItemSchema>;

export const registrationDetailSchema = registrationItemSchema.extend({
  legalRep: z.string().nullable(),
  orgKind: z.string().nullable(),
  existingOrgId: z.uuid().nullable(),
  existingOrgName: z.string().nullable(),
  contactMobile: z.string(),
  contactEmail: z.string(),
  username: z.string(),
  title: z.string().nullable(),
  fields: z.array(z.string()),
  employerName: z.string().nullable(),
  employerUscc: z.string().nullable(),
  conflictUsccs: z.array(z.string()),
  fileKind: z.enum(REGISTRATION_FILE_KINDS),
  fileName: z.string(),
  fileSize: z.number().int(),
  reviewNote: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  /** After approval: the organisation and the account created. */
  orgId: z.uuid().nullable(),
  userId: z.uuid().nullable(),
  abilities: z.object({
    decide: z.boolean(),
    /** The county resets the unit administrator's password on the organisation's stamped request. */
    resetAdminPassword: z.boolean(),
  }),
});
export type RegistrationDetail = z.infer<typeof registrationDetailSchema>;

export const reviewDecisionSchema = z
  .object({
    decision: z.enum(REVIEW_DECISIONS),
    /** Required to return or refuse: the registrant reads it. */
    note: z.string().trim().max(500).optional(),
  })
  .strict();
export type ReviewDecisionBody = z.infer<typeof reviewDecisionSchema>;

export const adminResetSchema = z
  .object({
    /** What the county checked: the organisation's stamped request (文号 or date and signer). */
    stampedRequest: text(200),
  })
  .strict();

export const initialPasswordSchema = z.object({
  username: z.string(),
  /** Shown once; the account must change it at first sign-in. */
  initialPassword: z.string(),
});

// ---- the unit administrator's sub-accounts ---------------------------------------------------

export const orgAccountSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  kind: z.enum(SUB_ACCOUNT_KINDS),
  status: z.enum(['active', 'disabled']),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type OrgAccount = z.infer<typeof orgAccountSchema>;

export const orgAccountListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(64).optional(),
  kind: z.enum(SUB_ACCOUNT_KINDS).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
export type OrgAccountListQuery = z.infer<typeof orgAccountListQuerySchema>;
export type OrgAccountFilters = Omit<OrgAccountListQuery, 'page' | 'pageSize' | 'sort'>;

export const orgAccountBodySchema = z
  .object({
    username: usernameSchema,
    displayName: text(40),
    kind: z.enum(SUB_ACCOUNT_KINDS),
  })
  .strict();
export type OrgAccountBody = z.infer<typeof orgAccountBodySchema>;

export const orgAccountStatusSchema = z.object({ status: z.enum(['active', 'disabled']) }).strict();

// ---- password reset by e-mail, and the outbox -----------------------------------------------

export const resetRequestSchema = z
  .object({ username: usernameSchema, email: z.string().trim().toLowerCase().max(120) })
  .strict();
export const resetConfirmSchema = z
  .object({ token: z.string().min(20).max(100), newPassword: z.string().min(1).max(128) })
  .strict();

export const outboxItemSchema = z.object({
  id: z.uuid(),
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(['stored', 'sent', 'failed']),
  createdAt: z.string(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;
export const outboxListQuerySchema = pageQuerySchema.extend({ q: z.string().trim().max(100).optional() });
export type OutboxListQuery = z.infer<typeof outboxListQuerySchema>;
export type OutboxFilters = Omit<OutboxListQuery, 'page' | 'pageSize' | 'sort'>;
