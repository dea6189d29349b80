import type { Indicator } from '../../../domain/indicators';
import { inParallel, type Tx } from '../../db/client';
import type { RegionTree } from '../../platform/region-tree';
import { CATALOGUE } from './catalogue';
import {
  type AggregateQuery,
  aggregateQueries,
  COMPUTED,
  type Dimension,
  type EvalContext,
  sameSource,
} from './computed-sql';
import { keptOrComputed } from './figure-cache';
import { aggregateRows, yearIsHeld } from './figures-repo';
import { getSetting } from './plan-settings-repo';
import { currentReportedOfYears } from './reported-repo';

/** One evaluated figure: its value and, for reported figures, where it comes from. */
export interface Figure {
  value: number | null;
  source?: string | null;
}

/**
 * The figures of one year as of a date, for every indicator, at any level of the region tree:
 * computed figures are counted per leaf region (county or zone) and summed upward, reported ones
 * are read as entered (an additive figure not entered for a region is the sum of what is entered
 * below it), derived ones are computed from the others at the same level.
 */
export class YearFigures {
  constructor(
    readonly ctx: EvalContext,
    private readonly regions: RegionTree,
    private readonly leaves: Map<string, Map<string, number>>,
    private readonly reported: Map<string, { value: number; source: string }>,
    private readonly resolveOther: (code: string, year: number, region: string) => Figure,
    private readonly settingsMap: Record<string, number>,
  ) {}

  get(indicator: Indicator, region: string): Figure {
    switch (indicator.kind) {
      case 'computed':
        return { value: this.sumComputed(indicator.code, region) };
      case 'reported':
        return this.reportedFigure(indicator, region);
      case 'derived':
        return { value: this.derived(indicator, region) };
    }
  }

  private regionsUnder(region: string): string[] {
    const r = this.regions.get(region);
    if (r?.level === 'city') return this.regions.rows.filter((x) => x.level !== 'city').map((x) => x.code);
    return this.regions.selfAndDescendants(region);
  }

  private sumComputed(code: string, region: string): number | null {
    const byLeaf = this.leaves.get(code);
    if (!byLeaf) return null;
    let total = 0;
    for (const leaf of this.regionsUnder(region)) total += byLeaf.get(leaf) ?? 0;
    // Records of the city itself (the city's own policy documents) count in the city's figure only.
    if (this.regions.get(region)?.level === 'city') total += byLeaf.get(region) ?? 0;
    return total;
  }

  /** A region's own entry, else (additive figures) the sum of its children's, recursively. */
  private reportedFigure(indicator: Indicator, region: string): Figure {
    const own = this.reported.get(`${indicator.code}|${region}`);
    if (own) return own;
    if (!indicator.additive) return { value: null };
    const parts = this.regions
      .childrenOf(region)
      .map((child) => this.reportedFigure(indicator, child.code))
      .filter((f) => f.value !== null);
    if (parts.length === 0) return { value: null };
    return { value: parts.reduce((a, p) => a + (p.value as number), 0), source: parts[0].source };
  }

  private derived(indicator: Indicator, region: string): number | null {
    const f = indicator.formula!;
    const num = this.resolveOther(f.numerator, this.ctx.year, region).value;
    const offset = f.denominatorYearSetting ? (this.settingsMap[f.denominatorYearSetting] ?? 0) : 0;
    const den = this.resolveOther(f.denominator, this.ctx.year - offset, region).value;
    if (num === null || den === null || den === 0) return null;
    return (num / den) * f.scale;
  }
}

/**
 * Computed figures per leaf region (or park); a figure of a year nobody has reported yet is absent.
 * Every figure of a source is evaluated together in one scan and kept until its records change.
 */
async function computeLeaves(tx: Tx, ctx: EvalContext, codes: string[], dim: Dimension) {
  const all = [...new Set(codes.flatMap(sameSource))].sort();
  const groups = aggregateQueries(all, ctx, dim);
  const results = await keptOrComputed(
    tx,
    groups.map((g) => ({
      key: `${dim}|${ctx.year}|${ctx.asOf}|${g.codes.join(',')}`,
      tables: g.tables,
      compute: () => runAggregate(tx, g),
    })),
  );
  const out = new Map<string, Map<string, number>>();
  for (const byCode of results) for (const [code, byKey] of byCode) out.set(code, byKey);
  return out;
}

