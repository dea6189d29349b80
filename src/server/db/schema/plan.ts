import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Reported indicator values (GDP, R&D spending, population … and, until their modules exist,
 * patents and contracts): each with its source and vintage. A correction supersedes the earlier
 * row, which stays as history; the current value is the one not superseded.
 */
export const reportedValues = pgTable(
  'reported_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorCode: text('indicator_code').notNull(),
    year: integer('year').notNull(),
    regionCode: text('region_code').notNull(),
    value: numeric('value', { precision: 20, scale: 4 }).notNull(),
    source: text('source').notNull(),
    sourceDate: date('source_date'),
    vintage: text('vintage'),
    note: text('note'),
    enteredBy: text('entered_by').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    supersededBy: uuid('superseded_by'),
  },
  (t) => [
    uniqueIndex('reported_values_current_key')
      .on(t.indicatorCode, t.year, t.regionCode)
      .where(sql`${t.supersededAt} is null`),
    index('reported_values_year_idx').on(t.year, t.regionCode),
  ],
);

/** The year's plan: a target per indicator, year and region (the city, or a county's share of it). */
export const planTargets = pgTable(
  'plan_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    regionCode: text('region_code').notNull(),
    kind: text('kind', { enum: ['absolute', 'increase_pct', 'increase_abs', 'rising'] }).notNull(),
    value: numeric('value', { precision: 20, scale: 4 }),
    note: text('note'),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plan_targets_key').on(t.year, t.indicatorCode, t.regionCode)],
);
