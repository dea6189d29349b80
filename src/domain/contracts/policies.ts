/** Contracts of the policy-document library (/api/v1/policies). */
import { z } from 'zod';
import { POLICY_STATUS_CODES } from '../policies';
import { pageQuerySchema } from './common';

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

/** A field cleared by sending null, left alone when absent. */
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const policyBodySchema = z.object({
  title: text(200),
  /** 文号, e.g. 泉科〔2017〕12号; given when the document is issued if not before. */
  documentNo: optionalText(60),
  /** 索引号 of the government disclosure catalogue. */
  indexNo: optionalText(60),
  /** 发文机关. */
  issuer: text(100),
  /** The issuing bureau's region: the city, or a county for a county's own document. */
  regionCode: z.string().max(16),
  body: z.string().max(200_000).default(''),
  isPublic: z.boolean().default(false),
});
export type PolicyBody = z.infer<typeof policyBodySchema>;

export const policyUpdateSchema = policyBodySchema.partial().extend({
  body: z.string().max(200_000).optional(),
  isPublic: z.boolean().optional(),
});
export type PolicyUpdate = z.infer<typeof policyUpdateSchema>;

export const policyTransitionSchema = z.object({
  to: z.enum(POLICY_STATUS_CODES),
  /** The day it takes effect (issued or repealed); today in China when left out. */
  on: isoDate.optional(),
});
export type PolicyTransition = z.infer<typeof policyTransitionSchema>;

export const policyListQuerySchema = pageQuerySchema.extend({
  /** Fragment of the title, 文号 or 索引号. */
  q: z.string().trim().max(100).optional(),
  status: z.enum(POLICY_STATUS_CODES).optional(),
  regionCode: z.string().max(16).optional(),
  isPublic: z.enum(['true', 'false']).optional(),
  /** Issued in this year. */
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
export type PolicyListQuery = z.infer<typeof policyListQuerySchema>;
export type PolicyFilters = Omit<PolicyListQuery, 'page' | 'pageSize' | 'sort'>;

export const policyItemSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  documentNo: z.string().nullable(),
  indexNo: z.string().nullable(),
  issuer: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  status: z.enum(POLICY_STATUS_CODES),
  issuedOn: z.string().nullable(),
  repealedOn: z.string().nullable(),
  isPublic: z.boolean(),
  updatedAt: z.string(),
});
export type PolicyItem = z.infer<typeof policyItemSchema>;

export const policyDetailSchema = z.object({
  policy: policyItemSchema.extend({ body: z.string() }),
  abilities: z.object({ edit: z.boolean(), transitions: z.array(z.enum(POLICY_STATUS_CODES)) }),
});
export type PolicyDetail = z.infer<typeof policyDetailSchema>;

/** What the public library shows: issued, public documents, these fields only. */
export const publicPolicySchema = policyItemSchema
  .pick({ id: true, title: true, documentNo: true, indexNo: true, issuer: true, issuedOn: true })
  .extend({ body: z.string() });
