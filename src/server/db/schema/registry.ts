import { type SQL, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
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
import { bytea, tsvector, wan } from './columns';
import { personalText } from './platform';

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
    /** The high-tech zone sub-park it sits in, if any (park users' scope). */
    parkId: uuid('park_id'),
    industryCode: text('industry_code'),
    /** 规上工业企业 now; the statistics of each year carry that year's flag. */
    aboveSize: boolean('above_size').notNull().default(false),
    foundedOn: date('founded_on'),
    address: text('address'),
    contactPerson: text('contact_person'),
    contactPhone: personalText('contact_phone'),
    /** Segmented words and single characters of name, region, industry and address (search.ts). */
    searchText: text('search_text').notNull().default(''),
    /**
     * The words of `search_text` as lexemes, kept by the database: matching reads them instead of
     * parsing text for every row. Taken as they are (segmentation is jieba's, in search.ts), with
     * no parser of the database's own and no positions; queries are built the same way.
     */
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`array_to_tsvector(array_remove(string_to_array(${organizations.searchText}, ' '), ''))`,
      ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Serves the usual list (region, kind, 规上, by name) from the index alone, count included.
    index('organizations_region_kind_above_name_idx').on(t.regionCode, t.kind, t.aboveSize, t.name, t.id),
    index('organizations_kind_idx').on(t.kind),
    index('organizations_industry_idx').on(t.industryCode),
    index('organizations_park_idx').on(t.parkId),
    index('organizations_search_vector_idx').using('gin', t.searchVector),
    index('organizations_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

/** Former names: a rename keeps the old name and the date it stopped being used. */
export const organizationNames = pgTable(
  'organization_names',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    usedUntil: timestamp('used_until', { withTimezone: true }).notNull().defaultNow(),
    changedBy: text('changed_by'),
  },
  (t) => [index('organization_names_org_idx').on(t.orgId)],
);

/** A year's statistics of one organisation (万元 as exact decimals). */
export const orgAnnualStats = pgTable(
  'org_annual_stats',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    year: integer('year').notNull(),
    /** Copied from the organisation so statistics can be scoped and summed by region alone. */
    regionCode: text('region_code').notNull(),
    revenue: wan('revenue'),
    rdExpense: wan('rd_expense'),
    staff: integer('staff'),
    stStaff: integer('st_staff'),
    hitechRevenue: wan('hitech_revenue'),
    aboveSize: boolean('above_size').notNull().default(false),
    hasRdActivity: boolean('has_rd_activity').notNull().default(false),
    ownsCoreTech: boolean('owns_core_tech').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.year] }),
    index('org_annual_stats_year_region_idx').on(t.year, t.regionCode),
  ],
);

export const QUALIFICATION_LEVELS = ['national', 'provincial', 'municipal'] as const;

/**
 * A qualification held by an organisation. `validUntil` is stored (from the type's validity rule
 * unless the certificate states otherwise), so "valid on date D" is one indexable condition:
 * issued_on ≤ D ≤ valid_until (or no end), and not revoked on or before D.
 */
export const qualifications = pgTable(
  'qualifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    regionCode: text('region_code').notNull(),
    typeCode: text('type_code').notNull(),
    level: text('level', { enum: QUALIFICATION_LEVELS }),
    certificateNo: text('certificate_no'),
    issuedOn: date('issued_on').notNull(),
    validUntil: date('valid_until'),
    documentNo: text('document_no'),
    batch: text('batch'),
    revoked: boolean('revoked').notNull().default(false),
    revokedOn: date('revoked_on'),
    revokeReason: text('revoke_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('qualifications_org_idx').on(t.orgId),
    index('qualifications_type_valid_idx').on(t.typeCode, t.issuedOn, t.validUntil),
    index('qualifications_region_type_idx').on(t.regionCode, t.typeCode),
    index('qualifications_valid_until_idx').on(t.validUntil),
    uniqueIndex('qualifications_certificate_key')
      .on(t.typeCode, t.certificateNo)
      .where(sql`${t.certificateNo} is not null`),
  ],
);

export const PLATFORM_KINDS = [
  'muni_eng_center',
  'ind_tech_center',
  'prov_key_lab',
  'national_platform',
  'new_rd_inst',
] as const;
export const RECORD_STATUSES = ['active', 'revoked', 'closed'] as const;

