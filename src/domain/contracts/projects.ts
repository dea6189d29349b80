/**
 * Wire contracts of S&T plan projects (科技计划项目): programmes, calls, applications and their
 * lifecycle, attachments, payments, the staff views and notifications. Expert drawing and scoring
 * have their own contracts (projects-review.ts).
 */
import { z } from 'zod';
import { ACTION_CODES, APPLICATION_STATE_CODES } from '../projects';
import { ORG_KIND_CODES } from '../registry';
import { calendarDate, calendarDateTime, pageQuerySchema } from './common';
import { wanSchema } from './registry';

export { wanSchema };

const isoDate = calendarDate;
const isoDateTime = calendarDateTime;
const code = z
  .string()
  .trim()
  .regex(/^[a-z0-9_-]{1,40}$/i);
const msgSchema = z.object({ zh: z.string(), en: z.string() });
const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const CALL_STATUSES = ['upcoming', 'open', 'closed'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const programmeSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  department: z.string().nullable(),
});

/** Who may apply: each rule is checked against the registry on the day of the check. */
export const eligibilityRuleSchema = z.discriminatedUnion('type', [
  /** Holds a qualification of this type valid on the day (e.g. 有效期内的高新技术企业). */
  z.object({ type: z.literal('valid_qualification'), qualification: z.string().max(32) }).strict(),
  /** The applicant's county (or a zone within it) is one of these. */
  z.object({ type: z.literal('region_in'), regions: z.array(z.string().max(16)).min(1).max(50) }).strict(),
  z.object({ type: z.literal('org_kind_in'), kinds: z.array(z.enum(ORG_KIND_CODES)).min(1) }).strict(),
]);
export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;

export const requiredAttachmentSchema = z
  .object({ code, name: z.string().trim().min(1).max(50), nameEn: z.string().trim().min(1).max(100) })
  .strict();
export const rubricCriterionSchema = z
  .object({
    code,
    name: z.string().trim().min(1).max(50),
    nameEn: z.string().trim().min(1).max(100),
    max: z.number().positive().max(1000),
  })
  .strict();

const callFields = {
  programmeCode: z.string().max(40),
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(2).max(200),
  opensAt: isoDateTime,
  closesAt: isoDateTime,
  budget: wanSchema,
  fundingCap: wanSchema,
  maxPerApplicant: z.number().int().min(1).max(100),
  eligibility: z.array(eligibilityRuleSchema).max(20),
  requiredAttachments: z.array(requiredAttachmentSchema).max(30),
  rubric: z.array(rubricCriterionSchema).min(1).max(30),
  expertsPerApplication: z.number().int().min(1).max(25),
  reviewFields: z.array(z.string().max(40)).max(20),
  publicityDays: z.number().int().min(1).max(60),
  /** The last day experts may score (评审截止); shown in their task list. */
  reviewClosesOn: isoDate.nullable(),
};
export const callBodySchema = z
  .object({
    ...callFields,
    maxPerApplicant: callFields.maxPerApplicant.default(1),
    eligibility: callFields.eligibility.default([]),
    requiredAttachments: callFields.requiredAttachments.default([]),
    expertsPerApplication: callFields.expertsPerApplication.default(5),
    reviewFields: callFields.reviewFields.default([]),
    publicityDays: callFields.publicityDays.default(7),
    reviewClosesOn: callFields.reviewClosesOn.default(null),
  })
  .strict();
export const callUpdateSchema = z.object(callFields).partial().strict();
export type CallBody = z.infer<typeof callBodySchema>;

export const callSchema = z.object({
  id: z.uuid(),
  programmeCode: z.string(),
  programmeName: z.string(),
  year: z.number().int(),
  title: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  /** Open for applications now. */
  open: z.boolean(),
  /** 未开始 (opens later), 申报中, 已截止. */
  status: z.enum(CALL_STATUSES),
  reviewClosesOn: z.string().nullable(),
  /**
   * For an applicant (an account of an organisation that may apply): whether it may start an
   * application to this call now, how many it has, and why not. Null for everyone else.
   */
  apply: z.object({ allowed: z.boolean(), used: z.number().int(), reason: msgSchema.nullable() }).nullable(),
  budget: z.string(),
  fundingCap: z.string(),
  maxPerApplicant: z.number().int(),
  eligibility: z.array(eligibilityRuleSchema),
  requiredAttachments: z.array(requiredAttachmentSchema),
  rubric: z.array(rubricCriterionSchema),
  expertsPerApplication: z.number().int(),
  reviewFields: z.array(z.string()),
  publicityDays: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Call = z.infer<typeof callSchema>;

export const callListQuerySchema = pageQuerySchema.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  programme: z.string().max(40).optional(),
  openNow: boolQuery.optional(),
  q: z.string().trim().max(100).optional(),
});

export const applicationStateSchema = z.enum(APPLICATION_STATE_CODES);
export const actionCodeSchema = z.enum(ACTION_CODES);

