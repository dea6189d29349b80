import { boolean, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';

/** Region tree (GB/T 2260 plus the city's functional zones), loaded from config/<city>/regions.json. */
export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  level: text('level', { enum: ['city', 'county', 'zone'] }).notNull(),
  parentCode: text('parent_code'),
  /** The county whose statistics a functional zone rolls up into (its own code for counties). */
  statsCountyCode: text('stats_county_code'),
  sort: integer('sort').notNull().default(0),
  holdsData: boolean('holds_data').notNull().default(true),
});

/** GB/T 4754-2017 sections (门类) and divisions (大类). */
export const industries = pgTable('industries', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  level: text('level').notNull(),
  parentCode: text('parent_code'),
});

/** Small code lists (high-tech fields, strategic emerging industries …), keyed by list and code. */
export const codeLists = pgTable('code_lists', {
  id: text('id').primaryKey(),
  list: text('list').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  sort: integer('sort').notNull().default(0),
});

export const qualificationTypes = pgTable('qualification_types', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  category: text('category').notNull(),
  levels: text('levels').array().notNull(),
  validity: jsonb('validity').notNull(),
  basis: text('basis').notNull(),
});
