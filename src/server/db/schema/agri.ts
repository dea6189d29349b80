import { sql } from 'drizzle-orm';
import {
  date,
  doublePrecision,
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
import {
  AGRI_LEVELS,
  AGRI_UNIT_KINDS,
  APPRAISAL_GRADES,
  LOG_STATUS_CODES,
  type LogFlag,
  SERVED_KINDS,
  TRAINING_KINDS,
} from '../../../domain/agri';
import { bytea, wan } from './columns';
import { personalText, users } from './platform';
import { regions } from './reference';
import { organizations } from './registry';

/**
 * 农业科技载体: agricultural S&T parks (国家农业科技园区「一区三园」, provincial parks), the parks'
 * demonstration enterprises and bases, 星创天地, 科技特派员示范基地 and 科技型农民专业合作社. Each
 * counts from the day it was recognised until the day it ended, so a figure holds "as of a date".
 */
export const agriUnits = pgTable(
  'agri_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: AGRI_UNIT_KINDS }).notNull(),
    level: text('level', { enum: AGRI_LEVELS }).notNull(),
    name: text('name').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** The registry organisation running it, when it is one (a cooperative, an enterprise). */
    orgId: uuid('org_id').references(() => organizations.id),
    /** A demonstration base's park. */
    parkId: uuid('park_id'),
    recognisedOn: date('recognised_on').notNull(),
    endedOn: date('ended_on'),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agri_units_kind_idx').on(t.kind, t.level), index('agri_units_region_idx').on(t.regionCode)],
);

/** A park's yearly output (万元) and its growth on the year before (%). */
export const agriParkOutputs = pgTable(
  'agri_park_outputs',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => agriUnits.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    output: wan('output').notNull(),
    growthPct: numeric('growth_pct', { precision: 8, scale: 2 }),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year] })],
);

/** 科技特派员 trainings: on-site events and 12396 remote sessions, with their attendances. */
export const agriTrainings = pgTable(
  'agri_trainings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: TRAINING_KINDS }).notNull(),
    title: text('title').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    heldOn: date('held_on').notNull(),
    attendances: integer('attendances').notNull(),
    organiser: text('organiser').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agri_trainings_held_idx').on(t.kind, t.heldOn)],
);

/** 科技特派员: a person; the ID number is sealed at rest (secret-box), the mobile masked in lists. */
export const agriCommissioners = pgTable(
  'agri_commissioners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    expertise: text('expertise').notNull(),
    employer: text('employer').notNull(),
    /** The county that selected and manages the commissioner. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** Sealed with SM4 under the 国密 profile (personalText), masked in lists. */
    mobile: personalText('mobile'),
    idNumberSealed: text('id_number_sealed'),
    /** The commissioner's own account (role commissioner), once given one. */
    userId: uuid('user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('agri_commissioners_user_key').on(t.userId).where(sql`${t.userId} is not null`),
    index('agri_commissioners_region_idx').on(t.regionCode),
  ],
);

/** A dispatch (选派): a commissioner serves a village, cooperative or enterprise for a period, under an agreement. */
export const agriDispatches = pgTable(
  'agri_dispatches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    commissionerId: uuid('commissioner_id')
      .notNull()
      .references(() => agriCommissioners.id),
    servedKind: text('served_kind', { enum: SERVED_KINDS }).notNull(),
    servedName: text('served_name').notNull(),
    /** A served party that is a registry organisation confirms the logs through its own account. */
    servedOrgId: uuid('served_org_id').references(() => organizations.id),
    /** The served party's region: the county that oversees the service. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    agreementNo: text('agreement_no').notNull().default(''),
    agreementFileName: text('agreement_file_name'),
    agreementMime: text('agreement_mime'),
    agreementFile: bytea('agreement_file'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agri_dispatches_commissioner_idx').on(t.commissionerId),
    index('agri_dispatches_region_idx').on(t.regionCode),
    index('agri_dispatches_org_idx').on(t.servedOrgId),
  ],
);

/** A service log entered from a phone, confirmed (or sent back) by the served party. */
export const agriServiceLogs = pgTable(
  'agri_service_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dispatchId: uuid('dispatch_id')
      .notNull()
      .references(() => agriDispatches.id),
    commissionerId: uuid('commissioner_id')
      .notNull()
      .references(() => agriCommissioners.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    servedAt: timestamp('served_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    content: text('content').notNull(),
    status: text('status', { enum: LOG_STATUS_CODES }).notNull().default('submitted'),
    /** 1–5, given by the served party when it confirms. */
    satisfaction: integer('satisfaction'),
    rejectReason: text('reject_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    /** Anomaly checks (LOG_FLAGS) and what each found. */
    flags: text('flags').array().$type<LogFlag[]>().notNull().default(sql`'{}'::text[]`),
    flagNotes: jsonb('flag_notes').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agri_service_logs_commissioner_idx').on(t.commissionerId, t.servedAt),
    index('agri_service_logs_dispatch_idx').on(t.dispatchId),
    index('agri_service_logs_region_idx').on(t.regionCode, t.servedAt),
  ],
);

/** A log's photos; the content hash finds a photo used twice. */
export const agriLogPhotos = pgTable(
  'agri_log_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    logId: uuid('log_id')
      .notNull()
      .references(() => agriServiceLogs.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agri_log_photos_sha_idx').on(t.sha256), index('agri_log_photos_log_idx').on(t.logId)],
);

/** The county's view in the yearly appraisal (the rest is computed from the logs). */
export const agriAppraisals = pgTable(
  'agri_appraisals',
  {
    commissionerId: uuid('commissioner_id')
      .notNull()
      .references(() => agriCommissioners.id),
    year: integer('year').notNull(),
    countyGrade: text('county_grade', { enum: APPRAISAL_GRADES }).notNull(),
    note: text('note').notNull().default(''),
    gradedBy: uuid('graded_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.commissionerId, t.year] })],
);
