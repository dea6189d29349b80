/** Contracts of the technology market (/api/v1/market and /api/v1/public/market). */
import { z } from 'zod';
import {
  CALL_KIND_CODES,
  CALL_STATUS_CODES,
  DROP_REASON_CODES,
  LISTING_ACTIONS,
  LISTING_STATUS_CODES,
  MARKET_FIELD_CODES,
  MATCH_REASON_CODES,
  MATCH_STATUS_CODES,
  MATURITY_CODES,
  PROPOSAL_STATUS_CODES,
  SOURCE_CODES,
  TRANSFER_MODE_CODES,
} from '../market';
import { calendarDate, pageQuerySchema, wanSchema } from './common';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const terms = z.array(z.string().trim().min(1).max(30)).max(12);

export const achievementBodySchema = z.object({
  title: text(120),
  /** The owner organisation; an organisation's own user posts for itself and may leave it out. */
  ownerOrgId: z.uuid().optional(),
  inventors: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
  field: z.enum(MARKET_FIELD_CODES),
  maturity: z.enum(MATURITY_CODES),
  transferModes: z.array(z.enum(TRANSFER_MODE_CODES)).min(1).max(5),
  /** 万元; null or absent is 面议. */
  price: wanSchema.nullish(),
  /** 专利申请号, checked digit by digit. */
  patentNos: z.array(z.string().trim().max(30)).max(20).default([]),
  abstract: z.string().trim().max(4000).default(''),
  keywords: terms.default([]),
  source: z.enum(SOURCE_CODES).default('own'),
  sourceBatch: optionalText(40),
  contactPerson: optionalText(30),
  contactPhone: optionalText(30),
});
export type AchievementBody = z.infer<typeof achievementBodySchema>;
export const achievementUpdateSchema = achievementBodySchema.omit({ ownerOrgId: true }).partial();
export type AchievementUpdate = z.infer<typeof achievementUpdateSchema>;

export const demandBodySchema = z.object({
  title: text(120),
  orgId: z.uuid().optional(),
  field: z.enum(MARKET_FIELD_CODES),
  /** The problem in the enterprise's own words. */
  problem: text(4000),
  expectedOutcome: z.string().trim().max(2000).default(''),
  budgetMin: wanSchema.nullish(),
  budgetMax: wanSchema.nullish(),
  deadline: calendarDate.nullish(),
  /** Seen only by the bureau and the owner. */
  confidential: z.string().trim().max(4000).nullish(),
  contactPerson: optionalText(30),
  contactPhone: optionalText(30),
});
export type DemandBody = z.infer<typeof demandBodySchema>;
export const demandUpdateSchema = demandBodySchema.omit({ orgId: true }).partial();
export type DemandUpdate = z.infer<typeof demandUpdateSchema>;

export const listingActionSchema = z.object({
  action: z.enum(LISTING_ACTIONS),
  /** Why it is returned (required for return). */
  comment: z.string().trim().max(500).optional(),
});
export type ListingActionBody = z.infer<typeof listingActionSchema>;

const listingFilters = {
  q: z.string().trim().max(100).optional(),
  status: z.enum(LISTING_STATUS_CODES).optional(),
  field: z.enum(MARKET_FIELD_CODES).optional(),
  regionCode: z.string().max(16).optional(),
  /** Only the caller's own organisation's records. */
  mine: z.enum(['true', 'false']).optional(),
};
export const achievementListQuerySchema = pageQuerySchema.extend({
  ...listingFilters,
  maturity: z.enum(MATURITY_CODES).optional(),
  source: z.enum(SOURCE_CODES).optional(),
});
export type AchievementListQuery = z.infer<typeof achievementListQuerySchema>;
export type AchievementFilters = Omit<AchievementListQuery, 'page' | 'pageSize' | 'sort'>;
export const demandListQuerySchema = pageQuerySchema.extend(listingFilters);
export type DemandListQuery = z.infer<typeof demandListQuerySchema>;
export type DemandFilters = Omit<DemandListQuery, 'page' | 'pageSize' | 'sort'>;

export const achievementItemSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  ownerOrgId: z.uuid(),
  ownerName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  field: z.enum(MARKET_FIELD_CODES),
  maturity: z.enum(MATURITY_CODES),
  transferModes: z.array(z.string()),
  price: z.string().nullable(),
  source: z.enum(SOURCE_CODES),
  sourceBatch: z.string().nullable(),
  status: z.enum(LISTING_STATUS_CODES),
  publishedOn: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type AchievementItem = z.infer<typeof achievementItemSchema>;

