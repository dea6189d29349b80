import { z } from 'zod';
import { CARRIER_KIND_CODES, LEVEL_CODES, ORG_KIND_CODES, PLATFORM_KIND_CODES } from '../registry';
import { calendarDate, cappedListResponse, pageQuerySchema, usccSchema, wanSchema } from './common';

const isoDate = calendarDate;
const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

// Money and the USCC moved to common.ts, shared with the web forms; kept here for importers.
export { usccSchema, wanSchema };

export const orgListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  regionCode: z.string().max(16).optional(),
  kind: z.enum(ORG_KIND_CODES).optional(),
  /** A GB/T 4754 section letter or a division/group/class code prefix. */
  industryCode: z
    .string()
    .regex(/^[A-T]$|^\d{2,4}$/)
    .optional(),
  aboveSize: boolQuery.optional(),
  parkId: z.uuid().optional(),
  /** Holds a qualification of this type valid on `validOn` (default today). */
  qualification: z.string().max(32).optional(),
  level: z.enum(LEVEL_CODES).optional(),
  validOn: isoDate.optional(),
});
export type OrgListQuery = z.infer<typeof orgListQuerySchema>;

export const orgListItemSchema = z.object({
  id: z.uuid(),
  uscc: z.string(),
  name: z.string(),
  kind: z.enum(ORG_KIND_CODES),
  regionCode: z.string(),
  regionName: z.string(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  aboveSize: z.boolean(),
  parkId: z.uuid().nullable(),
  parkName: z.string().nullable(),
  foundedOn: z.string().nullable(),
  /** Codes of the qualifications valid today. */
  qualifications: z.array(z.string()),
  updatedAt: z.string(),
});
export type OrgListItem = z.infer<typeof orgListItemSchema>;

/**
 * A keyword search stops counting at `total` when more organisations match: `totalCapped` says
 * "at least this many" (shown as 2,000+), and the pages rank the first `total` found.
 */
export const orgListResponseSchema = cappedListResponse(orgListItemSchema).extend({
  /**
   * Past 10,000 matches (no keyword) the total is the database's estimate, not a count: shown as
   * "about". Pages are exact either way.
   */
  totalIsEstimate: z.boolean(),
});
export type OrgListResult = z.infer<typeof orgListResponseSchema>;

const orgFields = z
  .object({
    uscc: usccSchema,
    name: z.string().trim().min(2).max(100),
    kind: z.enum(ORG_KIND_CODES),
    regionCode: z.string().max(16),
    industryCode: z
      .string()
      .regex(/^[A-T]$|^\d{2,4}$/)
      .nullable()
      .optional(),
    aboveSize: z.boolean(),
    parkId: z.uuid().nullable().optional(),
    foundedOn: isoDate.nullable().optional(),
    address: z.string().trim().max(200).nullable().optional(),
    contactPerson: z.string().trim().max(50).nullable().optional(),
    contactPhone: z
      .string()
      .trim()
      .regex(/^[0-9+\-() ]{5,30}$/)
      .nullable()
      .optional(),
    legacyRegNo: z
      .string()
      .trim()
      .regex(/^\d{15}$/)
      .nullable()
      .optional(),
  })
  .strict();
export const orgBodySchema = orgFields.extend({ aboveSize: z.boolean().default(false) }).strict();
// No defaults here: a partial update must carry only what the user changed.
export const orgUpdateSchema = orgFields.partial().strict();
/** What an enterprise or institution may correct in its own profile. */
export const OWN_PROFILE_FIELDS = ['address', 'contactPerson', 'contactPhone'] as const;

export const annualStatsBodySchema = z
  .object({
    revenue: wanSchema.nullable(),
    rdExpense: wanSchema.nullable(),
    staff: z.number().int().min(0).max(10_000_000).nullable(),
    stStaff: z.number().int().min(0).max(10_000_000).nullable(),
    hitechRevenue: wanSchema.nullable(),
    aboveSize: z.boolean(),
    hasRdActivity: z.boolean(),
    ownsCoreTech: z.boolean(),
  })
  .strict();

export const annualStatsSchema = annualStatsBodySchema.extend({ year: z.number().int() });

export const qualificationSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  uscc: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  level: z.enum(LEVEL_CODES).nullable(),
  certificateNo: z.string().nullable(),
  issuedOn: z.string(),
  validUntil: z.string().nullable(),
  documentNo: z.string().nullable(),
  batch: z.string().nullable(),
  revoked: z.boolean(),
  revokedOn: z.string().nullable(),
  revokeReason: z.string().nullable(),
  /** Valid on the list's `validOn` date (today by default). */
  valid: z.boolean(),
});

