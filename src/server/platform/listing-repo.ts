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
