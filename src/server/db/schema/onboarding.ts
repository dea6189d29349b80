import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  REGISTRATION_FILE_KINDS,
  REGISTRATION_KINDS,
  REGISTRATION_STATUS_CODES,
} from '../../../domain/onboarding';
import { bytea } from './columns';
import { personalText } from './platform';

/**
 * 注册申请: an organisation or an expert registering itself. Scoped by `region_code` (the county
 * that reviews it). The account's password is kept only as its hash, until approval copies it.
 */
export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The number the registrant tracks the request by, e.g. ZC20261208-7K3QX9. */
    trackingNo: text('tracking_no').notNull(),
    kind: text('kind', { enum: REGISTRATION_KINDS }).notNull(),
    status: text('status', { enum: REGISTRATION_STATUS_CODES }).notNull().default('pending'),
    /** The organisation's USCC (null for an expert). */
    uscc: text('uscc'),
    /** The organisation's name, or the expert's own. */
    name: text('name').notNull(),
    legalRep: text('legal_rep'),
    orgKind: text('org_kind'),
    regionCode: text('region_code').notNull(),
    /** The registry's record with this USCC when the request came in; approval attaches to it. */
    existingOrgId: uuid('existing_org_id'),
    nameMismatch: boolean('name_mismatch').notNull().default(false),
    contactName: text('contact_name').notNull(),
    contactMobile: personalText('contact_mobile').notNull(),
    contactEmail: text('contact_email').notNull(),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Expert: 职称, fields of expertise, employer and declared conflicts (USCCs). */
    title: text('title'),
    fields: text('fields').array().notNull().default([]),
    employerName: text('employer_name'),
    employerUscc: text('employer_uscc'),
    conflictUsccs: text('conflict_usccs').array().notNull().default([]),
    fileKind: text('file_kind', { enum: REGISTRATION_FILE_KINDS }).notNull(),
    fileName: text('file_name').notNull(),
    fileMime: text('file_mime').notNull(),
    fileSize: integer('file_size').notNull(),
    fileContent: bytea('file_content').notNull(),
    reviewNote: text('review_note'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** After approval: the organisation (created or attached) and the account created. */
    orgId: uuid('org_id'),
    userId: uuid('user_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('registrations_tracking_no_key').on(t.trackingNo),
    // One open request per organisation: a second is refused (and the index holds under a race).
    uniqueIndex('registrations_open_uscc_key')
      .on(t.uscc)
      .where(sql`${t.status} in ('pending', 'returned') and ${t.uscc} is not null`),
    index('registrations_region_status_idx').on(t.regionCode, t.status, t.submittedAt),
  ],
);

/**
 * Mails the platform sends (platform/mail.ts). Without SMTP settings they stay here as `stored`:
 * the demo's local outbox, read by the system administrator.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['stored', 'sent', 'failed'] })
      .notNull()
      .default('stored'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('mail_outbox_created_idx').on(t.createdAt)],
);

/** Single-use, expiring password-reset links; only the token's SHA-256 is stored. */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('password_reset_tokens_hash_key').on(t.tokenHash),
    index('password_reset_tokens_user_idx').on(t.userId),
  ],
);
