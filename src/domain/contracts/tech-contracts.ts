/** Contracts of 技术合同认定登记 (/api/v1/contracts). */
import { z } from 'zod';
import {
  BUYER_KIND_CODES,
  CONTRACT_ACTION_CODES,
  CONTRACT_STATUS_CODES,
  CONTRACT_TYPE_CODES,
  COUNTRY_CODES,
  CURRENCY_CODES,
  OBJECTIVE_CODES,
  REFUSAL_REASON_CODES,
} from '../tech-contracts';
import { pageQuerySchema } from './common';

const isoDate = z.iso.date();

/** An amount in 万 of the contract's currency: up to four decimals, never negative. */
export const ORIG_PATTERN = /^\d{1,15}(\.\d{1,4})?$/;
export const origAmountSchema = z
  .string()
  .trim()
  .regex(ORIG_PATTERN, '金额须为不小于 0、最多四位小数的数字（万，合同币种）');
/** 元 of renminbi per unit of the currency, up to six decimals. */
export const rateSchema = z
  .string()
  .trim()
  .regex(/^\d{1,7}(\.\d{1,6})?$/, '汇率须为最多六位小数的正数');

export const nontechCostSchema = z.object({
  item: z.string().trim().min(1).max(100),
  amount: origAmountSchema,
});

export const contractBodySchema = z.object({
  title: z.string().trim().min(1).max(200),
  typeCode: z.enum(CONTRACT_TYPE_CODES),
  subTypeCode: z.string().max(40),
  buyerKind: z.enum(BUYER_KIND_CODES),
  /** The buyer's USCC: required for a registry buyer, optional for one elsewhere in China. */
  buyerUscc: z.string().trim().max(18).nullish(),
  /** The buyer's name when it is not in the registry. */
  buyerName: z.string().trim().max(200).nullish(),
  buyerCountry: z.enum(COUNTRY_CODES).nullish(),
  currency: z.enum(CURRENCY_CODES).default('CNY'),
  exchangeRate: rateSchema.nullish(),
  contractAmount: origAmountSchema,
  techAmount: origAmountSchema,
  nontechCosts: z.array(nontechCostSchema).max(20).default([]),
  paymentTerms: z.string().trim().max(2000).default(''),
  signedOn: isoDate,
  effectiveOn: isoDate.nullish(),
  endOn: isoDate.nullish(),
  fieldCode: z.string().max(40).nullish(),
  objectiveCode: z.enum(OBJECTIVE_CODES).nullish(),
  matchId: z.uuid().nullish(),
});
export type ContractBody = z.infer<typeof contractBodySchema>;

export const contractUpdateSchema = contractBodySchema.extend({ version: z.number().int() });
export type ContractUpdate = z.infer<typeof contractUpdateSchema>;

export const contractAmountsSchema = z.object({
  contractAmount: origAmountSchema,
  techAmount: origAmountSchema,
  nontechCosts: z.array(nontechCostSchema).max(20).default([]),
  exchangeRate: rateSchema.nullish(),
});
export type ContractAmounts = z.infer<typeof contractAmountsSchema>;

export const contractActionParamSchema = z.object({
  id: z.uuid(),
  action: z.enum(CONTRACT_ACTION_CODES),
});

export const contractActionBodySchema = z.object({
  /** The version the actor saw: a contract changed meanwhile answers 409. */
  version: z.number().int(),
  reasonCodes: z.array(z.enum(REFUSAL_REASON_CODES)).max(10).default([]),
  note: z.string().trim().max(1000).nullish(),
  /** The business day of a registration, amendment or cancellation; today in China when left out. */
  on: isoDate.optional(),
  /** The new amounts of an amendment. */
  amounts: contractAmountsSchema.optional(),
});
export type ContractActionBody = z.infer<typeof contractActionBodySchema>;

