/** Contracts of 科技金融 (/api/v1/finance). */
import { z } from 'zod';
import { BOARDS, INSTITUTION_TYPES, INSTRUMENTS, RECORD_KINDS, ROUNDS } from '../finance';
import { pageQuerySchema, regionCodeSchema, usccSchema, wanSchema } from './common';

const isoDate = z.iso.date();
const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** A financial institution: a registry organisation (kind 金融机构) and what it is to the module. */
export const institutionBodySchema = z.object({
  uscc: usccSchema,
  type: z.enum(INSTITUTION_TYPES),
});
export type InstitutionBody = z.infer<typeof institutionBodySchema>;

export const institutionItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  uscc: z.string(),
  type: z.enum(INSTITUTION_TYPES),
  regionCode: z.string(),
  regionName: z.string(),
  records: z.number().int(),
});
export type InstitutionItem = z.infer<typeof institutionItemSchema>;

export const institutionListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  type: z.enum(INSTITUTION_TYPES).optional(),
});
export type InstitutionListQuery = z.infer<typeof institutionListQuerySchema>;
export type InstitutionFilters = Omit<InstitutionListQuery, 'page' | 'pageSize' | 'sort'>;

/**
 * One record. The enterprise is named by its USCC (as banks' spreadsheets do); a pledge names the
 * patent by its application number and may leave the enterprise to the patent's first applicant.
 */
export const recordBodySchema = z.object({
  kind: z.enum(RECORD_KINDS),
  /** The institution; a bank or fund user's own is taken when left out. */
  institutionId: z.uuid().optional(),
  enterpriseUscc: usccSchema.optional(),
  /** 授信日期 / 放款日期 / 挂牌日期 / 投资日期 / 保险起期 / 质押登记日. */
  startOn: isoDate,
  /** 保险止期, or the day a pledge was released. */
  endOn: isoDate.nullish(),
  instrument: z.enum(INSTRUMENTS).nullish(),
  amount: wanSchema.nullish(),
  /** 保险金额 (sum insured), 万元. */
  cover: wanSchema.nullish(),
  termMonths: z.number().int().min(1).max(360).nullish(),
  guaranteeFree: z.boolean().default(false),
  board: z.enum(BOARDS).nullish(),
  round: z.enum(ROUNDS).nullish(),
  /** 合同编号 / 挂牌代码 / 保单号 / 质押登记号. */
  refNo: optionalText(60),
  appNo: optionalText(30),
  note: optionalText(500),
});
export type RecordBody = z.infer<typeof recordBodySchema>;

/** A change: the fields given replace the record's (no default may reset one left out). */
export const recordUpdateSchema = recordBodySchema
  .omit({ kind: true })
  .partial()
  .extend({ guaranteeFree: z.boolean().optional() });
export type RecordUpdate = z.infer<typeof recordUpdateSchema>;

export const recordListQuerySchema = pageQuerySchema.extend({
  kind: z.enum(RECORD_KINDS).optional(),
  /** Enterprise name, USCC, reference number or application number. */
  q: z.string().trim().max(100).optional(),
  institutionId: z.uuid().optional(),
  regionCode: regionCodeSchema.optional(),
  instrument: z.enum(INSTRUMENTS).optional(),
  /** Started (granted, listed, …) in this year. */
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
export type RecordListQuery = z.infer<typeof recordListQuerySchema>;
export type RecordFilters = Omit<RecordListQuery, 'page' | 'pageSize' | 'sort'>;

export const recordItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(RECORD_KINDS),
  institutionId: z.uuid(),
  institutionName: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  enterpriseUscc: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  instrument: z.enum(INSTRUMENTS).nullable(),
  amount: z.string().nullable(),
  cover: z.string().nullable(),
  termMonths: z.number().int().nullable(),
  guaranteeFree: z.boolean(),
  board: z.enum(BOARDS).nullable(),
  round: z.enum(ROUNDS).nullable(),
  refNo: z.string().nullable(),
  appNo: z.string().nullable(),
  patentTitle: z.string().nullable(),
  note: z.string().nullable(),
  source: z.enum(['entry', 'import']),
  updatedAt: z.string(),
});
export type RecordItem = z.infer<typeof recordItemSchema>;

export const recordDetailSchema = z.object({
  record: recordItemSchema,
  abilities: z.object({ edit: z.boolean() }),
});
export type RecordDetail = z.infer<typeof recordDetailSchema>;

export const importQuerySchema = z.object({
  /** Check only: report the errors, write nothing. */
  dryRun: z.enum(['true', 'false']).default('false'),
  /** Import the valid rows even though others have errors. */
  validOnly: z.enum(['true', 'false']).default('false'),
});

/** One problem in one cell of an imported workbook; `row` is the row number Excel shows. */
export const importResultSchema = z.object({
  totalRows: z.number().int(),
  validRows: z.number().int(),
  inserted: z.number().int(),
  errors: z.array(
    z.object({
      row: z.number().int(),
      column: z.string(),
      message: z.object({ zh: z.string(), en: z.string() }),
    }),
  ),
});
export type ImportResult = z.infer<typeof importResultSchema>;
