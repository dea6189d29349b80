/**
 * Contracts of the registry's facilities: R&D platforms (研发平台), incubation carriers (孵化载体)
 * and parks (高新区"一区多园"). The list items of platforms and carriers are declared with the
 * organisation page in ./registry and reused here.
 */
import { z } from 'zod';
import { CARRIER_KIND_CODES, LEVEL_CODES, PLATFORM_KIND_CODES } from '../registry';
import { calendarDate, pageQuerySchema } from './common';
import { carrierItemSchema, platformItemSchema, wanSchema } from './registry';

const isoDate = calendarDate;
const count = z.number().int().min(0).max(100_000_000);
const STATUS_CODES = ['active', 'revoked', 'closed'] as const;

/** Filters shared by the platform and carrier lists. */
const facilityFilters = {
  /** Fragment of the facility's or its organisation's name. */
  q: z.string().trim().max(100).optional(),
  /** A county includes its functional zones; the city code means everywhere. */
  regionCode: z.string().max(16).optional(),
  level: z.enum(LEVEL_CODES).optional(),
  status: z.enum(STATUS_CODES).optional(),
  /**
   * Counting on date D: recognised on or before D, and either still active or ended after D.
   * The end date is the first day it no longer counts (ended 2016-06-30: counts on 06-29, not 06-30).
   */
  activeOn: isoDate.optional(),
};

export const platformListQuerySchema = pageQuerySchema.extend({
  ...facilityFilters,
  kind: z.enum(PLATFORM_KIND_CODES).optional(),
  hostOrgId: z.uuid().optional(),
});
export type PlatformListQuery = z.infer<typeof platformListQuerySchema>;
export type PlatformFilters = Omit<PlatformListQuery, 'page' | 'pageSize' | 'sort'>;

export const carrierListQuerySchema = pageQuerySchema.extend({
  ...facilityFilters,
  kind: z.enum(CARRIER_KIND_CODES).optional(),
  operatorOrgId: z.uuid().optional(),
});
export type CarrierListQuery = z.infer<typeof carrierListQuerySchema>;
export type CarrierFilters = Omit<CarrierListQuery, 'page' | 'pageSize' | 'sort'>;

const facilityFields = {
  name: z.string().trim().min(2).max(100),
  level: z.enum(LEVEL_CODES),
  recognizedOn: isoDate,
  documentNo: z.string().trim().max(100).nullable().optional(),
};

export const platformBodySchema = z
  .object({ hostOrgId: z.uuid(), kind: z.enum(PLATFORM_KIND_CODES), ...facilityFields })
  .strict();
export type PlatformBody = z.infer<typeof platformBodySchema>;
/** Status changes go through `…/end`; a partial update carries only what the user changed. */
export const platformUpdateSchema = platformBodySchema.partial().strict();
export type PlatformUpdate = z.infer<typeof platformUpdateSchema>;

export const carrierBodySchema = z
  .object({ operatorOrgId: z.uuid(), kind: z.enum(CARRIER_KIND_CODES), ...facilityFields })
  .strict();
export type CarrierBody = z.infer<typeof carrierBodySchema>;
export const carrierUpdateSchema = carrierBodySchema.partial().strict();
export type CarrierUpdate = z.infer<typeof carrierUpdateSchema>;

/** Revocation (撤销) or closure/merger (关闭/合并); `endedOn` is the first day it no longer counts. */
export const facilityEndBodySchema = z
  .object({
    status: z.enum(['revoked', 'closed']),
    endedOn: isoDate,
    reason: z.string().trim().min(2).max(500),
  })
  .strict();
export type FacilityEndBody = z.infer<typeof facilityEndBodySchema>;

export const yearParamSchema = z.object({
  id: z.uuid(),
  year: z.coerce.number().int().min(1990).max(2100),
});

export const platformDetailSchema = z.object({
  platform: platformItemSchema,
  /** What the viewer may do here, so the page shows only buttons that work. */
  abilities: z.object({ edit: z.boolean() }),
});

/** A carrier's figures for one year (孵化载体年度数据). */
export const carrierAnnualBodySchema = z
  .object({
    startupsServed: count,
    teamsServed: count,
    areaM2: count.nullable().optional(),
    incubatees: count.nullable().optional(),
    graduates: count.nullable().optional(),
  })
  .strict();
export type CarrierAnnualBody = z.infer<typeof carrierAnnualBodySchema>;
export const carrierAnnualSchema = z.object({
  year: z.number().int(),
  startupsServed: z.number().int(),
  teamsServed: z.number().int(),
  areaM2: z.number().int().nullable(),
  incubatees: z.number().int().nullable(),
  graduates: z.number().int().nullable(),
});

export const carrierDetailSchema = z.object({
  carrier: carrierItemSchema,
  annual: z.array(carrierAnnualSchema),
  abilities: z.object({ edit: z.boolean() }),
});

export const parkListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  regionCode: z.string().max(16).optional(),
  /** Figures of this year instead of each park's latest. */
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
export type ParkListQuery = z.infer<typeof parkListQuerySchema>;
export type ParkFilters = Omit<ParkListQuery, 'page' | 'pageSize' | 'sort'>;

export const parkItemSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  parentId: z.uuid().nullable(),
  /** The year the figures are of: the latest held, or the one asked for. */
  year: z.number().int().nullable(),
  industrialOutput: z.string().nullable(),
  enterprises: z.number().int().nullable(),
  hteCount: z.number().int().nullable(),
});
export type ParkItem = z.infer<typeof parkItemSchema>;

/** 园区年度数据: 工业总产值 (万元), enterprises in the park, 高新技术企业 among them. */
export const parkAnnualBodySchema = z
  .object({
    industrialOutput: wanSchema
      .refine((v) => !v.startsWith('-'), { message: '不能为负数 / must not be negative' })
      .nullable(),
    enterprises: count.nullable(),
    hteCount: count.nullable(),
  })
  .strict();
export type ParkAnnualBody = z.infer<typeof parkAnnualBodySchema>;
export const parkAnnualSchema = z.object({
  year: z.number().int(),
  industrialOutput: z.string().nullable(),
  enterprises: z.number().int().nullable(),
  hteCount: z.number().int().nullable(),
});

export const parkDetailSchema = z.object({
  park: parkItemSchema,
  annual: z.array(parkAnnualSchema),
  abilities: z.object({ editAnnual: z.boolean() }),
});
