import { z } from 'zod';
import { indicatorSchema, TARGET_KINDS } from '../indicators';
import { calendarDate, pageQuerySchema } from './common';

export { indicatorSchema };

export const indicatorValuesQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  region: z.string().max(16).optional(),
  /** Defaults to the end of the year, or today within the current year. */
  asOf: calendarDate.optional(),
  /** `region`: one row per indicator and county (and functional zone), not just the chosen region. */
  by: z.enum(['region']).optional(),
  codes: z.string().max(2000).optional(),
});

export const warningSchema = z.enum(['on_track', 'behind', 'seriously_behind', 'achieved']);

export const indicatorValueSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  value: z.number().nullable(),
  unit: z.string(),
  kind: z.enum(['computed', 'reported', 'derived']),
  lastYear: z.number().nullable(),
  target: z.number().nullable().optional(),
  targetKind: z.enum(TARGET_KINDS).optional(),
  progress: z.number().nullable().optional(),
  warning: warningSchema.nullable().optional(),
  /** For reported values: where the figure comes from. */
  source: z.string().nullable().optional(),
});
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

export const indicatorValuesSchema = z.object({
  year: z.number().int(),
  asOf: z.string(),
  region: z.string(),
  items: z.array(indicatorValueSchema),
});

export type ValuesQuery = z.infer<typeof indicatorValuesQuerySchema>;

/** Which records behind a computed figure: the year, region (with its zones) and as-of date. */
export const drillFilterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  region: z.string().max(16).optional(),
  asOf: calendarDate.optional(),
});
export type DrillQuery = z.infer<typeof drillFilterSchema>;

export const drillQuerySchema = drillFilterSchema.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** One record behind a computed figure: exactly a row its definition counts. */
export const drillRowSchema = z.object({
  recordId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  uscc: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  detail: z.string().nullable(),
  amount: z.number(),
});
export type DrillRow = z.infer<typeof drillRowSchema>;

export const reportedValueBodySchema = z
  .object({
    indicatorCode: z.string().max(64),
    year: z.number().int().min(2000).max(2100),
    regionCode: z.string().max(16),
    value: z.string().regex(/^-?\d{1,16}(\.\d{1,4})?$/),
    source: z.string().trim().min(2).max(300),
    sourceDate: calendarDate.nullable().optional(),
    vintage: z.string().trim().max(100).nullable().optional(),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .strict();

export const targetBodySchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    indicatorCode: z.string().max(64),
    regionCode: z.string().max(16),
    kind: z.enum(TARGET_KINDS),
    value: z
      .string()
      .regex(/^-?\d{1,16}(\.\d{1,4})?$/)
      .nullable(),
    note: z.string().trim().max(300).nullable().optional(),
  })
  .strict();

// --- Reported values and targets (reported-*.ts, targets-*.ts) ---

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export const reportedValueQuerySchema = z.object({
  indicatorCode: z.string().max(64).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  regionCode: z.string().max(16).optional(),
  /** Superseded rows too, each with who entered it and when it was replaced. */
  includeHistory: flag,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  /** The list has one order (year, indicator, region); the parameter is taken and ignored. */
  sort: pageQuerySchema.shape.sort,
});
export type ReportedValueQuery = z.infer<typeof reportedValueQuerySchema>;

export const reportedValueSchema = z.object({
  id: z.string(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  year: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  /** Decimal text as entered (no float rounding). */
  value: z.string(),
  source: z.string(),
  sourceDate: z.string().nullable(),
  vintage: z.string().nullable(),
  note: z.string().nullable(),
  enteredBy: z.string(),
  enteredAt: z.string(),
  current: z.boolean(),
  supersededAt: z.string().nullable(),
  supersededBy: z.string().nullable(),
});
export type ReportedValue = z.infer<typeof reportedValueSchema>;

export const importRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.object({ zh: z.string(), en: z.string() }),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const reportedImportResultSchema = z.object({
  imported: z.number().int(),
  /** Earlier current values the import corrected (they stay as history). */
  superseded: z.number().int(),
});

export const targetQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  regionCode: z.string().max(16).optional(),
  indicatorCode: z.string().max(64).optional(),
});

