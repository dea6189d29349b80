/** Contracts of the public portal: staff routes (/api/v1/portal) and public ones (/api/v1/public). */
import { z } from 'zod';
import { NOTICE_STATUS_CODES, NOTICE_TYPE_CODES, OBJECTION_STATUS_CODES } from '../portal';
import { indicatorCodeSchema, pageQuerySchema } from './common';

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

/** One record a notice is about: a project and its undertaking organisation. */
export const noticeRecordSchema = z.object({
  title: text(200),
  orgName: text(200),
  regionName: z.string().trim().max(50).optional(),
});
export type NoticeRecord = z.infer<typeof noticeRecordSchema>;

export const noticeBodySchema = z.object({
  type: z.enum(NOTICE_TYPE_CODES),
  title: text(200),
  body: z.string().max(50_000).default(''),
  records: z.array(noticeRecordSchema).max(2000).default([]),
  /** 公示期: objections are accepted from the first day to the last, both included (China dates). */
  windowStart: isoDate,
  windowEnd: isoDate,
  /** Who receives objections, as printed on the notice (an office and a telephone). */
  contactLine: z.string().trim().max(200).default(''),
});
export type NoticeBody = z.infer<typeof noticeBodySchema>;
/** Only the fields sent change (no defaults here: an absent field is left as it is). */
export const noticeUpdateSchema = z
  .object({
    ...noticeBodySchema.shape,
    body: z.string().max(50_000),
    records: z.array(noticeRecordSchema).max(2000),
    contactLine: z.string().trim().max(200),
  })
  .partial();
export type NoticeUpdate = z.infer<typeof noticeUpdateSchema>;

export const noticeFromCallSchema = z.object({
  callId: z.uuid(),
  windowStart: isoDate.optional(),
});

export const noticeTransitionSchema = z.object({ to: z.enum(NOTICE_STATUS_CODES) });

export const noticeListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  type: z.enum(NOTICE_TYPE_CODES).optional(),
  status: z.enum(NOTICE_STATUS_CODES).optional(),
});
export type NoticeListQuery = z.infer<typeof noticeListQuerySchema>;
export type NoticeFilters = Omit<NoticeListQuery, 'page' | 'pageSize' | 'sort'>;

export const noticeItemSchema = z.object({
  id: z.uuid(),
  type: z.enum(NOTICE_TYPE_CODES),
  title: z.string(),
  status: z.enum(NOTICE_STATUS_CODES),
  windowStart: z.string(),
  windowEnd: z.string(),
  callId: z.string().nullable(),
  publishedAt: z.string().nullable(),
  recordCount: z.number().int(),
  openObjections: z.number().int(),
  updatedAt: z.string(),
});
export type NoticeItem = z.infer<typeof noticeItemSchema>;

export const noticeDetailSchema = noticeItemSchema.extend({
  body: z.string(),
  records: z.array(noticeRecordSchema),
  contactLine: z.string(),
});
export type NoticeDetail = z.infer<typeof noticeDetailSchema>;

export const objectionListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(OBJECTION_STATUS_CODES).optional(),
  noticeId: z.uuid().optional(),
});
export type ObjectionListQuery = z.infer<typeof objectionListQuerySchema>;
export type ObjectionFilters = Omit<ObjectionListQuery, 'page' | 'pageSize' | 'sort'>;

export const objectionItemSchema = z.object({
  id: z.uuid(),
  trackingNo: z.string(),
  noticeId: z.string(),
  noticeTitle: z.string(),
  name: z.string(),
  /** Masked in the list (138****5678); the detail shows it whole to staff. */
  contact: z.string(),
  reason: z.string(),
  hasEvidence: z.boolean(),
  status: z.enum(OBJECTION_STATUS_CODES),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  receivedAt: z.string(),
});
export type ObjectionItem = z.infer<typeof objectionItemSchema>;

export const objectionAnswerSchema = z.object({ answer: text(5000) });

