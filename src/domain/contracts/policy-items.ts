/** Contracts of policy fulfilment (/api/v1/policies/items, /api/v1/policies/benefits). */
import { z } from 'zod';
import { BENEFICIARY_STATUS_CODES, BENEFIT_KIND_CODES, ITEM_FIGURE_CODES } from '../policy-items';
import { ORG_KIND_CODES } from '../registry';
import { pageQuerySchema, regionCodeSchema, wanSchema } from './common';

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * An eligibility rule, written as data and evaluated in SQL (policies/rule-sql.ts). Every part is
 * optional but the kinds; together they are ANDed. An organisation under a credit record in force
 * is always left out (with the reason shown), whatever the rule says.
 */
export const eligibilityRuleSchema = z.object({
  orgKinds: z.array(z.enum(ORG_KIND_CODES)).min(1).max(6).default(['enterprise']),
  /** Counties (a county includes its functional zones); empty: everywhere in the city. */
  regionCodes: z.array(regionCodeSchema).max(30).default([]),
  /** Industry codes (国民经济行业分类), matched as prefixes: 'C' all manufacturing, 'C39' electronics. */
  industryCodes: z
    .array(z.string().regex(/^[A-Z0-9]{1,5}$/))
    .max(30)
    .default([]),
  /** 规上工业企业 (the registry's current flag): true only those, false only the others. */
  aboveSize: z.boolean().nullish(),
  qualification: z
    .object({
      typeCode: text(40),
      /** Issued on or after this day. */
      issuedFrom: isoDate.nullish(),
      /** Issued on or before this day. */
      issuedTo: isoDate.nullish(),
      /** 首次认定: no earlier qualification of the type before `issuedFrom`. */
      firstTime: z.boolean().default(false),
    })
    .nullish(),
  /** A year's statistics (万元 / persons) at or above each given threshold. */
  stats: z
    .object({
      year: z.number().int().min(2000).max(2100),
      minRevenue: wanSchema.nullish(),
      minRdExpense: wanSchema.nullish(),
      /** R&D expense as a percentage of revenue. */
      minRdRatio: z.number().min(0).max(100).nullish(),
      minStaff: z.number().int().min(0).nullish(),
    })
    .nullish(),
});
export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;

const itemFields = z.object({
  title: text(200),
  /** 预算科目 (budget line). */
  budgetLine: z.string().trim().max(100).nullish(),
  year: z.number().int().min(2000).max(2100),
  benefitKind: z.enum(BENEFIT_KIND_CODES),
  /** fixed: the amount per organisation; percent: the cap per organisation (万元). */
  amount: wanSchema.nullish(),
  /** percent: the share of the base paid. */
  percent: z.number().gt(0).max(100).nullish(),
  /** percent: what the percentage is of (保费, 研发费用…). */
  baseLabel: z.string().trim().max(60).nullish(),
  /** 免申即享: the platform lists who qualifies; otherwise applications through `callId`. */
  noApplication: z.boolean(),
  /** The projects call an item needing an application is applied for through. */
  callId: z.uuid().nullish(),
  /** The figure its payments count in. */
  figure: z.enum(ITEM_FIGURE_CODES).nullish(),
  rule: eligibilityRuleSchema.nullish(),
});
export const itemBodySchema = itemFields.extend({ noApplication: z.boolean().default(false) });
export type ItemBody = z.infer<typeof itemBodySchema>;
/** A change: only the fields sent (no defaults filled in). */
export const itemUpdateSchema = itemFields.partial();
export type ItemUpdate = z.infer<typeof itemUpdateSchema>;

export const itemListQuerySchema = pageQuerySchema.extend({
  documentId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  noApplication: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
});
export type ItemListQuery = z.infer<typeof itemListQuerySchema>;
export type ItemFilters = Omit<ItemListQuery, 'page' | 'pageSize' | 'sort'>;

export const itemRowSchema = z.object({
  id: z.uuid(),
  documentId: z.uuid(),
  documentTitle: z.string(),
  documentNo: z.string().nullable(),
  regionCode: z.string(),
  title: z.string(),
  budgetLine: z.string().nullable(),
  year: z.number().int(),
  benefitKind: z.enum(BENEFIT_KIND_CODES),
  amount: z.string().nullable(),
  percent: z.number().nullable(),
  baseLabel: z.string().nullable(),
  noApplication: z.boolean(),
  callId: z.uuid().nullable(),
  figure: z.enum(ITEM_FIGURE_CODES).nullable(),
  ruleVersion: z.number().int(),
  listConfirmedAt: z.string().nullable(),
  listRuleVersion: z.number().int().nullable(),
  beneficiaries: z.number().int(),
  paidCount: z.number().int(),
  paidAmount: z.string(),
});
export type ItemRow = z.infer<typeof itemRowSchema>;

