import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CREDIT_SEVERITY_CODES, CREDIT_SUBJECT_CODES } from '../../../domain/credit';

/**
 * 失信记录: on an organisation, an expert or a user. In force from valid_from to valid_to
 * (inclusive, open-ended when null); it blocks applications, policy benefits and expert draws.
 */
export const creditRecords = pgTable(
  'credit_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectKind: text('subject_kind', { enum: CREDIT_SUBJECT_CODES }).notNull(),
    orgId: uuid('org_id'),
    expertId: uuid('expert_id'),
    userId: uuid('user_id'),
    /** The subject's name when recorded (an organisation, expert or person). */
    subjectName: text('subject_name').notNull(),
    /** The subject's region (an organisation's; a person's organisation's, else the city). */
    regionCode: text('region_code').notNull(),
    reason: text('reason').notNull(),
    sourceDocument: text('source_document').notNull(),
    severity: text('severity', { enum: CREDIT_SEVERITY_CODES }).notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    objection: text('objection'),
    objectionAt: timestamp('objection_at', { withTimezone: true }),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('credit_records_org_idx').on(t.orgId, t.validFrom),
    index('credit_records_expert_idx').on(t.expertId),
    index('credit_records_user_idx').on(t.userId),
    index('credit_records_region_idx').on(t.regionCode),
  ],
);