export const interestSchema = z.object({
  orgId: z.uuid(),
  orgName: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

const abilitiesSchema = z.object({
  edit: z.boolean(),
  actions: z.array(z.enum(LISTING_ACTIONS)),
  /** Whether the caller may see and work the matches. */
  matches: z.boolean(),
  /** Whether the caller may express interest (another signed-in organisation). */
  interest: z.boolean(),
});

export const achievementDetailSchema = z.object({
  achievement: achievementItemSchema.extend({
    inventors: z.array(z.string()),
    patentNos: z.array(z.string()),
    abstract: z.string(),
    keywords: z.array(z.string()),
    /** Given to the bureau, the owner, and organisations that expressed interest. */
    contactPerson: z.string().nullable(),
    contactPhone: z.string().nullable(),
  }),
  /** Earlier versions (edits after publication), newest first. */
  versions: z.array(z.object({ version: z.number().int(), changedAt: z.string(), title: z.string() })),
  /** Who expressed interest: the owner and the bureau see them. */
  interests: z.array(interestSchema),
  abilities: abilitiesSchema,
});
export type AchievementDetail = z.infer<typeof achievementDetailSchema>;

export const demandItemSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  field: z.enum(MARKET_FIELD_CODES),
  budgetMin: z.string().nullable(),
  budgetMax: z.string().nullable(),
  deadline: z.string().nullable(),
  status: z.enum(LISTING_STATUS_CODES),
  publishedOn: z.string().nullable(),
  updatedAt: z.string(),
});
export type DemandItem = z.infer<typeof demandItemSchema>;

export const demandDetailSchema = z.object({
  demand: demandItemSchema.extend({
    problem: z.string(),
    expectedOutcome: z.string(),
    /** null for anyone but the bureau and the owner. */
    confidential: z.string().nullable(),
    contactPerson: z.string().nullable(),
    contactPhone: z.string().nullable(),
  }),
  interests: z.array(interestSchema),
  abilities: abilitiesSchema,
});
export type DemandDetail = z.infer<typeof demandDetailSchema>;

export const matchReasonSchema = z.object({
  code: z.enum(MATCH_REASON_CODES),
  /** Shared terms for `terms`; the field, region or maturity name otherwise. */
  detail: z.string(),
});
export type MatchReason = z.infer<typeof matchReasonSchema>;

/** One ranked counterpart, with why, and the match taken up from it if any. */
export const rankedSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  orgName: z.string(),
  regionName: z.string(),
  field: z.enum(MARKET_FIELD_CODES),
  maturity: z.enum(MATURITY_CODES).nullable(),
  score: z.number(),
  reasons: z.array(matchReasonSchema),
  match: z.object({ id: z.uuid(), status: z.enum(MATCH_STATUS_CODES) }).nullable(),
});
export type Ranked = z.infer<typeof rankedSchema>;
export const rankedListSchema = z.object({ items: z.array(rankedSchema) });

export const matchCreateSchema = z.object({
  /** The counterpart: an achievement for a demand's matches, a demand for an achievement's. */
  counterpartId: z.uuid(),
  eventId: z.uuid().optional(),
  note: z.string().trim().max(500).optional(),
});
export type MatchCreate = z.infer<typeof matchCreateSchema>;

export const matchTransitionSchema = z.object({
  to: z.enum(MATCH_STATUS_CODES),
  reason: z.enum(DROP_REASON_CODES).optional(),
  note: z.string().trim().max(500).optional(),
});
export type MatchTransition = z.infer<typeof matchTransitionSchema>;

export const matchItemSchema = z.object({
  id: z.uuid(),
  demandId: z.uuid(),
  demandTitle: z.string(),
  demandOrgName: z.string(),
  achievementId: z.uuid(),
  achievementTitle: z.string(),
  achievementOrgName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  status: z.enum(MATCH_STATUS_CODES),
  dropReason: z.enum(DROP_REASON_CODES).nullable(),
  eventId: z.uuid().nullable(),
  contactedOn: z.string(),
  closedOn: z.string().nullable(),
  updatedAt: z.string(),
});
export type MatchItem = z.infer<typeof matchItemSchema>;
export const matchListQuerySchema = pageQuerySchema.extend({
  status: z.enum(MATCH_STATUS_CODES).optional(),
  demandId: z.uuid().optional(),
  achievementId: z.uuid().optional(),
  eventId: z.uuid().optional(),
});
export type MatchListQuery = z.infer<typeof matchListQuerySchema>;
export type MatchFilters = Omit<MatchListQuery, 'page' | 'pageSize' | 'sort'>;

