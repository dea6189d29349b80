/**
 * The indicator catalogue's shape and the plan arithmetic shared by server and web: resolving a
 * target against last year's value, progress, and the warning level from progress against the
 * share of the year elapsed.
 */
import { z } from 'zod';
import { type Msg, msg } from './message';

export const indicatorKindSchema = z.enum(['computed', 'reported', 'derived']);
export type IndicatorKind = z.infer<typeof indicatorKindSchema>;

/** The sections of the indicator tables, in the order of the bureau's work summary. */
export const INDICATOR_SECTIONS = [
  'enterprises',
  'platforms',
  'ip',
  'input',
  'keyWorks',
  'finance',
  'agri',
  'other',
] as const;
export type IndicatorSection = (typeof INDICATOR_SECTIONS)[number];

export const indicatorSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9_]+$/),
    name: z.string(),
    nameEn: z.string(),
    unit: z.string(),
    unitEn: z.string(),
    kind: indicatorKindSchema,
    /** stock: a level at a date (valid certificates); flow: what happened during the year (applications). */
    measure: z.enum(['stock', 'flow']),
    /** County values add up to the city value. */
    additive: z.boolean(),
    decimals: z.number().int().min(0).max(4),
    polarity: z.enum(['higher', 'lower']).default('higher'),
    formula: z
      .object({
        op: z.literal('ratio'),
        numerator: z.string(),
        denominator: z.string(),
        scale: z.number(),
        /** A setting naming how many years before the value's year the denominator is taken from. */
        denominatorYearSetting: z.string().optional(),
      })
      .optional(),
    /** Where the indicator stands in tables; within a section, the catalogue's order. */
    section: z.enum(INDICATOR_SECTIONS).default('other'),
    /** Position among the plan's five headline indicators (五个主要指标), when it is one. */
    headline: z.number().int().min(1).optional(),
    /** Position among the key figures shown under the headline cards, when it is one. */
    keyFigure: z.number().int().min(1).optional(),
    definition: z.string(),
  })
  .strict();
export type Indicator = z.infer<typeof indicatorSchema>;
export const indicatorCatalogueSchema = z.array(indicatorSchema);

export const TARGET_KINDS = ['absolute', 'increase_pct', 'increase_abs', 'rising'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const TARGET_KIND_NAMES: Record<TargetKind, Msg> = {
  absolute: msg('达到', 'Reach'),
  increase_pct: msg('比上年增长(%)', 'Grow by (%) on last year'),
  increase_abs: msg('比上年新增', 'Add on last year'),
  rising: msg('逐步提高', 'Rise on last year'),
};

export interface TargetSpec {
  kind: TargetKind;
  value: number | null;
}

/** The number a target asks for, given last year's value; null when it cannot be known. */
export function resolveTarget(t: TargetSpec, lastYear: number | null): number | null {
  switch (t.kind) {
    case 'absolute':
      return t.value;
    case 'increase_pct':
      // Multiply before dividing: 54010 × 115 / 100 is exactly 62111.5, 54010 × 1.15 is 62111.4999….
      return lastYear === null || t.value === null ? null : (lastYear * (100 + t.value)) / 100;
    case 'increase_abs':
      return lastYear === null || t.value === null ? null : lastYear + t.value;
    case 'rising':
      return lastYear;
  }
}

export type WarningLevel = 'on_track' | 'behind' | 'seriously_behind' | 'achieved';

export const WARNING_NAMES: Record<WarningLevel, Msg> = {
  achieved: msg('已完成', 'Achieved'),
  on_track: msg('进度正常', 'On track'),
  behind: msg('进度滞后', 'Behind'),
  seriously_behind: msg('严重滞后', 'Seriously behind'),
};

/**
 * Progress toward a target and its warning. For a stock the distance covered is measured from last
 * year's level; for a flow from zero. Progress is compared with the share of the year elapsed: at
 * least 90% of the expected pace is on track, at least 60% behind, less seriously behind.
 */
export function progressOf(args: {
  value: number | null;
  target: number | null;
  lastYear: number | null;
  measure: 'stock' | 'flow';
  kind: TargetKind;
  elapsed: number;
}): { percent: number | null; warning: WarningLevel | null } {
  const { value, target, lastYear, measure, kind, elapsed } = args;
  if (value === null || target === null) return { percent: null, warning: null };
  if (kind === 'rising') {
    if (value > target) return { percent: 100, warning: 'achieved' };
    return { percent: 0, warning: elapsed >= 1 ? 'seriously_behind' : 'behind' };
  }
  const base = measure === 'stock' && lastYear !== null ? lastYear : 0;
  const span = target - base;
  const percent = span <= 0 ? (value >= target ? 100 : 0) : Math.max(0, ((value - base) / span) * 100);
  if (value >= target) return { percent: round(percent, 1), warning: 'achieved' };
  const pace = elapsed <= 0 ? 1 : percent / 100 / Math.min(1, elapsed);
  const warning: WarningLevel = pace >= 0.9 ? 'on_track' : pace >= 0.6 ? 'behind' : 'seriously_behind';
  return { percent: round(percent, 1), warning };
}

export function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

/** The share of a year elapsed on a date: 0 on 1 January, 1 on 31 December. */
export function elapsedShare(year: number, asOf: string): number {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year, 11, 31);
  const at = Date.parse(`${asOf}T00:00:00Z`);
  if (at <= start) return 0;
  if (at >= end) return 1;
  return (at - start) / (end - start);
}
