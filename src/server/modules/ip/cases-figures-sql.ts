/** The figures counted from 专利行政执法 cases (gathered in plan/computed-sql.ts). */
import { sql } from 'drizzle-orm';
import { ipCases } from '../../db/schema';
import { type Definition, type Source, tables, yearEnd } from '../plan/figure-kit-sql';

/** 专利行政执法案件, counted in the county or zone where the case arises. */
const IP_CASE: Source = {
  from: () => sql`${ipCases}`,
  tables: tables(ipCases),
  region: sql`${ipCases.regionCode}`,
  org: sql`null::uuid`,
  record: sql`${ipCases.id}`,
  detail: sql`coalesce(${ipCases.caseNo}, '') || ' ' || ${ipCases.title}`,
};

export const IP_CASE_FIGURES: Record<string, Definition> = {
  // Cases filed (立案) in the year up to the as-of date, whatever became of them since.
  ip_cases: {
    source: IP_CASE,
    aggregate: 'records',
    where: (ctx) => sql`${ipCases.filedOn} between ${`${ctx.year}-01-01`} and ${yearEnd(ctx)}`,
  },
};
