/**
 * Composite ranking of counties (县域科技创新排名) and of high-tech zone sub-parks (一区多园考核):
 * a scheme names indicators with weights; each unit's values are (optionally) divided by a size,
 * transformed, min–max normalised over the units with outliers excluded, and weighted into a
 * 0–100 score. Pure: the server gathers the values, this file does the arithmetic.
 */
import { z } from 'zod';

export const rankingTransformSchema = z.enum(['none', 'sqrt', 'log1p']);
export type RankingTransform = z.infer<typeof rankingTransformSchema>;

/** What an item's value is divided by before it is transformed (a unit value of that key). */
export const PER_KEYS = ['population', 'enterprises'] as const;
export type PerKey = (typeof PER_KEYS)[number];

export const rankingItemSchema = z
  .object({
    indicator: z.string().regex(/^[a-z0-9_]+$/),
    weight: z.number().positive(),
    transform: rankingTransformSchema.default('none'),
    per: z.enum(PER_KEYS).optional(),
    polarity: z.enum(['higher', 'lower']).default('higher'),
    /** A name for what the item measures when the indicator's own name does not say it (a share). */
    name: z.string().optional(),
    nameEn: z.string().optional(),
  })
  .strict();
export type RankingItem = z.infer<typeof rankingItemSchema>;

export const rankingSchemeSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9_-]+$/),
    name: z.string(),
    nameEn: z.string(),
    subject: z.enum(['county', 'park']),
    items: z.array(rankingItemSchema).min(1),
    outliers: z
      .object({ method: z.literal('iqr'), k: z.number().positive() })
      .strict()
      .nullable(),
    /** 末位淘汰: last place in this many consecutive years (ending with the ranked year) is flagged. */
    lastPlaceYears: z.number().int().min(1).max(5),
    /** Why the scheme is what it is, for whoever edits it next. */
    note: z.string().optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const keys = s.items.map(itemKey);
    keys.forEach((k, i) => {
      if (keys.indexOf(k) !== i)
        ctx.addIssue({ code: 'custom', path: ['items', i], message: `duplicate ${k}` });
    });
    s.items.forEach((it, i) => {
      const allowed = s.subject === 'county' ? 'population' : 'enterprises';
      if (it.per && it.per !== allowed) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'per'],
          message: `a ${s.subject} has no ${it.per}`,
        });
      }
    });
  });
export type RankingScheme = z.infer<typeof rankingSchemeSchema>;

export const rankingSchemesSchema = z
  .array(rankingSchemeSchema)
  .refine((all) => new Set(all.map((s) => s.code)).size === all.length, 'scheme codes must be unique');

/** An item is its indicator, or its indicator per a size: the same indicator may appear both ways. */
export function itemKey(item: Pick<RankingItem, 'indicator' | 'per'>): string {
  return item.per ? `${item.indicator}/${item.per}` : item.indicator;
}

export interface RankingUnit {
  id: string;
  /** Indicator values by code, and the sizes items are divided by (`population`, `enterprises`). */
  values: Record<string, number | null | undefined>;
}

/** missing: no value (scores 0); outlier_*: beyond the IQR fences, clamped to the nearer end. */
export type ItemFlag = 'missing' | 'outlier_high' | 'outlier_low';

export interface ItemScore {
  key: string;
  indicator: string;
  /** The indicator's value. */
  raw: number | null;
  /** The value scored: raw, or raw ÷ the item's size. */
  value: number | null;
  transformed: number | null;
  normalised: number;
  /** The item's weight after the weights are scaled to sum to 1. */
  weight: number;
  /** Contribution to the 0–100 score. */
  points: number;
  flag: ItemFlag | null;
}

export interface UnitScore {
  id: string;
  /** 0–100, two decimals. */
  score: number;
  /** 1 is best; equal scores (to two decimals) share a rank, the next rank is skipped (1, 2, 2, 4). */
  rank: number;
  items: ItemScore[];
}

/** Sign-preserving, so a negative growth rate stays below zero after the transform. */
export function transformValue(v: number, t: RankingTransform): number {
  const s = Math.sign(v);
  const a = Math.abs(v);
  if (t === 'sqrt') return s * Math.sqrt(a);
  if (t === 'log1p') return s * Math.log1p(a);
  return v;
}

/** The p-quantile with linear interpolation between order statistics (Excel QUARTILE.INC, R type 7). */
export function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Quartile fences need a few values to mean anything; below this every value is an inlier. */
export const MIN_VALUES_FOR_OUTLIERS = 4;

export function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

function scoredValue(unit: RankingUnit, item: RankingItem): { raw: number | null; value: number | null } {
  const raw = unit.values[item.indicator];
  if (raw === null || raw === undefined || !Number.isFinite(raw)) return { raw: null, value: null };
  if (!item.per) return { raw, value: raw };
  const size = unit.values[item.per];
  if (size === null || size === undefined || !Number.isFinite(size) || size === 0)
    return { raw, value: null };
  return { raw, value: raw / size };
}

interface Normalised {
  normalised: number;
  flag: ItemFlag | null;
}

