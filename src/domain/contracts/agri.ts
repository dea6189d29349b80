/** Contracts of 农业科技 and 科技特派员 (/api/v1/agri). */
import { z } from 'zod';
import {
  AGRI_LEVELS,
  AGRI_UNIT_KINDS,
  APPRAISAL_GRADES,
  LOG_FLAGS,
  LOG_STATUS_CODES,
  SERVED_KINDS,
  TRAINING_KINDS,
} from '../agri';
import { pageQuerySchema, regionCodeSchema, wanSchema } from './common';

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const year = z.coerce.number().int().min(1990).max(2100);

// ---- carriers: parks, bases, cooperatives ----

export const unitBodySchema = z.object({
  kind: z.enum(AGRI_UNIT_KINDS),
  level: z.enum(AGRI_LEVELS),
  name: text(120),
  regionCode: regionCodeSchema,
  orgId: z.uuid().nullish(),
  parkId: z.uuid().nullish(),
  recognisedOn: isoDate,
  endedOn: isoDate.nullish(),
  note: z.string().trim().max(500).default(''),
});
export type UnitBody = z.infer<typeof unitBodySchema>;
export const unitUpdateSchema = unitBodySchema.partial();
export type UnitUpdate = z.infer<typeof unitUpdateSchema>;

export const unitListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(AGRI_UNIT_KINDS).optional(),
  level: z.enum(AGRI_LEVELS).optional(),
  regionCode: regionCodeSchema.optional(),
  /** Counting on this day (recognised by then, not ended). */
  asOf: isoDate.optional(),
});
export type UnitListQuery = z.infer<typeof unitListQuerySchema>;

export const unitItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(AGRI_UNIT_KINDS),
  level: z.enum(AGRI_LEVELS),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  orgId: z.string().nullable(),
  parkId: z.string().nullable(),
  parkName: z.string().nullable(),
  recognisedOn: z.string(),
  endedOn: z.string().nullable(),
  note: z.string(),
  /** A park's latest yearly output (万元) and growth (%). */
  outputYear: z.number().nullable(),
  output: z.string().nullable(),
  growthPct: z.string().nullable(),
});
export type UnitItem = z.infer<typeof unitItemSchema>;

export const parkOutputBodySchema = z.object({
  year,
  output: wanSchema,
  growthPct: z
    .string()
    .regex(/^-?\d{1,4}(\.\d{1,2})?$/)
    .nullish(),
});
export type ParkOutputBody = z.infer<typeof parkOutputBodySchema>;

// ---- trainings ----

export const trainingBodySchema = z.object({
  kind: z.enum(TRAINING_KINDS),
  title: text(160),
  regionCode: regionCodeSchema,
  heldOn: isoDate,
  attendances: z.number().int().min(0).max(1_000_000),
  organiser: z.string().trim().max(120).default(''),
});
export type TrainingBody = z.infer<typeof trainingBodySchema>;

export const trainingListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(TRAINING_KINDS).optional(),
  regionCode: regionCodeSchema.optional(),
  year: year.optional(),
});
export type TrainingListQuery = z.infer<typeof trainingListQuerySchema>;

export const trainingItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(TRAINING_KINDS),
  title: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  heldOn: z.string(),
  attendances: z.number(),
  organiser: z.string(),
});
export type TrainingItem = z.infer<typeof trainingItemSchema>;

// ---- commissioners ----

export const commissionerBodySchema = z.object({
  name: text(40),
  expertise: text(120),
  employer: text(120),
  regionCode: regionCodeSchema,
  mobile: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, '手机号须为 11 位数字')
    .nullish(),
  /** 居民身份证号: sealed at rest, shown masked. */
  idNumber: z.string().trim().max(18).nullish(),
  /** An existing account of role commissioner to link. */
  username: z.string().trim().max(64).nullish(),
});
export type CommissionerBody = z.infer<typeof commissionerBodySchema>;
export const commissionerUpdateSchema = commissionerBodySchema.partial();
export type CommissionerUpdate = z.infer<typeof commissionerUpdateSchema>;

export const commissionerListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  regionCode: regionCodeSchema.optional(),
});
export type CommissionerListQuery = z.infer<typeof commissionerListQuerySchema>;

export const commissionerItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  expertise: z.string(),
  employer: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  /** Masked: 138****1234. */
  mobile: z.string().nullable(),
  /** Masked: 350582********123X. */
  idNumber: z.string().nullable(),
  username: z.string().nullable(),
  dispatches: z.number(),
  logs: z.number(),
});
export type CommissionerItem = z.infer<typeof commissionerItemSchema>;

