import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { POLICY_STATUS_CODES } from '../../../domain/policies';
import { regions } from './reference';

/** 政策文件: the bureau's policy documents (module 7's library), city-wide or a county's own. */
export const policyDocuments = pgTable(
  'policy_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    /** 文号, e.g. 泉科〔2017〕12号: one document per number. */
    documentNo: text('document_no'),
    /** 索引号 of the disclosure catalogue. */
    indexNo: text('index_no'),
    /** 发文机关. */
    issuer: text('issuer').notNull(),
    /** The issuing bureau's region; scopes the document like any other record. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    status: text('status', { enum: POLICY_STATUS_CODES }).notNull().default('drafting'),
    issuedOn: date('issued_on'),
    repealedOn: date('repealed_on'),
    /** Shown in the public library once issued. */
    isPublic: boolean('is_public').notNull().default(false),
    /** 全文. */
    body: text('body').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('policy_documents_document_no_key').on(t.documentNo).where(sql`${t.documentNo} is not null`),
    index('policy_documents_status_issued_idx').on(t.status, t.issuedOn),
    index('policy_documents_region_idx').on(t.regionCode),
  ],
);