export const callBodySchema = z.object({
  demandId: z.uuid(),
  kind: z.enum(CALL_KIND_CODES),
  title: text(120),
  batch: optionalText(40),
  closesOn: calendarDate,
});
export type CallBody = z.infer<typeof callBodySchema>;
export const callListQuerySchema = pageQuerySchema.extend({
  status: z.enum(CALL_STATUS_CODES).optional(),
  kind: z.enum(CALL_KIND_CODES).optional(),
  q: z.string().trim().max(100).optional(),
});
export type CallListQuery = z.infer<typeof callListQuerySchema>;
export type CallFilters = Omit<CallListQuery, 'page' | 'pageSize' | 'sort'>;
export const callItemSchema = z.object({
  id: z.uuid(),
  demandId: z.uuid(),
  demandTitle: z.string(),
  orgName: z.string(),
  kind: z.enum(CALL_KIND_CODES),
  title: z.string(),
  batch: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  status: z.enum(CALL_STATUS_CODES),
  opensOn: z.string(),
  closesOn: z.string(),
  proposals: z.number().int(),
  updatedAt: z.string(),
});
export type CallItem = z.infer<typeof callItemSchema>;
export const proposalBodySchema = z.object({
  summary: text(4000),
  achievementId: z.uuid().optional(),
});
export type ProposalBody = z.infer<typeof proposalBodySchema>;
export const proposalSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  achievementId: z.uuid().nullable(),
  summary: z.string(),
  status: z.enum(PROPOSAL_STATUS_CODES),
  createdAt: z.string(),
});
export type Proposal = z.infer<typeof proposalSchema>;
export const callDetailSchema = z.object({
  call: callItemSchema,
  /** Staff see all; the demander the shortlisted ones; a provider its own. */
  proposals: z.array(proposalSchema),
  abilities: z.object({
    propose: z.boolean(),
    shortlist: z.boolean(),
    pick: z.boolean(),
    close: z.boolean(),
  }),
});
export type CallDetail = z.infer<typeof callDetailSchema>;
export const proposalParamSchema = z.object({ id: z.uuid(), proposalId: z.uuid() });

export const eventBodySchema = z.object({
  title: text(120),
  heldOn: calendarDate,
  venue: z.string().trim().max(120).default(''),
  regionCode: z.string().max(16),
  attendees: z.number().int().min(0).max(100_000),
  achievementIds: z.array(z.uuid()).max(2000).default([]),
});
export type EventBody = z.infer<typeof eventBodySchema>;
export const eventListQuerySchema = pageQuerySchema.extend({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;
export type EventFilters = Omit<EventListQuery, 'page' | 'pageSize' | 'sort'>;
export const eventItemSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  heldOn: z.string(),
  venue: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  attendees: z.number().int(),
  presented: z.number().int(),
  contacts: z.number().int(),
});
export type EventItem = z.infer<typeof eventItemSchema>;
export const eventDetailSchema = z.object({
  event: eventItemSchema,
  achievements: z.array(z.object({ id: z.uuid(), title: z.string(), ownerName: z.string() })),
});
export type EventDetail = z.infer<typeof eventDetailSchema>;

export const interestBodySchema = z.object({ note: z.string().trim().max(500).optional() });

/** What anyone may read: published listings, no contacts, no confidential part. */
export const publicAchievementSchema = achievementItemSchema
  .pick({
    id: true,
    title: true,
    ownerName: true,
    regionName: true,
    field: true,
    maturity: true,
    transferModes: true,
    price: true,
    source: true,
    publishedOn: true,
  })
  .extend({ abstract: z.string(), keywords: z.array(z.string()) });
export const publicDemandSchema = demandItemSchema
  .pick({
    id: true,
    title: true,
    orgName: true,
    regionName: true,
    field: true,
    budgetMin: true,
    budgetMax: true,
    deadline: true,
    publishedOn: true,
  })
  .extend({ problem: z.string(), expectedOutcome: z.string() });
export const publicListQuerySchema = pageQuerySchema.omit({ sort: true }).extend({
  q: z.string().trim().max(100).optional(),
  field: z.enum(MARKET_FIELD_CODES).optional(),
});
export type PublicListQuery = z.infer<typeof publicListQuerySchema>;

export const importResultSchema = z.object({
  imported: z.number().int(),
  errors: z.array(
    z.object({
      row: z.number().int(),
      column: z.string(),
      message: z.object({ zh: z.string(), en: z.string() }),
    }),
  ),
});
export type ImportResult = z.infer<typeof importResultSchema>;