export const applicationCreateSchema = z
  .object({
    callId: z.uuid(),
    title: z.string().trim().min(2).max(200).optional(),
    summary: z.string().trim().max(5000).nullable().optional(),
    field: z.string().max(40).nullable().optional(),
    requestedAmount: wanSchema.nullable().optional(),
    form: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
/** An autosave of a draft: what changed, and the version the form was loaded at. */
export const applicationUpdateSchema = applicationCreateSchema
  .omit({ callId: true })
  .extend({ version: z.number().int().min(1) })
  .strict();

export const applicationListQuerySchema = pageQuerySchema.extend({
  callId: z.uuid().optional(),
  state: applicationStateSchema.optional(),
  regionCode: z.string().max(16).optional(),
  q: z.string().trim().max(100).optional(),
  /** County users' queue: applications of the region awaiting recommendation. */
  toRecommend: boolQuery.optional(),
});

export const applicationItemSchema = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  callTitle: z.string(),
  programmeCode: z.string(),
  year: z.number().int(),
  orgId: z.uuid(),
  orgName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  title: z.string(),
  field: z.string().nullable(),
  state: applicationStateSchema,
  stateName: msgSchema,
  version: z.number().int(),
  requestedAmount: z.string().nullable(),
  panelScore: z.string().nullable(),
  proposedAmount: z.string().nullable(),
  approvedAmount: z.string().nullable(),
  publicityUntil: z.string().nullable(),
  endsOn: z.string().nullable(),
  /** 验收 is due within three months of the project's end. */
  acceptanceDueOn: z.string().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** What happens next, from the viewer's side. */
  nextStep: msgSchema,
  /** The transitions the viewer may take now (the buttons to show). */
  actions: z.array(actionCodeSchema),
});
export type ApplicationItem = z.infer<typeof applicationItemSchema>;

export const applicationEventSchema = z.object({
  action: z.string(),
  actionName: msgSchema.nullable(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  reason: z.string().nullable(),
  at: z.string(),
});

export const attachmentSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  kind: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

export const paymentBodySchema = z
  .object({ amount: wanSchema, paidOn: isoDate, note: z.string().trim().max(500).nullable().optional() })
  .strict();
export const paymentSchema = z.object({
  id: z.uuid(),
  amount: z.string(),
  paidOn: z.string(),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

export const submissionSchema = z.object({
  seq: z.number().int(),
  sha256: z.string(),
  declarationVersion: z.string(),
  declaredAt: z.string(),
  submittedAt: z.string(),
});
export type Submission = z.infer<typeof submissionSchema>;

/** What the verification of a 申报书 confirms: the record its hash belongs to, and when it was sent. */
export const submissionVerifySchema = z.object({
  sha256: z.string(),
  applicationTitle: z.string(),
  orgName: z.string(),
  callTitle: z.string(),
  seq: z.number().int(),
  submittedAt: z.string(),
  declarationVersion: z.string(),
  /** Whether this is the latest submission of the application (a later one supersedes it). */
  latest: z.boolean(),
});
export const sha256ParamSchema = z.object({
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'sha256: 应为 64 位十六进制校验码 / must be 64 hexadecimal digits')
    .transform((v) => v.toLowerCase()),
});

export const applicationDetailSchema = applicationItemSchema.extend({
  summary: z.string().nullable(),
  form: z.record(z.string(), z.unknown()),
  call: z.object({
    id: z.uuid(),
    title: z.string(),
    closesAt: z.string(),
    fundingCap: z.string(),
    requiredAttachments: z.array(requiredAttachmentSchema),
  }),
  events: z.array(applicationEventSchema),
  attachments: z.array(attachmentSchema),
  payments: z.array(paymentSchema),
  paidTotal: z.string(),
  abilities: z.object({ edit: z.boolean(), upload: z.boolean(), uploadFinalReport: z.boolean() }),
  /** Each submission (a returned application is submitted again), latest last. */
  submissions: z.array(submissionSchema),
});
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;

export const actionParamSchema = z.object({ id: z.uuid(), action: actionCodeSchema });
export const actionBodySchema = z
  .object({
    /** The version the actor saw: a stale one answers 409 instead of acting twice. */
    version: z.number().int().min(1),
    reason: z.string().trim().max(2000).optional(),
    /** propose: the funding proposed (万元). */
    amount: wanSchema.optional(),
    note: z.string().trim().max(2000).optional(),
    /** sign_contract: the project's end date from the task contract (任务书). */
    endsOn: isoDate.optional(),
    /** submit: the 承诺书 the applicant ticked, by the version of its text (DECLARATION). */
    declaration: z
      .object({ accepted: z.literal(true), version: z.string().max(20) })
      .strict()
      .optional(),
  })
  .strict();
export type ActionBody = z.infer<typeof actionBodySchema>;

export const eligibilitySchema = z.object({
  eligible: z.boolean(),
  rules: z.array(z.object({ rule: eligibilityRuleSchema, pass: z.boolean(), why: msgSchema })),
  missingAttachments: z.array(requiredAttachmentSchema),
});
export type Eligibility = z.infer<typeof eligibilitySchema>;

export const boardSchema = z.object({
  callId: z.uuid(),
  states: z.array(z.object({ state: applicationStateSchema, name: msgSchema, count: z.number().int() })),
  total: z.number().int(),
  budget: z.string(),
  proposed: z.string(),
  approved: z.string(),
  paid: z.string(),
  /** Proposed plus approved (and paid of terminated projects): what the budget is committed to. */
  committed: z.string(),
  remaining: z.string(),
});

export const rankingItemSchema = z.object({
  rank: z.number().int(),
  id: z.uuid(),
  title: z.string(),
  orgName: z.string(),
  regionName: z.string(),
  state: applicationStateSchema,
  panelScore: z.string().nullable(),
  requestedAmount: z.string().nullable(),
  proposedAmount: z.string().nullable(),
  approvedAmount: z.string().nullable(),
});

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: msgSchema,
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});
export const notificationListQuerySchema = pageQuerySchema.extend({ unread: boolQuery.optional() });
export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number().int(),
  unread: z.number().int(),
});
