import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { NOTICE_STATUS_CODES, NOTICE_TYPE_CODES, OBJECTION_STATUS_CODES } from '../../../domain/portal';
import { bytea } from './columns';
import { calls } from './projects';

/** 公示: a notice published on the portal with its objection window (公示期). */
export const portalNotices = pgTable(
  'portal_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type', { enum: NOTICE_TYPE_CODES }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** The records concerned: [{ title, orgName, regionName }] (no amounts, no contacts). */
    records: jsonb('records').notNull().default([]),
    /** The call whose approved applications the notice lists, when generated from one. */
    callId: uuid('call_id').references(() => calls.id),
    windowStart: date('window_start').notNull(),
    windowEnd: date('window_end').notNull(),
    contactLine: text('contact_line').notNull().default(''),
    status: text('status', { enum: NOTICE_STATUS_CODES }).notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('portal_notices_status_idx').on(t.status, t.windowEnd)],
);

/** 异议: lodged by anyone within a notice's window, answered by staff, looked up by tracking number. */
export const portalObjections = pgTable(
  'portal_objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => portalNotices.id),
    /** YY + 8 characters, given to the objector (e.g. YY20161104AB3K7Q). */
    trackingNo: text('tracking_no').notNull(),
    name: text('name').notNull(),
    contact: text('contact').notNull(),
    reason: text('reason').notNull(),
    evidenceName: text('evidence_name'),
    evidenceMime: text('evidence_mime'),
    evidence: bytea('evidence'),
    status: text('status', { enum: OBJECTION_STATUS_CODES }).notNull().default('open'),
    answer: text('answer'),
    answeredOn: date('answered_on'),
    answeredBy: text('answered_by'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('portal_objections_tracking_key').on(t.trackingNo),
    index('portal_objections_notice_idx').on(t.noticeId, t.status),
  ],
);

/** 服务指南: one per service the bureau offers. */
export const portalGuides = pgTable('portal_guides', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  title: text('title').notNull(),
  whoMayApply: text('who_may_apply').notNull(),
  materials: text('materials').notNull(),
  timeLimits: text('time_limits').notNull(),
  contacts: text('contacts').notNull(),
  entry: text('entry').notNull().default(''),
  sortOrder: integer('sort_order').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The indicators the bureau publishes for a year (staff setting, audited). */
export const portalPublicIndicators = pgTable(
  'portal_public_indicators',
  {
    year: integer('year').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    setBy: text('set_by').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.year, t.indicatorCode] })],
);

/** 申报指南 files of a call, offered for download on the call's public page. */
export const callGuideFiles = pgTable(
  'call_guide_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('call_guide_files_call_idx').on(t.callId)],
);
