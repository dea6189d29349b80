import { type SQL, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../db/client';

/** How many rows of `table` meet `where`, counting no further than `cap` + 1. */
export async function countUpTo(tx: Tx, table: SQL, where: SQL | undefined, cap: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from (select 1 from ${table} where ${where ?? sql`true`} limit ${cap + 1}) c`,
  );
  return Number(row.n);
}

/** The planner's estimate of how many rows of `table` meet `where` (no rows are read). */
export async function estimateRows(tx: Tx, table: SQL, where: SQL | undefined): Promise<number> {
  const rows = await queryRows<{ 'QUERY PLAN': unknown }>(
    tx,
    sql`explain (format json) select 1 from ${table} where ${where ?? sql`true`}`,
  );
  const raw = rows[0]?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: { 'Plan Rows': number } }[];
  return Math.round(plan[0]?.Plan['Plan Rows'] ?? 0);
}