export const qualificationListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  orgId: z.uuid().optional(),
  regionCode: z.string().max(16).optional(),
  typeCode: z.string().max(32).optional(),
  level: z.enum(LEVEL_CODES).optional(),
  validOn: isoDate.optional(),
  status: z.enum(['valid', 'expired', 'revoked', 'all']).default('all'),
  /** Valid today and ending within this many days (the expiry list). */
  expiresWithin: z.coerce.number().int().min(1).max(3650).optional(),
});

export const qualificationBodySchema = z
  .object({
    orgId: z.uuid(),
    typeCode: z.string().max(32),
    level: z.enum(LEVEL_CODES).nullable().optional(),
    certificateNo: z.string().trim().max(40).nullable().optional(),
    issuedOn: isoDate,
    /** Defaults to the type's validity rule (高企: three years from issue). */
    validUntil: isoDate.nullable().optional(),
    documentNo: z.string().trim().max(100).nullable().optional(),
    batch: z.string().trim().max(50).nullable().optional(),
  })
  .strict();
export const qualificationUpdateSchema = qualificationBodySchema.omit({ orgId: true }).partial().strict();
export const revokeBodySchema = z
  .object({ revokedOn: isoDate, reason: z.string().trim().min(2).max(500) })
  .strict();

export const cultivationQuerySchema = pageQuerySchema.extend({
  year: z.coerce.number().int().min(2000).max(2100),
  regionCode: z.string().max(16).optional(),
  /** How many percentage points short of a threshold still counts as "near" (default 1). */
  margin: z.coerce.number().min(0).max(20).default(1),
  status: z.enum(['meets', 'near', 'all']).default('all'),
});

const criterionSchema = z.object({
  code: z.enum(['rd_intensity', 'st_staff_share', 'hitech_revenue_share']),
  name: z.object({ zh: z.string(), en: z.string() }),
  required: z.number(),
  actual: z.number().nullable(),
  pass: z.boolean(),
});

/** One enterprise of the 高企培育库 with each criterion's actual against required share. */
export const cultivationItemSchema = z.object({
  /** The enterprise's id (the list's row key), also as orgId. */
  id: z.uuid(),
  orgId: z.uuid(),
  year: z.number().int(),
  uscc: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  industryCode: z.string().nullable(),
  revenue: z.string().nullable(),
  rdExpense: z.string().nullable(),
  staff: z.number().int().nullable(),
  stStaff: z.number().int().nullable(),
  hitechRevenue: z.string().nullable(),
  status: z.enum(['meets', 'near']),
  criteria: z.array(criterionSchema),
  failing: z.array(criterionSchema.shape.code),
});
export type CultivationItem = z.infer<typeof cultivationItemSchema>;

export { CARRIER_KIND_CODES, PLATFORM_KIND_CODES };

export const platformItemSchema = z.object({
  id: z.uuid(),
  hostOrgId: z.uuid(),
  hostOrgName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  kind: z.enum(PLATFORM_KIND_CODES),
  name: z.string(),
  level: z.enum(LEVEL_CODES),
  recognizedOn: z.string(),
  documentNo: z.string().nullable(),
  status: z.enum(['active', 'revoked', 'closed']),
  endedOn: z.string().nullable(),
});

export const carrierItemSchema = z.object({
  id: z.uuid(),
  operatorOrgId: z.uuid(),
  operatorOrgName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  kind: z.enum(CARRIER_KIND_CODES),
  name: z.string(),
  level: z.enum(LEVEL_CODES),
  recognizedOn: z.string(),
  documentNo: z.string().nullable(),
  status: z.enum(['active', 'revoked', 'closed']),
  endedOn: z.string().nullable(),
  /** Figures of the latest year held. */
  latestYear: z.number().int().nullable(),
  startupsServed: z.number().int().nullable(),
  teamsServed: z.number().int().nullable(),
});

export const orgDetailSchema = z.object({
  org: orgListItemSchema.extend({
    address: z.string().nullable(),
    contactPerson: z.string().nullable(),
    contactPhone: z.string().nullable(),
    legacyRegNo: z.string().nullable(),
    createdAt: z.string(),
  }),
  formerNames: z.array(z.object({ name: z.string(), usedUntil: z.string() })),
  qualifications: z.array(qualificationSchema),
  platforms: z.array(platformItemSchema),
  carriers: z.array(carrierItemSchema),
  stats: z.array(annualStatsSchema),
  /** What the viewer may do here, so the page shows only buttons that work. */
  abilities: z.object({ edit: z.enum(['full', 'own-profile']).nullable(), editStats: z.boolean() }),
});
export type OrgDetail = z.infer<typeof orgDetailSchema>;

export const orgChangeSchema = z.object({
  at: z.string(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
