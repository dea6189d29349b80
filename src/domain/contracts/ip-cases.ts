/** Contracts of 专利行政执法 cases (/api/v1/ip/cases). */
import { z } from 'zod';
import { CASE_ACTION_CODES, CASE_KIND_CODES, CASE_STATUS_CODES } from '../ip-cases';
import { calendarDate, pageQuerySchema } from './common';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const caseBodySchema = z.object({
  kind: z.enum(CASE_KIND_CODES),
  /** 案由, e.g. 某公司诉某厂侵犯实用新型专利权纠纷. */
  title: text(200),
  /** The patent concerned (application number), when there is one. */
  patentAppNo: optionalText(20),
  /** 请求人 (a dispute) or the reporting party (a counterfeit case); a name, masked outside the bureau. */
  requester: text(100),
  /** 被请求人 / 当事人. */
  respondent: text(100),
  /** The county or zone where the case arises (the handling bureau is the entering user's). */
  regionCode: z.string().max(16),
  receivedOn: calendarDate,
  summary: z.string().trim().max(4000).default(''),
});
export type CaseBody = z.infer<typeof caseBodySchema>;
export const caseUpdateSchema = caseBodySchema.partial().extend({ version: z.number().int().min(1) });
export type CaseUpdate = z.infer<typeof caseUpdateSchema>;

export const caseActionParamSchema = z.object({ id: z.uuid(), action: z.enum(CASE_ACTION_CODES) });
export const caseActionBodySchema = z.object({
  /** The version the user saw: a case changed meanwhile answers 409. */
  version: z.number().int().min(1),
  /** The day it happened; today in China when left out. */
  on: calendarDate.optional(),
  note: z.string().trim().max(2000).optional(),
});
export type CaseActionBody = z.infer<typeof caseActionBodySchema>;

export const caseListQuerySchema = pageQuerySchema.extend({
  /** Fragment of the case number, 案由, a party or the patent number. */
  q: z.string().trim().max(100).optional(),
  kind: z.enum(CASE_KIND_CODES).optional(),
  status: z.enum(CASE_STATUS_CODES).optional(),
  regionCode: z.string().max(16).optional(),
  /** Filed (立案) in this year. */
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  /** Running cases past their deadline, or within 10 days of it. */
  deadline: z.enum(['overdue', 'due_soon']).optional(),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
export type CaseFilters = Omit<CaseListQuery, 'page' | 'pageSize' | 'sort'>;

export const caseItemSchema = z.object({
  id: z.uuid(),
  caseNo: z.string().nullable(),
  kind: z.enum(CASE_KIND_CODES),
  title: z.string(),
  patentAppNo: z.string().nullable(),
  requester: z.string(),
  respondent: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  /** The handling bureau's region: the city's bureau or a county's. */
  bureauCode: z.string(),
  bureauName: z.string(),
  status: z.enum(CASE_STATUS_CODES),
  receivedOn: z.string(),
  filedOn: z.string().nullable(),
  /** The last day to decide, while the case runs or after (null before 立案 and when declined). */
  deadline: z.string().nullable(),
  extended: z.boolean(),
  endedOn: z.string().nullable(),
  version: z.number().int(),
});
export type CaseItem = z.infer<typeof caseItemSchema>;

export const caseEventSchema = z.object({
  action: z.enum(CASE_ACTION_CODES),
  fromStatus: z.enum(CASE_STATUS_CODES),
  toStatus: z.enum(CASE_STATUS_CODES),
  on: z.string(),
  note: z.string().nullable(),
  actorUsername: z.string(),
  at: z.string(),
});

export const caseDetailSchema = z.object({
  case: caseItemSchema.extend({ summary: z.string() }),
  events: z.array(caseEventSchema),
  /** The moves the caller may take now. */
  actions: z.array(z.enum(CASE_ACTION_CODES)),
  canEdit: z.boolean(),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;
