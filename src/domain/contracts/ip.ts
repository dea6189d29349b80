/** Contracts of the IP module (/api/v1/ip). */
import { z } from 'zod';
import { PATENT_KINDS, PATENT_STATUSES } from '../ip';
import { pageQuerySchema } from './common';

const isoDate = z.iso.date();

export const patentListQuerySchema = pageQuerySchema.extend({
  /** Application number (any part), or words of the title. */
  q: z.string().trim().max(100).optional(),
  applicant: z.string().trim().max(100).optional(),
  /** IPC main class prefix, e.g. A43B. */
  ipc: z.string().trim().max(20).optional(),
  kind: z.enum(PATENT_KINDS).optional(),
  status: z.enum(PATENT_STATUSES).optional(),
  regionCode: z.string().max(16).optional(),
  filedFrom: isoDate.optional(),
  filedTo: isoDate.optional(),
  grantedFrom: isoDate.optional(),
  grantedTo: isoDate.optional(),
  /** Patents of one registry organisation. */
  orgId: z.uuid().optional(),
});
export type PatentListQuery = z.infer<typeof patentListQuerySchema>;
export type PatentFilters = Omit<PatentListQuery, 'page' | 'pageSize' | 'sort'>;

export const patentItemSchema = z.object({
  id: z.uuid(),
  appNo: z.string(),
  kind: z.enum(PATENT_KINDS),
  title: z.string(),
  applicantNames: z.string(),
  inventors: z.string(),
  filedOn: z.string(),
  publishedOn: z.string().nullable(),
  grantedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  status: z.enum(PATENT_STATUSES),
  ipcMain: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
});
export type PatentItem = z.infer<typeof patentItemSchema>;

export const patentEventSchema = z.object({
  onDate: z.string(),
  status: z.enum(PATENT_STATUSES),
  label: z.string(),
});

export const patentDetailSchema = z.object({
  patent: patentItemSchema.extend({
    address: z.string().nullable(),
    applicants: z.array(
      z.object({ name: z.string(), orgId: z.uuid().nullable(), orgName: z.string().nullable() }),
    ),
    termEnd: z.string(),
    validToday: z.boolean(),
  }),
  /** Filing, publication and grant from the dates, then the recorded legal events, by date. */
  timeline: z.array(patentEventSchema),
});
export type PatentDetail = z.infer<typeof patentDetailSchema>;

export const patentNumberParamSchema = z.object({ number: z.string().max(40) });

/** 一企一档: an organisation's patents in figures. */
export const orgPatentSummarySchema = z.object({
  byKind: z.array(z.object({ kind: z.enum(PATENT_KINDS), filed: z.number(), granted: z.number() })),
  validInventions: z.number(),
  /** Applications and grants per year, the last ten years. */
  trend: z.array(z.object({ year: z.number(), filed: z.number(), granted: z.number() })),
});
export type OrgPatentSummary = z.infer<typeof orgPatentSummarySchema>;

export const rowErrorSchema = z.object({
  row: z.number(),
  field: z.string(),
  message: z.object({ zh: z.string(), en: z.string() }),
});
export type IpRowError = z.infer<typeof rowErrorSchema>;

export const ipImportSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  rowsRead: z.number(),
  inserted: z.number(),
  updated: z.number(),
  events: z.number(),
  errorCount: z.number(),
  errors: z.array(rowErrorSchema),
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type IpImport = z.infer<typeof ipImportSchema>;

export const reviewListQuerySchema = pageQuerySchema.extend({
  status: z.enum(['open', 'matched', 'not_in_registry']).optional(),
  q: z.string().trim().max(100).optional(),
});

export const reviewItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  reason: z.enum(['unmatched', 'ambiguous']),
  candidates: z.array(z.object({ id: z.uuid(), name: z.string(), uscc: z.string() })),
  status: z.enum(['open', 'matched', 'not_in_registry']),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  patents: z.number(),
  createdAt: z.string(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

/** A decision on an applicant: the organisation it is, or that it is not in the registry. */
export const reviewDecisionSchema = z.union([
  z.object({ orgId: z.uuid() }),
  z.object({ notInRegistry: z.literal(true) }),
]);
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;
