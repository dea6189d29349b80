import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { BOARDS, INSTITUTION_TYPES, INSTRUMENTS, RECORD_KINDS, ROUNDS } from '../../../domain/finance';
import { wan } from './columns';
import { ipPatents } from './ip';
import { regions } from './reference';
import { organizations } from './registry';

/**
 * 金融机构 as the finance module knows them: a registry organisation (kind financial_institution)
 * and its type. A bank or fund user is bound to the organisation (users.org_id), so its scope is
 * the institution's records.
 */
export const financeInstitutions = pgTable('finance_institutions', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id),
  type: text('type', { enum: INSTITUTION_TYPES }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 科技金融 records: credit lines, 科创贷 loans, equity listings, fund investments, 科技保险 policies
 * and patent pledges, one ledger with a kind. `region_code` is the enterprise's region when the
 * record was entered: figures and county scope read it.
 */
export const financeRecords = pgTable(
  'finance_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: RECORD_KINDS }).notNull(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => financeInstitutions.orgId),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organizations.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    startOn: date('start_on').notNull(),
    endOn: date('end_on'),
    instrument: text('instrument', { enum: INSTRUMENTS }),
    amount: wan('amount'),
    cover: wan('cover'),
    termMonths: integer('term_months'),
    guaranteeFree: boolean('guarantee_free').notNull().default(false),
    board: text('board', { enum: BOARDS }),
    round: text('round', { enum: ROUNDS }),
    refNo: text('ref_no'),
    appNo: text('app_no'),
    patentId: uuid('patent_id').references(() => ipPatents.id),
    note: text('note'),
    source: text('source', { enum: ['entry', 'import'] })
      .notNull()
      .default('entry'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('finance_records_kind_start_idx').on(t.kind, t.startOn),
    index('finance_records_institution_idx').on(t.institutionId, t.kind),
    index('finance_records_enterprise_idx').on(t.enterpriseId),
    index('finance_records_region_idx').on(t.regionCode, t.kind),
    // One record per reference number of an institution and kind (a contract, a policy, a listing).
    uniqueIndex('finance_records_ref_key')
      .on(t.institutionId, t.kind, t.refNo)
      .where(sql`${t.refNo} is not null`),
  ],
);
