import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { CASE_ACTION_CODES, CASE_KIND_CODES, CASE_STATUS_CODES } from '../../../domain/ip-cases';
import { regions } from './reference';

/**
 * 专利行政执法案件: one row per case, with its current state; the moves are `ip_case_events`.
 * `bureau_code` is the handling bureau's region (the city's bureau or a county's): only that bureau
 * and the city see the case. `region_code` is the county or zone where the case arises, which the
 * figures count it in (every counted row belongs to a leaf region, so the counties add up).
 */
export const ipCases = pgTable(
  'ip_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 案号, given at 立案: year, the bureau's region code, a four-digit sequence of both. */
    caseNo: text('case_no').unique(),
    kind: text('kind', { enum: CASE_KIND_CODES }).notNull(),
    title: text('title').notNull(),
    patentAppNo: text('patent_app_no'),
    requester: text('requester').notNull(),
    respondent: text('respondent').notNull(),
    bureauCode: text('bureau_code')
      .notNull()
      .references(() => regions.code),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    summary: text('summary').notNull().default(''),
    status: text('status', { enum: CASE_STATUS_CODES }).notNull().default('received'),
    receivedOn: date('received_on').notNull(),
    filedOn: date('filed_on'),
    /** The last day to decide (kept so lists can filter and sort on it); null until 立案. */
    deadline: date('deadline'),
    extended: boolean('extended').notNull().default(false),
    /** The day the case left the running states (declined, decided, mediated, withdrawn). */
    endedOn: date('ended_on'),
    closedOn: date('closed_on'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ip_cases_region_filed_idx').on(t.regionCode, t.filedOn),
    index('ip_cases_bureau_idx').on(t.bureauCode, t.receivedOn),
    index('ip_cases_status_deadline_idx').on(t.status, t.deadline),
    index('ip_cases_received_idx').on(t.receivedOn, t.id),
  ],
);

/** A case's history: each move with its day, note and who made it. */
export const ipCaseEvents = pgTable(
  'ip_case_events',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => ipCases.id),
    action: text('action', { enum: CASE_ACTION_CODES }).notNull(),
    fromStatus: text('from_status', { enum: CASE_STATUS_CODES }).notNull(),
    toStatus: text('to_status', { enum: CASE_STATUS_CODES }).notNull(),
    on: date('on').notNull(),
    note: text('note'),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('ip_case_events_case_idx').on(t.caseId, t.id)],
);

/** The last 案号 sequence given per bureau region and year (taken in the 立案 transaction). */
export const ipCaseNumbers = pgTable(
  'ip_case_numbers',
  {
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);
