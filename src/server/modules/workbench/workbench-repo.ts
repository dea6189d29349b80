import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client';
import { applications as a, experts as e, reviewAssignments as ra } from '../../db/schema';

/**
 * An expert's reviews still to do: assignments neither declined, replaced nor submitted, on
 * applications whose review is open.
 */
export async function countOpenReviews(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(ra)
    .innerJoin(e, eq(e.id, ra.expertId))
    .innerJoin(a, eq(a.id, ra.applicationId))
    .where(
      and(eq(e.userId, userId), inArray(ra.status, ['assigned', 'accepted']), eq(a.state, 'expert_review')),
    );
  return row.n;
}

/**
 * Every year some figure is held for — an organisation's statistics, a reported plan figure, a
 * carrier's or a park's annual figures — newest first, up to the given year.
 */
export async function yearsWithData(tx: Tx, upTo: number): Promise<number[]> {
  const rows = await queryRows<{ year: number }>(
    tx,
    sql`
    select year from (
      select distinct year from org_annual_stats
      union select distinct year from reported_values
      union select distinct year from carrier_annual
      union select distinct year from park_annual
    ) y where year <= ${upTo} order by year desc`,
  );
  return rows.map((r) => Number(r.year));
}
