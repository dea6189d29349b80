import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
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
import { POLICY_STATUS_CODES } from '../../../domain/policies';
import {
  BENEFICIARY_STATUS_CODES,
  BENEFIT_KIND_CODES,
  ITEM_FIGURE_CODES,
} from '../../../domain/policy-items';
import { wan } from './columns';
import { personalText } from './platform';
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

/** 条款/兑现事项: one benefit of a document, with its eligibility rule (current version). */
export const policyItems = pgTable(
  'policy_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => policyDocuments.id),
    /** The document's region, copied so items scope like documents. */
    regionCode: text('region_code').notNull(),
    title: text('title').notNull(),
    budgetLine: text('budget_line'),
    year: integer('year').notNull(),
    benefitKind: text('benefit_kind', { enum: BENEFIT_KIND_CODES }).notNull(),
    /** fixed: per organisation; percent: the cap (万元). */
    amount: wan('amount'),
    percent: doublePrecision('percent'),
    baseLabel: text('base_label'),
    noApplication: boolean('no_application').notNull().default(false),
    callId: uuid('call_id'),
    figure: text('figure', { enum: ITEM_FIGURE_CODES }),
    /** The current rule (also kept as version `rule_version` in policy_item_rules). */
    rule: jsonb('rule'),
    ruleVersion: integer('rule_version').notNull().default(0),
    listConfirmedAt: timestamp('list_confirmed_at', { withTimezone: true }),
    listRuleVersion: integer('list_rule_version'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('policy_items_document_idx').on(t.documentId), index('policy_items_year_idx').on(t.year)],
);

/** Every saved rule of an item: the list of eligible organisations names the version it came from. */
export const policyItemRules = pgTable(
  'policy_item_rules',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => policyItems.id),
    version: integer('version').notNull(),
    rule: jsonb('rule').notNull(),
    savedBy: text('saved_by').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.version] })],
);

/** 免申即享: the confirmed list (a snapshot with its rule version) and each organisation's answer. */
export const policyBeneficiaries = pgTable(
  'policy_beneficiaries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => policyItems.id),
    orgId: uuid('org_id').notNull(),
    regionCode: text('region_code').notNull(),
    ruleVersion: integer('rule_version').notNull(),
    /** Expected amount (fixed benefits); percent benefits are set at payment. */
    amount: wan('amount'),
    status: text('status', { enum: BENEFICIARY_STATUS_CODES }).notNull().default('notified'),
    bankName: text('bank_name'),
    bankAccount: personalText('bank_account'),
    accountName: text('account_name'),
    declineReason: text('decline_reason'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    notifiedAt: timestamp('notified_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('policy_beneficiaries_item_org_key').on(t.itemId, t.orgId),
    index('policy_beneficiaries_org_idx').on(t.orgId, t.status),
  ],
);

/** A payment batch: the pay date and who did it. */
export const policyPaymentBatches = pgTable(
  'policy_payment_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => policyItems.id),
    paidOn: date('paid_on').notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('policy_payment_batches_item_idx').on(t.itemId)],
);

/** One organisation's payment in a batch: what the figures count (by the organisation's region). */
export const policyPayments = pgTable(
  'policy_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => policyPaymentBatches.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => policyItems.id),
    orgId: uuid('org_id').notNull(),
    regionCode: text('region_code').notNull(),
    amount: wan('amount').notNull(),
    paidOn: date('paid_on').notNull(),
  },
  (t) => [
    uniqueIndex('policy_payments_item_org_batch_key').on(t.itemId, t.orgId, t.batchId),
    index('policy_payments_paid_idx').on(t.paidOn),
    index('policy_payments_org_idx').on(t.orgId),
  ],
);