// ---- dispatches ----

export const dispatchBodySchema = z.object({
  commissionerId: z.uuid(),
  servedKind: z.enum(SERVED_KINDS),
  servedName: text(120),
  servedOrgId: z.uuid().nullish(),
  regionCode: regionCodeSchema,
  startsOn: isoDate,
  endsOn: isoDate,
  agreementNo: z.string().trim().max(60).default(''),
});
export type DispatchBody = z.infer<typeof dispatchBodySchema>;

export const dispatchListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  regionCode: regionCodeSchema.optional(),
  commissionerId: z.uuid().optional(),
  servedKind: z.enum(SERVED_KINDS).optional(),
  /** In force on this day. */
  activeOn: isoDate.optional(),
});
export type DispatchListQuery = z.infer<typeof dispatchListQuerySchema>;

export const dispatchItemSchema = z.object({
  id: z.uuid(),
  commissionerId: z.string(),
  commissionerName: z.string(),
  servedKind: z.enum(SERVED_KINDS),
  servedName: z.string(),
  servedOrgId: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  agreementNo: z.string(),
  agreementFileName: z.string().nullable(),
  logs: z.number(),
});
export type DispatchItem = z.infer<typeof dispatchItemSchema>;

// ---- service logs ----

export const serviceLogBodySchema = z.object({
  dispatchId: z.uuid(),
  /** When the service was given (an instant; China time on screen). */
  servedAt: z.iso.datetime({ offset: true }),
  place: text(200),
  lat: z.number().min(-90).max(90).nullish(),
  lng: z.number().min(-180).max(180).nullish(),
  content: text(2000),
});
export type ServiceLogBody = z.infer<typeof serviceLogBodySchema>;

export const confirmLogSchema = z.object({
  satisfaction: z.number().int().min(1).max(5),
  note: z.string().trim().max(500).optional(),
});
export type ConfirmLog = z.infer<typeof confirmLogSchema>;
export const rejectLogSchema = z.object({ reason: text(500) });
export type RejectLog = z.infer<typeof rejectLogSchema>;

export const serviceLogListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  regionCode: regionCodeSchema.optional(),
  commissionerId: z.uuid().optional(),
  dispatchId: z.uuid().optional(),
  status: z.enum(LOG_STATUS_CODES).optional(),
  flag: z.enum([...LOG_FLAGS, 'any']).optional(),
  year: year.optional(),
});
export type ServiceLogListQuery = z.infer<typeof serviceLogListQuerySchema>;

export const serviceLogItemSchema = z.object({
  id: z.uuid(),
  dispatchId: z.string(),
  commissionerId: z.string(),
  commissionerName: z.string(),
  servedKind: z.enum(SERVED_KINDS),
  servedName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  servedAt: z.string(),
  place: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  content: z.string(),
  status: z.enum(LOG_STATUS_CODES),
  satisfaction: z.number().nullable(),
  rejectReason: z.string().nullable(),
  flags: z.array(z.enum(LOG_FLAGS)),
  flagNotes: z.record(z.string(), z.string()),
  photos: z.number(),
});
export type ServiceLogItem = z.infer<typeof serviceLogItemSchema>;

export const serviceLogDetailSchema = z.object({
  log: serviceLogItemSchema,
  photos: z.array(z.object({ id: z.string(), fileName: z.string(), sha256: z.string(), size: z.number() })),
  abilities: z.object({ addPhoto: z.boolean(), confirm: z.boolean() }),
});
export type ServiceLogDetail = z.infer<typeof serviceLogDetailSchema>;

// ---- appraisal ----

export const appraisalListQuerySchema = pageQuerySchema.extend({
  year,
  regionCode: regionCodeSchema.optional(),
  q: z.string().trim().max(100).optional(),
});
export type AppraisalListQuery = z.infer<typeof appraisalListQuerySchema>;

export const appraisalItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number(),
  logs: z.number(),
  confirmed: z.number(),
  anomalies: z.number(),
  satisfaction: z.number().nullable(),
  countyGrade: z.enum(APPRAISAL_GRADES).nullable(),
  score: z.number(),
  grade: z.enum(APPRAISAL_GRADES),
});
export type AppraisalItem = z.infer<typeof appraisalItemSchema>;

export const appraisalBodySchema = z.object({
  countyGrade: z.enum(APPRAISAL_GRADES),
  note: z.string().trim().max(500).default(''),
});
export type AppraisalBody = z.infer<typeof appraisalBodySchema>;