/**
 * Min–max over the inliers. An outlier does not set the range and is clamped to its end. When the
 * inliers are all equal they sit at the end opposite their outliers (0.5 between outliers on both
 * sides). With no outliers either, the item tells apart only who has a value: those with one take
 * full marks over the missing (scored 0); when nobody is missing it earns nobody points.
 */
export function normaliseColumn(
  values: (number | null)[],
  polarity: 'higher' | 'lower',
  outliers: RankingScheme['outliers'],
): Normalised[] {
  const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  if (outliers && present.length >= MIN_VALUES_FOR_OUTLIERS) {
    const q1 = quantile(present, 0.25);
    const q3 = quantile(present, 0.75);
    lo = q1 - outliers.k * (q3 - q1);
    hi = q3 + outliers.k * (q3 - q1);
  }
  const inliers = present.filter((v) => v >= lo && v <= hi);
  const min = inliers.length ? inliers[0] : 0;
  const max = inliers.length ? inliers[inliers.length - 1] : 0;
  const hasLow = present.some((v) => v < lo);
  const hasHigh = present.some((v) => v > hi);
  // Positions before polarity; only beating the missing holds whichever way the item points.
  const flat = hasLow && hasHigh ? 0.5 : hasHigh ? 0 : hasLow ? 1 : null;
  const beatsMissing = flat === null && present.length < values.length;
  return values.map((v) => {
    if (v === null) return { normalised: 0, flag: 'missing' };
    let position: number | null;
    let flag: ItemFlag | null = null;
    if (v < lo) {
      position = 0;
      flag = 'outlier_low';
    } else if (v > hi) {
      position = 1;
      flag = 'outlier_high';
    } else if (max > min) position = (v - min) / (max - min);
    else if (beatsMissing) return { normalised: 1, flag };
    else position = flat;
    if (position === null) return { normalised: 0, flag };
    return { normalised: polarity === 'lower' ? 1 - position : position, flag };
  });
}

/**
 * The rule for missing figures (缺数), stated with every ranking: a criterion no unit has a figure
 * for is left out of the year's ranking and its weight shared out over the others in proportion
 * (no one is scored on an empty column); a criterion only some units lack scores those units 0 on
 * it, each such item flagged `missing`. Returns the keys of the criteria left out.
 */
export function excludedItems(units: RankingUnit[], scheme: Pick<RankingScheme, 'items'>): Set<string> {
  const out = new Set<string>();
  if (units.length === 0) return out;
  for (const item of scheme.items)
    if (units.every((u) => scoredValue(u, item).value === null)) out.add(itemKey(item));
  return out;
}

/** Scores and ranks units under a scheme. */
export function scoreUnits(
  units: RankingUnit[],
  scheme: Pick<RankingScheme, 'items' | 'outliers'>,
): UnitScore[] {
  const excluded = excludedItems(units, scheme);
  const counted = scheme.items.filter((it) => !excluded.has(itemKey(it)));
  const totalWeight = counted.reduce((a, it) => a + it.weight, 0);
  const columns = scheme.items.map((item) => {
    const weight = excluded.has(itemKey(item)) || totalWeight === 0 ? 0 : item.weight / totalWeight;
    const scored = units.map((u) => scoredValue(u, item));
    const transformed = scored.map((s) =>
      s.value === null ? null : transformValue(s.value, item.transform),
    );
    const norm = normaliseColumn(transformed, item.polarity, scheme.outliers);
    return units.map(
      (_, i): ItemScore => ({
        key: itemKey(item),
        indicator: item.indicator,
        raw: scored[i].raw,
        value: scored[i].value,
        transformed: transformed[i],
        normalised: norm[i].normalised,
        weight,
        points: norm[i].normalised * weight * 100,
        flag: norm[i].flag,
      }),
    );
  });
  const scores = units.map((u, i) => {
    const items = columns.map((c) => c[i]);
    return {
      id: u.id,
      score: round(
        items.reduce((a, it) => a + it.points, 0),
        2,
      ),
      rank: 0,
      items,
    };
  });
  for (const s of scores) s.rank = 1 + scores.filter((o) => o.score > s.score).length;
  return scores;
}

/** Units ranked last; nobody when every unit shares one rank (a ranking that separates no one). */
export function lastPlaces(scores: UnitScore[]): Set<string> {
  const worst = Math.max(...scores.map((s) => s.rank));
  if (scores.length < 2 || worst === 1) return new Set();
  return new Set(scores.filter((s) => s.rank === worst).map((s) => s.id));
}

/** A ranking that separates units at all: otherwise a year holds no rank to compare with. */
export function separates(scores: UnitScore[]): boolean {
  return scores.some((s) => s.rank > 1);
}

/**
 * 末位淘汰: last place in each of the `years` consecutive years, newest first. Fewer years ranked
 * than asked for is not a run.
 */
export function eliminationFlags(byYear: UnitScore[][], years: number): Set<string> {
  if (byYear.length < years) return new Set();
  const lasts = byYear.slice(0, years).map(lastPlaces);
  return new Set([...lasts[0]].filter((id) => lasts.every((l) => l.has(id))));
}
