import { z } from 'zod';
import { indicatorSchema, TARGET_KINDS } from '../indicators';

export { indicatorSchema };

export const indicatorValuesQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  region: z.string().max(16).optional(),
  /** Defaults to the end of the year, or today within the current year. */
  asOf: z.iso.date().optional(),
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

export const drillQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  region: z.string().max(16).optional(),
  asOf: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const reportedValueBodySchema = z
  .object({
    indicatorCode: z.string().max(64),
    year: z.number().int().min(2000).max(2100),
    regionCode: z.string().max(16),
    value: z.string().regex(/^-?\d{1,16}(\.\d{1,4})?$/),
    source: z.string().trim().min(2).max(300),
    sourceDate: z.iso.date().nullable().optional(),
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