export const targetSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  kind: z.enum(TARGET_KINDS),
  /** The target as set (decimal text): a level, a percentage or an increment; null for `rising`. */
  value: z.string().nullable(),
  note: z.string().nullable(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  /** Last year's value the relative target is resolved against. */
  lastYear: z.number().nullable(),
  /** The number the target asks for. */
  resolved: z.number().nullable(),
  /** This year's value so far. */
  current: z.number().nullable(),
  progress: z.number().nullable(),
  warning: warningSchema.nullable(),
});
export type Target = z.infer<typeof targetSchema>;

export const targetSplitBodySchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    indicatorCode: z.string().max(64),
  })
  .strict();

// ── Rankings: county ranking and sub-park assessment (一区多园考核) ──

export const rankingQuerySchema = z.object({
  /** A configured scheme: `county` or `park`. */
  scheme: z
    .string()
    .max(32)
    .regex(/^[a-z0-9_-]+$/),
  year: z.coerce.number().int().min(2000).max(2100),
  /** Defaults to the end of the year, or today within the current year; last year is taken at its end. */
  asOf: calendarDate.optional(),
});

const rankingFlagSchema = z.enum(['missing', 'outlier_high', 'outlier_low']);

/** One criterion of the scheme, with its weight scaled so the weights sum to 1. */
export const rankingCriterionSchema = z.object({
  key: z.string(),
  indicator: z.string(),
  per: z.enum(['population', 'enterprises']).nullable(),
  name: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  weight: z.number(),
  transform: z.enum(['none', 'sqrt', 'log1p']),
  polarity: z.enum(['higher', 'lower']),
});

export const rankingItemScoreSchema = z.object({
  key: z.string(),
  indicator: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** The indicator's value. */
  raw: z.number().nullable(),
  /** The value scored: the indicator's value, or divided by the criterion's size (`per`). */
  value: z.number().nullable(),
  normalised: z.number(),
  /** Contribution to the 0–100 score. */
  points: z.number(),
  /** Missing (scores 0) or an outlier (clamped); `flag` says which. */
  flagged: z.boolean(),
  flag: rankingFlagSchema.nullable(),
});

export const rankingUnitSchema = z.object({
  /** A county's region code, or a sub-park's id. */
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  score: z.number(),
  rank: z.number().int(),
  /** Null when last year's figures rank nobody apart. */
  rankLastYear: z.number().int().nullable(),
  /** Last year's rank − this year's: positive moved up. */
  rankChange: z.number().int().nullable(),
  lastPlace: z.boolean(),
  /** 末位淘汰: last place in each of the scheme's `lastPlaceYears` consecutive years. */
  eliminationFlag: z.boolean(),
  items: z.array(rankingItemScoreSchema),
});
export type RankingUnitRow = z.infer<typeof rankingUnitSchema>;

export const rankingSchema = z.object({
  scheme: z.string(),
  schemeName: z.string(),
  schemeNameEn: z.string(),
  subject: z.enum(['county', 'park']),
  note: z.string().nullable(),
  year: z.number().int(),
  asOf: z.string(),
  lastPlaceYears: z.number().int(),
  criteria: z.array(rankingCriterionSchema),
  /**
   * 缺数: the rule applied (domain/ranking.ts `excludedItems`) and what it touched this year —
   * criteria no unit has a figure for (left out, weights shared out over the rest), and criteria
   * some units lack (those units score 0 on them, flagged `missing`).
   */
  missing: z.object({
    rule: z.literal('exclude-empty-zero-partial'),
    excluded: z.array(z.string()),
    partial: z.array(z.string()),
  }),
  units: z.array(rankingUnitSchema),
});
export type RankingResult = z.infer<typeof rankingSchema>;
