/**
 * What every computed figure is made of (plan/computed-sql.ts gathers them): the context a figure
 * is evaluated in, the source whose rows it counts and the definition of what it counts. A module
 * that counts its own records in figures states its sources and definitions in its own
 * `figures-sql.ts` with these.
 */
import { getTableName, type SQL } from 'drizzle-orm';

/** What a computed figure is evaluated for: the statistics year and the as-of date. */
export interface EvalContext {
  year: number;
  asOf: string;
}

/** Figures are grouped by leaf region (county or functional zone) or by high-tech zone sub-park. */
export type Dimension = 'region' | 'park';

/** A table the figures count rows of, with the columns every figure and drill-down needs. */
export interface Source {
  from: (ctx: EvalContext) => SQL;
  /** The tables `from` reads, so kept figures are refreshed when one of them changes. */
  tables: string[];
  /**
   * For yearly figures (statistics, carriers' yearly reports): whether the year has been reported
   * at all. A year nobody has reported yet has no figure, which is not the same as zero.
   */
  yearHeld?: (ctx: EvalContext) => SQL;
  region: SQL;
  org: SQL;
  record: SQL;
  detail: SQL;
  /** Who a record without a registry organisation names (a patent's applicants), for drill-downs. */
  party?: SQL;
}

/**
 * Each computed indicator is defined once: the rows of a source it counts (`where`) and how
 * (distinct organisations, records, or a sum). The same definition gives the figure and its
 * drill-down, so every figure is traceable to the records listed. Figures sharing a source are
 * evaluated together in one scan (`aggregateQuery`).
 */
export interface Definition {
  source: Source;
  where: (ctx: EvalContext) => SQL;
  aggregate: 'orgs' | 'records' | 'sum';
  amount?: SQL;
  /** Tables the condition reads beyond the source's own. */
  alsoReads?: string[];
}

/** The table names a source reads (kept figures are refreshed when one of them changes). */
export const tables = (...t: Parameters<typeof getTableName>[0][]) => t.map((x) => getTableName(x));

/** The last day a yearly flow counts: 31 December, or the as-of date when earlier. */
export const yearEnd = (ctx: EvalContext) =>
  ctx.asOf < `${ctx.year}-12-31` ? ctx.asOf : `${ctx.year}-12-31`;
