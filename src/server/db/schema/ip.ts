import { sql } from 'drizzle-orm';
import { bigserial, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { PATENT_KINDS, PATENT_STATUSES, type PatentApplicant } from '../../../domain/ip';
import { regions } from './reference';

/**
 * 专利: one row per application number. The current status is kept on the row; `ended_on` is the
 * day a lapse, invalidation, withdrawal or rejection took effect. Earlier states are the dated
 * legal events (`ip_legal_events`), written only when something happened beyond the dates here.
 */
export const ipPatents = pgTable(
  'ip_patents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Normalised application number, e.g. 201710601862.3. */
    appNo: text('app_no').notNull().unique(),
    kind: text('kind', { enum: PATENT_KINDS }).notNull(),
    title: text('title').notNull(),
    applicants: jsonb('applicants').$type<PatentApplicant[]>().notNull(),
    /** The applicants' names as one text, for search and lists. */
    applicantNames: text('applicant_names').notNull(),
    /** The applicants' matching keys (domain/ip.ts applicantKey), for the review list. */
    applicantKeys: text('applicant_keys').array().notNull(),
    /** The registry organisations among the applicants (一企一档). */
    orgIds: uuid('org_ids').array().notNull().default(sql`'{}'::uuid[]`),
    inventors: text('inventors').notNull().default(''),
    address: text('address'),
    filedOn: date('filed_on').notNull(),
    publishedOn: date('published_on'),
    grantedOn: date('granted_on'),
    endedOn: date('ended_on'),
    status: text('status', { enum: PATENT_STATUSES }).notNull(),
    ipcMain: text('ipc_main'),
    /** By the region rule (domain/ip.ts patentRegion); none when neither registry nor address says. */
    regionCode: text('region_code').references(() => regions.code),
    /** The import that last wrote the row, when one did. */
    importId: uuid('import_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ip_patents_region_filed_idx').on(t.regionCode, t.filedOn),
    index('ip_patents_region_granted_idx').on(t.regionCode, t.grantedOn),
    index('ip_patents_org_ids_idx').using('gin', t.orgIds),
    index('ip_patents_applicant_keys_idx').using('gin', t.applicantKeys),
    index('ip_patents_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    index('ip_patents_applicant_names_trgm_idx').using('gin', sql`${t.applicantNames} gin_trgm_ops`),
  ],
);

/** 法律事件: what happened to a patent on a day (status it moved to, the office's wording). */
export const ipLegalEvents = pgTable(
  'ip_legal_events',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    patentId: uuid('patent_id')
      .notNull()
      .references(() => ipPatents.id),
    onDate: date('on_date').notNull(),
    status: text('status', { enum: PATENT_STATUSES }).notNull(),
    label: text('label').notNull(),
    importId: uuid('import_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ip_legal_events_patent_idx').on(t.patentId, t.onDate)],
);

export const IP_IMPORT_STATUSES = ['running', 'done', 'failed'] as const;

/** A patent spreadsheet import: its progress, its counts and its row errors. */
export const ipImports = pgTable('ip_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileName: text('file_name').notNull(),
  status: text('status', { enum: IP_IMPORT_STATUSES }).notNull().default('running'),
  rowsRead: integer('rows_read').notNull().default(0),
  inserted: integer('inserted').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  events: integer('events').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  /** The first row errors: `{ row, field, message: { zh, en } }`. */
  errors: jsonb('errors').notNull().default(sql`'[]'::jsonb`),
  message: text('message'),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

export const IP_REVIEW_REASONS = ['unmatched', 'ambiguous'] as const;
export const IP_REVIEW_STATUSES = ['open', 'matched', 'not_in_registry'] as const;

/** An applicant name no registry organisation matched (or several did): staff decide. */
export const ipApplicantReviews = pgTable(
  'ip_applicant_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nameKey: text('name_key').notNull().unique(),
    name: text('name').notNull(),
    reason: text('reason', { enum: IP_REVIEW_REASONS }).notNull(),
    /** The organisations that matched, when several did. */
    candidates: jsonb('candidates').$type<{ id: string; name: string; uscc: string }[]>().notNull(),
    status: text('status', { enum: IP_REVIEW_STATUSES }).notNull().default('open'),
    orgId: uuid('org_id'),
    importId: uuid('import_id'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ip_applicant_reviews_status_idx').on(t.status, t.createdAt)],
);
