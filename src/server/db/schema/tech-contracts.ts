import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { CONTRACT_STATUS_CODES } from '../../../domain/tech-contracts';
import { bytea, wan } from './columns';
import { regions } from './reference';
import { organizations } from './registry';

/** An amount in 万 of the contract's own currency (four decimals: 万美元 × rate stays exact). */
const orig = (name: string) => numeric(name, { precision: 20, scale: 4 });

/**
 * 技术合同: one contract submitted for 认定登记 by its seller. Scope: the seller's region (the
 * registrar's) and the two parties. The current amounts are the latest row of
 * tech_contract_amounts; they are copied here for lists.
 */
export const techContracts = pgTable(
  'tech_contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    typeCode: text('type_code').notNull(),
    subTypeCode: text('sub_type_code').notNull(),
    sellerOrgId: uuid('seller_org_id')
      .notNull()
      .references(() => organizations.id),
    /** The seller's region when the contract was entered: its county (or zone) or the city. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** 登记机构: the county of the seller's region, or the city. */
    registrarRegion: text('registrar_region')
      .notNull()
      .references(() => regions.code),
    buyerKind: text('buyer_kind').notNull(),
    buyerOrgId: uuid('buyer_org_id').references(() => organizations.id),
    buyerName: text('buyer_name').notNull(),
    buyerUscc: text('buyer_uscc'),
    /** ISO 3166-1 alpha-2; CN for a domestic buyer. */
    buyerCountry: text('buyer_country').notNull().default('CN'),
    currency: text('currency').notNull().default('CNY'),
    /** 元 of renminbi per unit of the currency, as recorded (1 for CNY). */
    exchangeRate: numeric('exchange_rate', { precision: 14, scale: 6 }).notNull().default('1'),
    contractAmountOrig: orig('contract_amount_orig').notNull(),
    techAmountOrig: orig('tech_amount_orig').notNull(),
    /** 合同成交额 and 技术交易额 in 万元 at the recorded rate. */
    contractAmount: wan('contract_amount').notNull(),
    techAmount: wan('tech_amount').notNull(),
    /** [{ item, amount }] in 万 of the contract's currency: 成交额 − 技术交易额. */
    nontechCosts: jsonb('nontech_costs').notNull().default([]),
    paymentTerms: text('payment_terms').notNull().default(''),
    signedOn: date('signed_on').notNull(),
    effectiveOn: date('effective_on'),
    endOn: date('end_on'),
    fieldCode: text('field_code'),
    objectiveCode: text('objective_code'),
    /** The platform match it came from (no foreign key: matches belong to the market module). */
    matchId: uuid('match_id'),
    status: text('status', { enum: CONTRACT_STATUS_CODES }).notNull().default('draft'),
    /** The latest submission's day: the 30-day decision deadline runs from it. */
    submittedOn: date('submitted_on'),
    registrationNo: text('registration_no'),
    registeredOn: date('registered_on'),
    cancelledOn: date('cancelled_on'),
    /** The reasons of the latest return or refusal. */
    reasonCodes: text('reason_codes').array().notNull().default([]),
    reasonNote: text('reason_note'),
    /** 'platform' (entered here) or 'import' (registered elsewhere, imported). */
    source: text('source').notNull().default('platform'),
    /** Bumped by every change: an action names the version it saw. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tech_contracts_registration_no_key')
      .on(t.registrationNo)
      .where(sql`${t.registrationNo} is not null`),
    index('tech_contracts_region_status_idx').on(t.regionCode, t.status),
    index('tech_contracts_registered_idx').on(t.registeredOn),
    index('tech_contracts_seller_idx').on(t.sellerOrgId),
    index('tech_contracts_buyer_idx').on(t.buyerOrgId),
  ],
);

/**
 * The amounts of a registered contract, versioned: the registration's (version 1) and each
 * amendment's, from the day it takes effect. Figures as of a date take the latest version by then.
 */
export const techContractAmounts = pgTable(
  'tech_contract_amounts',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => techContracts.id),
    version: integer('version').notNull(),
    effectiveOn: date('effective_on').notNull(),
    exchangeRate: numeric('exchange_rate', { precision: 14, scale: 6 }).notNull(),
    contractAmountOrig: orig('contract_amount_orig').notNull(),
    techAmountOrig: orig('tech_amount_orig').notNull(),
    contractAmount: wan('contract_amount').notNull(),
    techAmount: wan('tech_amount').notNull(),
    nontechCosts: jsonb('nontech_costs').notNull().default([]),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.version] })],
);

/** Every move of a contract: who, when, from and to, with the reasons and note given. */
export const techContractEvents = pgTable(
  'tech_contract_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => techContracts.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reasonCodes: text('reason_codes').array().notNull().default([]),
    note: text('note'),
    /** The business day of the move (registration, cancellation …). */
    on: date('on').notNull(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tech_contract_events_contract_idx').on(t.contractId, t.at)],
);

/** The signed contract (PDF), kept like the projects' attachments. */
export const techContractFiles = pgTable(
  'tech_contract_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => techContracts.id),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tech_contract_files_contract_idx').on(t.contractId)],
);

/** The last registration number issued per registrar region and year (gap-free sequences). */
export const techContractNumbers = pgTable(
  'tech_contract_numbers',
  {
    registrarRegion: text('registrar_region').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.registrarRegion, t.year] })],
);