export const contractListQuerySchema = pageQuerySchema.extend({
  /** Fragment of the title, the registration number or a party's name. */
  q: z.string().trim().max(100).optional(),
  status: z.enum(CONTRACT_STATUS_CODES).optional(),
  typeCode: z.enum(CONTRACT_TYPE_CODES).optional(),
  regionCode: z.string().max(16).optional(),
  /** Registered in this year. */
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  /** Pending decisions past (overdue) or near (due_soon) their deadline. */
  deadline: z.enum(['overdue', 'due_soon']).optional(),
  /** Contracts whose registrar is this region's bureau (the county, or the city for the rest). */
  registrarRegion: z.string().max(16).optional(),
});
export type ContractListQuery = z.infer<typeof contractListQuerySchema>;
export type ContractFilters = Omit<ContractListQuery, 'page' | 'pageSize' | 'sort'>;

export const contractItemSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  typeCode: z.string(),
  subTypeCode: z.string(),
  sellerOrgId: z.uuid(),
  sellerName: z.string(),
  sellerUscc: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  registrarRegion: z.string(),
  buyerKind: z.string(),
  buyerName: z.string(),
  buyerCountry: z.string(),
  currency: z.string(),
  exchangeRate: z.string(),
  contractAmountOrig: z.string(),
  techAmountOrig: z.string(),
  contractAmount: z.string(),
  techAmount: z.string(),
  signedOn: z.string(),
  status: z.enum(CONTRACT_STATUS_CODES),
  submittedOn: z.string().nullable(),
  /** The registrar's deadline while the contract awaits a decision. */
  decisionDue: z.string().nullable(),
  registrationNo: z.string().nullable(),
  registeredOn: z.string().nullable(),
  cancelledOn: z.string().nullable(),
  source: z.string(),
  matchId: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ContractItem = z.infer<typeof contractItemSchema>;

export const contractFileSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

export const contractEventSchema = z.object({
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  reasonCodes: z.array(z.string()),
  note: z.string().nullable(),
  on: z.string(),
  actorUsername: z.string(),
  at: z.string(),
});

export const contractAmountVersionSchema = z.object({
  version: z.number().int(),
  effectiveOn: z.string(),
  exchangeRate: z.string(),
  contractAmountOrig: z.string(),
  techAmountOrig: z.string(),
  contractAmount: z.string(),
  techAmount: z.string(),
  note: z.string().nullable(),
});

export const contractDetailSchema = z.object({
  contract: contractItemSchema.extend({
    buyerUscc: z.string().nullable(),
    nontechCosts: z.array(nontechCostSchema),
    paymentTerms: z.string(),
    effectiveOn: z.string().nullable(),
    endOn: z.string().nullable(),
    fieldCode: z.string().nullable(),
    objectiveCode: z.string().nullable(),
    reasonCodes: z.array(z.string()),
    reasonNote: z.string().nullable(),
  }),
  files: z.array(contractFileSchema),
  events: z.array(contractEventSchema),
  amounts: z.array(contractAmountVersionSchema),
  abilities: z.object({
    edit: z.boolean(),
    actions: z.array(z.enum(CONTRACT_ACTION_CODES)),
    certificate: z.boolean(),
  }),
});
export type ContractDetail = z.infer<typeof contractDetailSchema>;

export const registrationNoParamSchema = z.object({
  registrationNo: z.string().regex(/^\d{4}[0-9A-Za-z]{6,10}\d{6}$/),
});

/** What anyone holding a certificate may learn: whether it is on record, its status, day and type. */
export const contractVerifySchema = z.object({
  registrationNo: z.string(),
  status: z.enum(CONTRACT_STATUS_CODES),
  registeredOn: z.string().nullable(),
  cancelledOn: z.string().nullable(),
  typeCode: z.string(),
  subTypeCode: z.string(),
  registrarName: z.string(),
});

/** One problem in one cell of an imported workbook; `row` is the row number Excel shows. */
export const contractImportErrorSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.object({ zh: z.string(), en: z.string() }),
});

export const contractImportQuerySchema = z.object({
  /** Check only: report the errors, write nothing. */
  dryRun: z.enum(['true', 'false']).default('false'),
  /** Import the valid rows even though others have errors. */
  validOnly: z.enum(['true', 'false']).default('false'),
});

export const contractImportResultSchema = z.object({
  totalRows: z.number().int(),
  validRows: z.number().int(),
  inserted: z.number().int(),
  errors: z.array(contractImportErrorSchema),
});
export type ContractImportResult = z.infer<typeof contractImportResultSchema>;
