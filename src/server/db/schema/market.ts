import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  CALL_KIND_CODES,
  CALL_STATUS_CODES,
  DROP_REASON_CODES,
  LISTING_STATUS_CODES,
  MARKET_FIELD_CODES,
  MATCH_STATUS_CODES,
  MATURITY_CODES,
  PROPOSAL_STATUS_CODES,
  SOURCE_CODES,
} from '../../../domain/market';
import { wan } from './columns';
import { personalText } from './platform';
import { organizations } from './registry';

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** 科技成果 (supply): a university's, institute's or enterprise's result offered for transfer. */
export const marketAchievements = pgTable(
  'market_achievements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    ownerOrgId: uuid('owner_org_id')
      .notNull()
      .references(() => organizations.id),
    /** The owner's region, copied so scope and the figures are one condition on this table. */
    regionCode: text('region_code').notNull(),
    inventors: jsonb('inventors').$type<string[]>().notNull().default([]),
    field: text('field', { enum: MARKET_FIELD_CODES }).notNull(),
    maturity: text('maturity', { enum: MATURITY_CODES }).notNull(),
    transferModes: jsonb('transfer_modes').$type<string[]>().notNull().default([]),
    /** 万元; null is 面议 (price by negotiation). */
    price: wan('price'),
    patentNos: jsonb('patent_nos').$type<string[]>().notNull().default([]),
    abstract: text('abstract').notNull().default(''),
    keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
    source: text('source', { enum: SOURCE_CODES }).notNull().default('own'),
    /** e.g. 第二周期第3批 for 蓝火计划. */
    sourceBatch: text('source_batch'),
    contactPerson: text('contact_person'),
    contactPhone: personalText('contact_phone'),
    status: text('status', { enum: LISTING_STATUS_CODES }).notNull().default('draft'),
    /** Counts in 已发布成果 from this day … */
    publishedOn: date('published_on'),
    /** … until this day (withdrawn or expired). */
    endedOn: date('ended_on'),
    version: integer('version').notNull().default(1),
    /** Weighted number of terms (the document length BM25 normalises by). */
    termCount: real('term_count').notNull().default(0),
    ...stamps,
  },
  (t) => [
    index('market_achievements_status_region_idx').on(t.status, t.regionCode),
    index('market_achievements_owner_idx').on(t.ownerOrgId),
    index('market_achievements_published_idx').on(t.publishedOn),
  ],
);

/** What a published achievement said before each edit (edits after publication are versioned). */
export const marketAchievementVersions = pgTable(
  'market_achievement_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    achievementId: uuid('achievement_id')
      .notNull()
      .references(() => marketAchievements.id),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    changedBy: uuid('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('market_achievement_versions_key').on(t.achievementId, t.version)],
);

/** 技术需求: an enterprise's problem, in its own words, with a part only the bureau reads. */
export const marketDemands = pgTable(
  'market_demands',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    regionCode: text('region_code').notNull(),
    field: text('field', { enum: MARKET_FIELD_CODES }).notNull(),
    problem: text('problem').notNull(),
    expectedOutcome: text('expected_outcome').notNull().default(''),
    budgetMin: wan('budget_min'),
    budgetMax: wan('budget_max'),
    deadline: date('deadline'),
    /** Seen by the bureau and the owner only; never scored, never public. */
    confidential: text('confidential'),
    contactPerson: text('contact_person'),
    contactPhone: personalText('contact_phone'),
    status: text('status', { enum: LISTING_STATUS_CODES }).notNull().default('draft'),
    publishedOn: date('published_on'),
    endedOn: date('ended_on'),
    termCount: real('term_count').notNull().default(0),
    ...stamps,
  },
  (t) => [
    index('market_demands_status_region_idx').on(t.status, t.regionCode),
    index('market_demands_org_idx').on(t.orgId),
  ],
);

/**
 * The weighted terms of each achievement and demand, written with the record: matching reads
 * them (BM25 in SQL) instead of segmenting text at query time.
 */