/** R&D platforms (工程技术研究中心, 行业技术开发中心, 重点实验室, "国家队", 新型研发机构). */
export const rdPlatforms = pgTable(
  'rd_platforms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hostOrgId: uuid('host_org_id')
      .notNull()
      .references(() => organizations.id),
    regionCode: text('region_code').notNull(),
    kind: text('kind', { enum: PLATFORM_KINDS }).notNull(),
    name: text('name').notNull(),
    level: text('level', { enum: QUALIFICATION_LEVELS }).notNull(),
    recognizedOn: date('recognized_on').notNull(),
    documentNo: text('document_no'),
    status: text('status', { enum: RECORD_STATUSES }).notNull().default('active'),
    /** When it stopped counting (revoked or closed); null while active. */
    endedOn: date('ended_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('rd_platforms_host_idx').on(t.hostOrgId),
    index('rd_platforms_kind_idx').on(t.kind, t.recognizedOn),
    index('rd_platforms_region_idx').on(t.regionCode),
  ],
);

export const CARRIER_KINDS = ['maker_space', 'incubator', 'accelerator', 'star_space'] as const;

/** Incubation carriers (众创空间, 孵化器, 加速器, 星创天地). */
export const carriers = pgTable(
  'carriers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorOrgId: uuid('operator_org_id')
      .notNull()
      .references(() => organizations.id),
    regionCode: text('region_code').notNull(),
    kind: text('kind', { enum: CARRIER_KINDS }).notNull(),
    name: text('name').notNull(),
    level: text('level', { enum: QUALIFICATION_LEVELS }).notNull(),
    recognizedOn: date('recognized_on').notNull(),
    documentNo: text('document_no'),
    status: text('status', { enum: RECORD_STATUSES }).notNull().default('active'),
    endedOn: date('ended_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('carriers_operator_idx').on(t.operatorOrgId),
    index('carriers_kind_idx').on(t.kind, t.recognizedOn),
    index('carriers_region_idx').on(t.regionCode),
  ],
);

/** A carrier's figures for a year. */
export const carrierAnnual = pgTable(
  'carrier_annual',
  {
    carrierId: uuid('carrier_id')
      .notNull()
      .references(() => carriers.id),
    year: integer('year').notNull(),
    regionCode: text('region_code').notNull(),
    startupsServed: integer('startups_served').notNull().default(0),
    teamsServed: integer('teams_served').notNull().default(0),
    areaM2: integer('area_m2'),
    incubatees: integer('incubatees'),
    graduates: integer('graduates'),
  },
  (t) => [
    primaryKey({ columns: [t.carrierId, t.year] }),
    index('carrier_annual_year_idx').on(t.year, t.regionCode),
  ],
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

/** A park's figures for a year (工业总产值 in 万元). */
export const parkAnnual = pgTable(
  'park_annual',
  {
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id),
    year: integer('year').notNull(),
    regionCode: text('region_code').notNull(),
    industrialOutput: wan('industrial_output'),
    enterprises: integer('enterprises'),
    hteCount: integer('hte_count'),
  },
  (t) => [primaryKey({ columns: [t.parkId, t.year] })],
);

export const IMPORT_KINDS = [
  'organizations',
  'annual-stats',
  'qualifications',
  'platforms',
  'carriers',
] as const;

/**
 * An Excel import: the uploaded file is kept until it is committed, validation results and
 * progress are written as it runs, so the page can show them and nothing is half-written.
 */
export const importJobs = pgTable('import_jobs', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
  status: text('status', { enum: ['validating', 'validated', 'committing', 'done', 'failed'] }).notNull(),
  fileName: text('file_name').notNull(),
  file: bytea('file'),
  createdBy: uuid('created_by').notNull(),
  /** Scope of the importer: a county may import only rows of its own region. */
  regionCodes: text('region_codes').array(),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  validRows: integer('valid_rows').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  errors: jsonb('errors').notNull().default([]),
  mode: text('mode', { enum: ['add', 'upsert'] }),
  validOnly: boolean('valid_only').notNull().default(false),
  inserted: integer('inserted').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  message: jsonb('message'),
  bytes: bigint('bytes', { mode: 'number' }).notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  /** The server process running the job, and when it last said so (several servers share jobs). */
  ownerInstance: text('owner_instance'),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
});

/**
 * The rows of an uploaded sheet as validation read them (cell values by column key), so the commit
 * checks and writes them without parsing the workbook again. Removed when the job ends.
 */
export const importRows = pgTable(
  'import_rows',
  {
    jobId: uuid('job_id').notNull(),
    /** The row number as Excel shows it. */
    row: integer('row').notNull(),
    cells: jsonb('cells').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.row] })],
);