export const itemDetailSchema = z.object({
  item: itemRowSchema.extend({ rule: eligibilityRuleSchema.nullable() }),
  versions: z.array(
    z.object({
      version: z.number().int(),
      rule: eligibilityRuleSchema,
      savedBy: z.string(),
      savedAt: z.string(),
    }),
  ),
  abilities: z.object({ edit: z.boolean(), confirm: z.boolean(), pay: z.boolean() }),
});
export type ItemDetail = z.infer<typeof itemDetailSchema>;

/** An organisation the rule selects (live) or listed by the confirmation (snapshot). */
export const eligibleRowSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  uscc: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  industryCode: z.string().nullable(),
  aboveSize: z.boolean(),
});
export type EligibleRow = z.infer<typeof eligibleRowSchema>;

export const eligibleQuerySchema = pageQuerySchema.extend({
  regionCode: regionCodeSchema.optional(),
  q: z.string().trim().max(100).optional(),
});
export type EligibleQuery = z.infer<typeof eligibleQuerySchema>;

export const previewSchema = z.object({
  total: z.number().int(),
  rows: z.array(eligibleRowSchema),
  /** Those the rule selects but a credit record in force keeps out, with its reason. */
  excludedTotal: z.number().int(),
  excluded: z.array(eligibleRowSchema.extend({ reason: z.string(), validTo: z.string().nullable() })),
});
export type Preview = z.infer<typeof previewSchema>;

export const beneficiaryRowSchema = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  itemTitle: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  uscc: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  ruleVersion: z.number().int(),
  amount: z.string().nullable(),
  status: z.enum(BENEFICIARY_STATUS_CODES),
  bankName: z.string().nullable(),
  /** Masked: the last four digits. */
  bankAccount: z.string().nullable(),
  accountName: z.string().nullable(),
  declineReason: z.string().nullable(),
  respondedAt: z.string().nullable(),
  paidAmount: z.string().nullable(),
  paidOn: z.string().nullable(),
  notifiedAt: z.string(),
});
export type BeneficiaryRow = z.infer<typeof beneficiaryRowSchema>;

export const beneficiaryQuerySchema = pageQuerySchema.extend({
  status: z.enum(BENEFICIARY_STATUS_CODES).optional(),
  /** Not yet paid nor declined: the ones to chase. */
  pending: z.enum(['true', 'false']).optional(),
  regionCode: regionCodeSchema.optional(),
  q: z.string().trim().max(100).optional(),
});
export type BeneficiaryQuery = z.infer<typeof beneficiaryQuerySchema>;

/** The organisation's answer: its bank account, or that it declines. */
export const benefitResponseSchema = z.discriminatedUnion('accept', [
  z.object({
    accept: z.literal(true),
    bankName: text(100),
    bankAccount: z
      .string()
      .trim()
      .regex(/^\d[\d ]{7,33}$/, '银行账号须为 8—34 位数字'),
    accountName: text(100),
  }),
  z.object({ accept: z.literal(false), reason: text(500) }),
]);
export type BenefitResponse = z.infer<typeof benefitResponseSchema>;

export const myBenefitsQuerySchema = pageQuerySchema.extend({
  status: z.enum(BENEFICIARY_STATUS_CODES).optional(),
});

export const batchBodySchema = z.object({
  paidOn: isoDate,
  note: z.string().trim().max(500).nullish(),
  /** Each organisation by its id, or by its USCC (a batch pasted from a spreadsheet). */
  payments: z
    .array(
      z.object({ orgId: z.uuid().optional(), uscc: z.string().trim().max(18).optional(), amount: wanSchema }),
    )
    .min(1)
    .max(5000),
});
export type BatchBody = z.infer<typeof batchBodySchema>;

export const batchRowSchema = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  paidOn: z.string(),
  note: z.string().nullable(),
  payments: z.number().int(),
  total: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type BatchRow = z.infer<typeof batchRowSchema>;
export const batchQuerySchema = pageQuerySchema;