export const guideBodySchema = z.object({
  /** Stable code of the service (plan_projects, tech_contracts …). */
  code: z.string().regex(/^[a-z0-9_]{2,40}$/),
  title: text(100),
  /** 申请对象 / 申报条件. */
  whoMayApply: text(5000),
  /** 申报材料. */
  materials: text(5000),
  /** 办理时限. */
  timeLimits: text(2000),
  /** 咨询电话 (an office line, published by the bureau). */
  contacts: text(500),
  /** 在线办理: a path of this site (/projects/calls) or a full address. */
  entry: z.string().trim().max(300).default(''),
  sortOrder: z.number().int().min(0).max(999).default(0),
});
export type GuideBody = z.infer<typeof guideBodySchema>;

export const guideUpdateSchema = z
  .object({
    ...guideBodySchema.shape,
    entry: z.string().trim().max(300),
    sortOrder: z.number().int().min(0).max(999),
  })
  .partial();

export const guideSchema = guideBodySchema.extend({ id: z.uuid(), updatedAt: z.string() });
export type Guide = z.infer<typeof guideSchema>;

export const statisticsSettingsQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
});
export const statisticsSettingsBodySchema = z.object({
  year: z.number().int().min(2000).max(2100),
  codes: z.array(indicatorCodeSchema).max(500),
});
export const statisticsSettingsSchema = z.object({
  year: z.number().int(),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      nameEn: z.string(),
      unit: z.string(),
      isPublic: z.boolean(),
    }),
  ),
});

export const guideFileSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
});

// ─── Public (no sign-in): allow-listed fields only ───────────────────────────────────────────

export const publicPageQuerySchema = pageQuerySchema.omit({ sort: true });

export const publicCallSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  year: z.number().int(),
  programmeName: z.string(),
  programmeNameEn: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  /** 单项资助上限（万元）, as the call announces it. */
  fundingCap: z.string(),
  status: z.enum(['upcoming', 'open', 'closed']),
});
export const publicCallListQuerySchema = publicPageQuerySchema.extend({
  status: z.enum(['open', 'upcoming', 'closed']).optional(),
});
export const publicCallDetailSchema = publicCallSchema.extend({
  requiredAttachments: z.array(z.object({ name: z.string(), nameEn: z.string() })),
  maxPerApplicant: z.number().int(),
  files: z.array(guideFileSchema.pick({ id: true, fileName: true, size: true })),
});

export const publicNoticeSchema = z.object({
  id: z.uuid(),
  type: z.enum(NOTICE_TYPE_CODES),
  title: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  publishedAt: z.string().nullable(),
  window: z.enum(['upcoming', 'open', 'closed']),
});
export const publicNoticeDetailSchema = publicNoticeSchema.extend({
  body: z.string(),
  records: z.array(noticeRecordSchema),
  contactLine: z.string(),
});

export const objectionBodySchema = z.object({
  noticeId: z.uuid(),
  name: text(50),
  /** A mobile number or an e-mail address, to look the answer up with. */
  contact: text(100),
  reason: text(5000),
});
export const objectionReceiptSchema = z.object({
  trackingNo: z.string(),
  receivedAt: z.string(),
  /** Send evidence within this many minutes with the tracking number and contact. */
  evidenceMinutes: z.number().int(),
});
export const objectionLookupSchema = z.object({
  trackingNo: z.string().trim().max(30),
  contact: text(100),
});
export const objectionStatusSchema = z.object({
  trackingNo: z.string(),
  noticeTitle: z.string(),
  status: z.enum(OBJECTION_STATUS_CODES),
  receivedAt: z.string(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
});

export const publicGuideSchema = guideBodySchema.omit({ sortOrder: true });

export const publicStatisticsQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const publicStatisticsSchema = z.object({
  /** Years with at least one public indicator, newest first. */
  years: z.array(z.number().int()),
  year: z.number().int().nullable(),
  regions: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      nameEn: z.string(),
      unit: z.string(),
      unitEn: z.string(),
      /** One value per region of `regions`, in its order (the city first). */
      values: z.array(z.number().nullable()),
    }),
  ),
});
export type PublicStatistics = z.infer<typeof publicStatisticsSchema>;