async function runAggregate(tx: Tx, { codes, query, held }: AggregateQuery) {
  const out = new Map<string, Map<string, number>>();
  if (held && !(await yearIsHeld(tx, held))) return out;
  const rows = await aggregateRows(tx, query);
  for (const code of codes) out.set(code, new Map());
  for (const row of rows) {
    if (row.k === null) continue;
    for (const code of codes) out.get(code)!.set(String(row.k), Number(row[code] ?? 0));
  }
  return out;
}

const SETTINGS_KEY = 'plan.settings';

export async function planSettings(tx: Tx): Promise<Record<string, number>> {
  const stored = (await getSetting(tx, SETTINGS_KEY)) as Record<string, number> | undefined;
  return { 'inv_per_10k.populationYearOffset': 0, ...(stored ?? {}) };
}

async function loadReported(tx: Tx, years: number[]) {
  const rows = await currentReportedOfYears(tx, years);
  const byYear = new Map<number, Map<string, { value: number; source: string }>>();
  for (const r of rows) {
    const m = byYear.get(r.year) ?? new Map();
    m.set(`${r.code}|${r.region}`, { value: Number(r.value), source: r.source });
    byYear.set(r.year, m);
  }
  return byYear;
}

/** The day a figure of `year` is taken at: today within the current year, else the year's end. */
export function defaultAsOf(year: number, today: string): string {
  return today.startsWith(`${year}-`) ? today : `${year}-12-31`;
}

/**
 * Evaluates the given years (each as of its own as-of date) in one go: the computed queries run
 * once per year, reported values are read once for all years a derived figure may need.
 */
export async function evaluateYears(
  tx: Tx,
  regions: RegionTree,
  contexts: EvalContext[],
  dim: Dimension = 'region',
  /** Only these indicators (and what they derive from) are needed; all when omitted. */
  only?: readonly string[],
): Promise<Map<number, YearFigures>> {
  const settingsMap = await planSettings(tx);
  const offsets = Object.values(settingsMap).filter((v) => Number.isInteger(v));
  const years = [...new Set(contexts.flatMap((c) => [c.year, ...offsets.map((o) => c.year - o)]))];
  const reported = await loadReported(tx, years);
  const wanted = only ? withDependencies(only) : null;
  const computedCodes = CATALOGUE.filter(
    (i) => i.kind === 'computed' && COMPUTED[i.code] && (!wanted || wanted.has(i.code)),
  ).map((i) => i.code);
  const result = new Map<number, YearFigures>();
  const byCode = new Map(CATALOGUE.map((i) => [i.code, i]));
  const resolveOther = (code: string, year: number, region: string): Figure => {
    const indicator = byCode.get(code);
    const figures = result.get(year);
    if (!indicator) return { value: null };
    if (figures) return figures.get(indicator, region);
    // A year not evaluated (a denominator from another year) can only be a reported figure.
    const own = reported.get(year)?.get(`${code}|${region}`);
    return own ?? { value: null };
  };
  const leaves = await inParallel(
    tx,
    contexts.map((ctx) => () => computeLeaves(tx, ctx, computedCodes, dim)),
  );
  contexts.forEach((ctx, i) => {
    result.set(
      ctx.year,
      new YearFigures(
        ctx,
        regions,
        leaves[i],
        reported.get(ctx.year) ?? new Map(),
        resolveOther,
        settingsMap,
      ),
    );
  });
  return result;
}

/** The indicators and every indicator a derived one is computed from. */
function withDependencies(codes: readonly string[]): Set<string> {
  const out = new Set<string>();
  const visit = (code: string) => {
    if (out.has(code)) return;
    out.add(code);
    const f = CATALOGUE.find((i) => i.code === code)?.formula;
    if (f) {
      visit(f.numerator);
      visit(f.denominator);
    }
  };
  for (const c of codes) visit(c);
  return out;
}

/** Computed figures per sub-park (key: park id) for one year, for the park assessment. */
export async function computedByPark(tx: Tx, ctx: EvalContext, codes: string[]) {
  return computeLeaves(
    tx,
    ctx,
    codes.filter((c) => COMPUTED[c]),
    'park',
  );
}
