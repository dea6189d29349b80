import { type SQL, sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, tsvector, wan } from './columns';

/** Programmes (数控一代专项, 燎原计划 …), from configuration. */
export const programmes = pgTable('programmes', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  department: text('department'),
});

/** A programme's yearly call: window, budget, eligibility, attachments and the review rubric. */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeCode: text('programme_code')
      .notNull()
      .references(() => programmes.code),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    budget: wan('budget').notNull(),
    fundingCap: wan('funding_cap').notNull(),
    maxPerApplicant: integer('max_per_applicant').notNull().default(1),
    /** [{ type: 'valid_qualification', qualification } | { type: 'region_in', regions } | { type: 'org_kind_in', kinds }] */
    eligibility: jsonb('eligibility').notNull().default([]),
    /** [{ code, name, nameEn }] */
    requiredAttachments: jsonb('required_attachments').notNull().default([]),
    /** [{ code, name, nameEn, max }] */
    rubric: jsonb('rubric').notNull().default([]),
    expertsPerApplication: integer('experts_per_application').notNull().default(5),
    reviewFields: text('review_fields').array().notNull().default([]),
    publicityDays: integer('publicity_days').notNull().default(7),
    /** The last day experts may score (评审截止), shown in their task list; null: not set. */
    reviewClosesOn: date('review_closes_on'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('calls_year_idx').on(t.year, t.programmeCode)],
);

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    orgId: uuid('org_id').notNull(),
    /** The applicant's county, copied for scoping (county recommendation) and distribution. */
    regionCode: text('region_code').notNull(),
    applicantUserId: uuid('applicant_user_id'),
    title: text('title').notNull(),
    summary: text('summary'),
    /** 国家重点支持的高新技术领域 code, used to draw experts. */
    field: text('field'),
    requestedAmount: wan('requested_amount'),
    form: jsonb('form').notNull().default({}),
    state: text('state').notNull().default('draft'),
    /** Optimistic lock: two people acting at once get one success and one conflict. */
    version: integer('version').notNull().default(1),
    panelScore: numeric('panel_score', { precision: 6, scale: 2 }),
    proposedAmount: wan('proposed_amount'),
    approvedAmount: wan('approved_amount'),
    publicityUntil: date('publicity_until'),
    endsOn: date('ends_on'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /**
     * What a keyword is matched against: the title and the applicant's name in lower case, kept by
     * triggers (drizzle/0009) as either changes.
     */
    searchText: text('search_text').notNull().default(''),
    /** The characters of `search_text` as lexemes: a keyword's characters find candidates (GIN). */
    searchChars: tsvector('search_chars')
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`array_to_tsvector(array_remove(array_remove(regexp_split_to_array(${applications.searchText}, ''), ' '), ''))`,
      ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('applications_search_chars_idx').using('gin', t.searchChars),
    index('applications_call_state_idx').on(t.callId, t.state),
    // A call's list in the default order: calls follow the years, so walking the updated_at index
    // for one call's rows would pass over every later year's first.
    index('applications_call_updated_idx').on(t.callId, t.updatedAt),
    index('applications_org_idx').on(t.orgId),
    index('applications_region_state_idx').on(t.regionCode, t.state),
    index('applications_updated_idx').on(t.updatedAt),
  ],
);

/**
 * Each submission of an application (a returned one is submitted again): exactly what was sent,
 * the 承诺书 the applicant accepted, and the SHA-256 of the content, printed on the 申报书 so the
 * bureau can check a paper or PDF copy against the record.
 */
export const applicationSubmissions = pgTable(
  'application_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    seq: integer('seq').notNull(),
    /** The canonical JSON hashed: title, summary, field, amount, form, attachments (name + hash). */
    content: jsonb('content').notNull(),
    sha256: text('sha256').notNull(),
    declarationVersion: text('declaration_version').notNull(),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull(),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('application_submissions_seq_idx').on(t.applicationId, t.seq),
    uniqueIndex('application_submissions_sha_idx').on(t.sha256),
  ],
);

/** Every transition of an application: who, when, from which state to which, and why. */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    actorRole: text('actor_role'),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_events_app_idx').on(t.applicationId)],
);

/** Files attached to an application; the type is taken from the content, not the name. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_app_idx').on(t.applicationId)],
);

/** The expert pool. An expert may have an account (userId) to review online. */
export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id'),
    name: text('name').notNull(),
    /** Current employer: never reviews its applications. */
    orgId: uuid('org_id'),
    title: text('title'),
    fields: text('fields').array().notNull().default([]),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('experts_user_key').on(t.userId)],
);

/**
 * Organisations an expert must not review: declared interests, and former employers (with the end
 * of employment; within three years of it the expert is avoided).
 */
export const expertConflicts = pgTable(
  'expert_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertId: uuid('expert_id').notNull(),
    orgId: uuid('org_id').notNull(),
    reason: text('reason', { enum: ['declared', 'employment', 'collaboration'] }).notNull(),
    endedOn: date('ended_on'),
  },
  (t) => [index('expert_conflicts_expert_idx').on(t.expertId)],
);

export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    expertId: uuid('expert_id').notNull(),
    status: text('status', { enum: ['assigned', 'accepted', 'declined', 'submitted', 'replaced'] })
      .notNull()
      .default('assigned'),
    /** { criterionCode: points } */
    scores: jsonb('scores'),
    total: numeric('total', { precision: 6, scale: 2 }),
    comment: text('comment'),
    noConflictDeclaredAt: timestamp('no_conflict_declared_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    replacedReason: text('replaced_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('review_assignments_app_idx').on(t.applicationId),
    index('review_assignments_expert_idx').on(t.expertId, t.status),
  ],
);

/** Funding paid in tranches against the approved amount. */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    amount: wan('amount').notNull(),
    paidOn: date('paid_on').notNull(),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('payments_app_idx').on(t.applicationId)],
);

/** In-app notifications; `dedupeKey` makes scheduled reminders idempotent. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    title: jsonb('title').notNull(),
    link: text('link'),
    dedupeKey: text('dedupe_key'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.readAt),
    uniqueIndex('notifications_dedupe_key').on(t.dedupeKey),
  ],
);
