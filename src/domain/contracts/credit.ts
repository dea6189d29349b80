/** Contracts of credit records (/api/v1/credit/records). */
import { z } from 'zod';
import { CREDIT_SEVERITY_CODES, CREDIT_SUBJECT_CODES } from '../credit';
import { pageQuerySchema, regionCodeSchema } from './common';

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

export const creditBodySchema = z.object({
  subjectKind: z.enum(CREDIT_SUBJECT_CODES),
  /** The organisation, expert or user the record is on (by subjectKind). */
  subjectId: z.uuid(),
  reason: text(500),
  /** 处理依据 (the decision it comes from). */
  sourceDocument: text(200),
  severity: z.enum(CREDIT_SEVERITY_CODES),
  validFrom: isoDate,
  /** Open-ended when absent. */
  validTo: isoDate.nullish(),
});
export type CreditBody = z.infer<typeof creditBodySchema>;

export const creditUpdateSchema = creditBodySchema
  .pick({ reason: true, sourceDocument: true, severity: true, validFrom: true, validTo: true })
  .partial();
export type CreditUpdate = z.infer<typeof creditUpdateSchema>;

export const creditTextSchema = z.object({ text: text(2000) });

export const creditListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  subjectKind: z.enum(CREDIT_SUBJECT_CODES).optional(),
  severity: z.enum(CREDIT_SEVERITY_CODES).optional(),
  /** true: in force today; false: not (lapsed or not yet started). */
  inForce: z.enum(['true', 'false']).optional(),
  regionCode: regionCodeSchema.optional(),
});
export type CreditListQuery = z.infer<typeof creditListQuerySchema>;
export type CreditFilters = Omit<CreditListQuery, 'page' | 'pageSize' | 'sort'>;

export const creditRowSchema = z.object({
  id: z.uuid(),
  subjectKind: z.enum(CREDIT_SUBJECT_CODES),
  subjectId: z.uuid(),
  subjectName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  reason: z.string(),
  sourceDocument: z.string(),
  severity: z.enum(CREDIT_SEVERITY_CODES),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  inForce: z.boolean(),
  objection: z.string().nullable(),
  objectionAt: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type CreditRow = z.infer<typeof creditRowSchema>;
