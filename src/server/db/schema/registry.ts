import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const ORG_KINDS = [
  'enterprise',
  'university',
  'institute',
  'new_rd_institution',
  'service_agency',
  'financial_institution',
] as const;

/** 一企一档: the single record of every organisation the bureau deals with. */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uscc: text('uscc').notNull().unique(),
    legacyRegNo: text('legacy_reg_no'),
    name: text('name').notNull(),
    kind: text('kind', { enum: ORG_KINDS }).notNull(),
    /** Where it operates — never inferred from the USCC, whose region part is the issuing office. */
    regionCode: text('region_code').notNull(),
    industryCode: text('industry_code'),
    aboveSize: boolean('above_size').notNull().default(false),
    foundedOn: date('founded_on'),
    address: text('address'),
    contactPerson: text('contact_person'),
    contactPhone: text('contact_phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organizations_region_idx').on(t.regionCode), index('organizations_kind_idx').on(t.kind)],
);

/** The high-tech zone and its sub-parks (一区多园). */
export const parks = pgTable('parks', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  regionCode: text('region_code').notNull(),
  parentId: uuid('parent_id'),
  sort: integer('sort').notNull().default(0),
});