export const marketTerms = pgTable(
  'market_terms',
  {
    kind: text('kind', { enum: ['achievement', 'demand'] }).notNull(),
    recordId: uuid('record_id').notNull(),
    term: text('term').notNull(),
    tf: real('tf').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.recordId, t.term] }),
    index('market_terms_kind_term_idx').on(t.kind, t.term, t.recordId),
  ],
);

/** 推介会: an event where achievements were presented. */
export const marketEvents = pgTable(
  'market_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    venue: text('venue').notNull().default(''),
    regionCode: text('region_code').notNull(),
    attendees: integer('attendees').notNull().default(0),
    ...stamps,
  },
  (t) => [index('market_events_held_idx').on(t.heldOn)],
);

export const marketEventItems = pgTable(
  'market_event_items',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => marketEvents.id),
    achievementId: uuid('achievement_id')
      .notNull()
      .references(() => marketAchievements.id),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.achievementId] })],
);

/** A demand and an achievement taken up: contacted → negotiating → contracted, or not pursued. */
export const marketMatches = pgTable(
  'market_matches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    demandId: uuid('demand_id')
      .notNull()
      .references(() => marketDemands.id),
    achievementId: uuid('achievement_id')
      .notNull()
      .references(() => marketAchievements.id),
    /** Both sides' regions and organisations, copied so scope is one condition. */
    demandRegionCode: text('demand_region_code').notNull(),
    achievementRegionCode: text('achievement_region_code').notNull(),
    demandOrgId: uuid('demand_org_id').notNull(),
    achievementOrgId: uuid('achievement_org_id').notNull(),
    score: real('score'),
    reasons: jsonb('reasons').$type<unknown[]>().notNull().default([]),
    status: text('status', { enum: MATCH_STATUS_CODES }).notNull().default('contacted'),
    dropReason: text('drop_reason', { enum: DROP_REASON_CODES }),
    note: text('note'),
    /** The 推介会 the contact came from, if any. */
    eventId: uuid('event_id').references(() => marketEvents.id),
    contactedOn: date('contacted_on').notNull(),
    closedOn: date('closed_on'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('market_matches_pair_key').on(t.demandId, t.achievementId),
    index('market_matches_achievement_idx').on(t.achievementId),
    index('market_matches_demand_region_idx').on(t.demandRegionCode, t.contactedOn),
    index('market_matches_event_idx').on(t.eventId),
  ],
);

/** A signed-in organisation's interest in a listing: it gets the contacts, the owner sees who. */
export const marketInterests = pgTable(
  'market_interests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['achievement', 'demand'] }).notNull(),
    recordId: uuid('record_id').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('market_interests_key').on(t.kind, t.recordId, t.orgId)],
);

/** 揭榜/燎原: a published demand put out by the bureau as a call for solutions. */
export const marketCalls = pgTable(
  'market_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    demandId: uuid('demand_id')
      .notNull()
      .references(() => marketDemands.id),
    kind: text('kind', { enum: CALL_KIND_CODES }).notNull(),
    title: text('title').notNull(),
    /** e.g. 第四批 for 燎原计划. */
    batch: text('batch'),
    regionCode: text('region_code').notNull(),
    status: text('status', { enum: CALL_STATUS_CODES }).notNull().default('open'),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    ...stamps,
  },
  (t) => [
    index('market_calls_status_idx').on(t.status, t.closesOn),
    index('market_calls_demand_idx').on(t.demandId),
  ],
);

/** A provider's proposal against a call. */
export const marketProposals = pgTable(
  'market_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => marketCalls.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    achievementId: uuid('achievement_id').references(() => marketAchievements.id),
    summary: text('summary').notNull(),
    status: text('status', { enum: PROPOSAL_STATUS_CODES }).notNull().default('submitted'),
    ...stamps,
  },
  (t) => [uniqueIndex('market_proposals_call_org_key').on(t.callId, t.orgId)],
);
